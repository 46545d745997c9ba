// The font atlas the page restores from the rehearsal's copy (font_atlas_copy.h) is the atlas it
// would have built, to the texel and the glyph (without the pixels, which go to the texture, to
// the glyph); a copy that does not fit (other sizes, damaged bytes) is refused, and the atlas is
// built instead.
#include "font_atlas_copy.h"
#include "fonts.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

// An ImGui context of its own for each atlas, the harness's left as it was.
struct Context {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* own = ImGui::CreateContext();
    Context() { ImGui::SetCurrentContext(own); }
    ~Context() {
        ImGui::DestroyContext(own);
        ImGui::SetCurrentContext(previous);
    }
    ImFontAtlas& atlas() { return *ImGui::GetIO().Fonts; }
};

// Everything drawing reads from an atlas, as bytes to compare; its pixels too if it has them.
std::string describe(const ImFontAtlas& a) {
    std::string s;
    auto add = [&s](const void* p, std::size_t n) { s.append(static_cast<const char*>(p), n); };
    add(&a.TexWidth, sizeof a.TexWidth);
    add(&a.TexHeight, sizeof a.TexHeight);
    if (a.TexPixelsAlpha8) add(a.TexPixelsAlpha8, static_cast<std::size_t>(a.TexWidth * a.TexHeight));
    add(&a.TexUvScale, sizeof a.TexUvScale);
    add(&a.TexUvWhitePixel, sizeof a.TexUvWhitePixel);
    add(a.TexUvLines, sizeof a.TexUvLines);
    for (const ImFont* f : a.Fonts) {
        add(&f->FontSize, sizeof f->FontSize);
        add(&f->Ascent, sizeof f->Ascent);
        add(&f->Descent, sizeof f->Descent);
        add(&f->FallbackAdvanceX, sizeof f->FallbackAdvanceX);
        add(&f->FallbackChar, sizeof f->FallbackChar);
        add(&f->EllipsisChar, sizeof f->EllipsisChar);
        add(f->Glyphs.Data, static_cast<std::size_t>(f->Glyphs.Size) * sizeof(ImFontGlyph));
        add(f->IndexAdvanceX.Data, static_cast<std::size_t>(f->IndexAdvanceX.Size) * sizeof(float));
        add(f->IndexLookup.Data, static_cast<std::size_t>(f->IndexLookup.Size) * sizeof(ImWchar));
        const int fallback = f->FallbackGlyph ? static_cast<int>(f->FallbackGlyph - f->Glyphs.Data) : -1;
        add(&fallback, sizeof fallback);
        add(f->Used4kPagesMap, sizeof f->Used4kPagesMap);
    }
    return s;
}

struct Built {
    std::vector<unsigned char> copy;  // the layout
    std::vector<unsigned char> pixels;
    std::string described, described_without_pixels;
    iiifc::FontAtlasCopy whole() const { return {copy.data(), copy.size(), pixels.data(), pixels.size()}; }
    iiifc::FontAtlasCopy layout() const { return {copy.data(), copy.size(), nullptr, 0}; }
};

Built build(float ratio) {
    Context c;
    iiifc::build_fonts(iiifc::kTextSize, ratio);
    const ImFontAtlas& a = c.atlas();
    Built b{iiifc::copy_font_atlas(a), {a.TexPixelsAlpha8, a.TexPixelsAlpha8 + a.TexWidth * a.TexHeight}, describe(a), {}};
    c.atlas().ClearTexData();
    b.described_without_pixels = describe(a);
    return b;
}

}  // namespace

TEST_CASE("a restored font atlas is the atlas built, at the pixel ratios of phones and desktops") {
    for (const float ratio : {1.0f, 1.75f, 3.0f}) {
        CAPTURE(ratio);
        const Built built = build(ratio);
        REQUIRE(!built.copy.empty());
        Context c;
        iiifc::add_fonts(iiifc::kTextSize, ratio);
        CHECK(iiifc::restore_font_atlas(c.atlas(), built.whole()));
        CHECK(c.atlas().IsBuilt());
        CHECK(describe(c.atlas()) == built.described);
        // ... and build_fonts with the copy ends as it does without.
        Context d;
        const iiifc::FontAtlasCopy whole = built.whole();
        bool restored = false;
        iiifc::build_fonts(iiifc::kTextSize, ratio, &whole, &restored);
        CHECK(restored);
        CHECK(describe(d.atlas()) == built.described);
    }
}

TEST_CASE("restored without its pixels (they go to the texture), an atlas is the one built, its pixels uploaded") {
    for (const float ratio : {1.0f, 1.75f, 3.0f}) {
        CAPTURE(ratio);
        const Built built = build(ratio);
        Context c;
        iiifc::add_fonts(iiifc::kTextSize, ratio);
        CHECK(iiifc::restore_font_atlas(c.atlas(), built.layout()));
        CHECK(c.atlas().IsBuilt());
        CHECK(c.atlas().TexPixelsAlpha8 == nullptr);
        CHECK(describe(c.atlas()) == built.described_without_pixels);
    }
}

TEST_CASE("a copy of other fonts or sizes is refused: the atlas is built") {
    const Built phone = build(1.75f);
    Context c;
    iiifc::add_fonts(iiifc::kTextSize, 2.0f);  // another pixel ratio
    CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), phone.whole()));
    CHECK_FALSE(c.atlas().IsBuilt());
    iiifc::add_fonts(iiifc::kKioskTextSize, 1.75f);  // a kiosk's text
    CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), phone.layout()));
    c.atlas().Clear();
    c.atlas().AddFontDefault();  // other fonts
    CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), phone.whole()));
    // build_fonts then builds: the same atlas as without a copy, with its pixels.
    const Built desktop = build(1.0f);
    Context d;
    const iiifc::FontAtlasCopy layout = phone.layout();
    bool restored = true;
    iiifc::build_fonts(iiifc::kTextSize, 1.0f, &layout, &restored);
    CHECK_FALSE(restored);
    CHECK(describe(d.atlas()) == desktop.described);
}

TEST_CASE("a damaged copy is refused, whatever is cut or changed, and nothing is read past its end") {
    const Built built = build(1.0f);
    const std::vector<unsigned char>& copy = built.copy;
    Context c;
    // Cut anywhere in the header and the glyphs, and just before the end.
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n < 4096 && n < copy.size(); n += 7) lengths.push_back(n);
    lengths.push_back(copy.size() - 1);
    for (const std::size_t n : lengths) {
        CAPTURE(n);
        iiifc::add_fonts(iiifc::kTextSize, 1.0f);
        const std::vector<unsigned char> cut(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(n));
        CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), {cut.data(), cut.size(), nullptr, 0}));
    }
    // Pixels of another size than the layout's texture.
    iiifc::add_fonts(iiifc::kTextSize, 1.0f);
    CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), {copy.data(), copy.size(), built.pixels.data(), built.pixels.size() - 1}));
    CHECK_FALSE(c.atlas().IsBuilt());
    // One byte too many, a wrong mark, an absurd size, a glyph count beyond the bytes.
    std::vector<unsigned char> longer = copy;
    longer.push_back(0);
    std::vector<unsigned char> marked = copy, wide = copy, counted = copy;
    marked[0] ^= 0xFF;
    const int huge = 1 << 30;
    std::memcpy(wide.data() + 4, &huge, sizeof huge);
    int rects = 0;  // the header: mark, width, height, rectangles, fonts; 4 bytes a rectangle; a font's 4 numbers
    std::memcpy(&rects, copy.data() + 12, sizeof rects);
    const std::size_t first_glyph_count = 4 * 5 + static_cast<std::size_t>(rects) * 4 + 16;
    std::memcpy(counted.data() + first_glyph_count, &huge, sizeof huge);
    for (const auto* bad : {&longer, &marked, &wide, &counted}) {
        iiifc::add_fonts(iiifc::kTextSize, 1.0f);
        CHECK_FALSE(iiifc::restore_font_atlas(c.atlas(), {bad->data(), bad->size(), nullptr, 0}));
        CHECK_FALSE(c.atlas().IsBuilt());
    }
}
