# Shared settings for the local infrastructure scripts; sourced, not run.
# Every value can be overridden from the environment.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLOTH_STATE_DIR="${CLOTH_STATE_DIR:-$REPO_ROOT/.local}"
CLOTH_LOG_DIR="${CLOTH_LOG_DIR:-$CLOTH_STATE_DIR/logs}"

KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$REPO_ROOT/deploy/local/pom.xml")"
# KAFKA_HOME holds one broker's config, data and pid; the jars in KAFKA_LIBS can serve several
# brokers (the broker-outage test runs a private one).
KAFKA_HOME="${KAFKA_HOME:-$CLOTH_STATE_DIR/kafka-$KAFKA_VERSION}"
KAFKA_LIBS="${KAFKA_LIBS:-$CLOTH_STATE_DIR/kafka-$KAFKA_VERSION/libs}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

PG_PORT="${PG_PORT:-5432}"
PG_VERSION="${PG_VERSION:-15}"
PG_SUPERPASSWORD="${PG_SUPERPASSWORD:-cloth-dev-only}"
# One database and one login role per service; the password is for local development only.
SERVICES="membership exchange knowledge notifications"

mkdir -p "$CLOTH_STATE_DIR" "$CLOTH_LOG_DIR"

wait_for_port() { # host port seconds what
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    if ((SECONDS > deadline)); then echo "!! $4 did not answer on $1:$2 within $3 s" >&2; return 1; fi
    sleep 0.3
  done
}
