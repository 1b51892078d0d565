#!/usr/bin/env bash
# Runs a real Apache Kafka broker (KRaft, combined broker+controller) from Maven Central jars
# on the machine's JDK. Usage: kafka.sh up|down|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

LIBS="$KAFKA_LIBS"
DATA="$KAFKA_HOME/data"
CONF="$KAFKA_HOME/server.properties"
PIDFILE="$KAFKA_HOME/kafka.pid"
LOG="${KAFKA_LOG:-$CLOTH_LOG_DIR/kafka.log}"

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

fetch_jars() {
  [[ -f "$LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]] && return 0
  echo "-- fetching Apache Kafka $KAFKA_VERSION jars with Maven into $LIBS"
  mkdir -p "$LIBS"
  (cd "$REPO_ROOT/deploy/local" && mvn -q -B package -Dkafka.libs.dir="$LIBS" && rm -rf target)
}

write_config() {
  mkdir -p "$DATA"
  cat >"$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
# Development settings: one node, fast group joins, topics created deliberately by the services.
num.partitions=4
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
  cat >"$KAFKA_HOME/log4j2.properties" <<'L4J'
rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
L4J
}

java_cmd() {
  java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties" \
    -cp "$LIBS/*" "$@"
}

up() {
  if running; then echo "kafka $KAFKA_VERSION already running on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  command -v java >/dev/null || { echo "!! java not found: install a JDK 17" >&2; exit 1; }
  fetch_jars
  write_config
  if [[ ! -f "$DATA/meta.properties" ]]; then
    echo "-- formatting KRaft storage in $DATA"
    java_cmd kafka.tools.StorageTool format -t "$(java_cmd kafka.tools.StorageTool random-uuid)" -c "$CONF" >>"$LOG" 2>&1
  fi
  nohup java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties" \
    -cp "$LIBS/*" kafka.Kafka "$CONF" >>"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  wait_for_port 127.0.0.1 "$KAFKA_PORT" 90 "kafka" || { tail -30 "$LOG" >&2; exit 1; }
  echo "kafka $KAFKA_VERSION listening on 127.0.0.1:$KAFKA_PORT (log: $LOG)"
}

down() {
  if running; then
    local pid; pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    echo "kafka stopped"
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) running && echo "kafka running (pid $(cat "$PIDFILE"))" || { echo "kafka not running"; exit 1; } ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
