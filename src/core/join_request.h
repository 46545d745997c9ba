// The join request: a form model with per-field validation, and its outputs (email subject and
// body, a mailto: URI per RFC 6068, a JSON export that loads back into the form).
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

struct JoinRequest {
    std::string institution, organisation_type, country, website;
    std::string contact_name, contact_email, role;
    std::string billing_name, billing_email;   // optional
    std::string tier;
    std::string start_date;                    // YYYY-MM-DD, optional
    bool purchase_order = false;
    std::string message;
    bool operator==(const JoinRequest& o) const;
};

// Text fields by id ("institution", ...), for forms and JSON; nullptr for unknown ids and purchase_order.
std::string* text_field(JoinRequest& r, const std::string& id);
const std::string* text_field(const JoinRequest& r, const std::string& id);

struct FieldError {
    std::string field;     // JoinField::id
    std::string message;   // "Contact email is required", names the field's label
    bool operator==(const FieldError& o) const { return field == o.field && message == o.message; }
};
std::vector<FieldError> validate(const JoinRequest& r, const MembershipData& data);
std::vector<FieldError> errors_for(const std::vector<FieldError>& all, const std::string& field);

bool is_valid_email(const std::string& s);
bool is_valid_date(const std::string& s);       // YYYY-MM-DD, a real calendar date
bool is_valid_website(const std::string& s);    // http(s)://host...

std::string email_subject(const JoinRequest& r, const MembershipData& data);  // one line, no control characters
std::string email_body(const JoinRequest& r, const MembershipData& data);     // plain text, LF line breaks

constexpr std::size_t kMailtoReliableLength = 2000;  // longer mailto: links do not open reliably everywhere
std::string percent_encode(const std::string& s);  // RFC 3986 unreserved kept, all else %XX of UTF-8
std::string percent_decode(const std::string& s, bool plus_is_space = false);
std::string mailto_uri(const JoinRequest& r, const MembershipData& data);
bool mailto_too_long(const std::string& uri);

// JSON export and import. Import never throws: problems go to `error`, naming the field or position.
std::string join_request_to_json(const JoinRequest& r);
struct JoinImport {
    bool ok = false;
    JoinRequest request;
    std::string error;
};
JoinImport join_request_from_json(const std::string& text, const std::string& file_name);

}  // namespace iiifc
