#!/usr/bin/env bash
# Starts kansli-registry, kansli-finance and kansli-documents as separate processes.
# Each gets $KANSLI_DATA_DIR/<service>/ for its database, log, pid and ready file.
# Ports: KANSLI_REGISTRY_PORT, KANSLI_FINANCE_PORT, KANSLI_DOCUMENTS_PORT (defaults 7401-7403;
# 0 = any free port). KANSLI_BUILD=release|debug picks the build (default release).
# KANSLI_SIMULATED_CLOCK=2022-06-01 starts every service on a simulated clock (demos and tests only).
# KANSLI_SIGNER_KEYS="robert-karlsson isak-utsi" makes a signer client key for each (data/signers/).
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

# Development keys: one client key file per role (data/<role>.key, mode 600), and for each
# service its own key file (data/<service>/server-keys) holding only the secrets derived for that
# service (`kansli keys server-line`), so no service's file opens another.
# The services that call `$1` (its callers), and the peers `$1` calls.
callers_of() {
  case "$1" in
    registry) echo "finance documents" ;;
    documents) echo "finance" ;;
  esac
}
peers_of() {
  case "$1" in
    finance) echo "registry documents" ;;
    documents) echo "registry" ;;
  esac
}

# The options that tell `$1` where its peers listen (they have started: their ready files say
# the port) and which client key it calls them with.
peer_arguments() {
  local peer
  for peer in $(peers_of "$1"); do
    printf -- '--%s-address\n127.0.0.1:%s\n' "$peer" "$(ready_port "$peer")"
  done
  if [ -n "$(peers_of "$1")" ]; then
    printf -- '--peer-key-file\n%s\n' "$KANSLI_DATA_DIR/$1/peer.key"
  fi
}

ensure_service_keys() {
  mkdir -p "$KANSLI_DATA_DIR"
  local role id
  for role in admin writer reader; do
    id="local-$role"
    if [ ! -f "$KANSLI_DATA_DIR/$role.key" ]; then
      (umask 077 && "$bin/kansli" keys generate --id "$id" >"$KANSLI_DATA_DIR/$role.key")
    fi
  done
  # Signer-role client keys, one per person in KANSLI_SIGNER_KEYS ("robert-karlsson isak-utsi"):
  # data/signers/<person>.key with key id signer-<person>. A member signs the minutes with it and
  # with their own signing key pair, which Kansli never holds (`kansli keys generate --signing`).
  local signer
  for signer in ${KANSLI_SIGNER_KEYS:-}; do
    mkdir -p "$KANSLI_DATA_DIR/signers"
    if [ ! -f "$KANSLI_DATA_DIR/signers/$signer.key" ]; then
      (umask 077 && "$bin/kansli" keys generate --id "signer-$signer" >"$KANSLI_DATA_DIR/signers/$signer.key")
    fi
  done
  local service keys
  # Finance and documents each call their peers with a client key of their own.
  for service in finance documents; do
    mkdir -p "$KANSLI_DATA_DIR/$service"
    if [ ! -f "$KANSLI_DATA_DIR/$service/peer.key" ]; then
      (umask 077 && "$bin/kansli" keys generate --id "local-$service-peer" >"$KANSLI_DATA_DIR/$service/peer.key")
    fi
  done
  for service in "${KANSLI_SERVICES[@]}"; do
    keys="$KANSLI_DATA_DIR/$service/server-keys"
    [ -f "$keys" ] && continue
    mkdir -p "$KANSLI_DATA_DIR/$service"
    (
      umask 077
      {
        echo "# key-id role secret-hex [second-secret-hex]: the $service service's keys (scripts/start.sh)"
        "$bin/kansli" keys server-line --service "$service" --role admin --client-key "$KANSLI_DATA_DIR/admin.key"
        "$bin/kansli" keys server-line --service "$service" --role write --client-key "$KANSLI_DATA_DIR/writer.key"
        "$bin/kansli" keys server-line --service "$service" --role read --client-key "$KANSLI_DATA_DIR/reader.key"
        for signer in ${KANSLI_SIGNER_KEYS:-}; do
          "$bin/kansli" keys server-line --service "$service" --role signer --client-key "$KANSLI_DATA_DIR/signers/$signer.key"
        done
        # The client keys the other services use to call this one (their peer keys).
        local caller
        for caller in $(callers_of "$service"); do
          "$bin/kansli" keys server-line --service "$service" --role read --client-key "$KANSLI_DATA_DIR/$caller/peer.key"
        done
      } >"$keys.tmp" && mv "$keys.tmp" "$keys"
    )
  done
}
ensure_service_keys

for service in "${KANSLI_SERVICES[@]}"; do
  dir="$KANSLI_DATA_DIR/$service"
  mkdir -p "$dir"
  if [ -f "$dir/$service.pid" ] && kill -0 "$(cat "$dir/$service.pid")" 2>/dev/null; then
    echo "kansli-$service is already running (pid $(cat "$dir/$service.pid"))" >&2
    continue
  fi
  rm -f "$dir/$service.ready"
  mapfile -t peers < <(peer_arguments "$service")
  nohup "$bin/kansli-$service" --host 127.0.0.1 --port "$(service_port "$service")" \
    --data-dir "$dir" --keys "$dir/server-keys" "${peers[@]}" \
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
