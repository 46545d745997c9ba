// Typed, path-tracking access to a JSON document: every failure throws DataError naming the
// file and the path of the offending value. Unknown keys are ignored (forward compatibility).
#pragma once

#include "data_error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace iiifc {

class JsonReader {
public:
    JsonReader(const nlohmann::json& value, std::string file, std::string path = "")
        : value_(value), file_(std::move(file)), path_(std::move(path)) {}

    // Parses text, turning a syntax error into DataError with line and column.
    static nlohmann::json parse(const std::string& text, const std::string& file);

    const nlohmann::json& value() const { return value_; }
    const std::string& path() const { return path_; }
    bool has(const char* key) const;

    JsonReader at(const char* key) const;       // required member
    JsonReader at(std::size_t index) const;     // array element
    std::string string(const char* key) const;  // required, non-empty
    std::string optional_string(const char* key, const std::string& fallback = "") const;
    std::int64_t integer(const char* key, std::int64_t min, std::int64_t max) const;
    std::int64_t optional_integer(const char* key, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
    bool optional_bool(const char* key, bool fallback) const;
    std::size_t array_size(const char* key, bool allow_empty) const;  // requires an array
    void for_each(const char* key, bool allow_empty, const std::function<void(const JsonReader&)>& fn) const;
    void for_each_optional(const char* key, const std::function<void(const JsonReader&)>& fn) const;
    void for_each_member(const char* key, const std::function<void(const std::string&, const JsonReader&)>& fn) const;
    std::string as_string() const;  // this value, non-empty string

    [[noreturn]] void fail(const std::string& message) const;
    [[noreturn]] void fail_at(const char* key, const std::string& message) const;
    std::string child_path(const char* key) const;

private:
    const nlohmann::json& value_;
    std::string file_, path_;
};

std::string describe(const nlohmann::json& v);  // "string \"2500\"", "number -5", "null" for messages

}  // namespace iiifc
