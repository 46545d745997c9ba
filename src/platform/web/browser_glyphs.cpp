#include "browser_glyphs.h"

#include "extra_glyphs.h"

extern "C" {
int browser_rasterise_glyph(unsigned codepoint, float size, int weight, float* metrics, unsigned char* pixels, int capacity);
void browser_gl_font_rows(int height);
void browser_gl_font_region(int x, int y, int width, int height, const unsigned char* pixels);
}

namespace iiifc {

namespace {

constexpr int kLargestGlyph = 256 * 256;  // texels: a character at the kiosk's heading size, and then some

class BrowserGlyphs final : public GlyphSource {
public:
    bool rasterise(unsigned codepoint, float size_px, int weight, GlyphImage& out) override {
        float m[5] = {};
        out.alpha.resize(kLargestGlyph);
        if (!browser_rasterise_glyph(codepoint, size_px, weight, m, out.alpha.data(), kLargestGlyph)) return false;
        out.width = static_cast<int>(m[0]);
        out.height = static_cast<int>(m[1]);
        out.left = m[2];
        out.top = m[3];
        out.advance = m[4];
        out.alpha.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
        return true;
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
