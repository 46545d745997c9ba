#include "comparison_model.h"

#include "data_dates.h"
#include "money_format.h"

namespace iiifc {

namespace {

constexpr const char* kDiffersMark = "\xE2\x97\x86 ";  // ◆

// A benefit's row differs when some tier lacks the benefit or words it differently.
bool benefit_differs(const std::vector<Tier>& tiers, const std::string& benefit_id) {
    const TierBenefit* first = tiers.front().find_benefit(benefit_id);
    for (const Tier& t : tiers) {
        const TierBenefit* tb = t.find_benefit(benefit_id);
        if ((tb == nullptr) != (first == nullptr) || (tb && first && tb->summary != first->summary)) return true;
    }
    return false;
}

ComparisonRow fee_row(const MembershipData& d) {
    ComparisonRow row{"Annual contribution", false, {}};
    for (const Tier& t : d.schedule.tiers) {
        ComparisonCell c{CellKind::fee, format_money(t.annual_fee, d), {}, ""};
        if (!t.fee_label.empty()) c.notes.push_back(t.fee_label);  // what the fee is, as the data says
        for (const PriceVariant& v : d.schedule.price_variants)
            if (v.tier == t.id) c.notes.push_back(format_money(v.annual_fee, d) + " " + v.label);
        row.differs = row.differs || t.annual_fee != d.schedule.tiers.front().annual_fee;
        row.cells.push_back(std::move(c));
    }
    return row;
}

ComparisonRow benefit_row(const MembershipData& d, const Benefit& b) {
    ComparisonRow row{b.label, benefit_differs(d.schedule.tiers, b.id), {}};
    for (const Tier& t : d.schedule.tiers) {
        const TierBenefit* tb = t.find_benefit(b.id);
        if (tb)
            row.cells.push_back({CellKind::included, tb->summary.empty() ? "Yes" : tb->summary, {}, tb->text});
        else
            row.cells.push_back({CellKind::not_included, "Not included", {}, ""});
    }
    return row;
}

}  // namespace

ComparisonModel comparison_model(const MembershipData& d) {
    ComparisonModel m;
    m.heading = "Compare the membership tiers";
    m.differs_note = std::string("Rows marked ") + kDiffersMark + "differ between tiers.";
    m.caption = "Membership tiers compared";
    m.corner = "Benefit";
    for (const Tier& t : d.schedule.tiers) {
        m.tier_ids.push_back(t.id);
        m.columns.push_back(t.name);
        m.short_columns.push_back(t.short_name);
    }
    if (!d.schedule.tiers.empty()) {
        m.rows.push_back(fee_row(d));
        for (const Benefit& b : d.benefits) m.rows.push_back(benefit_row(d, b));
    }
    for (const AddOn& a : d.schedule.add_ons)
        m.add_ons.push_back("Optional add-on: " + a.name + ", " + format_money(a.annual_fee, d) + " a year. " + a.description);
    m.wording_heading = "What the tiers include, as the consortium words it";
    for (const Tier& t : d.schedule.tiers) {
        TierWording w{t.id, t.name + " \xE2\x80\x94 " + format_money(t.annual_fee, d) + (t.fee_label.empty() ? "" : " " + t.fee_label), {}};
        for (const TierBenefit& b : t.benefits) w.benefits.push_back(b.text);
        m.tiers.push_back(std::move(w));
    }
    m.member_benefits_heading = "Becoming a consortium member allows institutions to";
    m.member_benefits = d.member_benefits;
    m.conditions_heading = "Conditions";
    for (const Condition& c : d.conditions) m.conditions.push_back(c.text);
    m.goals_heading = "Our shared goals";
    m.intro = d.intro;
    m.goals = d.goals;
    m.period = fee_period_sentence(d.schedule);
    return m;
}

const char* cell_mark(CellKind kind) {
    switch (kind) {
        case CellKind::included: return "\xE2\x9C\x93 ";      // ✓
        case CellKind::not_included: return "\xE2\x80\x94 ";  // —
        case CellKind::fee: break;
    }
    return "";
}

std::string row_label(const ComparisonRow& row) { return (row.differs ? kDiffersMark : "") + row.label; }

std::string cell_line(const ComparisonCell& cell) {
    std::string s = cell_mark(cell.kind) + cell.text;
    for (const std::string& n : cell.notes) s += " " + n;
    return s;
}

}  // namespace iiifc
