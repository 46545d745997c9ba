#!/usr/bin/env bash
# The CLI's data commands on copies of the data: members import (reproduces the shipped file,
# writes nothing on error), the schedule in force with a fixed clock (--today), overlapping dates,
# and `changes` (file to file, and between two schedules of the file).
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
check "members import summary" "Members: 71 -> 71 (Champion 0, Full 47, Associate 24 -> Champion 0, Full 47, Associate 24)" "$(echo "$out" | head -1)"
check "the shipped CSV reproduces the shipped data byte for byte" same "$(cmp -s "$tmp/m.json" "$src/assets/membership.json" && echo same || echo differs)"

sed 's/^Jisc,Full,/Jisc,Gold,/' "$csv" > "$tmp/bad.csv"
err="$("$cli" members import "$tmp/bad.csv" --data "$tmp/m.json" 2>&1 >/dev/null)"; code=$?
check "a bad CSV exits 1" 1 "$code"
check "a bad CSV names line and column" "iiifc-portal: $tmp/bad.csv: line 14, column 2 (level): unknown level \"Gold\" (known: Champion, Full, Associate)" "$(echo "$err" | head -1)"
check "a bad CSV writes nothing" same "$(cmp -s "$tmp/m.json" "$src/assets/membership.json" && echo same || echo differs)"
check "no file left beside the data" "" "$(ls "$tmp" | grep -v -e '^m.json$' -e '^bad.csv$')"

# The schedule in force on --today: the seed's until 2025-12-31, 2026's from 2026-01-01.
check "validate on the seed's last day: no note" "" "$("$cli" validate --data "$tmp/m.json" --today 2025-12-31 | grep '^Note')"
check "validate the day after: 2026's fees, no note" "" "$("$cli" validate --data "$tmp/m.json" --today 2026-01-01 | grep '^Note')"
check "compare on 2025-06-01: the seed's two fees" "Annual contribution                   US\$10,000       US\$2,500" "$("$cli" compare --data "$tmp/m.json" --today 2025-06-01 | grep '^Annual' | sed 's/ *$//')"
check "compare on 2026-12-07: 2026's three" "Annual contribution                   US\$16,000       US\$8,000        US\$2,500" "$("$cli" compare --data "$tmp/m.json" --today 2026-12-07 | grep '^Annual' | sed 's/ *$//')"
check "compare --schedule 2020 on 2026-12-07: said to be no longer in force" "Note: These fees applied until 2025-12-31 and are no longer in force; the fees in force today are Fees from 2026." "$("$cli" compare --data "$tmp/m.json" --today 2026-12-07 --schedule 2020 | head -1)"
check "fallback-html on 2025-06-01: the seed's address, no warning" "1 0" "$("$cli" fallback-html --data "$tmp/m.json" --today 2025-06-01 | grep -c 'mailto:admin@iiif.io') $("$cli" fallback-html --data "$tmp/m.json" --today 2025-06-01 | grep -c 'class="warning"')"
check "summary on 2026-12-07: 2026's address, no warning" "1 0" "$("$cli" summary --data "$tmp/m.json" --today 2026-12-07 | grep -c 'mailto:staff@iiif.io') $("$cli" summary --data "$tmp/m.json" --today 2026-12-07 | grep -c 'class="warning"')"
sed 's/"effective_from": "2026-01-01",/"effective_from": "2026-01-01", "effective_until": "2026-06-30",/' "$tmp/m.json" > "$tmp/ended.json"
check "the file's last schedule ended: the note" "Note: These fees applied until 2026-06-30; ask staff@iiif.io for current fees." "$("$cli" validate --data "$tmp/ended.json" --today 2026-12-07 | grep '^Note')"
sed 's/"effective_from": "2026-01-01",/"effective_from": "2025-12-01",/' "$tmp/m.json" > "$tmp/overlap.json"
check "overlapping schedules: an error naming both" "iiifc-portal: $tmp/overlap.json: schedules[1].effective_from (line 183, column 22): schedule \"2026\" starts on 2025-12-01, overlapping schedule \"2020\" (until 2025-12-31): expected 2026-01-01" "$("$cli" validate --data "$tmp/overlap.json" 2>&1)"
check "changes between schedules: Full's fee" "  - Fee: US\$10,000 → US\$8,000 a year" "$("$cli" changes --from 2020 --to 2026 --data "$tmp/m.json" | grep 'US\$10,000')"
check "changes between schedules: Full's free registration" "  - Now listed: one free Annual Conference registration" "$("$cli" changes --from 2020 --to 2026 --data "$tmp/m.json" | grep 'free Annual')"
"$cli" changes --from 2020 --to 1999 --data "$tmp/m.json" >/dev/null 2>&1; check "changes to an unknown schedule is a usage error" 2 "$?"
"$cli" validate --data "$tmp/m.json" --today 2025-13-01 >/dev/null 2>&1; check "a bad --today is a usage error" 2 "$?"

# The join request file with add-ons: named with their price in 2026; an unknown one, or any under
# the seed's schedule (which has none), is an error naming the field and its position.
printf '%s' '{"format":"iiifc-join-request","version":1,"request":{"institution":"Kenya National Archives","organisation_type":"archive","country":"KE","contact_name":"A","contact_email":"a@example.org","tier":"associate","add_ons":["community_development_fund","allmaps"]}}' > "$tmp/request.json"
check "join: the add-ons and their price" "Add-ons: Allmaps (US\$2,000 a year), Community Development Fund (US\$2,000 a year)" "$("$cli" join "$tmp/request.json" --data "$tmp/m.json" --today 2026-12-07 | grep '^Add-ons')"
check "join --format json: the add-ons as a list" '"add_ons": [ "allmaps", "community_development_fund" ],' "$("$cli" join "$tmp/request.json" --data "$tmp/m.json" --today 2026-12-07 --format json | tr -s ' \n' ' ' | grep -o '"add_ons": \[[^]]*\],')"
sed 's/"allmaps"/"gold"/' "$tmp/request.json" > "$tmp/unknown.json"
check "join: an unknown add-on names field and position" "iiifc-portal: $tmp/unknown.json: request.add_ons[1]: unknown add-on \"gold\" (Fees from 2026 offers allmaps, community_development_fund, strategic_initiatives_fund) exit 1" "$("$cli" join "$tmp/unknown.json" --data "$tmp/m.json" --today 2026-12-07 2>&1) exit $?"
check "join on 2025-06-01: the seed's schedule has no add-ons" "iiifc-portal: $tmp/request.json: request.add_ons[0]: unknown add-on \"community_development_fund\" (Fees 2020–2025 offers none)" "$("$cli" join "$tmp/request.json" --data "$tmp/m.json" --today 2025-06-01 2>&1)"

sed 's/"amount": 1000000,/"amount": 1200000,/' "$tmp/m.json" > "$tmp/new.json"
check "changes: the fee, old -> new" "Fee of Full membership: US\$10,000 -> US\$12,000" "$("$cli" changes "$tmp/m.json" --data "$tmp/new.json" --today 2025-06-01)"
check "changes: none" "No change to fees, tiers, benefits, dates, join fields or members." "$("$cli" changes "$tmp/m.json" --data "$tmp/m.json")"

# The profile's options reach what they set (main.cpp's table of flags), and bad ones are named.
check "--type company --tier full: the commercial seat cap" "Full membership, Company (commercial)" "$("$cli" eligibility --data "$tmp/m.json" --type company --tier full --today 2026-12-07 | head -1)"
check "--type museum --want executive_vote --budget 5000" "  - It costs US\$8,000 a year, US\$3,000 more than your budget of US\$5,000." "$("$cli" compare --data "$tmp/m.json" --type museum --want executive_vote --budget 5000 --today 2026-12-07 | grep 'more than your budget')"
check "--institution in the summary, in its script" "1" "$("$cli" summary --data "$tmp/m.json" --institution "Κρατική Βιβλιοθήκη" --today 2026-12-07 | grep -c 'Prepared for Κρατική Βιβλιοθήκη.')"
check "an option without its value" "iiifc-portal: --years needs a value" "$("$cli" compare --years 2>&1 | head -1)"
check "an unknown option" "iiifc-portal: unknown option --colour" "$("$cli" compare --colour 2>&1 | head -1)"
check "an unknown goal" "iiifc-portal: --want: unknown goal \"flying\" (known: executive_vote guaranteed_trc_seat)" "$("$cli" compare --data "$tmp/m.json" --want flying 2>&1 | head -1)"

[ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }
