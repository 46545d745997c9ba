#include "widgets.h"

#include "eligibility.h"
#include "theme.h"

#include <imgui_internal.h>

namespace iiifc {

void text(const std::string& s) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopTextWrapPos();
}

void text_colored(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void text_muted(const std::string& s) { text_colored(palette().text_muted, s); }

void heading(const std::string& s, ImFont* font) {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    if (font) ImGui::PushFont(font);
    text(s);
    if (font) ImGui::PopFont();
}

void bullet_list(const std::vector<std::string>& items) {
    for (const std::string& item : items) {
        ImGui::Bullet();
        text(item);
    }
}

void grant_badge(Grant g) {
    const Palette& p = palette();
    const ImVec4 colour = g == Grant::yes ? p.yes : g == Grant::conditional ? p.conditional : p.no;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const char* mark = g == Grant::yes ? "\xE2\x9C\x93 " : g == Grant::conditional ? "\xE2\x97\x8F " : "\xE2\x80\x94 ";  // ✓ ● —
    ImGui::TextUnformatted((std::string(mark) + grant_answer(g)).c_str());
    ImGui::PopStyleColor();
}

static bool button(const char* label, bool enabled, float width, bool primary) {
    const Palette& p = palette();
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.55f);
    // Disabled buttons stay focusable by keyboard so their reason can be read; they just do nothing.
    const bool pressed = ImGui::Button(label, ImVec2(width, 0)) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    if (primary) ImGui::PopStyleColor(4);
    return pressed;
}

bool primary_button(const char* label, bool enabled, float width) { return button(label, enabled, width, true); }
bool secondary_button(const char* label, bool enabled, float width) { return button(label, enabled, width, false); }

float input_width_for(const char* label) {
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x;
    const float room = ImGui::GetContentRegionAvail().x - label_w;
    const float max = ImGui::GetFontSize() * 28.0f;
    return room < max ? (room > ImGui::GetFontSize() * 6 ? room : ImGui::GetFontSize() * 6) : max;
}

}  // namespace iiifc
