#!/usr/bin/env bash
# scripts/check_paths.mjs, the test command's guard that a clone with nothing beside it has every
# file it reads: a repository with one path out of it of each kind fails, naming file and line;
# the same repository without them passes.
#   tests/scripts/check_paths_test.sh SOURCE_DIR
set -uo pipefail
src="$(cd "$1" && pwd)"
repo="$(mktemp -d)"; trap 'rm -rf "$repo"' EXIT
failures=0
check() { if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi; }

git -C "$repo" init -q
mkdir -p "$repo/tests/cli" "$repo/scripts"
cp "$src/scripts/check_paths.mjs" "$repo/scripts/"
printf 'set(DATA "${CMAKE_SOURCE_DIR}/assets")\n' > "$repo/CMakeLists.txt"
printf 'csv="$src/assets/members.csv"\nurl="/icons/../../CMakeCache.txt"\n' > "$repo/tests/cli/run.sh"
printf "import x from '../harness.mjs';\n" > "$repo/tests/cli/a.mjs"
git -C "$repo" add -A
out="$(node "$repo/scripts/check_paths.mjs" "$repo" 2>&1)"; code=$?
check "paths inside the repository pass" 0 "$code"

printf 'set(SEED "${CMAKE_SOURCE_DIR}/../seed.md")\n' > "$repo/CMakeLists.txt"
printf 'csv="$src/../shared/data/members.csv"\n' > "$repo/tests/cli/run.sh"
printf "import x from '../../../harness.mjs';\n" > "$repo/tests/cli/a.mjs"
out="$(node "$repo/scripts/check_paths.mjs" "$repo" 2>&1)"; code=$?
check "paths outside fail" 1 "$code"
check "the count" "3 path(s) outside the repository (a clone with nothing beside it would not have them):" "$(echo "$out" | head -1)"
check "the root climbed in CMake, by file and line" 1 "$(echo "$out" | grep -c '^  CMakeLists.txt:1: climbs above the repository root')"
check "a folder beside the repository, by file and line" 1 "$(echo "$out" | grep -c '^  tests/cli/run.sh:1: climbs above the repository root; names a folder kept beside the repository')"
check "a relative path above the root" 1 "$(echo "$out" | grep -c '^  tests/cli/a.mjs:1: climbs 3 folders from a file 2 deep')"

[ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }
