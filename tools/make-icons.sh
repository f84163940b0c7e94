#!/usr/bin/env bash
# Renders the PNG app icons in web/icons/ from our own web/icon.svg: 192 and 512 px for the
# manifest, a full-bleed 512 px "maskable" one (Android crops it to its own shape), and a
# 180 px apple-touch-icon (iOS rounds the corners itself and shows transparency as black).
# The PNGs are committed; run this again after changing icon.svg. Needs rsvg-convert
# (Debian package librsvg2-bin).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$ROOT/web/icon.svg"
out="$ROOT/web/icons"
background="#1F6A73"  # the icon's own square colour, which is also the manifest's theme_color
command -v rsvg-convert >/dev/null || { echo "make-icons.sh needs rsvg-convert: apt-get install librsvg2-bin" >&2; exit 1; }
mkdir -p "$out"

rsvg-convert -w 192 -h 192 "$svg" -o "$out/icon-192.png"
rsvg-convert -w 512 -h 512 "$svg" -o "$out/icon-512.png"

# Full bleed: our drawing, shrunk to 86% on a square of its own colour, keeps the pin well
# inside the maskable safe zone (the middle circle of 80% diameter) and leaves no
# transparent corners. The drawing is icon.svg without its outer <svg> lines.
drawing="$(sed -e '/<svg[ >]/d' -e '/<\/svg>/d' "$svg")"
grep -q '<path' <<<"$drawing" || { echo "make-icons.sh: could not read the drawing in $svg" >&2; exit 1; }
full_bleed="$(mktemp --suffix=.svg)"
trap 'rm -f "$full_bleed"' EXIT
cat >"$full_bleed" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="$background"/>
  <svg x="4.5" y="4.5" width="55" height="55" viewBox="0 0 64 64">
$drawing
  </svg>
</svg>
SVG
rsvg-convert -w 512 -h 512 "$full_bleed" -o "$out/icon-maskable-512.png"
rsvg-convert -w 180 -h 180 "$full_bleed" -o "$out/apple-touch-icon.png"

for png in "$out"/*.png; do printf '  %-34s %6d bytes\n' "${png#"$ROOT"/}" "$(stat -c %s "$png")"; done
