#include "semantics.h"
#include "text_utf8.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace iiifc::semantics {

namespace {

const char* role_name(Role r) {
    static const char* const names[] = {"heading",    "text",   "status",       "button",    "tablist", "tab",        "checkbox",
                                        "radiogroup", "radio",  "combobox",     "option",    "slider",  "spinbutton", "textbox",
                                        "table",      "row",    "columnheader", "rowheader", "cell",    "list",       "listitem",
                                        "group",      "dialog", "image",        "fieldset"};
    return names[static_cast<int>(r)];
}

struct Tree {
    std::vector<SemanticNode> nodes;
    std::vector<int> parent;  // index of each node's container, -1 at the top
};

}  // namespace

struct Context::State {
    Tree building, last;    // the frame being drawn, and the last complete one
    std::vector<int> open;  // the containers being filled
    struct Action {
        unsigned id;
        SemanticAction kind;
        std::string value;
    };
    std::vector<Action> actions;
    unsigned dom_focus = 0, focus_request = 0, last_nav = 0;
    unsigned focus_to_apply = 0;  // a DOM control took focus: its widget moves ImGui's focus there once
    unsigned caret_id = 0;
    int caret_start = -1, caret_end = -1;
    bool keys_claimed = false, keys_claimed_last = false;
};

namespace {

Context::State* g_current = nullptr;
bool g_recording = true;
Context::State& state() { return *g_current; }

}  // namespace

Context::Context() : state(std::make_unique<State>()) {}
Context::~Context() {
    if (g_current == state.get()) g_current = nullptr;
}
void set_current(Context* context) { g_current = context ? context->state.get() : nullptr; }

namespace {

// The tree is written as JSON directly, not built as nlohmann values and dumped: that took half
// of a commit (the Tiers view's first, at a phone's size: about 14 of 30 ms in a profile on this
// machine, which Lighthouse's phone counts 4x).
void put_string(std::string& out, const std::string& raw) {
    const std::string replaced = is_valid_utf8(raw) ? std::string() : replace_invalid_utf8(raw);
    const std::string& s = replaced.empty() ? raw : replaced;
    out += '"';
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

void put_key(std::string& out, const char* key) {
    out += ",\"";
    out += key;
    out += "\":";
}

// Coordinates in whole CSS pixels; a position that is not a number (never expected) is 0.
void put_pixels(std::string& out, float v) { out += std::to_string(std::isfinite(v) ? std::llround(v) : 0LL); }

// The flat list as a tree: each container's first child and each node's next sibling (-1: none).
// A container's slot in first_child is its index + 1; slot 0 is the top level.
struct Nesting {
    std::vector<int> first_child, next_sibling;
};

void put_node(std::string& out, const Tree& t, const Nesting& nest, int i);

// The siblings from `first` on, as a JSON array.
void put_nodes(std::string& out, const Tree& t, const Nesting& nest, int first) {
    out += '[';
    for (int c = first; c >= 0; c = nest.next_sibling[static_cast<std::size_t>(c)]) {
        if (c != first) out += ',';
        put_node(out, t, nest, c);
    }
    out += ']';
}

void put_node(std::string& out, const Tree& t, const Nesting& nest, int i) {
    const SemanticNode& n = t.nodes[static_cast<std::size_t>(i)];
    out += "{\"id\":";
    out += std::to_string(n.id);
    put_key(out, "role");
    put_string(out, role_name(n.role));
    put_key(out, "name");
    put_string(out, n.name);
    put_key(out, "rect");
    out += '[';
    put_pixels(out, n.x);
    out += ',';
    put_pixels(out, n.y);
    out += ',';
    put_pixels(out, n.w);
    out += ',';
    put_pixels(out, n.h);
    out += ']';
    const auto flag = [&out](const char* key, bool on) {
        if (!on) return;
        put_key(out, key);
        out += "true";
    };
    const auto text = [&out](const char* key, const std::string& value) {
        if (value.empty()) return;
        put_key(out, key);
        put_string(out, value);
    };
    const auto number = [&out](const char* key, long long value) {
        put_key(out, key);
        out += std::to_string(value);
    };
    if (!n.value.empty() || n.role == Role::textbox) {
        put_key(out, "value");
        put_string(out, n.value);
    }
    if (n.level) number("level", n.level);
    flag("checked", n.checked);
    flag("selected", n.selected);
    if (n.expandable || n.expanded) {
        put_key(out, "expanded");
        out += n.expanded ? "true" : "false";
    }
    flag("disabled", n.disabled);
    flag("required", n.required);
    flag("invalid", !n.error.empty());
    text("error", n.error);
    flag("multiline", n.multiline);
    flag("readonly", n.readonly);
    flag("current", n.current);
    text("autocomplete", n.autocomplete);
    text("placeholder", n.placeholder);
    text("kind", n.kind);
    if (n.has_range) {
        number("min", n.min);
        number("max", n.max);
        number("step", n.step);
    }
    if (n.caret_start >= 0) {
        put_key(out, "caret");
        out += '[' + std::to_string(n.caret_start) + ',' + std::to_string(n.caret_end) + ']';
    }
    const int child = nest.first_child[static_cast<std::size_t>(i) + 1];
    if (child >= 0) {
        put_key(out, "children");
        put_nodes(out, t, nest, child);
    }
    out += '}';
}

}  // namespace

void begin_frame() {
    state().keys_claimed = false;
    state().building.nodes.clear();
    state().building.parent.clear();
    state().open.clear();
}

void claim_keys() { state().keys_claimed = true; }
bool keys_claimed() { return state().keys_claimed_last; }

void end_frame() {
    state().keys_claimed_last = state().keys_claimed;
    while (!state().open.empty()) close();
    std::swap(state().last, state().building);  // JSON is made only when the tree is published, not every frame
    state().actions.clear();                    // for a control no longer drawn (another view): nothing to act on

    // Focus the page should follow: ImGui's keyboard navigation moved (arrows on the canvas, a click).
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx && ctx->NavId != state().last_nav) {
        state().last_nav = ctx->NavId;
        if (ctx->NavId && ctx->NavId != state().dom_focus) state().focus_request = ctx->NavId;
    }
}

void set_recording(bool on) { g_recording = on; }

const std::vector<SemanticNode>& recorded_nodes() { return state().building.nodes; }
const std::vector<SemanticNode>& shown_nodes() { return state().last.nodes; }

const SemanticNode* recorded(unsigned id) {
    for (const SemanticNode& n : state().building.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

void for_each_text(void (*fn)(const std::string& text, bool heading)) {
    for (const SemanticNode& n : state().last.nodes) {
        const bool heading = n.role == Role::heading || n.role == Role::columnheader;
        for (const std::string* t : {&n.name, &n.value, &n.placeholder, &n.error})
            if (!t->empty()) fn(*t, heading);
    }
}

void add(const SemanticNode& node) {
    if (!g_recording) return;
    state().building.nodes.push_back(node);
    state().building.parent.push_back(state().open.empty() ? -1 : state().open.back());
}

void open(const SemanticNode& node) {
    if (!g_recording) return;
    add(node);
    state().open.push_back(static_cast<int>(state().building.nodes.size()) - 1);
}

void close() {
    if (!g_recording || state().open.empty()) return;
    const int index = state().open.back();
    state().open.pop_back();
    // A container's box is its children's, unless it was given one.
    SemanticNode& c = state().building.nodes[static_cast<std::size_t>(index)];
    if (c.w > 0 || c.h > 0) return;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (std::size_t i = static_cast<std::size_t>(index) + 1; i < state().building.nodes.size(); ++i) {
        if (state().building.parent[i] != index) continue;
        const SemanticNode& n = state().building.nodes[i];
        x0 = std::min(x0, n.x), y0 = std::min(y0, n.y), x1 = std::max(x1, n.x + n.w), y1 = std::max(y1, n.y + n.h);
    }
    if (x1 > x0) c.x = x0, c.y = y0, c.w = x1 - x0, c.h = y1 - y0;
}

SemanticNode last_item(Role role, const std::string& name) {
    SemanticNode n;
    if (!g_recording) return n;
    n.id = ImGui::GetItemID();
    n.role = role;
    n.name = name;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    n.x = a.x, n.y = a.y, n.w = b.x - a.x, n.h = b.y - a.y;
    return n;
}

unsigned text_id(const std::string& text) {
    // The text and its place in the tree: the same words twice (two "Yes" cells) get two ids.
    const unsigned place = static_cast<unsigned>(state().building.nodes.size()) * 2654435761u;
    return ImHashStr(text.c_str(), text.size(), place);
}

std::string json() {
    // Nest the flat list: children follow their container, in reading order.
    const Tree& t = state().last;
    Nesting nest{std::vector<int>(t.nodes.size() + 1, -1), std::vector<int>(t.nodes.size(), -1)};
    std::vector<int> last_child(t.nodes.size() + 1, -1);  // same slots as first_child
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        const std::size_t slot = static_cast<std::size_t>(t.parent[i] + 1);
        const int last = last_child[slot];
        if (last >= 0) {
            nest.next_sibling[static_cast<std::size_t>(last)] = static_cast<int>(i);
        } else {
            nest.first_child[slot] = static_cast<int>(i);
        }
        last_child[slot] = static_cast<int>(i);
    }
    std::string out;
    out.reserve(t.nodes.size() * 96);
    put_nodes(out, t, nest, nest.first_child[0]);
    return out;
}

void queue(unsigned id, SemanticAction action, const std::string& value) {
    if (action == SemanticAction::focus) {
        state().dom_focus = id;
        state().focus_to_apply = id;
        state().last_nav = id;  // ImGui follows the page here: nothing to send back
        return;
    }
    if (action == SemanticAction::blur && state().dom_focus == id) state().dom_focus = 0;  // and the field shows its message
    if (action == SemanticAction::set_value) {                                             // only the newest value of a control matters
        state().actions.erase(std::remove_if(state().actions.begin(), state().actions.end(),
                                             [&](const Context::State::Action& a) { return a.id == id && a.kind == action; }),
                              state().actions.end());
    }
    state().actions.push_back({id, action, value});
}

void set_caret(unsigned id, int start, int end) {
    state().caret_id = id;
    state().caret_start = start;
    state().caret_end = end;
}

void caret_of(unsigned id, int& start, int& end) {
    start = id == state().caret_id ? state().caret_start : -1;
    end = id == state().caret_id ? state().caret_end : -1;
}

static bool take(unsigned id, SemanticAction kind, std::string* value) {
    for (auto it = state().actions.begin(); it != state().actions.end(); ++it) {
        if (it->id != id || it->kind != kind) continue;
        if (value) *value = it->value;
        state().actions.erase(it);
        return true;
    }
    return false;
}

bool take_activate(unsigned id) { return take(id, SemanticAction::activate, nullptr); }
bool take_blurred(unsigned id) { return take(id, SemanticAction::blur, nullptr); }
bool take_value(unsigned id, std::string& value) { return take(id, SemanticAction::set_value, &value); }

bool take_focus(unsigned id) {
    if (id == 0 || state().focus_to_apply != id) return false;
    state().focus_to_apply = 0;
    return true;
}

unsigned dom_focus() { return state().dom_focus; }

unsigned take_focus_request() {
    const unsigned id = state().focus_request;
    state().focus_request = 0;
    return id;
}

void request_focus(unsigned id) { state().focus_request = id; }

}  // namespace iiifc::semantics
