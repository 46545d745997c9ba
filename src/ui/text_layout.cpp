#include "text_layout.h"

#include "shaped_text.h"

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

// The node's text as the canvas drew it (runs drawn whole, lines broken at the node's width: shaped_text.h).
struct Shown {
    const ShapedText* shaped;
    const std::string& text;
    Shown(const SemanticNode& n, const TextFont& tf)
        : shaped(shaped_text(n.name, tf.font, n.w * tf.font->FontSize / tf.size)), text(shaped ? shaped->shown : n.name) {}
};

float width_of(const TextFont& tf, const char* from, const char* to) {
    return to > from ? tf.font->CalcTextSizeA(tf.size, FLT_MAX, 0, from, to).x : 0.0f;
}

// The lines of the shown text, as ImFont::RenderText breaks them and skips blanks (a right-to-left
// text's lines right-aligned, as widgets.cpp draws them): where each begins and ends, its top and left.
struct Line {
    const char *begin, *end;
    float y, x;
};
std::vector<Line> lines_of(const SemanticNode& n, const TextFont& tf, const Shown& shown) {
    std::vector<Line> out;
    const char* const end = shown.text.c_str() + shown.text.size();
    const float scale = tf.size / tf.font->FontSize;
    const bool rtl = shown.shaped && shown.shaped->rtl;
    float y = n.y;
    for (const char* line = shown.text.c_str(); line < end;) {
        const char* eol = tf.font->CalcWordWrapPositionA(scale, line, end, n.w + 0.5f);
        const char* newline = static_cast<const char*>(std::memchr(line, '\n', static_cast<std::size_t>(end - line)));
        if (newline && newline < eol)
            eol = newline;  // (which RenderText breaks at, and the wrapping does not)
        else if (eol == line)
            ++eol;
        out.push_back({line, eol, y, n.x + (rtl ? n.w - width_of(tf, line, eol) : 0.0f)});
        line = eol;
        while (line < end && (*line == ' ' || *line == '\t')) ++line;
        if (line < end && *line == '\n') ++line;
        y += tf.size;
    }
    return out;
}

}  // namespace

bool is_selectable_text(const SemanticNode& n) {
    return !n.name.empty() && n.w > 0 &&
        (n.role == Role::text || n.role == Role::status || n.role == Role::listitem || n.role == Role::heading);
}

std::vector<ImRect> text_range_rects(const SemanticNode& n, const Fonts& fonts, std::size_t from, std::size_t to) {
    std::vector<ImRect> out;
    const TextFont tf = font_of(n, fonts);
    const Shown shown(n, tf);
    const std::string& t = shown.text;
    const ShownPosition pa = shown_position(shown.shaped, std::min(from, n.name.size()));
    const ShownPosition pb = shown_position(shown.shaped, std::min(std::max(from, to), n.name.size()));
    const char* const base = t.c_str();
    const char* const a = base + std::min(pa.at, t.size());
    const char* const b = base + std::min(pb.at, t.size());
    const float scale = tf.size / tf.font->FontSize;
    // x of a position on a line: inside a run glyph, where the browser puts that caret; before the
    // line, its start (a right-to-left text's: its right), after it, its end.
    const bool rtl = shown.shaped && shown.shaped->rtl;
    auto x_of = [&](const char* line, const char* eol, const char* p, float dx) {
        if (p < line || p > eol) return (p < line) == rtl ? width_of(tf, line, eol) : 0.0f;
        return width_of(tf, line, p) + dx * scale;
    };
    for (const Line& l : lines_of(n, tf, shown)) {
        if (l.end <= a && l.end < base + t.size()) continue;                                            // before the range
        const bool in_run = l.begin == b && run_glyph_start(shown.shaped, pb.at) != std::string::npos;  // (its caret inside)
        if (l.begin >= b && !in_run && !out.empty()) break;                                             // after it
        const float xa = x_of(l.begin, l.end, a, pa.dx), xb = x_of(l.begin, l.end, b, pb.dx);
        const float x0 = l.x + std::min(xa, xb), x1 = l.x + std::max(xa, xb);
        out.emplace_back(ImVec2(x0, l.y), ImVec2(std::max(x1, x0 + 2.0f), l.y + tf.size));
        if (b <= l.end) break;
    }
    return out;
}

std::size_t text_offset_at(const SemanticNode& n, const Fonts& fonts, ImVec2 p) {
    const TextFont tf = font_of(n, fonts);
    const Shown shown(n, tf);
    const char* const base = shown.text.c_str();
    std::size_t at = n.name.size();
    bool first = true;
    for (const Line& l : lines_of(n, tf, shown)) {
        if (!first && p.y < l.y) break;  // above this line: the previous one had it
        first = false;
        // The character whose middle is right of the point (in a run drawn whole, the nearest caret).
        const char* c = l.begin;
        float dx = 0;
        while (c < l.end) {
            unsigned cp = 0;
            const int len = ImTextCharFromUtf8(&cp, c, l.end);
            const char* next = c + std::max(len, 1);
            const float left = l.x + width_of(tf, l.begin, c), w = width_of(tf, c, next);
            const std::size_t run = run_glyph_start(shown.shaped, static_cast<std::size_t>(c - base));
            if (p.x < left + w && run != std::string::npos) {
                dx = (p.x - l.x - width_of(tf, l.begin, base + run)) * tf.font->FontSize / tf.size;
                c = base + run;
                break;
            }
            if (left + w * 0.5f > p.x) break;
            c = next;
        }
        at = source_position(shown.shaped, static_cast<std::size_t>(c - base), dx);
        if (p.y < l.y + tf.size) break;
    }
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
