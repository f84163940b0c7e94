#!/usr/bin/env bash
# Prints the size of each file the browser downloads, raw and gzipped, and their total.
# Budget (DESIGN.md): all downloads together under 2 MB gzipped.
set -euo pipefail
dist="$1"
total_raw=0; total_gz=0
printf 'Web bundle (%s):\n' "$dist"
for f in "$dist"/*; do
  [[ -f "$f" ]] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-28s %9d bytes  %9d gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-28s %9d bytes  %9d gzipped (budget 2000000)\n' "total" "$total_raw" "$total_gz"
if ((total_gz > 2000000)); then echo "Web bundle is over its 2 MB budget" >&2; exit 1; fi
