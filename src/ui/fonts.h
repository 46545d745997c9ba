// Builds the font atlas from the embedded Inter subsets, rasterised at the display's pixel
// ratio so text is crisp at devicePixelRatio 1, 1.5, 2 and 3.
#pragma once

#include "app.h"
#include "font_atlas_copy.h"

namespace iiifc {

// The text's size in CSS pixels: on a visitor's screen, and on a kiosk (read from across a stand).
constexpr float kTextSize = 16.0f, kKioskTextSize = 22.0f;

// Clears the atlas and adds the fonts build_fonts builds, unbuilt.
Fonts add_fonts(float base_size, float pixel_ratio);

// Clears the atlas and adds regular, bold and heading fonts at `base_size` CSS pixels, restored
// from `copy` where it is a copy of an atlas of these same fonts (font_atlas_copy.h), else built
// (`restored` says which). The caller must upload the atlas texture afterwards: the pixels it
// built, or the copy's (restored without them, the atlas has none).
Fonts build_fonts(float base_size, float pixel_ratio, const FontAtlasCopy* copy = nullptr, bool* restored = nullptr);

}  // namespace iiifc
