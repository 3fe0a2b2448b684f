#!/usr/bin/env bash
# Builds Kansli and runs the whole test suite (unit, protocol and integration tests that start the
# three services as real processes on free ports), then a quick benchmark smoke run.
# Usage: scripts/test.sh [extra arguments for `swift test`, e.g. --filter RegistryServiceTests]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"

swift build --build-tests
swift test --skip-build --parallel "$@"
if [ $# -eq 0 ]; then
  # The benchmarks' own checks, on tiny inputs, in the debug build: proves they still run.
  swift run --skip-build kansli-bench --smoke
fi
