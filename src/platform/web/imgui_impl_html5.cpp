// [SECTION] State and the input queue
// [SECTION] Event callbacks (html5.h)
// [SECTION] Init, NewFrame, EndFrame, Shutdown
#include "imgui_impl_html5.h"

#include "browser_bridge.h"
#include "runner.h"
#include "semantics_bridge.h"

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>

//-----------------------------------------------------------------------------
// [SECTION] State and the input queue
//-----------------------------------------------------------------------------

namespace {

enum class EventKind { MousePos, MouseButton, Wheel, Key, Text, Focus };

struct InputEvent {
    EventKind kind = EventKind::MousePos;
    float x = 0, y = 0;  // MousePos: CSS pixels in the canvas; Wheel: units
    int button = 0;      // MouseButton: 0 left, 1 right, 2 middle; Key: DOM keyCode
    bool down = false;   // MouseButton, Key, Focus
    bool ctrl = false, shift = false, alt = false, super = false;
    std::string text;  // Text
};

struct Html5Data {
    std::string canvas;
    std::function<void()> wake;
    std::deque<InputEvent> queue;
    float css_w = 0, css_h = 0, ratio = 1;
    bool ratio_changed = false;
    bool keys_to_app = false;  // ImGui_ImplHtml5_SetKeysToApp
    bool buttons[3] = {false, false, false};
    // Touch: one finger is the mouse; a drag beyond a threshold scrolls instead of clicking.
    long touch_id = -1;
    float touch_start_x = 0, touch_start_y = 0, touch_last_y = 0;
    bool touch_scrolling = false;
    bool touch_pressed = false;
    bool touch_long = false;     // held still: a long press, which selected the word under it
    bool keys_pushed[512] = {};  // keys whose press went to ImGui: their release goes there too
    int last_cursor = -2;
};

Html5Data* g_bd = nullptr;

InputEvent make_event(EventKind kind) {
    InputEvent e;
    e.kind = kind;
    return e;
}

void push(const InputEvent& e) {
    g_bd->queue.push_back(e);
    if (g_bd->wake) g_bd->wake();
}

void push_mouse_pos(float x, float y) {
    InputEvent e = make_event(EventKind::MousePos);
    e.x = x;
    e.y = y;
    push(e);
}

void push_button(int button, bool down) {
    InputEvent e = make_event(EventKind::MouseButton);
    e.button = button;
    e.down = down;
    push(e);
}

// ImGui's key map is indexed by DOM keyCode; these are the keys ImGui asks about.
void setup_keymap(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = 9;
    io.KeyMap[ImGuiKey_LeftArrow] = 37;
    io.KeyMap[ImGuiKey_RightArrow] = 39;
    io.KeyMap[ImGuiKey_UpArrow] = 38;
    io.KeyMap[ImGuiKey_DownArrow] = 40;
    io.KeyMap[ImGuiKey_PageUp] = 33;
    io.KeyMap[ImGuiKey_PageDown] = 34;
    io.KeyMap[ImGuiKey_Home] = 36;
    io.KeyMap[ImGuiKey_End] = 35;
    io.KeyMap[ImGuiKey_Insert] = 45;
    io.KeyMap[ImGuiKey_Delete] = 46;
    io.KeyMap[ImGuiKey_Backspace] = 8;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_Enter] = 13;
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
    io.KeyMap[ImGuiKey_A] = 65;
    io.KeyMap[ImGuiKey_C] = 67;
    io.KeyMap[ImGuiKey_V] = 86;
    io.KeyMap[ImGuiKey_X] = 88;
    io.KeyMap[ImGuiKey_Y] = 89;
    io.KeyMap[ImGuiKey_Z] = 90;
}

// One UTF-8 character (what a DOM KeyboardEvent.key is for a printable key)?
bool is_single_character(const char* key) {
    const std::size_t n = std::strlen(key);
    if (n == 0 || n > 4) return false;
    const unsigned char c = static_cast<unsigned char>(key[0]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    return len == n && c >= 0x20;
}

//-----------------------------------------------------------------------------
// [SECTION] Event callbacks (html5.h)
//-----------------------------------------------------------------------------

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    const float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
    const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
    if (type == EMSCRIPTEN_EVENT_MOUSEMOVE) {
        push_mouse_pos(x, y);
        return EM_FALSE;
    }
    if (button < 0) return EM_FALSE;
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
        push_mouse_pos(x, y);
        push_button(button, true);
        browser_focus_canvas();
        return EM_TRUE;  // no text selection, no focus change away from the app
    }
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) {
        push_mouse_pos(x, y);
        push_button(button, false);
        return EM_TRUE;
    }
    return EM_FALSE;
}

EM_BOOL on_leave(int, const EmscriptenMouseEvent*, void*) {
    push_mouse_pos(-FLT_MAX, -FLT_MAX);  // nothing hovered once the pointer leaves
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // DOM deltas are pixels (mode 0), lines (1) or pages (2); ImGui wants "notches" of about 100 px.
    const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
    InputEvent ev = make_event(EventKind::Wheel);
    ev.x = static_cast<float>(-e->deltaX * scale);
    ev.y = static_cast<float>(-e->deltaY * scale);
    push(ev);
    return EM_TRUE;
}

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, long id) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == id && e->touches[i].isChanged) return &e->touches[i];
    return nullptr;
}

// A finger held still for half a second on text selects the word under it, as a long press does
// on a page (runner_long_press); its lift then taps nothing. Elsewhere (a button) it is a tap.
constexpr double kLongPressMs = 500;
void on_long_press(void* touch) {
    Html5Data& bd = *g_bd;
    if (bd.touch_id != reinterpret_cast<intptr_t>(touch) || bd.touch_scrolling || bd.touch_pressed) return;
    bd.touch_long = runner_long_press(bd.touch_start_x, bd.touch_start_y);
}

// One finger is the mouse. Whether it presses or scrolls is decided by its first movement (touch
// slop): a tap presses and releases; a mostly vertical drag scrolls and presses nothing; a mostly
// horizontal drag presses where it started and drags (sliders).
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    Html5Data& bd = *g_bd;
    constexpr float kSlop = 10.0f;  // CSS pixels a finger may wander and still tap
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        if (bd.touch_id >= 0 || e->numTouches < 1) return EM_TRUE;
        const EmscriptenTouchPoint* t = nullptr;
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) t = &e->touches[i];
        if (!t) return EM_TRUE;
        bd.touch_id = t->identifier;
        bd.touch_start_x = static_cast<float>(t->targetX);
        bd.touch_start_y = bd.touch_last_y = static_cast<float>(t->targetY);
        bd.touch_scrolling = false;
        bd.touch_pressed = false;
        bd.touch_long = false;
        emscripten_set_timeout(on_long_press, kLongPressMs, reinterpret_cast<void*>(static_cast<intptr_t>(bd.touch_id)));
        push_mouse_pos(bd.touch_start_x, bd.touch_start_y);  // hover first; the press waits for the finger's intent
        browser_focus_canvas();                              // as a mouse press does: the app's focus may then move to a DOM control
        return EM_TRUE;                                      // no emulated mouse events, no page scroll
    }
    const EmscriptenTouchPoint* t = find_touch(e, bd.touch_id);
    if (!t) return EM_TRUE;
    const float x = static_cast<float>(t->targetX), y = static_cast<float>(t->targetY);
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        const float dx = std::fabs(x - bd.touch_start_x), dy = std::fabs(y - bd.touch_start_y);
        if (!bd.touch_scrolling && !bd.touch_pressed && !bd.touch_long && (dx > kSlop || dy > kSlop)) {
            if (dy > dx) {
                bd.touch_scrolling = true;
            } else {
                push_mouse_pos(bd.touch_start_x, bd.touch_start_y);
                push_button(0, true);
                bd.touch_pressed = true;
            }
        }
        if (bd.touch_scrolling) {
            InputEvent ev = make_event(EventKind::Wheel);
            const float font = ImGui::GetCurrentContext() && ImGui::GetFontSize() > 0 ? ImGui::GetFontSize() : 16.0f;
            ev.y = (y - bd.touch_last_y) / (5.0f * font);  // ImGui scrolls 5 lines of text per wheel notch
            push(ev);
        } else if (bd.touch_pressed) {
            push_mouse_pos(x, y);
        }
        bd.touch_last_y = y;
        return EM_TRUE;
    }
    // touchend / touchcancel
    if (!bd.touch_scrolling && !bd.touch_long) {
        if (!bd.touch_pressed && type == EMSCRIPTEN_EVENT_TOUCHEND) {  // a tap
            push_mouse_pos(bd.touch_start_x, bd.touch_start_y);
            push_button(0, true);
        }
        if (bd.touch_pressed || type == EMSCRIPTEN_EVENT_TOUCHEND) {
            push_mouse_pos(x, y);
            push_button(0, false);
        }
    }
    push_mouse_pos(-FLT_MAX, -FLT_MAX);  // a finger does not hover after it lifts
    bd.touch_id = -1;
    bd.touch_scrolling = false;
    bd.touch_pressed = false;
    bd.touch_long = false;
    browser_run_frame_now();  // inside the gesture: a tapped text field may open the soft keyboard
    return EM_TRUE;
}

// Whether a key is ImGui's when the page's focus is on a real control of the semantics tree:
// that control handles its keys (typing, Space, Enter, Tab: the browser's), except the arrows and
// Home/End/PageUp/PageDown on a control that does not use them, which move ImGui's navigation
// (the DOM focus follows it), and Escape (leave a field, close a popup).
bool key_for_imgui_from_dom(int code, int target) {
    if (code == 27) return true;
    const bool navigation = code >= 33 && code <= 40;  // PageUp, PageDown, End, Home, arrows
    return navigation && target == 1;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    Html5Data& bd = *g_bd;
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool command = e->ctrlKey || e->metaKey;
    const int code = static_cast<int>(e->keyCode);
    const bool known = code > 0 && code < 512;
    // A release goes where its press went, even if the focus moved in between.
    const bool release_of_pushed = !down && known && bd.keys_pushed[code];
    if (!release_of_pushed) {
        const int target = browser_semantics_key_target();
        if (target != 0 && !bd.keys_to_app && !(known && key_for_imgui_from_dom(code, target))) return EM_FALSE;
    }
    if (code == 9) return EM_FALSE;  // Tab is the browser's: DOM order is reading order
    // Paste is left to the browser, which fires a 'paste' event with the text (see browser_bridge).
    if (command && code == 86) return EM_FALSE;
    if (down && !command && is_single_character(e->key)) {
        InputEvent t = make_event(EventKind::Text);
        t.text = e->key;
        push(t);
        if (code == 32) {  // Space also activates the focused widget
            InputEvent k = make_event(EventKind::Key);
            k.button = 32;
            k.down = true;
            push(k);
            bd.keys_pushed[32] = true;
        }
        return EM_TRUE;
    }
    if (code == 229 || !known) return EM_FALSE;  // composing (soft keyboards): the DOM input event brings the text
    InputEvent k = make_event(EventKind::Key);
    k.button = code;
    k.down = down;
    k.ctrl = e->ctrlKey;
    k.shift = e->shiftKey;
    k.alt = e->altKey;
    k.super = e->metaKey;
    push(k);
    bd.keys_pushed[code] = down;
    // Keep arrows, Backspace, Space, Enter and Escape for the app; let the browser have the rest
    // (F5, Ctrl+R, zoom ...), Ctrl+X/A go to ImGui too. Ctrl+C goes to both: the browser copies
    // the page's selection, which is the text selected on the canvas (text_selection.h).
    switch (code) {
        case 8:
        case 13:
        case 27:
        case 32:
        case 33:
        case 34:
        case 35:
        case 36:
        case 37:
        case 38:
        case 39:
        case 40:
        case 46: return EM_TRUE;
        default: return command && (code == 65 || code == 88 || code == 89 || code == 90);
    }
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent* event, void*) {
    // Only the window losing focus (another tab, another program). The listener captures every
    // element's blur too: the canvas taking focus from a DOM control at a mouse press must not
    // release that press.
    if (std::strcmp(event->nodeName, "#window") != 0) return EM_FALSE;
    for (bool& k : g_bd->keys_pushed) k = false;
    InputEvent e = make_event(EventKind::Focus);
    e.down = false;
    push(e);
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    if (g_bd->wake) g_bd->wake();
    return EM_FALSE;
}

void measure_canvas() {
    Html5Data& bd = *g_bd;
    double w = 0, h = 0;
    emscripten_get_element_css_size(bd.canvas.c_str(), &w, &h);
    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (ratio != bd.ratio) {
        bd.ratio = ratio;
        bd.ratio_changed = true;
    }
    bd.css_w = static_cast<float>(w);
    bd.css_h = static_cast<float>(h);
    // The drawing buffer (one pixel per device pixel: sharp at any ratio and zoom) is sized by the
    // drawer (web/draw.js) from each frame: the canvas may be a worker's.
}

void apply_event(const InputEvent& e, ImGuiIO& io) {
    switch (e.kind) {
        case EventKind::MousePos: io.MousePos = ImVec2(e.x, e.y); break;
        case EventKind::MouseButton:
            io.MouseDown[e.button] = e.down;
            g_bd->buttons[e.button] = e.down;
            break;
        case EventKind::Wheel:
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
            break;
        case EventKind::Key:
            if (e.button == 27 && e.down && io.WantTextInput) {
                // ImGui reverts a text field on Escape; here Escape only leaves it, keeping what was
                // typed (the field's text is already stored, keystroke by keystroke).
                ImGui::ClearActiveID();
                break;
            }
            io.KeysDown[e.button] = e.down;
            // ImGui 1.86 activates buttons with Space only; Enter does the same outside text fields.
            if (e.button == 13) io.KeysDown[32] = e.down && !io.WantTextInput;
            io.KeyCtrl = e.ctrl;
            io.KeyShift = e.shift;
            io.KeyAlt = e.alt;
            io.KeySuper = e.super;
            break;
        case EventKind::Text: io.AddInputCharactersUTF8(e.text.c_str()); break;
        case EventKind::Focus:
            // Losing focus: release everything, or a key held while tabbing away stays "down".
            for (bool& k : io.KeysDown) k = false;
            for (bool& b : io.MouseDown) b = false;
            io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
            break;
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Init, NewFrame, EndFrame, Shutdown
//-----------------------------------------------------------------------------

void ImGui_ImplHtml5_ConfigureIO(ImGuiIO& io) {
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle app drawing
    io.IniFilename = nullptr;
}

bool ImGui_ImplHtml5_Init(const char* canvas_selector, std::function<void()> wake) {
    ImGuiIO& io = ImGui::GetIO();
    IM_ASSERT(io.BackendPlatformUserData == nullptr && "Already initialised");
    g_bd = IM_NEW(Html5Data)();
    g_bd->canvas = canvas_selector;
    g_bd->wake = std::move(wake);
    io.BackendPlatformUserData = g_bd;
    io.BackendPlatformName = "imgui_impl_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    ImGui_ImplHtml5_ConfigureIO(io);
    setup_keymap(io);
    io.SetClipboardTextFn = [](void*, const char* text) { browser_copy_text(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };  // pasting arrives as text events

    ImGui_ImplHtml5_WatchCanvas();
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_blur);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_resize);
    measure_canvas();
    g_bd->ratio_changed = false;
    return true;
}

void ImGui_ImplHtml5_WatchCanvas() {
    if (!g_bd) return;  // not initialised yet: Init watches it
    const char* c = g_bd->canvas.c_str();
    emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback(c, nullptr, EM_TRUE, on_leave);
    emscripten_set_wheel_callback(c, nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, on_touch);
}

void ImGui_ImplHtml5_Shutdown() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformUserData = nullptr;
    io.BackendPlatformName = nullptr;
    IM_DELETE(g_bd);
    g_bd = nullptr;
}

bool ImGui_ImplHtml5_NewFrame(double now_seconds) {
    Html5Data& bd = *g_bd;
    ImGuiIO& io = ImGui::GetIO();
    measure_canvas();
    io.DisplaySize = ImVec2(bd.css_w, bd.css_h);
    io.DisplayFramebufferScale = ImVec2(bd.ratio, bd.ratio);
    static double last = 0;
    io.DeltaTime = last > 0 && now_seconds > last ? static_cast<float>(now_seconds - last) : 1.0f / 60.0f;
    if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;  // after idle: no giant time steps
    last = now_seconds;

    // Apply events until a button or key would change twice: ImGui 1.86 must see each state for a frame.
    bool buttons_changed[3] = {false, false, false};
    bool keys_changed[512] = {};
    bool position_changed = false;
    while (!bd.queue.empty()) {
        const InputEvent& e = bd.queue.front();
        if (e.kind == EventKind::MouseButton) {
            if (buttons_changed[e.button] || position_changed) break;  // a press waits a frame after its move
            buttons_changed[e.button] = true;
        } else if (e.kind == EventKind::Key) {
            if (keys_changed[e.button]) break;
            keys_changed[e.button] = true;
        } else if (e.kind == EventKind::MousePos) {
            bool any_button = buttons_changed[0] || buttons_changed[1] || buttons_changed[2];
            if (any_button) break;  // a release lands where it was pressed
            position_changed = io.MousePos.x != e.x || io.MousePos.y != e.y;
        }
        apply_event(e, io);
        bd.queue.pop_front();
    }
    return !bd.queue.empty();
}

void ImGui_ImplHtml5_EndFrame() {
    Html5Data& bd = *g_bd;
    ImGuiIO& io = ImGui::GetIO();
    const int cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != bd.last_cursor) {
        static const char* names[] = {"default",     "text",        "move",    "ns-resize",  "ew-resize",
                                      "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
        browser_set_cursor(cursor >= 0 && cursor < static_cast<int>(IM_ARRAYSIZE(names)) ? names[cursor] : "none");
        bd.last_cursor = cursor;
    }
}

void ImGui_ImplHtml5_SetKeysToApp(bool on) {
    if (g_bd) g_bd->keys_to_app = on;
}

float ImGui_ImplHtml5_PixelRatio() { return g_bd ? g_bd->ratio : 1.0f; }

bool ImGui_ImplHtml5_PixelRatioChanged() {
    const bool changed = g_bd && g_bd->ratio_changed;
    if (g_bd) g_bd->ratio_changed = false;
    return changed;
}

void ImGui_ImplHtml5_AddText(const char* utf8) {
    if (!g_bd || !utf8 || !*utf8) return;
    InputEvent e = make_event(EventKind::Text);
    e.text = utf8;
    push(e);
}

bool ImGui_ImplHtml5_PointerHeld() { return g_bd && (g_bd->buttons[0] || g_bd->buttons[1] || g_bd->buttons[2]); }
