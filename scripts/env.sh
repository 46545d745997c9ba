# Sourced by the scripts: the Emscripten configuration of emsdk-config/, unless the caller has
# an emsdk activated (EMSDK set), in which case that one is used as it is.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${EMSDK:-}" ]; then
  export EM_CONFIG="$root/emsdk-config/emscripten.config"
  # Emscripten writes its cache next to the config unless told; Debian's prebuilt cache is read-only.
  export EM_CACHE="${EM_CACHE:-/usr/share/emscripten/cache}"
fi
