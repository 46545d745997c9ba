#include "text_layout.h"

#include <algorithm>
#include <cfloat>
#include <cstring>

namespace iiifc {

namespace {

struct TextFont {
    ImFont* font;
    float size;
};

// Headings are drawn in the heading font (levels 1, 2) or the semibold one (widgets.cpp, heading()).
TextFont font_of(const SemanticNode& n, const Fonts& fonts) {
    ImFont* f = n.role == Role::heading ? (n.level <= 2 ? fonts.heading : fonts.bold) : fonts.regular;
    if (!f) f = ImGui::GetFont();
    return {f, f->FontSize * ImGui::GetIO().FontGlobalScale};
}

// Calls fn(line begin, line end, top) for each line, as ImFont::RenderText breaks and skips blanks.
template <typename Fn>
void for_each_line(const SemanticNode& n, const TextFont& tf, Fn fn) {
    const char* const begin = n.name.c_str();
    const char* const end = begin + n.name.size();
    const float scale = tf.size / tf.font->FontSize;
    float y = n.y;
    for (const char* line = begin; line < end;) {
        const char* eol = tf.font->CalcWordWrapPositionA(scale, line, end, n.w + 0.5f);
        if (eol == line) ++eol;
        if (!fn(line, eol, y)) return;
        line = eol;
        while (line < end && (*line == ' ' || *line == '\t')) ++line;
        if (line < end && *line == '\n') ++line;
        y += tf.size;
    }
}

float width_of(const TextFont& tf, const char* from, const char* to) {
    return to > from ? tf.font->CalcTextSizeA(tf.size, FLT_MAX, 0, from, to).x : 0.0f;
}

}  // namespace

bool is_selectable_text(const SemanticNode& n) {
    return !n.name.empty() && n.w > 0 &&
        (n.role == Role::text || n.role == Role::status || n.role == Role::listitem || n.role == Role::heading);
}

std::vector<ImRect> text_range_rects(const SemanticNode& n, const Fonts& fonts, std::size_t from, std::size_t to) {
    std::vector<ImRect> out;
    const TextFont tf = font_of(n, fonts);
    const char* const base = n.name.c_str();
    const char* const a = base + std::min(from, n.name.size());
    const char* const b = base + std::min(std::max(from, to), n.name.size());
    for_each_line(n, tf, [&](const char* line, const char* eol, float y) {
        if (eol <= a && eol < base + n.name.size()) return true;  // before the range
        if (line >= b && !out.empty()) return false;              // after it
        const float x0 = n.x + width_of(tf, line, std::max(line, a)), x1 = n.x + width_of(tf, line, std::min(b, eol));
        out.emplace_back(ImVec2(x0, y), ImVec2(std::max(x1, x0 + 2.0f), y + tf.size));
        return b > eol;
    });
    return out;
}

std::size_t text_offset_at(const SemanticNode& n, const Fonts& fonts, ImVec2 p) {
    const TextFont tf = font_of(n, fonts);
    const char* const base = n.name.c_str();
    std::size_t at = n.name.size();
    bool first = true;
    for_each_line(n, tf, [&](const char* line, const char* eol, float y) {
        if (!first && p.y < y) return false;  // above this line: the previous one had it
        first = false;
        // The character whose middle is right of the point.
        const char* c = line;
        while (c < eol) {
            unsigned cp = 0;
            const int len = ImTextCharFromUtf8(&cp, c, eol);
            const char* next = c + std::max(len, 1);
            if (n.x + width_of(tf, line, c) + width_of(tf, c, next) * 0.5f > p.x) break;
            c = next;
        }
        at = static_cast<std::size_t>(c - base);
        return p.y >= y + tf.size;
    });
    return at;
}

void word_at(const std::string& text, std::size_t at, std::size_t& first, std::size_t& last) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    first = last = std::min(at, text.size());
    while (first > 0 && !blank(text[first - 1])) --first;
    while (last < text.size() && !blank(text[last])) ++last;
    while (last > first && std::strchr(".,;:!?)\"'", text[last - 1])) --last;  // closing punctuation is not the word's
    while (first < last && std::strchr("(\"'", text[first])) ++first;
}

}  // namespace iiifc
