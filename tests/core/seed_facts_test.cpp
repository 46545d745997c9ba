// Every fact of the consortium's Join page for 2020-2025 (a copy in tests/data/join-page-2020-2025.md), asserted against
// the shipped assets/membership.json.
#include "eligibility.h"
#include "money_format.h"
#include "test_support.h"
#include "text_utf8.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::shipped;

static std::vector<std::string> benefit_texts(const Tier& t) {
    std::vector<std::string> v;
    for (const TierBenefit& b : t.benefits) v.push_back(b.text);
    return v;
}

TEST_CASE("the seed's two tiers, in the page's order, with their annual fees") {
    const MembershipData& d = shipped();
    REQUIRE(d.schedule.tiers.size() == 2);
    CHECK(d.schedule.tiers[0].id == "full");
    CHECK(d.schedule.tiers[0].name == "Full membership");
    CHECK(d.schedule.tiers[0].annual_fee == Money{1000000, "USD"});
    CHECK(format_money(d.schedule.tiers[0].annual_fee, d) == "US$10,000");
    CHECK(d.schedule.tiers[0].fee_label == "annual sustaining contribution");
    CHECK(d.schedule.tiers[1].id == "associate");
    CHECK(d.schedule.tiers[1].name == "Associate membership");
    CHECK(d.schedule.tiers[1].annual_fee == Money{250000, "USD"});
    CHECK(format_money(d.schedule.tiers[1].annual_fee, d) == "US$2,500");
    CHECK(d.schedule.tiers[1].fee_label == "annual sustaining contribution");
}

TEST_CASE("full membership lists the page's six benefits") {
    const Tier* full = shipped().find_tier("full");
    REQUIRE(full);
    CHECK(benefit_texts(*full) ==
          std::vector<std::string>{
              "Discounts on training and workshops held throughout the year",
              "Institution-wide special rates for IIIF Conference registration",
              "Representation on the IIIF Technical Review Committee, which guides technical development of IIIF specs",
              "Eligibility to serve on the Executive Committee and Operating Committee, which provide IIIF governance",
              "Priority attendance at IIIF Working meetings and other events",
              "Priority technical advice and discounted consulting",
          });
}

TEST_CASE("associate membership lists the page's three benefits, without the stray heading bullet") {
    const Tier* associate = shipped().find_tier("associate");
    REQUIRE(associate);
    CHECK(benefit_texts(*associate) ==
          std::vector<std::string>{
              "Discounts on training and workshops",
              "Priority attendance at IIIF Working meetings and other events",
              "Ability to nominate a representative to serve on the IIIF Technical Review Committee, which guides technical "
              "development of IIIF specs (a number up to half the total number of associate member institutions, rounding "
              "up, may be elected to serve on the TRC)",
          });
    for (const TierBenefit& b : associate->benefits) CHECK(b.text.find("Benefits of") == std::string::npos);
}

TEST_CASE("the comparison rows: which tier has which benefit") {
    const MembershipData& d = shipped();
    const Tier& full = *d.find_tier("full");
    const Tier& associate = *d.find_tier("associate");
    for (const Benefit& b : d.benefits) CHECK_MESSAGE(full.find_benefit(b.id) != nullptr, b.id);
    CHECK(associate.find_benefit("training_discount"));
    CHECK(associate.find_benefit("priority_events"));
    CHECK(associate.find_benefit("trc"));
    CHECK_FALSE(associate.find_benefit("conference_rates"));
    CHECK_FALSE(associate.find_benefit("governance_eligibility"));
    CHECK_FALSE(associate.find_benefit("technical_advice"));
    CHECK(full.find_benefit("trc")->summary == "Represented");
    CHECK(associate.find_benefit("trc")->summary == "May nominate");
}

TEST_CASE("what every member gets, with the apostrophe of IIIF's repaired") {
    const MembershipData& d = shipped();
    CHECK(d.member_benefits ==
          std::vector<std::string>{
              "Shape the IIIF agenda and drive the development roadmap for an open, international standard",
              "Fund IIIF\u2019s supporting staff, who steward strategy, training, communications, infrastructure, outreach, "
              "growth, community-building, and adoption",
              "Join a community of forward-thinking global technology leaders",
              "Access discounted training",
              "Receive reduced-price tickets to the IIIF Annual Conference",
          });
    for (const std::string& s : d.member_benefits) CHECK(s.find("\xC3\xA2\xE2\x82\xAC") == std::string::npos);  // "â€"
}

TEST_CASE("the consortium's three shared goals") {
    const MembershipData& d = shipped();
    REQUIRE(d.goals.size() == 3);
    CHECK(d.goals[0].rfind("Providing researchers\u2014and other audiences\u2014an unprecedented level", 0) == 0);
    CHECK(d.goals[1] == "Defining and maintaining a community-driven set of APIs that support interoperability between repositories");
    CHECK(d.goals[2].rfind("Developing, cultivating, and documenting shared technologies", 0) == 0);
    CHECK(d.intro.rfind("IIIF is a grassroots, community-driven effort", 0) == 0);
}

TEST_CASE("the three conditions, word for word") {
    const MembershipData& d = shipped();
    REQUIRE(d.conditions.size() == 3);
    CHECK(d.conditions[0].text == "Only full members are eligible for voting rights on the Executive Committee.");
    CHECK(d.conditions[1].text ==
          "A limit of three seats on the Executive Committee may be held by commercial organisations. Non-commercial "
          "organisations include libraries, museums, and archives.");
    CHECK(d.conditions[2].text ==
          "Individuals who work for commercial organisations are welcome and encouraged to serve in community groups and committees.");
}

TEST_CASE("governance rules: Executive Committee vote and seats for full members only, three commercial seats") {
    const MembershipData& d = shipped();
    CHECK(d.governance.commercial_seat_limit == 3);
    CHECK(d.governance.find_right("executive_committee_vote")->grant_for("full") == Grant::yes);
    CHECK(d.governance.find_right("executive_committee_vote")->grant_for("associate") == Grant::no);
    CHECK(d.governance.find_right("executive_committee_seat")->grant_for("associate") == Grant::no);
    CHECK(d.governance.find_right("operating_committee_seat")->grant_for("full") == Grant::yes);
    CHECK(d.governance.find_right("operating_committee_seat")->grant_for("associate") == Grant::no);
    CHECK(d.governance.find_right("trc_representation")->grant_for("full") == Grant::yes);
    CHECK(d.governance.find_right("trc_representation")->grant_for("associate") == Grant::conditional);
    CHECK(d.governance.find_right("community_groups")->grant_for("associate") == Grant::yes);
    CHECK(d.governance.trc_elected_tier == "associate");
    CHECK(d.governance.trc_elected_fraction.numerator == 1);
    CHECK(d.governance.trc_elected_fraction.denominator == 2);
    CHECK(d.governance.trc_round_up);
}

TEST_CASE("libraries, museums and archives are non-commercial; companies are commercial") {
    const MembershipData& d = shipped();
    for (const char* id : {"library", "museum", "archive", "university", "government", "nonprofit"}) {
        CAPTURE(id);
        REQUIRE(d.find_organisation_type(id));
        CHECK_FALSE(d.find_organisation_type(id)->commercial);
    }
    REQUIRE(d.find_organisation_type("company"));
    CHECK(d.find_organisation_type("company")->commercial);
}

TEST_CASE("the join contact address") {
    CHECK(shipped().join.email == "admin@iiif.io");
    CHECK(shipped().join.instructions == "To join the IIIF Consortium, send an email to admin@iiif.io.");
}

TEST_CASE("the members snapshot matches the website's list: 71 members, 47 full and 24 associate") {
    const MembershipData& d = shipped();
    CHECK(d.snapshot.date == "2026-05-27");
    CHECK(d.snapshot.members.size() == 71);
    CHECK(d.snapshot.count_in_tier("full") == 47);
    CHECK(d.snapshot.count_in_tier("associate") == 24);
    CHECK(d.snapshot.commercial_executive_seats_held == 0);
    CHECK(d.snapshot.members[15].name == "La Biblioth\u00e8que nationale de France");
    CHECK(d.snapshot.members[15].founder);
}

TEST_CASE("the value assumptions carry their sources") {
    const Assumptions& a = shipped().assumptions;
    CHECK(a.conference_non_member_price == Money{50000, "USD"});
    CHECK(a.conference_member_price == Money{25000, "USD"});
    CHECK(a.conference_source.find("Leeds") != std::string::npos);
    CHECK(a.training_non_member_hourly == Money{25000, "USD"});
    CHECK(a.training_tier_hourly.at("full") == Money{10000, "USD"});
    CHECK(a.training_tier_hourly.at("associate") == Money{20000, "USD"});
    CHECK_FALSE(a.training_source.empty());
}

// Cross-check against the page itself, kept in the repository so that this always runs.
TEST_CASE("every tier fee and benefit sentence of the data can be found in the seed page") {
    // Compare on a normalised page: no markdown links, no HTML spans, no double dashes.
    const std::string page = read_text_file(iiifc_test::test_data_path("join-page-2020-2025.md"));
    std::string flat;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (page[i] == '[' || page[i] == ']' || page[i] == '*') continue;
        if (page[i] == '(' && page.compare(i, 4, "({{ ") == 0) {
            i = page.find(')', i);
            continue;
        }
        if (page[i] == '<') {
            i = page.find('>', i);
            continue;
        }
        flat += page[i];
    }
    const MembershipData& d = shipped();
    for (const Tier& t : d.schedule.tiers) {
        const std::string fee = "$" + format_money(t.annual_fee.amount, "", 2);
        CHECK_MESSAGE(flat.find(t.short_name + " membership - " + fee + " " + t.fee_label) != std::string::npos, t.id);
        for (const TierBenefit& b : t.benefits) {
            // The data adds a comma before "which" and tidies the TRC parenthesis: compare the words up to there.
            const std::string head = b.text.substr(0, std::min<std::size_t>(b.text.find(','), 40));
            CHECK_MESSAGE(flat.find(head) != std::string::npos, head);
        }
    }
    CHECK(flat.find(d.join.email) != std::string::npos);
    for (const Condition& c : d.conditions) CHECK(flat.find(c.text.substr(0, 50)) != std::string::npos);
}
