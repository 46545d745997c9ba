// Colours and style: a light theme in the consortium's blue and a dark theme, both with text
// contrast of at least 4.5:1 (WCAG AA), checked by tests/ui. The colours: src/core/palette.h.
#pragma once

#include "palette.h"

#include <imgui.h>

namespace iiifc {

struct Palette {
#define IIIFC_PALETTE_FIELD(name, light, dark, css) ImVec4 name;
    IIIFC_PALETTE(IIIFC_PALETTE_FIELD)
#undef IIIFC_PALETTE_FIELD
};

const Palette& light_palette();
const Palette& dark_palette();
const Palette& palette();                  // the one in use
void apply_theme(bool dark, float scale);  // sets ImGui's style; scale for kiosk and touch sizes

// WCAG 2 relative luminance contrast of two opaque sRGB colours, from 1 to 21.
double contrast_ratio(const ImVec4& a, const ImVec4& b);
// A translucent colour composited over an opaque one.
ImVec4 blend(const ImVec4& over, const ImVec4& under);

}  // namespace iiifc
