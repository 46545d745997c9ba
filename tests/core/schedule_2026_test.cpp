// The consortium's schedule from 2026 (assets/membership.json, on 2026-12-07): four prices over
// three tiers, three add-ons, and a lower price for countries the World Bank classifies as low- or
// middle-income (its FY2026 classification, in the data).
#include "calculator.h"
#include "eligibility.h"
#include "html_render.h"
#include "join_request.h"
#include "money_format.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::schedule_2026;

TEST_CASE("the 2026 schedule loads") {
    const MembershipData& d = schedule_2026();
    CHECK(d.schedule.effective_from == "2026-01-01");
    REQUIRE(d.schedule.tiers.size() == 3);
    CHECK(format_money(d.find_tier("champion")->annual_fee, d) == "US$16,000");
    CHECK(format_money(d.find_tier("full")->annual_fee, d) == "US$8,000");
    CHECK(format_money(d.find_tier("associate")->annual_fee, d) == "US$2,500");
    REQUIRE(d.schedule.add_ons.size() == 3);
    CHECK(d.schedule.add_ons[0].name == "Allmaps");
    CHECK(d.schedule.add_ons[1].name == "Community Development Fund");
    CHECK(d.schedule.add_ons[2].name == "Strategic Initiatives Fund");
    for (const AddOn& a : d.schedule.add_ons) CHECK(format_money(a.annual_fee, d) == "US$2,000");
    CHECK(d.schedule.price_variants.size() == 1);
    CHECK(d.find_tier("full")->conference_registrations_included == 1);
    CHECK(d.join.email == "staff@iiif.io");
    CHECK(d.find_tier("champion")->benefits.size() == 4 + d.find_tier("full")->benefits.size());  // all of Full's too
}

TEST_CASE("an associate in a low- or middle-income country pays US$1,000") {
    const MembershipData& d = schedule_2026();
    Profile p;
    p.country = "KE";
    p.years = 2;
    std::string note;
    CHECK(tier_fee_for(d, *d.find_tier("associate"), "KE", &note) == Money{100000, "USD"});  // lower middle income
    CHECK(note == "for institutions in low- and middle-income countries");
    CHECK(tier_fee_for(d, *d.find_tier("associate"), "AF", &note) == Money{100000, "USD"});  // low income
    CHECK(tier_fee_for(d, *d.find_tier("associate"), "BR", &note) == Money{100000, "USD"});  // upper middle income
    CHECK(tier_fee_for(d, *d.find_tier("associate"), "ET", &note) == Money{250000, "USD"});  // unclassified in FY2026
    CHECK(tier_fee_for(d, *d.find_tier("associate"), "FR", &note) == Money{250000, "USD"});
    CHECK(note.empty());
    CHECK(tier_fee_for(d, *d.find_tier("full"), "KE") == Money{800000, "USD"});
    const Estimate e = estimate(d, d.assumptions, p, *d.find_tier("associate"));
    CHECK(e.total_contribution == Money{200000, "USD"});
    CHECK(e.price_note == "for institutions in low- and middle-income countries");
}

TEST_CASE("add-ons add US$2,000 each a year") {
    const MembershipData& d = schedule_2026();
    Profile p;
    p.years = 3;
    p.add_ons = {"allmaps", "strategic_initiatives_fund", "unknown"};
    const Estimate e = estimate(d, d.assumptions, p, *d.find_tier("full"));
    CHECK(e.annual_add_ons == Money{400000, "USD"});
    CHECK(e.annual_contribution == Money{1200000, "USD"});
    CHECK(e.total_contribution == Money{3600000, "USD"});
}

TEST_CASE("included conference registrations are worth the full non-member price") {
    const MembershipData& d = schedule_2026();
    Profile p;
    p.conference_attendees = 3;
    const std::vector<Estimate> all = compare_tiers(d, d.assumptions, p);
    REQUIRE(all.size() == 3);
    CHECK(all[0].annual_conference_saving == Money{1 * 50000 + 2 * 25000, "USD"});  // champion: Full's 1 free
    CHECK(all[1].annual_conference_saving == Money{1 * 50000 + 2 * 25000, "USD"});  // full: 1 free
    CHECK(all[2].annual_conference_saving == Money{3 * 25000, "USD"});              // associate
}

TEST_CASE("recommendation and rights across three tiers") {
    const MembershipData& d = schedule_2026();
    Goals g;
    g.set("executive_vote", true);
    CHECK(recommend(d, d.assumptions, Profile{}, g).tier == "full");  // cheaper than champion
    g.annual_budget = 300000;
    const Recommendation over = recommend(d, d.assumptions, Profile{}, g);
    CHECK(over.tier == "full");
    CHECK_FALSE(over.within_budget);
    for (const RightAnswer& a : rights_for(d, "museum", "champion")) CHECK(a.grant == Grant::yes);
    CHECK(trc_what_if(d).members_now == 24);
    CHECK(trc_what_if(d).cap_now == 12);
    CHECK(trc_what_if(d).cap_if_joined == 13);
}

TEST_CASE("the fallback lists the 2026 prices, the variant and the add-ons") {
    const std::string html = render_fallback_html(schedule_2026(), "2026-12-07");
    CHECK(html.find("<h3>Champion membership \u2014 US$16,000 annual sustaining contribution</h3>") != std::string::npos);
    CHECK(html.find("<td><strong>US$2,500</strong><br><small>annual sustaining contribution</small><br><small>US$1,000 for institutions "
                    "in low- and middle-income countries</small></td>") != std::string::npos);
    CHECK(html.find("<li>Optional add-on: Allmaps, US$2,000 a year. ") != std::string::npos);
    CHECK(html.find("class=\"warning\"") == std::string::npos);
    // The data's instructions, the address a link (the page said its own sentence before).
    CHECK(html.find(
              "<h2>How to join</h2>\n<p>To join the IIIF Consortium, send an email to <a href=\"mailto:staff@iiif.io\">staff@iiif.io</a> "
              "with your intent to join.</p>\n") != std::string::npos);
}

TEST_CASE(
    "Associate by country on 2026-12-07: US$1,000 in a low- or middle-income country, US$2,500 in a high-income one, both when unknown") {
    const MembershipData& d = schedule_2026();
    const Tier& associate = *d.find_tier("associate");
    CHECK(price_choice_sentence(d, associate, "KE") == "");
    CHECK(price_choice_sentence(d, associate, "NO") == "");
    const std::string who =
        "Associate membership: US$2,500, or US$1,000 for institutions in low- and middle-income countries "
        "(World Bank income classification for fiscal year 2026); ";
    CHECK(price_choice_sentence(d, associate, "") == who + "choose your country to see which applies.");
    CHECK(price_choice_sentence(d, associate, "VE") ==
          who + "Venezuela, Bolivarian Republic of is not in that classification: ask the consortium which applies.");
    CHECK(price_choice_sentence(d, *d.find_tier("full"), "") == "");  // one price whatever the country

    JoinRequest r;
    r.at("tier") = "associate";
    auto fee_line = [&](const std::string& country) {
        r.at("country") = country;
        const std::string body = email_body(r, d);
        const std::size_t at = body.find("Annual contribution: ");
        return body.substr(at, body.find('\n', at) - at);
    };
    CHECK(fee_line("KE") == "Annual contribution: US$1,000 (for institutions in low- and middle-income countries)");
    CHECK(fee_line("NO") == "Annual contribution: US$2,500");
    CHECK(fee_line("") == "Annual contribution: " + who + "choose your country to see which applies.");
    r.at("country") = "KE";
    CHECK(email_body(r, d).find("Country: Kenya\nWebsite: -\nMembership tier: Associate membership\nAnnual contribution: US$1,000 (") !=
          std::string::npos);
    CHECK(email_body(r, d).find("Fee schedule: Fees from 2026 (from 2026-01-01)\n") != std::string::npos);
}

TEST_CASE("the summary names the add-ons chosen and their price, and the costs' lines say the price applied") {
    const MembershipData& d = schedule_2026();
    Profile p;
    p.tier = "associate";
    p.country = "KE";
    p.add_ons = {"allmaps"};
    const std::string html = render_summary_html(d, d.assumptions, p, JoinRequest{}, "2026-12-07");
    CHECK(html.find("<tr><th scope=\"row\">Annual contribution</th><td>US$3,000</td></tr>\n") != std::string::npos);
    CHECK(html.find("</table>\n<p>Associate: for institutions in low- and middle-income countries.</p>\n"
                    "<p>Add-on included each year: Allmaps, US$2,000.</p>\n") != std::string::npos);
    const std::vector<std::string> lines = price_lines(d, p, compare_tiers(d, d.assumptions, p));
    CHECK(lines ==
          std::vector<std::string>{"Associate: for institutions in low- and middle-income countries.",
                                   "Add-on included each year: Allmaps, US$2,000."});
}

TEST_CASE("Champion's 'direct your support' is asked, checked and written only for a Champion request") {
    const MembershipData& d = schedule_2026();
    const JoinField* f = d.join.find_field("supported_initiative");
    REQUIRE(f != nullptr);
    CHECK(f->for_tiers == std::vector<std::string>{"champion"});
    JoinRequest r;
    r.at("tier") = "full";
    r.at("supported_initiative") = std::string(1001, 'x');  // too long, but not asked of a Full member
    CHECK_FALSE(field_asked(r, *f, d));
    CHECK(errors_for(validate(r, d), "supported_initiative").empty());
    CHECK(email_body(r, d).find("Initiatives or developments") == std::string::npos);
    r.at("tier") = "champion";
    CHECK(field_asked(r, *f, d));
    CHECK(errors_for(validate(r, d), "supported_initiative") ==
          std::vector<FieldError>{
              {"supported_initiative", "Initiatives or developments your support goes to is too long: 1001 characters, at most 1000."}});
    r.at("supported_initiative") = "The Community Development Fund";
    CHECK(email_body(r, d).find("Fee schedule: Fees from 2026 (from 2026-01-01)\nInitiatives or developments your support goes to: The "
                                "Community Development Fund\n") != std::string::npos);
}
