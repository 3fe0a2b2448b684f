#!/usr/bin/env bash
# Starts kansli-registry, kansli-finance and kansli-documents as separate processes.
# Each gets $KANSLI_DATA_DIR/<service>/ for its database, log, pid and ready file.
# Ports: KANSLI_REGISTRY_PORT, KANSLI_FINANCE_PORT, KANSLI_DOCUMENTS_PORT (defaults 7401-7403;
# 0 = any free port). KANSLI_BUILD=release|debug picks the build (default release).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"

configuration="${KANSLI_BUILD:-release}"
if [ "${KANSLI_SKIP_BUILD:-0}" != 1 ]; then
  swift build -c "$configuration" --product kansli-registry >&2
  swift build -c "$configuration" --product kansli-finance >&2
  swift build -c "$configuration" --product kansli-documents >&2
  swift build -c "$configuration" --product kansli >&2
fi
bin="$(swift build -c "$configuration" --show-bin-path)"
ensure_keys

for service in "${KANSLI_SERVICES[@]}"; do
  dir="$KANSLI_DATA_DIR/$service"
  mkdir -p "$dir"
  if [ -f "$dir/$service.pid" ] && kill -0 "$(cat "$dir/$service.pid")" 2>/dev/null; then
    echo "kansli-$service is already running (pid $(cat "$dir/$service.pid"))" >&2
    continue
  fi
  rm -f "$dir/$service.ready"
  nohup "$bin/kansli-$service" --host 127.0.0.1 --port "$(service_port "$service")" \
    --data-dir "$dir" --keys "$KANSLI_DATA_DIR/server-keys" \
    >>"$dir/$service.log" 2>&1 &
  echo $! >"$dir/$service.pid"
  for _ in $(seq 1 200); do
    [ -f "$dir/$service.ready" ] && break
    if ! kill -0 "$(cat "$dir/$service.pid")" 2>/dev/null; then
      echo "kansli-$service exited during start; its log:" >&2
      tail -20 "$dir/$service.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  [ -f "$dir/$service.ready" ] || { echo "kansli-$service did not become ready" >&2; exit 1; }
  echo "kansli-$service pid $(cat "$dir/$service.pid") port $(ready_port "$service")"
done
