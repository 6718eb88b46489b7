#!/usr/bin/env python3
"""Prints Markdown table rows from JMH JSON results (-rf json), for docs/benchmarks.md.

usage: tables.py [--path PATH] BASELINE_METHOD RESULT.json [RESULT.json ...]

With --path, only the results whose "path" parameter is PATH (CleanupBenchmark's success or
failure); without it, a benchmark with a path parameter must have been run for one path only.

One row per (benchmark, n): ns/op +- 99.9 % error, ratio to BASELINE_METHOD at the same n in the
same file, the median of the measured iterations and its ratio (robust to bursts of load from
other processes), B/op (gc.alloc.rate.norm, when run with -prof gc); with two files, their
columns side by side (e.g. JDK 17 then JDK 25). Scores are converted to ns. With BASELINE_METHOD
"-", the ratio columns give ns per entry (score / n) instead.
"""
import json
import statistics
import sys

UNIT = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6}


def load(path, only=None):
    rows = {}
    for r in json.load(open(path)):
        if only is not None and r.get("params", {}).get("path") != only:
            continue
        name = r["benchmark"].rsplit(".", 1)[1]
        n = int(r.get("params", {}).get("n", 0))
        m = r["primaryMetric"]
        f = UNIT[m["scoreUnit"]]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        raw = sorted(x * f for fork in m["rawData"] for x in fork)
        med = statistics.median(raw)
        rows[(name, n)] = (m["score"] * f, m["scoreError"] * f, alloc, med)
    return rows


def fmt(x):
    return f"{x:,.1f}" if x < 1e5 else f"{x:,.0f}"


def main():
    args = sys.argv[1:]
    only = None
    if args[0] == "--path":
        only, args = args[1], args[2:]
    base = args[0]
    files = [load(p, only) for p in args[1:]]
    keys = sorted(files[0], key=lambda k: (k[1], k[0] != base, k[0]))
    for name, n in keys:
        cells = [str(n), name]
        for rows in files:
            if (name, n) not in rows:
                cells += ["", "", "", "", ""]
                continue
            s, e, a, med = rows[(name, n)]
            b = rows.get((base, n))
            ratio = f"{s / b[0]:.2f}" if b else "-"
            mratio = f"{med / b[3]:.2f}" if b else "-"
            if base == "-" and n > 0:
                ratio = f"{s / n:.2f}"
                mratio = f"{med / n:.2f}"
            alloc = "-" if a is None else f"{a:,.0f}"
            cells += [f"{fmt(s)} ± {fmt(e)}", ratio, fmt(med), mratio, alloc]
        print("| " + " | ".join(cells) + " |")


main()
