#include "widgets.h"

#include "eligibility.h"
#include "theme.h"
#include "widget_registry.h"

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

// A combo over data items that have an id and a name, noted in the widget registry under its label
// (ImGui 1.86 does not report combos to the test engine hooks).
template <typename Item>
static bool id_combo(const char* label, const std::vector<Item>& items, std::string& id, const char* placeholder) {
    const Item* current = nullptr;
    for (const Item& item : items)
        if (item.id == id) current = &item;
    bool changed = false;
    const ImGuiID widget_id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, current ? current->name.c_str() : placeholder);
    widget_registry_note(label, widget_id);
    if (open) {
        for (const Item& item : items) {
            const bool selected = item.id == id;
            if (ImGui::Selectable(item.name.c_str(), selected)) {
                id = item.id;
                changed = true;
            }
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool tier_combo(const char* label, const MembershipData& data, std::string& tier_id) {
    return id_combo(label, data.schedule.tiers, tier_id, "Choose a tier");
}

bool organisation_type_combo(const char* label, const MembershipData& data, std::string& type_id) {
    return id_combo(label, data.organisation_types, type_id, "Choose a type");
}

static float form_label_column() { return ImGui::GetFontSize() * 13.0f; }
static float g_form_row_indent = 0;  // where the current row's control starts: its messages go under it

void begin_form_row(const std::string& label, bool narrow) {
    ImGui::BeginGroup();
    g_form_row_indent = narrow ? 0.0f : form_label_column();
    if (narrow) {
        text(label);
        return;
    }
    // The label wraps inside its column; the control starts on its first line.
    const float column = form_label_column();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column - ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(label.c_str(), label.c_str() + label.size());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(column);
}

float form_control_width() {
    const float room = ImGui::GetContentRegionAvail().x;
    const float max = ImGui::GetFontSize() * 28.0f;
    return room < max ? room : max;
}

void end_form_row(const std::string& label, unsigned int control_id, const std::vector<std::string>& messages) {
    widget_registry_note(label.c_str(), control_id);
    // Messages line up under the control, not under the label.
    if (g_form_row_indent > 0) ImGui::Indent(g_form_row_indent);
    for (const std::string& m : messages) text_colored(palette().error, "\xE2\x9A\xA0 " + m);
    if (g_form_row_indent > 0) ImGui::Unindent(g_form_row_indent);
    ImGui::EndGroup();
}

}  // namespace iiifc
