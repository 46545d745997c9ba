#include "members_model.h"

#include "text_utf8.h"

namespace iiifc {

namespace {

std::string counts_line(const MembershipData& data) {
    const Snapshot& s = data.snapshot;
    std::string counts = std::to_string(s.members.size()) + " members on " + s.date + ": ";
    for (std::size_t i = 0; i < data.schedule.tiers.size(); ++i) {
        const Tier& t = data.schedule.tiers[i];
        counts += (i ? ", " : "") + std::to_string(s.count_in_tier(t.id)) + " " + t.short_name;
    }
    return counts + ".";
}

std::string level_text(const Member& m, const MembershipData& data) {
    const Tier* t = data.find_tier(m.tier);
    return (t ? t->short_name : m.tier) + (m.founder ? ", founder (2015)" : "");
}

}  // namespace

MembersModel members_model(const MembershipData& data, const std::string& query, const std::string& level) {
    MembersModel m;
    m.heading = "Who else is involved";
    m.counts = counts_line(data);
    m.search_label = "Search by name";
    m.search_hint = "e.g. library, Yale";
    m.levels_label = "Level";
    m.caption = "Consortium members";
    m.columns = {"Institution", "Level"};
    m.levels.push_back({"", "All levels"});
    for (const Tier& t : data.schedule.tiers) m.levels.push_back({t.id, t.short_name});
    const std::string q = to_lower_ascii(trim(query));
    for (const Member& member : data.snapshot.members) {
        if (!level.empty() && member.tier != level) continue;
        if (!q.empty() && to_lower_ascii(member.name).find(q) == std::string::npos) continue;
        m.rows.push_back({member.name, level_text(member, data)});
    }
    m.shown = m.rows.empty() ? "No member matches." : std::to_string(m.rows.size()) + " shown.";
    m.source = "Source: " + data.snapshot.source + ".";
    return m;
}

}  // namespace iiifc
