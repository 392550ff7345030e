#!/usr/bin/env bash
# Whole-process benchmark: the same echo handler served by one WebFlux server in one JVM,
# as an embedded Zerver route (POST /zerver/echo) and as a plain functional endpoint
# (POST /plain/echo). Warms both up, then alternates measured wrk runs (zerver, plain,
# zerver, plain, ...) and reads the app's CPU time (utime + stime from /proc/<pid>/stat)
# around each run. Prints a table, the median ratios of the pairs and the verdicts against
# the targets of docs/performance.md (throughput >= 0.95, CPU per request <= 1.05x).
#
#   benchmarks/wrk/echo.sh                                   # defaults: about 2.5 minutes
#   benchmarks/wrk/echo.sh --zerver.scheduler.enabled=false  # arguments go to the app
#   PAIRS=3 DURATION=5 WARMUP=5 benchmarks/wrk/echo.sh       # shorter
#   BUILD=1 benchmarks/wrk/echo.sh                           # rebuild the app jar first
#   PROFILE=1 benchmarks/wrk/echo.sh                         # then one JFR-recorded run per path
#   MODE=tracing benchmarks/wrk/echo.sh                      # tracing on vs off, see below
#
# MODE=tracing compares two instances of the app, started side by side, both on the embedded
# route (POST /zerver/echo) and both with Zerver's observations and metrics on (the default):
# "traced" with Micrometer Tracing over the OpenTelemetry bridge (spring-boot-starter-opentelemetry)
# at SAMPLING (default 0.1, Spring Boot's default management.tracing.sampling.probability), no
# exporter (no collector is configured); "untraced" without a tracer (the app's
# application.properties excludes the OpenTelemetry tracing auto-configuration; the traced
# instance lifts that). Target at the default sampling: throughput traced / untraced >= 0.93.
#
#   MODE=tracing benchmarks/wrk/echo.sh                      # Boot's default sampling, 0.1
#   MODE=tracing SAMPLING=1.0 benchmarks/wrk/echo.sh         # every request sampled
#   MODE=tracing ROUTE=plain benchmarks/wrk/echo.sh          # the same on the plain WebFlux endpoint, for reference
#
# MODE=observations compares "observed" (the app as it is: Zerver's observations and metrics
# on, no tracer) with "unobserved" (zerver.tracing.enabled=false): what Zerver's own request,
# step and effect observations cost. No target; reported.
#
# All traffic goes to 127.0.0.1. The app and wrk share the machine's cores: the figures are
# ratios measured in one sitting, not capacities.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODE=${MODE:-paths}            # paths: embedded vs plain WebFlux; tracing: traced vs untraced; observations
PAIRS=${PAIRS:-6}              # measured runs per path, alternating
DURATION=${DURATION:-10}       # seconds per measured run
WARMUP=${WARMUP:-20}           # seconds of warm-up per path (the JIT needs it)
THREADS=${THREADS:-2}          # wrk threads
CONNECTIONS=${CONNECTIONS:-32} # wrk connections
PROFILE_SECONDS=${PROFILE_SECONDS:-20}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
JAR=benchmarks/echo-app/target/zerver-bench-echo-app.jar
OUT=${OUT:-benchmarks/echo-app/target/wrk/$(date +%Y%m%d-%H%M%S)}
LUA=benchmarks/wrk/post.lua
HOST=127.0.0.1

command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)
command -v curl >/dev/null || (apt-get update && apt-get install -y curl)

if [[ -n "${BUILD:-}" || ! -f "$JAR" ]]; then
  ./mvnw -B -q -pl benchmarks/echo-app -am package -DskipTests
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
TICK=$(getconf CLK_TCK)

# The two sides of each pair: a name, the app process serving it and the path it posts to.
declare -A PID PORTS PATHS
start_app() { # start_app LOG PORT ARGS...: starts an instance, prints its pid
  local log=$1 port=$2
  shift 2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options on purpose
  java $JAVA_OPTS -jar "$JAR" --server.address=$HOST --server.port="$port" \
    --zerver.data.dir="$OUT/data-$port" "$@" >"$log" 2>&1 &
  echo $!
}
SAMPLING=${SAMPLING:-0.1}        # MODE=tracing: management.tracing.sampling.probability of the traced side
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
if [[ "$MODE" == tracing || "$MODE" == observations ]]; then
  PORT2=$(free_port)
  if [[ "$MODE" == tracing ]]; then
    SIDES=(traced untraced)
    TARGET=0.93
    PID[traced]=$(start_app "$OUT/app-traced.log" "$PORT" --spring.autoconfigure.exclude= \
      --management.tracing.sampling.probability="$SAMPLING" "$@")
    PID[untraced]=$(start_app "$OUT/app-untraced.log" "$PORT2" "$@")
  else
    SIDES=(observed unobserved)
    TARGET=0
    PID[observed]=$(start_app "$OUT/app-observed.log" "$PORT" "$@")
    PID[unobserved]=$(start_app "$OUT/app-unobserved.log" "$PORT2" --zerver.tracing.enabled=false "$@")
  fi
  PORTS=([${SIDES[0]}]=$PORT [${SIDES[1]}]=$PORT2)
  PATHS=([${SIDES[0]}]=/${ROUTE:-zerver}/echo [${SIDES[1]}]=/${ROUTE:-zerver}/echo)
elif [[ "$MODE" == paths ]]; then
  SIDES=(zerver plain)
  TARGET=0.95
  APP=$(start_app "$OUT/app.log" "$PORT" "$@")
  PID=([zerver]=$APP [plain]=$APP)
  PORTS=([zerver]=$PORT [plain]=$PORT)
  PATHS=([zerver]=/zerver/echo [plain]=/plain/echo)
else
  echo "MODE: $MODE (expected: paths, tracing or observations)" >&2
  exit 2
fi
stop_apps() {
  for pid in $(printf '%s\n' "${PID[@]}" | sort -u); do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap stop_apps EXIT

BODY=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$LUA")
post() { curl -sS -m 2 -X POST -H 'Content-Type: application/json' --data-binary "$BODY" "http://$HOST:${PORTS[$1]}${PATHS[$1]}"; }

for side in "${SIDES[@]}"; do
  for _ in $(seq 1 120); do
    if ! kill -0 "${PID[$side]}" 2>/dev/null; then
      echo "the app of '$side' stopped during start-up; see the logs in $OUT" >&2
      exit 1
    fi
    if post "$side" >/dev/null 2>&1; then
      break
    fi
    sleep 0.5
  done
  answer=$(post "$side")
  if [[ "$answer" != "$BODY" ]]; then
    echo "$side: POST ${PATHS[$side]} does not echo: got '$answer'" >&2
    exit 1
  fi
done

# utime + stime of a process, in clock ticks (fields 14 and 15; the command name may hold spaces).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# run NAME SIDE SECONDS: one wrk run; its output in $OUT/NAME.txt, the app's CPU ticks in $OUT/NAME.cpu
run() {
  local name=$1 side=$2 seconds=$3 before after
  before=$(cpu_ticks "${PID[$side]}")
  timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$LUA" \
    "http://$HOST:${PORTS[$side]}${PATHS[$side]}" >"$OUT/$name.txt"
  after=$(cpu_ticks "${PID[$side]}")
  echo $((after - before)) >"$OUT/$name.cpu"
  cut -d' ' -f1 /proc/loadavg >"$OUT/$name.load"   # 1-minute load average after the run: other work on the machine shows here
}

echo "mode $MODE: ${SIDES[0]} vs ${SIDES[1]} on ${PATHS[${SIDES[0]}]}$([[ "$MODE" == tracing ]] && echo " (sampling $SAMPLING)"), app args: ${*:-(defaults)}; output in $OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load-before.txt"
echo "warm-up: ${WARMUP}s per side; then $PAIRS pairs of ${DURATION}s runs, wrk -t$THREADS -c$CONNECTIONS"
for side in "${SIDES[@]}"; do
  run "warmup-$side" "$side" "$WARMUP"
done
for i in $(seq 1 "$PAIRS"); do
  for side in "${SIDES[@]}"; do
    run "$i-$side" "$side" "$DURATION"
  done
  echo "  pair $i/$PAIRS done"
done

if [[ -n "${PROFILE:-}" ]]; then
  for path in "${SIDES[@]}"; do
    jcmd "${PID[$path]}" JFR.start name="$path" settings=profile method-profiling=max filename="$OUT/$path.jfr" >/dev/null
    run "profile-$path" "$path" "$PROFILE_SECONDS"
    jcmd "${PID[$path]}" JFR.stop name="$path" >/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/$path.jfr" >"$OUT/$path-samples.txt"
    jfr print --json --events jdk.ThreadAllocationStatistics "$OUT/$path.jfr" >"$OUT/$path-alloc.json"
  done
fi

stop_apps
trap - EXIT

PROFILE_SECONDS=$PROFILE_SECONDS python3 - "$OUT" "$PAIRS" "$TICK" "${PROFILE:-}" "${SIDES[0]}" "${SIDES[1]}" "$TARGET" <<'PY'
import os, re, statistics, sys

out, pairs, tick, profile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
first, second, target = sys.argv[5], sys.argv[6], float(sys.argv[7])
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}

def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else float("nan")

def load(name):
    text = open(os.path.join(out, name + ".txt")).read()
    requests, seconds = re.search(r"(\d+) requests in ([\d.]+)(ms|s)", text).group(1, 2)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    ticks = int(open(os.path.join(out, name + ".cpu")).read())
    requests = int(requests)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "requests": requests,
        "cpu_s": ticks / tick,
        "cpu_us": ticks / tick * 1e6 / requests,
        "cores": ticks / tick / (requests / float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))),
        "p50": ms(re.search(r"^\s*50%\s+(\S+)", text, re.M).group(1)),
        "p99": ms(re.search(r"^\s*99%\s+(\S+)", text, re.M).group(1)),
        "load": float(open(os.path.join(out, name + ".load")).read()),
        "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0),
    }

runs = [(i, path, load("%d-%s" % (i, path))) for i in range(1, pairs + 1) for path in (first, second)]
print()
print("%4s %-8s %10s %10s %8s %6s %11s %8s %8s %7s %6s" % ("pair", "path", "req/s", "requests", "CPU s", "cores",
                                                             "CPU us/req", "p50 ms", "p99 ms", "errors", "load"))
for i, path, r in runs:
    print("%4d %-8s %10.0f %10d %8.2f %6.2f %11.1f %8.2f %8.2f %7d %6.2f" % (
        i, path, r["rps"], r["requests"], r["cpu_s"], r["cores"], r["cpu_us"], r["p50"], r["p99"], r["errors"],
        r["load"]))
by = {(i, p): r for i, p, r in runs}
tp = [by[i, first]["rps"] / by[i, second]["rps"] for i in range(1, pairs + 1)]
cpu = [by[i, first]["cpu_us"] / by[i, second]["cpu_us"] for i in range(1, pairs + 1)]
print()
for path in (first, second):
    rs = [by[i, path] for i in range(1, pairs + 1)]
    print("median %-8s %10.0f req/s %8.1f us CPU/req %6.2f cores" % (
        path, statistics.median(r["rps"] for r in rs), statistics.median(r["cpu_us"] for r in rs),
        statistics.median(r["cores"] for r in rs)))
print("throughput %s/%s per pair: %s" % (first, second, " ".join("%.3f" % x for x in tp)))
print("CPU/req    %s/%s per pair: %s" % (first, second, " ".join("%.3f" % x for x in cpu)))
t, c = statistics.median(tp), statistics.median(cpu)
if target > 0:
    print("throughput ratio (median of pairs): %.3f  min %.3f  max %.3f  target >= %.2f  %s" % (
        t, min(tp), max(tp), target, "MET" if t >= target else "MISSED"))
else:
    print("throughput ratio (median of pairs): %.3f  min %.3f  max %.3f  (no target)" % (t, min(tp), max(tp)))
if first == "zerver":
    print("CPU/req ratio    (median of pairs): %.3f  target <= 1.05  %s" % (c, "MET" if c <= 1.05 else "MISSED"))
else:
    print("CPU/req ratio    (median of pairs): %.3f  min %.3f  max %.3f" % (c, min(cpu), max(cpu)))
if any(r["errors"] for _, _, r in runs):
    print("WARNING: some runs had errors or non-2xx answers; see %s" % out)

if profile:
    def frames(path):
        """Samples as lists of frames, top first."""
        stacks, current = [], None
        for line in open(path):
            line = line.strip()
            if line.startswith("stackTrace = ["):
                current = []
            elif current is not None and line.startswith("]"):
                stacks.append(current)
                current = None
            elif current is not None and line and line != "...":
                current.append(re.sub(r"\s+line:.*$", "", line))
        return stacks

    def allocated(path):
        """Bytes allocated by all threads during the recording (first to last reading of each thread)."""
        import json
        per = {}
        for e in json.load(open(path))["recording"]["events"]:
            v = e["values"]
            per.setdefault(v["thread"]["javaThreadId"], []).append(v["allocated"])
        return sum(max(a) - min(a) for a in per.values())

    # Inclusive shares: samples with at least one frame of each part of the request's path.
    PARTS = (("Zerver adapter (io.zerver.autoconfigure.webflux)", "io.zerver.autoconfigure.webflux."),
             ("  of which the engine (io.zerver.core)", "io.zerver.core."),
             ("functional endpoint (web.reactive.function)", "org.springframework.web.reactive.function."),
             ("codecs (http.codec, core.codec)", ("org.springframework.http.codec.", "org.springframework.core.codec.")),
             ("handler mappings (web.reactive.handler)", "org.springframework.web.reactive.handler."),
             ("observation (io.micrometer)", "io.micrometer."),
             ("Netty write and flush", ("io.netty.channel.AbstractChannelHandlerContext.write",
                                        "io.netty.channel.AbstractChannelHandlerContext.flush")))
    for path in (first, second):
        stacks = frames(os.path.join(out, path + "-samples.txt"))
        if not stacks:
            continue
        requests = load("profile-" + path)["requests"]
        print("\n%s (JFR, %ds, not part of the figures above): %d requests, %.0f B allocated per request, "
              "%d execution samples" % (path, int(os.environ.get("PROFILE_SECONDS", "20")), requests,
                                        allocated(os.path.join(out, path + "-alloc.json")) / requests, len(stacks)))
        print("  top self frames:")
        tops = {}
        for s in stacks:
            tops[s[0]] = tops.get(s[0], 0) + 1
        for frame, n in sorted(tops.items(), key=lambda kv: -kv[1])[:12]:
            print("  %5.1f%%  %s" % (100.0 * n / len(stacks), frame))
        print("  samples with a frame of (inclusive):")
        for label, prefix in PARTS:
            n = sum(1 for s in stacks if any(f.startswith(prefix) for f in s))
            print("  %5.1f%%  %s" % (100.0 * n / len(stacks), label))
PY
echo "raw wrk output and CPU ticks: $OUT"
