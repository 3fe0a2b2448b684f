#!/usr/bin/env bash
# Stops the services started by start.sh: SIGTERM (requests in flight finish), then SIGKILL
# after 15 seconds for a service that does not exit.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

for service in documents finance registry; do
  pidfile="$KANSLI_DATA_DIR/$service/$service.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "kansli-$service did not stop; killing it" >&2
      kill -KILL "$pid"
    fi
    echo "kansli-$service stopped"
  fi
  rm -f "$pidfile"
done
