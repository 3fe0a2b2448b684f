#!/usr/bin/env bash
# Kill -9 cycles under write load for each service (issue 14): start it on a database, write from
# four clients, SIGKILL it at a seeded random moment, check the file with PRAGMA integrity_check,
# restart it and check that every acknowledged write is there exactly once. Reports writes
# checked and lost; exits non-zero on any loss, duplicate or damage.
# Usage: scripts/reliability.sh [CYCLES]   (default 100 per service)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"
for product in kansli-bench kansli-registry kansli-finance kansli-documents; do
  swift build -c release --product "$product"
done
exec "$(swift build -c release --show-bin-path)/kansli-bench" reliability "${1:-100}"
