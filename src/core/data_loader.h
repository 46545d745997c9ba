// Reads and validates assets/membership.json. Every rule a person could break by editing the
// file is checked here, and reported as a DataError naming the file and JSON path.
#pragma once

#include "data_error.h"
#include "membership.h"

#include <optional>
#include <string>

namespace iiifc {

constexpr int kSchemaVersion = 2;  // the newest data format this code understands

// Throws DataError on any syntax or validation error. The data shows its last schedule: callers
// show the one in force on their date (schedules.h).
MembershipData load_membership(const std::string& json_text, const std::string& file_name);

// The same, for callers that must never throw (the app): the error message is in `error`.
struct LoadResult {
    std::optional<MembershipData> data;
    std::string error;
};
LoadResult try_load_membership(const std::string& json_text, const std::string& file_name);

// Reads a whole file; throws DataError when it cannot be read. In file_io.cpp, apart from the
// loader, so the browser build (which has no files) does not link the stream library.
std::string read_text_file(const std::string& path);

// Replaces a file's content: written beside it first, then renamed over it, so a failure leaves
// the old file whole. Throws DataError naming the file.
void write_text_file(const std::string& path, const std::string& content);

}  // namespace iiifc
