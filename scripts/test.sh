#!/usr/bin/env bash
# Builds Kansli and runs the whole test suite: unit tests, protocol tests against running servers,
# and integration tests that start the three services as real processes on free ports (plus a
# Python client written from docs/PROTOCOL.md alone). First, a smoke run of the benchmarks on tiny
# inputs proves they still work; it times nothing.
# Usage: scripts/test.sh [extra arguments for `swift test`, e.g. --filter RegistryServiceTests]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
ensure_test_tools
cd "$KANSLI_ROOT"

swift build --build-tests
if [ $# -eq 0 ]; then
  swift run --skip-build kansli-bench --smoke
fi
swift test --skip-build --parallel "$@"
