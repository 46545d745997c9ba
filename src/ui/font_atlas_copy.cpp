#include "font_atlas_copy.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace iiifc {

namespace {

// The layout: a header (kMagic, texture width and height, rectangles, fonts), each packed
// rectangle's position, then each font's size, ascent, descent, surface and glyphs. Both ends are
// the same build of the app: glyphs go as ImFontGlyph is laid out.
constexpr std::uint32_t kMagic = 0x32415446;  // "FTA2": the pixels apart

static_assert(std::is_trivially_copyable<ImFontGlyph>::value, "glyphs are copied as bytes");

class Writer {
public:
    template <class T>
    void put(const T& v) {
        put_bytes(&v, sizeof v);
    }
    void put_bytes(const void* p, std::size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        out.insert(out.end(), b, b + n);
    }
    std::vector<unsigned char> out;
};

class Reader {
public:
    Reader(const unsigned char* p, std::size_t n) : p_(p), left_(n) {}
    template <class T>
    bool get(T& v) {
        return get_bytes(&v, sizeof v);
    }
    bool get_bytes(void* into, std::size_t n) {
        if (n > left_) return false;
        if (n) std::memcpy(into, p_, n);
        p_ += n;
        left_ -= n;
        return true;
    }
    std::size_t left() const { return left_; }

private:
    const unsigned char* p_;
    std::size_t left_;
};

struct Position {
    unsigned short x = 0, y = 0;
};

struct SavedFont {
    float size = 0, ascent = 0, descent = 0;
    int surface = 0;
    ImVector<ImFontGlyph> glyphs;
};

}  // namespace

std::vector<unsigned char> copy_font_atlas(const ImFontAtlas& atlas) {
    if (!atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return {};
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        if (r.Font) return {};  // its glyph is added again by ImFontAtlasBuildFinish: not ours to copy
    }
    for (const ImFontConfig& c : atlas.ConfigData) {
        if (c.MergeMode) return {};  // one ImFont per config here
    }
    Writer w;
    w.put(kMagic);
    w.put(atlas.TexWidth);
    w.put(atlas.TexHeight);
    w.put(atlas.CustomRects.Size);
    w.put(atlas.Fonts.Size);
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        w.put(r.X);
        w.put(r.Y);
    }
    for (const ImFont* f : atlas.Fonts) {
        w.put(f->FontSize);
        w.put(f->Ascent);
        w.put(f->Descent);
        w.put(f->MetricsTotalSurface);
        w.put(f->Glyphs.Size);
        w.put_bytes(f->Glyphs.Data, static_cast<std::size_t>(f->Glyphs.Size) * sizeof(ImFontGlyph));
    }
    return std::move(w.out);
}

bool restore_font_atlas(ImFontAtlas& atlas, const FontAtlasCopy& copy) {
    if (!copy.layout || atlas.Locked || atlas.Fonts.Size == 0 || atlas.Fonts.Size != atlas.ConfigData.Size) return false;
    // The default rectangles (white pixel, baked lines) are registered as Build() registers them.
    ImFontAtlasBuildInit(&atlas);
    Reader r(copy.layout, copy.layout_size);
    std::uint32_t magic = 0;
    int width = 0, height = 0, rects = 0, fonts = 0;
    if (!r.get(magic) || magic != kMagic || !r.get(width) || !r.get(height) || !r.get(rects) || !r.get(fonts)) return false;
    constexpr int kMaxSide = 1 << 14;  // WebGL's largest texture sizes are well below
    if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide) return false;
    if (rects != atlas.CustomRects.Size || fonts != atlas.Fonts.Size) return false;
    std::vector<Position> positions(static_cast<std::size_t>(rects));
    for (Position& p : positions) {
        if (!r.get(p.x) || !r.get(p.y)) return false;
    }
    std::vector<SavedFont> saved(static_cast<std::size_t>(fonts));  // not ImVector: it constructs nothing
    for (int i = 0; i < fonts; ++i) {
        SavedFont& s = saved[static_cast<std::size_t>(i)];
        int glyphs = 0;
        if (!r.get(s.size) || !r.get(s.ascent) || !r.get(s.descent) || !r.get(s.surface) || !r.get(glyphs)) return false;
        if (s.size != atlas.ConfigData[i].SizePixels) return false;  // other fonts, or another ratio
        if (glyphs < 0 || static_cast<std::size_t>(glyphs) > r.left() / sizeof(ImFontGlyph)) return false;
        s.glyphs.resize(glyphs);
        if (!r.get_bytes(s.glyphs.Data, static_cast<std::size_t>(glyphs) * sizeof(ImFontGlyph))) return false;
        for (const ImFontGlyph& g : s.glyphs) {
            if (g.Codepoint > IM_UNICODE_CODEPOINT_MAX) return false;  // the lookup tables are indexed by it
        }
    }
    if (r.left() != 0) return false;
    const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (copy.pixels && copy.pixels_size != pixels) return false;

    // All checked: the atlas as ImFontAtlasBuildWithStbTruetype leaves it, then as Build() ends.
    // Without the pixels, the buffer only takes what Build() draws into ImGui's own rectangles:
    // nothing reads it, and it is freed at the end.
    atlas.ClearTexData();
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
    if (copy.pixels) std::memcpy(atlas.TexPixelsAlpha8, copy.pixels, pixels);
    for (int i = 0; i < rects; ++i) {
        atlas.CustomRects[i].X = positions[static_cast<std::size_t>(i)].x;
        atlas.CustomRects[i].Y = positions[static_cast<std::size_t>(i)].y;
    }
    for (int i = 0; i < fonts; ++i) {
        ImFont* font = atlas.Fonts[i];
        SavedFont& s = saved[static_cast<std::size_t>(i)];
        ImFontAtlasBuildSetupFont(&atlas, font, &atlas.ConfigData[i], s.ascent, s.descent);
        font->Glyphs.swap(s.glyphs);
        font->MetricsTotalSurface = s.surface;
        font->DirtyLookupTables = true;
    }
    ImFontAtlasBuildFinish(&atlas);
    if (!copy.pixels) atlas.ClearTexData();
    return true;
}

}  // namespace iiifc
