// Runs of text drawn whole by the platform (shaped_text.h): which runs a text has, the glyph that
// stands for each in what ImGui draws, and carets inside them, with a fake source that records.
#include "extra_glyphs.h"
#include "shaped_text.h"
#include "text_layout.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <utility>
#include <vector>

using namespace iiifc;
using namespace iiifc_test;

namespace {

// A run is drawn 5 px a UTF-16 unit, 12 px high; its carets go left to right, or right to left.
struct FakeRuns final : GlyphSource {
    std::vector<std::pair<std::string, bool>> asked;  // run, right-to-left
    bool rasterise(unsigned, float, int, GlyphImage&) override { return false; }
    bool rasterise_run(const std::string& utf8, float, int, bool rtl, GlyphImage& out, std::vector<float>& carets) override {
        asked.emplace_back(utf8, rtl);
        const std::size_t units = carets.size() - 1;
        out.width = static_cast<int>(units) * 5, out.height = 12, out.left = 0, out.top = 10;
        out.advance = static_cast<float>(out.width);
        out.alpha.assign(static_cast<std::size_t>(out.width) * 12, 255);
        for (std::size_t k = 0; k <= units; ++k) carets[k] = 5.0f * static_cast<float>(rtl ? units - k : k);
        return true;
    }
    int measured = 0;  // runs measured for breaking lines
    float measure_run(const std::string& utf8, float, int, bool) override {
        ++measured;
        float units = 0;
        for (unsigned char c : utf8) units += (c & 0xC0) != 0x80 ? 1.0f : 0.0f;  // (BMP only here)
        return 5.0f * units;
    }
    void texture_grown(int, int) override {}
    void texture_region(int, int, int, int, const unsigned char*) override {}
};

const std::string kArabic = "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF";                                              // محمد: 4 letters, 8 bytes
const std::string kDevanagari = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80";  // हिन्दी
const std::string kEmoji = "\xF0\x9F\x8E\x89";                                                               // 🎉, beyond 16 bits
const std::string kGlyph0 = "\xEE\x80\x80";  // U+E000: the first run's glyph
const std::string kGlyph1 = "\xEE\x80\x81";  // U+E001: the second's

}  // namespace

TEST_CASE("runs that need shaping are drawn whole, each one glyph of the font; carets inside them are the platform's") {
    FakeRuns source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        SUBCASE("Latin, Greek and Cyrillic are drawn letter by letter: nothing asked") {
            CHECK(shaped_text("Mus\xC3\xA9\x65 \xCE\x95\xCE\xBB \xD0\xA3", regular) == nullptr);
            CHECK_FALSE(add_missing_runs());
            CHECK(source.asked.empty());
        }
        SUBCASE("after Latin, the line from the word holding the first right-to-left letter is one run, left to right") {
            const std::string text = "Institution: " + kArabic + " 2024";
            CHECK(shaped_text(text, regular) == nullptr);  // asked for; drawn as it is meanwhile
            CHECK(shaped_text(text, regular) == nullptr);
            CHECK(add_missing_runs());
            REQUIRE(source.asked.size() == 1);  // asked once
            CHECK(source.asked[0] == std::make_pair(kArabic + " 2024", false));
            const ShapedText* shaped = shaped_text(text, regular);
            REQUIRE(shaped != nullptr);
            CHECK(shaped->shown == "Institution: " + kGlyph0);
            REQUIRE(shaped->runs.size() == 1);
            CHECK(shaped->runs[0].from == 13);
            CHECK(shaped->runs[0].to == 26);
            CHECK(shaped->runs[0].at == 13);
            const ImFontGlyph* g = regular->FindGlyphNoFallback(0xE000);
            REQUIRE(g != nullptr);
            CHECK(g->AdvanceX == 45.0f);  // 9 units
            CHECK(shaped_run_count() == 1);
            CHECK_FALSE(add_missing_runs());  // unchanged text: nothing asked again
            CHECK(source.asked.size() == 1);
        }
        SUBCASE("a line that starts right to left is one run, right to left; carets map both ways") {
            const std::string text = kArabic + " University";
            shaped_text(text, regular);
            CHECK(add_missing_runs());
            REQUIRE(source.asked.size() == 1);
            CHECK(source.asked[0] == std::make_pair(text, true));
            const ShapedText* shaped = shaped_text(text, regular);
            REQUIRE(shaped != nullptr);
            CHECK(shaped->shown == kGlyph0);
            // The caret after the last letter is at the run's left, as the platform said (its visual end).
            const ShownPosition end = shown_position(shaped, text.size());
            CHECK(end.at == 0);
            CHECK(end.dx == 0.0f);
            const ShownPosition start = shown_position(shaped, 0);
            CHECK(start.dx == 75.0f);                      // 15 units
            CHECK(shown_position(shaped, 2).dx == 70.0f);  // after the first letter
            CHECK(source_position(shaped, 0, 71.0f) == 2);
            CHECK(source_position(shaped, 0, 1.0f) == text.size());
            CHECK(run_glyph_start(shaped, 0) == 0);
            CHECK(run_glyph_start(shaped, 3) == std::string::npos);
        }
        SUBCASE("without right-to-left text, each word that needs shaping is a run of its own") {
            const std::string text = kDevanagari + " Delhi " + kEmoji + "!";
            shaped_text(text, regular);
            CHECK(add_missing_runs());
            REQUIRE(source.asked.size() == 2);
            CHECK(source.asked[0] == std::make_pair(kDevanagari, false));
            CHECK(source.asked[1] == std::make_pair(kEmoji + "!", false));
            const ShapedText* shaped = shaped_text(text, regular);
            REQUIRE(shaped != nullptr);
            CHECK(shaped->shown == kGlyph0 + " Delhi \xEE\x80\x81");
            // Bytes after a run: shifted by what the run took out.
            CHECK(shown_position(shaped, 19).at == 4);  // 'D'
            CHECK(source_position(shaped, 4, 0) == 19);
            CHECK(shown_position(shaped, text.size()).dx == 15.0f);  // after "🎉!": 3 UTF-16 units
        }
        SUBCASE("words that need shaping next to each other are one run: the spaces between them are the browser's") {
            const std::string text = "BHU " + kDevanagari + " " + kDevanagari + " Varanasi";
            shaped_text(text, regular);
            CHECK(add_missing_runs());
            REQUIRE(source.asked.size() == 1);
            CHECK(source.asked[0] == std::make_pair(kDevanagari + " " + kDevanagari, false));
            CHECK(shaped_text(text, regular)->shown == "BHU " + kGlyph0 + " Varanasi");
        }
        SUBCASE("runs drawn while typing fill the texture up to 1 MB; past it the atlas is to be built again") {
            int runs = 0;
            while (!extra_glyphs_over_budget() && runs < 6000) {
                shaped_text(kArabic + std::to_string(runs), regular);  // each keystroke a new run
                add_missing_runs();
                ++runs;
            }
            const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
            CHECK(extra_glyphs_over_budget());
            CHECK(runs < 6000);
            CHECK(shaped_run_count() == runs);
            CHECK(static_cast<long>(atlas.TexWidth) * atlas.TexHeight > 1L << 20);
        }
        SUBCASE("a run wider than the atlas is cut in slices, a glyph each, that add up to its advance") {
            const int width = ImGui::GetIO().Fonts->TexWidth;
            std::string text;
            while (static_cast<int>(text.size() / 2) * 5 < width * 2) text += kArabic;  // over twice the atlas's width
            shaped_text(text, regular);
            CHECK(add_missing_runs());
            const ShapedText* shaped = shaped_text(text, regular);
            REQUIRE(shaped != nullptr);
            REQUIRE(shaped->runs.size() == 1);
            CHECK(shaped->runs[0].bytes == 9);  // three glyphs
            CHECK(shaped->shown == kGlyph0 + "\xEE\x80\x81\xEE\x80\x82");
            const float advance = 5.0f * static_cast<float>(text.size() / 2);
            CHECK(regular->CalcTextSizeA(regular->FontSize, FLT_MAX, 0, shaped->shown.c_str()).x == doctest::Approx(advance));
            CHECK(run_glyph_start(shaped, 6) == 0);
            CHECK(source_position(shaped, 3, 1.0f) == text.size());  // a point in the second slice: the run's nearest caret
        }
        SUBCASE("a font the atlas did not build is drawn as it is") {
            ImFont other;
            CHECK(shaped_text(kArabic, &other) == nullptr);
            CHECK_FALSE(add_missing_runs());
        }
    }
    set_glyph_source(nullptr);
}

TEST_CASE("wrapped text with runs is broken between words in logical order, each line shaped on its own") {
    FakeRuns source;
    set_glyph_source(&source);
    {
        Ui ui;
        ImFont* regular = ImGui::GetIO().Fonts->Fonts[0];
        auto shaped_after_drawing = [&](const std::string& text, float wrap) {
            shaped_text(text, regular, wrap);
            add_missing_runs();
            return shaped_text(text, regular, wrap);
        };
        SUBCASE("selecting and picking in a right-to-left paragraph follow its right-aligned lines") {
            const std::string text = kArabic + " " + kArabic + " " + kArabic + " " + kArabic + " " + kArabic;
            REQUIRE(shaped_after_drawing(text, 70.0f) != nullptr);
            const float size = regular->FontSize * ImGui::GetIO().FontGlobalScale, scale = size / regular->FontSize;
            SemanticNode n;
            n.role = Role::text;
            n.name = text;
            n.x = 100, n.y = 50, n.w = 70.0f * scale, n.h = 2 * size;
            const Fonts fonts{regular, regular, regular};
            const std::vector<ImRect> rects = text_range_rects(n, fonts, 0, text.size());  // all of it
            REQUIRE(rects.size() == 2);
            CHECK(rects[0].Min.x == doctest::Approx(100.0f));  // three words, the box's width
            CHECK(rects[0].Max.x == doctest::Approx(100.0f + 70.0f * scale));
            CHECK(rects[1].Min.x == doctest::Approx(100.0f + 25.0f * scale));  // two words, at its right
            CHECK(rects[1].Max.x == doctest::Approx(100.0f + 70.0f * scale));
            CHECK(rects[1].Min.y == doctest::Approx(50.0f + size));
            CHECK(text_offset_at(n, fonts, ImVec2(100.0f + 70.0f * scale - 1, 52)) == 0);  // the first line's right: the start
            CHECK(text_offset_at(n, fonts, ImVec2(100.0f + 25.0f * scale + 1, 52 + size)) == text.size());  // the last line's left: the end
        }
        SUBCASE("a right-to-left paragraph: lines as wide as the runs measure, right to left, right-aligned") {
            // Each word 20 px, a space 5: three words are 70 px, four 95.
            const std::string text = kArabic + " " + kArabic + " " + kArabic + " " + kArabic + " " + kArabic;
            const ShapedText* shaped = shaped_after_drawing(text, 70.0f);
            REQUIRE(shaped != nullptr);
            CHECK(shaped->rtl);
            REQUIRE(source.asked.size() == 2);  // (the queue is in order of the runs' text)
            CHECK(source.asked[0] == std::make_pair(kArabic + " " + kArabic, true));
            CHECK(source.asked[1] == std::make_pair(kArabic + " " + kArabic + " " + kArabic, true));
            CHECK(shaped->shown == kGlyph1 + "\n" + kGlyph0);  // the space that ends the first line is its end
            REQUIRE(shaped->runs.size() == 2);
            CHECK(shaped->runs[0].from == 0);
            CHECK(shaped->runs[0].to == 26);
            CHECK(shaped->runs[1].from == 27);
            CHECK(shaped->runs[1].to == 44);
            CHECK(shaped->runs[1].at == 4);
            CHECK(shown_position(shaped, 27).at == 4);  // the second line's first letter: its run
            CHECK(shown_position(shaped, 27).dx == 45.0f);
            // Unchanged, it is looked up: nothing measured or asked again.
            const int measured = source.measured;
            CHECK(shaped_text(text, regular, 70.0f) == shaped);
            CHECK(source.measured == measured);
            CHECK_FALSE(add_missing_runs());
            // Not wrapped: one run, as before.
            CHECK(shaped_after_drawing(text, 0)->shown == "\xEE\x80\x82");
            CHECK_FALSE(shaped_text(text, regular, 0)->rtl);
        }
        SUBCASE("a line of a right-to-left paragraph that starts with Latin keeps the paragraph's direction") {
            const std::string text = kArabic + " " + kArabic + " IIIF " + kArabic;
            const ShapedText* shaped = shaped_after_drawing(text, 45.0f);
            REQUIRE(shaped != nullptr);
            REQUIRE(source.asked.size() == 2);
            CHECK(source.asked[0] == std::make_pair("IIIF " + kArabic, true));  // on its own it would start left to right
            CHECK(source.asked[1] == std::make_pair(kArabic + " " + kArabic, true));
            CHECK(shaped->shown == kGlyph1 + "\n" + kGlyph0);
        }
        SUBCASE("a Latin paragraph with an Arabic word stays left to right; its Latin keeps ImGui's widths") {
            const std::string text = "IIIF " + kArabic + " " + kArabic;
            const float latin = regular->CalcTextSizeA(regular->FontSize, FLT_MAX, 0, "IIIF ").x;
            const ShapedText* shaped = shaped_after_drawing(text, latin + 20.0f);
            REQUIRE(shaped != nullptr);
            CHECK_FALSE(shaped->rtl);
            REQUIRE(source.asked.size() == 1);  // the same word on both lines: one run
            CHECK(source.asked[0] == std::make_pair(kArabic, false));
            CHECK(shaped->shown == "IIIF " + kGlyph0 + "\n" + kGlyph0);
            // One pixel narrower, "IIIF" is a line of its own.
            CHECK(shaped_after_drawing("IIIF " + kArabic, latin + 19.0f)->shown == "IIIF\n" + kGlyph0);
            CHECK(shaped_after_drawing("IIIF " + kArabic, latin + 20.0f)->shown == "IIIF " + kGlyph0);
        }
        SUBCASE("a word wider than the box is a line of its own; hard line breaks stay") {
            const std::string text = kArabic + kArabic + kArabic + " " + kArabic + "\n" + kArabic;
            const ShapedText* shaped = shaped_after_drawing(text, 30.0f);
            REQUIRE(shaped != nullptr);
            CHECK(std::count(shaped->shown.begin(), shaped->shown.end(), '\n') == 2);
            CHECK(shaped->runs.size() == 3);
            CHECK(shaped->runs[1].from == 25);
            CHECK(shaped->runs[2].from == 34);
        }
    }
    set_glyph_source(nullptr);
}
