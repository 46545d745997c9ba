#!/usr/bin/env bash
# Publishes new data without compiling: checks the data file, says what it changes for readers,
# then lays out the site again (data, no-JavaScript page, service worker version and file list,
# build-info.json) around the app that was already built. Installed copies then offer the update.
# The site published before is kept beside it (DIR.previous) for --rollback.
#   scripts/publish.sh [--data FILE] [--out DIR] [--build DIR] [--site-url URL]
#   scripts/publish.sh --rollback [--out DIR]    put the previously published site back
#     --data FILE     the data to publish (default: assets/membership.json)
#     --out DIR       the site folder to write (default: BUILD/site)
#     --build DIR     where the web build is (default: build/web)
#     --site-url URL  the address the site will be served from, for link previews
#                     (e.g. https://iiif.io/community/consortium/portal/)
# Nothing is written when the data has an error: the message names the file, the JSON path and
# the line and column. See docs/maintaining.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/assets/membership.json"
build="$root/build/web"
out=""
site_url=""
rollback=0
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --site-url) site_url="$2"; shift 2 ;;
    --rollback) rollback=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "publish: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
out="${out:-$build/site}"
version_of() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "$1/build-info.json"; }

if [ "$rollback" = 1 ]; then
  [ -f "$out.previous/build-info.json" ] || { echo "publish: nothing to roll back to ($out.previous does not exist)" >&2; exit 1; }
  # The two swap places, so a second --rollback undoes the first.
  mv "$out" "$out.rolling-back" && mv "$out.previous" "$out" && mv "$out.rolling-back" "$out.previous"
  echo "== rolled back: $out is version $(version_of "$out") again (version $(version_of "$out.previous") kept in $out.previous)"
  exit 0
fi

app="$build/src/platform/web"
cli="$app/iiifc-portal-node.js"
started=$(date +%s%N)

for f in portal.js portal.wasm iiifc-portal-node.js; do
  if [ ! -f "$app/$f" ]; then
    echo "publish: no web build in $build (missing $app/$f)." >&2
    echo "Build one once (it compiles the app; publishing afterwards does not):" >&2
    echo "  scripts/serve.sh      or      source scripts/env.sh && emcmake cmake --preset web && cmake --build --preset web" >&2
    exit 2
  fi
done
[ -f "$data" ] || { echo "publish: $data: no such file" >&2; exit 1; }

portal() { node --no-experimental-fetch "$cli" "$@"; }

echo "== checking $data"
if ! portal validate --data "$data"; then
  echo "publish: nothing was published; fix the data file and run again." >&2
  exit 1
fi

echo "== what changes for readers"
if [ -f "$out/membership.json" ]; then
  # An old file this app cannot read any more is no reason not to publish.
  portal changes "$out/membership.json" --data "$data" || echo "(the published data could not be compared; publishing anyway)"
else
  echo "(nothing published in $out yet)"
fi

echo "== laying out the site"
# Built beside the old site, then swapped in, so a failure leaves the published site whole.
mkdir -p "$(dirname "$out")"
next="$out.publishing"
rm -rf "$next"
node "$root/scripts/build_site.mjs" --out "$next" --app "$app" --cli "$cli" --source "$root" --data "$data" \
  ${site_url:+--site-url "$site_url"}
if [ -d "$out" ]; then rm -rf "$out.previous"; mv "$out" "$out.previous"; fi
mv "$next" "$out"

version=$(version_of "$out")
ms=$(( ($(date +%s%N) - started) / 1000000 ))
printf '== published version %s to %s in %d.%d s (nothing compiled)\n' "$version" "$out" $((ms / 1000)) $((ms % 1000 / 100))
