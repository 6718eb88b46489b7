#!/usr/bin/env python3
"""Checks CleanupBenchmark results against the goals of docs/benchmarks.md, one Markdown table.

usage: goals.py RESULT.json

One row per (n, path): each library variant's time as a ratio to flatTryFinally (same n, path and
run), the peers' ratios, whether exitStack is faster than both peers, and B/op of exitStack next
to the smallest peer's. The goals: every ExitStack form <= 1.5x flat and faster than Guava's
Closer and Scala's Using.Manager, exitStack's B/op <= the smallest peer's, ConcurrentExitStack
<= 2x flat. A goal met is marked "yes", a goal missed "**no**".
"""
import json
import sys

STACK = ["exitStack", "exitStackCallback", "exitStackEnterContext", "runRegister", "runCallback",
         "runEnterContext"]
PEERS = ["guavaCloser", "scalaUsingManager"]


def main():
    rows = {}
    for r in json.load(open(sys.argv[1])):
        name = r["benchmark"].rsplit(".", 1)[1]
        p = r["params"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[(int(p["n"]), p["path"], name)] = (r["primaryMetric"]["score"], alloc)
    keys = sorted({(n, path) for n, path, _ in rows}, key=lambda k: (k[1] != "success", k[0]))
    head = ["N", "path", "exitStack", "worst stack form", "Closer", "Using", "≤ 1.5× (all forms)",
            "faster than both", "B/op: exitStack / smallest peer", "Concurrent", "≤ 2×"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * 2 + "---:|" * 4 + "---|---|---:|---:|---|")
    yes = lambda ok: "yes" if ok else "**no**"
    for n, path in keys:
        flat = rows[(n, path, "flatTryFinally")][0]
        ratio = {v: rows[(n, path, v)][0] / flat for v in STACK + PEERS + ["concurrentExitStack"]
                 if (n, path, v) in rows}
        worst = max(STACK, key=lambda v: ratio.get(v, 0))
        es = rows[(n, path, "exitStack")]
        peer_alloc = min(rows[(n, path, v)][1] for v in PEERS)
        cells = [str(n), path, f"{ratio['exitStack']:.2f}", f"{ratio[worst]:.2f} ({worst})",
                 f"{ratio['guavaCloser']:.2f}", f"{ratio['scalaUsingManager']:.2f}",
                 yes(ratio[worst] <= 1.5),
                 yes(all(ratio["exitStack"] < ratio[p] for p in PEERS)),
                 f"{es[1]:,.0f} / {peer_alloc:,.0f} {'' if es[1] <= peer_alloc else '(**no**)'}",
                 f"{ratio['concurrentExitStack']:.2f}", yes(ratio["concurrentExitStack"] <= 2)]
        print("| " + " | ".join(cells) + " |")


main()
