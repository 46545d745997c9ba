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

// The device's system colours (CSS <system-color>), 0xRRGGBB each, which forced colours (Windows
// high contrast) asks every page to draw in; the runner reads them from the browser.
struct SystemColours {
    unsigned canvas = 0xFFFFFF, canvas_text = 0x000000;
    unsigned button_face = 0xFFFFFF, button_text = 0x000000;
    unsigned highlight = 0x000080, highlight_text = 0xFFFFFF;
};

// The person's display settings the theme follows.
struct ThemeChoice {
    bool dark = false;           // prefers-color-scheme: dark
    bool more_contrast = false;  // prefers-contrast: more
    bool forced = false;         // forced-colors: active: `system` replaces the palette
    SystemColours system;
    float scale = 1.0f;  // kiosk and touch sizes
};

const Palette& light_palette();
const Palette& dark_palette();
const Palette& palette();  // the one in use
// Every colour a role of the system colours: text and borders CanvasText on Canvas, buttons
// ButtonText on ButtonFace, the current tab, primary buttons and the focus ring Highlight.
Palette forced_colours_palette(const SystemColours& system);
// Borders and muted text as strong as the text: muted text in the text's colour, borders in the
// muted text's (at least 4.5:1 where they were about 1.5:1).
Palette more_contrast_palette(const Palette& p);
void apply_theme(const ThemeChoice& choice);  // sets ImGui's style and the palette in use

// WCAG 2 relative luminance contrast of two opaque sRGB colours, from 1 to 21.
double contrast_ratio(const ImVec4& a, const ImVec4& b);
// A translucent colour composited over an opaque one.
ImVec4 blend(const ImVec4& over, const ImVec4& under);

}  // namespace iiifc
