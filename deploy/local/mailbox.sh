#!/usr/bin/env bash
# A local SMTP server for development: every e-mail the platform sends is kept as an .eml file
# under .local/mail/ (open it with any mail client, or read it as text).
# Usage: mailbox.sh up|down|status|env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

VENV="${VENV:-$REPO_ROOT/.venv}"
MAILBOX_PORT="${MAILBOX_PORT:-1025}"
MAIL_DIR="${CLOTH_MAIL_DIR:-$CLOTH_STATE_DIR/mail}"
PID_FILE="$CLOTH_STATE_DIR/run/mailbox.pid"
mkdir -p "$CLOTH_STATE_DIR/run" "$MAIL_DIR"

running() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

up() {
  if running; then return; fi
  nohup "$VENV/bin/python" -m cloth_shared.testing.mailbox --port "$MAILBOX_PORT" --directory "$MAIL_DIR" \
    >>"$CLOTH_LOG_DIR/mailbox.log" 2>&1 &
  echo $! >"$PID_FILE"
  wait_for_port 127.0.0.1 "$MAILBOX_PORT" 20 "the local mailbox"
  printf '%-14s smtp://127.0.0.1:%s   mail kept in: %s\n' mailbox "$MAILBOX_PORT" "$MAIL_DIR"
}

down() {
  if running; then kill "$(cat "$PID_FILE")"; echo "mailbox stopped"; fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) running && echo "mailbox running on port $MAILBOX_PORT ($MAIL_DIR)" || echo "mailbox stopped" ;;
  env) echo "NOTIFICATIONS_SMTP_HOST=127.0.0.1"; echo "NOTIFICATIONS_SMTP_PORT=$MAILBOX_PORT" ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
