#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (default 40 s each; FUZZ_SECONDS or $1 to change),
# starting from the seed corpora in tests/fuzz/corpus/. New inputs go to a scratch folder, so the
# repository's corpora only change by hand. Longer runs: scripts/fuzz.sh 3600
# The targets run side by side, one per core (each fuzzer uses one): the same fuzzing time each,
# in less time on the clock.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-${FUZZ_SECONDS:-40}}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
targets=(data_loader join_encoders draft_import route stored_draft members_import)
cores="$(nproc 2>/dev/null || echo 1)"

fuzz_one() {
  local target="$1"
  mkdir -p "$scratch/$target"
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$scratch/$target-" "$scratch/$target" "tests/fuzz/corpus/$target" \
       > "$scratch/$target.log" 2>&1; then
    echo passed > "$scratch/$target.result"
  else
    echo failed > "$scratch/$target.result"
  fi
}

echo "fuzzing ${#targets[@]} targets, ${seconds}s each, $cores at a time"
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$cores" ]; then wait -n; running=$((running - 1)); fi
  fuzz_one "$target" &
  running=$((running + 1))
done
wait

passed=0 failed=0
for target in "${targets[@]}"; do
  echo "== fuzz_$target: ${seconds}s"
  if [ "$(cat "$scratch/$target.result" 2>/dev/null)" = passed ]; then
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | tr '\n' ' '; echo
    passed=$((passed + 1))
  else
    tail -n 40 "$scratch/$target.log"
    mkdir -p tests/fuzz/crashes && cp "$scratch/$target-"* tests/fuzz/crashes/ 2>/dev/null || true
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
