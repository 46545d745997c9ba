#include "costs_model.h"

#include "money_format.h"

#include <algorithm>

namespace iiifc {

namespace {

struct RowSpec {
    const char* label;
    Money Estimate::*field;
    bool bold;
};
constexpr RowSpec kRows[] = {
    {"Annual contribution", &Estimate::annual_contribution, false},
    {"Total contribution", &Estimate::total_contribution, true},
    {"Estimated value of member discounts", &Estimate::total_value, false},
    {"Net cost", &Estimate::net_cost, true},
};

std::string years_heading(int years) {
    const int n = clamp_years(years);
    return "Over " + std::to_string(n) + (n == 1 ? " year" : " years");
}

std::vector<ChartBar> chart(const MembershipData& d, const std::vector<Estimate>& all) {
    std::int64_t top = 1;
    for (const Estimate& e : all) top = std::max({top, e.total_contribution.amount, e.total_value.amount});
    std::vector<ChartBar> bars;
    for (const Estimate& e : all) {
        const Tier* t = d.find_tier(e.tier);
        ChartBar b;
        b.label = t ? t->short_name : e.tier;
        b.total = static_cast<double>(e.total_contribution.amount) / static_cast<double>(top);
        b.value = static_cast<double>(std::max<std::int64_t>(0, e.total_value.amount)) / static_cast<double>(top);
        b.total_text = format_money(e.total_contribution, d);
        b.value_text = format_money(e.total_value, d);
        b.description = b.label + ": total contribution " + b.total_text + ", estimated value of member discounts " + b.value_text;
        bars.push_back(std::move(b));
    }
    return bars;
}

}  // namespace

const char* costs_heading() { return "What membership costs and returns"; }

CostsModel costs_model(const MembershipData& d, const Assumptions& a, const Profile& p, const Goals& goals) {
    CostsModel m;
    m.years_heading = years_heading(p.years);
    m.caption = m.years_heading + ", every tier";
    const std::vector<Estimate> all = compare_tiers(d, a, p);
    for (const Estimate& e : all) {
        const Tier* t = d.find_tier(e.tier);
        m.tier_ids.push_back(e.tier);
        m.columns.push_back(t ? t->short_name : e.tier);
    }
    for (const RowSpec& spec : kRows) {
        CostRow row{spec.label, spec.bold, {}};
        for (const Estimate& e : all) row.cells.push_back(format_money(e.*spec.field, d));
        m.rows.push_back(std::move(row));
    }
    m.price_lines = price_lines(d, p, all);
    m.chart = chart(d, all);
    m.chart_legend = "Upper bar: total contribution. Lower bar: estimated value of member discounts.";
    m.goals_heading = "Which tier fits your goals?";
    m.recommendation = recommendation_model(d, a, p, goals);
    return m;
}

RecommendationModel recommendation_model(const MembershipData& d, const Assumptions& a, const Profile& p, const Goals& goals) {
    const Recommendation rec = recommend(d, a, p, goals);
    const Tier* t = d.find_tier(rec.tier);
    if (!t) return {"", "No tier meets these goals", rec.reasons};
    return {t->id, "Recommended: " + t->name + (rec.within_budget ? "" : " (over your budget)"), rec.reasons};
}

std::size_t cost_column(const CostsModel& m, const std::string& tier_id) {
    return static_cast<std::size_t>(std::find(m.tier_ids.begin(), m.tier_ids.end(), tier_id) - m.tier_ids.begin());
}

}  // namespace iiifc
