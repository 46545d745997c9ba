// The costs' model (costs_model.h): rows, lines, chart and recommendation every output shows.
#include "costs_model.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;

TEST_CASE("costs in 2026 for a museum in Kenya over 3 years with Allmaps, wanting a vote") {
    const MembershipData& d = iiifc_test::schedule_2026();
    Profile p;
    p.organisation_type = "museum";
    p.country = "KE";
    p.years = 3;
    p.conference_attendees = 2;
    p.add_ons = {"allmaps"};
    Goals g;
    g.set("executive_vote", true);
    const CostsModel m = costs_model(d, d.assumptions, p, g);
    CHECK(m.caption == "Over 3 years, every tier");
    CHECK(m.columns == std::vector<std::string>{"Champion", "Full", "Associate"});
    REQUIRE(m.rows.size() == 4);
    CHECK(m.rows[0].label == "Annual contribution");
    CHECK(m.rows[0].cells == std::vector<std::string>{"US$18,000", "US$10,000", "US$3,000"});
    CHECK(m.rows[1].label == "Total contribution");
    CHECK(m.rows[1].bold);
    CHECK(m.rows[1].cells == std::vector<std::string>{"US$54,000", "US$30,000", "US$9,000"});
    CHECK(m.rows[2].label == "Estimated value of member discounts");
    CHECK(m.rows[3].label == "Net cost");
    CHECK(m.price_lines ==
          std::vector<std::string>{"Associate: for institutions in low- and middle-income countries.",
                                   "Add-on included each year: Allmaps, US$2,000."});
    REQUIRE(m.chart.size() == 3);
    CHECK(m.chart[0].total == doctest::Approx(1.0));
    CHECK(m.chart[2].total_text == "US$9,000");
    CHECK(m.chart[1].description.rfind("Full: total contribution US$30,000, estimated value of member discounts ", 0) == 0);
    CHECK(m.recommendation.tier == "full");
    CHECK(m.recommendation.title == "Recommended: Full membership");
    CHECK(cost_column(m, "associate") == 2);
    CHECK(cost_column(m, "gold") == 3);
}

TEST_CASE("costs on the seed's schedule: two columns; a budget below every fee is said") {
    const MembershipData& d = iiifc_test::shipped();
    Profile p;
    Goals g;
    g.set("executive_vote", true);
    g.annual_budget = 100000;
    const CostsModel m = costs_model(d, d.assumptions, p, g);
    CHECK(m.caption == "Over 1 year, every tier");
    CHECK(m.rows[0].cells == std::vector<std::string>{"US$10,000", "US$2,500"});
    CHECK(m.price_lines.empty());
    CHECK(m.recommendation.title == "Recommended: Full membership (over your budget)");
}
