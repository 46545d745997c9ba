// Shared by the widget files: the next control's field info, a control's semantic node, and
// following the page's focus. Not for views.
#pragma once

#include "semantics.h"
#include "widgets.h"

namespace iiifc::widget_detail {

FieldInfo take_next_field();                                                  // set_next_field()'s info, once
SemanticNode control_node(Role role, const char* label, const FieldInfo& f);  // the control just drawn
void follow_page_focus(unsigned id);                                          // the page focused it: ImGui follows
extern bool last_field_left;

}  // namespace iiifc::widget_detail
