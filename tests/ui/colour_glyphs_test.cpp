// Glyphs the platform draws in colour (emoji, flags) keep their colours (extra_glyphs.h): ImGui's
// coloured glyphs, drawn untinted, their texels in a texture of their own, while text beside them
// keeps the text's colour and the atlas one byte a texel. With a fake source that records.
#include "extra_glyphs.h"
#include "shaped_text.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

using namespace iiifc;
using namespace iiifc_test;

namespace {

// A run: `text_width` columns of text (coverage), then `emoji_width` of blue (colour), 10 px high.
// A character: a column of nothing, then 4 x 3 px of red.
struct FakeColour final : GlyphSource {
    struct Region {
        int x, y, width, height;
        bool colour;
        std::vector<unsigned char> pixels;
    };
    int text_width = 6, emoji_width = 4;
    std::vector<std::pair<int, bool>> grown;  // height, colour
    std::vector<Region> regions;
    bool rasterise(unsigned, float, int, GlyphImage& out) override {
        out.width = 5, out.height = 3, out.left = 0, out.top = 8, out.advance = 6;
        out.alpha.assign(15, 0);
        out.colour.assign(60, 0);
        for (int p = 0; p < 15; ++p)
            if (p % 5 != 0) out.colour[p * 4] = 255, out.colour[p * 4 + 3] = 255;
        return true;
    }
    bool rasterise_run(const std::string&, float, int, bool, GlyphImage& out, std::vector<float>& carets) override {
        const int w = text_width + emoji_width;
        out.width = w, out.height = 10, out.left = 0, out.top = 8, out.advance = static_cast<float>(w);
        out.alpha.assign(static_cast<std::size_t>(w) * 10, 0);
        if (emoji_width > 0) out.colour.assign(static_cast<std::size_t>(w) * 40, 0);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < w; ++x) {
                const std::size_t p = static_cast<std::size_t>(y * w + x);
                if (x < text_width)
                    out.alpha[p] = 255;
                else
                    out.colour[p * 4 + 2] = 255, out.colour[p * 4 + 3] = 255;
            }
        for (std::size_t k = 0; k < carets.size(); ++k) carets[k] = static_cast<float>(k);
        return true;
    }
    void texture_grown(int, int height, bool colour) override { grown.emplace_back(height, colour); }
    void texture_region(int x, int y, int width, int height, const unsigned char* pixels, bool colour) override {
        const std::size_t bytes = static_cast<std::size_t>(width * height * (colour ? 4 : 1));
        regions.push_back({x, y, width, height, colour, std::vector<unsigned char>(pixels, pixels + bytes)});
    }
};

const std::string kApple = "\xF0\x9F\x8D\x8E";                                  // 🍎
const std::string kGlyphs = "\xEE\x80\x80\xEE\x80\x81";                         // U+E000, U+E001: the run's colour, then its text
const std::string kScientist = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC";  // 👩‍🔬: woman, joiner, microscope

// The vertices ImGui writes for `text` in `font`, in colour `col`.
std::vector<ImDrawVert> drawn(ImFont* font, const std::string& text, ImU32 col) {
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(1000, 1000));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.AddText(font, font->FontSize, ImVec2(10, 10), col, text.c_str());
    return std::vector<ImDrawVert>(list.VtxBuffer.begin(), list.VtxBuffer.end());
}

}  // namespace

TEST_CASE("a run with an emoji: its colour is a glyph drawn untinted from a texture of its own, before the run's text") {
    FakeColour source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        const int atlas_height = ImGui::GetIO().Fonts->TexHeight;
        const std::string text = "Lab " + kScientist;
        shaped_text(text, regular);
        CHECK(add_missing_runs());
        const ShapedText* shaped = shaped_text(text, regular);
        REQUIRE(shaped != nullptr);
        CHECK(shaped->shown == "Lab " + kGlyphs);
        REQUIRE(shaped->runs.size() == 1);
        CHECK(shaped->runs[0].bytes == 6);

        // The colour: no advance, cut to its ink (columns 6 to 10), at u - 1 in a texture 32 rows high.
        const ImFontGlyph* colour = regular->FindGlyphNoFallback(0xE000);
        REQUIRE(colour != nullptr);
        CHECK(colour->Colored);
        CHECK(colour->AdvanceX == 0.0f);
        CHECK(colour->X0 == 6.0f);
        CHECK(colour->X1 == 10.0f);
        CHECK(colour->Y1 - colour->Y0 == 10.0f);
        CHECK(colour->U0 == -1.0f + 1.0f / static_cast<float>(ImGui::GetIO().Fonts->TexWidth));
        CHECK(colour->U1 < 0.0f);
        CHECK(colour->V0 == 1.0f / 32.0f);
        CHECK(colour->V1 == 11.0f / 32.0f);
        // The text: the run's advance, in the atlas grown below the embedded glyphs.
        const ImFontGlyph* ink = regular->FindGlyphNoFallback(0xE001);
        REQUIRE(ink != nullptr);
        CHECK_FALSE(ink->Colored);
        CHECK(ink->AdvanceX == 10.0f);
        CHECK(ink->X0 == 0.0f);
        CHECK(ink->X1 == 6.0f);
        CHECK(ink->U0 > 0.0f);
        CHECK(source.grown == std::vector<std::pair<int, bool>>{{32, true}, {atlas_height * 2, false}});
        CHECK(ImGui::GetIO().Fonts->TexHeight == atlas_height * 2);
        REQUIRE(source.regions.size() == 2);
        CHECK(source.regions[0].colour);
        CHECK(source.regions[0].width == 4);
        CHECK(source.regions[0].height == 10);
        for (std::size_t p = 0; p < 40; ++p) {
            CHECK(source.regions[0].pixels[p * 4 + 2] == 255);
            CHECK(source.regions[0].pixels[p * 4] == 0);
        }
        CHECK_FALSE(source.regions[1].colour);
        CHECK(source.regions[1].pixels == std::vector<unsigned char>(60, 255));

        // Drawn in a dark grey, half transparent: "Lab" and the run's text in it, the colour in white (untinted) at its alpha.
        const ImU32 grey = IM_COL32(0x20, 0x20, 0x20, 0x80);
        const std::vector<ImDrawVert> v = drawn(regular, shaped->shown, grey);
        REQUIRE(v.size() == 5 * 4);  // L, a, b, the colour, the text
        for (std::size_t i = 0; i < v.size(); ++i) {
            const bool in_colour = i >= 12 && i < 16;
            CHECK(v[i].col == (in_colour ? IM_COL32(0xFF, 0xFF, 0xFF, 0x80) : grey));
            CHECK((v[i].uv.x < 0.0f) == in_colour);
        }
        CHECK(v[12].pos.x == v[16].pos.x + 6.0f);  // the colour right of the run's text, where the browser drew it
    }
    set_glyph_source(nullptr);
}

TEST_CASE("a character the platform draws in colour is one coloured glyph; a run without colour, one glyph as before") {
    FakeColour source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        note_text("\xE2\x98\x95");  // ☕, of the Basic Multilingual Plane: a character of its own
        CHECK(add_missing_glyphs());
        const ImFontGlyph* cup = regular->FindGlyphNoFallback(0x2615);
        REQUIRE(cup != nullptr);
        CHECK(cup->Colored);
        CHECK(cup->AdvanceX == 6.0f);
        CHECK(cup->X0 == 1.0f);  // its empty column cut
        CHECK(cup->X1 - cup->X0 == 4.0f);
        CHECK(cup->U1 < 0.0f);
        REQUIRE(source.regions.size() == 1);
        CHECK(source.regions[0].colour);
        CHECK(source.regions[0].pixels.size() == 4 * 3 * 4);

        source.emoji_width = 0;
        shaped_text(kApple + "x", regular);
        CHECK(add_missing_runs());
        const ShapedText* shaped = shaped_text(kApple + "x", regular);
        REQUIRE(shaped != nullptr);
        CHECK(shaped->shown == "\xEE\x80\x80");
        CHECK_FALSE(regular->FindGlyphNoFallback(0xE000)->Colored);
        CHECK(regular->FindGlyphNoFallback(0xE001) == nullptr);
        CHECK(source.regions.back().pixels.size() == 6 * 10);

        // A run wider than the atlas, its emoji at its end: three slices, each its colour and its text.
        source.text_width = 2 * ImGui::GetIO().Fonts->TexWidth, source.emoji_width = 4;
        const std::size_t regions = source.regions.size();
        shaped_text(kApple + "y", regular);
        CHECK(add_missing_runs());
        shaped = shaped_text(kApple + "y", regular);
        REQUIRE(shaped != nullptr);
        CHECK(shaped->runs[0].bytes == 6 * 3);
        CHECK(regular->CalcTextSizeA(regular->FontSize, 1e9f, 0, shaped->shown.c_str()).x ==
              static_cast<float>(source.text_width + source.emoji_width));
        CHECK(regular->FindGlyphNoFallback(0xE001)->Colored);
        CHECK_FALSE(regular->FindGlyphNoFallback(0xE001)->Visible);  // no colour in the first slice
        CHECK(regular->FindGlyphNoFallback(0xE005)->Visible);        // the emoji, in the last
        CHECK(source.regions.size() == regions + 4);                 // the three slices' text, the emoji's colour
    }
    set_glyph_source(nullptr);
}

TEST_CASE("the colour texture grows on its own, its glyphs' coordinates kept, and counts four bytes a texel in the 1 MB budget") {
    FakeColour source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        const int atlas_height = atlas.TexHeight;
        source.text_width = 0, source.emoji_width = 100;  // emoji alone: nothing in the atlas
        shaped_text(kApple, regular);
        add_missing_runs();
        const ImFontGlyph first = *regular->FindGlyphNoFallback(0xE000);
        CHECK(first.V1 == 11.0f / 32.0f);
        int runs = 1;
        while (!extra_glyphs_over_budget() && runs < 2000) {
            shaped_text(kApple + std::to_string(runs), regular);
            add_missing_runs();
            ++runs;
        }
        CHECK(extra_glyphs_over_budget());
        CHECK(runs < 2000);
        CHECK(atlas.TexHeight == atlas_height);
        // Over 1 MB at four bytes a texel (1024 rows of a 512 texels wide atlas); the atlas did not grow.
        int rows = 32;
        while (4L * rows * atlas.TexWidth <= 1L << 20) rows *= 2;
        REQUIRE_FALSE(source.grown.empty());
        CHECK(source.grown.back() == std::make_pair(rows, true));
        CHECK(regular->FindGlyphNoFallback(0xE000)->V1 == first.V1 * 32.0f / static_cast<float>(rows));
    }
    set_glyph_source(nullptr);
}
