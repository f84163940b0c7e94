#!/usr/bin/env bash
# The whole benchmark suite beside its peers, in one command (issue 10): the server (ratings
# and pulls per second beside json-server, nginx and bare SQLite, at 1 to 64 clients) and the
# client (start, frames, heaps and downloads beside a Leaflet page, on a full-speed and a Slow
# 4G network), at each number of places, R rounds; then tools/bench-report.mjs writes medians
# and ratios to build/bench/compare.md and compare.json, and the scaling plots as PNGs.
# Exits non-zero when our app's first-visit download is over its 2 MB budget (gzipped).
# Usage: tools/bench-compare.sh [--rounds R] [--places "1000 10000 100000"] [--quick]
#                               [--server-only | --client-only]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
cd "$ROOT"

rounds=3
places="1000 10000 100000"
clients="1 2 4 8 16 32 64"  # the server's scaling series
server_args=(--seconds 3 --warmup 1)  # s measured and s of warm-up per server scenario
client_args=()
quick=0
server=1 client=1
usage="usage: tools/bench-compare.sh [--rounds R (3)] [--places \"1000 10000 100000\"] [--quick] [--server-only | --client-only]"
while (($# > 0)); do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --places) places="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --server-only) client=0; shift ;;
    --client-only) server=0; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if ((quick)); then
  # A check that the suite works, in a few minutes; its figures are not worth comparing.
  [[ "$rounds" == 3 ]] && rounds=1
  [[ "$places" == "1000 10000 100000" ]] && places="1000 10000"
  server_args=(--seconds 1 --warmup 0.3)
  client_args=(--seconds 2)
fi
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }
for n in $places; do [[ "$n" =~ ^[0-9]+$ ]] && ((n >= 500)) || { echo "--places: counts of 500 or more" >&2; exit 2; }; done

# Where things are built and written: the usual build folders unless told otherwise;
# SAFESPACES_WEB_DIST names a web client already built, used as it is.
NATIVE_BUILD="${SAFESPACES_NATIVE_BUILD:-$BUILD_DIR/native}"
WEB_BUILD="${SAFESPACES_WEB_BUILD:-$BUILD_DIR/web}"
WEB_DIST="${SAFESPACES_WEB_DIST:-$WEB_BUILD/dist}"
OUT="$BUILD_DIR/bench"
RAW="$OUT/raw"
CLIENT_SCRIPT="$ROOT/tools/bench-client.mjs"
client_note=""
((client)) || client_note="--server-only: the client part (start, frames, downloads, budget) is left out"
if ((client)) && [[ ! -f "$CLIENT_SCRIPT" ]]; then
  client=0
  client_note="tools/bench-client.mjs is not there yet: the client part (start, frames, downloads, budget) is skipped"
fi

# [SECTION] Tools and peers

# nginx and wrk (the static-file ceiling), gnuplot (the plots): Debian packages, for the
# benchmark only (nginx runs with its own config, never as a service).
bench_tools() {
  local missing=() p
  for p in nginx-light wrk gnuplot-nox; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v nginx >/dev/null && missing=("${missing[@]/nginx-light}")
  command -v gnuplot >/dev/null && missing=("${missing[@]/gnuplot-nox}")
  if ((${#missing[@]} > 0)) && [[ -n "${missing[*]// /}" ]]; then
    say "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y --no-install-recommends ${missing[*]} \
      || say "could not install them: the nginx baseline or the plots will be left out"
  else
    say "nginx, wrk and gnuplot are installed"
  fi
}

# The peers from npm, as package-lock.json pins them: json-server, leaflet,
# leaflet.markercluster (and playwright-core, which drives Chromium).
npm_peers() {
  local p missing=0
  for p in json-server leaflet leaflet.markercluster playwright-core; do
    [[ -f "node_modules/$p/package.json" ]] || missing=1
  done
  if ((missing)); then
    say "npm install (package-lock.json)"
    npm install --no-audit --no-fund >/dev/null
  else
    say "json-server, leaflet, leaflet.markercluster and playwright-core are installed"
  fi
}

# [SECTION] Builds

# Native, Release: the load generator, the server and the admin tool (demo places, tiles).
build_native() {
  if [[ ! -f "$NATIVE_BUILD/build.ninja" ]]; then
    bash "$ROOT/tools/setup.sh"
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake --preset native -S "$ROOT" -B "$NATIVE_BUILD" "${launcher[@]}" >/dev/null
  fi
  cmake --build "$NATIVE_BUILD" -j2 --target safespaces-bench safespaces-server safespaces-admin >/dev/null
}

# The web client (Emscripten), for the client part only.
build_web() {
  emscripten_env
  [[ -f "$WEB_BUILD/build.ninja" ]] || cmake --preset web -S "$ROOT" -B "$WEB_BUILD" >/dev/null
  cmake --build "$WEB_BUILD" -j2 >/dev/null
}

builds() {
  build_native
  if ((!client)); then
    say "no client part: the web client is not built"
  elif [[ -n "${SAFESPACES_WEB_DIST:-}" ]]; then
    say "the web client as built in $WEB_DIST"
  else
    build_web
  fi
}

# [SECTION] Rounds

# Temporary folders (one data folder per number of places, kept across rounds) and the
# server of the client part; stopped and removed whatever happens.
work=""
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
cleanup() { stop_server; [[ -n "$work" ]] && rm -rf "$work"; work=""; }
trap cleanup EXIT

# The client part's data (N demo places with synthetic ratings, synthetic tiles) and its web
# folder (our client, the Leaflet page and Leaflet's files: one origin), made once.
prepare_client() {
  local n
  node "$CLIENT_SCRIPT" --assemble "$work/web" --dist "$WEB_DIST" >/dev/null
  for n in $places; do
    "$NATIVE_BUILD/bin/safespaces-admin" demo --data "$work/data-$n" --places "$n" --ratings "$((n * 2))" >/dev/null
    "$NATIVE_BUILD/bin/safespaces-admin" make-tiles --out "$work/data-$n/tiles.mbtiles" >/dev/null
    say "$n demo places and synthetic tiles"
  done
}

# safespaces-server on a free port with N places, the web folder and the tiles; sets $url.
start_server() {
  local n=$1 data="$work/data-$1"
  url=""
  "$NATIVE_BUILD/bin/safespaces-server" --port 0 --data "$data" --web "$work/web" --tiles "$data/tiles.mbtiles" \
    --no-sync-limits >"$work/server-$n.out" 2>"$work/server-$n.log" &
  server_pid=$!
  for _ in $(seq 200); do
    url=$(sed -n 's/.*running on \(http:[^ ]*\).*/\1/p' "$work/server-$n.out" 2>/dev/null || true)
    [[ -n "$url" ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server-$n.log" >&2
  echo "the server did not start" >&2
  return 1
}

# One round at N places: the server part (its own servers and peers), then the client part
# on both networks against one server. A failed part is said and left out of the table.
run_round() {
  local r=$1 n=$2 network
  if ((server)); then
    say "round $r, $n places: server (ours, json-server, nginx, SQLite; clients $clients)"
    "$NATIVE_BUILD/bin/safespaces-bench" --places "$n" "${server_args[@]}" --series "$clients" \
      --web-dist "$WEB_DIST" --json "$RAW/server-p$n-r$r.json" >"$RAW/server-p$n-r$r.txt" 2>&1 \
      || say "the server part reported errors: see $RAW/server-p$n-r$r.txt"
  fi
  ((client)) || return 0
  start_server "$n" || return 0
  for network in fast slow4g; do
    say "round $r, $n places: client on a $network network (ours, Leaflet)"
    NODE_PATH="$ROOT/node_modules" node "$CLIENT_SCRIPT" --url "$url" --places "$n" --network "$network" \
      "${client_args[@]}" --json "$RAW/client-p$n-$network-r$r.json" >"$RAW/client-p$n-$network-r$r.txt" 2>&1 \
      || say "the client part failed: see $RAW/client-p$n-$network-r$r.txt"
  done
  stop_server
}

run_rounds() {
  local r n
  work="$(mktemp -d "${TMPDIR:-/tmp}/safespaces-bench-compare.XXXXXX")"
  chmod 755 "$work"
  # The parts run now replace their earlier figures at these numbers of places; a part left
  # out, or another number of places (a long 100,000 run done on its own), keeps its own.
  mkdir -p "$RAW"
  for n in $places; do
    if ((server)); then rm -f "$RAW"/server-p"$n"-*; fi
    if ((client)); then rm -f "$RAW"/client-p"$n"-*; fi
  done
  if ((client)); then prepare_client; else say "$client_note"; fi
  for r in $(seq "$rounds"); do
    for n in $places; do run_round "$r" "$n"; done
  done
  cleanup
}

# Exit code 3 from the report: our app is over its download budget.
status=0
report() {
  node "$ROOT/tools/bench-report.mjs" --raw "$RAW" --out "$OUT" || status=$?
}

run_step 1 5 "Benchmark tools (nginx, wrk, gnuplot)" bench_tools
run_step 2 5 "Peers from npm (json-server, leaflet, leaflet.markercluster)" npm_peers
run_step 3 5 "Build the server, load generator and admin tool (native) and the web client" builds
busy_note
run_step 4 5 "$rounds round(s) at $places places" run_rounds
run_step 5 5 "Medians, ratios and plots (build/bench)" report
say_done "comparison"
exit "$status"
