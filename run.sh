#!/usr/bin/env bash
# Runs Zerver the way production does (docs/deployment.md): the supervisor (features, engine, effects,
# actuator on MANAGEMENT_SERVER_PORT) and the ingest (HTTP on SERVER_PORT), joined by a Unix
# domain socket. Builds what is missing, copies the sample feature jars into
# $ZERVER_FEATURES_DIR, starts both, waits until both are healthy, prints where to go, and
# stops both on Ctrl-C or SIGTERM.
#
#   ./run.sh                       # everything on the defaults below
#   SERVER_PORT=9090 ./run.sh      # any variable below can be set from the environment
#   REBUILD=1 ./run.sh             # rebuild the jars even if they exist
#
# Logs go to $ZERVER_LOG_DIR (supervisor.log, ingest.log).
set -euo pipefail
cd "$(dirname "$0")"

SERVER_PORT=${SERVER_PORT:-8080}                        # the ingest's HTTP port
MANAGEMENT_SERVER_PORT=${MANAGEMENT_SERVER_PORT:-8081}  # the supervisor's actuator
INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-8082}  # the ingest's actuator
ZERVER_IPC_SOCKET=${ZERVER_IPC_SOCKET:-/tmp/zerver.sock}
ZERVER_FEATURES_DIR=${ZERVER_FEATURES_DIR:-./features}
ZERVER_DATA_DIR=${ZERVER_DATA_DIR:-./data}
ZERVER_LOG_DIR=${ZERVER_LOG_DIR:-./logs}
START_TIMEOUT=${START_TIMEOUT:-120}                     # seconds each app gets to become healthy
# A concurrent collection when the supervisor checks that a retired feature was freed (a leak
# is then reported after at least 18 collections, whatever leak-checks says: docs/features.md).
JAVA_OPTS=${JAVA_OPTS:-"-XX:+ExplicitGCInvokesConcurrent"}

VERSION=0.1.0-SNAPSHOT
SUPERVISOR_JAR=zerver-supervisor-app/target/zerver-supervisor-app-$VERSION.jar
INGEST_JAR=zerver-ingest-app/target/zerver-ingest-app.jar
FEATURE_JARS=(
  "sample-features/todos/target/zerver-sample-todos-$VERSION.jar:todos.jar"
  "sample-features/blog/target/zerver-sample-blog-$VERSION.jar:blog.jar"
)

say() { printf '\033[1m[run.sh]\033[0m %s\n' "$*"; }

command -v java >/dev/null || { say "java (17 or newer) is needed on PATH"; exit 1; }
command -v curl >/dev/null || { say "curl is needed on PATH (apt-get install -y curl)"; exit 1; }

missing=0
for jar in "$SUPERVISOR_JAR" "$INGEST_JAR" "${FEATURE_JARS[@]%%:*}"; do
  [[ -f "$jar" ]] || missing=1
done
if [[ -n "${REBUILD:-}" || $missing == 1 ]]; then
  say "Building the supervisor, the ingest and the sample features (the first build downloads"
  say "dependencies and takes a few minutes; tests are skipped, './mvnw -B verify' runs them)..."
  set +e
  ./mvnw -B -DskipTests package -pl zerver-supervisor-app,zerver-ingest-app,sample-features/todos,sample-features/blog -am \
    | grep --line-buffered -E '^\[INFO\] (Building Zerver|BUILD|Total time)|ERROR'
  status=${PIPESTATUS[0]}
  set -e
  [[ $status == 0 ]] || { say "The build failed (exit $status); run the command above without the filter to see why"; exit 1; }
  for jar in "$SUPERVISOR_JAR" "$INGEST_JAR" "${FEATURE_JARS[@]%%:*}"; do
    [[ -f "$jar" ]] || { say "the build did not produce $jar"; exit 1; }
  done
fi

mkdir -p "$ZERVER_FEATURES_DIR" "$ZERVER_DATA_DIR" "$ZERVER_LOG_DIR"
for entry in "${FEATURE_JARS[@]}"; do
  src=${entry%%:*}
  dest=$ZERVER_FEATURES_DIR/${entry##*:}
  if ! cmp -s "$src" "$dest"; then
    # Copied aside, then moved in: a running supervisor never sees half a jar.
    cp "$src" "$ZERVER_FEATURES_DIR/.${entry##*:}.tmp"
    mv -f "$ZERVER_FEATURES_DIR/.${entry##*:}.tmp" "$dest"
    say "Feature jar $dest updated"
  fi
done

SUPERVISOR=
INGEST=
stop() {
  trap - INT TERM EXIT
  say "Stopping..."
  # The ingest first (it drains its requests), then the supervisor (it drains the link).
  for pid in $INGEST $SUPERVISOR; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  say "Stopped."
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_healthy() { # name pid url log
  local name=$1 pid=$2 url=$3 log=$4
  for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "The $name stopped during start-up; the end of $log:"
      tail -n 40 "$log" >&2
      exit 1
    fi
    if curl -fsS -m 1 -o /dev/null "$url" 2>/dev/null; then
      say "The $name is healthy ($url)"
      return
    fi
    sleep 0.5
  done
  say "The $name was not healthy after ${START_TIMEOUT}s; see $log"
  exit 1
}

say "Starting the supervisor (features from $ZERVER_FEATURES_DIR, link on $ZERVER_IPC_SOCKET)..."
# SERVER_PORT is the ingest's: never handed to the supervisor.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
env -u SERVER_PORT MANAGEMENT_SERVER_PORT="$MANAGEMENT_SERVER_PORT" ZERVER_IPC_SOCKET="$ZERVER_IPC_SOCKET" \
  ZERVER_FEATURES_DIR="$ZERVER_FEATURES_DIR" ZERVER_DATA_DIR="$ZERVER_DATA_DIR" \
  java $JAVA_OPTS -jar "$SUPERVISOR_JAR" >"$ZERVER_LOG_DIR/supervisor.log" 2>&1 &
SUPERVISOR=$!
wait_healthy supervisor "$SUPERVISOR" "http://127.0.0.1:$MANAGEMENT_SERVER_PORT/actuator/health/readiness" \
  "$ZERVER_LOG_DIR/supervisor.log"

say "Starting the ingest on port $SERVER_PORT..."
# MANAGEMENT_SERVER_PORT is the supervisor's: the ingest's actuator port is passed explicitly.
# shellcheck disable=SC2086
env -u MANAGEMENT_SERVER_PORT SERVER_PORT="$SERVER_PORT" ZERVER_IPC_SOCKET="$ZERVER_IPC_SOCKET" \
  java $JAVA_OPTS -jar "$INGEST_JAR" --management.server.port="$INGEST_MANAGEMENT_PORT" \
  >"$ZERVER_LOG_DIR/ingest.log" 2>&1 &
INGEST=$!
wait_healthy ingest "$INGEST" "http://127.0.0.1:$INGEST_MANAGEMENT_PORT/actuator/health/readiness" \
  "$ZERVER_LOG_DIR/ingest.log"

cat <<MSG

  Zerver is running.
    Blog (browser):   http://127.0.0.1:$SERVER_PORT/blogs
    Todos API:        curl -H 'X-User-ID: me' http://127.0.0.1:$SERVER_PORT/todos
                      curl -H 'X-User-ID: me' -H 'Content-Type: application/json' \\
                           -d '{"title":"try zerver"}' http://127.0.0.1:$SERVER_PORT/todos
    Supervisor:       http://127.0.0.1:$MANAGEMENT_SERVER_PORT/actuator/health
                      http://127.0.0.1:$MANAGEMENT_SERVER_PORT/actuator/zerver
    Ingest health:    http://127.0.0.1:$INGEST_MANAGEMENT_PORT/actuator/health
    Hot reload:       copy a new feature jar into $ZERVER_FEATURES_DIR
    Logs:             $ZERVER_LOG_DIR/supervisor.log, $ZERVER_LOG_DIR/ingest.log

  Ctrl-C stops both.

MSG

# Wait for either app to exit (or for a signal); then stop the other.
while kill -0 "$SUPERVISOR" 2>/dev/null && kill -0 "$INGEST" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
say "An app exited; see $ZERVER_LOG_DIR"
exit 1
