#!/usr/bin/env bash
# Sets up, builds and starts Safe Spaces on http://127.0.0.1:8080 (or --port N).
# Data (the SQLite database) lives in ./data unless SAFESPACES_DATA says otherwise.
# Extra arguments go to safespaces-server (try --help).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/setup.sh"
bash "$ROOT/tools/build.sh" all
data="${SAFESPACES_DATA:-$ROOT/data}"
# A new data folder gets the demo set (made-up places with synthetic ratings, each labelled
# "Demo place, not a real venue"), so there is something to try; a council adds its own.
if [[ ! -f "$data/safespaces.db" ]]; then
  "$ROOT/build/native/bin/safespaces-admin" demo --data "$data"
fi
echo "Starting Safe Spaces (press Ctrl+C to stop)"
exec "$ROOT/build/native/bin/safespaces-server" --port 8080 --data "$data" --web "$ROOT/build/web/dist" "$@"
