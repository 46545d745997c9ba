#include "data_changes.h"

#include "money_format.h"

namespace iiifc {

namespace {

std::string or_none(const std::string& s) { return s.empty() ? "(none)" : s; }

}  // namespace

std::vector<std::string> describe_changes(const MembershipData& a, const MembershipData& b) {
    std::vector<std::string> out;
    for (const Tier& old : a.schedule.tiers) {
        const Tier* now = b.find_tier(old.id);
        if (!now) { out.push_back("Tier removed: " + old.name + " (" + format_money(old.annual_fee, a) + ")"); continue; }
        if (now->annual_fee != old.annual_fee)
            out.push_back("Fee of " + now->name + ": " + format_money(old.annual_fee, a) + " -> " + format_money(now->annual_fee, b));
        if (now->name != old.name) out.push_back("Tier renamed: " + old.name + " -> " + now->name);
        for (const TierBenefit& ob : old.benefits) {
            const TierBenefit* nb = now->find_benefit(ob.id);
            if (!nb) out.push_back("Benefit removed from " + now->name + ": " + ob.text);
            else if (nb->text != ob.text || nb->summary != ob.summary)
                out.push_back("Benefit of " + now->name + " reworded: \"" + ob.text + "\" -> \"" + nb->text + "\"");
        }
        for (const TierBenefit& nb : now->benefits)
            if (!old.find_benefit(nb.id)) out.push_back("Benefit added to " + now->name + ": " + nb.text);
    }
    for (const Tier& now : b.schedule.tiers)
        if (!a.find_tier(now.id)) out.push_back("Tier added: " + now.name + " (" + format_money(now.annual_fee, b) + ")");
    auto find_add_on = [](const Schedule& s, const std::string& id) -> const AddOn* {
        for (const AddOn& x : s.add_ons) if (x.id == id) return &x;
        return nullptr;
    };
    for (const AddOn& old : a.schedule.add_ons) {
        const AddOn* now = find_add_on(b.schedule, old.id);
        if (!now) out.push_back("Add-on removed: " + old.name);
        else if (now->annual_fee != old.annual_fee)
            out.push_back("Fee of add-on " + now->name + ": " + format_money(old.annual_fee, a) + " -> " + format_money(now->annual_fee, b));
    }
    for (const AddOn& now : b.schedule.add_ons)
        if (!find_add_on(a.schedule, now.id)) out.push_back("Add-on added: " + now.name + " (" + format_money(now.annual_fee, b) + ")");
    auto find_variant = [](const Schedule& s, const PriceVariant& v) -> const PriceVariant* {
        for (const PriceVariant& x : s.price_variants) if (x.tier == v.tier && x.income_group == v.income_group) return &x;
        return nullptr;
    };
    for (const PriceVariant& old : a.schedule.price_variants) {
        const PriceVariant* now = find_variant(b.schedule, old);
        const std::string what = old.tier + " (" + (old.label.empty() ? old.income_group : old.label) + ")";
        if (!now) out.push_back("Price removed: " + what);
        else if (now->annual_fee != old.annual_fee)
            out.push_back("Price of " + what + ": " + format_money(old.annual_fee, a) + " -> " + format_money(now->annual_fee, b));
    }
    for (const PriceVariant& now : b.schedule.price_variants)
        if (!find_variant(a.schedule, now))
            out.push_back("Price added: " + now.tier + " (" + (now.label.empty() ? now.income_group : now.label) + ") " + format_money(now.annual_fee, b));
    if (a.schedule.effective_from != b.schedule.effective_from || a.schedule.effective_until != b.schedule.effective_until)
        out.push_back("Fees effective: " + a.schedule.effective_from + " to " + or_none(a.schedule.effective_until) + " -> " +
                      b.schedule.effective_from + " to " + or_none(b.schedule.effective_until));
    if (a.reviewed != b.reviewed) out.push_back("Reviewed: " + or_none(a.reviewed) + " -> " + or_none(b.reviewed));
    for (const JoinField& f : a.join.fields)
        if (!b.join.find_field(f.id)) out.push_back("Join form field removed: " + f.label);
    for (const JoinField& f : b.join.fields)
        if (!a.join.find_field(f.id)) out.push_back("Join form field added: " + f.label);
    if (a.snapshot.members.size() != b.snapshot.members.size() || a.snapshot.date != b.snapshot.date)
        out.push_back("Members: " + std::to_string(a.snapshot.members.size()) + " (" + a.snapshot.date + ") -> " +
                      std::to_string(b.snapshot.members.size()) + " (" + b.snapshot.date + ")");
    return out;
}

}  // namespace iiifc
