// The functions the page calls (web/app.js, library_browser.js, library_semantics.js) once the app
// runs: navigation, a new canvas, text, clipboard and file results, timers, page visibility, other tabs' saves,
// newer data, actions on the DOM controls, input, updates, colour scheme.
#include "data_loader.h"
#include "imgui_impl_html5.h"
#include "runner.h"
#include "runner_state.h"
#include "semantics.h"

#include <emscripten.h>

#include <utility>

using namespace iiifc;

namespace {
// The app, once its first frame is sent: before that it has not restored the saved draft (saving
// now would overwrite it) and the start reads the link itself.
iiifc::App* app() { return runner().started ? runner().app.get() : nullptr; }
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void portal_on_fragment(const char* fragment) {  // back / forward
    if (!app()) return;
    app()->open_fragment(fragment);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_canvas_replaced() { ImGui_ImplHtml5_WatchCanvas(); }

EMSCRIPTEN_KEEPALIVE void portal_on_text(const char* text) {  // paste, soft keyboard
    ImGui_ImplHtml5_AddText(text);
}

EMSCRIPTEN_KEEPALIVE void portal_on_clipboard(int ok) {
    if (app()) app()->on_clipboard_result(ok != 0);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_file(const char* name, const char* content) {
    if (app()) app()->on_file_loaded(name, content);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_timeout() { runner_request_frames(2); }

EMSCRIPTEN_KEEPALIVE void portal_on_hide() {  // the page is hidden or unloading: save now, not at the next burst's end
    if (app()) app()->commit();
}

EMSCRIPTEN_KEEPALIVE void portal_on_draft_elsewhere(const char* stored) {  // another tab saved its draft
    if (runner().app) runner().app->on_draft_saved_elsewhere(stored ? stored : "");
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_data_updated(const char* data_json) {  // fees published after the start
    if (!runner().app) return;
    LoadResult loaded = try_load_membership(data_json ? data_json : "", "membership.json");
    if (!loaded.data) return;  // the data the app runs with stays; the next start reports the error
    runner().app->on_data_updated(std::move(*loaded.data));
    runner_request_frames(3);
}

// A person acted on a DOM control over the canvas (library_semantics.js): activate, set a value,
// focus or blur. The widget with that id takes it in the next frame.
EMSCRIPTEN_KEEPALIVE void portal_semantic_action(unsigned id, int action, const char* value) {
    if (!runner().app || !protocol::is_semantic_action(action)) return;
    runner().app->on_semantic_action(id, static_cast<SemanticAction>(action), value ? value : "");
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_semantic_caret(unsigned id, int start, int end) {  // so the canvas draws the caret there
    if (runner().app) runner().app->on_semantic_caret(id, start, end);
    runner_request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void portal_on_input() {  // any user input, for the kiosk idle timer
    if (app()) app()->note_user_input();
}

EMSCRIPTEN_KEEPALIVE void portal_on_update_available() {
    if (app()) app()->on_update_available();
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_color_scheme(int dark) {
    if (app()) app()->set_dark(dark != 0);
    runner_request_frames(3);
}

}  // extern "C"
