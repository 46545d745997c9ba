// Small widgets shared by the views, in the theme's colours.
#pragma once

#include "membership.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace iiifc {

void text(const std::string& s);                          // wraps at the window's edge
void text_muted(const std::string& s);
void text_colored(const ImVec4& colour, const std::string& s);
void heading(const std::string& s, ImFont* font);         // a section heading with space above
void bullet_list(const std::vector<std::string>& items);
void grant_badge(Grant g);                                // "Yes" / "No" / "With a condition", coloured
bool primary_button(const char* label, bool enabled = true, float width = 0);
bool secondary_button(const char* label, bool enabled = true, float width = 0);
float input_width_for(const char* label);                 // a field width that suits the window, with room for the label at its right

// Combos over the data's tiers and organisation types; the value is the chosen id.
bool tier_combo(const char* label, const MembershipData& data, std::string& tier_id);
bool organisation_type_combo(const char* label, const MembershipData& data, std::string& type_id);

// A form row as on a web form: the label before its control, to its left on wide screens and
// above it on phones. Draw the control right after with a "##" label, then end_form_row() with the
// control's id, which gives the control the visible label for tests and puts its messages under it.
void begin_form_row(const std::string& label, bool narrow);
float form_control_width();                               // what is left of the row, at most 28 em
void end_form_row(const std::string& label, unsigned int control_id, const std::vector<std::string>& messages);

}  // namespace iiifc
