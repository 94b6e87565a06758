#!/usr/bin/env bash
# Runs each libFuzzer harness in turn for SECONDS (default 30) from its seeds,
# one at a time. A crash, a leak, a timeout or an out-of-memory stops the run
# with the input saved as BUILD/fuzz-findings/<harness>/crash-...; copy it to
# tests/fuzz/crashes/<harness>/ (with a name that says what it found) so ctest
# replays it from then on.
#   usage: tests/fuzz/run.sh [SECONDS] [HARNESS...]    (BUILD_DIR, default build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(paper template pack png jpeg import partner)
build=${BUILD_DIR:-build-fuzz}

for h in "${harnesses[@]}"; do
  corpus="$build/fuzz-corpus/$h"
  findings="$build/fuzz-findings/$h"
  mkdir -p "$corpus" "$findings"
  # -timeout: an input that takes this long is a hang; -rss_limit_mb: one that
  # takes this much memory is a finding too.
  "$build/tests/fuzz/fuzz_$h" "$corpus" "tests/fuzz/seeds/$h" -max_total_time="$seconds" \
      -timeout=30 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 -artifact_prefix="$findings/" \
      2> "$build/fuzz-$h.log" || { tail -40 "$build/fuzz-$h.log"; echo "fuzz_$h: finding saved in $findings"; exit 1; }
  echo "fuzz_$h: $(grep -E '^stat::number_of_executed_units' "$build/fuzz-$h.log" | awk '{print $2}') inputs in ${seconds} s," \
       "$(grep -E '^#[0-9]+[[:space:]]+DONE' "$build/fuzz-$h.log" | grep -oE 'cov: [0-9]+ ft: [0-9]+' | tail -1), no findings"
done
