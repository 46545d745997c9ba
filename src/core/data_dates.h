// Dates that protect the reader: a fee schedule past its `effective_until`, or data whose
// `reviewed` date is over a year old, is said so plainly next to the fees, in every output
// (app and its semantics, no-JavaScript page, summary, CLI). Today is passed in, so tests fix the clock.
#pragma once

#include "membership.h"

#include <ctime>
#include <string>

namespace iiifc {

bool is_iso_date(const std::string& s);              // "YYYY-MM-DD", a real calendar date
std::string iso_date_utc(std::time_t t);             // the UTC date of a moment, "2026-11-26"
std::string today_utc();                             // from the system clock (the browser's in WebAssembly)
std::string day_after(const std::string& iso_date);  // "2026-01-01" for "2025-12-31"

// The warning to show next to the shown schedule's fees on `today` (an ISO date), or "" when
// they are in force and the data is fresh:
// - an earlier schedule, another in force: "These fees applied until 2025-12-31 and are no longer
//   in force; the fees in force today are Fees from 2026."
// - the file's last schedule has ended: "These fees applied until 2025-12-31; ask staff@iiif.io
//   for current fees."
// - a schedule announced: "These fees apply from 2027-01-01; they are not yet in force."
// - else "This information was last reviewed on 2024-10-01, over a year ago; ask admin@iiif.io
//   for current fees." when the data was reviewed more than a year before today.
std::string fee_date_warning(const MembershipData& data, const std::string& today);

// "Fees effective from 2020-07-01 until 2025-11-30." (or without "until ...").
std::string fee_period_sentence(const Schedule& schedule);

// Where the data comes from and when it was checked, at the foot of every view (and so of every
// printed page): "Data reviewed 2026-05-27. Source: IIIF Consortium 'Join' page (...)." (without
// the date when the data has none).
std::string data_provenance_sentence(const MembershipData& data);

}  // namespace iiifc
