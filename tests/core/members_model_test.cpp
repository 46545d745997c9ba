// The members listing's model (members_model.h).
#include "members_model.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;

TEST_CASE("the members listing: counts by the schedule's tiers, filtered by name and level") {
    const MembershipData& d = iiifc_test::schedule_2026();
    const MembersModel all = members_model(d, "", "");
    CHECK(all.counts == "71 members on 2026-05-27: 0 Champion, 47 Full, 24 Associate.");
    CHECK(all.rows.size() == 71);
    CHECK(all.shown == "71 shown.");
    REQUIRE(all.levels.size() == 4);
    CHECK(all.levels[0].label == "All levels");
    CHECK(all.levels[3].id == "associate");
    const MembersModel yale = members_model(d, "  YALE ", "");
    REQUIRE(yale.rows.size() == 1);
    CHECK(yale.rows[0].name == "Yale University");
    CHECK(yale.rows[0].level == "Full, founder (2015)");
    CHECK(members_model(d, "", "associate").shown == "24 shown.");
    CHECK(members_model(d, "yale", "associate").shown == "No member matches.");
    CHECK(members_model(iiifc_test::shipped(), "", "").counts == "71 members on 2026-05-27: 47 Full, 24 Associate.");
}
