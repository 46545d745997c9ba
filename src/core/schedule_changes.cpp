#include "schedule_changes.h"

#include "money_format.h"

namespace iiifc {

namespace {

template <typename T>
const T* by_id(const std::vector<T>& items, const std::string& id) {
    for (const T& x : items)
        if (x.id == id) return &x;
    return nullptr;
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace

ScheduleChanges schedule_changes(const MembershipData& d, std::size_t from, std::size_t to) {
    ScheduleChanges c;
    if (from >= d.schedules.size() || to >= d.schedules.size()) return c;
    const Schedule& a = d.schedules[from];
    const Schedule& b = d.schedules[to];
    c.title = "What changed from " + a.name + " to " + b.name;
    auto money = [&](const Money& m) { return format_money(m, d); };
    auto a_year = [&](const Money& m) { return money(m) + " a year"; };

    for (const Tier& now : b.tiers) {
        ScheduleChanges::Group g;
        const Tier* old = by_id(a.tiers, now.id);
        g.heading = now.name + (old ? "" : " (new)");
        if (!old) {
            g.lines.push_back("Fee: " + a_year(now.annual_fee));
            const Tier* base = by_id(b.tiers, now.includes_benefits_of);
            if (base) g.lines.push_back("All the benefits of " + base->name + ", and:");
            for (const TierBenefit& tb : now.benefits)
                if (!base || !base->find_benefit(tb.id)) g.lines.push_back(tb.text);
        } else {
            g.lines.push_back(old->annual_fee == now.annual_fee ? "Fee unchanged: " + a_year(now.annual_fee)
                                                                : "Fee: " + money(old->annual_fee) + " → " + a_year(now.annual_fee));
            for (const PriceVariant& v : b.price_variants)
                if (v.tier == now.id) {
                    bool before = false;
                    for (const PriceVariant& w : a.price_variants)
                        before = before || (w.tier == v.tier && w.income_group == v.income_group);
                    if (!before) g.lines.push_back("New price: " + a_year(v.annual_fee) + " " + v.label);
                }
            for (const TierBenefit& tb : now.benefits)
                if (!old->find_benefit(tb.id)) g.lines.push_back("Now listed: " + lower_first(tb.text));
            for (const TierBenefit& tb : old->benefits)
                if (!now.find_benefit(tb.id)) g.lines.push_back("No longer listed: " + lower_first(tb.text));
        }
        c.groups.push_back(g);
    }
    for (const Tier& old : a.tiers)
        if (!by_id(b.tiers, old.id)) c.groups.push_back({old.name + " (no longer offered)", {"Was " + a_year(old.annual_fee)}});

    ScheduleChanges::Group add_ons{"Optional add-ons", {}};
    for (const AddOn& x : b.add_ons) {
        const AddOn* before = by_id(a.add_ons, x.id);
        if (!before)
            add_ons.lines.push_back("New: " + x.name + ", " + a_year(x.annual_fee));
        else if (before->annual_fee != x.annual_fee)
            add_ons.lines.push_back(x.name + ": " + money(before->annual_fee) + " → " + a_year(x.annual_fee));
    }
    for (const AddOn& x : a.add_ons)
        if (!by_id(b.add_ons, x.id)) add_ons.lines.push_back("No longer offered: " + x.name);
    if (!add_ons.lines.empty()) c.groups.push_back(add_ons);

    if (a.join_email != b.join_email)
        c.groups.push_back({"How to join", {"Send join requests to " + b.join_email + " (was " + a.join_email + ")"}});
    return c;
}

}  // namespace iiifc
