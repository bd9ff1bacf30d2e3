#!/usr/bin/env bash
# The Spark recipe, tested: prex as a stage of Spark in local mode (2 workers) must
# give the same records as `prex extract -` run directly, and stdin mode must keep
# constant memory over a long stream. Called by .ci/spark (and so by .ci/run).
#
# Needs python3 (venv), Java 17+ and PyPI (pyspark, ~300 MB, installed once into
# .venv-spark/ or $PREX_SPARK_VENV and reused). PREX_SKIP_SPARK=1 skips it, loudly;
# PREX_SPARK_COPIES sets the corpus repetitions (default 125: 3,000 documents).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ "${PREX_SKIP_SPARK:-}" == 1 ]]; then
    echo "spark: SKIPPED (PREX_SKIP_SPARK=1)"
    exit 0
fi

if [[ -z "${JAVA_HOME:-}" ]]; then
    for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-21-openjdk-amd64; do
        if [[ -x "$j/bin/java" ]]; then export JAVA_HOME="$j"; break; fi
    done
fi
[[ -n "${JAVA_HOME:-}" ]] || command -v java >/dev/null || { echo "spark: Java 17+ is required"; exit 1; }

venv="${PREX_SPARK_VENV:-.venv-spark}"
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    echo "spark: installing pyspark into $venv (once; ~300 MB)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark>=3.5"
fi

# The binary under test: $PREX_BIN if given, else a release build (a debug binary
# works too, but makes this run several times longer).
if [[ -n "${PREX_BIN:-}" ]]; then
    prex="$(realpath "$PREX_BIN")"
else
    cargo build --release --quiet
    prex="$PWD/target/release/prex"
fi

"$venv/bin/python" tests/spark/stream_memory.py --prex "$prex" --lines 200000
"$venv/bin/python" tests/spark/check.py --prex "$prex" --copies "${PREX_SPARK_COPIES:-125}"
