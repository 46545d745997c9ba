// Small UTF-8 helpers shared by validation and encoders.
#pragma once

#include <string>

namespace iiifc {

bool is_valid_utf8(const std::string& s);
std::string replace_invalid_utf8(const std::string& s);  // each ill-formed byte becomes U+FFFD
std::size_t utf8_length(const std::string& s);           // code points; invalid bytes count as one each
bool has_control_characters(const std::string& s, bool allow_newlines);
std::string normalize_newlines(const std::string& s, const char* newline);  // CRLF, CR, LF -> newline
std::string strip_control_characters(const std::string& s);                 // controls become spaces
std::string trim(const std::string& s);
std::string to_lower_ascii(std::string s);
std::string truncate_utf8(const std::string& s, std::size_t max_code_points);
// The byte offset in UTF-8 text of a position the browser counts in UTF-16 units (a caret, a
// find match), at most the text's size.
std::size_t utf8_offset_of_utf16(const std::string& s, int utf16_units);

}  // namespace iiifc
