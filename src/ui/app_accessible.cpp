// The DOM mirror of each view (see accessible_view.h): the same facts the canvas shows, as
// headings, tables, lists and labelled values, published whenever they change.
#include "accessible_view.h"
#include "app.h"
#include "calculator.h"
#include "eligibility.h"
#include "money_format.h"
#include "text_utf8.h"

namespace iiifc {

std::string App::accessible_view_json() const {
    A11yTree t;
    t.add("h1", "IIIF Consortium membership");
    t.add("p", std::string("Current view: ") + view_title(route_.view) + ". Views: Tiers, Costs, Governance, Members, Join. "
               "Fees effective from " + data_.schedule.effective_from + ".");
    if (!notice_.empty()) t.add("p", notice_);
    if (update_available_) t.add("p", "A new version is available. Choose Reload to use it.");
    t.open("section").add("h2", view_title(route_.view));
    const Tier* chosen = data_.find_tier(draft_.profile.tier);
    const std::string chosen_name = chosen ? chosen->name : "";

    if (route_.view == "tiers") {
        std::vector<std::string> head = {"Benefit"};
        std::vector<std::vector<std::string>> rows;
        std::vector<std::string> fees = {"Annual contribution"};
        for (const Tier& tier : data_.schedule.tiers) {
            head.push_back(tier.name);
            fees.push_back(format_money(tier.annual_fee, data_));
        }
        rows.push_back(fees);
        for (const Benefit& b : data_.benefits) {
            std::vector<std::string> row = {b.label};
            for (const Tier& tier : data_.schedule.tiers) {
                const TierBenefit* tb = tier.find_benefit(b.id);
                row.push_back(tb ? (tb->summary.empty() ? "Yes" : tb->summary) : "Not included");
            }
            rows.push_back(row);
        }
        t.table("Membership tiers compared", head, rows);
        t.add("p", "Your chosen tier: " + chosen_name + ".");
        t.add("h3", "Becoming a consortium member allows institutions to").list(data_.member_benefits);
        std::vector<std::string> conditions;
        for (const Condition& c : data_.conditions) conditions.push_back(c.text);
        t.add("h3", "Conditions").list(conditions);
        t.add("h3", "Our shared goals").add("p", data_.intro).list(data_.goals);
    } else if (route_.view == "costs") {
        const OrganisationType* type = data_.find_organisation_type(draft_.profile.organisation_type);
        t.open("dl");
        t.add("dt", "Organisation type").add("dd", type ? type->name : "not chosen");
        t.add("dt", "Years of commitment").add("dd", std::to_string(clamp_years(draft_.profile.years)));
        t.add("dt", "Conference attendees a year").add("dd", std::to_string(draft_.profile.conference_attendees));
        t.add("dt", "Training hours a year").add("dd", std::to_string(draft_.profile.training_hours));
        t.close();
        std::vector<std::string> head = {""};
        std::vector<std::vector<std::string>> rows = {{"Annual contribution"}, {"Total contribution"}, {"Estimated value of member discounts"}, {"Net cost"}};
        for (const Estimate& e : compare_tiers(data_, draft_.assumptions, draft_.profile)) {
            head.push_back(data_.find_tier(e.tier)->short_name);
            rows[0].push_back(format_money(e.annual_contribution, data_));
            rows[1].push_back(format_money(e.total_contribution, data_));
            rows[2].push_back(format_money(e.total_value, data_));
            rows[3].push_back(format_money(e.net_cost, data_));
        }
        t.table("Costs over " + std::to_string(clamp_years(draft_.profile.years)) + " years", head, rows);
        const Recommendation rec = recommend(data_, draft_.assumptions, draft_.profile, draft_.goals);
        const Tier* rt = data_.find_tier(rec.tier);
        t.add("h3", rt ? "Recommended: " + rt->name : "No tier meets these goals").list(rec.reasons);
    } else if (route_.view == "governance") {
        std::vector<std::vector<std::string>> rows;
        for (const RightAnswer& a : rights_for(data_, draft_.profile.organisation_type, draft_.profile.tier))
            rows.push_back({a.name, grant_answer(a.grant), a.reason});
        const OrganisationType* type = data_.find_organisation_type(draft_.profile.organisation_type);
        t.table("Rights of " + chosen_name + (type ? ", " + type->name : std::string()), {"Right", "Answer", "Why"}, rows);
        const TrcWhatIf w = trc_what_if(data_);
        t.add("p", "Technical Review Committee: with " + std::to_string(w.members_now) + " " + w.tier + " members, up to " +
                       std::to_string(w.cap_now) + " representatives can be elected; if you join as " + w.tier + ", up to " +
                       std::to_string(w.cap_if_joined) + ".");
        const CommercialCap c = commercial_cap(data_);
        t.add("p", "Executive Committee seats for commercial organisations: at most " + std::to_string(c.limit) + ", " +
                       std::to_string(c.held) + " held, " + std::to_string(c.open) + " open.");
    } else if (route_.view == "members") {
        const std::string query = to_lower_ascii(trim(member_query_));
        std::vector<std::vector<std::string>> rows;
        for (const Member& m : data_.snapshot.members) {
            if (!member_tier_filter_.empty() && m.tier != member_tier_filter_) continue;
            if (!query.empty() && to_lower_ascii(m.name).find(query) == std::string::npos) continue;
            const Tier* tier = data_.find_tier(m.tier);
            rows.push_back({m.name, (tier ? tier->short_name : m.tier) + (m.founder ? ", founder (2015)" : "")});
        }
        t.add("p", std::to_string(rows.size()) + " of " + std::to_string(data_.snapshot.members.size()) + " members shown, as of " +
                       data_.snapshot.date + ".");
        t.table("Consortium members", {"Institution", "Level"}, rows);
    } else if (route_.view == "join") {
        const std::vector<FieldError> errors = visible_errors();
        t.add("p", storage_sentence(keeper_.state()));
        t.add("p", errors.empty() ? "The form has no errors shown." : "The form has " + std::to_string(errors.size()) + " errors.");
        t.open("dl");
        for (const JoinField& f : data_.join.fields) {
            std::string value;
            if (f.id == "purchase_order") value = draft_.request.purchase_order ? "Yes" : "No";
            else if (f.id == "tier") value = chosen_name;
            else if (f.id == "organisation_type") {
                const OrganisationType* type = data_.find_organisation_type(draft_.request.organisation_type);
                value = type ? type->name : "";
            } else if (const std::string* v = text_field(draft_.request, f.id)) value = *v;
            t.add("dt", f.label + (f.required ? " (required)" : ""));
            t.add("dd", value.empty() ? "empty" : truncate_utf8(value, 500));
            for (const FieldError& e : errors_for(errors, f.id)) t.add("dd", "Error: " + e.message);
        }
        t.close();
        t.add("h3", "Preview").add("pre", "To: " + data_.join.email + "\nSubject: " + email_subject(draft_.request, data_) + "\n\n" +
                                              email_body(draft_.request, data_));
    }
    t.close();
    return t.json();
}

void App::publish_accessible_view() {
    const std::string json = accessible_view_json();
    if (json == last_published_view_) return;
    last_published_view_ = json;
    platform_.publish_accessible_view(json);
}

}  // namespace iiifc
