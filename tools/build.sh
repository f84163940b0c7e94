#!/usr/bin/env bash
# Builds Safe Spaces: the native build (server, desktop client, tests) and the web client.
# Run tools/setup.sh first (tools/run.sh and tools/test.sh do). Usage: tools/build.sh [native|web|all]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
what="${1:-all}"

build_native() {
  [[ -f "$BUILD_DIR/native/build.ninja" ]] || cmake --preset native -S "$ROOT" >/dev/null
  cmake --build --preset native
}

build_web() {
  emscripten_env
  [[ -f "$BUILD_DIR/web/build.ninja" ]] || cmake --preset web -S "$ROOT" >/dev/null
  cmake --build --preset web
}

cd "$ROOT"
case "$what" in
  native) run_step 1 1 "Native build" build_native ;;
  web) run_step 1 1 "Web client build" build_web ;;
  all)
    run_step 1 2 "Native build (server, desktop client, tests)" build_native
    run_step 2 2 "Web client build (WebAssembly)" build_web
    ;;
  *) echo "usage: tools/build.sh [native|web|all]" >&2; exit 2 ;;
esac
