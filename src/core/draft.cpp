#include "draft.h"

#include "json_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace iiifc {

namespace {
constexpr const char* kDraftFormat = "iiifc-draft";
constexpr int kDraftVersion = 1;
}  // namespace

Draft new_draft(const MembershipData& data) {
    Draft d;
    d.assumptions = data.assumptions;
    if (!data.schedule.tiers.empty()) set_value_of_kind(d.request, data, FieldKind::tier, data.schedule.tiers.front().id);
    return d;
}

Profile profile_of(const Draft& d, const MembershipData& data) {
    Profile p;
    static_cast<CalculatorInputs&>(p) = d.calculator;
    p.tier = value_of_kind(d.request, data, FieldKind::tier);
    p.organisation_type = value_of_kind(d.request, data, FieldKind::organisation_type);
    // One country for the form and the calculator: the join form's, when it has one.
    if (const std::string country = country_of(d.request, data); !country.empty() || data.join.field_of_kind(FieldKind::country))
        p.country = country;
    // One choice of add-ons too: the join form's, when it has the field.
    if (data.join.field_of_kind(FieldKind::add_ons)) p.add_ons = chosen_add_ons(d.request, data);
    return p;
}

std::string draft_to_json(const Draft& d, const MembershipData& data) {
    using nlohmann::json;
    json addons = json::array();
    for (const std::string& a : d.calculator.add_ons) addons.push_back(a);
    json goals = json::object();
    for (const CalculatorGoal& g : data.calculator_goals) goals[g.id] = d.goals.wants(g.id);
    goals["annual_budget"] = d.goals.annual_budget ? json(*d.goals.annual_budget) : json(nullptr);
    json hourly = json::object();
    for (const auto& kv : d.assumptions.training_tier_hourly) hourly[kv.first] = kv.second.amount;
    // Built member by member: nlohmann's nested initializer lists cost about 4 KB of WebAssembly
    // here, and the object's keys are sorted either way (the same text).
    json profile = json::object();
    profile["country"] = d.calculator.country;
    profile["years"] = d.calculator.years;
    profile["conference_attendees"] = d.calculator.conference_attendees;
    profile["training_hours"] = d.calculator.training_hours;
    profile["add_ons"] = std::move(addons);
    json assumptions = json::object();
    assumptions["conference_non_member_price"] = d.assumptions.conference_non_member_price.amount;
    assumptions["conference_member_price"] = d.assumptions.conference_member_price.amount;
    assumptions["training_non_member_hourly"] = d.assumptions.training_non_member_hourly.amount;
    assumptions["training_tier_hourly"] = std::move(hourly);
    json doc = json::object();
    doc["format"] = kDraftFormat;
    doc["version"] = kDraftVersion;
    doc["profile"] = std::move(profile);  // the calculator's inputs (the name of earlier drafts, which also held the tier and type)
    doc["goals"] = std::move(goals);
    doc["assumptions"] = std::move(assumptions);
    doc["request"] = parse_json(join_request_to_json(d.request, data)).at("request");
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

DraftRestore draft_from_json(const std::string& text, const MembershipData& data) {
    DraftRestore r;
    r.draft = new_draft(data);
    if (text.size() > kMaxDraftBytes) {
        r.notice = "The saved draft was ignored: it is larger than a draft can be.";
        return r;
    }
    try {
        const nlohmann::json doc = JsonReader::parse(text, "saved draft");
        const JsonReader root(doc, "saved draft");
        if (!doc.is_object()) root.fail("expected a JSON object");
        if (root.optional_string("format") != kDraftFormat) root.fail_at("format", "not a draft of this app");
        if (root.integer("version", 1, 1000000) > kDraftVersion) root.fail_at("version", "saved by a newer version of the app");
        Draft d = r.draft;
        std::string dropped;

        const JsonReader p = root.at("profile");
        d.calculator.country = p.optional_string("country");
        d.calculator.years = static_cast<int>(p.optional_integer("years", 1, kMinYears, kMaxYears));
        d.calculator.conference_attendees = static_cast<int>(p.optional_integer("conference_attendees", 0, 0, 10000));
        d.calculator.training_hours = static_cast<int>(p.optional_integer("training_hours", 0, 0, 100000));
        p.for_each_optional("add_ons", [&](const JsonReader& a) {
            const std::string id = a.as_string();
            for (const AddOn& known : data.schedule.add_ons)
                if (known.id == id) d.calculator.add_ons.push_back(id);
        });

        if (root.has("goals")) {
            const JsonReader g = root.at("goals");
            for (const CalculatorGoal& goal : data.calculator_goals) d.goals.set(goal.id, g.optional_bool(goal.id.c_str(), false));
            if (g.has("annual_budget")) d.goals.annual_budget = g.integer("annual_budget", 0, 1000000000000);
        }
        if (root.has("assumptions")) {
            const JsonReader a = root.at("assumptions");
            Assumptions& as = d.assumptions;
            constexpr std::int64_t kMax = 100000000;  // a million in major units: enough for any price here
            as.conference_non_member_price.amount =
                a.optional_integer("conference_non_member_price", as.conference_non_member_price.amount, 0, kMax);
            as.conference_member_price.amount = a.optional_integer("conference_member_price", as.conference_member_price.amount, 0, kMax);
            as.training_non_member_hourly.amount =
                a.optional_integer("training_non_member_hourly", as.training_non_member_hourly.amount, 0, kMax);
            if (a.has("training_tier_hourly"))
                a.for_each_member("training_tier_hourly", [&](const std::string& tier, const JsonReader& v) {
                    auto it = as.training_tier_hourly.find(tier);
                    if (it == as.training_tier_hourly.end()) return;  // rates only for tiers the data prices
                    if (!v.value().is_number_integer() || v.value().get<std::int64_t>() < 0 || v.value().get<std::int64_t>() > kMax)
                        v.fail("expected an amount in minor units");
                    it->second.amount = v.value().get<std::int64_t>();
                });
        }
        if (root.has("request")) {
            nlohmann::json request = doc.at("request");
            // An add-on the data no longer offers is dropped, with a notice, as a removed tier is.
            const JoinField* add_ons = data.join.field_of_kind(FieldKind::add_ons);
            if (add_ons && request.is_object() && request.contains(add_ons->id) && request.at(add_ons->id).is_array()) {
                nlohmann::json kept = nlohmann::json::array();
                for (const nlohmann::json& id : request.at(add_ons->id)) {
                    const bool known = id.is_string() &&
                        std::any_of(data.schedule.add_ons.begin(), data.schedule.add_ons.end(),
                                    [&](const AddOn& a) { return a.id == id.get<std::string>(); });
                    if (known)
                        kept.push_back(id);
                    else
                        dropped += " the add-on " + id.dump() + " is no longer offered;";
                }
                request[add_ons->id] = kept;
            }
            const nlohmann::json wrapped = {{"format", "iiifc-join-request"}, {"version", 1}, {"request", request}};
            const JoinImport imp =
                join_request_from_json(wrapped.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "saved draft", data);
            if (!imp.ok) throw DataError("saved draft", "request", imp.error);
            d.request = imp.request;
        }
        // Drafts from before the form had add-ons kept the calculator's choice: it becomes the form's.
        if (data.join.field_of_kind(FieldKind::add_ons)) {
            if (chosen_add_ons(d.request, data).empty() && !d.calculator.add_ons.empty())
                set_chosen_add_ons(d.request, data, d.calculator.add_ons);
            d.calculator.add_ons.clear();
        }
        // Choices that no longer make sense for the data are reset, and the user is told.
        const std::string tier = value_of_kind(d.request, data, FieldKind::tier);
        if (!data.find_tier(tier)) {
            if (!tier.empty()) dropped += " the chosen tier \"" + tier + "\" no longer exists;";
            set_value_of_kind(d.request, data, FieldKind::tier, value_of_kind(r.draft.request, data, FieldKind::tier));
        }
        const std::string type = value_of_kind(d.request, data, FieldKind::organisation_type);
        if (!type.empty() && !data.find_organisation_type(type)) {
            dropped += " the organisation type was reset;";
            set_value_of_kind(d.request, data, FieldKind::organisation_type, "");
        }
        r.draft = d;
        r.ok = true;
        if (!dropped.empty()) r.notice = "The saved draft was restored, but" + dropped.substr(0, dropped.size() - 1) + ".";
    } catch (const std::exception& e) {
        r.draft = new_draft(data);
        r.notice = std::string("The saved draft could not be read and was ignored (") + e.what() + ").";
    }
    return r;
}

}  // namespace iiifc
