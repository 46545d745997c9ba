// The colours, written once: the app's theme (src/ui/theme.cpp), the page's CSS custom properties
// (web/app.css, written in by scripts/build_site.mjs through scripts/palette.mjs) and the HTML the
// core renders (html_render.cpp) take them from here. Text colours keep a contrast of at least
// 4.5:1 (WCAG AA) on the backgrounds they are used on, in both schemes (tests/ui).
// X(name, light, dark, the page's CSS custom property or "" where the page has no use for it)
#pragma once

#include <cstdio>
#include <string>

#define IIIFC_PALETTE(X)                                                                              \
    X(background, 0xFFFFFF, 0x14171C, "bg")                                                           \
    X(panel, 0xF3F6F9, 0x1D2229, "panel")                                                             \
    X(panel_alt, 0xE8EEF4, 0x262C35, "panel-alt")                                                     \
    X(border, 0xC9D3DD, 0x3A434F, "border")                                                           \
    X(text, 0x1B1F24, 0xE8EBEF, "fg")                                                                 \
    X(text_muted, 0x4A5360, 0xAAB3BF, "muted")                                                        \
    X(accent, 0x1D5F8F, 0x7CBDEB, "accent") /* primary buttons: IIIF blue, darkened for white text */ \
    X(accent_hover, 0x174E76, 0x9ACDF0, "")                                                           \
    X(accent_text, 0xFFFFFF, 0x0E1114, "") /* ... their text, on accent */                            \
    X(button, 0xE3EAF1, 0x2C343F, "")      /* secondary buttons */                                    \
    X(button_hover, 0xD3DEE9, 0x37414E, "")                                                           \
    X(button_text, 0x1B1F24, 0xE8EBEF, "")                                                            \
    X(yes, 0x1E6B34, 0x7BD88F, "") /* answers, as text on the background */                           \
    X(no, 0x5C6470, 0xAAB3BF, "")                                                                     \
    X(conditional, 0x8A5300, 0xF2C14E, "")                                                            \
    X(error, 0xB3261E, 0xFF8A80, "error")  /* validation and failure messages */                      \
    X(row_differs, 0xFFF4D6, 0x33301F, "") /* comparison rows where tiers differ */                   \
    X(focus, 0xC2410C, 0xFFB86B, "")       /* the keyboard focus ring */                              \
    X(chart_bar, 0x2873AB, 0x7CBDEB, "")                                                              \
    X(chart_value, 0x1B1F24, 0xE8EBEF, "")

namespace iiifc::colours {

// Each colour's light value as 0xRRGGBB: what the core's HTML (printed, or read without the app) uses.
#define IIIFC_LIGHT_VALUE(name, light, dark, css) constexpr unsigned name = light;
IIIFC_PALETTE(IIIFC_LIGHT_VALUE)
#undef IIIFC_LIGHT_VALUE

// "#rrggbb", as CSS writes it.
inline std::string css(unsigned rgb) {
    char out[8];
    std::snprintf(out, sizeof out, "#%06x", rgb & 0xFFFFFFu);
    return out;
}

}  // namespace iiifc::colours
