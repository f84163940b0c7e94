#!/usr/bin/env bash
# Sets up, builds and runs every test: Catch2 unit, store, server and UI tests, and the
# browser tests in real headless Chromium, all under CTest. Extra arguments go to ctest
# (e.g. tools/test.sh -R browser).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
bash "$ROOT/tools/setup.sh"
bash "$ROOT/tools/build.sh" all
run_tests() { ctest --preset native -j2 "$@"; }
cd "$ROOT"
run_step 1 1 "Tests" run_tests "$@"
say_done "tests"
