#!/usr/bin/env bash
# Runs the sync benchmark (issue 3, point 6) and prints its table: accepted ratings/s and
# sync pulls/s of the real safespaces-server beside an empty handler, a static file, a bare
# SQLite insert loop, json-server (npm) and (if installed) nginx + wrk, on this machine, in the same run.
# Builds only what it needs (safespaces-bench and safespaces-server) in the native build.
# Usage: tools/bench.sh [--seconds S] [--warmup S] [--places N] [--no-nginx]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
cd "$ROOT"

build_bench() { build_native_targets safespaces-bench; }
# nginx and wrk give the static-file baseline; they are for the benchmark only, so they are
# installed here rather than by every set-up (nginx runs with its own config, never as a service).
bench_tools() {
  local missing=()
  for p in nginx-light wrk; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v nginx >/dev/null && missing=("${missing[@]/nginx-light}")
  if ((${#missing[@]} > 0)) && [[ -n "${missing[*]// /}" ]]; then
    say "installing ${missing[*]} for the static-file baseline"
    as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y --no-install-recommends ${missing[*]} \
      || say "could not install them: the nginx baseline will be left out"
  else
    say "nginx and wrk are installed"
  fi
}
run_step 1 3 "Baseline tools (nginx, wrk)" bench_tools
run_step 2 3 "Build safespaces-bench and safespaces-server (native, Release)" build_bench

busy_note
run_step 3 3 "Benchmark (about 90 s)" "$BUILD_DIR/native/bin/safespaces-bench" "$@"
