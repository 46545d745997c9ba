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

}  // namespace iiifc
