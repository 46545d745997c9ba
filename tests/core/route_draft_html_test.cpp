// Deep links, the saved draft, and the static HTML (fallback and budget summary).
#include "draft.h"
#include "html_render.h"
#include "route.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::shipped;

TEST_CASE("deep links parse and format") {
    const Route r = parse_route("#/join?tier=associate&type=museum");
    CHECK(r.view == "join");
    CHECK(r.get("tier") == "associate");
    CHECK(r.get("type") == "museum");
    CHECK(format_route(r) == "#/join?tier=associate&type=museum");
    SUBCASE("round trip of encoded values") {
        Route x;
        x.view = "members";
        x.set("q", "Bibliothèque & co = 100%");
        const std::string s = format_route(x);
        CHECK(s == "#/members?q=Biblioth%C3%A8que%20%26%20co%20%3D%20100%25");
        CHECK(parse_route(s) == x);
    }
    SUBCASE("the route carries any view name (the UI decides what is a view); junk is skipped") {
        CHECK(parse_route("").view.empty());
        CHECK(parse_route("#").view.empty());
        CHECK(parse_route("#/nowhere?x=1").view == "nowhere");
        CHECK(parse_route("#/nowhere?x=1").get("x") == "1");
        CHECK(parse_route("#/" + std::string(65, 'v')).view.empty());
        CHECK(format_route(parse_route("#/a%20b?x=1")) == "#/a%20b?x=1");
        CHECK(parse_route("#/costs?=1&&a&b=2&%zz=%").params == std::vector<std::pair<std::string, std::string>>{{"b", "2"}, {"%zz", "%"}});
        CHECK(parse_route("governance").view == "governance");
    }
    SUBCASE("'+' in a query means a space; a repeated key keeps the last value") {
        CHECK(parse_route("#/members?q=British+Library&q=Yale").get("q") == "Yale");
        CHECK(parse_route("#/members?q=British+Library").get("q") == "British Library");
    }
    SUBCASE("setting an empty value removes the key") {
        Route x = parse_route("#/costs?years=3&type=museum");
        x.set("years", "");
        CHECK(format_route(x) == "#/costs?type=museum");
    }
}

TEST_CASE("a draft survives a save and restore") {
    Draft d = new_draft(shipped());
    CHECK(profile_of(d, shipped()).tier == "full");
    d.request.at("organisation_type") = "museum";
    d.request.at("tier") = "associate";
    d.calculator.years = 4;
    d.calculator.conference_attendees = 3;
    d.calculator.training_hours = 12;
    d.goals.set("executive_vote", true);
    d.goals.annual_budget = 500000;
    d.assumptions.conference_member_price.amount = 20000;
    d.assumptions.training_tier_hourly["associate"].amount = 15000;
    d.request.at("institution") = "Museum \"Ω\"";
    d.request.at("message") = "Hello\nworld";
    const DraftRestore r = draft_from_json(draft_to_json(d, shipped()), shipped());
    CHECK(r.ok);
    CHECK(r.notice.empty());
    CHECK(r.draft == d);
    const Profile p = profile_of(r.draft, shipped());  // the calculator reads the request's tier and type
    CHECK(p.tier == "associate");
    CHECK(p.organisation_type == "museum");
    CHECK(p.years == 4);
    CHECK(r.draft.goals.wanted == std::vector<std::string>{"executive_vote"});
}

TEST_CASE("a draft saved by the previous version (tier and type in both profile and request) restores") {
    const DraftRestore r = draft_from_json(
        "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{\"institution\":\"Yale\",\"organisation_type\":\"museum\","
        "\"tier\":\"associate\",\"years\":2},\"goals\":{\"executive_vote\":false,\"guaranteed_trc_seat\":true,"
        "\"annual_budget\":null},\"request\":{\"institution\":\"Yale\",\"organisation_type\":\"museum\",\"tier\":\"associate\","
        "\"purchase_order\":true}}",
        shipped());
    REQUIRE(r.ok);
    CHECK(r.notice.empty());
    CHECK(r.draft.request.get("institution") == "Yale");
    CHECK(r.draft.request.get("purchase_order") == "yes");
    CHECK(profile_of(r.draft, shipped()).tier == "associate");
    CHECK(r.draft.calculator.years == 2);
    CHECK(r.draft.goals.wanted == std::vector<std::string>{"guaranteed_trc_seat"});
    CHECK_FALSE(r.draft.goals.annual_budget.has_value());
}

TEST_CASE("corrupt or foreign drafts are ignored with a notice") {
    const Draft fresh = new_draft(shipped());
    for (const char* text : {"", "{", "null", "[1,2]", "{\"format\":\"something-else\",\"version\":1}",
                             "{\"format\":\"iiifc-draft\",\"version\":99,\"profile\":{}}",
                             "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{\"years\":\"three\"}}",
                             "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{},\"request\":{\"institution\":[]}}"}) {
        CAPTURE(text);
        const DraftRestore r = draft_from_json(text, shipped());
        CHECK_FALSE(r.ok);
        CHECK(r.draft == fresh);
        CHECK(r.notice.rfind("The saved draft could not be read and was ignored (saved draft: ", 0) == 0);
    }
}

TEST_CASE("a draft naming a tier that no longer exists keeps the rest") {
    const DraftRestore r = draft_from_json(
        "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{\"years\":3},\"request\":{\"tier\":\"gold\",\"institution\":\"Kept\"}}",
        shipped());
    CHECK(r.ok);
    CHECK(r.draft.request.get("tier") == "full");
    CHECK(r.draft.calculator.years == 3);
    CHECK(r.draft.request.get("institution") == "Kept");
    CHECK(r.notice == "The saved draft was restored, but the chosen tier \"gold\" no longer exists.");
}

TEST_CASE("the static fallback holds every tier, fee, condition, the TRC rule and the address") {
    const std::string html = render_fallback_html(shipped());
    CHECK(html.find("<h3>Full membership \u2014 US$10,000 annual sustaining contribution</h3>") != std::string::npos);
    CHECK(html.find("<h3>Associate membership \u2014 US$2,500 annual sustaining contribution</h3>") != std::string::npos);
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\">Associate membership</th>") != std::string::npos);
    CHECK(html.find("Only full members are eligible for voting rights on the Executive Committee.") != std::string::npos);
    CHECK(html.find(
              "Associate members may nominate a representative; up to 1/2 of the number of associate member institutions, rounding up, may "
              "be elected. Today there are 24 Associate member institutions, so up to 12 Associate representatives can be elected to the "
              "Technical Review Committee.") != std::string::npos);
    CHECK(html.find("<a href=\"mailto:admin@iiif.io\">admin@iiif.io</a>") != std::string::npos);
    // How to join has its own section: the page opened on #/join shows it first.
    CHECK(html.find("<section id=\"fallback-join\">\n<h2>How to join</h2>\n<p>To join the IIIF Consortium, send an email to "
                    "<a href=\"mailto:admin@iiif.io\">admin@iiif.io</a>.</p>\n</section>\n") != std::string::npos);
    CHECK(html.find("IIIF\u2019s supporting staff") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("HTML escaping") { CHECK(html_escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"); }

TEST_CASE("the budget holder's summary") {
    Profile p;
    p.organisation_type = "museum";
    p.tier = "associate";
    p.years = 3;
    p.conference_attendees = 2;
    JoinRequest r;
    r.at("institution") = "<Musée & Co>";
    const std::string html = render_summary_html(shipped(), shipped().assumptions, p, r);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<h1>IIIF Consortium membership: Associate membership</h1>") != std::string::npos);
    CHECK(html.find("Prepared for &lt;Musée &amp; Co&gt; (Museum)") != std::string::npos);
    CHECK(html.find("<h2>Over 3 years</h2>") != std::string::npos);
    SUBCASE("in the palette's light colours (palette.h), as printed") {
        CHECK(html.find("body{font:11pt/1.45 Inter,system-ui,sans-serif;color:#1b1f24;") != std::string::npos);
        CHECK(html.find("border-bottom:1px solid #c9d3dd;") != std::string::npos);  // h2: the border
        CHECK(html.find("border-bottom:1px solid #e8eef4;") != std::string::npos);  // rows: panel_alt
        CHECK(html.find(".muted{color:#4a5360;") != std::string::npos);
        CHECK(html.find(".warning{border-left:4px solid #b3261e;") != std::string::npos);
    }
    // The Costs view's rows (costs_model.h), in the tier's column.
    CHECK(html.find("<tr><th scope=\"row\">Annual contribution</th><td>US$2,500</td></tr>\n"
                    "<tr><th scope=\"row\">Total contribution</th><td><strong>US$7,500</strong></td></tr>\n"
                    "<tr><th scope=\"row\">Estimated value of member discounts</th><td>US$1,500</td></tr>\n"
                    "<tr><th scope=\"row\">Net cost</th><td><strong>US$6,000</strong></td></tr>\n") != std::string::npos);
    CHECK(html.find("<strong>No</strong>. Only full members are eligible for voting rights on the Executive Committee.") !=
          std::string::npos);
    CHECK(html.find("mailto:admin@iiif.io") != std::string::npos);
}

TEST_CASE("the add-ons are one choice for the join form and the calculator, kept by the draft") {
    const MembershipData& data = iiifc_test::schedule_2026();
    Draft d = new_draft(data);
    set_chosen_add_ons(d.request, data, {"community_development_fund"});
    CHECK(profile_of(d, data).add_ons == std::vector<std::string>{"community_development_fund"});
    const DraftRestore r = draft_from_json(draft_to_json(d, data), data);
    REQUIRE(r.ok);
    CHECK(r.notice.empty());
    CHECK(r.draft.request.get("add_ons") == "community_development_fund");
    SUBCASE("a draft from before the form had add-ons: the calculator's choice becomes the form's") {
        const DraftRestore old = draft_from_json(
            "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{\"add_ons\":[\"allmaps\"]},\"request\":{\"institution\":\"Kept\"}}",
            data);
        REQUIRE(old.ok);
        CHECK(old.draft.request.get("add_ons") == "allmaps");
        CHECK(old.draft.calculator.add_ons.empty());
        CHECK(profile_of(old.draft, data).add_ons == std::vector<std::string>{"allmaps"});
    }
    SUBCASE("an add-on no longer offered is dropped with a notice, the rest kept") {
        const DraftRestore gone = draft_from_json(
            "{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{},\"request\":{\"institution\":\"Kept\",\"add_ons\":[\"gold\",\"allmaps\"]}}",
            data);
        REQUIRE(gone.ok);
        CHECK(gone.draft.request.get("institution") == "Kept");
        CHECK(gone.draft.request.get("add_ons") == "allmaps");
        CHECK(gone.notice == "The saved draft was restored, but the add-on \"gold\" is no longer offered.");
    }
}
