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

}  // namespace iiifc
