// Semantics: what each widget is, for assistive technology, voice control and autofill. The
// widgets (widgets.h) record a node in the same call that draws them: role, name (the visible
// label), value, state and rectangle. The app publishes the frame's tree as JSON; the page keeps
// real DOM controls over the canvas from it (src/platform/web/library_semantics.js), and what a
// person does to them comes back as actions that the same widget takes in the next frame.
#pragma once

#include "page_protocol.h"

#include <memory>
#include <string>
#include <vector>

namespace iiifc {

enum class Role {
    heading,
    text,
    status,
    button,
    tablist,
    tab,
    checkbox,
    radiogroup,
    radio,
    combobox,
    option,
    slider,
    spinbutton,
    textbox,
    table,
    row,
    columnheader,
    rowheader,
    cell,
    list,
    listitem,
    group,
    dialog,
    image,
    fieldset  // a labelled group of controls (the add-ons' checkboxes): a real <fieldset>
};

struct SemanticNode {
    unsigned id = 0;  // stable across frames: ImGui's id for controls
    Role role = Role::text;
    std::string name, value;
    int level = 0;                     // headings
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels (ImGui display coordinates)
    bool checked = false, selected = false, expanded = false, disabled = false, required = false;
    bool multiline = false, readonly = false, current = false;
    bool expandable = false;  // says expanded true or false (a collapsible header, a combo)
    std::string error;        // a field's message: the field is invalid while it is set
    std::string autocomplete, placeholder, kind;
    bool has_range = false;
    int min = 0, max = 0, step = 1;
    int caret_start = -1, caret_end = -1;  // text fields the page edits: UTF-16 units
};

using protocol::SemanticAction;  // what the page asks of a widget: page_protocol.h

namespace semantics {

// The trees and the pending actions of one app (tests run two apps side by side, as two tabs).
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    struct State;
    std::unique_ptr<State> state;
};
void set_current(Context* context);  // the app whose frame, action or tree is at hand

void begin_frame();                   // before the app's frame
void end_frame();                     // after it: the tree becomes the published one
void add(const SemanticNode& node);   // into the open container
void open(const SemanticNode& node);  // add and make it the container
void close();                         // back to the parent; its box grows to its children
// A node for the item ImGui just drew (id, rectangle), of `role`, named `name`.
SemanticNode last_item(Role role, const std::string& name);
unsigned text_id(const std::string& text);  // a stable id for text that has none in ImGui
std::string json();                         // the last complete frame's tree
// Calls fn with each text of the last complete frame's tree (names, values, placeholders,
// messages): all the text the canvas drew (extra_glyphs.h); `heading`: a heading's or a column
// header's, drawn in a semibold font.
void for_each_text(void (*fn)(const std::string& text, bool heading));
const SemanticNode* recorded(unsigned id);          // the node of that id recorded so far in this frame; null: none
const std::vector<SemanticNode>& recorded_nodes();  // ... all of them, in reading order
const std::vector<SemanticNode>& shown_nodes();     // the last complete frame's, in reading order
// The benchmark's switch (test build): with recording off the widgets record nothing, so the
// cost of semantics per frame is the difference. On in the app.
void set_recording(bool on);

// Actions from the page, taken by the widget with that id in the next frame.
void queue(unsigned id, SemanticAction action, const std::string& value);
void set_caret(unsigned id, int start, int end);
bool take_activate(unsigned id);                   // once per action
bool take_value(unsigned id, std::string& value);  // the newest value, once
bool take_blurred(unsigned id);                    // the page's control lost focus, once
bool take_focus(unsigned id);                      // the page focused this control: move ImGui's focus, once
// Focus: the DOM control that has focus (0: none), its caret, and the control ImGui moved focus to
// that the page should focus too (0: none).
unsigned dom_focus();
void caret_of(unsigned id, int& start, int& end);
unsigned take_focus_request();
void request_focus(unsigned id);
// A text input only the canvas has (the country list's filter) holds ImGui's keyboard this frame:
// the page then gives the app every key, whatever DOM control has focus (keys_claimed: the last
// complete frame's).
void claim_keys();
bool keys_claimed();

}  // namespace semantics

}  // namespace iiifc
