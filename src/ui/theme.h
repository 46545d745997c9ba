// Colours and style: a light theme in the consortium's blue and a dark theme, both with text
// contrast of at least 4.5:1 (WCAG AA), checked by tests/ui.
#pragma once

#include <imgui.h>

namespace iiifc {

struct Palette {
    ImVec4 background, panel, panel_alt, border;
    ImVec4 text, text_muted;
    ImVec4 accent, accent_hover, accent_text;  // primary buttons: accent_text on accent
    ImVec4 button, button_hover, button_text;  // secondary buttons
    ImVec4 yes, no, conditional, error;        // answers and validation messages (as text on background)
    ImVec4 row_differs;                        // comparison rows where tiers differ
    ImVec4 focus;                              // keyboard focus ring
    ImVec4 chart_bar, chart_value;
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
