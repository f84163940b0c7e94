#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/) for a set time each: tools/fuzz.sh [seconds] [target...]
# (600 s a target and all five by default; .ci/run gives 20). Builds them in the sanitize
# preset first. New inputs go to build/sanitize/fuzz-corpus/<target> (the committed
# fuzz/corpus/<target> is read too, never written); a crash fails the run and its input is
# kept in build/sanitize/fuzz-crashes/<target>/. Prints runs, exec/s and coverage per target.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"

ALL_TARGETS=(fuzz_codec fuzz_validation fuzz_screening fuzz_sync_batch fuzz_import)
seconds="${1:-600}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: tools/fuzz.sh [seconds-per-target] [target...]" >&2; exit 2; }
shift || true
targets=("$@")
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")
OUT="$BUILD_DIR/sanitize"

build_fuzzers() {
  [[ -f "$OUT/build.ninja" ]] || cmake --preset sanitize -S "$ROOT" >/dev/null
  cmake --build --preset sanitize --target "${targets[@]}"
}

# The number after `key:` in libFuzzer's last status line ("#123 DONE cov: 456 ft: ..."),
# and in its final statistics ("stat::average_exec_per_sec:     655").
status_of() { grep -E '^#[0-9]+' "$1" | tail -1 | grep -oE "$2: [0-9]+" | awk '{print $2}' || true; }
final_of() { awk -v key="stat::$2:" '$1 == key {print $2}' "$1"; }

# Longest input to try, in bytes: a little over what each reader takes in real use (a
# comment of 280 characters is up to 1,120 bytes of UTF-8; the wire limits are bigger, but
# longer inputs only repeat what shorter ones reach, more slowly).
max_len_of() {
  case "$1" in
    fuzz_screening) echo 1200 ;;
    fuzz_validation) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

failed=()
fuzz_one() {
  local target=$1 log="$OUT/fuzz-logs/$1.log" crashes="$OUT/fuzz-crashes/$1" corpus="$OUT/fuzz-corpus/$1"
  mkdir -p "$OUT/fuzz-logs" "$crashes" "$corpus"
  local args=(-max_total_time="$seconds" -max_len="$(max_len_of "$target")" -print_final_stats=1 -timeout=10
              -rss_limit_mb=2048 -artifact_prefix="$crashes/")
  [[ -f "$ROOT/fuzz/$target.dict" ]] && args+=(-dict="$ROOT/fuzz/$target.dict")
  local status=0
  "$OUT/fuzz/$target" "${args[@]}" "$corpus" "$ROOT/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  local runs rate cov
  runs=$(final_of "$log" number_of_executed_units)
  rate=$(final_of "$log" average_exec_per_sec)
  cov=$(status_of "$log" cov)
  local line
  line=$(printf '%-16s runs %-10s exec/s %-7s cov %-6s new inputs %s' "$target" "${runs:-?}" "${rate:-?}" \
    "${cov:-?}" "$(find "$corpus" -type f | wc -l)")
  if ((status != 0)); then
    failed+=("$target")
    line+="  FAILED (exit $status)"
    say "$line"
    { grep -E '^==[0-9]+==|property broken|runtime error|SUMMARY|Test unit written' "$log" || true; } | head -20 |
      sed 's/^/        /'
    say "full log: $log; the input is in $crashes/"
  else
    say "$line"
  fi
}

cd "$ROOT"
run_step 1 2 "Build the fuzz targets (sanitize preset)" build_fuzzers
step_all() { for t in "${targets[@]}"; do fuzz_one "$t"; done; }
run_step 2 2 "Fuzz ${#targets[@]} targets for ${seconds}s each" step_all
if ((${#failed[@]})); then
  echo "A fuzz target found a problem: ${failed[*]}. Reproduce with: build/sanitize/fuzz/<target> <input file>" >&2
  exit 1
fi
say_done "fuzzing"
