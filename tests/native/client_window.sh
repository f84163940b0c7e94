#!/usr/bin/env bash
# Native client test: the desktop build opens a real SDL window (under Xvfb, with Mesa's
# software OpenGL), draws until it says it is ready, saves a screenshot, and closes cleanly
# when asked to (SIGTERM, as a desktop session does at log-out).
# Usage: client_window.sh CLIENT_BINARY SCREENSHOT_DIR
set -euo pipefail
client="$1"; shots="$2"
mkdir -p "$shots"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

export LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy
xvfb-run -a -s "-screen 0 1024x900x24" bash -c '
  # SAFESPACES_CLIENT_PRELOAD: a library to load first (the sanitize preset keeps Mesa loaded).
  env ${SAFESPACES_CLIENT_PRELOAD:+LD_PRELOAD="$SAFESPACES_CLIENT_PRELOAD"} "$1" 2>"$2" &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q "Safe Spaces is ready" "$2" && break
    kill -0 $pid 2>/dev/null || { echo "the client exited before it was ready:"; cat "$2"; exit 1; }
    sleep 0.1
  done
  grep -q "Safe Spaces is ready" "$2" || { echo "the client was not ready within 30 s:"; cat "$2"; kill $pid; exit 1; }
  sleep 0.5
  if [[ -x /usr/bin/import ]]; then /usr/bin/import -window root "$3/native-home.png"; fi
  kill -TERM $pid
  wait $pid
' _ "$client" "$log" "$shots"
status=$?
grep -qi "error" "$log" && { echo "the client logged an error:"; cat "$log"; exit 1; }
echo "native client: ready, drew, closed with status $status"
