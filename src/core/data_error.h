// The one error type of data loading: it names the file, the JSON path and what was expected,
// so a person can find and fix the mistake ("membership.json: schedule.tiers[1].annual_fee.amount
// (line 120, column 16): ..."). The line and column are added by the loader (json_locate.h).
#pragma once

#include <stdexcept>
#include <string>

namespace iiifc {

class DataError : public std::runtime_error {
public:
    DataError(std::string file, std::string path, std::string message, int line = 0, int column = 0);
    const std::string& file() const { return file_; }
    const std::string& path() const { return path_; }        // "schedule.tiers[1].id", or "line 3, column 7"
    const std::string& message() const { return message_; }  // what was expected / found
    int line() const { return line_; }                       // of the value at path(); 0 when unknown
    int column() const { return column_; }
private:
    std::string file_, path_, message_;
    int line_ = 0, column_ = 0;
};

// Line and column (1-based) of a byte offset in text, for JSON syntax errors.
struct TextPosition { int line = 1, column = 1; };
TextPosition position_of(const std::string& text, std::size_t byte_offset);

}  // namespace iiifc
