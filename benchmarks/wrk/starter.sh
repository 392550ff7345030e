#!/usr/bin/env bash
# What the starter costs a user's application (issue #13): two JVMs side by side, the plain app
# (benchmarks/plain-app: Spring Boot WebFlux, JdbcClient on SQLite, no Zerver on its classpath)
# and the starter app (benchmarks/starter-app: the same app, its endpoint classes unchanged, plus
# zerver-spring-boot-starter and three Zerver routes). Warms every path up, then measures rounds:
# in each round every comparison runs its two sides back to back (A then B in odd rounds, B then A
# in even ones, to cancel drift), reading the serving JVM's CPU time (utime + stime from
# /proc/<pid>/stat) around each wrk run. Prints a line per round and comparison, then the median
# ratios with their spread and the verdicts against the targets of issue #13:
#
#   starter app GET /echo / plain app GET /echo          throughput >= 0.97, CPU per request <= 1.03x
#   starter app GET /json / plain app GET /json          throughput >= 0.97, CPU per request <= 1.03x
#   Zerver GET /z/echo / GET /echo in the same app       throughput >= 1.0
#   Zerver GET /z/echo / plain app GET /echo             throughput >= 0.95
#   Zerver GET /z/json / plain app GET /json             throughput >= 0.95
#   Zerver GET /z/kv/k42 (db.get) / plain app JdbcClient throughput >= 1.0, CPU per request <= 1.05x
#   plain app GET /fn/echo (functional) / GET /echo      reported, no target
#
# Then, unless SKIP_TWO_PROCESS=1, it runs benchmarks/wrk/two-process.sh with shorter settings
# (TP_* below; its JVMs keep its own -Xms512m -Xmx512m unless TP_JAVA_OPTS says otherwise) and adds
# its figures: two-process / embedded >= 0.8, added p50 at one connection
# <= 21 us.
#
#   benchmarks/wrk/starter.sh                                      # defaults: about 20 minutes, two-process included
#   PAIRS=2 DURATION=5 WARMUP=5 SKIP_TWO_PROCESS=1 benchmarks/wrk/starter.sh   # a quick check
#   BUILD=1 benchmarks/wrk/starter.sh                              # rebuild the two jars first
#   benchmarks/wrk/starter.sh --zerver.tracing.enabled=false       # arguments go to the starter app
#   ONLY="plain-echo plain-json" benchmarks/wrk/starter.sh        # only the comparisons named (and their paths' warm-up)
#
# All traffic goes to 127.0.0.1; wrk and both JVMs share the machine's cores, so the figures are
# ratios measured in one sitting, not capacities. Nothing is randomized.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAIRS=${PAIRS:-6}              # measured rounds; each comparison runs both its sides once per round
DURATION=${DURATION:-10}       # seconds per measured run
WARMUP=${WARMUP:-20}           # seconds of warm-up per app and path (the JIT needs it)
THREADS=${THREADS:-2}          # wrk threads
CONNECTIONS=${CONNECTIONS:-64} # wrk connections
JAVA_OPTS=${JAVA_OPTS:-"-Xms256m -Xmx256m"}
TP_PAIRS=${TP_PAIRS:-3}        # two-process.sh: its PAIRS, DURATION, WARMUP, LATENCY and LAT_RUNS
TP_DURATION=${TP_DURATION:-8}
TP_WARMUP=${TP_WARMUP:-15}
TP_LATENCY=${TP_LATENCY:-10}
TP_LAT_RUNS=${TP_LAT_RUNS:-4}
TP_JAVA_OPTS=${TP_JAVA_OPTS:-}  # two-process.sh's JAVA_OPTS; empty for its own default
PLAIN_JAR=benchmarks/plain-app/target/zerver-bench-plain-app-exec.jar
STARTER_JAR=benchmarks/starter-app/target/zerver-bench-starter-app.jar
OUT=${OUT:-benchmarks/starter-app/target/wrk/$(date +%Y%m%d-%H%M%S)}
HOST=127.0.0.1
ECHO_QUERY='?msg=hello'
KV_VALUE=value-0042-abcdefghijklmnopqrstuvwxyz012
JSON_BODY='{"message":"Hello, World!"}'

command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)
command -v curl >/dev/null || (apt-get update && apt-get install -y curl)

if [[ -n "${BUILD:-}" || ! -f "$PLAIN_JAR" || ! -f "$STARTER_JAR" ]]; then
  ./mvnw -B -q -pl benchmarks/plain-app,benchmarks/starter-app -am package -DskipTests
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
exec > >(tee "$OUT/output.txt") 2>&1
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
TICK=$(getconf CLK_TCK)
declare -A PID PORT
PORT[plain]=$(free_port)
PORT[starter]=$(free_port)

start_app() { # start_app NAME JAR ARGS...: one app on its port, with a fresh data directory
  local name=$1 jar=$2
  shift 2
  mkdir -p "$OUT/data-$name"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options on purpose
  java $JAVA_OPTS -jar "$jar" --server.address=$HOST --server.port="${PORT[$name]}" \
    --bench.data.dir="$OUT/data-$name" "$@" >"$OUT/app-$name.log" 2>&1 &
  PID[$name]=$!
}
stop_apps() {
  for pid in "${PID[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PID[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_apps EXIT
start_app plain "$PLAIN_JAR"
start_app starter "$STARTER_JAR" "$@"

# A side is an app and a path: "plain:/echo?msg=hello". The comparisons, each "name A B target
# throughput, target CPU" (A/B is the ratio; 0 for no target). The first side is the candidate.
COMPARISONS=(
  "plain-echo   starter:/echo$ECHO_QUERY   plain:/echo$ECHO_QUERY   0.97 1.03"
  "plain-json   starter:/json              plain:/json              0.97 1.03"
  "zerver-same  starter:/z/echo$ECHO_QUERY starter:/echo$ECHO_QUERY 1.0  0"
  "zerver-echo  starter:/z/echo$ECHO_QUERY plain:/echo$ECHO_QUERY   0.95 0"
  "zerver-json  starter:/z/json            plain:/json              0.95 0"
  "kv           starter:/z/kv/k42          plain:/kv/k42            1.0  1.05"
  "functional   plain:/fn/echo$ECHO_QUERY  plain:/echo$ECHO_QUERY   0    0"
)
if [[ -n "${ONLY:-}" ]]; then # ONLY="plain-echo plain-json": run only the comparisons named
  KEPT=()
  for c in "${COMPARISONS[@]}"; do
    [[ " $ONLY " == *" ${c%% *} "* ]] && KEPT+=("$c")
  done
  COMPARISONS=("${KEPT[@]}")
fi
SIDES=()
for c in "${COMPARISONS[@]}"; do
  read -r _ a b _ _ <<<"$c"
  for side in "$a" "$b"; do
    [[ " ${SIDES[*]} " == *" $side "* ]] || SIDES+=("$side")
  done
done
url() { echo "http://$HOST:${PORT[${1%%:*}]}${1#*:}"; }
expected() { # the body a side answers
  case "${1#*:}" in
    */echo*) echo hello ;;
    */json) echo "$JSON_BODY" ;;
    */kv/k42) echo "$KV_VALUE" ;;
  esac
}

for side in "${SIDES[@]}"; do
  app=${side%%:*}
  for _ in $(seq 1 240); do
    kill -0 "${PID[$app]}" 2>/dev/null || { echo "the $app app stopped during start-up; see $OUT/app-$app.log" >&2; exit 1; }
    curl -fsS -m 2 -o /dev/null "$(url "$side")" 2>/dev/null && break
    sleep 0.5
  done
  answer=$(curl -fsS -m 2 "$(url "$side")" || true)
  if [[ "$answer" != "$(expected "$side")" ]]; then
    echo "$side answers '$answer' (expected: '$(expected "$side")'); see $OUT/app-$app.log" >&2
    exit 1
  fi
done
curl -sS -m 2 -o /dev/null -w '%{http_code}' "$(url starter:/z/kv/missing)" | grep -q 404 \
  || { echo "starter:/z/kv/missing is not 404" >&2; exit 1; }

# utime + stime of a process, in clock ticks (fields 14 and 15; the command name may hold spaces).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# run NAME SIDE SECONDS: one wrk run; its output in $OUT/NAME.txt, the serving JVM's CPU ticks in
# $OUT/NAME.cpu, the 1-minute load average after it in $OUT/NAME.load
run() {
  local name=$1 side=$2 seconds=$3 pid before after
  pid=${PID[${side%%:*}]}
  before=$(cpu_ticks "$pid")
  timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$(url "$side")" >"$OUT/$name.txt"
  after=$(cpu_ticks "$pid")
  echo $((after - before)) >"$OUT/$name.cpu"
  cut -d' ' -f1 /proc/loadavg >"$OUT/$name.load"
}
# figures NAME: "req/s, CPU us per request" of a run
figures() {
  awk -v ticks="$(cat "$OUT/$1.cpu")" -v tick="$TICK" '
    /requests in/ { requests = $1 } /^Requests\/sec:/ { rps = $2 }
    END { printf "%8.0f req/s %7.1f us/req", rps, ticks / tick * 1e6 / requests }' "$OUT/$1.txt"
}

echo "starter app vs plain app at $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with local changes)'); output in $OUT"
echo "JVMs: $JAVA_OPTS; starter app args: ${*:-(none)}; wrk -t$THREADS -c$CONNECTIONS; $PAIRS rounds of ${DURATION}s runs after ${WARMUP}s of warm-up per path"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load-before.txt"
i=0
for side in "${SIDES[@]}"; do
  i=$((i + 1))
  run "warmup-$i" "$side" "$WARMUP"
  echo "  warm-up $side: $(figures "warmup-$i")"
done
for round in $(seq 1 "$PAIRS"); do
  for c in "${COMPARISONS[@]}"; do
    read -r name a b _ _ <<<"$c"
    if ((round % 2)); then order=(A B); else order=(B A); fi
    for which in "${order[@]}"; do
      if [[ $which == A ]]; then side=$a; else side=$b; fi
      run "$round-$name-$which" "$side" "$DURATION"
    done
    echo "  round $round/$PAIRS $(printf '%-12s' "$name") $a $(figures "$round-$name-A") | $b $(figures "$round-$name-B")"
  done
done
stop_apps
trap - EXIT
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load-after.txt"

TWO_PROCESS=""
if [[ -z "${SKIP_TWO_PROCESS:-}" ]]; then
  echo
  echo "two-process.sh: PAIRS=$TP_PAIRS DURATION=$TP_DURATION WARMUP=$TP_WARMUP LATENCY=$TP_LATENCY LAT_RUNS=$TP_LAT_RUNS${TP_JAVA_OPTS:+ JAVA_OPTS=\"$TP_JAVA_OPTS\"}"
  env PAIRS="$TP_PAIRS" DURATION="$TP_DURATION" WARMUP="$TP_WARMUP" LATENCY="$TP_LATENCY" LAT_RUNS="$TP_LAT_RUNS" \
    ${TP_JAVA_OPTS:+"JAVA_OPTS=$TP_JAVA_OPTS"} OUT="$OUT/two-process" benchmarks/wrk/two-process.sh >"$OUT/two-process.txt" 2>&1 \
    || echo "two-process.sh failed; see $OUT/two-process.txt"
  TWO_PROCESS="$OUT/two-process.txt"
  echo "load after two-process: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load-after.txt"
fi

COMPARISONS_TEXT=$(printf '%s\n' "${COMPARISONS[@]}")
WRK_DIR="$(pwd)/benchmarks/wrk" python3 - "$OUT" "$PAIRS" "$TICK" "$TWO_PROCESS" "$COMPARISONS_TEXT" <<'PY'
import os, re, statistics, sys
sys.path.insert(0, os.environ["WRK_DIR"])
import wrkruns

out, pairs, tick, two_process, comparisons = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
LABELS = {
    "plain-echo": "starter app GET /echo / plain app GET /echo",
    "plain-json": "starter app GET /json / plain app GET /json",
    "zerver-same": "Zerver GET /z/echo / GET /echo, same app (with the starter)",
    "zerver-echo": "Zerver GET /z/echo / plain app GET /echo",
    "zerver-json": "Zerver GET /z/json / plain app GET /json",
    "kv": "Zerver GET /z/kv/k42 (db.get) / plain app GET /kv/k42 (JdbcClient)",
    "functional": "plain app GET /fn/echo (functional) / GET /echo (annotated)",
}

def load(name):
    return wrkruns.load(out, name, tick)

def verdict(value, target, at_least):
    return "MET" if (value >= target if at_least else value <= target) else "MISSED"

rows, errors, loads = [], 0, []
print()
print("%-12s %5s %10s %10s %10s %10s %8s %8s" % ("comparison", "round", "A req/s", "B req/s", "A us/req",
                                                 "B us/req", "tp A/B", "CPU A/B"))
for line in comparisons.splitlines():
    name, a, b, tp_target, cpu_target = line.split()
    tp, cpu = [], []
    for r in range(1, pairs + 1):
        ra, rb = load("%d-%s-A" % (r, name)), load("%d-%s-B" % (r, name))
        tp.append(ra["rps"] / rb["rps"])
        cpu.append(ra["cpu_us"] / rb["cpu_us"])
        errors += ra["errors"] + rb["errors"]
        loads += [ra["load"], rb["load"]]
        print("%-12s %5d %10.0f %10.0f %10.1f %10.1f %8.3f %8.3f" % (name, r, ra["rps"], rb["rps"], ra["cpu_us"],
                                                                    rb["cpu_us"], tp[-1], cpu[-1]))
    rows.append((name, a, b, float(tp_target), float(cpu_target), tp, cpu))

print()
print("| comparison (A / B) | throughput A/B, median (min–max) | target | CPU per request A/B, median (min–max) | target | verdict |")
print("| --- | --- | --- | --- | --- | --- |")
for name, a, b, tp_target, cpu_target, tp, cpu in rows:
    t, c = statistics.median(tp), statistics.median(cpu)
    verdicts = []
    if tp_target:
        verdicts.append("throughput " + verdict(t, tp_target, True))
    if cpu_target:
        verdicts.append("CPU " + verdict(c, cpu_target, False))
    print("| %s | %.3f (%.3f–%.3f) | %s | %.3fx (%.3f–%.3f) | %s | %s |" % (
        LABELS.get(name, name), t, min(tp), max(tp), ">= %.2f" % tp_target if tp_target else "–",
        c, min(cpu), max(cpu), "<= %.2fx" % cpu_target if cpu_target else "–", ", ".join(verdicts) or "reported"))

if two_process:
    text = open(two_process).read() if os.path.exists(two_process) else ""
    for route in ("echo", "todos"):
        label = "POST /zerver/echo" if route == "echo" else "GET /todos"
        tp = re.search(r"^%s\s+throughput ratio ([\d.]+) \(min ([\d.]+) max ([\d.]+)\)" % route, text, re.M)
        lat = re.search(r"^%s\s+added p50 at one connection (-?[\d.]+) us" % route, text, re.M)
        if tp:
            t = float(tp.group(1))
            print("| two-process / embedded, %s | %.3f (%s–%s) | >= 0.80 | – | – | %s |" % (
                label, t, tp.group(2), tp.group(3), "MET" if t >= 0.8 else "MISSED"))
        if lat:
            added = float(lat.group(1))
            print("| two-process: added p50 at one connection, %s | %+.1f us | <= 21 us | – | – | %s |" % (
                label, added, "MET" if added <= 21 else "MISSED"))
        if not tp or not lat:
            print("| two-process, %s | no figures; see %s | | | | |" % (label, two_process))

print()
print("A is the first side, B the second: %s" % "; ".join("%s = %s / %s" % (n, a, b) for n, a, b, *_ in rows))
print("%d rounds; sides alternated A,B then B,A; 1-minute load after the runs: %.1f–%.1f" % (pairs, min(loads), max(loads)))
if errors:
    print("WARNING: %d non-2xx answers or socket errors; see %s" % (errors, out))
PY
echo "raw wrk output, CPU ticks and load: $OUT"
