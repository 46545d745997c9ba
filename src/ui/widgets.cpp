// [SECTION] Text
// [SECTION] Buttons and tabs
// [SECTION] Controls
// [SECTION] Groups and tables
// [SECTION] Form rows
#include "widgets.h"

#include "eligibility.h"
#include "text_utf8.h"
#include "theme.h"
#include "widget_registry.h"

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cstdlib>
#include <cstring>

namespace iiifc {

namespace {

FieldInfo g_next_field;      // set_next_field(): for the next control only
bool g_last_field_left = false;

FieldInfo take_next_field() {
    FieldInfo f = std::move(g_next_field);
    g_next_field = FieldInfo{};
    return f;
}

// The node for the control just drawn, named by set_next_field() or its visible label.
SemanticNode control_node(Role role, const char* label, const FieldInfo& f) {
    SemanticNode n = semantics::last_item(role, f.name.empty() ? visible_label(label) : f.name);
    n.required = f.required;
    n.error = f.error;
    return n;
}

// The page focused this control: ImGui's keyboard focus (and its focus ring) goes there too, and
// the view scrolls to it.
void follow_page_focus(ImGuiID id) {
    if (!semantics::take_focus(id)) return;
    ImGuiContext& g = *GImGui;
    ImGui::SetFocusID(id, g.CurrentWindow);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(g.CurrentWindow, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

// The byte offset in UTF-8 text of a position the page counts in UTF-16 units.
std::size_t utf8_offset(const std::string& s, int utf16) {
    std::size_t i = 0;
    for (int units = 0; i < s.size() && units < utf16;) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return i < s.size() ? i : s.size();
}

// While the page's input is the editor of a field, the canvas draws its caret where the page has it.
void draw_page_caret(ImGuiID id, const std::string& value, bool multiline) {
    int start = -1, end = -1;
    semantics::caret_of(id, start, end);
    if (end < 0 || semantics::dom_focus() != id || GImGui->ActiveId == id) return;
    const std::size_t at = utf8_offset(value, end);
    const std::size_t line_start = multiline ? value.rfind('\n', at == 0 ? 0 : at - 1) : std::string::npos;
    const std::size_t from = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
    int line = 0;
    if (multiline)
        for (std::size_t i = 0; i < from; ++i) line += value[i] == '\n';
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 min = ImGui::GetItemRectMin();
    const float x = min.x + pad.x + ImGui::CalcTextSize(value.c_str() + from, value.c_str() + at).x;
    const float y = min.y + pad.y + static_cast<float>(line) * ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y), ImVec2(x, y + ImGui::GetTextLineHeight()),
                                        ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

std::string visible_label(const char* label) {
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

static void paragraph(const std::string& s, Role role) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopTextWrapPos();
    SemanticNode n = semantics::last_item(role, s);
    n.id = semantics::text_id(s);
    semantics::add(n);
}

void text(const std::string& s) { paragraph(s, Role::text); }

void text_colored(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void text_muted(const std::string& s) { text_colored(palette().text_muted, s); }

void status_text(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    paragraph(s, Role::status);
    ImGui::PopStyleColor();
}

void heading(const std::string& s, ImFont* font, int level) {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    if (font) ImGui::PushFont(font);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopTextWrapPos();
    if (font) ImGui::PopFont();
    SemanticNode n = semantics::last_item(Role::heading, s);
    n.id = semantics::text_id(s);
    n.level = level;
    semantics::add(n);
}

void bullet_list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    begin_group(Role::list, "");
    for (const std::string& item : items) {
        ImGui::Bullet();
        paragraph(item, Role::listitem);
    }
    end_group();
}

void grant_badge(Grant g) {
    const Palette& p = palette();
    const ImVec4 colour = g == Grant::yes ? p.yes : g == Grant::conditional ? p.conditional : p.no;
    const char* mark = g == Grant::yes ? "\xE2\x9C\x93 " : g == Grant::conditional ? "\xE2\x97\x8F " : "\xE2\x80\x94 ";  // ✓ ● —
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(mark);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);  // the mark is decoration; the word is the answer
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    paragraph(grant_answer(g), Role::text);
    ImGui::PopStyleColor();
}

//-----------------------------------------------------------------------------
// [SECTION] Buttons and tabs
//-----------------------------------------------------------------------------

static bool button(const char* label, bool enabled, const ImVec2& size, bool primary, Role role, bool current) {
    const Palette& p = palette();
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.55f);
    const ImGuiID id = ImGui::GetID(label);
    const bool from_page = semantics::take_activate(id);
    // Disabled buttons stay focusable by keyboard so their reason can be read; they just do nothing.
    const bool pressed = (ImGui::Button(label, size) || from_page) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    if (primary) ImGui::PopStyleColor(4);
    SemanticNode n = semantics::last_item(role, visible_label(label));
    n.disabled = !enabled;
    n.current = current;
    n.selected = current;
    semantics::add(n);
    follow_page_focus(id);
    return pressed;
}

bool primary_button(const char* label, bool enabled, float width) { return button(label, enabled, ImVec2(width, 0), true, Role::button, false); }
bool secondary_button(const char* label, bool enabled, float width) { return button(label, enabled, ImVec2(width, 0), false, Role::button, false); }
bool tab_button(const char* label, bool current, const ImVec2& size) { return button(label, true, size, current, Role::tab, current); }

bool collapsing_header(const char* label) {
    const ImGuiID id = ImGui::GetID(label);
    if (semantics::take_activate(id)) ImGui::SetNextItemOpen(ImGui::GetStateStorage()->GetInt(id, 0) == 0);
    const bool open = ImGui::CollapsingHeader(label);
    SemanticNode n = semantics::last_item(Role::button, visible_label(label));
    n.expanded = open;
    semantics::add(n);
    follow_page_focus(id);
    return open;
}

//-----------------------------------------------------------------------------
// [SECTION] Controls
//-----------------------------------------------------------------------------

void set_next_field(const FieldInfo& info) { g_next_field = info; }

bool last_field_left() { return g_last_field_left; }

bool checkbox(const char* label, bool* value) {
    const FieldInfo f = take_next_field();
    const ImGuiID id = ImGui::GetID(label);
    bool changed = false;
    std::string incoming;
    if (semantics::take_value(id, incoming) && (incoming == "true") != *value) *value = !*value, changed = true;
    if (semantics::take_activate(id)) *value = !*value, changed = true;
    changed |= ImGui::Checkbox(label, value);
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
    if (slider) changed |= ImGui::SliderInt(label, value, min, max, "%d", ImGuiSliderFlags_AlwaysClamp);
    else changed |= ImGui::InputInt(label, value, 1, 5);
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

static bool edit_text(const char* label, std::string* value, const char* hint, ImGuiInputTextFlags flags, const ImVec2* size) {
    const FieldInfo f = take_next_field();
    const ImGuiID id = ImGui::GetID(label);
    bool changed = false;
    std::string incoming;
    if (semantics::take_value(id, incoming) && incoming != *value) *value = incoming, changed = true;
    // The page's input is the editor while it has focus: ImGui must not hold an older copy of the text.
    if (semantics::dom_focus() == id && GImGui->ActiveId == id) ImGui::ClearActiveID();
    changed |= size ? ImGui::InputTextMultiline(label, value, *size, flags) : ImGui::InputTextWithHint(label, hint, value, flags);
    const bool read_only = (flags & ImGuiInputTextFlags_ReadOnly) != 0;
    // A click on the canvas field: the page's input takes over (soft keyboard, autofill, IME).
    if (ImGui::IsItemActivated() && !read_only && semantics::dom_focus() != id) semantics::request_focus(id);
    g_last_field_left = ImGui::IsItemDeactivated() || semantics::take_blurred(id);
    SemanticNode n = control_node(Role::textbox, label, f);
    n.id = id;  // a clipped multi-line field ends in ImGui's group, whose item id is 0
    n.value = *value;
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

void read_only_text(const char* label, const std::string& value, const ImVec2& size) {
    std::string copy = value;  // ImGui wants a buffer; nothing is written back
    edit_text(label, &copy, "", ImGuiInputTextFlags_ReadOnly, &size);
}

// A combo over data items that have an id and a name (tiers, organisation types). Its options are
// in the semantics whether or not the list is open, so the page's <select> always has them.
template <typename Item>
static bool id_combo(const char* label, const std::vector<Item>& items, std::string& id, const char* placeholder) {
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
    const bool open = ImGui::BeginCombo(label, current ? current->name.c_str() : placeholder);
    widget_registry_note(label, widget_id);
    SemanticNode n = control_node(Role::combobox, label, f);
    n.id = widget_id;
    n.value = current ? current->name : "";
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

//-----------------------------------------------------------------------------
// [SECTION] Groups and tables
//-----------------------------------------------------------------------------

void begin_group(Role role, const std::string& name) {
    SemanticNode n;
    n.role = role;
    n.name = name;
    n.id = semantics::text_id(std::string("group:") + name);
    semantics::open(n);
}

void end_group() { semantics::close(); }

void image(const std::string& description) {
    SemanticNode n = semantics::last_item(Role::image, description);
    n.id = semantics::text_id(description);
    semantics::add(n);
}

namespace {
struct TableState { bool row_open = false, cell_open = false; };
TableState g_table;
void close_cell() {
    if (g_table.cell_open) semantics::close();
    g_table.cell_open = false;
}
void close_row() {
    close_cell();
    if (g_table.row_open) semantics::close();
    g_table.row_open = false;
}
void open_row() {
    SemanticNode n;
    n.role = Role::row;
    n.id = semantics::text_id("row");
    semantics::open(n);
    g_table.row_open = true;
}
}  // namespace

bool begin_table(const char* id, const std::string& caption, int columns, ImGuiTableFlags flags) {
    if (!ImGui::BeginTable(id, columns, flags)) return false;
    g_table = TableState{};
    SemanticNode n;
    n.role = Role::table;
    n.name = caption;
    n.id = ImGui::GetID(id);
    semantics::open(n);
    return true;
}

void table_header_row(const std::vector<std::string>& names, ImFont* font) {
    close_row();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    open_row();
    for (std::size_t i = 0; i < names.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i));
        if (font) ImGui::PushFont(font);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(names[i].c_str(), names[i].c_str() + names[i].size());
        ImGui::PopTextWrapPos();
        if (font) ImGui::PopFont();
        SemanticNode n = semantics::last_item(Role::columnheader, names[i]);
        n.id = semantics::text_id(names[i]);
        semantics::add(n);
    }
}

void table_next_row() {
    close_row();
    ImGui::TableNextRow();
    open_row();
}

void table_cell(int column) {
    close_cell();
    ImGui::TableSetColumnIndex(column);
    SemanticNode n;
    n.role = column == 0 ? Role::rowheader : Role::cell;
    n.id = semantics::text_id("cell");
    semantics::open(n);
    g_table.cell_open = true;
}

void end_table() {
    close_row();
    semantics::close();
    ImGui::EndTable();
}

//-----------------------------------------------------------------------------
// [SECTION] Form rows
//-----------------------------------------------------------------------------

static float form_label_column() { return ImGui::GetFontSize() * 13.0f; }
static float g_form_row_indent = 0;  // where the current row's control starts: its messages go under it

void begin_form_row(const std::string& label, bool narrow) {
    ImGui::BeginGroup();
    g_form_row_indent = narrow ? 0.0f : form_label_column();
    // The label is drawn here and is the control's name in the semantics (set_next_field), not a
    // paragraph of its own.
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(narrow ? 0.0f : ImGui::GetCursorPosX() + form_label_column() - ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(label.c_str(), label.c_str() + label.size());
    ImGui::PopTextWrapPos();
    if (!narrow) ImGui::SameLine(form_label_column());
}

float form_control_width() {
    const float room = ImGui::GetContentRegionAvail().x;
    const float max = ImGui::GetFontSize() * 28.0f;
    return room < max ? room : max;
}

void end_form_row(const std::string& label, unsigned int control_id, const std::vector<std::string>& messages) {
    widget_registry_note(label.c_str(), control_id);
    // Messages line up under the control, not under the label; the control's semantics carry them.
    if (g_form_row_indent > 0) ImGui::Indent(g_form_row_indent);
    const Palette& p = palette();
    for (const std::string& m : messages) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.error);
        ImGui::PushTextWrapPos(0.0f);
        const std::string shown = "\xE2\x9A\xA0 " + m;
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (g_form_row_indent > 0) ImGui::Unindent(g_form_row_indent);
    ImGui::EndGroup();
}

float input_width_for(const char* label) {
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x;
    const float room = ImGui::GetContentRegionAvail().x - label_w;
    const float max = ImGui::GetFontSize() * 28.0f;
    return room < max ? (room > ImGui::GetFontSize() * 6 ? room : ImGui::GetFontSize() * 6) : max;
}

}  // namespace iiifc
