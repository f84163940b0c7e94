#!/usr/bin/env bash
# Runs the co-production sessions load test (issue 7): the real safespaces-server with 20
# sessions of 30 phones, each phone sending a rating every ~3 s while every board polls
# ?since= each second; prints the board update delay (median, p95, max), the sync and poll
# times and the server's request rates. Builds only what it needs in the native build.
# Usage: tools/bench-sessions.sh [--quick] [--sessions N] [--phones N] [--seconds S]
#                                [--rate-every S] [--poll-every S] [--threads N] [--keep-alive]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
cd "$ROOT"

build_load() { build_native_targets safespaces-session-load; }
run_step 1 2 "Build safespaces-session-load and safespaces-server (native, Release)" build_load
busy_note
run_step 2 2 "Sessions under load (about 70 s; --quick: 6 s)" "$BUILD_DIR/native/bin/safespaces-session-load" "$@"
