#include "schedules.h"

namespace iiifc {

ScheduleState schedule_state(const Schedule& s, const std::string& today) {
    if (today < s.effective_from) return ScheduleState::not_yet;
    if (!s.effective_until.empty() && today > s.effective_until) return ScheduleState::ended;
    return ScheduleState::in_force;
}

std::size_t schedule_for_date(const MembershipData& d, const std::string& today) {
    std::size_t begun = 0;
    for (std::size_t i = 0; i < d.schedules.size(); ++i) {
        const ScheduleState state = schedule_state(d.schedules[i], today);
        if (state == ScheduleState::in_force) return i;
        if (state == ScheduleState::ended) begun = i;
    }
    return begun;
}

std::size_t find_schedule(const MembershipData& d, const std::string& key) {
    for (std::size_t i = 0; i < d.schedules.size(); ++i)
        if (d.schedules[i].id == key) return i;
    if (key.size() == 4 && key.find_first_not_of("0123456789") == std::string::npos)
        for (std::size_t i = 0; i < d.schedules.size(); ++i) {
            const Schedule& s = d.schedules[i];
            if (s.effective_from.substr(0, 4) <= key && (s.effective_until.empty() || key <= s.effective_until.substr(0, 4))) return i;
        }
    return d.schedules.size();
}

void show_schedule(MembershipData& d, std::size_t index) {
    if (index >= d.schedules.size()) return;
    d.shown = index;
    d.schedule = d.schedules[index];
    d.benefits = d.schedule.benefits;
    d.source = d.schedule.source;
    d.join.email = d.schedule.join_email;
    d.join.instructions = d.schedule.join_instructions;
    for (Right& r : d.governance.rights) {
        const auto own = d.schedule.rights.find(r.id);
        const RightTerms& terms = own != d.schedule.rights.end() ? own->second : r.common;
        r.tiers = terms.tiers;
        r.reasons = terms.reasons;
    }
}

void show_schedule_for_date(MembershipData& d, const std::string& today) { show_schedule(d, schedule_for_date(d, today)); }

}  // namespace iiifc
