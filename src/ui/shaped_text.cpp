#include "shaped_text.h"

#include "extra_glyphs.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>

namespace iiifc {

namespace {

constexpr unsigned kFirstRunGlyph = 0xE000, kLastRunGlyph = 0xF8FF;  // the BMP's Private Use Area
constexpr std::size_t kGlyphBytes = 3;                               // each in UTF-8
constexpr std::size_t kMostTexts = 4096;                             // shaped texts kept (typing makes one a keystroke); then forgotten

struct RunGlyph {
    unsigned codepoint = 0;     // the first of its glyphs; 0: the platform could not draw it (drawn letter by letter)
    int glyphs = 0;             // a run wider than the atlas is cut in slices, a glyph each
    std::vector<float> carets;  // a caret before each byte of the run and after it
};

struct State {
    // (Ordered maps: the app has their code already; hashed ones would add 4 KB to the .wasm.)
    std::map<std::string, RunGlyph> runs;      // font + run text
    std::map<std::string, ShapedText> texts;   // font + source text, every run drawn
    std::map<std::string, ImFont*> queue;      // runs asked for
    std::map<std::string, std::string> lines;  // font + wrap + text with runs: with_line_breaks's (each a call to the platform a word)
    unsigned next = kFirstRunGlyph;
    int added = 0;
};
State s;

unsigned decode(const std::string& t, std::size_t& i) {
    const unsigned c = static_cast<unsigned char>(t[i++]);
    if (c < 0x80) return c;
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0 || t.size() - i < static_cast<std::size_t>(extra)) return 0xFFFD;
    unsigned cp = c & (0x3Fu >> extra);
    for (int k = 0; k < extra; ++k) {
        const unsigned b = static_cast<unsigned char>(t[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(extra);
    return cp;
}

// Strong right-to-left (Unicode bidi classes R and AL): Hebrew, Arabic, Syriac, Thaana, N'Ko, ...
bool is_rtl(unsigned cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE) ||
        (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x202B || cp == 0x202E ||
        cp == 0x2067;
}

// Strong left-to-right, as far as the first strong character of a line decides its direction.
bool is_ltr(unsigned cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (is_rtl(cp)) return false;
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x58F) || (cp >= 0x900 && cp <= 0x1FFF) ||
        (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || cp == 0x200E || cp == 0x202A || cp == 0x202D || cp == 0x2066;
}

struct Segment {
    std::size_t from, to;
    bool rtl;  // the run's base direction
};

// Whether the first strong character of [from, to) is right-to-left (as dir=auto decides).
bool starts_rtl(const std::string& t, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to;) {
        const unsigned cp = decode(t, i);
        if (is_rtl(cp) || is_ltr(cp)) return is_rtl(cp);
    }
    return false;
}

// The runs of one line [from, to) of the text, whose base direction is `rtl` (-1: its own).
void segment_line(const std::string& t, std::size_t from, std::size_t to, int rtl, std::vector<Segment>& out) {
    const bool first_strong_rtl = rtl < 0 ? starts_rtl(t, from, to) : rtl == 1;
    std::size_t first_rtl = std::string::npos;
    for (std::size_t i = from; i < to;) {
        const std::size_t at = i;
        const unsigned cp = decode(t, i);
        if (is_rtl(cp)) {
            first_rtl = at;
            break;
        }
    }
    std::size_t words_end = to;  // words before the right-to-left part
    if (first_rtl != std::string::npos) {
        std::size_t start = from;
        if (!first_strong_rtl) {  // the Latin before the word holding the first right-to-left letter keeps its place
            start = first_rtl;
            while (start > from && t[start - 1] != ' ') --start;
        }
        words_end = start;
    }
    // Each word that needs shaping is a run, with the words of its kind next to it (the spaces
    // between them then are the browser's, as wide as in its own rendering).
    bool last_shaped = false;
    for (std::size_t i = from; i < words_end;) {
        while (i < words_end && t[i] == ' ') ++i;
        std::size_t end = i;
        bool needs = false;
        while (end < words_end && t[end] != ' ') needs |= needs_shaping(decode(t, end));
        if (needs && last_shaped)
            out.back().to = end;
        else if (needs)
            out.push_back({i, end, false});
        last_shaped = needs;
        i = end;
    }
    std::size_t end = to;  // trailing blanks: ImGui's, not the run's
    while (end > words_end && t[end - 1] == ' ') --end;
    if (words_end < end) out.push_back({words_end, end, first_strong_rtl});
}

std::string key_of(const ImFont* font, const std::string& text) {
    std::string key(reinterpret_cast<const char*>(&font), sizeof font);
    return key + text;
}

void append_utf8(std::string& out, unsigned cp) {  // (a code point of the BMP, 3 bytes here)
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

std::size_t utf16_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
    return n;
}

// A caret before each byte of `run` from the platform's, one per UTF-16 unit and one after.
std::vector<float> carets_by_byte(const std::string& run, const std::vector<float>& by_unit) {
    std::vector<float> out(run.size() + 1, 0.0f);
    std::size_t unit = 0;
    for (std::size_t i = 0; i < run.size();) {
        const std::size_t at = i;
        const unsigned cp = decode(run, i);
        const float x = unit < by_unit.size() ? by_unit[unit] : 0.0f;
        for (std::size_t b = at; b < i; ++b) out[b] = x;
        unit += cp >= 0x10000 ? 2 : 1;
    }
    out[run.size()] = unit < by_unit.size() ? by_unit[unit] : 0.0f;
    return out;
}

// Adds a run's image as glyphs from s.next on: slices of the atlas's width at most, each advancing
// the pen to where the next begins, the last to the run's advance (and before each, its colour:
// extra_glyphs.h). The glyphs' count; 0: none.
int add_slices(ImFont* font, const GlyphImage& img) {
    const int most = font->ContainerAtlas->TexWidth - 4;  // (the atlas pads each glyph)
    const int count = std::max(1, (img.width + most - 1) / most);
    const std::size_t bytes = img.colour.empty() ? 0 : 4;  // of a pixel of colour
    if (most <= 0 || s.next + 2 * static_cast<unsigned>(count) - 1 > kLastRunGlyph) return 0;
    float pen = 0;  // where this slice's pen is, from the run's
    int glyphs = 0;
    for (int i = 0; i < count; ++i) {
        const int c0 = i * most, c1 = std::min(img.width, c0 + most);
        GlyphImage slice;
        slice.width = c1 - c0, slice.height = img.height, slice.top = img.top;
        slice.left = img.left + static_cast<float>(c0) - pen;
        slice.advance = i + 1 < count ? img.left + static_cast<float>(c1) - pen : img.advance - pen;
        slice.alpha.resize(static_cast<std::size_t>(slice.width) * static_cast<std::size_t>(slice.height));
        slice.colour.resize(slice.alpha.size() * bytes);
        for (int y = 0; y < img.height; ++y) {
            std::copy_n(img.alpha.begin() + y * img.width + c0, slice.width, slice.alpha.begin() + y * slice.width);
            std::copy_n(img.colour.begin() + (y * img.width + c0) * bytes, slice.width * bytes,
                        slice.colour.begin() + y * slice.width * bytes);
        }
        const int added = add_glyph_image(font, s.next, slice);
        if (added == 0) return 0;
        s.next += static_cast<unsigned>(added);
        glyphs += added;
        pen += slice.advance;
    }
    return glyphs;
}

// The advance (font size) of the line [from, to) of `t` as it would be drawn: ImGui's glyphs, and
// the runs as wide as the platform measures them.
float line_advance(const std::string& t, std::size_t from, std::size_t to, ImFont* font, int rtl) {
    while (to > from && t[to - 1] == ' ') --to;
    std::vector<Segment> segments;
    segment_line(t, from, to, rtl, segments);
    auto own = [&](std::size_t a, std::size_t b) {
        return b > a ? font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.c_str() + a, t.c_str() + b).x : 0.0f;
    };
    float w = 0;
    std::size_t at = from;
    GlyphSource* source = glyph_source();  // (none: natively, where nothing is drawn whole)
    for (const Segment& seg : segments) {
        const float run =
            source ? source->measure_run(t.substr(seg.from, seg.to - seg.from), font->FontSize, extra_font_weight(font), seg.rtl) : -1.0f;
        w += own(at, seg.from) + (run >= 0 ? run : own(seg.from, seg.to));
        at = seg.to;
    }
    return w + own(at, to);
}

// Breaks the lines of `t` between words, in logical order, into lines no wider than `wrap` (font
// size) as they would be drawn, as a browser does: the space before each new line's first word
// becomes '\n'. A word wider than `wrap` is a line of its own.
void break_lines(std::string& t, ImFont* font, float wrap, int rtl) {
    std::size_t start = 0;
    bool words = false;  // on the line so far
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') start = i + 1, words = false;
        if (t[i] == ' ' || t[i] == '\n') continue;
        std::size_t end = i;  // the word's
        while (end < t.size() && t[end] != ' ' && t[end] != '\n') ++end;
        if (words && line_advance(t, start, end, font, rtl) > wrap) t[i - 1] = '\n', start = i;
        words = true;
        i = end - 1;
    }
}

}  // namespace

bool needs_shaping(unsigned cp) {
    if (cp < 0x300) return false;
    return is_rtl(cp) || cp >= 0x10000 ||  // beyond 16 bits: emoji, historic scripts
        (cp >= 0x0300 && cp <= 0x036F) ||  // combining marks
        (cp >= 0x0900 && cp <= 0x0DFF) ||  // Devanagari ... Sinhala
        (cp >= 0x0E00 && cp <= 0x0FFF) ||  // Thai, Lao, Tibetan
        (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
        (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
        (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0xA8E0 && cp <= 0xA8FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
        (cp >= 0x200C && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool any_needs_shaping(const std::string& utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80)
            ++i;
        else if (needs_shaping(decode(utf8, i)))
            return true;
    }
    return false;
}

const ShapedText* shaped_text(const std::string& utf8, ImFont* font, float wrap) {
    GlyphSource* source = glyph_source();
    const int weight = extra_font_weight(font);
    if (!source || weight == 0) return nullptr;
    if (!any_needs_shaping(utf8)) return nullptr;
    const std::string key = key_of(font, std::string(reinterpret_cast<const char*>(&wrap), sizeof wrap) + utf8);
    if (const auto found = s.texts.find(key); found != s.texts.end()) return &found->second;

    // Wrapped: one base direction for the whole text, as dir=auto gives a paragraph; the lines
    // broken in logical order; each line then shaped on its own.
    std::string lines = utf8;
    const int rtl = wrap > 0 ? starts_rtl(utf8, 0, utf8.size()) : -1;
    if (wrap > 0) break_lines(lines, font, wrap, rtl);
    std::vector<Segment> segments;
    for (std::size_t line = 0; line <= lines.size();) {
        std::size_t eol = lines.find('\n', line);
        if (eol == std::string::npos) eol = lines.size();
        segment_line(lines, line, eol, rtl, segments);
        line = eol + 1;
    }
    bool ready = true;
    for (const Segment& seg : segments) {
        const std::string run_key = key_of(font, (seg.rtl ? "R" : "L") + lines.substr(seg.from, seg.to - seg.from));
        if (s.runs.count(run_key)) continue;
        ready = false;
        s.queue.emplace(run_key, font);
    }
    if (!ready) return nullptr;

    ShapedText shaped;
    shaped.rtl = rtl == 1;
    std::size_t copied = 0;
    for (const Segment& seg : segments) {
        const RunGlyph& g = s.runs[key_of(font, (seg.rtl ? "R" : "L") + lines.substr(seg.from, seg.to - seg.from))];
        if (g.codepoint == 0) continue;  // not drawn whole: letter by letter
        shaped.shown.append(lines, copied, seg.from - copied);
        shaped.runs.push_back({seg.from, seg.to, shaped.shown.size(), kGlyphBytes * static_cast<std::size_t>(g.glyphs), &g.carets});
        for (int i = 0; i < g.glyphs; ++i) append_utf8(shaped.shown, g.codepoint + static_cast<unsigned>(i));
        copied = seg.to;
    }
    shaped.shown.append(lines, copied, std::string::npos);
    return &(s.texts[key] = std::move(shaped));
}

std::string with_line_breaks(const std::string& utf8, ImFont* font, float wrap) {
    const bool runs = any_needs_shaping(utf8);
    std::string key = runs ? key_of(font, std::string(reinterpret_cast<const char*>(&wrap), sizeof wrap) + utf8) : std::string();
    if (runs)
        if (const auto found = s.lines.find(key); found != s.lines.end()) return found->second;
    std::string lines = utf8;
    break_lines(lines, font, wrap, -1);
    if (runs) s.lines.emplace(std::move(key), lines);
    return lines;
}

const std::string& shown_text(const std::string& utf8) {
    const ShapedText* shaped = shaped_text(utf8, ImGui::GetFont());
    return shaped && !shaped->runs.empty() ? shaped->shown : utf8;
}

ShownPosition shown_position(const ShapedText* shaped, std::size_t source_at) {
    if (!shaped) return {source_at, 0.0f};
    std::size_t shift = 0;  // bytes the runs before took out
    for (const ShapedRun& r : shaped->runs) {
        if (source_at < r.from) break;
        if (source_at <= r.to && r.carets) return {r.at, (*r.carets)[source_at - r.from]};
        shift += (r.to - r.from) - r.bytes;
    }
    return {source_at - shift, 0.0f};
}

std::size_t source_position(const ShapedText* shaped, std::size_t at, float dx) {
    if (!shaped) return at;
    std::size_t shift = 0;
    for (const ShapedRun& r : shaped->runs) {
        if (at < r.at) break;
        if (at < r.at + r.bytes && r.carets) {
            std::size_t best = 0;
            for (std::size_t i = 1; i < r.carets->size(); ++i)
                if (std::fabs((*r.carets)[i] - dx) < std::fabs((*r.carets)[best] - dx)) best = i;
            return r.from + best;
        }
        shift += (r.to - r.from) - r.bytes;
    }
    return at + shift;
}

std::size_t run_glyph_start(const ShapedText* shaped, std::size_t at) {
    if (shaped)
        for (const ShapedRun& r : shaped->runs)
            if (at >= r.at && at < r.at + r.bytes) return r.at;
    return std::string::npos;
}

void shaped_text_reset() { s = State{}; }

bool add_missing_runs() {
    if (s.texts.size() > kMostTexts) s.texts.clear();  // between frames: no one holds one
    if (s.lines.size() > kMostTexts) s.lines.clear();
    GlyphSource* source = glyph_source();
    if (!source || s.queue.empty()) return false;
    std::vector<ImFont*> changed;
    for (const auto& [run_key, font] : s.queue) {
        const std::string run = run_key.substr(sizeof font + 1);
        const bool rtl = run_key[sizeof font] == 'R';
        RunGlyph& g = s.runs[run_key];
        GlyphImage img;
        std::vector<float> by_unit(utf16_length(run) + 1, 0.0f);
        if (!source->rasterise_run(run, font->FontSize, extra_font_weight(font), rtl, img, by_unit)) continue;
        const int slices = add_slices(font, img);
        if (slices == 0) continue;  // codepoint 0: drawn letter by letter, not asked again
        g.codepoint = s.next - static_cast<unsigned>(slices);
        g.glyphs = slices;
        g.carets = carets_by_byte(run, by_unit);
        ++s.added;
        if (std::find(changed.begin(), changed.end(), font) == changed.end()) changed.push_back(font);
    }
    s.queue.clear();
    for (ImFont* f : changed) f->BuildLookupTable();
    return true;  // even when none could be drawn: the texts asked for are built letter by letter now
}

int shaped_run_count() { return s.added; }

}  // namespace iiifc
