#include "browser_glyphs.h"

#include "extra_glyphs.h"

#include <string>
#include <vector>

extern "C" {
int browser_rasterise_glyph(unsigned codepoint, float size, int weight, float* metrics, unsigned char* pixels, int capacity);
int browser_rasterise_run(const char* text, int length, float size, int weight, int rtl, float* metrics, unsigned char* pixels,
                          int capacity, float* carets, int caret_count);
float browser_measure_run(const char* text, int length, float size, int weight, int rtl);
void browser_gl_font_rows(int height);
void browser_gl_font_region(int x, int y, int width, int height, const unsigned char* pixels);
}

namespace iiifc {

namespace {

constexpr int kLargestGlyph = 256 * 256;  // texels: a character at the kiosk's heading size, and then some
constexpr int kLargestRun = 4096 * 128;   // texels: a line as wide as the widest atlas, at a heading's size

void read_metrics(const float* m, GlyphImage& out) {
    out.width = static_cast<int>(m[0]);
    out.height = static_cast<int>(m[1]);
    out.left = m[2];
    out.top = m[3];
    out.advance = m[4];
    out.alpha.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
}

class BrowserGlyphs final : public GlyphSource {
public:
    bool rasterise(unsigned codepoint, float size_px, int weight, GlyphImage& out) override {
        float m[5] = {};
        out.alpha.resize(kLargestGlyph);
        if (!browser_rasterise_glyph(codepoint, size_px, weight, m, out.alpha.data(), kLargestGlyph)) return false;
        read_metrics(m, out);
        return true;
    }
    bool rasterise_run(const std::string& utf8, float size_px, int weight, bool rtl, GlyphImage& out, std::vector<float>& carets) override {
        float m[5] = {};
        out.alpha.resize(kLargestRun);
        if (!browser_rasterise_run(utf8.data(), static_cast<int>(utf8.size()), size_px, weight, rtl ? 1 : 0, m, out.alpha.data(),
                                   kLargestRun, carets.data(), static_cast<int>(carets.size())))
            return false;
        read_metrics(m, out);
        return true;
    }
    float measure_run(const std::string& utf8, float size_px, int weight, bool rtl) override {
        return browser_measure_run(utf8.data(), static_cast<int>(utf8.size()), size_px, weight, rtl ? 1 : 0);
    }
    void texture_grown(int, int height) override { browser_gl_font_rows(height); }
    void texture_region(int x, int y, int width, int height, const unsigned char* alpha) override {
        browser_gl_font_region(x, y, width, height, alpha);
    }
};

BrowserGlyphs g_source;

}  // namespace

void use_browser_glyphs() { set_glyph_source(&g_source); }

}  // namespace iiifc
