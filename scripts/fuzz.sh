#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (a package of their own, so the main build is untouched)
# with -sanitize=fuzzer,address and runs each for SECONDS (default 600), starting from the
# committed seed corpus (Fuzz/Corpus/<target>, made by Fuzz/make-corpus.py). Reports executions,
# executions per second and peak memory per target; exits non-zero if any target found a crash,
# a leak, a timeout or ran out of memory (the input is kept in Fuzz/.work/<target>/).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT/Fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz-frames fuzz-handshake fuzz-registry-requests fuzz-committee-file fuzz-budget-file fuzz-signing-texts fuzz-export-folder fuzz-documents-requests)
fi
# --sanitize instruments and links the fuzz targets themselves (libFuzzer's main); -Xswiftc
# instruments the main package's modules too, where the code worth fuzzing is.
flags=(-c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"
failed=0
summary=()
for target in "${targets[@]}"; do
  work=".work/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  log="$work/fuzz.log"
  status=0
  # The Swift backtracer would catch the crash first; libFuzzer must, to write the artifact.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 \
    "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$work/" "$work/corpus" "Corpus/$target" >"$log" 2>&1 || status=$?
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)"
  time="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)"
  rss="$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)"
  corpus="$(find "$work/corpus" -type f | wc -l)"
  result=ok
  if [ "$status" -ne 0 ] || [ "${runs:-0}" -eq 0 ] || ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
    result="FAILED (exit $status; see $log)"
    failed=1
  fi
  summary+=("| $target | $seconds | $runs | $time | $corpus | $rss | $result |")
  echo "$target: $runs executions, $time/s, $result" >&2
done
echo
echo "| target | seconds | executions | per second | corpus | peak RSS MiB | result |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit "$failed"
