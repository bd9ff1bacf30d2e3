"""Run prex as a stage of Apache Spark.

Every partition's lines go through one `prex extract -` process (stdin JSON Lines in,
prex.v1 records out), the way `RDD.pipe` works. Records are written as JSON Lines
(exactly the bytes prex wrote) and as Parquet.

    spark-submit --master 'local[2]' --files target/release/prex \\
        examples/spark/prex_spark.py --jsonl docs.jsonl --out out/

Input, one of:
  --jsonl PATH   JSON Lines {"id", "text", "dct"?, "format"?}; a file, directory or glob
  --docs DIR     a directory of .txt/.md/.html/.htm files, turned into such lines
                 (id = path relative to DIR, as `prex extract DIR` names them)

Output: OUT/json/part-*  (records, in input order across the part files)
        OUT/parquet/     (the same records as Parquet)

--api dataframe runs the same stage on a DataFrame with columns id, text (via
DataFrame.toJSON() and the same pipe) and returns a DataFrame of records.

The prex binary: `--prex PATH` (an absolute path present on every worker, or a name
on the workers' PATH), else the file shipped with `spark-submit --files .../prex`,
found on each executor with SparkFiles.get("prex").
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession

DOC_EXTENSIONS = {".txt": None, ".md": "markdown", ".html": "html", ".htm": "html"}


def prex_command(prex, jobs):
    """The command line each task runs. `prex=None` means the binary shipped with
    --files, resolved on the executor (its SparkFiles directory differs from the
    driver's on a cluster)."""
    exe = prex
    if exe is None:
        exe = SparkFiles.get("prex")
        if not os.access(exe, os.X_OK):
            os.chmod(exe, 0o755)
    return [exe, "extract", "-q", "-j", str(jobs), "-"]


def pipe_prex(rdd, prex=None, jobs=1):
    """`rdd.pipe("prex extract -")` for an RDD of JSON strings {"id", "text", ...},
    returning an RDD of prex.v1 record strings in the same order.

    Unlike a bare `rdd.pipe`, the binary is looked up on the executor, and the exit
    status is checked: 0 is success, 1 means some lines failed (each is named on the
    task's stderr with its line number within the partition; the other lines still
    produced records, so the task goes on), anything else fails the task."""

    def run(lines):
        cmd = prex_command(prex, jobs)
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 16
        )

        failed = []

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # prex died: its exit status says why
            except BaseException as e:  # the input failed: do not pass a partial partition
                failed.append(e)
                proc.kill()
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        # prex writes each record as soon as it and all before it are done, so this
        # loop streams: no partition is held in memory, on either side of the pipe.
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        writer.join()
        code = proc.wait()
        if failed:
            raise failed[0]
        if code not in (0, 1):
            raise RuntimeError(f"{shlex.join(cmd)} exited with status {code}")

    return rdd.mapPartitions(run)


def decode(raw):
    """Bytes of a file to text the way prex reads files: UTF-8 without BOM, UTF-16
    with a BOM, else windows-1252 (latin-1 for its 5 undefined bytes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(
            bytes([b]).decode("cp1252", errors="strict")
            if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
            else chr(b)
            for b in raw
        )


def docs_to_lines(sc, root):
    """A directory of documents as JSON lines {"id", "text", "format"?}, sorted by id.
    (HTML goes in as HTML: prex extracts its readable text as for files.)"""
    # binaryFiles reads subdirectories only with Hadoop's recursive flag.
    sc._jsc.hadoopConfiguration().set(
        "mapreduce.input.fileinputformat.input.dir.recursive", "true"
    )

    prefix = qualified(sc, root) + "/"

    def to_line(pair):
        path, raw = pair
        rel = path[len(prefix):] if path.startswith(prefix) else path
        ext = os.path.splitext(rel)[1].lower()
        obj = {"id": rel, "text": decode(bytes(raw))}
        if DOC_EXTENSIONS.get(ext):
            obj["format"] = DOC_EXTENSIONS[ext]
        return rel, json.dumps(obj, ensure_ascii=False)

    return (
        sc.binaryFiles(root)
        .filter(lambda p: os.path.splitext(p[0])[1].lower() in DOC_EXTENSIONS)
        .filter(lambda p: not os.path.basename(p[0]).startswith("."))
        .map(to_line)
        .sortByKey()
        .values()
    )


def qualified(sc, path):
    """A path as Hadoop names the files under it (`file:/abs/dir`, `hdfs://nn/dir`)."""
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    fs = p.getFileSystem(sc._jsc.hadoopConfiguration())
    return fs.makeQualified(p).toString().rstrip("/")


def extract_dataframe(df, prex=None, jobs=1, schema=None):
    """The same stage on a DataFrame with string columns `id` and `text` (and
    optionally `dct`, `format`): returns a DataFrame of prex.v1 records."""
    spark = df.sparkSession
    # Persisted so that schema inference and the writes that follow run prex once.
    records = pipe_prex(df.toJSON(), prex, jobs).persist()
    reader = spark.read.schema(schema) if schema is not None else spark.read
    return reader.json(records)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--jsonl", help="JSON Lines input (file, directory or glob)")
    src.add_argument("--docs", help="directory of .txt/.md/.html files")
    ap.add_argument("--out", required=True, help="output directory (json/ and parquet/)")
    ap.add_argument("--prex", help="prex binary on the workers (default: SparkFiles 'prex')")
    ap.add_argument("--jobs", type=int, default=1, help="prex threads per task (default 1)")
    ap.add_argument("--partitions", type=int, help="repartition the input lines first")
    ap.add_argument("--api", choices=["rdd", "dataframe"], default="rdd")
    ap.add_argument("--no-parquet", action="store_true")
    return ap.parse_args(argv)


def run(spark, args):
    """The whole job on an existing session; returns the seconds it took."""
    sc = spark.sparkContext
    json_out = os.path.join(args.out, "json")
    parquet_out = os.path.join(args.out, "parquet")

    if args.jsonl:
        lines = sc.textFile(args.jsonl)
    else:
        lines = docs_to_lines(sc, args.docs)
    if args.partitions:
        # zipWithIndex + sort keeps the input order across the new partitions.
        lines = (
            lines.zipWithIndex()
            .map(lambda p: (p[1], p[0]))
            .sortByKey(numPartitions=args.partitions)
            .values()
        )

    started = time.monotonic()
    if args.api == "rdd":
        records = pipe_prex(lines, args.prex, args.jobs)
        # Written once, as prex wrote them; Parquet is read back from that JSON so
        # prex runs a single time (schema inference would otherwise run it twice).
        records.saveAsTextFile(json_out)
        log(f"prex stage (pipe + JSON write): {time.monotonic() - started:.2f} s")
        if not args.no_parquet:
            spark.read.json(json_out).write.parquet(parquet_out)
    else:
        df = spark.read.json(lines, schema="id string, text string, dct string, format string")
        out = extract_dataframe(df, args.prex, args.jobs)
        out.write.json(json_out)
        if not args.no_parquet:
            out.write.parquet(parquet_out)
    elapsed = time.monotonic() - started
    log(f"done in {elapsed:.2f} s; records in {json_out}")
    return elapsed


def main(argv=None):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("prex").getOrCreate()
    try:
        run(spark, args)
    finally:
        spark.stop()
    return 0


def log(msg):
    print(f"prex_spark: {msg}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
