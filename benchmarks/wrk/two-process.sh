#!/usr/bin/env bash
# Whole-process benchmark of the link: the same routes served embedded (one JVM: the echo app,
# WebFlux + the starter) and in two processes (the ingest, the socket, the supervisor with the
# echo and todos feature jars). Warms every side up, then alternates measured wrk runs
# (embedded, two-process, embedded, ...) for POST /zerver/echo and GET /todos, reading the CPU
# time of the processes of each side around each run, then measures latency at one connection.
# Prints a table, the medians of the pairs and the verdicts against the targets of
# docs/performance.md: throughput two-process/embedded >= 0.75, added p50 at one connection
# <= 30 us, CPU for the hop (both processes, minus embedded) <= 8 us per request.
#
#   benchmarks/wrk/two-process.sh                     # defaults: about 6 minutes
#   PAIRS=3 DURATION=5 WARMUP=10 benchmarks/wrk/two-process.sh
#   BUILD=1 benchmarks/wrk/two-process.sh             # rebuild the jars first
#
# All traffic goes to 127.0.0.1; wrk and the apps share the machine's cores, so the figures are
# ratios measured in one sitting, not capacities.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAIRS=${PAIRS:-5}              # measured runs per side and route, alternating
DURATION=${DURATION:-10}       # seconds per measured run
WARMUP=${WARMUP:-20}           # seconds of warm-up per side and route
LATENCY=${LATENCY:-10}         # seconds per one-connection latency run
LAT_RUNS=${LAT_RUNS:-2}        # one-connection latency runs per side and route, alternating
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
OUT=${OUT:-benchmarks/echo-app/target/wrk/two-process-$(date +%Y%m%d-%H%M%S)}
HOST=127.0.0.1
V=0.1.0-SNAPSHOT
ECHO_APP=benchmarks/echo-app/target/zerver-bench-echo-app.jar
SUPERVISOR=zerver-supervisor-app/target/zerver-supervisor-app-$V.jar
INGEST=zerver-ingest-app/target/zerver-ingest-app.jar
ECHO_FEATURE=benchmarks/echo-feature/target/zerver-bench-echo-feature.jar
TODOS_FEATURE=sample-features/todos/target/zerver-sample-todos-$V.jar

command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)
command -v curl >/dev/null || (apt-get update && apt-get install -y curl)

if [[ -n "${BUILD:-}" || ! -f $ECHO_APP || ! -f $SUPERVISOR || ! -f $INGEST || ! -f $ECHO_FEATURE || ! -f $TODOS_FEATURE ]]; then
  ./mvnw -B -q -DskipTests package -am \
    -pl benchmarks/echo-app,benchmarks/echo-feature,zerver-supervisor-app,zerver-ingest-app,sample-features/todos
fi

mkdir -p "$OUT"/features
OUT=$(cd "$OUT" && pwd)
cp "$ECHO_FEATURE" "$OUT/features/echo.jar"
cp "$TODOS_FEATURE" "$OUT/features/todos.jar"
port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
EMBEDDED_PORT=$(port); SUPERVISOR_PORT=$(port); INGEST_PORT=$(port); INGEST_MGMT=$(port)
SOCKET=$(mktemp -d /tmp/zb.XXXX)/link.sock
TICK=$(getconf CLK_TCK)

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$(dirname "$SOCKET")"
}
trap stop_all EXIT

# Both sides trace as they ship: the supervisor has Boot's OpenTelemetry tracer at its default
# sampling (0.1), so the echo app runs with its tracer too (its application.properties excludes
# it for echo.sh's comparisons; an empty exclude list lifts that). The ingest makes no span.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options on purpose
java $JAVA_OPTS -jar "$ECHO_APP" --server.address=$HOST --server.port="$EMBEDDED_PORT" \
  --spring.autoconfigure.exclude= --zerver.data.dir="$OUT/data-embedded" >"$OUT/embedded.log" 2>&1 &
EMBEDDED=$!; PIDS+=("$EMBEDDED")
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$SUPERVISOR" --management.server.port="$SUPERVISOR_PORT" --zerver.ipc.socket="$SOCKET" \
  --zerver.features.dir="$OUT/features" --zerver.data.dir="$OUT/data-supervisor" >"$OUT/supervisor.log" 2>&1 &
SUP=$!; PIDS+=("$SUP")
wait_url() { # pid url
  for _ in $(seq 1 240); do
    kill -0 "$1" 2>/dev/null || { echo "a process stopped during start-up; see $OUT" >&2; exit 1; }
    curl -fsS -m 1 -o /dev/null "$2" 2>/dev/null && return
    sleep 0.5
  done
  echo "$2 never answered; see $OUT" >&2; exit 1
}
wait_url "$SUP" "http://$HOST:$SUPERVISOR_PORT/actuator/health/readiness"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$INGEST" --server.port="$INGEST_PORT" --management.server.port="$INGEST_MGMT" \
  --zerver.ipc.socket="$SOCKET" >"$OUT/ingest.log" 2>&1 &
ING=$!; PIDS+=("$ING")
wait_url "$ING" "http://$HOST:$INGEST_MGMT/actuator/health/readiness"
wait_url "$EMBEDDED" "http://$HOST:$EMBEDDED_PORT/actuator/health"

declare -A URL=([embedded]="http://$HOST:$EMBEDDED_PORT" [two-process]="http://$HOST:$INGEST_PORT")
declare -A CPU_PIDS=([embedded]="$EMBEDDED" [two-process]="$ING $SUP")
declare -A ROUTE=([echo]=/zerver/echo [todos]=/todos)
declare -A LUA=([echo]=benchmarks/wrk/post.lua [todos]=benchmarks/wrk/get-todos.lua)
SIDES=(embedded two-process)
ROUTES=(echo todos)

# The same ten todos on both sides (each side has its own store).
for side in "${SIDES[@]}"; do
  for i in $(seq 1 10); do
    curl -fsS -m 5 -o /dev/null -H 'X-User-ID: bench' -H 'Content-Type: application/json' \
      -d "{\"title\":\"todo $i\"}" "${URL[$side]}/todos"
  done
  [[ $(curl -fsS -m 5 -H 'X-User-ID: bench' "${URL[$side]}/todos" | grep -o '"id"' | wc -l) == 10 ]] \
    || { echo "$side: GET /todos does not list the 10 seeded todos" >&2; exit 1; }
done

cpu_ticks() { local total=0 t; for pid in $1; do t=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'); total=$((total + t)); done; echo $total; }

# run NAME SIDE ROUTE SECONDS CONNECTIONS THREADS
run() {
  local name=$1 side=$2 route=$3 seconds=$4 conns=$5 threads=$6 before after
  before=$(cpu_ticks "${CPU_PIDS[$side]}")
  timeout $((seconds + 30)) wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency -s "${LUA[$route]}" \
    "${URL[$side]}${ROUTE[$route]}" >"$OUT/$name.txt"
  after=$(cpu_ticks "${CPU_PIDS[$side]}")
  echo $((after - before)) >"$OUT/$name.cpu"
  cut -d' ' -f1 /proc/loadavg >"$OUT/$name.load"
}

echo "two-process vs embedded; output in $OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load-before.txt"
for route in "${ROUTES[@]}"; do
  for side in "${SIDES[@]}"; do
    run "warmup-$route-$side" "$side" "$route" "$WARMUP" "$CONNECTIONS" "$THREADS"
  done
done
for i in $(seq 1 "$PAIRS"); do
  for route in "${ROUTES[@]}"; do
    for side in "${SIDES[@]}"; do
      run "$i-$route-$side" "$side" "$route" "$DURATION" "$CONNECTIONS" "$THREADS"
    done
  done
  echo "  pair $i/$PAIRS done"
done
for i in $(seq 1 "$LAT_RUNS"); do
  for route in "${ROUTES[@]}"; do
    for side in "${SIDES[@]}"; do
      run "latency$i-$route-$side" "$side" "$route" "$LATENCY" 1 1
    done
  done
done
stop_all
trap - EXIT

WRK_DIR="$(pwd)/benchmarks/wrk" python3 - "$OUT" "$PAIRS" "$TICK" "$LAT_RUNS" <<'PY'
import os, re, statistics, sys
sys.path.insert(0, os.environ["WRK_DIR"])
import wrkruns

out, pairs, tick, lat_runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def load(name):
    return wrkruns.load(out, name, tick)

sides = ("embedded", "two-process")
print()
print("%-6s %4s %-12s %10s %11s %8s %8s %7s %6s" % ("route", "pair", "side", "req/s", "CPU us/req", "p50 ms",
                                                   "p99 ms", "errors", "load"))
verdicts = []
for route in ("echo", "todos"):
    by = {}
    for i in range(1, pairs + 1):
        for side in sides:
            r = by[i, side] = load("%d-%s-%s" % (i, route, side))
            print("%-6s %4d %-12s %10.0f %11.1f %8.2f %8.2f %7d %6.2f" % (route, i, side, r["rps"], r["cpu_us"],
                                                                        r["p50"], r["p99"], r["errors"], r["load"]))
    tp = [by[i, "two-process"]["rps"] / by[i, "embedded"]["rps"] for i in range(1, pairs + 1)]
    hop = [by[i, "two-process"]["cpu_us"] - by[i, "embedded"]["cpu_us"] for i in range(1, pairs + 1)]
    lat = {side: [load("latency%d-%s-%s" % (i, route, side)) for i in range(1, lat_runs + 1)] for side in sides}
    p50 = {side: statistics.median(r["p50"] for r in lat[side]) for side in sides}
    added = (p50["two-process"] - p50["embedded"]) * 1000
    t, h = statistics.median(tp), statistics.median(hop)
    print()
    print("%s: throughput two-process/embedded per pair: %s" % (route, " ".join("%.3f" % x for x in tp)))
    print("%s: hop CPU us/req per pair (two-process minus embedded): %s" % (route, " ".join("%.1f" % x for x in hop)))
    print("%s: p50 at 1 connection: embedded %.1f us, two-process %.1f us (runs: %s | %s)" % (
        route, p50["embedded"] * 1000, p50["two-process"] * 1000,
        " ".join("%.0f" % (r["p50"] * 1000) for r in lat["embedded"]),
        " ".join("%.0f" % (r["p50"] * 1000) for r in lat["two-process"])))
    verdicts += [
        "%-5s throughput ratio %.3f (min %.3f max %.3f), target >= 0.75: %s" % (route, t, min(tp), max(tp),
                                                                           "MET" if t >= 0.75 else "MISSED"),
        "%-5s added p50 at one connection %.1f us, target <= 30: %s" % (route, added, "MET" if added <= 30 else "MISSED"),
        "%-5s hop CPU %.1f us/req (min %.1f max %.1f), target <= 8: %s" % (route, h, min(hop), max(hop),
                                                                         "MET" if h <= 8 else "MISSED"),
    ]
    print()
print("\n".join(verdicts))
PY
