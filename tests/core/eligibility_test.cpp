// Governance rights, the TRC arithmetic and what-if, and the commercial Executive Committee cap.
#include "eligibility.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::shipped;

static const RightAnswer& answer(const std::vector<RightAnswer>& all, const std::string& id) {
    for (const RightAnswer& a : all)
        if (a.id == id) return a;
    FAIL("no right " << id);
    return all.front();
}

TEST_CASE("TRC representatives of associates: half the associate institutions, rounding up") {
    const Governance& g = shipped().governance;
    CHECK(trc_elected_cap(g, 0) == 0);
    CHECK(trc_elected_cap(g, 1) == 1);
    CHECK(trc_elected_cap(g, 2) == 1);
    CHECK(trc_elected_cap(g, 3) == 2);
    CHECK(trc_elected_cap(g, 24) == 12);
    CHECK(trc_elected_cap(g, 25) == 13);
    CHECK(trc_elected_cap(g, -4) == 0);
}

TEST_CASE("an associate joining raises the TRC cap from 12 to 13") {
    const TrcWhatIf w = trc_what_if(shipped());
    CHECK(w.tier == "associate");
    CHECK(w.members_now == 24);
    CHECK(w.cap_now == 12);
    CHECK(w.cap_if_joined == 13);
}

TEST_CASE("rounding down, where the data says so") {
    Governance g = shipped().governance;
    g.trc_round_up = false;
    CHECK(trc_elected_cap(g, 25) == 12);
    g.trc_elected_fraction = {1, 3};
    CHECK(trc_elected_cap(g, 10) == 3);
}

TEST_CASE("the commercial cap: three seats, none held in the snapshot") {
    CommercialCap c = commercial_cap(shipped());
    CHECK(c.limit == 3);
    CHECK(c.held == 0);
    CHECK(c.open == 3);
    MembershipData d = shipped();
    d.snapshot.commercial_executive_seats_held = 3;
    CHECK(commercial_cap(d).open == 0);
}

TEST_CASE("rights of a full member, for each organisation type") {
    for (const OrganisationType& t : shipped().organisation_types) {
        CAPTURE(t.id);
        const auto rights = rights_for(shipped(), t.id, "full");
        CHECK(answer(rights, "executive_committee_vote").grant == Grant::yes);
        CHECK(answer(rights, "operating_committee_seat").grant == Grant::yes);
        CHECK(answer(rights, "trc_representation").grant == Grant::yes);
        CHECK(answer(rights, "community_groups").grant == Grant::yes);
        const RightAnswer& seat = answer(rights, "executive_committee_seat");
        if (t.commercial) {
            CHECK(seat.grant == Grant::conditional);
            CHECK(
                seat.reason ==
                "Full members are eligible, but at most 3 Executive Committee seats may be held by commercial organisations (3 open now).");
        } else {
            CHECK(seat.grant == Grant::yes);
            CHECK(seat.reason == "Full members are eligible to serve on the Executive Committee.");
        }
    }
}

TEST_CASE("rights of an associate museum") {
    const auto rights = rights_for(shipped(), "museum", "associate");
    REQUIRE(rights.size() == 5);
    CHECK(answer(rights, "executive_committee_vote") ==
          RightAnswer{"executive_committee_vote", "Vote in Executive Committee elections", Grant::no,
                      "Only full members are eligible for voting rights on the Executive Committee."});
    CHECK(answer(rights, "executive_committee_seat").grant == Grant::no);
    CHECK(answer(rights, "operating_committee_seat").grant == Grant::no);
    const RightAnswer& trc = answer(rights, "trc_representation");
    CHECK(trc.grant == Grant::conditional);
    CHECK(trc.reason ==
          "Associate members may nominate a representative; up to half the number of associate member "
          "institutions, rounding up, are elected (12 seats today).");
    CHECK(answer(rights, "community_groups").grant == Grant::yes);
}

TEST_CASE("a commercial associate is not held to the seat cap: it has no seat to cap") {
    CHECK(answer(rights_for(shipped(), "company", "associate"), "executive_committee_seat").grant == Grant::no);
}

TEST_CASE("unknown tier or type: nothing is granted, nothing crashes") {
    for (const RightAnswer& a : rights_for(shipped(), "museum", "platinum")) CHECK(a.grant == Grant::no);
    CHECK(answer(rights_for(shipped(), "spaceship", "full"), "executive_committee_seat").grant == Grant::yes);
}

TEST_CASE("placeholders are filled, repeated and adjacent ones too") {
    CHECK(fill_placeholders("{a}{a} of {b}", {{"a", "1"}, {"b", "{a}"}}) == "11 of {a}");
}
