#!/usr/bin/env bash
# Starts and stops the local infrastructure on loopback: a single-node Kafka broker (KRaft) from
# Maven Central artifacts and FerretDB (MongoDB wire protocol, SQLite backend) built from the Go
# module proxy; with --cluster also a three-node KRaft cluster (brokers on 19192, 19292, 19392).
# Idempotent; everything it keeps lives under data/infra (git-ignored).
#
#   infra.sh up [--cluster] | down | status | reset
# reset stops everything and empties the brokers' and FerretDB's data, keeping what was downloaded:
# every test run leaves topics and databases behind, and thousands of them slow the brokers down.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA="$ROOT/infra"
DATA="${INFRA_DATA_DIR:-$ROOT/data/infra}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
FERRETDB_PORT="${FERRETDB_PORT:-27117}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_CLUSTER_HEAP="${KAFKA_CLUSTER_HEAP:-384m}"
CLUSTER_DIR="$DATA/kafka-cluster"
CLUSTER_NODES=(1 2 3)
cluster_broker_port() { echo $((19092 + 100 * $1)); }
cluster_controller_port() { echo $((19093 + 100 * $1)); }
CLUSTER_BROKERS="$(for n in "${CLUSTER_NODES[@]}"; do printf '127.0.0.1:%s,' "$(cluster_broker_port "$n")"; done)"
CLUSTER_BROKERS="${CLUSTER_BROKERS%,}"

KAFKA_LIBS="$DATA/kafka/libs"
KAFKA_LOGS="$DATA/kafka/logs"
KAFKA_DATA="$DATA/kafka/data"
KAFKA_PID="$DATA/kafka/kafka.pid"
FERRET_BIN="$DATA/ferretdb/bin/ferretdb"
FERRET_DATA="$DATA/ferretdb/data"
FERRET_PID="$DATA/ferretdb/ferretdb.pid"
FERRET_LOG="$DATA/ferretdb/ferretdb.log"

log() { printf 'infra: %s\n' "$*" >&2; }

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

fetch_kafka() {
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then return; fi
  log "fetching Kafka from Maven Central (first run only)"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$DATA/kafka"
  local copy=(-B -f "$INFRA/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS")
  # Offline from ~/.m2 when an earlier run fetched everything; otherwise from Maven Central.
  if ! mvn -o "${copy[@]}" >"$DATA/kafka/maven.log" 2>&1 && ! mvn "${copy[@]}" >>"$DATA/kafka/maven.log" 2>&1; then
    tail -n 30 "$DATA/kafka/maven.log" >&2
    exit 1
  fi
  touch "$KAFKA_LIBS/.complete"
}

build_ferretdb() {
  if [[ -x "$FERRET_BIN" && "$FERRET_BIN" -nt "$INFRA/ferretdb/main.go" && "$FERRET_BIN" -nt "$INFRA/ferretdb/go.sum" ]]; then
    return
  fi
  log "building FerretDB from the Go module proxy (first run only)"
  mkdir -p "$(dirname "$FERRET_BIN")"
  (cd "$INFRA/ferretdb" && go build -o "$FERRET_BIN" .)
}

start_kafka() {
  if running "$KAFKA_PID"; then log "Kafka already running (pid $(cat "$KAFKA_PID"))"; return; fi
  fetch_kafka
  mkdir -p "$KAFKA_LOGS" "$KAFKA_DATA"
  local props="$DATA/kafka/server.properties"
  sed -e "s#@BROKER_PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@LOG_DIR@#$KAFKA_DATA#g" "$INFRA/kafka/server.properties.template" > "$props"
  local java_opts=(-Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -Dkafka.logs.dir="$KAFKA_LOGS"
    -Dlog4j.configuration="file:$INFRA/kafka/log4j.properties" -cp "$KAFKA_LIBS/*")
  if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted >/dev/null
  fi
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup java "${java_opts[@]}" kafka.Kafka "$props" >"$KAFKA_LOGS/stdout.log" 2>&1 &
  echo $! >"$KAFKA_PID"
}

# Three KRaft nodes, each broker and controller, formatted once with one cluster id.
start_cluster() {
  fetch_kafka
  mkdir -p "$CLUSTER_DIR"
  [[ -f "$CLUSTER_DIR/cluster.id" ]] ||
    java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1 >"$CLUSTER_DIR/cluster.id"
  local voters
  voters="$(for n in "${CLUSTER_NODES[@]}"; do printf '%s@127.0.0.1:%s,' "$n" "$(cluster_controller_port "$n")"; done)"
  voters="${voters%,}"
  for n in "${CLUSTER_NODES[@]}"; do
    local node="$CLUSTER_DIR/node-$n"
    if running "$node/kafka.pid"; then log "Kafka node $n already running"; continue; fi
    mkdir -p "$node/data" "$node/logs"
    sed -e "s#@NODE_ID@#$n#g" -e "s#@VOTERS@#$voters#g" -e "s#@BROKER_PORT@#$(cluster_broker_port "$n")#g" \
      -e "s#@CONTROLLER_PORT@#$(cluster_controller_port "$n")#g" -e "s#@LOG_DIR@#$node/data#g" \
      "$INFRA/kafka/server-cluster.properties.template" >"$node/server.properties"
    local java_opts=(-Xms"$KAFKA_CLUSTER_HEAP" -Xmx"$KAFKA_CLUSTER_HEAP" -Dkafka.logs.dir="$node/logs"
      -Dlog4j.configuration="file:$INFRA/kafka/log4j.properties" -cp "$KAFKA_LIBS/*")
    [[ -f "$node/data/meta.properties" ]] ||
      java "${java_opts[@]}" kafka.tools.StorageTool format -t "$(cat "$CLUSTER_DIR/cluster.id")" \
        -c "$node/server.properties" --ignore-formatted >/dev/null
    log "starting Kafka node $n on 127.0.0.1:$(cluster_broker_port "$n")"
    nohup java "${java_opts[@]}" kafka.Kafka "$node/server.properties" >"$node/logs/stdout.log" 2>&1 &
    echo $! >"$node/kafka.pid"
  done
}

start_ferretdb() {
  if running "$FERRET_PID"; then log "FerretDB already running (pid $(cat "$FERRET_PID"))"; return; fi
  build_ferretdb
  mkdir -p "$FERRET_DATA"
  log "starting FerretDB on 127.0.0.1:$FERRETDB_PORT"
  nohup "$FERRET_BIN" -listen "127.0.0.1:$FERRETDB_PORT" -data "$FERRET_DATA" >"$FERRET_LOG" 2>&1 &
  echo $! >"$FERRET_PID"
}

stop() {
  local name="$1" pidfile="$2"
  if ! running "$pidfile"; then rm -f "$pidfile"; log "$name not running"; return; fi
  local pid; pid="$(cat "$pidfile")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return; }
    sleep 0.5
  done
  log "$name did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# All nodes at once: a node stopped after the others has lost its quorum and cannot shut down cleanly.
stop_cluster() {
  local n
  for n in "${CLUSTER_NODES[@]}"; do
    if running "$CLUSTER_DIR/node-$n/kafka.pid"; then kill -TERM "$(cat "$CLUSTER_DIR/node-$n/kafka.pid")"; fi
  done
  for n in "${CLUSTER_NODES[@]}"; do
    if [[ -f "$CLUSTER_DIR/node-$n/kafka.pid" ]]; then stop "Kafka node $n" "$CLUSTER_DIR/node-$n/kafka.pid"; fi
  done
}

wait_ready() {
  if ! node "$INFRA/scripts/wait-ready.js" "127.0.0.1:$KAFKA_PORT" "mongodb://127.0.0.1:$FERRETDB_PORT/" "$@"; then
    log "not ready; last lines of the logs:"
    tail -n 20 "$KAFKA_LOGS/server.log" "$FERRET_LOG" "$CLUSTER_DIR"/node-*/logs/server.log >&2 || true
    exit 1
  fi
}

case "${1:-}" in
  up)
    mkdir -p "$DATA"
    start_kafka
    start_ferretdb
    if [[ "${2:-}" == "--cluster" ]]; then
      start_cluster
      wait_ready "$CLUSTER_BROKERS"
      log "ready: KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT KAFKA_CLUSTER_BROKERS=$CLUSTER_BROKERS MONGODB_URL=mongodb://127.0.0.1:$FERRETDB_PORT/"
    else
      wait_ready
      log "ready: KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT MONGODB_URL=mongodb://127.0.0.1:$FERRETDB_PORT/"
    fi
    ;;
  down)
    stop Kafka "$KAFKA_PID"
    stop_cluster
    stop FerretDB "$FERRET_PID"
    ;;
  reset)
    stop Kafka "$KAFKA_PID"
    stop_cluster
    stop FerretDB "$FERRET_PID"
    rm -rf "$KAFKA_DATA" "$CLUSTER_DIR" "$FERRET_DATA"
    log "emptied the data of Kafka, the Kafka cluster and FerretDB"
    ;;
  status)
    running "$KAFKA_PID" && echo "kafka: running (pid $(cat "$KAFKA_PID"))" || echo "kafka: stopped"
    for n in "${CLUSTER_NODES[@]}"; do
      running "$CLUSTER_DIR/node-$n/kafka.pid" && echo "kafka node $n: running" || echo "kafka node $n: stopped"
    done
    running "$FERRET_PID" && echo "ferretdb: running (pid $(cat "$FERRET_PID"))" || echo "ferretdb: stopped"
    ;;
  *)
    echo "usage: $0 up [--cluster] | down | status | reset" >&2
    exit 2
    ;;
esac
