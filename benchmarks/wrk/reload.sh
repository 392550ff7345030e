#!/usr/bin/env bash
# Hot-reload benchmark (issue #6): how long from a feature jar landing in the features
# directory to its new version serving, and what a reload does to the latency of the requests
# running meanwhile. Starts the supervisor and the ingest (todos and blog features),
# measures GET /todos through the ingest at steady state, then again while the todos jar is
# moved in again every INTERVAL seconds (each move is a new version), and reads the swap times
# from the supervisor's log ("Serving todos vN", written right after the route table swap).
#
#   benchmarks/wrk/reload.sh                        # defaults: about 1.5 minutes
#   SWAPS=40 INTERVAL=0.5 benchmarks/wrk/reload.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SWAPS=${SWAPS:-20}
INTERVAL=${INTERVAL:-1}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-4}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m -XX:+ExplicitGCInvokesConcurrent"}
OUT=${OUT:-benchmarks/echo-app/target/wrk/reload-$(date +%Y%m%d-%H%M%S)}
HOST=127.0.0.1
V=0.1.0-SNAPSHOT
SUPERVISOR=zerver-supervisor-app/target/zerver-supervisor-app-$V.jar
INGEST=zerver-ingest-app/target/zerver-ingest-app.jar
TODOS=sample-features/todos/target/zerver-sample-todos-$V.jar
BLOG=sample-features/blog/target/zerver-sample-blog-$V.jar

command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)
if [[ -n "${BUILD:-}" || ! -f $SUPERVISOR || ! -f $INGEST || ! -f $TODOS || ! -f $BLOG ]]; then
  ./mvnw -B -q -DskipTests package -am -pl zerver-supervisor-app,zerver-ingest-app,sample-features/todos,sample-features/blog
fi

mkdir -p "$OUT/features"
OUT=$(cd "$OUT" && pwd)
cp "$TODOS" "$OUT/features/todos.jar"
cp "$BLOG" "$OUT/features/blog.jar"
port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
SUP_PORT=$(port); INGEST_PORT=$(port); INGEST_MGMT=$(port)
SOCKET=$(mktemp -d /tmp/zr.XXXX)/link.sock

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$(dirname "$SOCKET")"
}
trap stop_all EXIT
wait_url() {
  for _ in $(seq 1 240); do
    kill -0 "$1" 2>/dev/null || { echo "a process stopped during start-up; see $OUT" >&2; exit 1; }
    curl -fsS -m 1 -o /dev/null "$2" 2>/dev/null && return
    sleep 0.5
  done
  echo "$2 never answered; see $OUT" >&2; exit 1
}
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$SUPERVISOR" --management.server.port="$SUP_PORT" --zerver.ipc.socket="$SOCKET" \
  --zerver.features.dir="$OUT/features" --zerver.data.dir="$OUT/data" >"$OUT/supervisor.log" 2>&1 &
SUP=$!; PIDS+=("$SUP")
wait_url "$SUP" "http://$HOST:$SUP_PORT/actuator/health/readiness"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$INGEST" --server.port="$INGEST_PORT" --management.server.port="$INGEST_MGMT" \
  --zerver.ipc.socket="$SOCKET" >"$OUT/ingest.log" 2>&1 &
ING=$!; PIDS+=("$ING")
wait_url "$ING" "http://$HOST:$INGEST_MGMT/actuator/health/readiness"
for i in $(seq 1 10); do
  curl -fsS -m 5 -o /dev/null -H 'X-User-ID: bench' -H 'Content-Type: application/json' \
    -d "{\"title\":\"todo $i\"}" "http://$HOST:$INGEST_PORT/todos"
done

URL="http://$HOST:$INGEST_PORT/todos"
LUA=benchmarks/wrk/get-todos.lua
SECONDS_UNDER_RELOAD=$(python3 -c "import math; print(math.ceil($SWAPS * $INTERVAL) + 2)")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load-before.txt"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$LUA" "$URL" >"$OUT/warmup.txt"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_UNDER_RELOAD}s" --latency -s "$LUA" "$URL" >"$OUT/steady.txt"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_UNDER_RELOAD}s" --latency -s "$LUA" "$URL" >"$OUT/reloading.txt" &
WRK=$!
sleep 1
python3 - "$OUT" "$SWAPS" "$INTERVAL" "$TODOS" <<'PY' >"$OUT/landed.txt"
import os, shutil, sys, time
out, swaps, interval, jar = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
features = os.path.join(out, "features")
for i in range(swaps):
    staged = os.path.join(features, ".todos.jar.tmp")
    shutil.copyfile(jar, staged)
    landed = time.time()
    os.replace(staged, os.path.join(features, "todos.jar"))   # the atomic move a deployment does
    print("%d %.6f" % (i + 2, landed), flush=True)             # version i + 2 lands now
    time.sleep(interval)
PY
wait "$WRK"
sleep 2
stop_all
trap - EXIT

python3 - "$OUT" <<'PY'
import datetime, os, re, statistics, sys
out = sys.argv[1]
landed = {int(v): float(t) for v, t in (l.split() for l in open(os.path.join(out, "landed.txt")))}
served = {}
for line in open(os.path.join(out, "supervisor.log")):
    m = re.match(r"(\S+)\s.*Serving todos v(\d+) ", line)
    if m:
        served[int(m.group(2))] = datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp()
delays = sorted((served[v] - landed[v]) * 1000 for v in landed if v in served)
missing = [v for v in landed if v not in served]
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}
def lat(name):
    text = open(os.path.join(out, name + ".txt")).read()
    pct = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s*(50|90|99)%\s+([\d.]+)(us|ms|s)", text, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    return pct, (int(bad.group(1)) if bad else 0), (sum(map(int, errors.groups())) if errors else 0), rps
print("jar landed -> new version serving, %d swaps: median %.0f ms, p90 %.0f ms, max %.0f ms, min %.0f ms%s" % (
    len(delays), statistics.median(delays), delays[int(len(delays) * 0.9) - 1], delays[-1], delays[0],
    (", NOT served: %s" % missing) if missing else ""))
print("target: median < 300 ms: %s" % ("MET" if statistics.median(delays) < 300 else "MISSED"))
for name in ("steady", "reloading"):
    pct, bad, errors, rps = lat(name)
    print("%-10s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  non-2xx %d  socket errors %d" % (
        name, rps, pct["50"], pct["90"], pct["99"], bad, errors))
PY
