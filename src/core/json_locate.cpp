#include "json_locate.h"

namespace iiifc {

namespace {

constexpr int kMaxDepth = 512;  // deeper than any data file; keeps the recursion bounded on any input

class Scanner {
public:
    Scanner(const std::string& text, const std::string& target) : t_(text), target_(target) {}

    JsonSpan run() {
        skip_space();
        value("", true, 0);
        return best_;
    }

private:
    const std::string& t_;
    const std::string& target_;
    std::size_t i_ = 0;
    bool failed_ = false;
    JsonSpan best_;

    bool at_end() const { return i_ >= t_.size(); }
    void skip_space() {
        while (!at_end() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }

    // Is `path` the target or one of its ancestors?
    bool leads_to_target(const std::string& path) const {
        if (path.empty()) return true;
        if (target_.compare(0, path.size(), path) != 0) return false;
        return target_.size() == path.size() || target_[path.size()] == '.' || target_[path.size()] == '[';
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    unsigned hex4() {
        unsigned v = 0;
        for (int k = 0; k < 4; ++k, ++i_) {
            if (at_end()) { failed_ = true; return 0; }
            const char c = t_[i_];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else { failed_ = true; return 0; }
        }
        return v;
    }

    // A string starting at '"'; its decoded text (keys are compared decoded, as nlohmann gives them).
    std::string string() {
        std::string out;
        ++i_;
        while (!at_end() && !failed_) {
            const char c = t_[i_++];
            if (c == '"') return out;
            if (c != '\\') { out += c; continue; }
            if (at_end()) break;
            const char e = t_[i_++];
            switch (e) {
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < t_.size() && t_[i_] == '\\' && t_[i_ + 1] == 'u') {
                        i_ += 2;
                        const unsigned low = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: out += e;  // \" \\ \/
            }
        }
        failed_ = true;
        return out;
    }

    // `inside` is false for values away from the target, which are only skipped over.
    void value(const std::string& path, bool inside, int depth) {
        if (failed_ || at_end() || depth > kMaxDepth) { failed_ = true; return; }
        const bool relevant = inside && leads_to_target(path);
        const std::size_t begin = i_;
        const char c = t_[i_];
        if (c == '{') {
            ++i_;
            skip_space();
            if (!at_end() && t_[i_] == '}') ++i_;
            else while (!failed_) {
                skip_space();
                if (at_end() || t_[i_] != '"') { failed_ = true; break; }
                const std::string key = string();
                skip_space();
                if (at_end() || t_[i_] != ':') { failed_ = true; break; }
                ++i_;
                skip_space();
                value(relevant ? (path.empty() ? key : path + "." + key) : std::string(), relevant, depth + 1);
                skip_space();
                if (at_end()) { failed_ = true; break; }
                if (t_[i_++] == '}') break;
            }
        } else if (c == '[') {
            ++i_;
            skip_space();
            if (!at_end() && t_[i_] == ']') ++i_;
            else for (std::size_t n = 0; !failed_; ++n) {
                skip_space();
                value(relevant ? path + "[" + std::to_string(n) + "]" : std::string(), relevant, depth + 1);
                skip_space();
                if (at_end()) { failed_ = true; break; }
                if (t_[i_++] == ']') break;
            }
        } else if (c == '"') {
            string();
        } else {
            while (!at_end() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' ' && t_[i_] != '\n' &&
                   t_[i_] != '\r' && t_[i_] != '\t')
                ++i_;
        }
        // Children finish before their parent: the deepest match is recorded first, and its
        // ancestors (shorter paths) do not replace it.
        if (relevant && (best_.end == 0 || path.size() > best_.path.size())) {
            best_.begin = begin;
            best_.end = i_;
            best_.path = path;
            best_.exact = path == target_;
        }
    }
};

}  // namespace

JsonSpan locate_json_path(const std::string& text, const std::string& path) { return Scanner(text, path).run(); }

}  // namespace iiifc
