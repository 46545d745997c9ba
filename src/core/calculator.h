// What membership costs and returns for one institution, for every tier side by side, and which
// tier fits the institution's goals. All money in integer minor units.
#pragma once

#include "membership.h"

#include <optional>
#include <string>
#include <vector>

namespace iiifc {

constexpr int kMinYears = 1, kMaxYears = 10;

struct CalculatorInputs {              // what only the calculator asks (the rest is the join request's)
    std::string country;               // ISO 3166-1 alpha-2, for income-group prices; may be empty
    int years = 1;                     // years of commitment, 1-10
    int conference_attendees = 0;      // people at the annual conference each year
    int training_hours = 0;            // hours of custom training each year
    std::vector<std::string> add_ons;  // AddOn ids
    bool operator==(const CalculatorInputs& o) const;
};

struct Profile : CalculatorInputs {  // what an institution tells the calculator
    std::string organisation_type;   // OrganisationType::id
    std::string tier;                // chosen tier id
    bool operator==(const Profile& o) const;
};

struct Estimate {  // one tier, for one profile
    std::string tier;
    std::string price_note;  // e.g. the income-group price's label; empty for the standard fee
    Money annual_fee;        // the tier's fee for this institution
    Money annual_add_ons;
    Money annual_contribution;  // fee + add-ons
    Money annual_conference_saving;
    Money annual_training_saving;
    Money annual_value;  // estimated value of member discounts a year
    int years = 1;
    Money total_contribution;  // over the years
    Money total_value;
    Money net_cost;  // total contribution - total value (negative: membership pays for itself)
};

int clamp_years(int years);
std::string add_on_with_price(const AddOn& a, const MembershipData& data);  // "Allmaps (US$2,000 a year)"
Money tier_fee_for(const MembershipData& data, const Tier& tier, const std::string& country, std::string* note = nullptr);
// Where a tier's price depends on the country's income group and the country does not decide it
// (none chosen, or one the classification leaves out): both prices and who qualifies, one sentence.
// "" when the fee of tier_fee_for applies as it is.
std::string price_choice_sentence(const MembershipData& data, const Tier& tier, const std::string& country);
// What the costs say under the numbers, for every output: "Associate: for institutions in low- and
// middle-income countries." for a price applied, price_choice_sentence where the country does not
// decide, and each add-on chosen with its price.
std::vector<std::string> price_lines(const MembershipData& data, const Profile& profile, const std::vector<Estimate>& estimates);
Estimate estimate(const MembershipData& data, const Assumptions& assumptions, const Profile& profile, const Tier& tier);
std::vector<Estimate> compare_tiers(const MembershipData& data, const Assumptions& assumptions, const Profile& profile);

struct Goals {
    std::vector<std::string> wanted;            // CalculatorGoal ids, e.g. "executive_vote"
    std::optional<std::int64_t> annual_budget;  // ceiling, minor units of the schedule's currency
    bool wants(const std::string& goal_id) const;
    void set(const std::string& goal_id, bool wanted);
    bool operator==(const Goals& o) const { return wanted == o.wanted && annual_budget == o.annual_budget; }
};

struct Recommendation {
    std::string tier;  // empty when no tier meets the goals
    bool within_budget = true;
    std::vector<std::string> reasons;  // sentences, in the order they should be read
};
Recommendation recommend(const MembershipData& data, const Assumptions& assumptions, const Profile& profile, const Goals& goals);

}  // namespace iiifc
