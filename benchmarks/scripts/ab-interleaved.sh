#!/bin/bash
# A/B of benchmark jars on a noisy machine: three rounds, each running every jar once (one fork,
# -wi 3 -w 1s -i 4 -r 1s, GC profiler), so that slow phases of the machine hit every jar alike.
# Prints, per benchmark and parameters, the median of all 12 measured iterations of each jar,
# their range, and the median B/op.
#
# usage: benchmarks/scripts/ab-interleaved.sh TAG REGEX "JMH-PARAMS" A.jar B.jar ...
#   e.g. ab-interleaved.sh async 'AsyncBenchmark.asyncExitStack$' "-p n=16" /tmp/a.jar /tmp/b.jar
# JSON goes to $OUT (default /tmp/bench) as TAG-JARNAME-ROUND.json. $JAVA (default java) picks the
# JDK; $JVM_ARGS, if set, is passed to every fork as one -jvmArgsAppend, e.g.
#   JVM_ARGS="-XX:+AlwaysPreTouch -Xms1g -Xmx1g" (a pre-touched fixed heap: see docs/benchmarks.md)
set -euo pipefail
TAG=$1; RE=$2; PAR=$3; shift 3
OUT=${OUT:-/tmp/bench}
JAVA=${JAVA:-java}
EXTRA=()
if [ -n "${JVM_ARGS:-}" ]; then EXTRA=(-jvmArgsAppend "$JVM_ARGS"); fi
mkdir -p "$OUT"
for round in 1 2 3; do
  for j in "$@"; do
    b=$(basename $j .jar)
    timeout 900 "$JAVA" -jar $j "$RE" $PAR "${EXTRA[@]}" -f 1 -wi 3 -w 1s -i 4 -r 1s -prof gc -rf json -rff $OUT/$TAG-$b-$round.json > $OUT/$TAG-$b-$round.log 2>&1
  done
done
python3 - "$OUT" "$TAG" "$@" <<'PY'
import json,sys,glob,statistics,os
out=sys.argv[1]; tag=sys.argv[2]; jars=[os.path.basename(j)[:-4] for j in sys.argv[3:]]
res={}
for j in jars:
  for f in glob.glob(f'{out}/{tag}-{j}-*.json'):
    for b in json.load(open(f)):
      key=(b['benchmark'].split('.')[-1], tuple(sorted(b.get('params', {}).items())))
      d=res.setdefault(key,{}).setdefault(j,{'t':[],'a':[]})
      for it in b['primaryMetric']['rawData']: d['t']+=it
      d['a'].append(b['secondaryMetrics'].get('gc.alloc.rate.norm',{}).get('score',0))
for key in sorted(res):
  print(key[0], dict(key[1]), '  '.join(f"{j}: {statistics.median(res[key][j]['t']):.1f} ns [{min(res[key][j]['t']):.1f}-{max(res[key][j]['t']):.1f}] {statistics.median(res[key][j]['a']):.0f}B" for j in jars if j in res[key]))
PY
