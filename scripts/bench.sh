#!/usr/bin/env bash
# Runs Kansli's benchmarks in a release build. Every figure is reported next to a baseline
# measured in the same run (JSON coder, a hand-written serializer, a bare echo server,
# sha256sum and openssl; for memory, a bare echo process, kansli-bench-echo).
# Usage: scripts/bench.sh [--quick | --memory]   (--memory: only the memory report)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"
swift build -c release --product kansli-bench
# The memory report starts every service and the bare echo as processes.
for product in kansli-registry kansli-finance kansli-documents kansli-bench-echo; do
  swift build -c release --product "$product"
done
bench="$(swift build -c release --show-bin-path)/kansli-bench"
if [ "${1:-}" = --memory ]; then
  exec "$bench" memory
fi
"$bench" "$@"
