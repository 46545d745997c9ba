#!/usr/bin/env bash
# The CLI's data commands on copies of the data: members import (reproduces the shipped file,
# writes nothing on error), the fees' end date with a fixed clock (--today), and `changes`.
#   tests/cli/data_commands_test.sh PATH/TO/iiifc-portal SOURCE_DIR
set -uo pipefail
cli="$1"; src="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1)); fi
}
csv="$src/assets/members.csv"

cp "$src/assets/membership.json" "$tmp/m.json"
out="$("$cli" members import "$csv" --date 2026-05-27 --data "$tmp/m.json")"; code=$?
check "members import exits 0" 0 "$code"
check "members import summary" "Members: 71 -> 71 (Full 47, Associate 24 -> Full 47, Associate 24)" "$(echo "$out" | head -1)"
check "the shipped CSV reproduces the shipped data byte for byte" same "$(cmp -s "$tmp/m.json" "$src/assets/membership.json" && echo same || echo differs)"

sed 's/^Jisc,Full,/Jisc,Gold,/' "$csv" > "$tmp/bad.csv"
err="$("$cli" members import "$tmp/bad.csv" --data "$tmp/m.json" 2>&1 >/dev/null)"; code=$?
check "a bad CSV exits 1" 1 "$code"
check "a bad CSV names line and column" "iiifc-portal: $tmp/bad.csv: line 14, column 2 (level): unknown level \"Gold\" (known: Full, Associate)" "$(echo "$err" | head -1)"
check "a bad CSV writes nothing" same "$(cmp -s "$tmp/m.json" "$src/assets/membership.json" && echo same || echo differs)"
check "no file left beside the data" "" "$(ls "$tmp" | grep -v -e '^m.json$' -e '^bad.csv$')"

note="Note: These fees applied until 2025-11-30; ask admin@iiif.io for current fees."
check "validate on the last day: no note" "" "$("$cli" validate --data "$tmp/m.json" --today 2025-11-30 | grep '^Note')"
check "validate the day after: the note" "$note" "$("$cli" validate --data "$tmp/m.json" --today 2025-12-01 | grep '^Note')"
check "compare: the note above the fees" "$note" "$("$cli" compare --data "$tmp/m.json" --today 2026-01-01 | head -1)"
check "fallback-html: the warning" 1 "$("$cli" fallback-html --data "$tmp/m.json" --today 2026-01-01 | grep -c 'These fees applied until 2025-11-30')"
check "summary: the warning" 1 "$("$cli" summary --data "$tmp/m.json" --today 2026-01-01 | grep -c 'These fees applied until 2025-11-30')"
check "summary before the end: none" 0 "$("$cli" summary --data "$tmp/m.json" --today 2025-01-01 | grep -c 'These fees applied')"
"$cli" validate --data "$tmp/m.json" --today 2025-13-01 >/dev/null 2>&1; check "a bad --today is a usage error" 2 "$?"

sed 's/"amount": 1000000,/"amount": 1200000,/' "$tmp/m.json" > "$tmp/new.json"
check "changes: the fee, old -> new" "Fee of Full membership: US\$10,000 -> US\$12,000" "$("$cli" changes "$tmp/m.json" --data "$tmp/new.json")"
check "changes: none" "No change to fees, tiers, benefits, dates, join fields or members." "$("$cli" changes "$tmp/m.json" --data "$tmp/m.json")"

[ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }
