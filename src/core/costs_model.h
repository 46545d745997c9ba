// What membership costs and returns, as one value built from the schedule shown and the visitor's
// inputs: every tier's cost rows (labels, cells, which are bold), the lines under them (prices by
// country, add-ons), the chart's series and the recommendation. The Costs view, the CLI's
// `compare` and the budget summary render this; none of them words a row of its own.
#pragma once

#include "calculator.h"

#include <string>
#include <vector>

namespace iiifc {

struct CostRow {
    std::string label;               // "Annual contribution", "Total contribution", ...
    bool bold = false;               // a sum the reader looks for first
    std::vector<std::string> cells;  // one per tier, in the columns' order
};

struct ChartBar {                 // one tier: total contribution and estimated value, on one scale
    std::string label;            // the tier's short name
    double total = 0, value = 0;  // fractions of the longest bar, 0..1
    std::string total_text, value_text;
    std::string description;  // the bar as words ("Full: total contribution US$8,000, ...")
};

struct RecommendationModel {
    std::string tier;   // "" when no tier meets the goals
    std::string title;  // "Recommended: Full membership", "No tier meets these goals"
    std::vector<std::string> reasons;
};

struct CostsModel {
    std::string years_heading;  // "Over 3 years"
    std::string caption;        // "Over 3 years, every tier"
    std::vector<std::string> tier_ids, columns;
    std::vector<CostRow> rows;
    std::vector<std::string> price_lines;  // calculator.h's price_lines
    std::vector<ChartBar> chart;
    std::string chart_legend;
    std::string goals_heading;
    RecommendationModel recommendation;
};

const char* costs_heading();  // "What membership costs and returns": drawn before the inputs the model needs
CostsModel costs_model(const MembershipData& data, const Assumptions& assumptions, const Profile& profile, const Goals& goals);
// The recommendation alone (the Costs view asks for the goals after the table).
RecommendationModel recommendation_model(const MembershipData& data, const Assumptions& assumptions, const Profile& profile,
                                         const Goals& goals);

// The column of a tier in the model; columns.size() when it has none.
std::size_t cost_column(const CostsModel& model, const std::string& tier_id);

}  // namespace iiifc
