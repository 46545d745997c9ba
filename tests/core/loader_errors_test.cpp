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

// Where `offset` is, counted here independently of the loader: 1-based line, and column in
// characters (UTF-8 continuation bytes do not count).
std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

void check_error(const std::string& text, const char* path, const char* message) {
    try {
        load_membership(text, "broken.json");
        FAIL("the file loaded, but should have been rejected");
    } catch (const DataError& e) {
        CHECK(e.file() == "broken.json");
        CHECK(e.path() == path);
        CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
        const std::string where = e.line() > 0 ? " (line " + std::to_string(e.line()) + ", column " + std::to_string(e.column()) + ")" : "";
        CHECK(std::string(e.what()) == "broken.json: " + std::string(path) + where + ": " + e.message());
    }
}

}  // namespace

TEST_CASE("the shipped data loads without error") { CHECK_NOTHROW(iiifc_test::shipped()); }

// The table is data (tests/data/malformed-cases.json), so the schema test runs the same cases.
TEST_CASE("malformed data files name the path and the expectation") {
    const json table = json::parse(read_text_file(iiifc_test::test_data_path("malformed-cases.json")));
    REQUIRE(table.at("cases").size() == 51);
    for (const json& c : table.at("cases")) {
        SUBCASE(c.at("name").get<std::string>().c_str()) {
            const json broken = shipped_json().patch(c.at("patch"));
            check_error(broken.dump(1), c.at("path").get<std::string>().c_str(), c.at("message").get<std::string>().c_str());
        }
    }
}

TEST_CASE("validation errors give the line and column of the value, or of the object missing a key") {
    SUBCASE("a wrong value: the value's first character") {
        json j = shipped_json();
        j["schedules"][0]["tiers"][1]["annual_fee"]["amount"] = "2500 US dollars";
        const std::string text = j.dump(2);
        try {
            load_membership(text, "broken.json");
            FAIL("loaded");
        } catch (const DataError& e) {
            const auto [line, column] = line_and_column(text, text.find("\"2500 US dollars\""));
            CHECK(e.line() == line);
            CHECK(e.column() == column);
            CHECK(line > 100);
        }
    }
    SUBCASE("a missing key: the '{' of the object that lacks it") {
        const std::string text = "{\n  \"schema_version\": 1,\n  \"currencies\": [\n    {\"code\": \"USD\", \"minor_units\": 2}\n  ]\n}";
        try {
            load_membership(text, "small.json");
            FAIL("loaded");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()) == "small.json: currencies[0].symbol (line 4, column 5): required but missing");
        }
    }
    SUBCASE("a key written with escapes, after non-ASCII text on the same line") {
        const std::string text = "{\"schema_version\": 1, \"note\": \"\xC3\xA9t\xC3\xA9\", \"currencies\": [{\"c\\u006fde\": \"usd\"}]}";
        try {
            load_membership(text, "escaped.json");
            FAIL("loaded");
        } catch (const DataError& e) {
            CHECK(e.path() == "currencies[0].code");
            CHECK(e.line() == 1);
            CHECK(e.column() == 67);  // the 67th character is the opening quote of "usd"
        }
    }
}

TEST_CASE("unknown future fields are ignored") {
    json j = shipped_json();
    j["newsletter"] = {{"url", "https://example.org"}};
    j["schedules"][0]["tiers"][0]["colour"] = "gold";
    const MembershipData d = load_membership(j.dump(), "future.json");
    CHECK(d.schedules[0].tiers[0].annual_fee.amount == 1000000);
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

// The page hands the app the file's bytes as the server sent them (web/app.js).
TEST_CASE("the file's bytes: a byte-order mark is skipped, bytes that are not UTF-8 are reported") {
    const std::string shipped = read_text_file(iiifc_test::assets_path("membership.json"));
    const MembershipData with_bom = load_membership("\xEF\xBB\xBF" + shipped, "membership.json");
    CHECK(with_bom.schedule.tiers.size() == load_membership(shipped, "membership.json").schedule.tiers.size());
    // A Latin-1 "é" (one byte, 0xE9) where UTF-8 has two, as an editor saving in another encoding
    // writes it: the position is just after that byte, like every syntax error's.
    check_error("{\n \"intro\": \"Caf\xE9\"\n}", "line 2, column 16", "ill-formed UTF-8 byte");
}

TEST_CASE("try_load_membership reports instead of throwing") {
    const LoadResult bad = try_load_membership("{", "membership.json");
    CHECK_FALSE(bad.data.has_value());
    CHECK(bad.error.rfind("membership.json: line 1, column 2: JSON syntax error", 0) == 0);
    const LoadResult invalid = try_load_membership("{\n \"schema_version\": \"1\"\n}", "membership.json");
    CHECK(invalid.error == "membership.json: schema_version (line 2, column 20): expected an integer, found string \"1\"");
    const LoadResult good = try_load_membership(read_text_file(iiifc_test::assets_path("membership.json")), "membership.json");
    REQUIRE(good.data.has_value());
    CHECK(good.error.empty());
}

TEST_CASE("a missing file names the file") {
    CHECK_THROWS_WITH_AS(read_text_file("/nonexistent/membership.json"), "/nonexistent/membership.json: cannot open the file", DataError);
}
