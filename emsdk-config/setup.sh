#!/usr/bin/env bash
# Installs what the build and the tests need, on Debian bookworm, and fetches the pinned
# third-party sources (Dear ImGui, qrcodegen) into .deps/ (ignored by git).
# Idempotent: when everything is present it checks and returns in a second or two.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=versions.env
source "$root/emsdk-config/versions.env"
deps="$root/.deps"

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"; fi
}

# --- Debian packages --------------------------------------------------------------
packages=(
  cmake make g++ clang clang-format libclang-rt-14-dev pkg-config dpkg-dev ca-certificates
  emscripten binaryen node-acorn
  nlohmann-json3-dev doctest-dev
  chromium fonts-inter python3-fonttools
  # Fonts of scripts the browser tests type (tests/browser/shaping.test.mjs, scripts.test.mjs): the
  # device's, as a visitor's (Devanagari, emoji; Chinese, Japanese and Korean in 1.6 MB)
  fonts-lohit-deva fonts-noto-color-emoji fonts-wqy-microhei
  librsvg2-bin brotli
  poppler-utils
  # The other engines (Firefox ESR over WebDriver BiDi, WebKitGTK's WebDriver and MiniBrowser) and
  # the screen reader (Orca, on the AT-SPI bus of a desktop of the tests' own: Xvfb, D-Bus, xdotool)
  firefox-esr webkit2gtk-driver xvfb xdotool
  orca at-spi2-core dbus-daemon dbus-bin python3-pyatspi
)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  apt_updated=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Progress-Fancy=0 -o APT::Status-Fd=1 "${missing[@]}" \
    | grep --line-buffered -E '^(pmstatus|Setting up|E:)' | sed -u 's/^pmstatus:[^:]*:\([0-9.]*\):/  \1% /' \
    || true
  for p in "${missing[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || fail "Debian package '$p' could not be installed (see apt-get output above)"
  done
else
  step "Debian packages present (${#packages[@]} checked)"
fi

emver="$(cat /usr/share/emscripten/emscripten-version.txt 2>/dev/null | tr -d '"\n' || true)"
[ "$emver" = "$EMSCRIPTEN_VERSION" ] || [ -n "${EMSDK:-}" ] \
  || fail "Emscripten $EMSCRIPTEN_VERSION expected, found '${emver:-none}' (package emscripten)"

# --- Third-party sources from Debian source packages ------------------------------
srcfile=/etc/apt/sources.list.d/iiifc-portal-deb-src.sources
have_deb_src() {
  grep -rhsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/ >/dev/null
}

fetch_source() { # name, target dir, file that proves it is there
  local pkg="$1" dest="$2" marker="$3"
  [ -f "$dest/$marker" ] && return 0
  step "fetching Debian source package '$pkg' into ${dest#$root/}"
  if ! have_deb_src; then
    step "adding a deb-src entry for $DEBIAN_SUITE main ($srcfile)"
    as_root tee "$srcfile" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $DEBIAN_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=0
  fi
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -q; apt_updated=1; fi
  local work; work="$(mktemp -d)"
  # Only the upstream tarball: Debian's packaging (debian/ patches) is not needed to
  # build the library, and a mirror may lag on the .debian.tar while the .orig is there.
  (cd "$work" && apt-get source -q --tar-only "$pkg" 2>&1 | grep -v '^W: Download is performed unsandboxed') \
    || fail "apt-get source $pkg failed"
  local tarball; tarball="$(find "$work" -maxdepth 1 -name '*.orig.tar.*' | head -n 1)"
  [ -n "$tarball" ] || fail "apt-get source $pkg downloaded no .orig tarball"
  tar -xf "$tarball" -C "$work"
  local dir; dir="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  [ -n "$dir" ] || fail "apt-get source $pkg unpacked nothing"
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; mv "$dir" "$dest"; rm -rf "$work"
  [ -f "$dest/$marker" ] || fail "source package $pkg has no $marker"
}

fetch_source "$IMGUI_DEBIAN_SOURCE" "$deps/imgui" imgui.cpp
imver="$(sed -n 's/^#define IMGUI_VERSION  *"\(.*\)"/\1/p' "$deps/imgui/imgui.h")"
[ "$imver" = "$IMGUI_VERSION" ] || fail "Dear ImGui $IMGUI_VERSION pinned, .deps/imgui has '$imver' (rm -rf .deps/imgui to refetch)"
fetch_source "$QRCODEGEN_DEBIAN_SOURCE" "$deps/qrcodegen" c/qrcodegen.c
step "sources: Dear ImGui $imver, qrcodegen (C)"

# --- npm packages for the browser tests (pinned by the lockfile) ------------------
browser="$root/tests/browser"
if [ ! -d "$browser/node_modules" ] || [ "$browser/package-lock.json" -nt "$browser/node_modules/.package-lock.json" ]; then
  step "installing npm packages for the browser tests (npm ci)"
  (cd "$browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
else
  step "npm packages present"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing (package chromium)"
for b in /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser /usr/bin/orca; do
  [ -x "$b" ] || fail "$b missing (see the Debian packages above)"
done
step "ready"
