#!/usr/bin/env bash
# Builds the JMH benchmarks, runs them with short settings sized for a small (2-core)
# machine, writes benchmarks/target/jmh-result.json and prints the slopes, ratios and
# differences that docs/performance.md reports.
#
#   benchmarks/run.sh                        # everything, about 4 minutes
#   benchmarks/run.sh KvGet SchedulerOverhead   # engine vs naive KV get; idle scheduler cost
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
units = {}   # label -> JMH score unit (ns/op, us/op, ops/s)
cpu = {}     # label -> process CPU µs per request: (mean, min, max) over iterations
for r in json.load(open(sys.argv[1])):
    bench = ".".join(r["benchmark"].split(".")[-2:])
    params = dict(r.get("params") or {})
    count = next((int(params.pop(c)) for c in COUNTS if c in params), None)
    label = bench + "".join(" %s=%s" % kv for kv in sorted(params.items()))
    m = r["primaryMetric"]
    alloc = next((num(v["score"]) for k, v in (r.get("secondaryMetrics") or {}).items()
                  if k.endswith("gc.alloc.rate.norm")), None)
    series.setdefault(label, {})[count] = (m["score"], num(m.get("scoreError")) or 0.0, alloc)
    units[label] = m.get("scoreUnit", "")
    aux = {k: v for k, v in (r.get("secondaryMetrics") or {}).items() if k in ("cpuNanos", "requests")}
    if len(aux) == 2:  # KvGetBenchmark: process CPU time and requests per iteration
        per = [c / q for c, q in zip(sum(aux["cpuNanos"]["rawData"], []), sum(aux["requests"]["rawData"], [])) if q]
        if per:
            cpu[label] = (sum(per) / len(per) / 1000.0, min(per) / 1000.0, max(per) / 1000.0)

def order(kv):
    return -1 if kv[0] is None else kv[0]

print()
print("%-45s %6s %12s %12s %-7s %10s" % ("benchmark", "n", "score", "± (99.9%)", "unit", "B/op"))
for label in sorted(series):
    for n, (s, e, a) in sorted(series[label].items(), key=order):
        print("%-45s %6s %12.1f %12.1f %-7s %10s" % (label, "-" if n is None else n, s, e, units[label],
                                                     "-" if a is None else "%.0f" % a))

sloped = [label for label in sorted(series) if 0 in series[label] and any(series[label])]
if sloped:
    print()
    print("slopes (t(max) - t(0)) / max, error propagated from the 99.9% intervals:")
for label in sloped:
    pts = series[label]
    counts = [n for n in pts if n]
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

def verdict(low, high, target):
    # met / missed only when the whole interval is on one side of the target
    return "met" if low >= target else "MISSED" if high < target else "undecided (the target is within the error)"

def ratio(a, b):
    # a / b with the relative errors combined in quadrature
    (sa, ea, _), (sb, eb, _) = a, b
    r = sa / sb
    return r, r * math.hypot(ea / sa, eb / sb)

# KvGetBenchmark: the engine against the naive handler, measured in the same run.
kv = [label for label, pts in series.items() if label.startswith("KvGetBenchmark.") and None in pts]
if kv:
    print()
    print("KV get, engine vs naive handler (target: ratio >= 1.0, above 1 the engine is better):")
    for label in sorted(kv):
        what = label.split(".", 1)[1].split(" ")[0]  # latencyEngine [params]
        if not what.endswith("Engine") or label.replace("Engine", "Naive", 1) not in kv:
            continue
        what = what[:-len("Engine")]
        e, n = series[label][None], series[label.replace("Engine", "Naive", 1)][None]
        r, err = ratio(n, e) if what == "latency" else ratio(e, n)
        better = "naive / engine" if what == "latency" else "engine / naive"
        print("  %-10s engine %10.1f ± %.1f, naive %10.1f ± %.1f %s; %s = %.2f ± %.2f: %s%s"
              % (what, e[0], e[1], n[0], n[1], units[label], better, r, err, verdict(r - err, r + err, 1.0),
                 label[label.find(" "):] if " " in label else ""))
        ce, cn = cpu.get(label), cpu.get(label.replace("Engine", "Naive", 1))
        if ce and cn:
            print("  %-10s CPU per request: engine %.1f µs (%.1f-%.1f), naive %.1f µs (%.1f-%.1f);"
                  " naive / engine = %.2f" % ("", ce[0], ce[1], ce[2], cn[0], cn[1], cn[2], cn[0] / ce[0]))

# SchedulerOverheadBenchmark: with the SLO scheduler minus without, per request.
so = {label: pts for label, pts in series.items() if label.startswith("SchedulerOverheadBenchmark.")}
pairs = [(label, label.replace("scheduler=slo", "scheduler=none")) for label in sorted(so) if "scheduler=slo" in label]
if pairs:
    print()
    print("idle SLO scheduler, t(slo) - t(none) per request (target < 1000 ns):")
    for slo, none in pairs:
        for n in sorted(n for n in set(so[slo]) & set(so.get(none, {})) if n is not None):
            (s1, e1, a1), (s0, e0, a0) = so[slo][n], so[none][n]
            d, err = s1 - s0, math.hypot(e0, e1)
            alloc = "" if a0 is None or a1 is None else ", %+.0f B" % (a1 - a0)
            print("  %-43s %8.1f ± %6.1f ns%s: %s" % ("%s steps=%d" % (slo.split(" ")[0], n), d, err, alloc,
                  verdict(-(d + err), -(d - err), -1000.0)))
PY
