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

constexpr int kPadding = 1;                 // texels between glyphs: linear filtering reads the neighbours
constexpr long kMostAddedBytes = 1L << 20;  // of the textures grown for added glyphs
constexpr int kFirstColourRows = 32;        // the colour texture's height when it is made

struct ExtraFont {
    ImFont* font = nullptr;
    int weight = 400;
};

// Where added glyphs go in a texture: shelves filled left to right, top to bottom.
struct Sheet {
    int top = -1;                         // first texel row of the added glyphs; -1: none added yet
    int pen_x = 0, pen_y = 0, row_h = 0;  // the shelf being filled
    int rows = 0;                         // the colour texture's height (the atlas's is its TexHeight)
};

struct State {
    GlyphSource* source = nullptr;
    ExtraFont fonts[3];
    Sheet alpha, colour;                           // below the embedded glyphs; the colour texture
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

int& rows_of(ImFontAtlas& atlas, bool colour) { return colour ? s.colour.rows : atlas.TexHeight; }

// Rows the texture gains when it grows: as many again, so growing is rare (each re-sends it).
void grow(ImFontAtlas& atlas, bool colour, int need_rows) {
    int& rows = rows_of(atlas, colour);
    const int old_h = rows;
    int new_h = std::max(old_h * 2, kFirstColourRows);
    while (new_h - std::max((colour ? s.colour : s.alpha).pen_y, old_h) < need_rows) new_h *= 2;
    const float r = static_cast<float>(old_h) / static_cast<float>(new_h);
    // The texture coordinates already handed out keep pointing at the same texels.
    for (ImFont* font : atlas.Fonts)
        for (ImFontGlyph& g : font->Glyphs)
            if ((g.Colored != 0) == colour) g.V0 *= r, g.V1 *= r;
    rows = new_h;
    if (!colour) {
        atlas.TexUvWhitePixel.y *= r;
        for (ImVec4& line : atlas.TexUvLines) line.y *= r, line.w *= r;
        atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(atlas.TexWidth), 1.0f / static_cast<float>(new_h));
    }
    s.source->texture_grown(atlas.TexWidth, new_h, colour);
}

// A place for a w x h image in the added region of a texture, growing it if needed.
bool place(ImFontAtlas& atlas, bool colour, int w, int h, int& x, int& y) {
    Sheet& sheet = colour ? s.colour : s.alpha;
    if (w + 2 * kPadding > atlas.TexWidth) return false;
    if (sheet.top < 0) {  // the first added glyph: below everything the builder packed
        sheet.top = colour ? 0 : atlas.TexHeight;
        sheet.pen_x = 0, sheet.pen_y = sheet.top, sheet.row_h = 0;
    }
    if (sheet.pen_x + w + 2 * kPadding > atlas.TexWidth) {  // the shelf is full: the next one
        sheet.pen_x = 0;
        sheet.pen_y += sheet.row_h;
        sheet.row_h = 0;
    }
    if (sheet.pen_y + h + 2 * kPadding > rows_of(atlas, colour)) grow(atlas, colour, h + 2 * kPadding);
    x = sheet.pen_x + kPadding;
    y = sheet.pen_y + kPadding;
    sheet.pen_x += w + 2 * kPadding;
    sheet.row_h = std::max(sheet.row_h, h + 2 * kPadding);
    return true;
}

// One layer of an image (`colour`: its colour, drawn untinted; else its coverage), cut to its ink,
// as glyph `cp` advancing the pen by `advance`.
bool add_layer(ImFont* font, unsigned cp, const GlyphImage& img, bool colour, float advance) {
    ImFontAtlas& atlas = *font->ContainerAtlas;
    const int bytes = colour ? 4 : 1;  // a pixel's; its last is its alpha
    const std::vector<unsigned char>& layer = colour ? img.colour : img.alpha;
    if (img.width < 0 || img.height < 0 ||
        layer.size() < static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height * bytes))
        return false;
    const unsigned char* px = layer.data();
    int x0 = img.width, x1 = 0, y0 = img.height, y1 = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (px[(y * img.width + x + 1) * bytes - 1])
                x0 = std::min(x0, x), x1 = std::max(x1, x + 1), y0 = std::min(y0, y), y1 = std::max(y1, y + 1);
    const int w = std::max(0, x1 - x0), h = w > 0 ? y1 - y0 : 0;
    int x = 0, y = 0;
    if (w > 0) {
        if (!place(atlas, colour, w, h, x, y)) return false;
        std::vector<unsigned char> ink(static_cast<std::size_t>(w * h * bytes));
        for (int row = 0; row < h; ++row)
            std::memcpy(ink.data() + row * w * bytes, px + ((y0 + row) * img.width + x0) * bytes, static_cast<std::size_t>(w * bytes));
        s.source->texture_region(x, y, w, h, ink.data(), colour);
    }
    // Coordinates as the atlas builder gives them: from the pen, the line's top at 0; a colour
    // glyph's u one less (web/draw.js).
    const float gx = img.left + static_cast<float>(x0),
                gy = static_cast<float>(static_cast<int>(font->Ascent + 0.5f)) - img.top + static_cast<float>(y0);
    const float tw = static_cast<float>(atlas.TexWidth), th = static_cast<float>(std::max(1, rows_of(atlas, colour))),
                u = colour ? -1.0f : 0.0f;
    font->AddGlyph(font->ConfigData, static_cast<ImWchar>(cp), gx, gy, gx + static_cast<float>(w), gy + static_cast<float>(h),
                   u + static_cast<float>(x) / tw, static_cast<float>(y) / th, u + static_cast<float>(x + w) / tw,
                   static_cast<float>(y + h) / th, advance);
    font->Glyphs.back().Colored = colour;
    return true;
}

// A character the browser draws in colour is all colour.
bool add_glyph(ExtraFont& ef, unsigned cp) {
    GlyphImage img;
    return s.source->rasterise(cp, ef.font->FontSize, ef.weight, img) && add_layer(ef.font, cp, img, !img.colour.empty(), img.advance);
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
    if (!f || !f->ContainerAtlas) return false;
    const ImFontAtlas& atlas = *f->ContainerAtlas;
    const long alpha_rows = s.alpha.top < 0 ? 0 : atlas.TexHeight - s.alpha.top;
    return (alpha_rows + 4L * s.colour.rows) * atlas.TexWidth > kMostAddedBytes;
}

GlyphSource* glyph_source() { return s.source; }

int extra_font_weight(const ImFont* font) {
    for (const ExtraFont& ef : s.fonts)
        if (font && ef.font == font) return ef.weight;
    return 0;
}

int add_glyph_image(ImFont* font, unsigned codepoint, const GlyphImage& image) {
    if (!s.source || !font) return 0;
    const bool colour = !image.colour.empty();
    if (colour && !add_layer(font, codepoint, image, true, 0.0f)) return 0;
    return add_layer(font, codepoint + (colour ? 1u : 0u), image, false, image.advance) ? (colour ? 2 : 1) : 0;
}

}  // namespace iiifc
