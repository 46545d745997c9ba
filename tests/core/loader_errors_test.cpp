// Malformed data files: each is the shipped file with one mistake, and the error must name the
// file, the exact JSON path and what was expected.
#include "data_loader.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace iiifc;
using nlohmann::json;

namespace {

json shipped_json() { return json::parse(read_text_file(iiifc_test::assets_path("membership.json"))); }

struct Case {
    const char* name;
    std::function<void(json&)> mutate;
    const char* path;      // expected DataError::path()
    const char* message;   // expected to appear in DataError::message()
};

void check_error(const std::string& text, const char* path, const char* message) {
    try {
        load_membership(text, "broken.json");
        FAIL("the file loaded, but should have been rejected");
    } catch (const DataError& e) {
        CHECK(e.file() == "broken.json");
        CHECK(e.path() == path);
        CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
        CHECK(std::string(e.what()) == "broken.json: " + std::string(path) + ": " + e.message());
    }
}

}  // namespace

TEST_CASE("the shipped data loads without error") { CHECK_NOTHROW(iiifc_test::shipped()); }

TEST_CASE("malformed data files name the path and the expectation") {
    const Case cases[] = {
        {"fee given as a string", [](json& j) { j["schedule"]["tiers"][1]["annual_fee"]["amount"] = "2500"; },
         "schedule.tiers[1].annual_fee.amount", "expected an integer, found string \"2500\""},
        {"negative fee", [](json& j) { j["schedule"]["tiers"][0]["annual_fee"]["amount"] = -1000000; },
         "schedule.tiers[0].annual_fee.amount", "expected an integer from 0 to"},
        {"fractional fee", [](json& j) { j["schedule"]["tiers"][0]["annual_fee"]["amount"] = 10000.5; },
         "schedule.tiers[0].annual_fee.amount", "expected an integer, found number 10000.5"},
        {"missing tier id", [](json& j) { j["schedule"]["tiers"][1].erase("id"); },
         "schedule.tiers[1].id", "required but missing"},
        {"duplicate tier ids", [](json& j) { j["schedule"]["tiers"][1]["id"] = "full"; },
         "schedule.tiers[1].id", "duplicate id \"full\""},
        {"tier id with capitals", [](json& j) { j["schedule"]["tiers"][0]["id"] = "Full"; },
         "schedule.tiers[0].id", "expected an identifier"},
        {"empty tiers", [](json& j) { j["schedule"]["tiers"] = json::array(); },
         "schedule.tiers", "expected at least one entry"},
        {"tiers not an array", [](json& j) { j["schedule"]["tiers"] = json::object(); },
         "schedule.tiers", "expected an array, found an object"},
        {"schema version too new", [](json& j) { j["schema_version"] = 2; },
         "schema_version", "newer than this app understands"},
        {"schema version missing", [](json& j) { j.erase("schema_version"); },
         "schema_version", "required but missing"},
        {"unknown currency", [](json& j) { j["schedule"]["tiers"][0]["annual_fee"]["currency"] = "EUR"; },
         "schedule.tiers[0].annual_fee.currency", "unknown currency \"EUR\""},
        {"unknown organisation type in the right's table (unknown tier)", [](json& j) { j["governance"]["rights"][0]["tiers"]["gold"] = "yes"; },
         "governance.rights[0].tiers.gold", "unknown tier \"gold\""},
        {"benefit not in the catalogue", [](json& j) { j["schedule"]["tiers"][1]["benefits"][0]["id"] = "free_lunch"; },
         "schedule.tiers[1].benefits[0].id", "unknown benefit \"free_lunch\""},
        {"benefit listed twice", [](json& j) { j["schedule"]["tiers"][1]["benefits"][1]["id"] = "training_discount"; },
         "schedule.tiers[1].benefits[1].id", "listed twice"},
        {"organisation type without commercial flag", [](json& j) { j["organisation_types"][2].erase("commercial"); },
         "organisation_types[2].commercial", "required but missing"},
        {"commercial flag as a string", [](json& j) { j["organisation_types"][6]["commercial"] = "yes"; },
         "organisation_types[6].commercial", "expected true or false, found string \"yes\""},
        {"duplicate organisation type", [](json& j) { j["organisation_types"][1]["id"] = "library"; },
         "organisation_types[1].id", "duplicate id \"library\""},
        {"grant that is not yes/no/conditional", [](json& j) { j["governance"]["rights"][1]["tiers"]["full"] = "maybe"; },
         "governance.rights[1].tiers.full", "expected \"yes\", \"no\" or \"conditional\""},
        {"right without the reason for its answer", [](json& j) { j["governance"]["rights"][3]["reasons"].erase("conditional"); },
         "governance.rights[3].reasons.conditional", "required but missing"},
        {"commercial-limited right without a commercial reason", [](json& j) { j["governance"]["rights"][1]["reasons"].erase("commercial"); },
         "governance.rights[1].reasons.commercial", "required but missing"},
        {"commercial seat limit above the number of seats", [](json& j) { j["governance"]["executive_committee"]["commercial_seat_limit"] = 14; },
         "governance.executive_committee.commercial_seat_limit", "expected an integer from 0 to 13, found 14"},
        {"TRC fraction dividing by zero", [](json& j) { j["governance"]["trc"]["elected_fraction"]["denominator"] = 0; },
         "governance.trc.elected_fraction.denominator", "expected an integer from 1 to 1000, found 0"},
        {"TRC elected tier unknown", [](json& j) { j["governance"]["trc"]["elected_tier"] = "supporter"; },
         "governance.trc.elected_tier", "unknown tier \"supporter\""},
        {"member in an unknown tier", [](json& j) { j["snapshot"]["members"][70]["tier"] = "gold"; },
         "snapshot.members[70].tier", "unknown tier \"gold\""},
        {"member without a name", [](json& j) { j["snapshot"]["members"][3]["name"] = "   "; },
         "snapshot.members[3].name", "expected a non-empty string"},
        {"member price above non-member price", [](json& j) { j["assumptions"]["conference"]["member_price"]["amount"] = 60000; },
         "assumptions.conference.member_price", "higher than the non-member price"},
        {"training rate for an unknown tier", [](json& j) { j["assumptions"]["training"]["tier_hourly"]["gold"] = {{"amount", 1}, {"currency", "USD"}}; },
         "assumptions.training.tier_hourly.gold", "unknown tier \"gold\""},
        {"join address that is not an address", [](json& j) { j["join"]["email"] = "admin at iiif.io"; },
         "join.email", "expected an email address"},
        {"join field of an unknown kind", [](json& j) { j["join"]["fields"][2]["kind"] = "shoe_size"; },
         "join.fields[2].kind", "expected one of \"text\", \"multiline\", \"email\", \"url\", \"date\", \"tier\", \"organisation_type\", \"yes_no\", found \"shoe_size\""},
        {"join field without a section", [](json& j) { j["join"]["fields"][3].erase("section"); },
         "join.fields[3].section", "required but missing"},
        {"join field in an unknown email section", [](json& j) { j["join"]["fields"][3]["section"] = "footer"; },
         "join.fields[3].section", "expected one of \"request\", \"contact\", \"billing\", \"message\", found \"footer\""},
        {"join field with two autocomplete tokens", [](json& j) { j["join"]["fields"][0]["autocomplete"] = "organization name"; },
         "join.fields[0].autocomplete", "expected one autocomplete token"},
        {"a second tier field", [](json& j) { j["join"]["fields"][0]["kind"] = "tier"; },
         "join.fields", "expected exactly one field of kind \"tier\", found 2"},
        {"no organisation type field", [](json& j) { j["join"]["fields"][1]["kind"] = "text"; },
         "join.fields", "expected exactly one field of kind \"organisation_type\", found 0"},
        {"duplicate join field", [](json& j) { j["join"]["fields"][2]["id"] = "institution"; },
         "join.fields[2].id", "duplicate id \"institution\""},
        {"a goal naming an unknown right", [](json& j) { j["calculator_goals"][0]["right"] = "veto"; },
         "calculator_goals[0].right", "unknown governance right \"veto\""},
        {"a goal without its phrase", [](json& j) { j["calculator_goals"][1].erase("wants"); },
         "calculator_goals[1].wants", "required but missing"},
        {"join field with zero length", [](json& j) { j["join"]["fields"][0]["max_length"] = 0; },
         "join.fields[0].max_length", "expected an integer from 1 to 100000, found 0"},
        {"currency code in lower case", [](json& j) { j["currencies"][0]["code"] = "usd"; },
         "currencies[0].code", "expected a three-letter ISO 4217 code"},
        {"goals missing", [](json& j) { j.erase("goals"); }, "goals", "required but missing"},
        {"price variant for an unknown income group",
         [](json& j) { j["schedule"]["price_variants"] = json::array({{{"tier", "associate"}, {"income_group", "lmic"}, {"annual_fee", {{"amount", 100000}, {"currency", "USD"}}}}}); },
         "schedule.price_variants[0].income_group", "unknown income group \"lmic\""},
        {"top level is an array", [](json& j) { j = json::array({1, 2}); }, "(top level)", "expected a JSON object, found an array"},
    };
    for (const Case& c : cases) {
        SUBCASE(c.name) {
            json j = shipped_json();
            c.mutate(j);
            check_error(j.dump(1), c.path, c.message);
        }
    }
}

TEST_CASE("unknown future fields are ignored") {
    json j = shipped_json();
    j["newsletter"] = {{"url", "https://example.org"}};
    j["schedule"]["tiers"][0]["colour"] = "gold";
    const MembershipData d = load_membership(j.dump(), "future.json");
    CHECK(d.schedule.tiers[0].annual_fee.amount == 1000000);
}

TEST_CASE("a JSON syntax error gives line and column") {
    SUBCASE("a missing comma on line 3: the position is the end of the unexpected token, as nlohmann reports it") {
        check_error("{\n \"schema_version\": 1,\n \"source\": \"x\" \"intro\": 2\n}", "line 3, column 22", "JSON syntax error");
    }
    SUBCASE("a truncated file") {
        const std::string full = read_text_file(iiifc_test::assets_path("membership.json"));
        try {
            load_membership(full.substr(0, 500), "truncated.json");
            FAIL("loaded a truncated file");
        } catch (const DataError& e) {
            CHECK(e.path().rfind("line ", 0) == 0);
            CHECK(e.message().find("JSON syntax error") == 0);
        }
    }
    SUBCASE("an empty file") { check_error("", "line 1, column 1", "JSON syntax error"); }
    SUBCASE("columns count characters, not bytes") {
        check_error("{\"intro\": \"\xC3\xA9\xC3\xA9\" x}", "line 1, column 16", "JSON syntax error");
    }
}

TEST_CASE("try_load_membership reports instead of throwing") {
    const LoadResult bad = try_load_membership("{", "membership.json");
    CHECK_FALSE(bad.data.has_value());
    CHECK(bad.error.rfind("membership.json: line 1, column 2: JSON syntax error", 0) == 0);
    const LoadResult good = try_load_membership(read_text_file(iiifc_test::assets_path("membership.json")), "membership.json");
    REQUIRE(good.data.has_value());
    CHECK(good.error.empty());
}

TEST_CASE("a missing file names the file") {
    CHECK_THROWS_WITH_AS(read_text_file("/nonexistent/membership.json"), "/nonexistent/membership.json: cannot open the file", DataError);
}
