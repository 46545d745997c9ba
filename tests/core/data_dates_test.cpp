// Dates that protect the reader, with a fixed clock: the shipped fees ended on 2025-11-30, and
// every output says so from the day after.
#include "data_changes.h"
#include "data_dates.h"
#include "html_render.h"
#include "schedules.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <ctime>

using namespace iiifc;
using iiifc_test::shipped;

TEST_CASE("ISO dates are real calendar days") {
    CHECK(is_iso_date("2025-11-30"));
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2025-02-29"));
    CHECK_FALSE(is_iso_date("2025-11-31"));
    CHECK_FALSE(is_iso_date("2025-13-01"));
    CHECK_FALSE(is_iso_date("2025-1-01"));
    CHECK_FALSE(is_iso_date("27/05/2026"));
    CHECK_FALSE(is_iso_date(""));
    CHECK(iso_date_utc(0) == "1970-01-01");
    CHECK(iso_date_utc(1764547199) == "2025-11-30");  // 23:59:59 UTC
    CHECK(iso_date_utc(1764547200) == "2025-12-01");
    CHECK(iso_date_utc(1709164800) == "2024-02-29");  // a leap day
    CHECK(iso_date_utc(951868799) == "2000-02-29");   // 2000 is a leap year, 1900 and 2100 are not
    if (sizeof(std::time_t) >= 8) CHECK(iso_date_utc(static_cast<std::time_t>(4107542400LL)) == "2100-03-01");
    CHECK(iso_date_utc(-1) == "1969-12-31");
}

TEST_CASE("the UTC date is the C library's, day by day over three centuries") {
    // Arithmetic in iso_date_utc (no time zone read); gmtime is the reference.
    // 1900 to 2200 where time_t has 64 bits; its 32-bit range (1901 to 2038) in WebAssembly.
    for (long long seconds = -2208988800LL; seconds < 7258118400LL; seconds += 86400 * 7 + 3607) {
        const std::time_t t = static_cast<std::time_t>(seconds);
        if (static_cast<long long>(t) != seconds) continue;
        std::tm tm{};
#if defined(_WIN32)
        gmtime_s(&tm, &t);
#else
        gmtime_r(&t, &tm);
#endif
        char expected[16];
        std::strftime(expected, sizeof expected, "%Y-%m-%d", &tm);
        REQUIRE_MESSAGE(iso_date_utc(t) == expected, "at ", seconds);
    }
}

TEST_CASE("the seed's schedule ends on 2025-12-31; shown later, it says the fees in force are another's") {
    CHECK(shipped().schedule.effective_until == "2025-12-31");
    CHECK(shipped().reviewed == "2026-05-27");
    CHECK(fee_date_warning(shipped(), "2025-06-01") == "");
    CHECK(fee_date_warning(shipped(), "2025-12-31") == "");
    CHECK(fee_date_warning(shipped(), "2026-12-07") ==
          "These fees applied until 2025-12-31 and are no longer in force; the fees in force today are Fees from 2026.");
    CHECK(fee_period_sentence(shipped().schedule) == "Fees effective from 2020-07-01 until 2025-12-31.");
}

TEST_CASE("the schedule in force on a date, and days after") {
    const MembershipData& d = shipped();
    CHECK(schedule_for_date(d, "2020-06-30") == 0);  // before any: the first
    CHECK(schedule_for_date(d, "2025-12-31") == 0);
    CHECK(schedule_for_date(d, "2026-01-01") == 1);
    CHECK(schedule_for_date(d, "2026-12-07") == 1);
    CHECK(find_schedule(d, "2026") == 1);
    CHECK(find_schedule(d, "2023") == 0);  // a year the schedule covers
    CHECK(find_schedule(d, "1999") == 2);  // none
    CHECK(day_after("2025-12-31") == "2026-01-01");
    CHECK(day_after("2024-02-28") == "2024-02-29");
    CHECK(day_after("2025-02-28") == "2025-03-01");
    CHECK(day_after("2025-11-30") == "2025-12-01");
    MembershipData ended = d;
    ended.schedules.back().effective_until = "2026-06-30";
    show_schedule_for_date(ended, "2026-12-07");
    CHECK(ended.shown == 1);  // the last to have begun, with its end said
    CHECK(fee_date_warning(ended, "2026-12-07") == "These fees applied until 2026-06-30; ask staff@iiif.io for current fees.");
    MembershipData announced = d;
    show_schedule(announced, 1);
    CHECK(fee_date_warning(announced, "2025-06-01") == "These fees apply from 2026-01-01; they are not yet in force.");
}

TEST_CASE("data not reviewed for over a year is said to be so") {
    MembershipData d = shipped();
    d.schedule.effective_until.clear();
    d.reviewed = "2024-10-01";
    CHECK(fee_date_warning(d, "2025-10-01") == "");
    CHECK(fee_date_warning(d, "2025-10-02") ==
          "This information was last reviewed on 2024-10-01, over a year ago; ask admin@iiif.io for current fees.");
    SUBCASE("a review on a leap day is a year old after the 28th of February") {
        d.reviewed = "2024-02-29";
        CHECK(fee_date_warning(d, "2025-02-28") == "");
        CHECK(fee_date_warning(d, "2025-03-01") != "");
    }
    SUBCASE("an ended schedule is the one thing said") {
        d.schedule.effective_until = "2025-06-30";
        CHECK(fee_date_warning(d, "2026-01-01") ==
              "These fees applied until 2025-06-30 and are no longer in force; the fees in force today are Fees from 2026.");
    }
    SUBCASE("without dates nothing is said") {
        d.reviewed.clear();
        CHECK(fee_date_warning(d, "2099-01-01") == "");
        CHECK(fee_period_sentence(d.schedule) == "Fees effective from 2020-07-01.");
    }
}

TEST_CASE("every view's foot says when the data was reviewed and where it comes from") {
    CHECK(data_provenance_sentence(shipped()) ==
          "Data reviewed 2026-05-27. Source: IIIF Consortium 'Join' page (community/consortium/join.md), in force 2020-07 to 2025-12.");
    MembershipData d = shipped();
    d.reviewed.clear();
    CHECK(data_provenance_sentence(d) ==
          "Source: IIIF Consortium 'Join' page (community/consortium/join.md), in force 2020-07 to 2025-12.");
}

TEST_CASE("the no-JavaScript page and the summary carry the warning next to the fees") {
    const std::string warning =
        "<p class=\"warning\" role=\"note\"><strong>These fees applied until 2025-12-31 and are no longer in force; the fees in force "
        "today are Fees from 2026.</strong></p>\n";
    const std::string fallback_late = render_fallback_html(shipped(), "2026-01-01");
    const std::size_t at = fallback_late.find(warning);
    REQUIRE(at != std::string::npos);
    const std::string wording = "<h2>What the tiers include, as the consortium words it</h2>\n";
    CHECK(fallback_late.find(wording) + wording.size() == at);  // right under the heading, above the fees
    CHECK(fallback_late.find("Fees effective from 2020-07-01 until 2025-12-31. Source:") != std::string::npos);
    CHECK(render_fallback_html(shipped(), "2025-06-01").find("class=\"warning\"") == std::string::npos);

    Profile p;
    p.tier = "full";
    const std::string summary_late = render_summary_html(shipped(), shipped().assumptions, p, JoinRequest{}, "2026-01-01");
    CHECK(summary_late.find("Fees effective from 2020-07-01 until 2025-12-31.</p>\n" + warning + "<h2>Over") != std::string::npos);
    CHECK(render_summary_html(shipped(), shipped().assumptions, p, JoinRequest{}, "2025-06-01").find("class=\"warning\"") ==
          std::string::npos);
}

TEST_CASE("what a new data file changes, in lines to check before publishing") {
    MembershipData after = shipped();
    CHECK(describe_changes(shipped(), after).empty());
    after.schedule.tiers[0].annual_fee.amount = 1200000;
    after.schedule.tiers[1].benefits[0].text = "Discounts on all training";
    after.schedule.tiers[1].benefits.pop_back();
    Tier champion = after.schedule.tiers[0];
    champion.id = "champion";
    champion.name = "Champion membership";
    champion.annual_fee.amount = 1600000;
    after.schedule.tiers.insert(after.schedule.tiers.begin(), champion);
    after.schedule.effective_until = "";
    after.snapshot.members.pop_back();
    after.snapshot.date = "2026-11-01";
    const std::vector<std::string> expected = {
        "Fee of Full membership: US$10,000 -> US$12,000",
        "Benefit of Associate membership reworded: \"Discounts on training and workshops\" -> \"Discounts on all training\"",
        "Benefit removed from Associate membership: " + shipped().schedule.tiers[1].benefits.back().text,
        "Tier added: Champion membership (US$16,000)",
        "Fees effective: 2020-07-01 to 2025-12-31 -> 2020-07-01 to (none)",
        "Members: 71 (2026-05-27) -> 70 (2026-11-01)",
    };
    CHECK(describe_changes(shipped(), after) == expected);
}

TEST_CASE("changes of the 2026 schedule's add-ons and income-group prices are named too") {
    const MembershipData& before = iiifc_test::schedule_2026();
    MembershipData after = before;
    REQUIRE(after.schedule.add_ons.size() >= 2);
    REQUIRE(after.schedule.price_variants.size() == 1);
    after.schedule.add_ons[0].annual_fee.amount += 50000;
    const AddOn dropped = after.schedule.add_ons.back();
    after.schedule.add_ons.pop_back();
    after.schedule.price_variants[0].annual_fee.amount = 90000;
    const PriceVariant& v = before.schedule.price_variants[0];
    const std::vector<std::string> expected = {
        "Fee of add-on " + before.schedule.add_ons[0].name + ": US$2,000 -> US$2,500",
        "Add-on removed: " + dropped.name,
        "Price of " + v.tier + " (" + (v.label.empty() ? v.income_group : v.label) + "): US$1,000 -> US$900",
    };
    CHECK(describe_changes(before, after) == expected);
}
