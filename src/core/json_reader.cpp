#include "json_reader.h"

namespace iiifc {

using nlohmann::json;

json parse_json(const std::string& text, bool allow_exceptions) {
    json result;
    nlohmann::detail::json_sax_dom_parser<json> sax(result, allow_exceptions);
    if (!json::sax_parse(text, &sax)) return json(json::value_t::discarded);
    return result;
}

json JsonReader::parse(const std::string& text, const std::string& file) {
    try {
        return parse_json(text);
    } catch (const json::parse_error& e) {
        // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 5: ";
        // keep only what follows, and compute the position ourselves from the byte offset.
        std::string what = e.what();
        const std::size_t colon = what.find(": ", what.find("parse error"));
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        const TextPosition p = position_of(text, e.byte == 0 ? 0 : e.byte - 1);
        throw DataError(file, "line " + std::to_string(p.line) + ", column " + std::to_string(p.column), "JSON syntax error: " + detail);
    }
}

std::string describe(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return std::string("boolean ") + (v.get<bool>() ? "true" : "false");
        case json::value_t::string: {
            std::string s = v.get<std::string>();
            if (s.size() > 40) s = s.substr(0, 40) + "...";
            return "string \"" + s + "\"";
        }
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "number " + v.dump();
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

std::string JsonReader::child_path(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

void JsonReader::fail(const std::string& message) const { throw DataError(file_, path_.empty() ? "(top level)" : path_, message); }
void JsonReader::fail_at(const char* key, const std::string& message) const { throw DataError(file_, child_path(key), message); }

bool JsonReader::has(const char* key) const { return value_.is_object() && value_.contains(key) && !value_.at(key).is_null(); }

JsonReader JsonReader::at(const char* key) const {
    if (!value_.is_object()) fail("expected an object, found " + describe(value_));
    if (!has(key)) fail_at(key, "required but missing");
    return JsonReader(value_.at(key), file_, child_path(key));
}

JsonReader JsonReader::at(std::size_t index) const {
    return JsonReader(value_.at(index), file_, path_ + "[" + std::to_string(index) + "]");
}

std::string JsonReader::as_string() const {
    if (!value_.is_string()) fail("expected a string, found " + describe(value_));
    std::string s = value_.get<std::string>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) fail("expected a non-empty string");
    return s;
}

std::string JsonReader::string(const char* key) const { return at(key).as_string(); }

std::string JsonReader::optional_string(const char* key, const std::string& fallback) const {
    if (!has(key)) return fallback;
    const JsonReader r = at(key);
    if (!r.value().is_string()) r.fail("expected a string, found " + describe(r.value()));
    return r.value().get<std::string>();
}

std::int64_t JsonReader::integer(const char* key, std::int64_t min, std::int64_t max) const {
    const JsonReader r = at(key);
    if (!r.value().is_number_integer()) r.fail("expected an integer, found " + describe(r.value()));
    if (r.value().is_number_unsigned() && r.value().get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        r.fail("expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " + r.value().dump());
    const std::int64_t n = r.value().get<std::int64_t>();
    if (n < min || n > max)
        r.fail("expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " + std::to_string(n));
    return n;
}

std::int64_t JsonReader::optional_integer(const char* key, std::int64_t fallback, std::int64_t min, std::int64_t max) const {
    return has(key) ? integer(key, min, max) : fallback;
}

bool JsonReader::optional_bool(const char* key, bool fallback) const {
    if (!has(key)) return fallback;
    const JsonReader r = at(key);
    if (!r.value().is_boolean()) r.fail("expected true or false, found " + describe(r.value()));
    return r.value().get<bool>();
}

std::size_t JsonReader::array_size(const char* key, bool allow_empty) const {
    const JsonReader r = at(key);
    if (!r.value().is_array()) r.fail("expected an array, found " + describe(r.value()));
    if (!allow_empty && r.value().empty()) r.fail("expected at least one entry, found an empty array");
    return r.value().size();
}

}  // namespace iiifc
