// Members from the consortium's CSV: the shipped list reproduces the shipped file byte for byte;
// changes are summarised; every mistake names the CSV's line and column, and nothing is returned.
#include "data_loader.h"
#include "members_import.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace iiifc;

namespace {

const std::string& shipped_text() {
    static const std::string text = read_text_file(iiifc_test::assets_path("membership.json"));
    return text;
}

const std::string& shipped_csv() {
    static const std::string text = read_text_file(iiifc_test::assets_path("members.csv"));
    return text;
}

MembersImport run(const std::string& csv, const std::string& date = "2026-05-27") {
    return import_members_csv(csv, "members.csv", shipped_text(), "membership.json", date);
}

std::string replace_line(std::string csv, const std::string& starts_with, const std::string& by) {
    const std::size_t at = csv.find("\n" + starts_with) + 1;
    csv.replace(at, csv.find('\n', at) - at, by);
    return csv;
}

std::string error_of(const std::string& csv) {
    const MembersImport r = run(csv);
    CHECK_FALSE(r.ok);
    CHECK(r.json_text.empty());
    return r.error;
}

}  // namespace

TEST_CASE("importing the consortium's 2026-05 list reproduces the shipped data file byte for byte") {
    const MembersImport r = run(shipped_csv());
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.json_text == shipped_text());
    CHECK(r.joined.empty());
    CHECK(r.left.empty());
    CHECK(r.changed.empty());
    CHECK(r.summary.front() == "Members: 71 -> 71 (Champion 0, Full 47, Associate 24 -> Champion 0, Full 47, Associate 24)");
}

TEST_CASE("a member joins, one leaves, one changes level: the summary and the governance counts follow") {
    std::string csv = replace_line(shipped_csv(), "Vatican Library,", "");
    csv = replace_line(csv, "Yale University,", "Yale University,Associate,1,yes,https://www.yale.edu/");
    csv += "\"Example Library, Archive and Museum\",associate,,,\n";
    const MembersImport r = run(csv, "2026-11-01");
    REQUIRE_MESSAGE(r.ok, r.error);
    const std::vector<std::string> summary = {
        "Members: 71 -> 71 (Champion 0, Full 47, Associate 24 -> Champion 0, Full 45, Associate 26)",
        "Snapshot date: 2026-05-27 -> 2026-11-01",
        "Joined: 1, left: 1, changed: 1",
        "  + Example Library, Archive and Museum (Associate)",
        "  - Vatican Library (Full)",
        "  * Yale University: Full -> Associate",
        "Technical Review Committee: up to 12 -> 13 elected Associate representatives",
        "Executive Committee seats held by commercial organisations: 0 -> 0 (limit 3); kept, as the CSV has no commercial and executive_committee columns",
    };
    CHECK(r.summary == summary);
    const MembershipData d = load_membership(r.json_text, "new.json");
    CHECK(d.snapshot.date == "2026-11-01");
    CHECK(d.snapshot.members.back().name == "Example Library, Archive and Museum");
    CHECK(d.snapshot.count_in_tier("associate") == 26);

    SUBCASE("only the snapshot's date and members changed; the new entry is in the file's indentation") {
        const std::string& old = shipped_text();
        const std::size_t head = old.find("  \"date\": \"2026-05-27\"");
        CHECK(r.json_text.compare(0, head, old, 0, head) == 0);
        const std::size_t tail_old = old.find("\n  ]\n }", head), tail_new = r.json_text.find("\n  ]\n }", head);
        CHECK(r.json_text.substr(tail_new) == old.substr(tail_old));
        CHECK(r.json_text.find("\n   {\n    \"name\": \"Example Library, Archive and Museum\",\n    \"tier\": \"associate\"\n   }\n  ]") !=
              std::string::npos);
    }
}

TEST_CASE("the commercial and executive_committee columns give the commercial seats held") {
    const std::string csv =
        "level,name,commercial,executive_committee\n"
        "Full,Kakadu Software,yes,yes\r\n"
        "Full,Example Corp,yes,\r\n"
        "\n"
        "Associate,Example Archive,no,yes\r\n";
    const MembersImport r = run("\xEF\xBB\xBF" + csv);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.summary.back() == "Executive Committee seats held by commercial organisations: 0 -> 1 (limit 3)");
    CHECK(load_membership(r.json_text, "new.json").snapshot.commercial_executive_seats_held == 1);
    SUBCASE("more than the limit is refused") {
        const std::string four =
            "name,level,commercial,executive_committee\nA,Full,yes,yes\nB,Full,yes,yes\nC,Full,yes,yes\nD,Full,yes,yes\n";
        CHECK(error_of(four) == "members.csv: 4 members are both commercial and on the Executive Committee, above its limit of 3");
    }
}

TEST_CASE("mistakes in the CSV name the line and column") {
    CHECK(error_of(replace_line(shipped_csv(), "Jisc,", "Jisc,Gold,3,,https://www.jisc.ac.uk/")) ==
          "members.csv: line 14, column 2 (level): unknown level \"Gold\" (known: Champion, Full, Associate)");
    CHECK(error_of(shipped_csv() + "british library,Associate,,,\n") ==
          "members.csv: line 73, column 1 (name): \"british library\" is listed twice (also on line 4)");
    CHECK(error_of(replace_line(shipped_csv(), "Jisc,", "Jisc,Full,3,maybe,https://www.jisc.ac.uk/")) ==
          "members.csv: line 14, column 4 (founding_2015): expected yes or no, found \"maybe\"");
    CHECK(error_of(replace_line(shipped_csv(), "Jisc,", "Jisc,Full")) ==
          "members.csv: line 14, column 3: expected 5 cells as in the header, found 2");
    CHECK(error_of(replace_line(shipped_csv(), "Jisc,", " ,Full,3,,https://www.jisc.ac.uk/")) ==
          "members.csv: line 14, column 1 (name): the name is empty");
    CHECK(
        error_of("name,tier\nX,Full\n") ==
        "members.csv: line 1: no \"level\" column in the header (expected name, level and optionally founding_2015, commercial, executive_committee)");
    CHECK(error_of("name,level,Name\n") == "members.csv: line 1, column 3 (name): the column appears twice in the header");
    CHECK(error_of("name,level\n\"Unclosed,Full\n") == "members.csv: line 2, column 1: a quoted cell is not closed");
    CHECK(error_of("name,level\nThe \"Best\" Library,Full\n") ==
          "members.csv: line 2, column 1: a quote inside a cell that does not start with one");
    CHECK(error_of("") == "members.csv: line 1: the file is empty (expected a header row: name,level,...)");
    CHECK(run(shipped_csv(), "2026-02-30").error == "--date: expected a date as YYYY-MM-DD, found \"2026-02-30\"");
}

TEST_CASE("a quoted name may hold commas and quotes; the header's order is free") {
    const MembersImport r = run("level,name\nFull,\"The \"\"Quoted\"\", Library\"\nassociate,  Spaced Out  \n");
    REQUIRE_MESSAGE(r.ok, r.error);
    const MembershipData d = load_membership(r.json_text, "new.json");
    REQUIRE(d.snapshot.members.size() == 2);
    CHECK(d.snapshot.members[0].name == "The \"Quoted\", Library");
    CHECK(d.snapshot.members[1].name == "Spaced Out");
    CHECK(d.snapshot.members[1].tier == "associate");
    SUBCASE("a line break inside a quoted name is refused, at the row's first line") {
        CHECK(error_of("name,level\nA,Full\n\"Two\nLines\",Full\n") ==
              "members.csv: line 3, column 1 (name): the name must be one line of UTF-8 text, without control characters");
    }
}

TEST_CASE("a file written without indentation stays compact") {
    const std::string compact = nlohmann::json::parse(shipped_text()).dump();
    const MembersImport r = import_members_csv("name,level\nSolo Library,Full\n", "m.csv", compact, "compact.json", "2026-11-01");
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.json_text.find("\"members\":[{\"name\":\"Solo Library\",\"tier\":\"full\"}]") != std::string::npos);
    CHECK(r.json_text.find('\n') == std::string::npos);
}

TEST_CASE("a file with Windows line ends keeps them") {
    std::string crlf;
    for (char c : shipped_text()) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const MembersImport r = import_members_csv(shipped_csv(), "members.csv", crlf, "membership.json", "2026-05-27");
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.json_text == crlf);
}
