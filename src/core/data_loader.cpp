#include "data_loader.h"

#include "data_dates.h"
#include "json_locate.h"
#include "json_reader.h"
#include "schedules.h"

#include <algorithm>

#include <set>
#include <utility>

namespace iiifc {

namespace {

constexpr std::int64_t kMaxAmount = 1000000000000;  // ten billion in major units: anything above is a typo

bool is_identifier(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

std::string identifier(const JsonReader& r, const char* key) {
    const std::string id = r.string(key);
    if (!is_identifier(id)) r.fail_at(key, "expected an identifier of lower-case letters, digits, '_' or '-', found \"" + id + "\"");
    return id;
}

// Reads an id and checks it has not been seen before in the same list.
std::string unique_identifier(const JsonReader& r, const char* key, std::set<std::string>& seen) {
    const std::string id = identifier(r, key);
    if (!seen.insert(id).second) r.fail_at(key, "duplicate id \"" + id + "\"");
    return id;
}

Money money(const JsonReader& r, const MembershipData& d) {
    Money m;
    m.amount = r.integer("amount", 0, kMaxAmount);
    m.currency = r.string("currency");
    if (!d.find_currency(m.currency)) r.fail_at("currency", "unknown currency \"" + m.currency + "\" (not in currencies)");
    return m;
}

std::string optional_date(const JsonReader& r, const char* key) {
    const std::string date = r.optional_string(key);
    if (!date.empty() && !is_iso_date(date)) r.fail_at(key, "expected a date as YYYY-MM-DD, found \"" + date + "\"");
    return date;
}

void read_currencies(const JsonReader& root, MembershipData& d) {
    std::set<std::string> seen;
    root.for_each("currencies", false, [&](const JsonReader& r) {
        Currency c;
        c.code = r.string("code");
        if (c.code.size() != 3 || c.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
            r.fail_at("code", "expected a three-letter ISO 4217 code, found \"" + c.code + "\"");
        if (!seen.insert(c.code).second) r.fail_at("code", "duplicate currency \"" + c.code + "\"");
        c.symbol = r.string("symbol");
        c.minor_units = static_cast<int>(r.integer("minor_units", 0, 4));
        d.currencies.push_back(c);
    });
}

void read_texts(const JsonReader& root, MembershipData& d) {
    d.intro = root.string("intro");
    root.for_each("goals", false, [&](const JsonReader& r) { d.goals.push_back(r.as_string()); });
    root.for_each("member_benefits", false, [&](const JsonReader& r) { d.member_benefits.push_back(r.as_string()); });
    std::set<std::string> seen;
    root.for_each("conditions", true, [&](const JsonReader& r) {
        d.conditions.push_back({unique_identifier(r, "id", seen), r.string("text")});
    });
}

void read_organisation_types(const JsonReader& root, MembershipData& d) {
    std::set<std::string> seen;
    root.for_each("organisation_types", false, [&](const JsonReader& r) {
        OrganisationType t;
        t.id = unique_identifier(r, "id", seen);
        t.name = r.string("name");
        const JsonReader c = r.at("commercial");
        if (!c.value().is_boolean()) c.fail("expected true or false, found " + describe(c.value()));
        t.commercial = c.value().get<bool>();
        d.organisation_types.push_back(t);
    });
}

// A tier id of any schedule: the common parts of the file (governance, members, assumptions)
// may name a tier that only some schedules have.
bool known_tier(const MembershipData& d, const std::string& id) {
    for (const Schedule& s : d.schedules)
        for (const Tier& t : s.tiers)
            if (t.id == id) return true;
    return false;
}

void require_tier(const JsonReader& r, const char* key, const std::string& id, const MembershipData& d) {
    if (!known_tier(d, id)) r.fail_at(key, "unknown tier \"" + id + "\"");
}

bool is_country_code(const std::string& code) {
    return code.size() == 2 && code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
}

std::string country_code(const JsonReader& c) {
    const std::string code = c.as_string();
    if (!is_country_code(code)) c.fail("expected a two-letter ISO 3166 country code, found \"" + code + "\"");
    return code;
}

void read_countries(const JsonReader& root, MembershipData& d) {
    if (!root.has("countries")) return;
    const JsonReader c = root.at("countries");
    c.string("source");
    c.for_each_member("names", [&](const std::string& code, const JsonReader& v) {
        if (!is_country_code(code)) v.fail("expected a two-letter ISO 3166 country code as the key, found \"" + code + "\"");
        d.countries.push_back({code, v.as_string()});
    });
    std::sort(d.countries.begin(), d.countries.end(), [](const Country& a, const Country& b) { return a.name < b.name; });

    if (!root.has("income_classification")) return;
    const JsonReader ic = root.at("income_classification");
    IncomeClassification& k = d.income_classification;
    k.name = ic.string("name");
    k.source = ic.string("source");
    k.effective_from = optional_date(ic, "effective_from");
    k.effective_until = optional_date(ic, "effective_until");
    std::set<std::string> ids, classified;
    ic.for_each("groups", false, [&](const JsonReader& r) {
        IncomeClassification::Group g;
        g.id = unique_identifier(r, "id", ids);
        g.name = r.string("name");
        r.for_each("countries", true, [&](const JsonReader& c) {
            const std::string code = country_code(c);
            if (!d.find_country(code)) c.fail("unknown country \"" + code + "\" (not in countries.names)");
            if (!classified.insert(code).second) c.fail("country \"" + code + "\" is in two income groups");
            g.countries.push_back(code);
        });
        k.groups.push_back(g);
    });
}

void read_schedule(const JsonReader& s, MembershipData& d, Schedule& sch) {
    sch.effective_from = s.string("effective_from");
    if (!is_iso_date(sch.effective_from))
        s.fail_at("effective_from", "expected a date as YYYY-MM-DD, found \"" + sch.effective_from + "\"");
    sch.effective_until = optional_date(s, "effective_until");
    if (!sch.effective_until.empty() && sch.effective_until < sch.effective_from)
        s.fail_at("effective_until", "the end date " + sch.effective_until + " is before effective_from " + sch.effective_from);
    std::set<std::string> benefit_ids;
    for (const Benefit& b : sch.benefits) benefit_ids.insert(b.id);
    std::set<std::string> tier_ids;
    std::vector<JsonReader> includes;  // tiers that include another's benefits
    s.for_each("tiers", false, [&](const JsonReader& r) {
        Tier t;
        t.id = unique_identifier(r, "id", tier_ids);
        t.name = r.string("name");
        t.short_name = r.optional_string("short_name", t.name);
        t.annual_fee = money(r.at("annual_fee"), d);
        t.fee_label = r.optional_string("fee_label", "annual fee");
        t.conference_registrations_included = static_cast<int>(r.optional_integer("conference_registrations_included", 0, 0, 1000));
        std::set<std::string> seen;
        r.for_each("benefits", true, [&](const JsonReader& b) {
            TierBenefit tb;
            tb.id = identifier(b, "id");
            if (!benefit_ids.count(tb.id)) b.fail_at("id", "unknown benefit \"" + tb.id + "\" (not in benefits)");
            if (!seen.insert(tb.id).second) b.fail_at("id", "benefit \"" + tb.id + "\" listed twice for this tier");
            tb.text = b.string("text");
            tb.summary = b.optional_string("summary");
            t.benefits.push_back(tb);
        });
        sch.tiers.push_back(t);
        if (r.has("includes_benefits_of")) includes.push_back(r);
    });
    auto own_tier = [&](const std::string& id) -> Tier* {
        for (Tier& t : sch.tiers)
            if (t.id == id) return &t;
        return nullptr;
    };
    // "All benefits of Full Membership": the named tier's benefits, after the tier's own (read
    // once every tier is, as Champion comes before Full).
    for (const JsonReader& r : includes) {
        Tier* t = own_tier(r.string("id"));
        const Tier* o = own_tier(r.string("includes_benefits_of"));
        if (!o || o == t)
            r.fail_at("includes_benefits_of", "expected another tier of this schedule, found \"" + r.string("includes_benefits_of") + "\"");
        t->includes_benefits_of = o->id;
        for (const TierBenefit& b : std::vector<TierBenefit>(o->benefits))
            if (!t->find_benefit(b.id)) t->benefits.push_back(b);
    }

    std::set<std::string> addon_ids;
    s.for_each_optional("add_ons", [&](const JsonReader& r) {
        AddOn a;
        a.id = unique_identifier(r, "id", addon_ids);
        a.name = r.string("name");
        a.description = r.optional_string("description");
        a.annual_fee = money(r.at("annual_fee"), d);
        sch.add_ons.push_back(a);
    });

    std::set<std::string> group_ids;
    s.for_each_optional("income_groups", [&](const JsonReader& r) {
        IncomeGroup g;
        g.id = unique_identifier(r, "id", group_ids);
        g.name = r.string("name");
        if (r.has("classification_groups")) {  // the countries of groups of the file's income classification
            r.for_each("classification_groups", false, [&](const JsonReader& c) {
                const std::string id = c.as_string();
                const IncomeClassification::Group* found = nullptr;
                for (const auto& x : d.income_classification.groups) found = x.id == id ? &x : found;
                if (!found) c.fail("unknown group \"" + id + "\" (not in income_classification.groups)");
                g.countries.insert(g.countries.end(), found->countries.begin(), found->countries.end());
            });
        } else {
            r.for_each("countries", false, [&](const JsonReader& c) { g.countries.push_back(country_code(c)); });
        }
        sch.income_groups.push_back(g);
    });

    std::set<std::string> variant_keys;
    s.for_each_optional("price_variants", [&](const JsonReader& r) {
        PriceVariant v;
        v.tier = r.string("tier");
        if (!own_tier(v.tier)) r.fail_at("tier", "unknown tier \"" + v.tier + "\"");
        v.income_group = r.string("income_group");
        if (!group_ids.count(v.income_group)) r.fail_at("income_group", "unknown income group \"" + v.income_group + "\"");
        if (!variant_keys.insert(v.tier + "/" + v.income_group).second)
            r.fail("a second price for tier \"" + v.tier + "\" in income group \"" + v.income_group + "\"");
        v.label = r.optional_string("label");
        v.annual_fee = money(r.at("annual_fee"), d);
        sch.price_variants.push_back(v);
    });
}

std::vector<Benefit> read_benefits(const JsonReader& r) {
    std::vector<Benefit> out;
    std::set<std::string> ids;
    r.for_each("benefits", false, [&](const JsonReader& b) { out.push_back({unique_identifier(b, "id", ids), b.string("label")}); });
    return out;
}

// Schema 1: one "schedule", its benefits, source and join email at the top level (older files,
// which `changes` compares with). Schema 2: "schedules", each with its own, in date order, each
// beginning the day after the one before ends.
void read_schedules(const JsonReader& root, MembershipData& d) {
    if (d.schema_version < 2) {
        Schedule sch;
        sch.benefits = read_benefits(root);
        sch.source = root.string("source");
        const JsonReader j = root.at("join");
        sch.join_email = j.string("email");
        sch.join_instructions = j.string("instructions");
        d.schedules.push_back(sch);
        read_schedule(root.at("schedule"), d, d.schedules.back());
        d.schedules.back().id = d.schedules.back().effective_from.substr(0, 4);
        d.schedules.back().name = "Fees from " + d.schedules.back().effective_from;
        return;
    }
    std::set<std::string> ids;
    root.for_each("schedules", false, [&](const JsonReader& s) {
        Schedule sch;
        sch.id = unique_identifier(s, "id", ids);
        sch.name = s.string("name");
        sch.source = s.string("source");
        const JsonReader j = s.at("join");
        sch.join_email = j.string("email");
        sch.join_instructions = j.string("instructions");
        sch.benefits = read_benefits(s);
        d.schedules.push_back(sch);
        read_schedule(s, d, d.schedules.back());
        if (d.schedules.size() < 2) return;
        const Schedule& before = d.schedules[d.schedules.size() - 2];
        const Schedule& now = d.schedules.back();
        const std::string expected = before.effective_until.empty() ? "" : day_after(before.effective_until);
        if (before.effective_until.empty())
            s.fail_at("effective_from",
                      "schedule \"" + now.id + "\" starts on " + now.effective_from + " while schedule \"" + before.id +
                          "\" has no end date: give \"" + before.id + "\" an effective_until");
        if (now.effective_from < expected)
            s.fail_at("effective_from",
                      "schedule \"" + now.id + "\" starts on " + now.effective_from + ", overlapping schedule \"" + before.id +
                          "\" (until " + before.effective_until + "): expected " + expected);
        if (now.effective_from > expected)
            s.fail_at("effective_from",
                      "schedule \"" + now.id + "\" starts on " + now.effective_from + ", leaving a gap after schedule \"" + before.id +
                          "\" (until " + before.effective_until + "): expected " + expected);
    });
}

void check_join_email(const JsonReader& j, const char* key, const std::string& email) {
    const std::size_t at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.find_first_of(" ,;<>?&") != std::string::npos)
        j.fail_at(key, "expected an email address, found \"" + email + "\"");
}

Grant grant(const JsonReader& r) {
    const std::string g = r.as_string();
    if (g == "yes") return Grant::yes;
    if (g == "no") return Grant::no;
    if (g == "conditional") return Grant::conditional;
    r.fail("expected \"yes\", \"no\" or \"conditional\", found \"" + g + "\"");
}

// Which tiers hold a right and the sentence for each answer: every answer given needs its reason.
RightTerms read_right_terms(const JsonReader& r, const Right& right, const MembershipData& d) {
    RightTerms terms;
    std::set<std::string> needed = {"no"};
    r.for_each_member("tiers", [&](const std::string& tier, const JsonReader& v) {
        if (tier != "*" && !known_tier(d, tier)) v.fail("unknown tier \"" + tier + "\"");
        const Grant gr = grant(v);
        terms.tiers[tier] = gr;
        needed.insert(to_string(gr));
    });
    if (terms.tiers.count("*") && terms.tiers.at("*") != Grant::no) needed.erase("no");  // nobody is refused
    if (right.commercial_limited) needed.insert("commercial");
    r.for_each_member("reasons", [&](const std::string& key, const JsonReader& v) { terms.reasons[key] = v.as_string(); });
    for (const std::string& key : needed)
        if (!terms.reasons.count(key)) r.at("reasons").fail_at(key.c_str(), "required but missing (a reason for every answer)");
    return terms;
}

void read_governance(const JsonReader& root, MembershipData& d) {
    const JsonReader g = root.at("governance");
    Governance& gov = d.governance;
    const JsonReader ec = g.at("executive_committee");
    gov.executive_name = ec.string("name");
    gov.executive_about = ec.optional_string("about");
    gov.executive_seats = static_cast<int>(ec.integer("seats", 1, 1000));
    gov.commercial_seat_limit = static_cast<int>(ec.integer("commercial_seat_limit", 0, gov.executive_seats));
    const JsonReader oc = g.at("operating_committee");
    gov.operating_name = oc.string("name");
    gov.operating_about = oc.optional_string("about");
    const JsonReader trc = g.at("trc");
    gov.trc_name = trc.string("name");
    gov.trc_about = trc.optional_string("about");
    gov.trc_elected_tier = trc.string("elected_tier");
    require_tier(trc, "elected_tier", gov.trc_elected_tier, d);
    const JsonReader f = trc.at("elected_fraction");
    gov.trc_elected_fraction.numerator = static_cast<int>(f.integer("numerator", 0, 1000));
    gov.trc_elected_fraction.denominator = static_cast<int>(f.integer("denominator", 1, 1000));
    const std::string rounding = trc.optional_string("rounding", "up");
    if (rounding != "up" && rounding != "down") trc.fail_at("rounding", "expected \"up\" or \"down\", found \"" + rounding + "\"");
    gov.trc_round_up = rounding == "up";

    std::set<std::string> right_ids;
    g.for_each("rights", false, [&](const JsonReader& r) {
        Right right;
        right.id = unique_identifier(r, "id", right_ids);
        right.name = r.string("name");
        right.commercial_limited = r.optional_bool("commercial_limited", false);
        right.common = read_right_terms(r, right, d);
        gov.rights.push_back(right);
    });
}

// A schedule's own terms for the rights that differ in it (Champion members vote too).
void read_schedule_rights(const JsonReader& root, MembershipData& d) {
    if (d.schema_version < 2) return;
    const JsonReader list = root.at("schedules");
    for (std::size_t i = 0; i < d.schedules.size(); ++i) {
        const JsonReader s = list.at(i);
        if (!s.has("rights")) continue;
        s.for_each_member("rights", [&](const std::string& id, const JsonReader& r) {
            const Right* right = d.governance.find_right(id);
            if (!right) r.fail("unknown governance right \"" + id + "\" (not in governance.rights)");
            d.schedules[i].rights[id] = read_right_terms(r, *right, d);
        });
    }
}

void read_snapshot(const JsonReader& root, MembershipData& d) {
    const JsonReader s = root.at("snapshot");
    d.snapshot.date = s.string("date");
    d.snapshot.source = s.optional_string("source");
    d.snapshot.commercial_executive_seats_held =
        static_cast<int>(s.integer("commercial_executive_seats_held", 0, d.governance.commercial_seat_limit));
    s.for_each("members", true, [&](const JsonReader& r) {
        Member m;
        m.name = r.string("name");
        m.tier = r.string("tier");
        require_tier(r, "tier", m.tier, d);
        m.founder = r.optional_bool("founder", false);
        d.snapshot.members.push_back(m);
    });
}

void read_assumptions(const JsonReader& root, MembershipData& d) {
    const JsonReader a = root.at("assumptions");
    Assumptions& as = d.assumptions;
    const JsonReader c = a.at("conference");
    as.conference_non_member_price = money(c.at("non_member_price"), d);
    as.conference_member_price = money(c.at("member_price"), d);
    if (as.conference_member_price.amount > as.conference_non_member_price.amount)
        c.fail_at("member_price", "the member price is higher than the non-member price");
    c.for_each("member_tiers", true, [&](const JsonReader& t) {
        const std::string id = t.as_string();
        if (!known_tier(d, id)) t.fail("unknown tier \"" + id + "\"");
        as.conference_member_tiers.push_back(id);
    });
    as.conference_source = c.string("source");
    const JsonReader t = a.at("training");
    as.training_non_member_hourly = money(t.at("non_member_hourly"), d);
    t.for_each_member("tier_hourly", [&](const std::string& tier, const JsonReader& v) {
        if (!known_tier(d, tier)) v.fail("unknown tier \"" + tier + "\"");
        as.training_tier_hourly[tier] = money(v, d);
    });
    as.training_source = t.string("source");
}

// A word from a fixed list, e.g. a field's kind; the message lists the words allowed.
template <typename Enum, std::size_t N>
Enum one_of(const JsonReader& r, const char* key, const std::pair<const char*, Enum> (&words)[N]) {
    const std::string word = r.string(key);
    std::string allowed;
    for (const auto& w : words) {
        if (word == w.first) return w.second;
        allowed += std::string(allowed.empty() ? "" : ", ") + "\"" + w.first + "\"";
    }
    r.fail_at(key, "expected one of " + allowed + ", found \"" + word + "\"");
}

constexpr std::pair<const char*, FieldKind> kFieldKinds[] = {
    {"text", FieldKind::text},
    {"multiline", FieldKind::multiline},
    {"email", FieldKind::email},
    {"url", FieldKind::url},
    {"date", FieldKind::date},
    {"tier", FieldKind::tier},
    {"organisation_type", FieldKind::organisation_type},
    {"yes_no", FieldKind::yes_no},
    {"country", FieldKind::country},
    {"add_ons", FieldKind::add_ons},
};
constexpr std::pair<const char*, EmailSection> kEmailSections[] = {
    {"request", EmailSection::request},
    {"contact", EmailSection::contact},
    {"billing", EmailSection::billing},
    {"message", EmailSection::message},
};

// A template of the email: text whose {placeholders} are each one of `allowed`.
std::string email_template(const JsonReader& r, const char* key, const std::vector<std::string>& allowed) {
    const std::string text = key ? r.string(key) : r.as_string();
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        const std::string name = text.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string expected;
        for (const std::string& a : allowed) expected += std::string(expected.empty() ? "" : ", ") + "{" + a + "}";
        const std::string message = "unknown placeholder {" + name + "}: expected " + expected;
        if (key) r.fail_at(key, message);
        r.fail(message);
    }
    return text;
}

void read_email_layout(const JsonReader& b, MembershipData& d) {
    EmailLayout& layout = d.join.body;
    std::vector<std::string> fields;  // a paragraph's placeholders: the fields' ids
    for (const JoinField& f : d.join.fields) fields.push_back(f.id);
    b.for_each("paragraphs", false, [&](const JsonReader& p) {
        if (!p.value().is_array() || p.value().empty()) p.fail("expected a list of lines, found " + describe(p.value()));
        std::vector<EmailLine> lines;
        for (std::size_t i = 0; i < p.value().size(); ++i) {
            const JsonReader line = p.at(i);
            EmailLine l;
            const std::string text = line.as_string();
            if (text.rfind("{section ", 0) == 0 && text.back() == '}') {  // a section takes its line alone
                const std::string word = text.substr(9, text.size() - 10);
                const auto known =
                    std::find_if(std::begin(kEmailSections), std::end(kEmailSections), [&](const auto& w) { return word == w.first; });
                if (known == std::end(kEmailSections)) {
                    std::string allowed;
                    for (const auto& w : kEmailSections) allowed += std::string(allowed.empty() ? "" : ", ") + "{section " + w.first + "}";
                    line.fail("expected one of " + allowed + ", found \"" + text + "\"");
                }
                l.is_section = true;
                l.section = known->second;
            } else {
                l.text = email_template(line, nullptr, fields);
            }
            lines.push_back(l);
        }
        layout.paragraphs.push_back(lines);
    });
    layout.field_line = email_template(b, "field_line", {"label", "value"});
    layout.no_value = b.string("no_value");
    layout.fee_line = email_template(b, "fee_line", {"fee"});
    layout.fee_line_with_note = email_template(b, "fee_line_with_note", {"fee", "note"});
    layout.fee_choice_line = email_template(b, "fee_choice_line", {"prices"});
    layout.schedule_line = email_template(b, "schedule_line", {"schedule", "from"});
}

void read_join(const JsonReader& root, MembershipData& d) {
    const JsonReader j = root.at("join");
    if (d.schema_version < 2) check_join_email(j, "email", d.schedules.front().join_email);
    for (std::size_t i = 0; d.schema_version >= 2 && i < d.schedules.size(); ++i)
        check_join_email(root.at("schedules").at(i).at("join"), "email", d.schedules[i].join_email);
    d.join.subject = j.string("subject");
    std::set<std::string> seen;
    j.for_each("fields", false, [&](const JsonReader& r) {
        JoinField f;
        f.id = unique_identifier(r, "id", seen);
        f.label = r.string("label");
        f.kind = one_of(r, "kind", kFieldKinds);
        f.required = r.optional_bool("required", false);
        // A yes/no or a set of add-ons has no length; every other value is text with a limit.
        if (f.kind != FieldKind::yes_no && f.kind != FieldKind::add_ons)
            f.max_length = static_cast<int>(r.integer("max_length", 1, 100000));
        f.placeholder = r.optional_string("placeholder");
        f.autocomplete = r.optional_string("autocomplete");
        if (f.autocomplete.find_first_of(" \t\"<>") != std::string::npos)
            r.fail_at("autocomplete", "expected one autocomplete token such as \"email\", found \"" + f.autocomplete + "\"");
        f.section = one_of(r, "section", kEmailSections);
        r.for_each_optional("for_tiers", [&](const JsonReader& t) {
            const std::string id = t.as_string();
            if (!known_tier(d, id)) t.fail("unknown tier \"" + id + "\"");
            f.for_tiers.push_back(id);
        });
        d.join.fields.push_back(f);
    });
    read_email_layout(j.at("body"), d);
    // The tier and the organisation type are also the calculator's and governance's inputs: the
    // form must hold exactly one of each.
    for (const auto& kind : kFieldKinds) {
        if (kind.second != FieldKind::tier && kind.second != FieldKind::organisation_type) continue;
        int count = 0;
        for (const JoinField& f : d.join.fields) count += f.kind == kind.second;
        if (count != 1)
            j.fail_at("fields", "expected exactly one field of kind \"" + std::string(kind.first) + "\", found " + std::to_string(count));
    }
    // The calculator shares the add-ons field's value: one such field at most.
    if (std::count_if(d.join.fields.begin(), d.join.fields.end(), [](const JoinField& f) { return f.kind == FieldKind::add_ons; }) > 1)
        j.fail_at("fields", "expected at most one field of kind \"add_ons\"");
}

void read_calculator_goals(const JsonReader& root, MembershipData& d) {
    std::set<std::string> seen;
    root.for_each_optional("calculator_goals", [&](const JsonReader& r) {
        CalculatorGoal g;
        g.id = unique_identifier(r, "id", seen);
        g.label = r.string("label");
        g.wants = r.string("wants");
        g.right = r.string("right");
        if (!d.governance.find_right(g.right)) r.fail_at("right", "unknown governance right \"" + g.right + "\"");
        g.when_conditional = r.optional_string("when_conditional");
        g.when_no = r.optional_string("when_no");
        d.calculator_goals.push_back(g);
    });
}

MembershipData read_membership(const std::string& json_text, const std::string& file_name) {
    const nlohmann::json doc = JsonReader::parse(json_text, file_name);
    const JsonReader root(doc, file_name);
    if (!doc.is_object()) root.fail("expected a JSON object, found " + describe(doc));
    MembershipData d;
    d.schema_version = static_cast<int>(root.integer("schema_version", 1, 1000000));
    if (d.schema_version > kSchemaVersion)
        root.fail_at("schema_version",
                     "version " + std::to_string(d.schema_version) + " is newer than this app understands (" +
                         std::to_string(kSchemaVersion) + "); update the app");
    d.reviewed = optional_date(root, "reviewed");
    read_currencies(root, d);
    read_texts(root, d);
    read_organisation_types(root, d);
    read_countries(root, d);
    read_schedules(root, d);
    read_governance(root, d);
    read_schedule_rights(root, d);
    read_snapshot(root, d);
    read_assumptions(root, d);
    read_calculator_goals(root, d);
    read_join(root, d);
    show_schedule(d, d.schedules.size() - 1);
    return d;
}

}  // namespace

MembershipData load_membership(const std::string& json_text, const std::string& file_name) {
    try {
        return read_membership(json_text, file_name);
    } catch (const DataError& e) {
        // A rule broken in a well-formed file: add where the value is (or, for a missing key,
        // the object that lacks it). Syntax errors already carry their line and column.
        if (e.line() > 0 || e.path().rfind("line ", 0) == 0) throw;
        const JsonSpan span = locate_json_path(json_text, e.path() == "(top level)" ? "" : e.path());
        const TextPosition p = position_of(json_text, span.begin);
        throw DataError(e.file(), e.path(), e.message(), p.line, p.column);
    }
}

LoadResult try_load_membership(const std::string& json_text, const std::string& file_name) {
    LoadResult result;
    try {
        result.data = load_membership(json_text, file_name);
    } catch (const DataError& e) {
        result.error = e.what();
    } catch (const std::exception& e) {  // e.g. bad_alloc, or a JSON type error we did not foresee
        result.error = file_name + ": " + e.what();
    }
    return result;
}

}  // namespace iiifc
