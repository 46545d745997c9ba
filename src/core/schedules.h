// Dated fee schedules: which one is in force on a date, showing one (the data's tiers, benefits,
// join email and governance rights become that schedule's), and the line that says when the
// shown fees apply. Today is passed in, so tests fix the clock.
#pragma once

#include "membership.h"

#include <cstddef>
#include <string>

namespace iiifc {

enum class ScheduleState { in_force, ended, not_yet };
ScheduleState schedule_state(const Schedule& schedule, const std::string& today);

// The schedule in force on `today`; when none is, the last one that has begun (its end is then
// said), else the first.
std::size_t schedule_for_date(const MembershipData& data, const std::string& today);
// The schedule a deep link or `--schedule` names: its id ("2026") or a year it covers ("2023").
// Returns data.schedules.size() when none matches.
std::size_t find_schedule(const MembershipData& data, const std::string& key);

void show_schedule(MembershipData& data, std::size_t index);  // index < data.schedules.size()
void show_schedule_for_date(MembershipData& data, const std::string& today);

}  // namespace iiifc
