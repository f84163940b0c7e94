#!/usr/bin/env bash
# Runs the map's frame-time benchmark and prints its tables: CPU ms per frame while the map
# pans, zooms and changes its filter with 10,000 places, natively (safespaces-map-bench,
# headless ImGui, no GL) and in headless Chromium (tools/bench-map.mjs against the real
# server with the demo set and synthetic tiles; the app reports its own frame times).
# Builds only what it needs: safespaces-map-bench, -server and -admin natively, and the web client.
# Usage: tools/bench-map.sh [--places N] [--frames N] [--seconds S] [--json-dir DIR] [--native-only | --browser-only]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
cd "$ROOT"

places=10000
frames=600   # native frames per scenario and screen
seconds=5    # browser seconds per phase
json_dir=""
native=1 browser=1
while (($# > 0)); do
  case "$1" in
    --places) places="$2"; shift 2 ;;
    --frames) frames="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --json-dir) json_dir="$2"; shift 2 ;;
    --native-only) browser=0; shift ;;
    --browser-only) native=0; shift ;;
    *) echo "usage: tools/bench-map.sh [--places N] [--frames N] [--seconds S] [--json-dir DIR] [--native-only | --browser-only]" >&2
       exit 2 ;;
  esac
done
[[ -n "$json_dir" ]] && mkdir -p "$json_dir" && json_dir="$(cd "$json_dir" && pwd)"

build_native() { build_native_targets safespaces-map-bench safespaces-server safespaces-admin; }
build_web() {
  emscripten_env
  [[ -f "$BUILD_DIR/web/build.ninja" ]] || cmake --preset web -S "$ROOT" >/dev/null
  cmake --build --preset web >/dev/null
}

build_for_browser() { build_native && build_web; }

run_native() {
  "$BUILD_DIR/native/bin/safespaces-map-bench" --places "$places" --frames "$frames" \
    ${json_dir:+--json "$json_dir/map-native.json"}
}

# A data folder with the demo set and synthetic tiles, the server on a free port, the node
# script against it; the server is stopped and the folder removed whatever happens.
server_pid=""
data=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [[ -n "$data" ]] && rm -rf "$data"
  server_pid="" data=""
}
trap cleanup EXIT
run_browser() {
  local bin="$BUILD_DIR/native/bin" url=""
  data="$(mktemp -d "${TMPDIR:-/tmp}/safespaces-bench-map.XXXXXX")"
  "$bin/safespaces-admin" demo --data "$data" --places "$places" --ratings "$((places * 2))" | sed -n 1p | sed 's/^/      /'
  "$bin/safespaces-admin" make-tiles --out "$data/tiles.mbtiles" >/dev/null
  "$bin/safespaces-server" --port 0 --data "$data" --web "$BUILD_DIR/web/dist" --tiles "$data/tiles.mbtiles" \
    >"$data/server.out" 2>"$data/server.log" &
  server_pid=$!
  for _ in $(seq 100); do
    url=$(sed -n 's/.*running on \(http:[^ ]*\).*/\1/p' "$data/server.out" 2>/dev/null || true)
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; return 1; }
    sleep 0.1
  done
  [[ -n "$url" ]] || { echo "the server did not start" >&2; return 1; }
  say "server at $url"
  NODE_PATH="$ROOT/node_modules" node "$ROOT/tools/bench-map.mjs" --url "$url" --places "$places" \
    --seconds "$seconds" ${json_dir:+--json "$json_dir/map-browser.json"}
  cleanup
}

steps=$((native * 2 + browser * 2)) step=0
next() { step=$((step + 1)); run_step "$step" "$steps" "$@"; }
if ((native)); then
  next "Build safespaces-map-bench (native, Release)" build_native
  busy_note
  next "Native: the map screen, headless (about 10 s)" run_native
fi
if ((browser)); then
  next "Build the server, admin tool (native) and the web client" build_for_browser
  busy_note
  next "Chromium: the map with real input (about 2-4 min)" run_browser
fi
say_done "map benchmark"
