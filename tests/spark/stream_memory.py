"""Constant memory of `prex extract -` over a long stdin stream.

Feeds N small JSON lines through a pipe (never a file, so nothing can be mapped) and
reads the child's peak RSS from os.wait4 (ru_maxrss, per child, no /usr/bin/time
needed). Runs a short and a 10x longer stream; memory must not grow with the stream:
peak(long) <= 1.25 * peak(short) + 16 MB, and far below the input size.

This lives outside `cargo test` because peak RSS of a separate process is only
measurable after it is reaped, which std's Child::wait hides; os.wait4 gives it.

usage: python3 tests/spark/stream_memory.py --prex target/release/prex [--lines 200000]
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time

TEXT = (
    'GENEVA, March 3, 2021 — Pastor {i} was sentenced on Monday to three years in '
    'prison and a fine of $5,000 under Section 295-C of the Pakistan Penal Code. '
    '"We will appeal," said his lawyer, Anna Li, in Lahore.'
)


def peak_rss(prex, n, jobs):
    """Runs prex over n lines; returns (peak RSS in bytes, input bytes, records, s)."""
    proc = subprocess.Popen(
        [prex, "extract", "-q", "-j", str(jobs), "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    sent = [0]

    def feed():
        batch = []
        for i in range(n):
            batch.append(json.dumps({"id": f"d{i}", "text": TEXT.format(i=i)}) + "\n")
            if len(batch) == 1000:
                data = "".join(batch).encode()
                proc.stdin.write(data)
                sent[0] += len(data)
                batch = []
        data = "".join(batch).encode()
        proc.stdin.write(data)
        sent[0] += len(data)
        proc.stdin.close()

    started = time.monotonic()
    t = threading.Thread(target=feed)
    t.start()
    records = 0
    for line in proc.stdout:
        records += 1
    t.join()
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"prex exited with {code}")
    return usage.ru_maxrss * 1024, sent[0], records, time.monotonic() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prex", required=True)
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    short = max(args.lines // 10, 1)
    rss_s, in_s, rec_s, t_s = peak_rss(args.prex, short, args.jobs)
    rss_l, in_l, rec_l, t_l = peak_rss(args.prex, args.lines, args.jobs)
    mb = 1e6
    print(f"stream memory: {short} lines ({in_s / mb:.1f} MB) peak RSS {rss_s / mb:.1f} MB "
          f"in {t_s:.1f} s; {args.lines} lines ({in_l / mb:.1f} MB) peak RSS {rss_l / mb:.1f} MB "
          f"in {t_l:.1f} s", flush=True)
    ok = True
    if rec_s != short or rec_l != args.lines:
        print(f"FAIL: records {rec_s}/{short}, {rec_l}/{args.lines}")
        ok = False
    if rss_l > 1.25 * rss_s + 16 * mb:
        print(f"FAIL: peak RSS grows with the stream ({rss_s / mb:.1f} -> {rss_l / mb:.1f} MB)")
        ok = False
    # The pipeline's own data (gazetteer automata, rule tables) is a fixed ~40 MB;
    # what must stay small is the growth between the short and the long stream.
    if rss_l - rss_s > (in_l - in_s) / 4:
        print(f"FAIL: peak RSS grew by {(rss_l - rss_s) / mb:.1f} MB for "
              f"{(in_l - in_s) / mb:.1f} MB more input")
        ok = False
    print("stream memory: 1 passed, 0 failed" if ok else "stream memory: 0 passed, 1 failed", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
