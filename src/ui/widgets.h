// The widgets the views draw with, in the theme's colours. Each draws with Dear ImGui and, in the
// same call, records what it is for assistive technology (semantics.h): role, name, value, state
// and rectangle; an action the page sends for it is taken here too. Views use these, never a bare
// ImGui widget, so the canvas and the DOM cannot say different things.
#pragma once

#include "membership.h"
#include "semantics.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace iiifc {

// Text.
void text(const std::string& s);  // a paragraph, wrapped at the window's edge
void text_muted(const std::string& s);
void text_colored(const ImVec4& colour, const std::string& s);
void status_text(const ImVec4& colour, const std::string& s);     // a message about the state (role status)
void heading(const std::string& s, ImFont* font, int level = 3);  // a section heading with space above
void bullet_list(const std::vector<std::string>& items);
void grant_badge(Grant g);                     // "Yes" / "No" / "With a condition", coloured
std::string visible_label(const char* label);  // "Choose##full" -> "Choose"

// Buttons and tabs.
bool primary_button(const char* label, bool enabled = true, float width = 0);
bool secondary_button(const char* label, bool enabled = true, float width = 0);
bool tab_button(const char* label, bool current, const ImVec2& size);  // a navigation tab
bool collapsing_header(const char* label);                             // a button that shows or hides what follows

// Inline content, as on a page: the next item beside the last one if it fits the row (its width
// from button_width or radio_width), else on a line of its own, so that nothing is cut off at
// 320 CSS px (a phone, or a desktop at 400 % zoom).
void same_line_if_fits(float next_width);
float button_width(const char* label);
float radio_width(const char* label);

// Controls. set_next_field() gives the next one its name (when the label is drawn apart, as in
// form rows) and its state; like ImGui's SetNextItemWidth, it applies once.
struct FieldInfo {
    std::string name;  // accessible name; "" = the visible label
    bool required = false;
    std::string error;                            // shown under the field; makes it invalid
    std::string autocomplete, placeholder, kind;  // text fields: browser hints
};
void set_next_field(const FieldInfo& info);
bool checkbox(const char* label, bool* value);
bool radio_button(const char* label, bool active);
bool slider_int(const char* label, int* value, int min, int max);
bool spin_int(const char* label, int* value, int min, int max);  // a number with - and + steps
bool text_field(const char* label, std::string* value, const char* hint = "", ImGuiInputTextFlags flags = 0);
bool text_area(const char* label, std::string* value, const ImVec2& size);
void read_only_text(const char* label, const std::string& value, const ImVec2& size);
bool last_field_left();  // the field just drawn lost focus (show its message)
bool tier_combo(const char* label, const MembershipData& data, std::string& tier_id);
bool organisation_type_combo(const char* label, const MembershipData& data, std::string& type_id);
bool country_combo(const char* label, const MembershipData& data, std::string& country_code);  // by name; typing filters
// A checkbox for each add-on of the schedule ("Allmaps (US$2,000 a year)") in a group named `name`;
// `chosen` holds the ids ticked, in the schedule's order.
bool add_on_checkboxes(const char* label, const std::string& name, const MembershipData& data, std::vector<std::string>& chosen);

// Groups: a tab list, a radio group, a dialog; containers of what is drawn until end_group().
void begin_group(Role role, const std::string& name);
void end_group();
void image(const std::string& description);  // the item just drawn (chart, QR code) is a picture

// Tables with a caption, a header row and a row header per row.
bool begin_table(const char* id, const std::string& caption, int columns, ImGuiTableFlags flags);
void table_header_row(const std::vector<std::string>& names, ImFont* font = nullptr);
void table_next_row();
void table_cell(int column);  // column 0 is the row's header
void end_table();

// A form row as on a web form: the label before its control, to its left on wide screens and
// above it on phones. Draw the control right after with a "##" label, then end_form_row() with the
// control's id, which gives the control the visible label for tests and puts its messages under it.
void begin_form_row(const std::string& label, bool narrow);
float form_control_width();  // what is left of the row, at most 28 em
void end_form_row(const std::string& label, unsigned int control_id, const std::vector<std::string>& messages);

float input_width_for(const char* label);  // a field width that suits the window, with room for the label at its right

}  // namespace iiifc
