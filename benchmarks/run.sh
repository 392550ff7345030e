#!/usr/bin/env bash
# Builds the JMH benchmarks, runs them with short settings sized for a small (2-core)
# machine, writes benchmarks/target/jmh-result.json and prints the slopes that
# docs/performance.md reports.
#
#   benchmarks/run.sh                        # everything, about 3 minutes
#   benchmarks/run.sh PipelineBenchmark      # extra arguments go to JMH (regex, -p, -prof, ...)
#   benchmarks/run.sh Pipeline Effects -p timer=inert   # the same without a real timer (attribution)
#   JMH_SETTINGS="-wi 5 -w 2s -i 10 -r 2s -f 2" benchmarks/run.sh   # longer, steadier runs
#   SKIP_BUILD=1 benchmarks/run.sh           # reuse benchmarks/target/benchmarks.jar
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
RESULT=benchmarks/target/jmh-result.json
SETTINGS=${JMH_SETTINGS:-"-wi 3 -w 1s -i 5 -r 1s -f 1"}
PROFILERS=${JMH_PROFILERS:-"-prof gc"}   # allocation per operation, for the summary

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

# shellcheck disable=SC2086 # SETTINGS and PROFILERS are lists of options on purpose
java -jar "$JAR" $SETTINGS $PROFILERS -rf json -rff "$RESULT" "$@"

python3 - "$RESULT" <<'PY'
import json, math, sys

COUNTS = ("steps", "effects")  # the parameter each slope is taken over
TARGETS = {"PipelineBenchmark": ("ns per no-op step", 300.0),
           "EffectsBenchmark": ("ns per in-memory effect", 2000.0)}

def num(x):
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x

series = {}  # "Class.method [other=params]" -> {count: (score, error, bytes per op)}
for r in json.load(open(sys.argv[1])):
    bench = ".".join(r["benchmark"].split(".")[-2:])
    params = dict(r.get("params") or {})
    count = next((int(params.pop(c)) for c in COUNTS if c in params), None)
    label = bench + "".join(" %s=%s" % kv for kv in sorted(params.items()))
    m = r["primaryMetric"]
    alloc = next((num(v["score"]) for k, v in (r.get("secondaryMetrics") or {}).items()
                  if k.endswith("gc.alloc.rate.norm")), None)
    series.setdefault(label, {})[count] = (m["score"], num(m.get("scoreError")) or 0.0, alloc)

def order(kv):
    return -1 if kv[0] is None else kv[0]

print()
print("%-45s %6s %12s %12s %10s" % ("benchmark", "n", "ns/op", "± (99.9%)", "B/op"))
for label in sorted(series):
    for n, (s, e, a) in sorted(series[label].items(), key=order):
        print("%-45s %6s %12.1f %12.1f %10s" % (label, "-" if n is None else n, s, e,
                                                "-" if a is None else "%.0f" % a))

print()
print("slopes (t(max) - t(0)) / max, error propagated from the 99.9% intervals:")
for label in sorted(series):
    pts = series[label]
    counts = [n for n in pts if n]
    if 0 not in pts or not counts:
        continue
    top = max(counts)
    (s0, e0, a0), (s1, e1, a1) = pts[0], pts[top]
    slope, err = (s1 - s0) / top, math.hypot(e0, e1) / top
    what, target = TARGETS.get(label.split(".")[0], ("ns per unit", None))
    verdict = "" if target is None else "  %s (target <= %.0f)" % ("OK" if slope <= target else "MISSED", target)
    alloc = "" if a0 is None or a1 is None else ", %.0f B" % ((a1 - a0) / top)
    print("  %-43s %8.1f ± %6.1f %s%s%s" % (label, slope, err, what, alloc, verdict))

for label in sorted(series):
    if label.startswith("PipelineBenchmark.handle"):
        h, x = series[label], series.get(label.replace(".handle", ".execute"))
        if x:
            common = sorted(n for n in set(h) & set(x) if n is not None)
            print("  routing (handle - execute)%s, ns: %s" % (label[len("PipelineBenchmark.handle"):],
                  ", ".join("%d steps: %.0f" % (n, h[n][0] - x[n][0]) for n in common)))
PY
