#!/usr/bin/env bash
# Runs every test: installs what is missing, then builds and tests natively (core, CLI, headless
# UI), under sanitizers, fuzzed for a bounded time, and for the web (the core suite as WebAssembly under Node, and the browser end-to-end
# tests in Debian's Chromium, a core set of them in Firefox ESR and WebKitGTK, Orca reading the app).
# Exits non-zero if anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "set-up"
bash emsdk-config/setup.sh
source scripts/env.sh

say "every path inside the repository"
node scripts/check_paths.mjs

say "code format (.clang-format)"
bash scripts/check_format.sh

say "native build (g++)"
cmake --preset native >/dev/null
cmake --build --preset native
say "native tests (CTest)"
ctest --preset native

say "native tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset native-sanitize >/dev/null
cmake --build --preset native-sanitize
ctest --preset native-sanitize

say "fuzzing the core (libFuzzer, ASan + UBSan), ${FUZZ_SECONDS:-40}s a target"
bash scripts/fuzz.sh

say "web build (Emscripten)"
emcmake cmake --preset web >/dev/null
cmake --build --preset web
say "web tests (CTest: core as WebAssembly under Node, browser end-to-end, other engines, Orca)"
ctest --preset web
