// Where a value is in JSON text: the byte range of the value at a JsonReader path
// ("schedule.tiers[1].annual_fee.amount"). nlohmann/json keeps no positions, so this scans the
// text itself. Used for the line and column of data errors, and to replace one value of a file
// (the members snapshot) while every other byte stays as the person formatted it.
#pragma once

#include <cstddef>
#include <string>

namespace iiifc {

struct JsonSpan {
    std::size_t begin = 0, end = 0;  // [begin, end) of the value's text
    std::string path;                // the path found: the one asked for, or its deepest existing ancestor
    bool exact = false;              // the path itself was found
};

// Expects text that parses as JSON; on anything else the span found so far (or the whole text's
// start) is returned. Paths use JsonReader's form: keys joined by '.', array elements as [i].
JsonSpan locate_json_path(const std::string& text, const std::string& path);

}  // namespace iiifc
