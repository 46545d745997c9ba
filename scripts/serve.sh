#!/usr/bin/env bash
# Builds the web app and serves it on loopback: installs what is missing first.
#   scripts/serve.sh [--port 8080] [--host 127.0.0.1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash emsdk-config/setup.sh
source scripts/env.sh
echo "== web build (Emscripten)"
emcmake cmake --preset web >/dev/null
cmake --build --preset web
exec node scripts/serve.mjs --dir build/web/site "$@"
