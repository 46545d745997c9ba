// The person's display settings (forced colours, more contrast, reduced motion) and the glyphs
// the embedded fonts lack, drawn by a source the platform gives (here a fake one that records).
#include "extra_glyphs.h"
#include "theme.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

using namespace iiifc;
using namespace iiifc_test;

namespace {

unsigned hex(const ImVec4& c) {
    auto ch = [](float v) { return static_cast<unsigned>(v * 255.0f + 0.5f); };
    return (ch(c.x) << 16) | (ch(c.y) << 8) | ch(c.z);
}

// Draws every character as a 6 x 10 block with an advance of 7, and records what it was asked.
struct FakeGlyphs final : GlyphSource {
    std::vector<unsigned> asked;
    std::vector<int> heights;  // texture_grown
    int regions = 0;
    bool rasterise(unsigned codepoint, float, int, GlyphImage& out) override {
        asked.push_back(codepoint);
        out.width = 6, out.height = 10, out.left = 1, out.top = 9, out.advance = 7;
        out.alpha.assign(60, 255);
        return true;
    }
    void texture_grown(int, int height, bool) override { heights.push_back(height); }
    void texture_region(int, int, int, int, const unsigned char*, bool) override { ++regions; }
};

}  // namespace

TEST_CASE("forced colours: every colour of the canvas is one of the system colours") {
    SystemColours sys;
    sys.canvas = 0x000000, sys.canvas_text = 0xFFFF00, sys.button_face = 0x101010, sys.button_text = 0x00FF00;
    sys.highlight = 0x1AEBFF, sys.highlight_text = 0x000000;
    const Palette p = forced_colours_palette(sys);
    CHECK(hex(p.background) == 0x000000);
    CHECK(hex(p.panel) == 0x000000);
    CHECK(hex(p.text) == 0xFFFF00);
    CHECK(hex(p.text_muted) == 0xFFFF00);
    CHECK(hex(p.border) == 0xFFFF00);  // every boundary visible
    CHECK(hex(p.error) == 0xFFFF00);
    CHECK(hex(p.button) == 0x101010);
    CHECK(hex(p.button_text) == 0x00FF00);
    CHECK(hex(p.accent) == 0x1AEBFF);
    CHECK(hex(p.focus) == 0x1AEBFF);
    CHECK(hex(p.accent_text) == 0x000000);
    CHECK(p.row_differs.w == 0.0f);

    Ui ui;
    ui.app->set_display_settings(true, sys, false, false);
    CHECK(hex(palette().background) == 0x000000);
    CHECK(hex(ImGui::GetStyle().Colors[ImGuiCol_Text]) == 0xFFFF00);
    CHECK(hex(ImGui::GetStyle().Colors[ImGuiCol_Border]) == 0xFFFF00);
    ui.app->set_display_settings(false, sys, false, false);
    CHECK(hex(palette().background) == 0xFFFFFF);
}

TEST_CASE("more contrast: borders at 4.5:1 or more against every background, muted text as the text") {
    for (const Palette* base : {&light_palette(), &dark_palette()}) {
        const Palette p = more_contrast_palette(*base);
        CHECK(contrast_ratio(base->border, base->background) < 3.0);  // the palette's own border is faint
        for (const ImVec4& bg : {p.background, p.panel, p.panel_alt}) CHECK(contrast_ratio(p.border, bg) >= 4.5);
        CHECK(hex(p.text_muted) == hex(base->text));
    }
}

TEST_CASE("display settings, reduced motion or not, never make the caret blink (an idle app would keep drawing)") {
    Ui ui;
    ImGui::GetIO().ConfigInputTextCursorBlink = false;  // as the platform layer starts it
    ui.app->set_display_settings(false, SystemColours{}, true, false);
    CHECK_FALSE(ImGui::GetIO().ConfigInputTextCursorBlink);
    CHECK_FALSE(ui.app->options().reduced_motion);
    ui.app->set_display_settings(false, SystemColours{}, false, true);
    CHECK_FALSE(ImGui::GetIO().ConfigInputTextCursorBlink);
    CHECK(ui.app->options().reduced_motion);
}

TEST_CASE("characters the fonts lack are drawn by the platform's source into the atlas, once each; Latin asks nothing") {
    FakeGlyphs source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        const int height = ImGui::GetIO().Fonts->TexHeight;
        note_text("Musée des Beaux-Arts, Zürich");  // in the embedded subset
        CHECK_FALSE(add_missing_glyphs());
        CHECK(source.asked.empty());
        REQUIRE(regular->FindGlyphNoFallback(0x0395) == nullptr);
        note_text("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1");  // Ελλάδα: 5 distinct letters
        note_text("\xCE\x95");                                          // noted twice, asked once
        CHECK(add_missing_glyphs());
        // Drawn for the font the text is in: the regular one.
        CHECK(source.asked.size() == 5);
        CHECK(extra_glyph_count() == 5);
        const ImFontGlyph* g = regular->FindGlyphNoFallback(0x0395);
        REQUIRE(g != nullptr);
        CHECK(g->AdvanceX == 7.0f);
        CHECK(g->X1 - g->X0 == 6.0f);
        CHECK(g->Y1 - g->Y0 == 10.0f);
        // The texture grew below the embedded glyphs, whose coordinates still point at them.
        REQUIRE(source.heights.size() == 1);
        CHECK(source.heights[0] == height * 2);
        CHECK(ImGui::GetIO().Fonts->TexHeight == height * 2);
        CHECK(g->V0 >= 0.5f);
        CHECK(source.regions == 5);
        note_text("\xCE\x95\xCE\xBB");
        CHECK_FALSE(add_missing_glyphs());  // already there
        CHECK(source.asked.size() == 5);
        // A heading's "é": the titles' font has ASCII only, the semibold one Latin-1.
        ImFont* title = ImGui::GetIO().Fonts->Fonts[2];
        REQUIRE(title->FindGlyphNoFallback(0xE9) == nullptr);
        note_text("Mus\xC3\xA9\x65", true);
        CHECK(add_missing_glyphs());
        CHECK(source.asked == std::vector<unsigned>{0x0395, 0x03BB, 0x03AC, 0x03B4, 0x03B1, 0xE9});
        CHECK(title->FindGlyphNoFallback(0xE9) != nullptr);
        // A frame's text is noted from its semantics: a Greek country typed in the form.
        ui.app->open_fragment("#/join");
        ui.frame(2);
        ui.app->draft().request.values["country"] = "\xCE\xA9";  // Ω
        ui.frame(1);
        CHECK(add_missing_glyphs());
        CHECK(regular->FindGlyphNoFallback(0x03A9) != nullptr);
    }
    set_glyph_source(nullptr);
}
