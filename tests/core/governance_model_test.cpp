// The governance statements' model (governance_model.h).
#include "governance_model.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;

TEST_CASE("a company joining as Full in 2026: the rights, the TRC's rule and what-if, the commercial seats") {
    const GovernanceModel m = governance_model(iiifc_test::schedule_2026(), "company", "full");
    CHECK(m.rights_heading == "Full membership, Company (commercial)");
    REQUIRE(m.rights.size() == 5);
    CHECK(m.rights[1].name == "Seat on the Executive Committee");
    CHECK(m.rights[1].grant == Grant::conditional);
    CHECK(m.rights[1].answer == "With a condition");
    CHECK(m.trc_heading == "Technical Review Committee: what if you join as Associate?");
    CHECK(m.trc_rule ==
          "Associate members may nominate a representative; up to 1/2 of the number of associate member institutions, rounding up, may be "
          "elected.");
    CHECK(m.trc_now ==
          "Today there are 24 Associate member institutions, so up to 12 Associate representatives can be elected to the Technical Review "
          "Committee.");
    CHECK(m.trc_if_joined == "If your institution joins as Associate, there will be 25, and up to 13 can be elected \u2014 one more seat.");
    CHECK(m.members_as_of == "Members as of 2026-05-27.");
    CHECK(m.cap == "At most 3 seats may be held by commercial organisations. They hold 0 today, so 3 are still open to them (2026-05-27).");
    CHECK(m.type_chosen);
    CHECK(m.type_note == "Company (commercial) counts as commercial.");
}

TEST_CASE("no organisation type on the seed's schedule: the rights of an Associate, and why to choose a type") {
    const GovernanceModel m = governance_model(iiifc_test::shipped(), "", "associate");
    CHECK(m.rights_heading == "Associate membership");
    CHECK(!m.type_chosen);
    CHECK(m.type_note == "Choose your organisation type: commercial organisations are subject to a seat limit.");
    REQUIRE(!m.rights.empty());
    CHECK(m.rights[0].answer == "No");
    CHECK(m.rights[0].reason == "Only full members are eligible for voting rights on the Executive Committee.");
}
