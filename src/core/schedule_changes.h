// "What changed" between two schedules of the data file, as a reader renewing or joining needs it:
// per tier the fee (old -> new), new prices, benefits the page now lists or no longer lists; tiers
// added or removed; add-ons; where to send a join request. One model, rendered by the app, the
// page without JavaScript and the CLI (`changes --from 2020 --to 2026`).
#pragma once

#include "membership.h"

#include <cstddef>
#include <string>
#include <vector>

namespace iiifc {

struct ScheduleChanges {
    std::string title;  // "What changed from Fees 2020–2025 to Fees from 2026"
    struct Group {
        std::string heading;             // "Full membership"
        std::vector<std::string> lines;  // "Fee: US$10,000 → US$8,000 a year"
    };
    std::vector<Group> groups;  // empty when nothing a reader sees differs
};

// `from` and `to` index data.schedules.
ScheduleChanges schedule_changes(const MembershipData& data, std::size_t from, std::size_t to);

}  // namespace iiifc
