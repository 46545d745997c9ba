// The join request: a form model with per-field validation, and its outputs (email subject and
// body, a mailto: URI per RFC 6068, a JSON export that loads back into the form).
#pragma once

#include "membership.h"

#include <map>
#include <string>
#include <vector>

namespace iiifc {

// A join request: the value of each field of the data's join form, by field id, so a field added
// to the data needs no code. Text as typed; a yes/no is "yes" or empty; a tier or an organisation
// type holds its id. Values of fields the data does not (or no longer) know are kept, not shown.
struct JoinRequest {
    std::map<std::string, std::string> values;
    const std::string& get(const std::string& field_id) const;  // "" when absent
    std::string& at(const std::string& field_id) { return values[field_id]; }
    bool operator==(const JoinRequest& o) const;  // an absent value equals an empty one
};

// The fields of a kind that the rest of the app reads (the tier, the organisation type).
const std::string& value_of_kind(const JoinRequest& r, const MembershipData& data, FieldKind kind);
void set_value_of_kind(JoinRequest& r, const MembershipData& data, FieldKind kind, const std::string& value);
std::string country_of(const JoinRequest& r, const MembershipData& data);
// The add-ons field holds the chosen add-ons' ids, comma-separated; one value for the join form and
// the calculator, as the country is. chosen_add_ons: the schedule's add-ons chosen, in its order.
std::vector<std::string> chosen_add_ons(const JoinRequest& r, const MembershipData& data);
void set_chosen_add_ons(JoinRequest& r, const MembershipData& data, const std::vector<std::string>& ids);
// Whether the form asks this field for the request's tier (a field for some tiers only is neither
// shown, checked nor written in the email for the others; its value is kept), and add-ons only
// when the schedule has some.
bool field_asked(const JoinRequest& r, const JoinField& field,
                 const MembershipData& data);  // the ISO code of the country field; "" if none
// The value as a person reads it: a tier's or type's name, "Yes"/"No", each add-on with its price,
// text trimmed.
std::string display_value(const JoinRequest& r, const JoinField& field, const MembershipData& data);

struct FieldError {
    std::string field;    // JoinField::id
    std::string message;  // "Contact email is required", names the field's label
    bool operator==(const FieldError& o) const { return field == o.field && message == o.message; }
};
std::vector<FieldError> validate(const JoinRequest& r, const MembershipData& data);
std::vector<FieldError> errors_for(const std::vector<FieldError>& all, const std::string& field);

bool is_valid_email(const std::string& s);
bool is_valid_date(const std::string& s);     // YYYY-MM-DD, a real calendar date
bool is_valid_website(const std::string& s);  // http(s)://host...

std::string email_subject(const JoinRequest& r, const MembershipData& data);  // one line, no control characters
std::string email_body(const JoinRequest& r, const MembershipData& data);     // plain text, LF line breaks

constexpr std::size_t kMailtoReliableLength = 2000;  // longer mailto: links do not open reliably everywhere
std::string percent_encode(const std::string& s);    // RFC 3986 unreserved kept, all else %XX of UTF-8
std::string percent_decode(const std::string& s, bool plus_is_space = false);
std::string mailto_uri(const JoinRequest& r, const MembershipData& data);
bool mailto_too_long(const std::string& uri);

// The join request file (.json): what the app downloads and loads and the CLI's `join` reads.
// Import never throws: problems go to `error`, naming the field or position.
std::string join_request_to_json(const JoinRequest& r, const MembershipData& data);
struct JoinImport {
    bool ok = false;
    JoinRequest request;
    std::string error;
};
JoinImport join_request_from_json(const std::string& text, const std::string& file_name, const MembershipData& data);

}  // namespace iiifc
