// The calculator: sums over 1-10 years without drift, discounts valued under the stated
// assumptions, every tier side by side, and recommendations with their reasons.
#include "calculator.h"
#include "money_format.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::shipped;

static Profile museum(int years, int attendees, int hours) {
    Profile p;
    p.organisation_type = "museum";
    p.years = years;
    p.conference_attendees = attendees;
    p.training_hours = hours;
    return p;
}

TEST_CASE("money is formatted with the currency's symbol and thousands separators") {
    CHECK(format_money(Money{1000000, "USD"}, shipped()) == "US$10,000");
    CHECK(format_money(Money{250000, "USD"}, shipped()) == "US$2,500");
    CHECK(format_money(Money{1250, "USD"}, shipped()) == "US$12.50");
    CHECK(format_money(Money{5, "USD"}, shipped()) == "US$0.05");
    CHECK(format_money(Money{0, "USD"}, shipped()) == "US$0");
    CHECK(format_money(Money{-25000, "USD"}, shipped()) == "-US$250");
    CHECK(format_money(Money{100000000000, "USD"}, shipped()) == "US$1,000,000,000");
    CHECK(format_money(INT64_MIN, "$", 2) == "-$92,233,720,368,547,758.08");
}

TEST_CASE("typed amounts parse into minor units") {
    std::int64_t v = 0;
    CHECK((parse_money_input("2,500", 2, v) && v == 250000));
    CHECK((parse_money_input("US$ 10,000.5", 2, v) && v == 1000050));
    CHECK((parse_money_input("0.07", 2, v) && v == 7));
    CHECK_FALSE(parse_money_input("", 2, v));
    CHECK_FALSE(parse_money_input("12.345", 2, v));
    CHECK_FALSE(parse_money_input("-5", 2, v));
    CHECK_FALSE(parse_money_input("ten", 2, v));
}

TEST_CASE("annual and total contribution for each number of years, 1 to 10") {
    for (int years = 1; years <= 10; ++years) {
        CAPTURE(years);
        const Estimate full = estimate(shipped(), shipped().assumptions, museum(years, 0, 0), *shipped().find_tier("full"));
        const Estimate associate = estimate(shipped(), shipped().assumptions, museum(years, 0, 0), *shipped().find_tier("associate"));
        CHECK(full.annual_contribution == Money{1000000, "USD"});
        CHECK(full.total_contribution == Money{1000000LL * years, "USD"});
        CHECK(associate.total_contribution == Money{250000LL * years, "USD"});
        CHECK(associate.net_cost == associate.total_contribution);
    }
}

TEST_CASE("years outside 1-10 are clamped") {
    CHECK(estimate(shipped(), shipped().assumptions, museum(0, 0, 0), shipped().schedule.tiers[0]).years == 1);
    CHECK(estimate(shipped(), shipped().assumptions, museum(99, 0, 0), shipped().schedule.tiers[0]).years == 10);
}

TEST_CASE("discounts: 4 conference attendees and 20 training hours a year over 3 years") {
    const std::vector<Estimate> all = compare_tiers(shipped(), shipped().assumptions, museum(3, 4, 20));
    REQUIRE(all.size() == 2);
    SUBCASE("full") {
        const Estimate& e = all[0];
        CHECK(e.tier == "full");
        CHECK(e.annual_conference_saving == Money{4 * 25000, "USD"});  // 4 x (500 - 250)
        CHECK(e.annual_training_saving == Money{20 * 15000, "USD"});   // 20 x (250 - 100)
        CHECK(e.annual_value == Money{400000, "USD"});
        CHECK(e.total_value == Money{1200000, "USD"});
        CHECK(e.net_cost == Money{3000000 - 1200000, "USD"});
        CHECK(format_money(e.net_cost, shipped()) == "US$18,000");
    }
    SUBCASE("associate") {
        const Estimate& e = all[1];
        CHECK(e.annual_conference_saving == Money{100000, "USD"});
        CHECK(e.annual_training_saving == Money{20 * 5000, "USD"});  // 20 x (250 - 200)
        CHECK(e.total_value == Money{600000, "USD"});
        CHECK(e.net_cost == Money{750000 - 600000, "USD"});
    }
}

TEST_CASE("edited assumptions change the estimate and nothing else") {
    Assumptions a = shipped().assumptions;
    a.conference_non_member_price.amount = 60000;
    const Estimate e = estimate(shipped(), a, museum(1, 2, 0), *shipped().find_tier("full"));
    CHECK(e.annual_conference_saving == Money{2 * 35000, "USD"});
    CHECK(e.annual_contribution == Money{1000000, "USD"});
}

TEST_CASE("no rounding drift: odd minor units add up exactly") {
    Assumptions a = shipped().assumptions;
    a.training_non_member_hourly.amount = 33333;
    a.training_tier_hourly["full"].amount = 1;
    const Estimate e = estimate(shipped(), a, museum(7, 0, 3), *shipped().find_tier("full"));
    CHECK(e.annual_training_saving.amount == 3 * 33332);
    CHECK(e.total_value.amount == 7 * 3 * 33332);
    CHECK(e.net_cost.amount == 7 * 1000000 - 7 * 3 * 33332);
}

TEST_CASE("recommendations follow the institution's goals, with reasons") {
    const Assumptions& a = shipped().assumptions;
    SUBCASE("no goals: the least expensive tier") {
        const Recommendation r = recommend(shipped(), a, museum(1, 0, 0), Goals{});
        CHECK(r.tier == "associate");
        CHECK(r.reasons.at(0) == "Associate membership is the least expensive tier.");
        CHECK(r.reasons.at(1) == "It costs US$2,500 a year.");
        // What the tier lacks of the data's goals, in the data's order of goals.
        CHECK(r.reasons.at(2) == "It does not include a vote in Executive Committee elections.");
        CHECK(r.reasons.at(3) == "Its members may nominate a Technical Review Committee representative; a seat is not guaranteed.");
    }
    SUBCASE("a vote in Executive Committee elections: full") {
        Goals g;
        g.set("executive_vote", true);
        const Recommendation r = recommend(shipped(), a, museum(1, 0, 0), g);
        CHECK(r.tier == "full");
        CHECK(r.reasons.at(0) == "Full membership is the least expensive tier that gives a vote in Executive Committee elections.");
    }
    SUBCASE("a guaranteed TRC seat: full") {
        Goals g;
        g.set("guaranteed_trc_seat", true);
        CHECK(recommend(shipped(), a, museum(1, 0, 0), g).tier == "full");
    }
    SUBCASE("a budget of US$3,000 fits associate") {
        Goals g;
        g.annual_budget = 300000;
        const Recommendation r = recommend(shipped(), a, museum(1, 0, 0), g);
        CHECK(r.tier == "associate");
        CHECK(r.within_budget);
        CHECK(r.reasons.at(1) == "It costs US$2,500 a year, within your budget of US$3,000.");
    }
    SUBCASE("a vote with a budget of US$5,000: full, over budget by US$5,000") {
        Goals g;
        g.set("executive_vote", true);
        g.annual_budget = 500000;
        const Recommendation r = recommend(shipped(), a, museum(1, 0, 0), g);
        CHECK(r.tier == "full");
        CHECK_FALSE(r.within_budget);
        CHECK(r.reasons.at(1) == "It costs US$10,000 a year, US$5,000 more than your budget of US$5,000.");
    }
    SUBCASE("a budget below every tier") {
        Goals g;
        g.annual_budget = 100000;
        const Recommendation r = recommend(shipped(), a, museum(1, 0, 0), g);
        CHECK(r.tier == "associate");
        CHECK_FALSE(r.within_budget);
    }
    SUBCASE("discount value is mentioned when there is some") {
        const Recommendation r = recommend(shipped(), a, museum(1, 2, 0), Goals{});
        CHECK(r.reasons.back() == "Member discounts are worth about US$500 a year under the assumptions shown.");
    }
}

TEST_CASE("a goal added to the data is weighed by the recommendation, with no code") {
    const MembershipData& data = iiifc_test::with_extra_fields();
    Goals g;
    g.set("operating_seat", true);
    const Recommendation r = recommend(data, data.assumptions, museum(1, 0, 0), g);
    CHECK(r.tier == "full");
    CHECK(r.reasons.at(0) == "Full membership is the least expensive tier that gives a seat on the Operating Committee.");
    const Recommendation cheapest = recommend(data, data.assumptions, museum(1, 0, 0), Goals{});
    CHECK(cheapest.tier == "associate");
    CHECK(std::find(cheapest.reasons.begin(), cheapest.reasons.end(), "It does not include a seat on the Operating Committee.") !=
          cheapest.reasons.end());
    g.set("executive_vote", true);
    CHECK(
        recommend(data, data.assumptions, museum(1, 0, 0), g).reasons.at(0) ==
        "Full membership is the least expensive tier that gives a vote in Executive Committee elections and a seat on the Operating Committee.");
}
