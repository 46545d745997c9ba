#include "calculator.h"

#include "eligibility.h"
#include "money_format.h"

#include <algorithm>

namespace iiifc {

bool CalculatorInputs::operator==(const CalculatorInputs& o) const {
    return country == o.country && years == o.years && conference_attendees == o.conference_attendees &&
        training_hours == o.training_hours && add_ons == o.add_ons;
}

bool Profile::operator==(const Profile& o) const {
    return CalculatorInputs::operator==(o) && organisation_type == o.organisation_type && tier == o.tier;
}

bool Goals::wants(const std::string& goal_id) const { return std::find(wanted.begin(), wanted.end(), goal_id) != wanted.end(); }

void Goals::set(const std::string& goal_id, bool want) {
    wanted.erase(std::remove(wanted.begin(), wanted.end(), goal_id), wanted.end());
    if (want) wanted.push_back(goal_id);
}

int clamp_years(int years) { return std::min(kMaxYears, std::max(kMinYears, years)); }

Money tier_fee_for(const MembershipData& data, const Tier& tier, const std::string& country, std::string* note) {
    for (const PriceVariant& v : data.schedule.price_variants) {
        if (v.tier != tier.id) continue;
        for (const IncomeGroup& g : data.schedule.income_groups) {
            if (g.id == v.income_group && g.contains(country)) {
                if (note) *note = v.label.empty() ? g.name : v.label;
                return v.annual_fee;
            }
        }
    }
    if (note) note->clear();
    return tier.annual_fee;
}

std::string price_choice_sentence(const MembershipData& data, const Tier& tier, const std::string& country) {
    for (const PriceVariant& v : data.schedule.price_variants) {
        if (v.tier != tier.id) continue;
        bool decided = data.income_classification.group_of(country) != nullptr;
        for (const IncomeGroup& g : data.schedule.income_groups) decided = decided || g.contains(country);
        if (decided) return "";
        const Country* c = data.find_country(country);
        const std::string& classification = data.income_classification.name;
        return tier.name + ": " + format_money(tier.annual_fee, data) + ", or " + format_money(v.annual_fee, data) + " " + v.label +
            (classification.empty() ? "" : " (" + classification + ")") + "; " +
            (country.empty() ? std::string("choose your country to see which applies.")
                             : (c ? c->name : country) + " is not in that classification: ask the consortium which applies.");
    }
    return "";
}

std::string add_on_with_price(const AddOn& a, const MembershipData& data) {
    return a.name + " (" + format_money(a.annual_fee, data) + " a year)";
}

static bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<std::string> price_lines(const MembershipData& data, const Profile& p, const std::vector<Estimate>& all) {
    std::vector<std::string> lines;
    for (const Estimate& e : all) {
        const Tier* t = data.find_tier(e.tier);
        if (!t) continue;
        if (!e.price_note.empty()) lines.push_back(t->short_name + ": " + e.price_note + ".");
        if (const std::string both = price_choice_sentence(data, *t, p.country); !both.empty()) lines.push_back(both);
    }
    for (const AddOn& a : data.schedule.add_ons)
        if (contains(p.add_ons, a.id))
            lines.push_back("Add-on included each year: " + a.name + ", " + format_money(a.annual_fee, data) + ".");
    return lines;
}

Estimate estimate(const MembershipData& data, const Assumptions& a, const Profile& p, const Tier& tier) {
    Estimate e;
    e.tier = tier.id;
    e.years = clamp_years(p.years);
    const std::string currency = tier.annual_fee.currency;
    auto money = [&](std::int64_t amount) { return Money{amount, currency}; };

    e.annual_fee = tier_fee_for(data, tier, p.country, &e.price_note);
    std::int64_t add_ons = 0;
    for (const AddOn& addon : data.schedule.add_ons)
        if (contains(p.add_ons, addon.id)) add_ons += addon.annual_fee.amount;
    e.annual_add_ons = money(add_ons);
    e.annual_contribution = money(e.annual_fee.amount + add_ons);

    // Conference: included registrations save the whole non-member price, the rest the member discount.
    const std::int64_t attendees = std::max(0, p.conference_attendees);
    const std::int64_t free_places = std::min<std::int64_t>(attendees, tier.conference_registrations_included);
    std::int64_t conference = free_places * a.conference_non_member_price.amount;
    if (contains(a.conference_member_tiers, tier.id))
        conference +=
            (attendees - free_places) * std::max<std::int64_t>(0, a.conference_non_member_price.amount - a.conference_member_price.amount);
    e.annual_conference_saving = money(conference);

    std::int64_t training = 0;
    auto rate = a.training_tier_hourly.find(tier.id);
    if (rate != a.training_tier_hourly.end())
        training = std::max(0, p.training_hours) * std::max<std::int64_t>(0, a.training_non_member_hourly.amount - rate->second.amount);
    e.annual_training_saving = money(training);
    e.annual_value = money(conference + training);

    e.total_contribution = money(e.annual_contribution.amount * e.years);
    e.total_value = money(e.annual_value.amount * e.years);
    e.net_cost = money(e.total_contribution.amount - e.total_value.amount);
    return e;
}

std::vector<Estimate> compare_tiers(const MembershipData& data, const Assumptions& a, const Profile& p) {
    std::vector<Estimate> all;
    for (const Tier& t : data.schedule.tiers) all.push_back(estimate(data, a, p, t));
    return all;
}

Recommendation recommend(const MembershipData& data, const Assumptions& a, const Profile& p, const Goals& goals) {
    Recommendation r;
    // The goals stated, in the data's order, each with the right that meets it.
    struct Wanted {
        const CalculatorGoal* goal;
        const Right* right;
    };
    std::vector<Wanted> stated, unstated;
    for (const CalculatorGoal& g : data.calculator_goals)
        (goals.wants(g.id) ? stated : unstated).push_back({&g, data.governance.find_right(g.right)});

    struct Candidate {
        const Tier* tier;
        Estimate est;
    };
    std::vector<Candidate> meeting;  // tiers that hold every stated right outright, cheapest first
    for (const Tier& t : data.schedule.tiers) {
        const bool meets =
            std::all_of(stated.begin(), stated.end(), [&](const Wanted& w) { return w.right && w.right->grant_for(t.id) == Grant::yes; });
        if (meets) meeting.push_back({&t, estimate(data, a, p, t)});
    }
    std::stable_sort(meeting.begin(), meeting.end(), [](const Candidate& x, const Candidate& y) {
        return x.est.annual_contribution.amount < y.est.annual_contribution.amount;
    });

    std::string wants;
    for (std::size_t i = 0; i < stated.size(); ++i) wants += (i == 0 ? "" : " and ") + stated[i].goal->wants;

    if (meeting.empty()) {
        r.within_budget = false;
        r.reasons.push_back("No tier gives " + wants + ".");
        return r;
    }
    const Candidate* pick = &meeting.front();
    if (goals.annual_budget) {
        const auto fits = std::find_if(meeting.begin(), meeting.end(),
                                       [&](const Candidate& c) { return c.est.annual_contribution.amount <= *goals.annual_budget; });
        r.within_budget = fits != meeting.end();
        // Over budget: still name the cheapest tier that meets the goals, and say by how much it is over.
        if (r.within_budget) pick = &*fits;
    }
    r.tier = pick->tier->id;
    const std::string name = pick->tier->name;
    const std::string fee = format_money(pick->est.annual_contribution, data);

    if (!stated.empty())
        r.reasons.push_back(name + " is the least expensive tier that gives " + wants + ".");
    else
        r.reasons.push_back(name + " is the least expensive tier" + (goals.annual_budget ? " within your budget." : "."));
    if (goals.annual_budget) {
        const std::string budget = format_money(Money{*goals.annual_budget, pick->est.annual_contribution.currency}, data);
        if (r.within_budget)
            r.reasons.push_back("It costs " + fee + " a year, within your budget of " + budget + ".");
        else
            r.reasons.push_back(
                "It costs " + fee + " a year, " +
                format_money(Money{pick->est.annual_contribution.amount - *goals.annual_budget, pick->est.annual_contribution.currency},
                             data) +
                " more than your budget of " + budget + ".");
    } else {
        r.reasons.push_back("It costs " + fee + " a year.");
    }
    // What the pick lacks of the goals not asked for, as the data words it.
    for (const Wanted& w : unstated) {
        const Grant g = w.right ? w.right->grant_for(pick->tier->id) : Grant::no;
        const std::string said = g == Grant::conditional ? w.goal->when_conditional : g == Grant::no ? w.goal->when_no : std::string();
        if (!said.empty()) r.reasons.push_back(said);
    }
    if (pick->est.annual_value.amount > 0)
        r.reasons.push_back("Member discounts are worth about " + format_money(pick->est.annual_value, data) +
                            " a year under the assumptions shown.");
    return r;
}

}  // namespace iiifc
