#include "extra_glyphs.h"

#include "semantics.h"
#include "shaped_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <utility>

namespace iiifc {

namespace {

constexpr int kPadding = 1;                  // texels between glyphs: linear filtering reads the neighbours
constexpr long kMostAddedTexels = 1L << 20;  // of the texture grown below the embedded glyphs

struct ExtraFont {
    ImFont* font = nullptr;
    int weight = 400;
};

struct State {
    GlyphSource* source = nullptr;
    ExtraFont fonts[3];
    int region_top = -1;                           // first texel row of the added glyphs; -1: none added yet
    int pen_x = 0, pen_y = 0, row_h = 0;           // the shelf being filled
    std::vector<std::pair<unsigned, bool>> queue;  // missing characters (and whether in headings), in the order met
    std::set<unsigned> queued, failed;             // ... (bit 31: in headings) and those the source could not draw (not asked again)
    int added = 0;
};
State s;

// The next code point of UTF-8 text (malformed bytes: U+FFFD, one byte).
unsigned next_codepoint(const unsigned char*& p, const unsigned char* end) {
    const unsigned c = *p++;
    if (c < 0x80) return c;
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0 || end - p < extra) return 0xFFFD;
    unsigned cp = c & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    p += extra;
    return cp;
}

bool missing_in(const ImFont* f, unsigned cp) { return f && f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr; }

// Rows the texture gains when it grows: as many again, so growing is rare (each re-sends it).
void grow(ImFontAtlas& atlas, int need_rows) {
    const int old_h = atlas.TexHeight;
    int new_h = old_h * 2;
    while (new_h - std::max(s.pen_y, old_h) < need_rows) new_h *= 2;
    const float r = static_cast<float>(old_h) / static_cast<float>(new_h);
    // The texture coordinates already handed out keep pointing at the same texels.
    for (ImFont* font : atlas.Fonts)
        for (ImFontGlyph& g : font->Glyphs) g.V0 *= r, g.V1 *= r;
    atlas.TexUvWhitePixel.y *= r;
    for (ImVec4& line : atlas.TexUvLines) line.y *= r, line.w *= r;
    atlas.TexHeight = new_h;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(atlas.TexWidth), 1.0f / static_cast<float>(new_h));
    s.source->texture_grown(atlas.TexWidth, new_h);
}

// A place for a w x h image in the added region, growing the texture if needed.
bool place(ImFontAtlas& atlas, int w, int h, int& x, int& y) {
    if (w + 2 * kPadding > atlas.TexWidth) return false;
    if (s.region_top < 0) {  // the first added glyph: below everything the builder packed
        s.region_top = atlas.TexHeight;
        s.pen_x = 0, s.pen_y = atlas.TexHeight, s.row_h = 0;
    }
    if (s.pen_x + w + 2 * kPadding > atlas.TexWidth) {  // the shelf is full: the next one
        s.pen_x = 0;
        s.pen_y += s.row_h;
        s.row_h = 0;
    }
    if (s.pen_y + h + 2 * kPadding > atlas.TexHeight) grow(atlas, h + 2 * kPadding);
    x = s.pen_x + kPadding;
    y = s.pen_y + kPadding;
    s.pen_x += w + 2 * kPadding;
    s.row_h = std::max(s.row_h, h + 2 * kPadding);
    return true;
}

bool add_image(ImFont* font, unsigned cp, const GlyphImage& img) {
    ImFontAtlas& atlas = *font->ContainerAtlas;
    if (img.width < 0 || img.height < 0 || img.alpha.size() < static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height))
        return false;
    int x = 0, y = 0;
    const bool ink = img.width > 0 && img.height > 0;
    if (ink) {
        if (!place(atlas, img.width, img.height, x, y)) return false;
        s.source->texture_region(x, y, img.width, img.height, img.alpha.data());
    }
    // Coordinates as the atlas builder gives them: from the pen, the line's top at 0.
    const float x0 = img.left, y0 = static_cast<float>(static_cast<int>(font->Ascent + 0.5f)) - img.top;
    const float tw = static_cast<float>(atlas.TexWidth), th = static_cast<float>(atlas.TexHeight);
    font->AddGlyph(font->ConfigData, static_cast<ImWchar>(cp), x0, y0, x0 + static_cast<float>(img.width),
                   y0 + static_cast<float>(img.height), static_cast<float>(x) / tw, static_cast<float>(y) / th,
                   static_cast<float>(x + img.width) / tw, static_cast<float>(y + img.height) / th, img.advance);
    return true;
}

bool add_glyph(ExtraFont& ef, unsigned cp) {
    GlyphImage img;
    return s.source->rasterise(cp, ef.font->FontSize, ef.weight, img) && add_image(ef.font, cp, img);
}

}  // namespace

void set_glyph_source(GlyphSource* source) { s.source = source; }

void extra_glyphs_reset(ImFont* regular, ImFont* bold, ImFont* heading) {
    GlyphSource* source = s.source;
    s = State{};
    s.source = source;
    s.fonts[0] = {regular, 400};
    s.fonts[1] = {bold, 600};
    s.fonts[2] = {heading, 600};
    shaped_text_reset();
}

void note_text(const std::string& utf8, bool heading) {
    if (!s.source) return;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const unsigned char* end = p + utf8.size();
    while (p < end) {
        if (*p < 0x80) {  // ASCII: every font has it
            ++p;
            continue;
        }
        const unsigned cp = next_codepoint(p, end);
        const unsigned key = heading ? cp | 0x80000000u : cp;  // a character can be missing from both sets of fonts
        if (cp > IM_UNICODE_CODEPOINT_MAX || s.queued.count(key) || s.failed.count(key)) continue;
        const bool missing = heading ? missing_in(s.fonts[1].font, cp) || missing_in(s.fonts[2].font, cp) : missing_in(s.fonts[0].font, cp);
        if (!missing) continue;
        s.queue.emplace_back(cp, heading);
        s.queued.insert(key);
    }
}

void note_frame_text() {
    if (s.source) semantics::for_each_text(note_text);
}

bool add_missing_glyphs() {
    if (!s.source) return false;
    bool any = add_missing_runs();
    if (s.queue.empty()) return any;
    std::vector<ImFont*> changed;
    for (const auto& [cp, heading] : s.queue) {
        bool drawn = false;
        for (ExtraFont& ef : s.fonts) {
            if ((ef.weight > 400) != heading || !missing_in(ef.font, cp)) continue;
            if (add_glyph(ef, cp)) {
                drawn = true;
                if (std::find(changed.begin(), changed.end(), ef.font) == changed.end()) changed.push_back(ef.font);
            }
        }
        if (drawn)
            ++s.added, any = true;
        else
            s.failed.insert(heading ? cp | 0x80000000u : cp);
    }
    s.queue.clear();
    s.queued.clear();
    for (ImFont* f : changed) f->BuildLookupTable();
    return any;
}

int extra_glyph_count() { return s.added; }

bool extra_glyphs_over_budget() {
    const ImFont* f = s.fonts[0].font;
    if (s.region_top < 0 || !f || !f->ContainerAtlas) return false;
    const ImFontAtlas& atlas = *f->ContainerAtlas;
    return static_cast<long>(atlas.TexHeight - s.region_top) * atlas.TexWidth > kMostAddedTexels;
}

GlyphSource* glyph_source() { return s.source; }

int extra_font_weight(const ImFont* font) {
    for (const ExtraFont& ef : s.fonts)
        if (font && ef.font == font) return ef.weight;
    return 0;
}

bool add_glyph_image(ImFont* font, unsigned codepoint, const GlyphImage& image) {
    return s.source && font && add_image(font, codepoint, image);
}

}  // namespace iiifc
