#!/usr/bin/env bash
# Sets up everything Safe Spaces needs to build and test, from Debian's packages and npm only.
# Idempotent: each step checks what is already there and says so; a warm run takes seconds.
# Third-party sources and builds go to a cache outside the checkout (see SAFESPACES_CACHE),
# keyed by package versions, so a fresh clone on the same machine reuses them.
# Start reading at main() at the bottom.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"

# Versions of what we compile to WebAssembly ourselves (Debian bookworm's source packages).
SDL2_SRC_VERSION="2.26.5+dfsg-1"
IMGUI_SRC_VERSION="1.86+ds-1"
SQLITE_SRC_VERSION="3.40.1-2+deb12u2"

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev tcl
  clang-14 libclang-rt-14-dev  # the sanitize preset: ASan, UBSan and libFuzzer (tools/fuzz.sh)
  emscripten
  libsdl2-dev libsqlite3-dev sqlite3 catch2 libcpp-httplib-dev nlohmann-json3-dev zlib1g-dev
  libsodium-dev libqrencode-dev libpng-dev libssl-dev ca-certificates
  chromium nodejs npm xvfb xauth imagemagick
  fonts-materialdesignicons-webfont fonts-opendyslexic woff2 fonttools  # fonttools: tools/subset-icons.py
  nginx curl  # the HTTPS example's test (deploy/nginx/): nginx runs there with its own config
)

TOTAL_STEPS=6

step_debian_packages() {
  local missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js may come from another vendor; what matters is that node and npm run.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    local keep=()
    for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || keep+=("$p"); done
    missing=("${keep[@]}")
  fi
  if ((${#missing[@]} == 0)); then
    say "all ${#DEBIAN_PACKAGES[@]} Debian packages are installed"
    return
  fi
  say "installing: ${missing[*]}"
  # RUNLEVEL=1: a package with a service (nginx) is installed without starting it.
  as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y --no-install-recommends "${missing[@]}" \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
         apt-get install -y --no-install-recommends "${missing[@]}"; }
}

# apt-get with a private sources list and state, so no root and no change to /etc/apt.
private_apt() {
  local dir="$SAFESPACES_CACHE/apt"
  apt-get -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" \
    -o APT::Sandbox::User="$(id -un)" -o Debug::NoLocking=1 "$@"
}

step_sources() {
  local src="$SAFESPACES_CACHE/src"
  if [[ -f "$src/libsdl2-2.26.5+dfsg/include/SDL.h" && -f "$src/imgui-1.86+ds/imgui.h" \
        && -f "$src/sqlite3-3.40.1/configure" ]]; then
    say "SDL2 2.26.5, Dear ImGui 1.86 and SQLite 3.40.1 sources are in the cache"
    return
  fi
  local dir="$SAFESPACES_CACHE/apt"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
    > "$dir/sources.list"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main" \
    >> "$dir/sources.list"
  say "reading Debian's source index"
  private_apt -qq update
  say "fetching source packages libsdl2, imgui, sqlite3"
  (cd "$src" && private_apt -qq source "libsdl2=$SDL2_SRC_VERSION" "imgui=$IMGUI_SRC_VERSION" \
      "sqlite3=$SQLITE_SRC_VERSION" >/dev/null)
  rm -f "$src"/*.tar.* "$src"/*.dsc
}

step_sqlite_amalgamation() {
  local dir="$SAFESPACES_CACHE/src/sqlite3-3.40.1"
  if [[ -f "$dir/sqlite3.c" && -f "$dir/sqlite3.h" ]]; then
    say "SQLite amalgamation (sqlite3.c) is built"
    return
  fi
  say "generating sqlite3.c with Debian's patches applied"
  (cd "$dir" && ./configure --quiet >/dev/null && make -s sqlite3.c >/dev/null)
}

step_npm() {
  if [[ -f "$ROOT/node_modules/.package-lock.json" ]] \
     && cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.safespaces-lock"; then
    say "npm packages match package-lock.json"
    return
  fi
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$ROOT/node_modules/.safespaces-lock"
}

step_fonts() {
  local out="$SAFESPACES_CACHE/fonts" ver
  ver="$(node -p "require('$ROOT/node_modules/@fontsource/atkinson-hyperlegible/package.json').version")"
  local stamp="$out/atkinson-hyperlegible-$ver.stamp"
  if [[ -f "$stamp" ]]; then
    say "fonts are converted (Atkinson Hyperlegible $ver)"
    return
  fi
  mkdir -p "$out"
  say "converting Atkinson Hyperlegible $ver from WOFF2 to TTF (the UI's font loader reads TTF only)"
  local files="$ROOT/node_modules/@fontsource/atkinson-hyperlegible/files"
  for w in 400 700; do
    cp "$files/atkinson-hyperlegible-latin-$w-normal.woff2" "$out/AtkinsonHyperlegible-$w.woff2"
    (cd "$out" && woff2_decompress "AtkinsonHyperlegible-$w.woff2" >/dev/null)
    rm "$out/AtkinsonHyperlegible-$w.woff2"
  done
  touch "$stamp"
}

step_wasm_libraries() {
  local prefix
  prefix="$(wasm_deps_prefix)"
  if [[ -f "$prefix/lib/libSDL2.a" && -f "$prefix/lib/libsqlite3.a" ]]; then
    say "SDL2 and SQLite for WebAssembly are built ($prefix)"
    return
  fi
  say "building SDL2 2.26.5 and SQLite 3.40.1 for WebAssembly (about 20 seconds, once)"
  local bdir="$SAFESPACES_CACHE/wasm-build"
  rm -rf "$bdir"
  emscripten_env
  emcmake cmake -S "$ROOT/tools/wasm-deps" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DSAFESPACES_CACHE="$SAFESPACES_CACHE" -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$bdir" -j2 >/dev/null
  cmake --install "$bdir" >/dev/null
  rm -rf "$bdir"
  [[ -f "$prefix/lib/libSDL2.a" && -f "$prefix/lib/libsqlite3.a" ]] \
    || { echo "The WebAssembly libraries were not built; see the messages above." >&2; exit 1; }
}

main() {
  mkdir -p "$SAFESPACES_CACHE"
  run_step 1 "$TOTAL_STEPS" "Debian packages" step_debian_packages
  run_step 2 "$TOTAL_STEPS" "Third-party sources (apt-get source)" step_sources
  run_step 3 "$TOTAL_STEPS" "SQLite amalgamation" step_sqlite_amalgamation
  run_step 4 "$TOTAL_STEPS" "Browser-test tools and fonts (npm)" step_npm
  run_step 5 "$TOTAL_STEPS" "Fonts" step_fonts
  run_step 6 "$TOTAL_STEPS" "WebAssembly libraries" step_wasm_libraries
  say_done "set-up"
}

main "$@"
