#include "data_error.h"

namespace iiifc {

static std::string compose(const std::string& file, const std::string& path, const std::string& message, int line, int column) {
    std::string s = file;
    if (!path.empty()) s += (s.empty() ? "" : ": ") + path;
    if (line > 0) s += " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
    return s + (s.empty() ? "" : ": ") + message;
}

DataError::DataError(std::string file, std::string path, std::string message, int line, int column)
    : std::runtime_error(compose(file, path, message, line, column)), file_(std::move(file)), path_(std::move(path)),
      message_(std::move(message)), line_(line), column_(column) {}

TextPosition position_of(const std::string& text, std::size_t byte_offset) {
    TextPosition p;
    if (byte_offset > text.size()) byte_offset = text.size();
    for (std::size_t i = 0; i < byte_offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++p.line; p.column = 1; }
        else if ((c & 0xC0) != 0x80) ++p.column;  // count characters, not UTF-8 continuation bytes
    }
    return p;
}

}  // namespace iiifc
