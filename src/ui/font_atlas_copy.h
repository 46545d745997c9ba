// A built font atlas as bytes, and an atlas restored from them instead of built: the worker that
// rehearses the start (src/platform/web/warm_up.cpp) builds the same atlas the page is about to
// build, at the same sizes, and hands it over; rasterising it is the longest phase of the start
// left on the page (20-45 ms on this machine's phone-sized page, 4x that on a phone).
#pragma once

#include <cstddef>
#include <vector>

struct ImFontAtlas;

namespace iiifc {

// The atlas's texture (alpha), its packed rectangles and each font's metrics and glyphs. Empty
// where the atlas has no texture data (not built, or its pixels already handed to the GPU).
std::vector<unsigned char> copy_font_atlas(const ImFontAtlas& atlas);

// Makes `atlas`, whose fonts have been added but not built, the atlas `bytes` were copied from,
// as Build() would have. False, leaving it unbuilt, where the bytes are not a copy of an atlas of
// the same fonts at the same sizes (another pixel ratio, a kiosk's larger text) or are damaged.
bool restore_font_atlas(ImFontAtlas& atlas, const unsigned char* bytes, std::size_t size);

}  // namespace iiifc
