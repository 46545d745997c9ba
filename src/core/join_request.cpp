#include "join_request.h"

#include "data_error.h"
#include "calculator.h"
#include "eligibility.h"
#include "money_format.h"
#include "json_reader.h"
#include "text_utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace iiifc {

namespace {

constexpr const char* kExportFormat = "iiifc-join-request";
constexpr int kExportVersion = 1;

bool is_text(FieldKind k) { return k != FieldKind::yes_no && k != FieldKind::add_ons; }

constexpr char kIdSeparator = ',';  // between the add-on ids of the add-ons field's value

std::vector<std::string> split_ids(const std::string& value) {
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(kIdSeparator, start), value.size());
        if (const std::string id = trim(value.substr(start, end - start)); !id.empty()) ids.push_back(id);
        start = end + 1;
    }
    return ids;
}

const AddOn* find_add_on(const MembershipData& data, const std::string& id) {
    for (const AddOn& a : data.schedule.add_ons)
        if (a.id == id) return &a;
    return nullptr;
}

// What a message about an unknown add-on says is known: "Fees from 2026 offers allmaps, ...".
std::string known_add_ons(const MembershipData& data) {
    std::string ids;
    for (const AddOn& a : data.schedule.add_ons) ids += (ids.empty() ? "" : ", ") + a.id;
    return data.schedule.name + " offers " + (ids.empty() ? "none" : ids);
}

}  // namespace

const std::string& JoinRequest::get(const std::string& field_id) const {
    static const std::string none;
    const auto it = values.find(field_id);
    return it == values.end() ? none : it->second;
}

bool JoinRequest::operator==(const JoinRequest& o) const {
    for (const auto& kv : values)
        if (o.get(kv.first) != kv.second) return false;
    for (const auto& kv : o.values)
        if (get(kv.first) != kv.second) return false;
    return true;
}

const std::string& value_of_kind(const JoinRequest& r, const MembershipData& data, FieldKind kind) {
    static const std::string none;
    const JoinField* f = data.join.field_of_kind(kind);
    return f ? r.get(f->id) : none;
}

bool field_asked(const JoinRequest& r, const JoinField& f, const MembershipData& data) {
    if (f.kind == FieldKind::add_ons && data.schedule.add_ons.empty()) return false;
    if (f.for_tiers.empty()) return true;
    const std::string& tier = value_of_kind(r, data, FieldKind::tier);
    return std::find(f.for_tiers.begin(), f.for_tiers.end(), tier) != f.for_tiers.end();
}

std::string country_of(const JoinRequest& r, const MembershipData& data) {
    const JoinField* f = data.join.field_of_kind(FieldKind::country);
    if (!f) f = data.join.field_with_autocomplete("country-name");
    return f ? trim(r.get(f->id)) : "";
}

std::vector<std::string> chosen_add_ons(const JoinRequest& r, const MembershipData& data) {
    const std::vector<std::string> ids = split_ids(value_of_kind(r, data, FieldKind::add_ons));
    std::vector<std::string> chosen;
    for (const AddOn& a : data.schedule.add_ons)
        if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) chosen.push_back(a.id);
    return chosen;
}

void set_chosen_add_ons(JoinRequest& r, const MembershipData& data, const std::vector<std::string>& ids) {
    std::string value;  // in the schedule's order, each once
    for (const AddOn& a : data.schedule.add_ons)
        if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) value += (value.empty() ? "" : std::string(1, kIdSeparator)) + a.id;
    set_value_of_kind(r, data, FieldKind::add_ons, value);
}

void set_value_of_kind(JoinRequest& r, const MembershipData& data, FieldKind kind, const std::string& value) {
    if (const JoinField* f = data.join.field_of_kind(kind)) r.at(f->id) = value;
}

std::string display_value(const JoinRequest& r, const JoinField& field, const MembershipData& data) {
    const std::string& v = r.get(field.id);
    switch (field.kind) {
        case FieldKind::yes_no: return v.empty() ? "No" : "Yes";
        case FieldKind::tier: {
            const Tier* t = data.find_tier(v);
            return t ? t->name : trim(v);
        }
        case FieldKind::organisation_type: {
            const OrganisationType* t = data.find_organisation_type(v);
            return t ? t->name : trim(v);
        }
        case FieldKind::country: {  // a name typed before the list (older drafts) reads as typed
            const Country* c = data.find_country(v);
            return c ? c->name : trim(v);
        }
        case FieldKind::add_ons: {  // an id the schedule does not offer reads as it is (validation names it)
            std::string shown;
            for (const std::string& id : split_ids(v)) {
                const AddOn* a = find_add_on(data, id);
                shown += (shown.empty() ? "" : ", ") + (a ? add_on_with_price(*a, data) : id);
            }
            return shown;
        }
        default: return trim(v);
    }
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
    if (lower.rfind("https://", 0) == 0)
        host = 8;
    else if (lower.rfind("http://", 0) == 0)
        host = 7;
    else
        return false;
    const std::size_t end = s.find_first_of("/?#", host);
    const std::string h = s.substr(host, end == std::string::npos ? std::string::npos : end - host);
    return !h.empty() && h.find('.') != std::string::npos && h.find_first_of(" \t@") == std::string::npos;
}

std::vector<FieldError> validate(const JoinRequest& r, const MembershipData& data) {
    std::vector<FieldError> errors;
    for (const JoinField& f : data.join.fields) {
        if (!field_asked(r, f, data)) continue;
        const std::string& value = r.get(f.id);
        auto add = [&](const std::string& message) { errors.push_back({f.id, f.label + " " + message}); };
        if (f.kind == FieldKind::yes_no) {
            if (f.required && value.empty()) add("must be ticked.");
            continue;
        }
        if (f.kind == FieldKind::add_ons) {
            const std::vector<std::string> ids = split_ids(value);
            if (f.required && ids.empty()) add("needs at least one add-on ticked.");
            for (const std::string& id : ids)
                if (!find_add_on(data, id)) add("lists \"" + id + "\", which is not an add-on (" + known_add_ons(data) + ").");
            continue;
        }
        if (!is_valid_utf8(value)) {
            add("contains invalid characters (not UTF-8).");
            continue;
        }
        if (trim(value).empty()) {
            if (f.required) add("is required.");
            continue;
        }
        if (utf8_length(value) > static_cast<std::size_t>(f.max_length))
            add("is too long: " + std::to_string(utf8_length(value)) + " characters, at most " + std::to_string(f.max_length) + ".");
        if (has_control_characters(value, f.kind == FieldKind::multiline))
            add("contains control characters (such as line breaks); remove them.");
        switch (f.kind) {
            case FieldKind::email:
                if (!is_valid_email(trim(value))) add("is not a valid email address (expected name@example.org).");
                break;
            case FieldKind::url:
                if (!is_valid_website(trim(value))) add("must start with https:// or http:// and name a host.");
                break;
            case FieldKind::date:
                if (!is_valid_date(value)) add("must be a date written YYYY-MM-DD.");
                break;
            case FieldKind::tier:
                if (!data.find_tier(value)) add("is not one of the membership tiers.");
                break;
            case FieldKind::organisation_type:
                if (!data.find_organisation_type(value)) add("is not one of the organisation types.");
                break;
            case FieldKind::country:
                if (!data.countries.empty() && !data.find_country(value)) add("is not one of the countries of the list; choose it there.");
                break;
            default: break;
        }
    }
    return errors;
}

std::vector<FieldError> errors_for(const std::vector<FieldError>& all, const std::string& field) {
    std::vector<FieldError> out;
    for (const FieldError& e : all)
        if (e.field == field) out.push_back(e);
    return out;
}

std::string email_subject(const JoinRequest& r, const MembershipData& data) {
    // The subject is a single header line: controls (CR/LF above all) must never reach it.
    // Each {field id} takes that field's value; an empty one reads "(institution)".
    std::vector<std::pair<std::string, std::string>> values;
    for (const JoinField& f : data.join.fields) {
        const std::string v = trim(strip_control_characters(display_value(r, f, data)));
        values.emplace_back(f.id, v.empty() ? "(" + to_lower_ascii(f.label) + ")" : v);
    }
    return truncate_utf8(strip_control_characters(fill_placeholders(data.join.subject, values)), 250);
}

std::string email_body(const JoinRequest& r, const MembershipData& data) {
    // The layout and every word around the answers are the data's (join.body); here, only the rules.
    const EmailLayout& layout = data.join.body;
    auto shown = [&](const JoinField& f) {
        const std::string v = trim(strip_control_characters(display_value(r, f, data)));
        return v.empty() ? layout.no_value : v;
    };
    auto section_lines = [&](EmailSection section, std::vector<std::string>& out) {
        if (section == EmailSection::message) {  // the text as typed, no label; each message a paragraph
            for (const JoinField& f : data.join.fields) {
                if (f.section != section) continue;
                const std::string message = trim(normalize_newlines(r.get(f.id), "\n"));
                if (message.empty()) continue;
                if (!out.empty()) out.push_back("");
                out.push_back(message);
            }
            return;
        }
        if (section == EmailSection::billing) {  // only when a billing contact is given
            bool any = false;
            for (const JoinField& f : data.join.fields) any = any || (f.section == section && !trim(r.get(f.id)).empty());
            if (!any) return;
        }
        for (const JoinField& f : data.join.fields) {
            if (f.section != section || !field_asked(r, f, data)) continue;
            out.push_back(fill_placeholders(layout.field_line, {{"label", f.label}, {"value", shown(f)}}));
            if (f.kind != FieldKind::tier) continue;
            if (const Tier* t = data.find_tier(r.get(f.id))) {
                // The fee stated is the schedule's, so the consortium sees what the institution expects to pay.
                // An income-group price applies when the country field holds an ISO code the data lists;
                // when the country does not decide it, both prices, and who qualifies.
                const std::string country = country_of(r, data);
                std::string note;
                const std::string fee = format_money(tier_fee_for(data, *t, country, &note), data);
                const std::string both = price_choice_sentence(data, *t, country);
                out.push_back(!both.empty()      ? fill_placeholders(layout.fee_choice_line, {{"prices", both}})
                                  : note.empty() ? fill_placeholders(layout.fee_line, {{"fee", fee}})
                                                 : fill_placeholders(layout.fee_line_with_note, {{"fee", fee}, {"note", note}}));
                out.push_back(
                    fill_placeholders(layout.schedule_line, {{"schedule", data.schedule.name}, {"from", data.schedule.effective_from}}));
            }
        }
    };
    std::vector<std::pair<std::string, std::string>> values;
    for (const JoinField& f : data.join.fields) values.emplace_back(f.id, shown(f));
    std::string body;
    for (const std::vector<EmailLine>& paragraph : layout.paragraphs) {
        std::vector<std::string> lines;
        for (const EmailLine& line : paragraph) {
            if (line.is_section)
                section_lines(line.section, lines);
            else
                lines.push_back(fill_placeholders(line.text, values));
        }
        if (lines.empty()) continue;
        if (!body.empty()) body += "\n";
        for (const std::string& l : lines) body += l + "\n";
    }
    return body;
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

// The items of a JSON array or object at nesting `depth`, laid out as nlohmann's dump(2) does.
static std::string json_block(char open, char close, const std::vector<std::string>& items, int depth) {
    if (items.empty()) return std::string{open, close};
    std::string s(1, open);
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ",\n" : "\n") + std::string(2 * depth + 2, ' ') + items[i];
    return s + "\n" + std::string(2 * depth, ' ') + close;
}

// The file as nlohmann's dump(2) lays it out, its fields in the form's order (as a person reads
// them), written here: nlohmann::ordered_json, a second instance of the whole library, cost the
// .wasm more than this file's every other function.
std::string join_request_to_json(const JoinRequest& r, const MembershipData& data) {
    // Invalid UTF-8 is replaced, not thrown: the user's text is exported even if a byte is off.
    auto quoted = [](const std::string& s) { return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
    auto member = [&](const std::string& key, const std::string& value) { return quoted(key) + ": " + value; };
    std::vector<std::string> fields;
    for (const JoinField& f : data.join.fields) {
        if (f.kind == FieldKind::add_ons) {  // a list of ids; no key when the schedule has no add-ons
            std::vector<std::string> ids = split_ids(r.get(f.id));
            if (data.schedule.add_ons.empty() && ids.empty()) continue;
            for (std::string& id : ids) id = quoted(id);
            fields.push_back(member(f.id, json_block('[', ']', ids, 2)));
        } else {
            fields.push_back(member(f.id, is_text(f.kind) ? quoted(r.get(f.id)) : r.get(f.id).empty() ? "false" : "true"));
        }
    }
    for (const auto& kv : r.values)  // values of fields this data does not know: kept, not lost
        if (!data.join.find_field(kv.first) && !kv.second.empty()) fields.push_back(member(kv.first, quoted(kv.second)));
    return json_block('{', '}',
                      {member("format", quoted(kExportFormat)), member("version", std::to_string(kExportVersion)),
                       member("request", json_block('{', '}', fields, 1))},
                      0) +
        "\n";
}

JoinImport join_request_from_json(const std::string& text, const std::string& file_name, const MembershipData& data) {
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
        for (const auto& item : doc.at("request").items()) {
            const JoinField* f = data.join.find_field(item.key());
            if (f && f->kind == FieldKind::add_ons) {
                if (item.value().is_null()) continue;
                std::vector<std::string> ids;
                fields.for_each(item.key().c_str(), true, [&](const JsonReader& id) {
                    ids.push_back(id.as_string());
                    if (!find_add_on(data, ids.back())) id.fail("unknown add-on \"" + ids.back() + "\" (" + known_add_ons(data) + ")");
                });
                set_chosen_add_ons(result.request, data, ids);
            } else if (f && !is_text(f->kind)) {
                if (fields.optional_bool(item.key().c_str(), false)) result.request.at(f->id) = "yes";
            } else if (f || item.value().is_string()) {
                const std::string value = fields.optional_string(item.key().c_str());
                if (!value.empty()) result.request.at(item.key()) = value;
            }
        }
        result.ok = true;
    } catch (const DataError& e) {
        result.error = e.what();
    } catch (const std::exception& e) {
        result.error = file_name + ": " + e.what();
    }
    return result;
}

}  // namespace iiifc
