#include "join_request.h"

#include "data_error.h"
#include "calculator.h"
#include "eligibility.h"
#include "money_format.h"
#include "json_reader.h"
#include "text_utf8.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace iiifc {

namespace {

struct TextFieldEntry { const char* id; std::string JoinRequest::*member; };
const TextFieldEntry kTextFields[] = {
    {"institution", &JoinRequest::institution},   {"organisation_type", &JoinRequest::organisation_type},
    {"country", &JoinRequest::country},           {"website", &JoinRequest::website},
    {"contact_name", &JoinRequest::contact_name}, {"contact_email", &JoinRequest::contact_email},
    {"role", &JoinRequest::role},                 {"billing_name", &JoinRequest::billing_name},
    {"billing_email", &JoinRequest::billing_email}, {"tier", &JoinRequest::tier},
    {"start_date", &JoinRequest::start_date},     {"message", &JoinRequest::message},
};

constexpr const char* kExportFormat = "iiifc-join-request";
constexpr int kExportVersion = 1;

}  // namespace

bool JoinRequest::operator==(const JoinRequest& o) const {
    for (const TextFieldEntry& f : kTextFields)
        if (this->*f.member != o.*f.member) return false;
    return purchase_order == o.purchase_order;
}

std::string* text_field(JoinRequest& r, const std::string& id) {
    for (const TextFieldEntry& f : kTextFields)
        if (id == f.id) return &(r.*f.member);
    return nullptr;
}

const std::string* text_field(const JoinRequest& r, const std::string& id) {
    return text_field(const_cast<JoinRequest&>(r), id);
}

bool is_valid_email(const std::string& s) {
    const std::size_t at = s.rfind('@');
    if (at == std::string::npos || at == 0 || at > 64 || s.size() > 254) return false;
    const std::string local = s.substr(0, at), domain = s.substr(at + 1);
    for (unsigned char c : local)
        if (c <= ' ' || c == 0x7F || std::string("()<>[]\\,;:\"@").find(static_cast<char>(c)) != std::string::npos) return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) return false;
    if (domain.find('.') == std::string::npos || domain.size() > 253) return false;
    std::size_t label_start = 0;
    for (std::size_t i = 0; i <= domain.size(); ++i) {
        if (i == domain.size() || domain[i] == '.') {
            const std::size_t len = i - label_start;
            if (len == 0 || len > 63 || domain[label_start] == '-' || domain[i - 1] == '-') return false;
            label_start = i + 1;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(domain[i]);
        // Letters, digits, hyphens; bytes >= 0x80 allow internationalised domain names in UTF-8.
        if (!(std::isalnum(c) || c == '-' || c >= 0x80)) return false;
    }
    return true;
}

bool is_valid_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool is_valid_website(const std::string& s) {
    const std::string lower = to_lower_ascii(s);
    std::size_t host = 0;
    if (lower.rfind("https://", 0) == 0) host = 8;
    else if (lower.rfind("http://", 0) == 0) host = 7;
    else return false;
    const std::size_t end = s.find_first_of("/?#", host);
    const std::string h = s.substr(host, end == std::string::npos ? std::string::npos : end - host);
    return !h.empty() && h.find('.') != std::string::npos && h.find_first_of(" \t@") == std::string::npos;
}

std::vector<FieldError> validate(const JoinRequest& r, const MembershipData& data) {
    std::vector<FieldError> errors;
    for (const JoinField& f : data.join.fields) {
        const std::string* value = text_field(r, f.id);
        if (!value) continue;  // purchase_order: a yes/no, always valid
        auto add = [&](const std::string& message) { errors.push_back({f.id, f.label + " " + message}); };
        const bool multiline = f.id == "message";
        if (!is_valid_utf8(*value)) { add("contains invalid characters (not UTF-8)."); continue; }
        if (trim(*value).empty()) {
            if (f.required) add("is required.");
            continue;
        }
        if (utf8_length(*value) > static_cast<std::size_t>(f.max_length))
            add("is too long: " + std::to_string(utf8_length(*value)) + " characters, at most " + std::to_string(f.max_length) + ".");
        if (has_control_characters(*value, multiline)) add("contains control characters (such as line breaks); remove them.");
        if ((f.id == "contact_email" || f.id == "billing_email") && !is_valid_email(trim(*value)))
            add("is not a valid email address (expected name@example.org).");
        if (f.id == "website" && !is_valid_website(trim(*value))) add("must start with https:// or http:// and name a host.");
        if (f.id == "start_date" && !is_valid_date(*value)) add("must be a date written YYYY-MM-DD.");
        if (f.id == "tier" && !data.find_tier(*value)) add("is not one of the membership tiers.");
        if (f.id == "organisation_type" && !data.find_organisation_type(*value)) add("is not one of the organisation types.");
    }
    return errors;
}

std::vector<FieldError> errors_for(const std::vector<FieldError>& all, const std::string& field) {
    std::vector<FieldError> out;
    for (const FieldError& e : all)
        if (e.field == field) out.push_back(e);
    return out;
}

static std::string tier_name(const JoinRequest& r, const MembershipData& data) {
    const Tier* t = data.find_tier(r.tier);
    return t ? t->name : r.tier;
}

std::string email_subject(const JoinRequest& r, const MembershipData& data) {
    // The subject is a single header line: controls (CR/LF above all) must never reach it.
    const std::string institution = trim(strip_control_characters(r.institution));
    std::string s = fill_placeholders(data.join.subject, {{"institution", institution.empty() ? "(institution)" : institution},
                                                          {"tier", trim(strip_control_characters(tier_name(r, data)))}});
    return truncate_utf8(strip_control_characters(s), 250);
}

std::string email_body(const JoinRequest& r, const MembershipData& data) {
    auto line = [](const std::string& label, const std::string& value) {
        return label + ": " + (trim(value).empty() ? "-" : trim(strip_control_characters(value))) + "\n";
    };
    auto label = [&](const char* id, const char* fallback) {
        const JoinField* f = data.join.find_field(id);
        return f ? f->label : std::string(fallback);
    };
    const OrganisationType* type = data.find_organisation_type(r.organisation_type);
    std::string b = "Dear IIIF Consortium,\n\n";
    b += "We would like to join the IIIF Consortium, at the level of " + tier_name(r, data) + ".\n\n";
    b += line(label("institution", "Institution"), r.institution);
    b += line(label("organisation_type", "Organisation type"), type ? type->name : r.organisation_type);
    b += line(label("country", "Country"), r.country);
    b += line(label("website", "Website"), r.website);
    b += line(label("tier", "Membership tier"), tier_name(r, data));
    if (const Tier* t = data.find_tier(r.tier)) {
        // The fee stated in the request is the schedule's, so the consortium sees what the institution expects to pay.
        std::string note;
        const Money fee = tier_fee_for(data, *t, r.country, &note);
        b += "Annual contribution: " + format_money(fee, data) + (note.empty() ? "" : " (" + note + ")") + "\n";
    }
    b += line(label("start_date", "Preferred start date"), r.start_date);
    b += line(label("purchase_order", "Purchase order needed"), r.purchase_order ? "Yes" : "No");
    b += "\n";
    b += line(label("contact_name", "Contact name"), r.contact_name);
    b += line(label("contact_email", "Contact email"), r.contact_email);
    b += line(label("role", "Role"), r.role);
    if (!trim(r.billing_name).empty() || !trim(r.billing_email).empty()) {
        b += line(label("billing_name", "Billing contact"), r.billing_name);
        b += line(label("billing_email", "Billing email"), r.billing_email);
    }
    const std::string message = trim(normalize_newlines(r.message, "\n"));
    if (!message.empty()) b += "\n" + message + "\n";
    b += "\nKind regards,\n" + (trim(r.contact_name).empty() ? std::string("-") : trim(strip_control_characters(r.contact_name))) + "\n";
    return b;
}

std::string percent_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string percent_decode(const std::string& s, bool plus_is_space) {
    auto hexval = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else if (plus_is_space && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string mailto_uri(const JoinRequest& r, const MembershipData& data) {
    // RFC 6068: UTF-8, percent-encoded; line breaks in the body as %0D%0A.
    return "mailto:" + percent_encode(data.join.email) + "?subject=" + percent_encode(email_subject(r, data)) +
           "&body=" + percent_encode(normalize_newlines(email_body(r, data), "\r\n"));
}

bool mailto_too_long(const std::string& uri) { return uri.size() > kMailtoReliableLength; }

std::string join_request_to_json(const JoinRequest& r) {
    nlohmann::json fields = nlohmann::json::object();
    for (const TextFieldEntry& f : kTextFields) fields[f.id] = r.*f.member;
    fields["purchase_order"] = r.purchase_order;
    const nlohmann::json doc = {{"format", kExportFormat}, {"version", kExportVersion}, {"request", fields}};
    // Replace invalid UTF-8 rather than throw: the user's text is exported even if a byte is off.
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

JoinImport join_request_from_json(const std::string& text, const std::string& file_name) {
    JoinImport result;
    try {
        const nlohmann::json doc = JsonReader::parse(text, file_name);
        const JsonReader root(doc, file_name);
        if (!doc.is_object()) root.fail("expected a JSON object, found " + describe(doc));
        if (root.optional_string("format", kExportFormat) != kExportFormat)
            root.fail_at("format", "expected \"" + std::string(kExportFormat) + "\": this is not a join request file");
        const std::int64_t version = root.optional_integer("version", kExportVersion, 1, 1000000);
        if (version > kExportVersion) root.fail_at("version", "this join request was saved by a newer version of the app");
        const JsonReader fields = root.at("request");
        if (!doc.at("request").is_object()) fields.fail("expected an object, found " + describe(doc.at("request")));
        for (const TextFieldEntry& f : kTextFields) result.request.*f.member = fields.optional_string(f.id);
        result.request.purchase_order = fields.optional_bool("purchase_order", false);
        result.ok = true;
    } catch (const DataError& e) {
        result.error = e.what();
    } catch (const std::exception& e) {
        result.error = file_name + ": " + e.what();
    }
    return result;
}

}  // namespace iiifc
