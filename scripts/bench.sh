#!/usr/bin/env bash
# Runs Kansli's benchmarks in a release build. Every figure is reported next to a baseline
# measured in the same run (JSON coder, a hand-written serializer, a bare echo server,
# sha256sum and openssl). Usage: scripts/bench.sh [--quick]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"
swift build -c release --product kansli-bench
swift build -c release --product kansli-registry
"$(swift build -c release --show-bin-path)/kansli-bench" "$@"
