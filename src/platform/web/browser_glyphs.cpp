#include "browser_glyphs.h"

#include "extra_glyphs.h"

#include <imgui_internal.h>

#include <cstring>
#include <string>
#include <vector>

extern "C" {
int browser_rasterise_run(const char* text, int length, float size, int weight, int rtl, float* metrics, unsigned char* pixels,
                          int capacity, float* carets, int caret_count);
float browser_measure_run(const char* text, int length, float size, int weight, int rtl);
void browser_gl_font_rows(int height, bool colour);
void browser_gl_font_region(int x, int y, int width, int height, const unsigned char* pixels, bool colour);
}

namespace iiifc {

namespace {

constexpr int kLargestRun = 4096 * 128;  // texels: a line as wide as the widest atlas, at a heading's size
constexpr int kPixelBytes = 5;           // the most a texel takes: coverage, and RGBA where in colour

// What the browser drew: 0 nothing, 1 coverage, 2 coverage and colour (library_glyphs.js).
bool read_image(int drawn, const float* m, const std::vector<unsigned char>& pixels, GlyphImage& out) {
    if (drawn <= 0) return false;
    out.width = static_cast<int>(m[0]);
    out.height = static_cast<int>(m[1]);
    out.left = m[2];
    out.top = m[3];
    out.advance = m[4];
    const auto n = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
    out.alpha.resize(n);
    out.colour.resize(drawn == 2 ? 4 * n : 0);
    std::memcpy(out.alpha.data(), pixels.data(), n);
    if (drawn == 2) std::memcpy(out.colour.data(), pixels.data() + n, 4 * n);
    return true;
}

class BrowserGlyphs final : public GlyphSource {
public:
    // A character is a run of one, drawn the same way.
    bool rasterise(unsigned codepoint, float size_px, int weight, GlyphImage& out) override {
        char utf8[5];
        std::vector<float> no_carets;
        return rasterise_run(ImTextCharToUtf8(utf8, codepoint), size_px, weight, false, out, no_carets);
    }
    bool rasterise_run(const std::string& utf8, float size_px, int weight, bool rtl, GlyphImage& out, std::vector<float>& carets) override {
        float m[5] = {};
        pixels_.resize(kPixelBytes * kLargestRun);
        return read_image(browser_rasterise_run(utf8.data(), static_cast<int>(utf8.size()), size_px, weight, rtl ? 1 : 0, m, pixels_.data(),
                                                kPixelBytes * kLargestRun, carets.data(), static_cast<int>(carets.size())),
                          m, pixels_, out);
    }
    float measure_run(const std::string& utf8, float size_px, int weight, bool rtl) override {
        return browser_measure_run(utf8.data(), static_cast<int>(utf8.size()), size_px, weight, rtl ? 1 : 0);
    }
    void texture_grown(int, int height, bool colour) override { browser_gl_font_rows(height, colour); }
    void texture_region(int x, int y, int width, int height, const unsigned char* pixels, bool colour) override {
        browser_gl_font_region(x, y, width, height, pixels, colour);
    }

private:
    std::vector<unsigned char> pixels_;  // what the browser drew, kept for the next
};

BrowserGlyphs g_source;

}  // namespace

void use_browser_glyphs() { set_glyph_source(&g_source); }

}  // namespace iiifc
