// The characters the app can draw: given to ImGui's font atlas and, by scripts/embed_fonts.py,
// used to subset the embedded fonts. Pairs of first and last code point, zero-terminated.
#pragma once

#include <imgui.h>

namespace iiifc {

inline const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E,  // Basic Latin
        0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A (é, ø, ł, ő ...)
        0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
        0x2030, 0x203A,  // per mille, angle quotes
        0x20AC, 0x20AC,  // euro sign
        0x2190, 0x2193,  // arrows
        0x25C6, 0x25C6,  // diamond: rows that differ
        0x25CF, 0x25CF,  // circle: with a condition
        0x26A0, 0x26A0,  // warning sign: validation messages
        0x2713, 0x2713,  // check mark
        0,
    };
    return ranges;
}

// Bold text is the app's own wording and the data's names: Latin-1 is enough, and fewer glyphs
// make a smaller atlas that is built faster at start-up.
inline const ImWchar* glyph_ranges_headings() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E, 0x00A0, 0x00FF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x25C6, 0x25C6, 0x2713, 0x2713, 0,
    };
    return ranges;
}

// View titles (the large font) are the app's own English wording only: ASCII and typographic
// punctuation. The largest glyphs cost the most to rasterise at start-up; no more than needed.
inline const ImWchar* glyph_ranges_titles() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E, 0x2010, 0x2027, 0,
    };
    return ranges;
}

}  // namespace iiifc
