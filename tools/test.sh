#!/usr/bin/env bash
# Sets up, builds and runs every test: Catch2 unit, store, server and UI tests, and the
# browser tests in real headless Chromium, all under CTest; then the native tests again
# under AddressSanitizer and UndefinedBehaviorSanitizer (the sanitize preset, clang), and
# each libFuzzer target for 20 s. Extra arguments go to the first ctest only and skip the
# last two steps (e.g. tools/test.sh -R browser).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
bash "$ROOT/tools/setup.sh"
bash "$ROOT/tools/build.sh" all
run_tests() { ctest --preset native -j2 "$@"; }
build_sanitized() {
  [[ -f "$BUILD_DIR/sanitize/build.ninja" ]] || cmake --preset sanitize -S "$ROOT" >/dev/null
  cmake --build --preset sanitize
}
run_sanitized_tests() { ctest --preset sanitize -j2; }
run_fuzzers() { bash "$ROOT/tools/fuzz.sh" 20; }
cd "$ROOT"
if (($#)); then
  run_step 1 1 "Tests" run_tests "$@"
  say "a filtered run: the sanitizer and fuzzing steps are left out"
else
  run_step 1 4 "Tests" run_tests
  run_step 2 4 "Sanitize build (clang, AddressSanitizer and UndefinedBehaviorSanitizer)" build_sanitized
  run_step 3 4 "Native tests under the sanitizers (browser tests left out)" run_sanitized_tests
  run_step 4 4 "Fuzzing, 20 s a target" run_fuzzers
fi
say_done "tests"
