// [SECTION] Text
// [SECTION] Buttons and tabs
// [SECTION] Groups and tables
// [SECTION] Form rows
// (The controls are in widget_controls.cpp.)
#include "widgets.h"

#include "eligibility.h"
#include "shaped_text.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets_internal.h"

#include <imgui_internal.h>

#include <cfloat>
#include <cstring>

namespace iiifc {

namespace widget_detail {

FieldInfo g_next_field;  // set_next_field(): for the next control only
bool last_field_left = false;

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
void follow_page_focus(unsigned id) {
    if (!semantics::take_focus(id)) return;
    ImGuiContext& g = *GImGui;
    ImGui::SetFocusID(id, g.CurrentWindow);
    g.NavDisableHighlight = false;
    // Keyboard focus hides the mouse's hover, but not under a held button (a press on the canvas
    // moved the page's focus here): its release is the click.
    g.NavDisableMouseHover = !ImGui::IsAnyMouseDown();
    ImGui::ScrollToBringRectIntoView(g.CurrentWindow, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

}  // namespace widget_detail

using namespace widget_detail;

void set_next_field(const FieldInfo& info) { g_next_field = info; }

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

std::string visible_label(const char* label) {
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

// Text as the canvas draws it, wrapped at the wrap position pushed if any. With runs that need
// shaping (shaped_text.h) its lines are broken by shaped_text, and a right-to-left text takes the
// box's width, its lines right-aligned; otherwise ImGui wraps it.
static void text_unformatted(const std::string& s) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), wrap = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos);
    const ShapedText* shaped = shaped_text(s, font, wrap * font->FontSize / size);
    const std::string& shown = shaped && !shaped->runs.empty() ? shaped->shown : s;
    if (&shown == &s || wrap <= 0) {
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
        return;
    }
    const char* const text = shown.c_str();
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const ImRect box(pos, ImVec2(pos.x + wrap, pos.y + ImGui::CalcTextSize(text).y));
    ImGui::ItemSize(box.GetSize(), 0.0f);
    if (!ImGui::ItemAdd(box, 0)) return;
    float y = pos.y;
    for (const char* line = text; *line; y += size) {  // its lines, as shaped_text broke them
        const char* eol = std::strchr(line, '\n');
        if (!eol) eol = line + std::strlen(line);
        const float dx = shaped->rtl ? wrap - font->CalcTextSizeA(size, FLT_MAX, 0, line, eol).x : 0.0f;
        ImGui::RenderText(ImVec2(pos.x + dx, y), line, eol, false);
        line = *eol ? eol + 1 : eol;
    }
}

static void paragraph(const std::string& s, Role role) {
    ImGui::PushTextWrapPos(0.0f);
    text_unformatted(s);
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
    text_unformatted(s);
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

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

float radio_width(const char* label) {
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    return ImGui::GetFrameHeight() + (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0.0f);
}

void same_line_if_fits(float next_width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

bool primary_button(const char* label, bool enabled, float width) {
    return button(label, enabled, ImVec2(width, 0), true, Role::button, false);
}
bool secondary_button(const char* label, bool enabled, float width) {
    return button(label, enabled, ImVec2(width, 0), false, Role::button, false);
}
bool tab_button(const char* label, bool current, const ImVec2& size) { return button(label, true, size, current, Role::tab, current); }

bool collapsing_header(const char* label) {
    const ImGuiID id = ImGui::GetID(label);
    if (semantics::take_activate(id)) ImGui::SetNextItemOpen(ImGui::GetStateStorage()->GetInt(id, 0) == 0);
    const bool open = ImGui::CollapsingHeader(label);
    SemanticNode n = semantics::last_item(Role::button, visible_label(label));
    n.expandable = true;
    n.expanded = open;
    semantics::add(n);
    follow_page_focus(id);
    return open;
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
struct TableState {
    bool row_open = false, cell_open = false;
};
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
        text_unformatted(names[i]);
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
    text_unformatted(label);
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
        text_unformatted(shown);
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
