#include "html_render.h"

#include "comparison_model.h"
#include "costs_model.h"
#include "governance_model.h"
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
    if (items.empty()) return "";
    std::string s = "<ul>\n";
    for (const std::string& i : items) s += "  <li>" + html_escape(i) + "</li>\n";
    return s + "</ul>\n";
}

// The comparison's table, cell for cell as the Tiers view draws it (comparison_model.h).
std::string comparison_table(const ComparisonModel& m) {
    std::string s =
        "<table>\n<caption>" + html_escape(m.caption) + "</caption>\n<thead><tr><th scope=\"col\">" + html_escape(m.corner) + "</th>";
    for (const std::string& c : m.columns) s += "<th scope=\"col\">" + html_escape(c) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    for (const ComparisonRow& row : m.rows) {
        s += "<tr><th scope=\"row\">" + html_escape(row_label(row)) + "</th>";
        for (const ComparisonCell& c : row.cells) {
            const std::string shown = html_escape(cell_mark(c.kind) + c.text);
            s += "<td>" + (c.kind == CellKind::fee ? "<strong>" + shown + "</strong>" : shown);
            for (const std::string& n : c.notes) s += "<br><small>" + html_escape(n) + "</small>";
            s += "</td>";
        }
        s += "</tr>\n";
    }
    return s + "</tbody>\n</table>\n<p>" + html_escape(m.differs_note) + "</p>\n";
}

// The Technical Review Committee as the Governance view states it (governance_model.h).
std::string trc_statement(const GovernanceModel& g) {
    return "<p>" + html_escape(g.trc_about) + "</p>\n<p>" +
        html_escape(g.trc_rule + " " + g.trc_now + " " + g.trc_if_joined + " " + g.members_as_of) + "</p>\n";
}

// The warning of data_dates.h, where the fees are, or nothing.
std::string date_warning(const MembershipData& d, const std::string& today) {
    const std::string w = fee_date_warning(d, today);
    return w.empty() ? "" : "<p class=\"warning\" role=\"note\"><strong>" + html_escape(w) + "</strong></p>\n";
}

// The data's join instructions, as the Join view says them, with the address a link.
std::string join_paragraph(const MembershipData& d) {
    const std::string& said = d.join.instructions;
    const std::string link = "<a href=\"mailto:" + html_escape(d.join.email) + "\">" + html_escape(d.join.email) + "</a>";
    const std::size_t at = d.join.email.empty() ? std::string::npos : said.find(d.join.email);
    if (at == std::string::npos) return "<p>" + html_escape(said) + (said.empty() ? "" : " ") + link + "</p>\n";
    return "<p>" + html_escape(said.substr(0, at)) + link + html_escape(said.substr(at + d.join.email.size())) + "</p>\n";
}

}  // namespace

std::string render_fallback_html(const MembershipData& d, const std::string& today) {
    std::string s = "<section id=\"fallback\" aria-labelledby=\"fallback-title\">\n";
    s += "<h1 id=\"fallback-title\">Join the IIIF Consortium</h1>\n";
    // The tiers compared come first, as in the app's Tiers view, and first in the page itself:
    // a browser paints a page that arrives in parts as it parses it, and a table that came later
    // would push down what had been painted (a layout shift).
    const ComparisonModel m = comparison_model(d);
    s += comparison_table(m) + list(m.add_ons);
    s += "<h2>" + html_escape(m.goals_heading) + "</h2>\n<p>" + html_escape(m.intro) + "</p>\n" + list(m.goals);
    s += "<h2>" + html_escape(m.member_benefits_heading) + "</h2>\n" + list(m.member_benefits);
    s += "<h2>" + html_escape(m.wording_heading) + "</h2>\n" + date_warning(d, today);
    for (const TierWording& t : m.tiers) s += "<h3>" + html_escape(t.heading) + "</h3>\n" + list(t.benefits);
    s += "<h2>" + html_escape(m.conditions_heading) + "</h2>\n" + list(m.conditions);
    const GovernanceModel g = governance_model(d, "", d.schedule.tiers.empty() ? "" : d.schedule.tiers.front().id);
    s += "<h2>" + html_escape(g.trc_heading) + "</h2>\n" + trc_statement(g);
    // Its own section: a page opened on the join view shows it first (web/app.css).
    s += "<section id=\"fallback-join\">\n<h2>How to join</h2>\n" + join_paragraph(d) + "</section>\n";
    s += "<p><small>" + html_escape(m.period) + " Source: " + html_escape(d.source) + ".</small></p>\n";
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

    // The Costs view's rows, in this tier's column, and the lines under them.
    const CostsModel costs = costs_model(d, a, p, Goals{});
    const std::size_t column = cost_column(costs, tier->id);
    s += "<h2>" + html_escape(costs.years_heading) + "</h2>\n<table>\n";
    for (const CostRow& cr : costs.rows)
        if (column < cr.cells.size())
            s += row(html_escape(cr.label),
                     cr.bold ? "<strong>" + html_escape(cr.cells[column]) + "</strong>" : html_escape(cr.cells[column]));
    s += "</table>\n";
    for (const std::string& line : price_lines(d, p, {e})) s += "<p>" + html_escape(line) + "</p>\n";
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

    const GovernanceModel g = governance_model(d, p.organisation_type, tier->id);
    s += "<h2>Governance</h2>\n<table>\n";
    for (const RightRow& rr : g.rights)
        s += row(html_escape(rr.name), "<strong>" + html_escape(rr.answer) + "</strong>. " + html_escape(rr.reason));
    s += "</table>\n";
    s += "<h2>How to join</h2>\n" + join_paragraph(d);
    s += "<p class=\"muted\">Source: " + html_escape(d.source) + ". Members as of " + html_escape(d.snapshot.date) + ".</p>\n";
    return s + "</body>\n</html>\n";
}

}  // namespace iiifc
