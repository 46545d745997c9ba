// The tier comparison's model (comparison_model.h): the cells every output draws, for both
// schedules of the shipped data.
#include "comparison_model.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;

namespace {

std::vector<std::string> lines(const ComparisonRow& row) {
    std::vector<std::string> out;
    for (const ComparisonCell& c : row.cells) out.push_back(cell_line(c));
    return out;
}

}  // namespace

TEST_CASE("the 2026 comparison: three columns, the fee row with its label and the LMIC price, benefits marked where they differ") {
    const ComparisonModel m = comparison_model(iiifc_test::schedule_2026());
    CHECK(m.caption == "Membership tiers compared");
    CHECK(m.columns == std::vector<std::string>{"Champion membership", "Full membership", "Associate membership"});
    CHECK(m.short_columns == std::vector<std::string>{"Champion", "Full", "Associate"});
    REQUIRE(m.rows.size() == 13);
    CHECK(row_label(m.rows[0]) == "\u25C6 Annual contribution");
    CHECK(m.rows[0].cells[2] ==
          ComparisonCell{CellKind::fee,
                         "US$2,500",
                         {"annual sustaining contribution", "US$1,000 for institutions in low- and middle-income countries"},
                         ""});
    CHECK(lines(m.rows[0]) ==
          std::vector<std::string>{"US$16,000 annual sustaining contribution", "US$8,000 annual sustaining contribution",
                                   "US$2,500 annual sustaining contribution US$1,000 for institutions in low- and "
                                   "middle-income countries"});
    CHECK(row_label(m.rows[5]) == "\u25C6 Free Annual Conference registration");
    CHECK(lines(m.rows[5]) == std::vector<std::string>{"\u2713 One", "\u2713 One", "\u2014 Not included"});
    CHECK(row_label(m.rows[7]) == "Priority registration for regional and special events");
    CHECK(!m.rows[7].differs);
    CHECK(m.rows[1].cells[1] == ComparisonCell{CellKind::not_included, "Not included", {}, ""});
    REQUIRE(m.add_ons.size() == 3);
    CHECK(m.add_ons[0].rfind("Optional add-on: Allmaps, US$2,000 a year. Access to a set of new Allmaps features", 0) == 0);
    REQUIRE(m.tiers.size() == 3);
    CHECK(m.tiers[0].heading == "Champion membership \u2014 US$16,000 annual sustaining contribution");
    CHECK(m.period == "Fees effective from 2026-01-01.");
    CHECK(m.differs_note == "Rows marked \u25C6 differ between tiers.");
}

TEST_CASE("the 2020-2025 comparison: two columns, no add-ons, the seed's wording") {
    const ComparisonModel m = comparison_model(iiifc_test::shipped());
    CHECK(m.columns == std::vector<std::string>{"Full membership", "Associate membership"});
    REQUIRE(!m.rows.empty());
    CHECK(lines(m.rows[0]) ==
          std::vector<std::string>{"US$10,000 annual sustaining contribution", "US$2,500 annual sustaining contribution"});
    CHECK(m.rows.size() == 1 + iiifc_test::shipped().benefits.size());
    CHECK(m.add_ons.empty());
    CHECK(m.tiers[1].heading == "Associate membership \u2014 US$2,500 annual sustaining contribution");
    CHECK(m.period == "Fees effective from 2020-07-01 until 2025-12-31.");
    for (const ComparisonRow& r : m.rows)
        for (const ComparisonCell& c : r.cells)
            if (c.kind == CellKind::included) CHECK(!c.detail.empty());  // every benefit has the page's own sentence
}
