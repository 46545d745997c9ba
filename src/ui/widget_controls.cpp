// The controls of widgets.h: checkbox, radio, number, text fields, combos. Each takes the page's
// action for it before drawing, and records its semantics after.
#include "widgets.h"

#include "calculator.h"
#include "extra_glyphs.h"
#include "shaped_text.h"
#include "text_utf8.h"
#include "widget_registry.h"
#include "widgets_internal.h"

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace iiifc {

using namespace widget_detail;

namespace {

// Where a field drawn just before draws a caret before byte `source_at` of its text: the top (in a
// run drawn whole, where the browser puts that caret).
ImVec2 field_position(const std::string& source, std::size_t source_at, bool multiline) {
    const ShapedText* shaped = shaped_text(source, ImGui::GetFont());
    const std::string& value = shaped ? shaped->shown : source;
    const ShownPosition p = shown_position(shaped, source_at);
    const std::size_t at = std::min(p.at, value.size());
    const std::size_t line_start = multiline ? value.rfind('\n', at == 0 ? 0 : at - 1) : std::string::npos;
    const std::size_t from = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
    int line = 0;
    if (multiline)
        for (std::size_t i = 0; i < from; ++i) line += value[i] == '\n';
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 min = ImGui::GetItemRectMin();
    const float dx = p.dx * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
    return ImVec2(min.x + pad.x + ImGui::CalcTextSize(value.c_str() + from, value.c_str() + at).x + dx,
                  min.y + pad.y + static_cast<float>(line) * ImGui::GetTextLineHeight());
}

// A text caret as the browser draws one: 1.5 px in the text's colour, a line tall, at `p`.
void draw_caret(ImDrawList* dl, ImVec2 p) {
    dl->AddLine(p, ImVec2(p.x, p.y + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
}

// While the page's input is the editor of a field, the canvas draws its caret where the page has
// it, and its selection (Shift+arrows, a drag, a double click in the input) under the text.
void draw_page_caret(ImGuiID id, const std::string& value, bool multiline) {
    int start = -1, end = -1;
    semantics::caret_of(id, start, end);
    if (end < 0 || semantics::dom_focus() != id || GImGui->ActiveId == id) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const std::size_t a = utf8_offset_of_utf16(value, std::min(start, end)), b = utf8_offset_of_utf16(value, std::max(start, end));
    for (std::size_t from = a; from < b;) {  // line by line
        const std::size_t eol = multiline ? std::min(value.find('\n', from), b) : b;
        const ImVec2 p0 = field_position(value, from, multiline), p1 = field_position(value, eol, multiline);
        const float x0 = std::min(p0.x, p1.x), x1 = std::max(p0.x, p1.x);  // (right to left: the end is left of the start)
        dl->AddRectFilled(ImVec2(x0, p0.y), ImVec2(std::max(x1, x0 + 3.0f), p0.y + h), ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
        from = eol + 1;
    }
    draw_caret(dl, field_position(value, utf8_offset_of_utf16(value, end), multiline));
}

// A list's filter, ImGui's own field (the page's select keeps the focus). Its text is not in the
// semantics: its characters are noted here; text that needs shaping is edited by ImGui unseen and
// drawn shaped over it, the caret where the browser puts it.
bool filter_field(std::string& typed) {
    note_text(typed);
    const ShapedText* shaped = shaped_text(typed, ImGui::GetFont());
    if (shaped) ImGui::PushStyleColor(ImGuiCol_Text, 0u);
    const bool entered = ImGui::InputTextWithHint("##filter", "Type to filter", &typed, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!shaped) return entered;
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    dl->PushClipRect(min, max, true);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    dl->AddText(ImVec2(min.x + pad.x, min.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), shaped->shown.c_str());
    if (const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID())) {
        const std::size_t at =
            static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(state->TextW.Data, state->TextW.Data + state->Stb.cursor));
        draw_caret(dl, field_position(typed, at, false));
    }
    dl->PopClipRect();
    return entered;
}

}  // namespace

bool last_field_left() { return widget_detail::last_field_left; }

// ImGui's checkbox with its label wrapped at the row's edge, as a page wraps a <label> (ImGui's
// stays on one line, cut off on a phone): box, label and the gap between are one target.
static bool wrapped_checkbox(const char* label, bool* value) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiID id = window->GetID(label);
    const float square = ImGui::GetFrameHeight(), gap = style.ItemInnerSpacing.x;
    ImFont* font = ImGui::GetFont();
    const float room = std::max(ImGui::GetContentRegionAvail().x - square - gap, ImGui::GetFontSize());
    const std::string lines = with_line_breaks(visible_label(label), font, room * font->FontSize / ImGui::GetFontSize());
    const std::string& shown = shown_text(lines);
    const ImVec2 text = ImGui::CalcTextSize(shown.c_str());
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(
        pos, ImVec2(pos.x + square + (text.x > 0 ? gap + text.x : 0.0f), pos.y + std::max(square, text.y + style.FramePadding.y * 2)));
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if (pressed) {
        *value = !*value;
        ImGui::MarkItemEdited(id);
    }
    ImGui::RenderNavHighlight(bb, id);
    const ImGuiCol frame = held && hovered ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg;
    ImGui::RenderFrame(pos, ImVec2(pos.x + square, pos.y + square), ImGui::GetColorU32(frame), true, style.FrameRounding);
    if (*value) {
        const float pad = std::max(1.0f, IM_FLOOR(square / 6.0f));
        ImGui::RenderCheckMark(window->DrawList, ImVec2(pos.x + pad, pos.y + pad), ImGui::GetColorU32(ImGuiCol_CheckMark),
                               square - pad * 2.0f);
    }
    window->DrawList->AddText(ImVec2(pos.x + square + gap, pos.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), shown.c_str());
    // What ImGui's own checkbox tells the widget registry (widget_registry.h): its label and box.
    [[maybe_unused]] ImGuiContext& g = *GImGui;  // (the macro's; without the hooks, in release, unused)
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label,
                                g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (*value ? ImGuiItemStatusFlags_Checked : 0));
    return pressed;
}

bool checkbox(const char* label, bool* value) {
    const FieldInfo f = take_next_field();
    const ImGuiID id = ImGui::GetID(label);
    bool changed = false;
    std::string incoming;
    if (semantics::take_value(id, incoming) && (incoming == "true") != *value) *value = !*value, changed = true;
    if (semantics::take_activate(id)) *value = !*value, changed = true;
    changed |= wrapped_checkbox(label, value);
    SemanticNode n = control_node(Role::checkbox, label, f);
    n.checked = *value;
    semantics::add(n);
    follow_page_focus(id);
    return changed;
}

bool radio_button(const char* label, bool active) {
    const ImGuiID id = ImGui::GetID(label);
    std::string incoming;
    const bool from_page = semantics::take_activate(id) || (semantics::take_value(id, incoming) && incoming == "true");
    const bool pressed = ImGui::RadioButton(label, active) || from_page;
    SemanticNode n = semantics::last_item(Role::radio, visible_label(label));
    n.checked = active;
    semantics::add(n);
    follow_page_focus(id);
    return pressed;
}

static bool number_from_page(ImGuiID id, int& value, int min, int max) {
    std::string incoming;
    if (!semantics::take_value(id, incoming)) return false;
    char* end = nullptr;
    const long v = std::strtol(incoming.c_str(), &end, 10);
    if (end == incoming.c_str()) return false;
    const int clamped = static_cast<int>(v < min ? min : v > max ? max : v);
    if (clamped == value) return false;
    value = clamped;
    return true;
}

static bool range_control(const char* label, int* value, int min, int max, bool slider) {
    const FieldInfo f = take_next_field();
    // A spin field's text box is ImGui's item "" under the label's id (its - and + follow it).
    ImGui::PushID(label);
    const ImGuiID inner = ImGui::GetID("");
    ImGui::PopID();
    const ImGuiID id = slider ? ImGui::GetID(label) : inner;
    bool changed = number_from_page(id, *value, min, max);
    if (slider)
        changed |= ImGui::SliderInt(label, value, min, max, "%d", ImGuiSliderFlags_AlwaysClamp);
    else
        changed |= ImGui::InputInt(label, value, 1, 5);
    *value = *value < min ? min : *value > max ? max : *value;
    SemanticNode n = control_node(slider ? Role::slider : Role::spinbutton, label, f);
    n.id = id;  // the spin field's box is its group (field, -, +, label)
    n.value = std::to_string(*value);
    n.has_range = true;
    n.min = min;
    n.max = max;
    semantics::add(n);
    follow_page_focus(id);
    return changed;
}

bool slider_int(const char* label, int* value, int min, int max) { return range_control(label, value, min, max, true); }
bool spin_int(const char* label, int* value, int min, int max) { return range_control(label, value, min, max, false); }

// `said`: the value the page's control holds, where ImGui draws another (read_only_text's lines).
static bool edit_text(const char* label, std::string* value, const char* hint, ImGuiInputTextFlags flags, const ImVec2* size,
                      const std::string* said = nullptr) {
    const FieldInfo f = take_next_field();
    const ImGuiID id = ImGui::GetID(label);
    const bool read_only = (flags & ImGuiInputTextFlags_ReadOnly) != 0;
    bool changed = false;
    std::string incoming;
    if (semantics::take_value(id, incoming) && !read_only && incoming != *value) *value = incoming, changed = true;
    // The page's input is the editor while it has focus: ImGui must not hold an older copy of the text.
    if (semantics::dom_focus() == id && GImGui->ActiveId == id) ImGui::ClearActiveID();
    // While ImGui does not edit it, the field draws its runs shaped (shaped_text.h); what ImGui would
    // do to that copy is not kept (the page's input is the editor).
    const ShapedText* shaped = GImGui->ActiveId == id ? nullptr : shaped_text(*value, ImGui::GetFont());
    std::string shown = shaped ? shaped->shown : std::string();
    std::string* drawn = shaped ? &shown : value;
    const bool edited = size ? ImGui::InputTextMultiline(label, drawn, *size, flags) : ImGui::InputTextWithHint(label, hint, drawn, flags);
    changed |= edited && !shaped;
    // A click on the canvas field: the page's input takes over (soft keyboard, autofill, IME).
    if (ImGui::IsItemActivated() && !read_only && semantics::dom_focus() != id) semantics::request_focus(id);
    widget_detail::last_field_left = ImGui::IsItemDeactivated() || semantics::take_blurred(id);
    SemanticNode n = control_node(Role::textbox, label, f);
    n.id = id;  // a clipped multi-line field ends in ImGui's group, whose item id is 0
    n.value = said ? *said : *value;
    n.multiline = size != nullptr;
    n.readonly = read_only;
    n.autocomplete = f.autocomplete;
    n.placeholder = f.placeholder.empty() ? std::string(hint) : f.placeholder;
    n.kind = f.kind;
    semantics::caret_of(id, n.caret_start, n.caret_end);
    semantics::add(n);
    draw_page_caret(id, *value, size != nullptr);
    follow_page_focus(id);
    return changed;
}

bool text_field(const char* label, std::string* value, const char* hint, ImGuiInputTextFlags flags) {
    return edit_text(label, value, hint, flags, nullptr);
}

bool text_area(const char* label, std::string* value, const ImVec2& size) { return edit_text(label, value, "", 0, &size); }

// Its lines wrap at the field's width, as a page's <textarea> wraps them (ImGui's multi-line field
// does not): ImGui draws a copy whose line-ending spaces are '\n', the page's control keeps the
// text, and an offset is the same in both (the page's caret and selection drawn on the canvas).
void read_only_text(const char* label, const std::string& value, const ImVec2& size) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = ImGui::CalcItemSize(size, ImGui::CalcItemWidth(), 0).x - style.FramePadding.x * 2 - style.ScrollbarSize;
    ImFont* font = ImGui::GetFont();
    std::string lines = with_line_breaks(value, font, std::max(inner, 1.0f) * font->FontSize / ImGui::GetFontSize());
    edit_text(label, &lines, "", ImGuiInputTextFlags_ReadOnly, &size, &value);
}

// A combo over data items that have an id and a name (tiers, organisation types). Its options are
// in the semantics whether or not the list is open, so the page's <select> always has them.
// A long list (the countries) opens with a search field on the canvas: typing keeps the names that
// contain what is typed. The page's <select> has every option: its own typing jumps to a name.
static std::string& combo_filter(ImGuiID id) {
    static std::map<ImGuiID, std::string> filters;  // what is typed in each open list; cleared when it closes
    return filters[id];
}

static bool name_matches(const std::string& name, const std::string& typed) {
    if (typed.empty()) return true;
    const std::string n = to_lower_ascii(name), t = to_lower_ascii(typed);
    return n.find(t) != std::string::npos;
}

template <typename Item>
static bool id_combo(const char* label, const std::vector<Item>& items, std::string& id, const char* placeholder, bool filterable = false) {
    const FieldInfo f = take_next_field();
    const Item* current = nullptr;
    for (const Item& item : items)
        if (item.id == id) current = &item;
    const ImGuiID widget_id = ImGui::GetID(label);
    auto option_id = [&](const Item& item) { return ImHashStr(item.id.c_str(), item.id.size(), widget_id); };
    bool changed = false;
    std::string incoming;
    if (semantics::take_value(widget_id, incoming))
        for (const Item& item : items)
            if (std::to_string(option_id(item)) == incoming && item.id != id) id = item.id, current = &item, changed = true;
    const bool open = ImGui::BeginCombo(label, current ? shown_text(current->name).c_str() : placeholder);
    widget_registry_note(label, widget_id);
    SemanticNode n = control_node(Role::combobox, label, f);
    n.id = widget_id;
    n.value = current ? current->name : "";
    n.autocomplete = f.autocomplete;  // the country's "country-name": the browser's autofill fills the select
    n.expandable = true;
    n.expanded = open;
    semantics::open(n);
    for (const Item& item : items) {
        SemanticNode o;
        o.id = option_id(item);
        o.role = Role::option;
        o.name = item.name;
        o.selected = &item == current;
        semantics::add(o);
    }
    semantics::close();
    follow_page_focus(widget_id);
    if (open) {
        std::string* typed = filterable ? &combo_filter(widget_id) : nullptr;
        if (typed) {
            if (ImGui::IsWindowAppearing()) {
                typed->clear();
                ImGui::SetKeyboardFocusHere();
            }
            ImGui::SetNextItemWidth(-1.0f);
            // Enter takes the first name left, as a browser's list of suggestions does.
            const bool entered = filter_field(*typed);
            // It shows the caret, so it takes the typing, not the DOM select that has the page's focus.
            if (ImGui::IsItemActive()) semantics::claim_keys();
            if (entered)
                for (const Item& item : items)
                    if (name_matches(item.name, *typed)) {
                        changed = item.id != id;
                        id = item.id;
                        ImGui::CloseCurrentPopup();
                        break;
                    }
        }
        for (const Item& item : items) {
            if (typed && !name_matches(item.name, *typed)) continue;
            const bool selected = item.id == id;
            if (ImGui::Selectable(shown_text(item.name).c_str(), selected)) {
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

bool country_combo(const char* label, const MembershipData& data, std::string& country_code) {
    return id_combo(label, data.countries, country_code, "Choose a country", true);
}

bool add_on_checkboxes(const char* label, const std::string& name, const MembershipData& data, std::vector<std::string>& chosen) {
    take_next_field();  // the group is named here; each checkbox by its own label
    ImGui::PushID(label);
    ImGui::BeginGroup();
    begin_group(Role::fieldset, name);
    bool changed = false;
    std::vector<std::string> ticked;
    for (const AddOn& a : data.schedule.add_ons) {
        bool on = std::find(chosen.begin(), chosen.end(), a.id) != chosen.end();
        changed |= checkbox(add_on_with_price(a, data).c_str(), &on);
        if (on) ticked.push_back(a.id);
    }
    end_group();
    ImGui::EndGroup();
    ImGui::PopID();
    if (changed) chosen = ticked;
    return changed;
}

}  // namespace iiifc
