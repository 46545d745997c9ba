// A built font atlas as bytes, and an atlas restored from them instead of built: the worker that
// rehearses the start (src/platform/web/startup.cpp) builds the same atlas the page is about to
// build, at the same sizes, and hands it over; rasterising it is the longest phase of the start
// left on the page (20-45 ms on this machine's phone-sized page, 4x that on a phone). Its layout
// and its pixels go apart: the page only needs the layout, the pixels go to the drawer's texture.
#pragma once

#include <cstddef>
#include <vector>

struct ImFontAtlas;

namespace iiifc {

// The atlas's layout: its texture's size, its packed rectangles and each font's metrics and
// glyphs. Empty where the atlas has no texture data (not built, or its pixels already handed to
// the GPU); its pixels are then TexPixelsAlpha8, TexWidth x TexHeight bytes.
std::vector<unsigned char> copy_font_atlas(const ImFontAtlas& atlas);

// What restore_font_atlas takes: a layout, and the pixels (one byte a texel) of the same atlas
// where the caller needs them; null where they are in the GPU's texture already, or on their way.
struct FontAtlasCopy {
    const unsigned char* layout = nullptr;
    std::size_t layout_size = 0;
    const unsigned char* pixels = nullptr;
    std::size_t pixels_size = 0;
};

// Makes `atlas`, whose fonts have been added but not built, the atlas the copy was made from, as
// Build() would have. Without pixels it ends with none (as after uploading them: ClearTexData),
// all else restored. False, leaving it unbuilt, where the copy is not of an atlas of the same
// fonts at the same sizes (another pixel ratio, a kiosk's larger text) or is damaged.
bool restore_font_atlas(ImFontAtlas& atlas, const FontAtlasCopy& copy);

}  // namespace iiifc
