#!/usr/bin/env python3
"""The peer goal of docs/benchmarks.md from several runs of one build, one Markdown table.

usage: peers.py RESULT.json [RESULT.json ...]

For runs of CleanupBenchmark's exitStack, guavaCloser, scalaUsingManager and flatTryFinally (the
rounds of benchmarks/scripts/ab-interleaved.sh given one jar, say): one row per (n, path) with the
median of every measured iteration of each variant over all the files, as a ratio to
flatTryFinally's median, and in brackets the range of its iterations over that median; whether
exitStack's median is below both peers' ("yes", else "**no**"); exitStack's median over the faster
peer's; and B/op of exitStack next to the smallest peer's (the last file's, whole bytes).

Medians over iterations of several forks, rather than one fork's mean: on the machine of these
runs a fork settles on a speed of its own (docs/benchmarks.md, "Forks differ more than
iterations"), so the ranges, not one figure, say whether two variants are apart.
"""
import json
import statistics
import sys
from collections import defaultdict

VARIANTS = ["exitStack", "guavaCloser", "scalaUsingManager"]


def main():
    times = defaultdict(lambda: defaultdict(list))
    alloc = {}
    for path in sys.argv[1:]:
        for r in json.load(open(path)):
            key = (r["params"]["path"], int(r["params"]["n"]))
            name = r["benchmark"].rsplit(".", 1)[1]
            for iterations in r["primaryMetric"]["rawData"]:
                times[key][name] += iterations
            norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {})
            alloc[key, name] = norm.get("score", 0)
    print("| N | path | flat ns | exitStack | Closer | Using | faster than both"
          " | exitStack / faster peer | B/op: exitStack / smallest peer |")
    print("|---:|---|---:|---:|---:|---:|---|---:|---:|")
    for key in sorted(times, key=lambda k: (k[0] != "success", k[1])):
        t = times[key]
        flat = statistics.median(t["flatTryFinally"])
        median = {v: statistics.median(t[v]) for v in VARIANTS}
        peer = min(median["guavaCloser"], median["scalaUsingManager"])
        cells = " | ".join(
            f"{median[v] / flat:.2f} ({min(t[v]) / flat:.2f}–{max(t[v]) / flat:.2f})"
            for v in VARIANTS)
        smallest = min(alloc[key, "guavaCloser"], alloc[key, "scalaUsingManager"])
        faster = "yes" if median["exitStack"] < peer else "**no**"
        print(f"| {key[1]} | {key[0]} | {flat:,.1f} | {cells} | {faster} | "
              f"{median['exitStack'] / peer:.2f} | "
              f"{alloc[key, 'exitStack']:,.0f} / {smallest:,.0f} |")


if __name__ == "__main__":
    main()
