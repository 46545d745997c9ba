#include "theme.h"

#include <algorithm>
#include <cmath>

namespace iiifc {

namespace {

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 255) / 255.0f, ((hex >> 8) & 255) / 255.0f, (hex & 255) / 255.0f, a);
}

const Palette kLight = {
    rgb(0xFFFFFF), rgb(0xF3F6F9), rgb(0xE8EEF4), rgb(0xC9D3DD), rgb(0x1B1F24), rgb(0x4A5360),
    rgb(0x1D5F8F), rgb(0x174E76), rgb(0xFFFFFF),  // IIIF blue, darkened for white text
    rgb(0xE3EAF1), rgb(0xD3DEE9), rgb(0x1B1F24), rgb(0x1E6B34), rgb(0x5C6470), rgb(0x8A5300),
    rgb(0xB3261E), rgb(0xFFF4D6), rgb(0xC2410C), rgb(0x2873AB), rgb(0x1B1F24),
};

const Palette kDark = {
    rgb(0x14171C), rgb(0x1D2229), rgb(0x262C35), rgb(0x3A434F), rgb(0xE8EBEF), rgb(0xAAB3BF), rgb(0x7CBDEB),
    rgb(0x9ACDF0), rgb(0x0E1114), rgb(0x2C343F), rgb(0x37414E), rgb(0xE8EBEF), rgb(0x7BD88F), rgb(0xAAB3BF),
    rgb(0xF2C14E), rgb(0xFF8A80), rgb(0x33301F), rgb(0xFFB86B), rgb(0x7CBDEB), rgb(0xE8EBEF),
};

Palette g_current = kLight;

double channel(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const ImVec4& c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }

}  // namespace

const Palette& light_palette() { return kLight; }
const Palette& dark_palette() { return kDark; }
const Palette& palette() { return g_current; }

Palette forced_colours_palette(const SystemColours& c) {
    const ImVec4 canvas = rgb(c.canvas), text = rgb(c.canvas_text), highlight = rgb(c.highlight);
    Palette p;
    p.background = p.panel = p.panel_alt = canvas;
    p.border = text;
    p.text = p.text_muted = p.yes = p.no = p.conditional = p.error = p.chart_bar = p.chart_value = text;
    p.accent = p.accent_hover = p.focus = highlight;
    p.accent_text = rgb(c.highlight_text);
    p.button = p.button_hover = rgb(c.button_face);
    p.button_text = rgb(c.button_text);
    p.row_differs = rgb(c.canvas, 0.0f);  // a fill would be a colour of the app's own
    return p;
}

Palette more_contrast_palette(const Palette& p) {
    Palette out = p;
    out.border = p.text_muted;
    out.text_muted = p.text;
    return out;
}

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImVec4 blend(const ImVec4& over, const ImVec4& under) {
    const float a = over.w;
    return ImVec4(over.x * a + under.x * (1 - a), over.y * a + under.y * (1 - a), over.z * a + under.z * (1 - a), 1.0f);
}

void apply_theme(const ThemeChoice& choice) {
    g_current = choice.forced ? forced_colours_palette(choice.system) : choice.dark ? kDark : kLight;
    if (choice.more_contrast && !choice.forced) g_current = more_contrast_palette(g_current);
    const Palette& p = g_current;
    const float scale = choice.scale;
    ImGuiStyle style;  // start from defaults so a scale change never compounds
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 9);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(10, 7);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 18;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.ScrollbarRounding = 8;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 1;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.panel;
    c[ImGuiCol_PopupBg] = p.background;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.background;
    c[ImGuiCol_FrameBgHovered] = p.panel;
    c[ImGuiCol_FrameBgActive] = p.panel_alt;
    c[ImGuiCol_TitleBg] = p.panel;
    c[ImGuiCol_TitleBgActive] = p.panel;
    c[ImGuiCol_MenuBarBg] = p.panel;
    c[ImGuiCol_ScrollbarBg] = p.panel;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.text_muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.text_muted;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent_hover;
    c[ImGuiCol_Button] = p.button;
    c[ImGuiCol_ButtonHovered] = p.button_hover;
    c[ImGuiCol_ButtonActive] = p.panel_alt;
    c[ImGuiCol_Header] = p.panel_alt;
    c[ImGuiCol_HeaderHovered] = p.button_hover;
    c[ImGuiCol_HeaderActive] = p.button_hover;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_Tab] = p.button;
    c[ImGuiCol_TabHovered] = p.button_hover;
    c[ImGuiCol_TabActive] = p.accent;
    c[ImGuiCol_TableHeaderBg] = p.panel_alt;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = p.panel;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.30f);
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_PlotHistogram] = p.chart_bar;
    ImGui::GetStyle() = style;
}

}  // namespace iiifc
