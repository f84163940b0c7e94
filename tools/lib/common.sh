# Shared helpers for the scripts in tools/: progress messages, timing, paths of the
# third-party cache and the environment Debian's Emscripten needs. Sourced, never run.

SAFESPACES_CACHE="${SAFESPACES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/safespaces}"
export SAFESPACES_CACHE
BUILD_DIR="${SAFESPACES_BUILD:-$ROOT/build}"

SCRIPT_START=$(date +%s)

say() { printf '      %s\n' "$*"; }

# run_step N TOTAL "title" function: prints "[N/TOTAL] title" and the time it took.
run_step() {
  local n=$1 total=$2 title=$3 fn=$4 t0 t1
  printf '[%s/%s] %s\n' "$n" "$total" "$title"
  t0=$(date +%s)
  "$fn" "${@:5}"
  t1=$(date +%s)
  printf '      done in %ss\n' "$((t1 - t0))"
}

say_done() { printf 'Safe Spaces %s finished in %ss\n' "$1" "$(( $(date +%s) - SCRIPT_START ))"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Debian's Node.js modules (acorn, ...) and Python for emcc; see README "Building".
emscripten_env() {
  export NODE_PATH=/usr/share/nodejs
  export EMSDK_PYTHON=/usr/bin/python3
}

# Where the WebAssembly builds of SDL2 and SQLite live: keyed by their versions and by
# the recipe that builds them, so changing either builds afresh.
wasm_deps_prefix() {
  local recipe
  recipe=$(cat "$ROOT/tools/wasm-deps/CMakeLists.txt" | sha256sum | cut -c1-12)
  echo "$SAFESPACES_CACHE/wasm/sdl2-2.26.5-sqlite-3.40.1-emcc-3.1.6-$recipe"
}

# For the benchmarks: builds only the given targets of the native build (Release), setting
# the build up first when it is not there yet.
build_native_targets() {
  [[ -f "$BUILD_DIR/native/build.ninja" ]] || { bash "$ROOT/tools/setup.sh" && cmake --preset native -S "$ROOT" >/dev/null; }
  cmake --build --preset native --target "$@" >/dev/null
}

# Compilers or tests running beside a benchmark make its figures noisy: say so.
busy_note() {
  local busy
  busy=$(pgrep -c -x 'cc1plus|ctest|chromium|node' 2>/dev/null || true)
  [[ "$busy" -gt 0 ]] && say "note: $busy compiler/test processes are running now; figures will be noisy"
  return 0
}
