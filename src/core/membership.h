// The membership data model: everything the consortium's Join page says, as plain value types.
// Loaded from assets/membership.json by data_loader.h; nothing here is hard-coded.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace iiifc {

struct Money {
    std::int64_t amount = 0;  // minor units (cents): integers, so sums never drift
    std::string currency;     // ISO 4217 code, e.g. "USD"
    bool operator==(const Money& o) const { return amount == o.amount && currency == o.currency; }
    bool operator!=(const Money& o) const { return !(*this == o); }
};

struct Currency {
    std::string code;     // "USD"
    std::string symbol;   // "US$"
    int minor_units = 2;  // digits after the decimal point
    bool operator==(const Currency& o) const { return code == o.code && symbol == o.symbol && minor_units == o.minor_units; }
};

struct Benefit {  // a row of the comparison table
    std::string id;
    std::string label;
    bool operator==(const Benefit& o) const { return id == o.id && label == o.label; }
};

struct TierBenefit {      // a benefit as the page words it for one tier
    std::string id;       // refers to Benefit::id
    std::string text;     // the page's sentence
    std::string summary;  // short cell text where tiers differ ("Represented", "May nominate"); may be empty
    bool operator==(const TierBenefit& o) const { return id == o.id && text == o.text && summary == o.summary; }
};

struct Tier {
    std::string id;          // "full"
    std::string name;        // "Full membership"
    std::string short_name;  // "Full"
    Money annual_fee;
    std::string fee_label;  // "annual sustaining contribution"
    std::vector<TierBenefit> benefits;
    int conference_registrations_included = 0;  // free conference registrations a year
    std::string includes_benefits_of;           // "full": every benefit of that tier too (copied into benefits)
    const TierBenefit* find_benefit(const std::string& benefit_id) const;
    bool operator==(const Tier& o) const;
};

struct AddOn {  // optional yearly extra a member may buy (2026 schedule)
    std::string id, name, description;
    Money annual_fee;
    bool operator==(const AddOn& o) const {
        return id == o.id && name == o.name && description == o.description && annual_fee == o.annual_fee;
    }
};

struct IncomeGroup {  // e.g. World Bank low- and middle-income countries
    std::string id, name;
    std::vector<std::string> countries;  // ISO 3166-1 alpha-2 codes
    bool contains(const std::string& country_code) const;
    bool operator==(const IncomeGroup& o) const { return id == o.id && name == o.name && countries == o.countries; }
};

struct PriceVariant {  // a tier's fee for institutions in one income group
    std::string tier, income_group, label;
    Money annual_fee;
    bool operator==(const PriceVariant& o) const {
        return tier == o.tier && income_group == o.income_group && label == o.label && annual_fee == o.annual_fee;
    }
};

struct Condition {
    std::string id, text;
};

struct OrganisationType {
    std::string id, name;
    bool commercial = false;  // counts against the Executive Committee's commercial seat limit
};

enum class Grant { no, yes, conditional };
const char* to_string(Grant g);

struct RightTerms {                              // a governance right as one schedule grants and words it
    std::map<std::string, Grant> tiers;          // tier id (or "*" for every tier) -> grant; absent means no
    std::map<std::string, std::string> reasons;  // "yes" / "no" / "conditional" / "commercial" -> sentence
};

struct Right {  // a governance right and which tiers have it
    std::string id, name;
    std::map<std::string, Grant> tiers;          // tier id (or "*" for every tier) -> grant; absent means no
    bool commercial_limited = false;             // subject to the commercial Executive Committee seat limit
    std::map<std::string, std::string> reasons;  // "yes" / "no" / "conditional" / "commercial" -> sentence
    RightTerms common;                           // the terms as the file's governance writes them
    Grant grant_for(const std::string& tier_id) const;
};

struct Fraction {
    int numerator = 1, denominator = 2;
};

struct Governance {
    std::string executive_name, executive_about;
    int executive_seats = 0;
    int commercial_seat_limit = 0;
    std::string operating_name, operating_about;
    std::string trc_name, trc_about;
    std::string trc_elected_tier;  // tier whose representatives are elected under a cap
    Fraction trc_elected_fraction;
    bool trc_round_up = true;
    std::vector<Right> rights;
    const Right* find_right(const std::string& id) const;
};

// One dated fee schedule: its tiers, prices, add-ons, the benefits' wording, where to send a join
// request, and the governance rights where they differ from the file's common ones. The schedule
// in force on a date is chosen by schedules.h.
struct Schedule {
    std::string id;                 // "2026": the deep link's `schedule=` value
    std::string name;               // "Fees from 2026": the switch's label
    std::string source;             // where its facts come from
    std::string effective_from;     // ISO date
    std::string effective_until;    // ISO date, last day these fees apply; "" when open-ended
    std::vector<Benefit> benefits;  // the comparison's rows
    std::vector<Tier> tiers;        // in the page's order
    std::vector<AddOn> add_ons;
    std::vector<IncomeGroup> income_groups;
    std::vector<PriceVariant> price_variants;
    std::string join_email, join_instructions;
    std::map<std::string, RightTerms> rights;  // right id -> this schedule's terms
};

struct Country {       // ISO 3166-1
    std::string id;    // alpha-2 code, "KE"
    std::string name;  // English short name, "Kenya"
};

// A classification of countries into income groups (the World Bank's), with its year and source.
struct IncomeClassification {
    std::string name, source, effective_from, effective_until;
    struct Group {
        std::string id, name;
        std::vector<std::string> countries;  // alpha-2 codes
    };
    std::vector<Group> groups;
    const Group* group_of(const std::string& country_code) const;  // nullptr: not classified
};

struct Member {
    std::string name, tier;
    bool founder = false;  // founding member, 2015
};

struct Snapshot {  // the consortium as it stood on one date
    std::string date, source;
    int commercial_executive_seats_held = 0;
    std::vector<Member> members;
    int count_in_tier(const std::string& tier_id) const;
};

struct Assumptions {  // editable inputs of the value estimate, each with its source
    Money conference_non_member_price, conference_member_price;
    std::vector<std::string> conference_member_tiers;
    std::string conference_source;
    Money training_non_member_hourly;
    std::map<std::string, Money> training_tier_hourly;
    std::string training_source;
    bool operator==(const Assumptions& o) const;
};

// What a join request field holds: it decides the control, the validation and how the value is
// written into the email and the join request file.
// country: an ISO 3166-1 code, chosen by its name. add_ons: the schedule's add-ons chosen (a set of
// ids; asked only when the schedule in force has add-ons).
enum class FieldKind { text, multiline, email, url, date, tier, organisation_type, yes_no, country, add_ons };
// Where a field's line goes in the email: the request itself, the contact, the billing contact (a
// block written only when one of its fields has a value), or the free-text message.
enum class EmailSection { request, contact, billing, message };

struct JoinField {
    std::string id, label;
    FieldKind kind = FieldKind::text;
    bool required = false;
    int max_length = 0;        // in characters (code points); 0 for yes/no and add-ons
    std::string placeholder;   // shown in the empty field; may be empty
    std::string autocomplete;  // the browser's autocomplete token ("organization", "email"); may be empty
    EmailSection section = EmailSection::request;
    std::vector<std::string> for_tiers;  // asked only for these tiers (Champion's "direct your support"); empty: always
};

// The email's body as the data lays it out (`join.body`): paragraphs, separated by an empty line,
// of lines. A line is text with {field id} placeholders (the field's value as read, `no_value` when
// empty), or a whole section of fields ("{section request}"); a paragraph left without lines is left
// out. Each field of a section is a `field_line`, the tier's followed by its fee and schedule lines.
struct EmailLine {
    std::string text;  // a template; unused for a section
    bool is_section = false;
    EmailSection section = EmailSection::request;
};
struct EmailLayout {
    std::vector<std::vector<EmailLine>> paragraphs;
    std::string field_line;          // "{label}: {value}"
    std::string no_value;            // "-"
    std::string fee_line;            // "Annual contribution: {fee}"
    std::string fee_line_with_note;  // "Annual contribution: {fee} ({note})": an income group's price
    std::string fee_choice_line;     // "Annual contribution: {prices}": both prices, where the country does not decide
    std::string schedule_line;       // "Fee schedule: {schedule} (from {from})"
};

struct JoinInfo {
    std::string email;  // where requests go
    std::string instructions;
    std::string subject;  // template: {field id} placeholders take that field's value
    EmailLayout body;
    std::vector<JoinField> fields;  // in the form's order; exactly one of kind tier and one of organisation_type
    const JoinField* find_field(const std::string& id) const;
    const JoinField* field_of_kind(FieldKind kind) const;                      // the first; nullptr if none
    const JoinField* field_with_autocomplete(const std::string& token) const;  // e.g. "organization": the institution
};

// A goal the calculator can weigh ("a vote in Executive Committee elections"): met by the tiers
// that hold a governance right outright.
struct CalculatorGoal {
    std::string id, label;  // label: the checkbox ("We want a vote in ...")
    std::string wants;      // the phrase in reasons ("a vote in Executive Committee elections")
    std::string right;      // Right::id
    std::string when_conditional,
        when_no;  // said of a recommended tier that has the right only with a condition / not at all; may be empty
};

struct MembershipData {
    int schema_version = 0;
    std::string source;    // the shown schedule's
    std::string reviewed;  // ISO date someone last checked the data; may be ""
    std::vector<Currency> currencies;
    std::string intro;
    std::vector<std::string> goals;
    std::vector<std::string> member_benefits;  // what every member gets
    std::vector<Condition> conditions;
    std::vector<OrganisationType> organisation_types;
    std::vector<Benefit> benefits;    // the shown schedule's (below)
    std::vector<Schedule> schedules;  // every schedule of the file, in date order
    std::size_t shown = 0;            // which one `schedule` is (schedules.h shows another)
    Schedule schedule;                // the one shown: tiers, prices, join email, rights applied here
    std::vector<Country> countries;   // by name
    IncomeClassification income_classification;
    Governance governance;
    Snapshot snapshot;
    Assumptions assumptions;
    std::vector<CalculatorGoal> calculator_goals;
    JoinInfo join;

    const Tier* find_tier(const std::string& id) const;
    const OrganisationType* find_organisation_type(const std::string& id) const;
    const Currency* find_currency(const std::string& code) const;
    const Country* find_country(const std::string& code) const;
};

}  // namespace iiifc
