#!/usr/bin/env bash
# Local Neo4j for development and tests: the embedded Community engine with a
# Bolt connector (see README.md). Sub-commands:
#   build
#   start  --data DIR [--port 7687] [--pagecache 512m] [--heap 1g]
#   stop   --data DIR
#   status --data DIR          (exit 0 running, 3 not running)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$HERE/target"
CP_FILE="$TARGET/classpath.txt"
STAMP="$TARGET/.build-stamp"
MAIN_CLASS=local.graphservice.Launcher
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
START_TIMEOUT=180
STOP_TIMEOUT=60

die() { echo "neo4j-local: $*" >&2; exit 1; }

# JVM flags taken from the defaults that Neo4j 5's own server start script uses.
# The --add-opens let the page cache and native file access work on Java 17
# (without them debug.log warns about a slow page-cache fallback and failed
# posix_fadvise calls). -XX:+AlwaysPreTouch is left out on purpose: it would
# commit the whole heap at start, too costly for a dev/test instance.
JVM_FLAGS=(
  -XX:+UseG1GC
  -XX:-OmitStackTraceInFastThrow
  -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
  -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024
  -Dio.netty.tryReflectionSetAccessible=true
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED
  -Dlog4j2.disable.jmx=true
  -Dfile.encoding=UTF-8
)

needs_build() {
  [[ -d "$TARGET/classes" && -s "$CP_FILE" && -f "$STAMP" ]] || return 0
  [[ -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]] && return 0
  # A fresh ~/.m2 (new machine) leaves classpath.txt pointing at missing jars.
  local jar jars
  IFS=: read -ra jars < "$CP_FILE"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 0; done
  return 1
}

cmd_build() {
  needs_build || return 0
  command -v mvn >/dev/null || die "maven (mvn) is needed to build; apt-get install maven"
  local log="$TARGET/maven.log"
  mkdir -p "$TARGET"
  # Offline first (everything is normally in ~/.m2); online only if that fails.
  # `compile` also writes target/classpath.txt (dependency:build-classpath in pom.xml).
  if ! mvn -B -q -o -f "$HERE/pom.xml" compile >"$log" 2>&1 &&
     ! mvn -B -q -f "$HERE/pom.xml" compile >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "maven build failed (full log: $log)"
  fi
  touch "$STAMP"
}

# parse_args "$@": sets DATA PORT PAGECACHE HEAP.
parse_args() {
  DATA="" PORT=7687 PAGECACHE=512m HEAP=1g
  while (($#)); do
    (($# >= 2)) || die "missing value for $1"
    case "$1" in
      --data) DATA="$2" ;;
      --port) PORT="$2" ;;
      --pagecache) PAGECACHE="$2" ;;
      --heap) HEAP="$2" ;;
      *) die "unknown option: $1" ;;
    esac
    shift 2
  done
  [[ -n "$DATA" ]] || die "--data DIR is required"
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
  DATA="$(realpath -m -- "$DATA")"
  PID_FILE="$DATA/neo4j-local.pid"
  LOG="$DATA/launcher.log"
}

# arg_of PID FLAG: the value after FLAG on a process's command line.
arg_of() {
  tr '\0' '\n' 2>/dev/null < "/proc/$1/cmdline" | grep -A1 -x -- "$2" | tail -n 1 || true
}

# PID of the launcher serving $DATA, if alive. Checks the command line, so a
# recycled PID (after kill -9 or a reboot) is not mistaken for ours.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' '\n' < "/proc/$pid/cmdline" | grep -qx "$MAIN_CLASS" || return 1
  [[ "$(arg_of "$pid" --data)" == "$DATA" ]] || return 1
  echo "$pid"
}

# The --port a running launcher was started with.
port_of() {
  local port
  port="$(arg_of "$1" --port)"
  echo "${port:-7687}"
}

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_start() {
  parse_args "$@"
  local pid
  if pid="$(running_pid)"; then
    local running_port
    running_port="$(port_of "$pid")"
    [[ "$running_port" == "$PORT" ]] ||
      die "already running for $DATA on port $running_port (pid $pid), not $PORT"
    port_answers "$PORT" || die "pid $pid runs for $DATA but port $PORT does not answer (log: $LOG)"
    echo "NEO4J-LOCAL already running bolt://127.0.0.1:$PORT (pid $pid)"
    return 0
  fi
  if port_answers "$PORT"; then
    die "port $PORT is already in use by another process"
  fi
  cmd_build

  local started=$SECONDS
  mkdir -p "$DATA"
  # Keep the previous run's output (e.g. after a crash) next to the new one.
  [[ -f "$LOG" ]] && mv -f "$LOG" "$LOG.1"
  : > "$LOG"
  # setsid: own session, so the server survives the caller's terminal/Ctrl-C.
  # (In a script the background job is no group leader, so setsid does not fork
  # and $! is the java PID.)
  setsid nohup "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" "${JVM_FLAGS[@]}" \
    -cp "$TARGET/classes:$(cat "$CP_FILE")" "$MAIN_CLASS" \
    --data "$DATA" --port "$PORT" --pagecache "$PAGECACHE" \
    >>"$LOG" 2>&1 </dev/null &
  pid=$!

  while ((SECONDS - started < START_TIMEOUT)); do
    if grep -q "^NEO4J-LOCAL READY" "$LOG"; then
      echo "NEO4J-LOCAL READY bolt://127.0.0.1:$PORT (pid $pid, $((SECONDS - started))s)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2
      die "launcher exited before it was ready (log: $LOG, $DATA/logs/debug.log)"
    fi
    sleep 0.25
  done
  kill -TERM "$pid" 2>/dev/null || true
  tail -n 30 "$LOG" >&2
  die "not ready after ${START_TIMEOUT}s; sent SIGTERM to $pid (log: $LOG)"
}

cmd_stop() {
  parse_args "$@"
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "not running"
    return 0
  fi
  # SIGTERM runs the launcher's shutdown hook: clean checkpoint and store close.
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "neo4j-local: pid $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    # Store recovery happens on the next start; just let the port go first.
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline + 10)); do sleep 0.25; done
  fi
  rm -f "$PID_FILE"
  echo "stopped"
}

cmd_status() {
  parse_args "$@"
  local pid
  if pid="$(running_pid)"; then
    echo "running bolt://127.0.0.1:$(port_of "$pid") (pid $pid)"
    return 0
  fi
  echo "not running"
  return 3
}

case "${1:-}" in
  build) shift; cmd_build ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) echo "usage: $0 {build | start --data DIR [--port 7687] [--pagecache 512m] [--heap 1g] | stop --data DIR | status --data DIR}" >&2
     exit 2 ;;
esac
