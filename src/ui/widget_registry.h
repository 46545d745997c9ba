// Where each labelled widget was drawn in the last frame, collected through Dear ImGui's test
// engine hooks (IMGUI_ENABLE_TEST_ENGINE). Headless tests and the browser tests' query use it to
// find a widget by its label; the events they send are still ordinary input.
#pragma once

#include <string>
#include <vector>

namespace iiifc {

struct WidgetRect {
    std::string label;                 // the full label, "Choose##associate"
    float x = 0, y = 0, w = 0, h = 0;  // in ImGui display coordinates (CSS pixels in the browser)
    bool visible = false;              // at least partly inside its window's clip rectangle
    unsigned int id = 0;               // ImGui's id
};

void widget_registry_begin_frame();                                // call before ImGui::NewFrame
const WidgetRect* widget_registry_find(const std::string& label);  // last frame; nullptr if not drawn
std::string widget_registry_focused_label();                       // the keyboard-focused widget's label, last frame; "" if none
// For widgets ImGui 1.86 does not label through the hooks (combos), and for form fields whose label
// is drawn beside them: call right after the widget with the id it was given.
void widget_registry_note(const char* label, unsigned int id);

}  // namespace iiifc
