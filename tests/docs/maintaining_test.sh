#!/usr/bin/env bash
# docs/maintaining.md is tested as written: every line of its ```sh blocks runs, in order, in a
# copy of the project (the web build's app and CLI are reused, not copied), and must succeed.
# Then what the guide promises is checked: the members import reproduced the shipped data, the
# site was published with the link-preview address, and the roll-back put the first publication back.
#   tests/docs/maintaining_test.sh SOURCE_DIR WEB_BUILD_DIR
set -uo pipefail
src="$(cd "$1" && pwd)"; build="$(cd "$2" && pwd)"
sandbox="$(mktemp -d)"; trap 'rm -rf "$sandbox"' EXIT
cp -r "$src/assets" "$src/scripts" "$src/web" "$src/docs" "$sandbox/"
mkdir -p "$sandbox/build/web/src/platform"
ln -s "$build/src/platform/web" "$sandbox/build/web/src/platform/web"

mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0 } inside && NF && $1 !~ /^#/' "$src/docs/maintaining.md")
failures=0
versions=()
for cmd in "${commands[@]}"; do
  echo "\$ $cmd"
  if ! (cd "$sandbox" && bash -c "$cmd") > "$sandbox/out.txt" 2>&1; then
    cat "$sandbox/out.txt"; echo "FAIL: the guide's command failed"; failures=$((failures + 1))
  fi
  sed 's/^/    /' "$sandbox/out.txt" | tail -n 4
  [ -f "$sandbox/build/web/site/build-info.json" ] && versions+=("$(grep -o '"version": "[0-9a-f]*"' "$sandbox/build/web/site/build-info.json")")
done

check() { if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi; }
check "the guide has its five commands" 5 "${#commands[@]}"
check "the members import reproduced the shipped data" same "$(cmp -s "$sandbox/assets/membership.json" "$src/assets/membership.json" && echo same || echo differs)"
check "versions seen: publish, publish --site-url, roll-back" 3 "${#versions[@]}"
check "after the roll-back, the first publication is served again" "${versions[0]}" "${versions[2]}"
check "the --site-url publication is another version" different "$([ "${versions[0]}" != "${versions[1]}" ] && echo different || echo same)"
check "the roll-back kept the --site-url publication beside it" 1 "$(grep -c 'og:url" content="https://iiif.io/community/consortium/portal/"' "$sandbox/build/web/site.previous/index.html")"
[ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }
