// Glyphs the embedded Inter subset lacks (Greek, Cyrillic, Chinese, Hebrew, Devanagari, a
// Latin letter outside the subset...), drawn by the device's own fonts: a source the platform
// gives (on the web, the browser's 2D canvas, src/platform/web/library_glyphs.js) rasterises each
// missing character once, at the font's size and weight, and it joins the font atlas, whose
// texture grows below the embedded glyphs. Nothing is done for text the fonts already have: the
// start-up and pure-Latin frames cost no more than a scan of their text.
//
// Every text a frame draws is also in its semantics (what the canvas shows, the DOM says):
// note_frame_text() reads it after the frame; add_missing_glyphs() then adds what was missing,
// and the runner builds the frame again before it is shown.
#pragma once

#include <string>
#include <vector>

struct ImFont;

namespace iiifc {

struct GlyphImage {
    int width = 0, height = 0;  // of `alpha`, one byte of coverage a pixel, row by row
    float left = 0, top = 0;    // from the pen to the image's left edge, from the baseline up to its top
    float advance = 0;          // where the pen goes next
    std::vector<unsigned char> alpha;
};

class GlyphSource {
public:
    virtual ~GlyphSource() = default;
    // Draws one character at `size_px` (device pixels) and `weight` (400, 600); false: cannot.
    virtual bool rasterise(unsigned codepoint, float size_px, int weight, GlyphImage& out) = 0;
    // Draws a run of text whole, shaped and ordered (base direction right-to-left if `rtl`), and
    // gives where a caret goes before each of its UTF-16 units and after the last (`carets` comes
    // sized for them), in x from the image's pen (shaped_text.h); false: cannot.
    virtual bool rasterise_run(const std::string& utf8, float size_px, int weight, bool rtl, GlyphImage& out, std::vector<float>& carets) {
        (void)utf8, (void)size_px, (void)weight, (void)rtl, (void)out, (void)carets;
        return false;
    }
    // The advance of such a run as rasterise_run draws it (for breaking lines); below 0: cannot.
    virtual float measure_run(const std::string& utf8, float size_px, int weight, bool rtl) {
        (void)utf8, (void)size_px, (void)weight, (void)rtl;
        return -1;
    }
    virtual void texture_grown(int width, int height) = 0;  // the atlas's texture is now this tall, its rows kept
    virtual void texture_region(int x, int y, int width, int height, const unsigned char* alpha) = 0;  // new pixels
};

void set_glyph_source(GlyphSource* source);  // null: none (native tests draw what the fonts have)
// The atlas was (re)built with these fonts and weights: glyphs added before are gone with it.
void extra_glyphs_reset(ImFont* regular, ImFont* bold, ImFont* heading);
// Text drawn, in the regular font or (`heading`) the semibold ones: the characters its fonts lack are queued.
void note_text(const std::string& utf8, bool heading = false);
void note_frame_text();     // ... every text of the frame just built (its semantics)
bool add_missing_glyphs();  // rasterises the queue into the atlas; true if a glyph was added
int extra_glyph_count();    // added since the atlas was built (tests, the benchmark)
// The texture grown for added glyphs holds more than 1 MB (runs drawn while typing are not reused
// once the text changes): the runner builds the atlas again, and what is shown is drawn again.
bool extra_glyphs_over_budget();

// For the runs drawn whole (shaped_text.h): the source, the weight of one of the atlas's fonts (0:
// not one of them), and an image added as a glyph (its font's lookup table to be rebuilt).
GlyphSource* glyph_source();
int extra_font_weight(const ImFont* font);
bool add_glyph_image(ImFont* font, unsigned codepoint, const GlyphImage& image);

}  // namespace iiifc
