#!/usr/bin/env python3
"""Checks CleanupBenchmark results against the goals of docs/benchmarks.md, one Markdown table.

usage: goals.py RESULT.json

One row per (n, path): each library variant's time as a ratio to flatTryFinally (same n, path and
run), the peers' ratios, whether exitStack is faster than both peers, and B/op of exitStack next
to the smallest peer's. The goals: every ExitStack form <= 1.5x flat and faster than Guava's
Closer and Scala's Using.Manager, exitStack's B/op <= the smallest peer's, ConcurrentExitStack
<= 2x flat (both as a stack that never leaves the method, "Concurrent", and as one published
where other threads could use it, "Shared": the form a concurrent stack is used in). A goal met is
marked "yes", a goal missed "**no**".

Some columns are not goals but tell what the goals ask: "floor", the ratio of arrayStackFloor (the
least any stack object can do) to flat, and "exitStack / floor"; "locked floor" and "CAS floor",
the ratios of lockedStackFloor and casStackFloor (the least a thread-safe stack can do with a lock,
or one compare-and-set, per registration) to flat, and "Concurrent / CAS floor". B/op is compared in whole bytes:
the GC profiler's figure is an average over the run, whose fractions (JMH's own allocations spread
over millions of operations) are not the variant's.
"""
import json
import sys

STACK = ["exitStack", "exitStackCallback", "exitStackEnterContext", "runRegister", "runCallback",
         "runEnterContext"]
PEERS = ["guavaCloser", "scalaUsingManager"]


def cell(value):
    return "–" if value is None else f"{value:.2f}"


def main():
    rows = {}
    for r in json.load(open(sys.argv[1])):
        name = r["benchmark"].rsplit(".", 1)[1]
        p = r["params"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[(int(p["n"]), p["path"], name)] = (r["primaryMetric"]["score"], alloc)
    keys = sorted({(n, path) for n, path, _ in rows}, key=lambda k: (k[1] != "success", k[0]))
    head = ["N", "path", "exitStack", "worst stack form", "Closer", "Using", "≤ 1.5× (all forms)",
            "faster than both", "B/op: exitStack / smallest peer", "Concurrent", "≤ 2×", "Shared",
            "≤ 2× (shared)", "floor",
            "exitStack / floor", "locked floor", "CAS floor", "Concurrent / CAS floor"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * 2 + "---:|" * 4 + "---|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|")
    yes = lambda ok: "yes" if ok else "**no**"
    for n, path in keys:
        flat = rows[(n, path, "flatTryFinally")][0]
        ratio = {v: rows[(n, path, v)][0] / flat
                 for v in STACK + PEERS + ["concurrentExitStack", "concurrentExitStackShared",
                                           "arrayStackFloor",
                                           "lockedStackFloor", "casStackFloor"]
                 if (n, path, v) in rows}
        present = [v for v in STACK if v in ratio]
        worst = max(present, key=lambda v: ratio[v])
        es_alloc = round(rows[(n, path, "exitStack")][1])
        peers = [v for v in PEERS if (n, path, v) in rows]
        peer_alloc = round(min(rows[(n, path, v)][1] for v in peers)) if peers else None
        floor = ratio.get("arrayStackFloor")
        conc = ratio.get("concurrentExitStack")
        shared = ratio.get("concurrentExitStackShared")
        cas = ratio.get("casStackFloor")
        cells = [str(n), path, f"{ratio['exitStack']:.2f}", f"{ratio[worst]:.2f} ({worst})",
                 cell(ratio.get("guavaCloser")), cell(ratio.get("scalaUsingManager")),
                 yes(ratio[worst] <= 1.5) if len(present) == len(STACK) else "–",
                 yes(all(ratio["exitStack"] < ratio[p] for p in PEERS)) if len(peers) == 2
                 else "–",
                 "–" if peer_alloc is None else
                 f"{es_alloc:,} / {peer_alloc:,} {'' if es_alloc <= peer_alloc else '(**no**)'}",
                 cell(conc), "–" if conc is None else yes(conc <= 2),
                 cell(shared), "–" if shared is None else yes(shared <= 2),
                 cell(floor),
                 "–" if floor is None else f"{ratio['exitStack'] / floor:.2f}",
                 cell(ratio.get("lockedStackFloor")), cell(cas),
                 "–" if cas is None or conc is None else f"{conc / cas:.2f}"]
        print("| " + " | ".join(cells) + " |")


main()
