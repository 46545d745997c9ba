#include "html_render.h"

#include "eligibility.h"
#include "palette.h"
#include "money_format.h"
#include "text_utf8.h"

namespace iiifc {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

std::string list(const std::vector<std::string>& items) {
    std::string s = "<ul>\n";
    for (const std::string& i : items) s += "  <li>" + html_escape(i) + "</li>\n";
    return s + "</ul>\n";
}

std::string comparison_table(const MembershipData& d) {
    std::string s = "<table>\n<caption>Membership tiers compared</caption>\n<thead><tr><th scope=\"col\">Benefit</th>";
    for (const Tier& t : d.schedule.tiers) s += "<th scope=\"col\">" + html_escape(t.name) + "</th>";
    s += "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Annual contribution</th>";
    for (const Tier& t : d.schedule.tiers) s += "<td>" + html_escape(format_money(t.annual_fee, d)) + "</td>";
    s += "</tr>\n";
    for (const Benefit& b : d.benefits) {
        s += "<tr><th scope=\"row\">" + html_escape(b.label) + "</th>";
        for (const Tier& t : d.schedule.tiers) {
            const TierBenefit* tb = t.find_benefit(b.id);
            s += "<td>" + (tb ? html_escape(tb->summary.empty() ? "Yes" : tb->summary) : std::string("No")) + "</td>";
        }
        s += "</tr>\n";
    }
    return s + "</tbody>\n</table>\n";
}

std::string trc_rule(const MembershipData& d) {
    const TrcWhatIf w = trc_what_if(d);
    const Tier* t = d.find_tier(w.tier);
    const std::string tier = t ? t->short_name : w.tier;
    return "<p>" + html_escape(d.governance.trc_name) + ": " + html_escape(d.governance.trc_about) + " " + html_escape(tier) +
        " members may nominate a representative; up to " + std::to_string(d.governance.trc_elected_fraction.numerator) + "/" +
        std::to_string(d.governance.trc_elected_fraction.denominator) + " of the number of " + html_escape(to_lower_ascii(tier)) +
        " member institutions" + (d.governance.trc_round_up ? ", rounding up," : ", rounding down,") + " may be elected (" +
        std::to_string(w.cap_now) + " with " + std::to_string(w.members_now) + " " + html_escape(to_lower_ascii(tier)) + " members on " +
        html_escape(d.snapshot.date) + ").</p>\n";
}

// The warning of data_dates.h, where the fees are, or nothing.
std::string date_warning(const MembershipData& d, const std::string& today) {
    const std::string w = fee_date_warning(d, today);
    return w.empty() ? "" : "<p class=\"warning\" role=\"note\"><strong>" + html_escape(w) + "</strong></p>\n";
}

std::string join_paragraph(const MembershipData& d) {
    return "<p>To join the IIIF Consortium, send an email to <a href=\"mailto:" + html_escape(d.join.email) + "\">" +
        html_escape(d.join.email) + "</a>.</p>\n";
}

}  // namespace

std::string render_fallback_html(const MembershipData& d, const std::string& today) {
    std::string s = "<section id=\"fallback\" aria-labelledby=\"fallback-title\">\n";
    s += "<h1 id=\"fallback-title\">Join the IIIF Consortium</h1>\n";
    // The tiers compared come first, as in the app's Tiers view, and first in the page itself:
    // a browser paints a page that arrives in parts as it parses it, and a table that came later
    // would push down what had been painted (a layout shift).
    s += comparison_table(d);
    s += "<p>" + html_escape(d.intro) + "</p>\n" + list(d.goals);
    s += "<h2>Becoming a consortium member allows institutions to</h2>\n" + list(d.member_benefits);
    s += "<h2>Membership levels</h2>\n" + date_warning(d, today);
    for (const Tier& t : d.schedule.tiers) {
        s += "<h3>" + html_escape(t.name) + " &ndash; " + html_escape(format_money(t.annual_fee, d)) + " " + html_escape(t.fee_label) +
            "</h3>\n<ul>\n";
        for (const TierBenefit& b : t.benefits) s += "  <li>" + html_escape(b.text) + "</li>\n";
        s += "</ul>\n";
    }
    for (const PriceVariant& v : d.schedule.price_variants) {
        const Tier* t = d.find_tier(v.tier);
        s += "<p>" +
            html_escape((t ? t->name : v.tier) + ": " + format_money(v.annual_fee, d) + " " +
                        (v.label.empty() ? v.income_group : v.label)) +
            "</p>\n";
    }
    for (const AddOn& a : d.schedule.add_ons)
        s += "<p>Add-on: " + html_escape(a.name + ", " + format_money(a.annual_fee, d) + " a year. " + a.description) + "</p>\n";
    s += "<h2>Conditions</h2>\n<ul>\n";
    for (const Condition& c : d.conditions) s += "  <li>" + html_escape(c.text) + "</li>\n";
    s += "</ul>\n" + trc_rule(d);
    // Its own section: a page opened on the join view shows it first (web/app.css).
    s += "<section id=\"fallback-join\">\n<h2>How to join</h2>\n" + join_paragraph(d) + "</section>\n";
    s += "<p><small>" + html_escape(fee_period_sentence(d.schedule)) + " Source: " + html_escape(d.source) + ".</small></p>\n";
    return s + "</section>\n";
}

std::string render_summary_html(const MembershipData& d, const Assumptions& a, const Profile& p, const JoinRequest& r,
                                const std::string& today) {
    const Tier* tier = d.find_tier(p.tier);
    if (!tier) tier = &d.schedule.tiers.front();
    const Estimate e = estimate(d, a, p, *tier);
    const OrganisationType* type = d.find_organisation_type(p.organisation_type);
    // The institution is the form's field for an organisation's name (autocomplete "organization").
    const JoinField* institution_field = d.join.field_with_autocomplete("organization");
    const std::string institution = institution_field ? trim(r.get(institution_field->id)) : "";
    auto money = [&](const Money& m) { return html_escape(format_money(m, d)); };
    auto row = [](const std::string& k, const std::string& v) { return "<tr><th scope=\"row\">" + k + "</th><td>" + v + "</td></tr>\n"; };

    std::string s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    s += "<title>IIIF Consortium membership: " + html_escape(institution.empty() ? tier->name : institution) + "</title>\n";
    // The light palette (palette.h): a summary is printed, on white.
    s += "<style>body{font:11pt/1.45 Inter,system-ui,sans-serif;color:" + colours::css(colours::text) +
        ";max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.2rem 0 "
        ".4rem;border-bottom:1px solid " +
        colours::css(colours::border) +
        ";padding-bottom:.2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px "
        "solid " +
        colours::css(colours::panel_alt) +
        ";vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:" + colours::css(colours::text_muted) +
        ";font-size:.9em}.warning{border-left:4px solid " + colours::css(colours::error) +
        ";padding-left:.6rem}@page{margin:1.5cm}@media print{body{margin:0}}</style>\n</head>\n<body>\n";
    s += "<h1>IIIF Consortium membership: " + html_escape(tier->name) + "</h1>\n";
    s += "<p class=\"muted\">Prepared for " + html_escape(institution.empty() ? "(institution not given)" : institution) +
        (type ? " (" + html_escape(type->name) + ")" : std::string()) + ". " + html_escape(fee_period_sentence(d.schedule)) + "</p>\n" +
        date_warning(d, today);

    s += "<h2>Costs over " + std::to_string(e.years) + (e.years == 1 ? " year" : " years") + "</h2>\n<table>\n";
    s += row("Annual contribution", money(e.annual_contribution) + (e.price_note.empty() ? "" : " (" + html_escape(e.price_note) + ")"));
    for (const AddOn& x : d.schedule.add_ons)
        for (const std::string& id : p.add_ons)
            if (id == x.id) s += row("Add-on: " + html_escape(x.name), money(x.annual_fee) + " a year");
    s += row("Total contribution", money(e.total_contribution));
    s += row("Estimated value of member discounts", money(e.total_value) + " (" + money(e.annual_value) + " a year)");
    s += row("Net cost", money(e.net_cost));
    s += "</table>\n";
    if (const std::string both = price_choice_sentence(d, *tier, p.country); !both.empty()) s += "<p>" + html_escape(both) + "</p>\n";
    s += "<p class=\"muted\">Assumptions: " + std::to_string(p.conference_attendees) + " conference attendees and " +
        std::to_string(p.training_hours) + " training hours a year; conference " + money(a.conference_non_member_price) + " non-member, " +
        money(a.conference_member_price) + " member (" + html_escape(a.conference_source) + "); training " +
        money(a.training_non_member_hourly) + " an hour for non-members";
    const auto rate = a.training_tier_hourly.find(tier->id);
    if (rate != a.training_tier_hourly.end()) s += ", " + money(rate->second) + " for " + html_escape(tier->short_name) + " members";
    s += " (" + html_escape(a.training_source) + ").</p>\n";

    s += "<h2>Benefits</h2>\n<ul>\n";
    for (const TierBenefit& b : tier->benefits) s += "  <li>" + html_escape(b.text) + "</li>\n";
    s += "</ul>\n<p class=\"muted\">Every member can also:</p>\n" + list(d.member_benefits);

    s += "<h2>Governance</h2>\n<table>\n";
    for (const RightAnswer& ra : rights_for(d, p.organisation_type, tier->id)) {
        s += row(html_escape(ra.name), "<strong>" + std::string(grant_answer(ra.grant)) + "</strong>. " + html_escape(ra.reason));
    }
    s += "</table>\n";
    s += "<h2>How to join</h2>\n" + join_paragraph(d);
    s += "<p class=\"muted\">Source: " + html_escape(d.source) + ". Members as of " + html_escape(d.snapshot.date) + ".</p>\n";
    return s + "</body>\n</html>\n";
}

}  // namespace iiifc
