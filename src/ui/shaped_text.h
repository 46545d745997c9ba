// Text the fonts cannot draw letter by letter: right-to-left scripts (Hebrew, Arabic: joined, and
// ordered by the Unicode bidirectional algorithm with any Latin and digits beside them), scripts
// whose letters combine or reorder (Devanagari and the other Indic scripts, Thai, combining
// marks) and emoji, alone or in sequences (👩‍🔬: woman, joiner, microscope). Such a run is drawn
// whole by the platform (on the web, the browser's 2D canvas: its shaping, bidi and font
// fallback, src/platform/web/library_glyphs.js) and becomes ONE glyph of the font, a code point of
// the Private Use Area, whose advance is the run's width as the browser measures it. The text
// handed to ImGui has each run replaced by its glyph, so ImGui's layout, wrapping and clipping
// hold as they are; the platform also gives, for each position in the run, where the browser puts
// a caret, which places carets and selections and picks characters under the pointer.
//
// A line holding right-to-left text is one run from the first word that needs it (the Latin
// before it keeps the embedded font and its place), so the bidirectional algorithm sees the whole
// rest of the line; otherwise each word that needs shaping, with the words of its kind next to it,
// is a run. Text drawn wrapped is first broken into lines between words, in logical order, as
// wide as the platform measures them (the words' spaces that end lines become '\n', so byte
// offsets hold), with the base direction of its first strong character (dir=auto) for every
// line; each line is then shaped on its own, and a right-to-left text is right-aligned by its
// drawer. A run not drawn yet is asked for when first met, and the frame is built again once it
// is there (as extra_glyphs.h does); text unchanged costs a lookup a frame.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

struct ImFont;

namespace iiifc {

struct ShapedRun {
    std::size_t from = 0, to = 0;                // its bytes in the source text
    std::size_t at = 0;                          // its glyph's first byte in the shown text
    std::size_t bytes = 0;                       // ... and its glyphs' bytes (one glyph; several for a run wider than the atlas)
    const std::vector<float>* carets = nullptr;  // x of a caret before each byte from..to, from the glyph's left (font size)
};

struct ShapedText {
    std::string shown;            // what ImGui draws: the source with each run replaced by its glyph
    std::vector<ShapedRun> runs;  // in the order of the text
    bool rtl = false;             // wrapped, and right to left: its lines go right-aligned
};

// What the canvas draws for a text in `font`, wrapped at `wrap` (font size; 0: not wrapped): null
// when the text is drawn as it is (nothing to shape, no platform to shape it, or its runs not drawn
// yet: asked for by this call).
const ShapedText* shaped_text(const std::string& utf8, ImFont* font, float wrap = 0);
// `utf8` broken between words into lines no wider than `wrap` (font size) as `font` draws them, each
// line in its own direction: the spaces that end lines become '\n', so byte offsets hold. For text
// ImGui cannot wrap itself (a multi-line field's, a checkbox's label).
std::string with_line_breaks(const std::string& utf8, ImFont* font, float wrap);
// The text to hand ImGui in the current font: the shaped text's `shown`, or the text itself.
const std::string& shown_text(const std::string& utf8);

// Where the caret before byte `source_at` of a text is in the shown text: before byte `at`, plus `dx`
// (font size) inside the run glyph that starts there.
struct ShownPosition {
    std::size_t at = 0;
    float dx = 0;
};
ShownPosition shown_position(const ShapedText* shaped, std::size_t source_at);
// The source byte before which a caret goes for a point `dx` (font size) into the glyph at shown byte
// `at` (a run's, from the run's first glyph: the nearest of its carets; another character: its own byte).
std::size_t source_position(const ShapedText* shaped, std::size_t at, float dx);
// The shown byte where the run whose glyph holds shown byte `at` begins; npos: not a run's.
std::size_t run_glyph_start(const ShapedText* shaped, std::size_t at);

bool needs_shaping(unsigned codepoint);  // (the tests')
void shaped_text_reset();                // the atlas was rebuilt: its run glyphs are gone
bool add_missing_runs();                 // draws the runs asked for into the atlas; true if one was added
int shaped_run_count();                  // run glyphs in the atlas (tests, the benchmark)

}  // namespace iiifc
