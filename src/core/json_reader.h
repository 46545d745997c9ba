// Typed, path-tracking access to a JSON document: every failure throws DataError naming the
// file and the path of the offending value. Unknown keys are ignored (forward compatibility).
#pragma once

#include "data_error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace iiifc {

std::string describe(const nlohmann::json& v);  // "string \"2500\"", "number -5", "null" for messages

// Every parse goes through here, not nlohmann::json::parse: that compiles a second parser, for a
// per-value callback nothing here uses (about 1 KB of .wasm gzip). Throws parse_error unless
// `allow_exceptions` is false, which gives a discarded value instead.
nlohmann::json parse_json(const std::string& text, bool allow_exceptions = true);

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
    // fn(element) for each element of the array `key`; templates, not std::function: a loader's
    // every lambda would bring its own set of small functions, each compiled by the browser at start-up.
    template <class Fn>
    void for_each(const char* key, bool allow_empty, Fn&& fn) const {
        const std::size_t n = array_size(key, allow_empty);
        const JsonReader arr = at(key);
        for (std::size_t i = 0; i < n; ++i) fn(arr.at(i));
    }
    template <class Fn>
    void for_each_optional(const char* key, Fn&& fn) const {
        if (has(key)) for_each(key, true, fn);
    }
    template <class Fn>  // fn(name, value) for each member of the object `key`
    void for_each_member(const char* key, Fn&& fn) const {
        const JsonReader obj = at(key);
        if (!obj.value().is_object()) obj.fail("expected an object, found " + describe(obj.value()));
        for (auto it = obj.value().begin(); it != obj.value().end(); ++it)
            fn(it.key(), JsonReader(it.value(), file_, obj.child_path(it.key().c_str())));
    }
    std::string as_string() const;  // this value, non-empty string

    [[noreturn]] void fail(const std::string& message) const;
    [[noreturn]] void fail_at(const char* key, const std::string& message) const;
    std::string child_path(const char* key) const;

private:
    const nlohmann::json& value_;
    std::string file_, path_;
};

}  // namespace iiifc
