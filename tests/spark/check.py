"""CI check of examples/spark/prex_spark.py in Spark local mode.

Builds a JSON Lines corpus from corpus/ repeated to a few thousand documents, runs the
example with `spark-submit --master local[2] --files PREX` (the RDD stage, then the
DataFrame stage) and `--docs corpus`, and checks, record for record, that Spark's
output equals `prex extract -` run directly on the same lines. Exits 1 on any
mismatch, naming the first differing record and field.

Why `prex extract -` and not `prex extract corpus`: Spark feeds prex JSON lines on
stdin, so its records say `"source": {"format": "jsonl", ...}` with no `path`; the
fair reference is the same lines through the same mode. The `--docs` run is compared
with `prex extract corpus` on everything but `source`.

usage: python tests/spark/check.py --prex target/release/prex [--copies 125]
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(REPO, "examples", "spark", "prex_spark.py")
sys.path.insert(0, os.path.dirname(EXAMPLE))

from prex_spark import DOC_EXTENSIONS, decode  # noqa: E402

FAILURES = []
PASSED = [0]


def passed(msg):
    PASSED[0] += 1
    print(f"ok: {msg}", flush=True)


def fail(msg):
    FAILURES.append(msg)
    print(f"FAIL: {msg}", file=sys.stderr, flush=True)


def corpus_lines(root):
    """corpus/ as JSON lines, sorted by id, converted as the example's --docs does."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            ext = os.path.splitext(name)[1].lower()
            if name.startswith(".") or ext not in DOC_EXTENSIONS:
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            with open(path, "rb") as f:
                obj = {"id": rel, "text": decode(f.read())}
            if DOC_EXTENSIONS[ext]:
                obj["format"] = DOC_EXTENSIONS[ext]
            out.append((rel, obj))
    out.sort(key=lambda p: p[0].encode("utf-8"))
    return [o for _, o in out]


def timed(cmd, **kw):
    t = time.monotonic()
    subprocess.run(cmd, check=True, **kw)
    return time.monotonic() - t


def read_records(paths):
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            recs.extend(json.loads(line) for line in f if line.strip())
    return recs


def part_files(d):
    return sorted(glob.glob(os.path.join(d, "part-*")))


def strip_nulls(v):
    """Spark drops null fields when writing JSON and fills absent ones with null when
    reading Parquet; both sides are compared without them."""
    if isinstance(v, dict):
        return {k: strip_nulls(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [strip_nulls(x) for x in v]
    return v


def first_difference(a, b, path=""):
    if type(a) is not type(b) and not (
        isinstance(a, (int, float)) and isinstance(b, (int, float))
    ):
        return f"{path or '/'}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: present on one side only"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}/{i}")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def compare(what, got, want, normalize=lambda r: r):
    """Record for record, in order; names the first difference."""
    if len(got) != len(want):
        fail(f"{what}: {len(got)} records, want {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        g, w = normalize(g), normalize(w)
        if g != w:
            fail(f"{what}: record {i} (id {w.get('id')!r}) differs: {first_difference(g, w)}")
            return False
    if len(got) == len(want):
        passed(f"{what}: {len(got)} records equal")
        return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prex", required=True)
    ap.add_argument("--copies", type=int, default=125)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--keep", help="work in this directory and keep it")
    args = ap.parse_args()
    prex = os.path.abspath(args.prex)
    spark_submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)

    work = args.keep or tempfile.mkdtemp(prefix="prex-spark-")
    os.makedirs(work, exist_ok=True)
    print(f"work directory: {work}", flush=True)

    # 1. corpus/ repeated to a few thousand documents, ids kept unique.
    base = corpus_lines(os.path.join(REPO, "corpus"))
    input_path = os.path.join(work, "input.jsonl")
    with open(input_path, "w", encoding="utf-8") as f:
        for k in range(args.copies):
            for obj in base:
                f.write(json.dumps(dict(obj, id=f"copy{k:03d}/{obj['id']}"), ensure_ascii=False))
                f.write("\n")
    n_docs = len(base) * args.copies
    n_bytes = os.path.getsize(input_path)
    print(f"input: {n_docs} documents, {n_bytes / 1e6:.1f} MB", flush=True)

    # 2. Direct: the reference, and the throughput baseline (1 and 2 threads).
    direct = os.path.join(work, "direct.jsonl")
    with open(input_path, "rb") as i, open(direct, "wb") as o:
        t_direct1 = timed([prex, "extract", "-q", "-j", "1", "-"], stdin=i, stdout=o)
    with open(input_path, "rb") as i:
        t_direct2 = timed([prex, "extract", "-q", "-j", "2", "-"], stdin=i, stdout=subprocess.DEVNULL)
    want = read_records([direct])

    def submit(*extra):
        return timed(
            [spark_submit, "--master", args.master, "--files", prex,
             "--conf", "spark.ui.enabled=false",
             "--conf", "spark.ui.showConsoleProgress=false", "--conf", "spark.log.level=WARN",
             EXAMPLE, *extra],
            env=env,
        )

    # 3. The RDD stage: byte-identical JSON, and the same records in Parquet.
    rdd_out = os.path.join(work, "rdd")
    t_rdd = submit("--jsonl", input_path, "--out", rdd_out)
    parts = part_files(os.path.join(rdd_out, "json"))
    got = b"".join(open(p, "rb").read() for p in parts)
    if got == open(direct, "rb").read():
        passed(f"rdd json: byte-identical to direct ({len(parts)} part files)")
    else:
        fail("rdd json: not byte-identical to direct output")
    compare("rdd json", read_records(parts), want)

    # 4.-6. In one more session (one JVM start, not three), with the binary shipped
    # as with --files: the DataFrame stage, a directory of files, Parquet read back,
    # and the RDD stage timed without JVM start-up.
    import prex_spark
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(args.master).appName("prex-check")
             .config("spark.ui.enabled", "false").config("spark.files", prex)
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    # Closures defined in an imported module are pickled by reference: ship the module.
    spark.sparkContext.addPyFile(EXAMPLE)

    def run(*argv):
        return prex_spark.run(spark, prex_spark.parse_args(list(argv)))

    df_out = os.path.join(work, "df")
    t_df = run("--jsonl", input_path, "--out", df_out, "--api", "dataframe")
    compare("dataframe json", read_records(part_files(os.path.join(df_out, "json"))),
            want, strip_nulls)

    # A directory of files, compared with `prex extract corpus` but for `source` and the
    # windows-1252 warning (the example decodes such files itself, so prex sees text).
    docs_out = os.path.join(work, "docs")
    run("--docs", os.path.join(REPO, "corpus"), "--out", docs_out, "--no-parquet")
    files_ref = subprocess.run([prex, "extract", "-q", os.path.join(REPO, "corpus")],
                               check=True, capture_output=True).stdout
    files_want = [json.loads(line) for line in files_ref.decode().splitlines()]

    def comparable(r):
        r = {k: v for k, v in r.items() if k != "source"}
        r["warnings"] = [w for w in r.get("warnings", []) if "windows-1252" not in w]
        return r

    compare("docs json vs prex extract corpus (without source)",
            read_records(part_files(os.path.join(docs_out, "json"))), files_want, comparable)

    for name, d in (("rdd parquet", rdd_out), ("dataframe parquet", df_out)):
        rows = spark.read.parquet(os.path.join(d, "parquet")).collect()
        got = sorted((r.asDict(recursive=True) for r in rows), key=lambda r: r["id"])
        compare(name, got, sorted(want, key=lambda r: r["id"]), strip_nulls)

    rdd2_out = os.path.join(work, "rdd-timed")
    t_stage = run("--jsonl", input_path, "--out", rdd2_out, "--no-parquet")
    compare("rdd json (timed run)", read_records(part_files(os.path.join(rdd2_out, "json"))),
            want)

    # Per-line failures: the task goes on and the other lines keep their records;
    # a prex that cannot run fails the job instead of losing the partition.
    sc = spark.sparkContext
    good = json.dumps({"id": "good", "text": "The court sentenced him on Monday."})
    lines = sc.parallelize(["{not json", good, '{"id": "no-text"}', good], 1)
    got = prex_spark.pipe_prex(lines).collect()
    ids = [json.loads(r)["id"] for r in got]
    if ids == ["good", "good"]:
        passed("bad lines are skipped, the partition goes on")
    else:
        fail(f"bad lines: got records {ids}, want ['good', 'good']")
    print("(a task traceback naming /nonexistent/prex follows: expected)", flush=True)
    try:
        prex_spark.pipe_prex(lines, prex="/nonexistent/prex").collect()
        fail("a missing prex binary did not fail the job")
    except Exception as e:  # py4j wraps the task failure
        if "nonexistent" in str(e):
            passed("a missing prex binary fails the job")
        else:
            fail(f"a missing prex binary failed with an unexpected error: {str(e)[:300]}")
    spark.stop()

    mb = n_bytes / 1e6
    print(
        f"throughput on {n_docs} documents, {mb:.1f} MB (wall clock, this machine):\n"
        f"  direct prex extract -j 1 -   {t_direct1:6.2f} s  {mb / t_direct1:6.1f} MB/s\n"
        f"  direct prex extract -j 2 -   {t_direct2:6.2f} s  {mb / t_direct2:6.1f} MB/s\n"
        f"  spark {args.master} rdd stage, JSON out  {t_stage:6.2f} s  {mb / t_stage:6.1f} MB/s\n"
        f"  spark {args.master} dataframe, JSON+Parquet {t_df:6.2f} s  {mb / t_df:6.1f} MB/s\n"
        f"  spark-submit {args.master} rdd, JSON+Parquet, JVM start {t_rdd:6.2f} s",
        flush=True,
    )
    print(f"spark: {PASSED[0]} passed, {len(FAILURES)} failed", flush=True)
    if FAILURES:
        print(f"spark: outputs kept in {work}", flush=True)
        return 1
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
