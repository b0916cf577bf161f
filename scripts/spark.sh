#!/usr/bin/env bash
# A real local Spark cluster for the Spark tests: a standalone master, two workers (one core each)
# and a Spark Connect server on them, all from the pyspark wheel (installed first when missing).
# `start` prints the server's URL (sc://127.0.0.1:15002) on stdout; `stop` ends every process it began.
# Usage: scripts/spark.sh start|stop|status   (state, logs and tables in $PERCORSO_SPARK_DIR)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"

STATE="${PERCORSO_SPARK_DIR:-/tmp/percorso-spark}"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
HOST=127.0.0.1
CONNECT_PORT="${PERCORSO_SPARK_PORT:-15002}"
MASTER_PORT="${PERCORSO_SPARK_MASTER_PORT:-7077}"
# The master's web UI; the two workers' are on the next two ports.
UI_PORT="${PERCORSO_SPARK_UI_PORT:-8080}"
URL="sc://$HOST:$CONNECT_PORT"
# Each executor's heap (a worker offers it plus 512 MB). The tests' logs fit in the default; the
# 10M-event benchmark needs more (its executors ran out of heap at 512m): PERCORSO_SPARK_MEMORY=3g.
EXECUTOR_MEMORY="${PERCORSO_SPARK_MEMORY:-512m}"
START_TIMEOUT=240

say() { echo "spark: $*" >&2; }

# What a worker offers: room for one executor of $EXECUTOR_MEMORY and its overhead, in MB.
worker_memory() {
  local amount="${EXECUTOR_MEMORY%[mMgG]}" unit="${EXECUTOR_MEMORY: -1}"
  case "$unit" in
    g | G) amount=$((amount * 1024)) ;;
  esac
  echo "$((amount + 512))m"
}

port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# True when the pids file lists processes and every one of them is alive.
all_alive() {
  [ -s "$PIDS" ] || return 1
  local pid
  while read -r pid; do
    kill -0 "$pid" 2>/dev/null || return 1
  done < "$PIDS"
}

running() {
  all_alive && port_open "$CONNECT_PORT"
}

# Starts a command in its own session (so stop can end it with its children, e.g. the executors),
# output to logs/NAME.log, and appends its pid, which is also its process group, to the pids file.
launch() {
  local name="$1"
  shift
  say "starting $name"
  (cd "$STATE" && exec setsid "$@" > "$LOGS/$name.log" 2>&1 < /dev/null) &
  echo "$!" >> "$PIDS"
}

stop_cluster() {
  [ -f "$PIDS" ] || return 0
  local pid pids=() waited=0
  while read -r pid; do
    [ -n "$pid" ] && pids+=("$pid")
  done < "$PIDS"
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  while [ "$waited" -lt 10 ] && any_group_alive "${pids[@]}"; do
    sleep 1
    waited=$((waited + 1))
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -f "$PIDS"
  say "stopped"
}

any_group_alive() {
  local pid
  for pid in "$@"; do
    kill -0 -- "-$pid" 2>/dev/null && return 0
  done
  return 1
}

show_logs() {
  local log
  for log in "$LOGS"/*.log; do
    [ -f "$log" ] || continue
    echo "---- $log (last 30 lines)" >&2
    tail -n 30 "$log" >&2
  done
}

fail() {
  say "$*"
  show_logs
  stop_cluster
  exit 1
}

# Waits up to $1 seconds until $2 (a command) succeeds; fails, with the logs, if a process dies.
wait_for() {
  local timeout="$1" what="$2"
  shift 2
  local waited=0
  until "$@"; do
    all_alive || fail "a Spark process ended while waiting for $what"
    [ "$waited" -lt "$timeout" ] || fail "no $what after ${timeout}s"
    sleep 1
    waited=$((waited + 1))
  done
}

connect_ready() {
  grep -q "Spark Connect server started" "$LOGS/connect.log" 2>/dev/null && port_open "$CONNECT_PORT"
}

start_cluster() {
  if running; then
    say "already running"
    echo "$URL"
    return 0
  fi
  # Whatever is left of an earlier run (a process that died, a stale pids file) goes first.
  stop_cluster
  local port
  for port in "$MASTER_PORT" "$CONNECT_PORT" "$UI_PORT" "$((UI_PORT + 1))" "$((UI_PORT + 2))"; do
    if port_open "$port"; then
      say "port $port is in use by another program; set PERCORSO_SPARK_PORT, PERCORSO_SPARK_MASTER_PORT or PERCORSO_SPARK_UI_PORT"
      exit 1
    fi
  done

  install_packages "${SPARK_PACKAGES[@]}" "${CHECK_PACKAGES[@]}" >&2
  install_spark >&2

  # The catalog lives in the Connect server's memory, so the tables of an earlier run are gone:
  # their folders go too (a new table of the same name would find its folder taken).
  rm -rf "$LOGS" "$STATE/local" "$STATE/worker1" "$STATE/worker2" "$STATE/warehouse"
  mkdir -p "$LOGS" "$STATE/local" "$STATE/worker1" "$STATE/worker2" "$STATE/warehouse"
  export SPARK_LOCAL_IP="$HOST" SPARK_NO_DAEMONIZE=1 SPARK_LOG_DIR="$LOGS"
  export SPARK_LOCAL_DIRS="$STATE/local"
  # Whatever fails or interrupts from here on stops the processes started so far.
  trap 'stop_cluster' EXIT
  trap 'exit 1' INT TERM

  local started=$SECONDS
  local master="spark://$HOST:$MASTER_PORT"
  launch master "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host "$HOST" --port "$MASTER_PORT" --webui-port "$UI_PORT"
  wait_for 60 "master on port $MASTER_PORT" port_open "$MASTER_PORT"
  local i
  for i in 1 2; do
    launch "worker$i" "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
      --host "$HOST" --cores 1 --memory "$(worker_memory)" --webui-port "$((UI_PORT + i))" \
      --work-dir "$STATE/worker$i" "$master"
  done
  # senderMaxStreamDuration: the server ends each result stream after a second (two minutes by
  # default), so every query of the tests longer than that reattaches to its execution
  # (src/spark/connection.rs), as a long report does on a real cluster.
  launch connect "$SPARK_HOME/bin/spark-submit" \
    --class org.apache.spark.sql.connect.service.SparkConnectServer \
    --master "$master" --driver-memory 1g --executor-memory "$EXECUTOR_MEMORY" \
    --total-executor-cores 2 --executor-cores 1 \
    --conf "spark.connect.grpc.binding.address=$HOST" \
    --conf "spark.connect.grpc.binding.port=$CONNECT_PORT" \
    --conf spark.sql.shuffle.partitions=4 \
    --conf spark.connect.execute.reattachable.senderMaxStreamDuration=1s \
    --conf spark.sql.session.timeZone=UTC \
    --conf "spark.sql.warehouse.dir=$STATE/warehouse" \
    --conf spark.ui.enabled=false
  wait_for "$START_TIMEOUT" "Spark Connect server on port $CONNECT_PORT" connect_ready

  trap - EXIT INT TERM
  say "ready after $((SECONDS - started))s (logs in $LOGS)"
  echo "$URL"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  status)
    if running; then
      echo "running: $URL"
    else
      echo "stopped"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
