#!/usr/bin/env bash
# Runs the sync benchmark (issue 3, point 6) and prints its table: accepted ratings/s and
# sync pulls/s of the real safespaces-server beside an empty handler, a static file, a bare
# SQLite insert loop and (if installed) nginx + wrk, on this machine, in the same run.
# Builds only what it needs (safespaces-bench and safespaces-server) in the native build.
# Usage: tools/bench.sh [--seconds S] [--warmup S] [--places N] [--no-nginx]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
cd "$ROOT"

build_bench() {
  [[ -f "$BUILD_DIR/native/build.ninja" ]] || { bash "$ROOT/tools/setup.sh" && cmake --preset native -S "$ROOT" >/dev/null; }
  cmake --build --preset native --target safespaces-bench >/dev/null
}
run_step 1 2 "Build safespaces-bench and safespaces-server (native, Release)" build_bench

# Compilers or tests running beside the benchmark make its figures noisy: say so.
busy=$(pgrep -c -x 'cc1plus|ctest|chromium|node' || true)
[[ "$busy" -gt 0 ]] && say "note: $busy compiler/test processes are running now; figures will be noisy"
run_step 2 2 "Benchmark (about 70 s)" "$BUILD_DIR/native/bin/safespaces-bench" "$@"
