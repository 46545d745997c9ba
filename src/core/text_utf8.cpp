#include "text_utf8.h"

namespace iiifc {

// The length of the well-formed UTF-8 sequence at s[i]; 0 if the byte there begins none
// (overlong forms, surrogates, code points beyond Unicode and truncated sequences included).
static std::size_t sequence_length(const std::string& s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t extra = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + extra >= s.size()) return 0;
    for (std::size_t k = 1; k <= extra; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return 0;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return extra + 1;
}

bool is_valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string replace_invalid_utf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
        } else {
            out.append(s, i, n);
            i += n;
        }
    }
    return out;
}

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

static bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

bool has_control_characters(const std::string& s, bool allow_newlines) {
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
        if (is_control(c)) return true;
    }
    return false;
}

std::string normalize_newlines(const std::string& s, const char* newline) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += newline;
        } else if (s[i] == '\n') {
            out += newline;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string strip_control_characters(const std::string& s) {
    std::string out = s;
    for (char& ch : out)
        if (is_control(static_cast<unsigned char>(ch))) ch = ' ';
    return out;
}

std::string trim(const std::string& s) {
    const char* ws = " \t\r\n";
    const std::size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string to_lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string truncate_utf8(const std::string& s, std::size_t max_code_points) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == max_code_points) return s.substr(0, i);
            ++n;
        }
    }
    return s;
}

std::size_t utf8_offset_of_utf16(const std::string& s, int utf16_units) {
    std::size_t i = 0;
    for (int units = 0; i < s.size() && units < utf16_units;) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return i < s.size() ? i : s.size();
}

}  // namespace iiifc
