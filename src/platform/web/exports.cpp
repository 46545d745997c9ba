// The functions the page calls (web/app.js, library_browser.js) once the app runs: navigation,
// text, clipboard and file results, timers, page visibility, input, updates, colour scheme.
#include "imgui_impl_html5.h"
#include "runner.h"
#include "runner_state.h"

#include <emscripten.h>

using iiifc::runner;

namespace {
// The app, once its first frame is drawn: before that it has not restored the saved draft (saving
// now would overwrite it) and the start reads the link itself.
iiifc::App* app() { return runner().started ? runner().app.get() : nullptr; }
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void portal_on_fragment(const char* fragment) {  // back / forward
    if (!app()) return;
    app()->open_fragment(fragment);
    runner_request_frames(3);
}

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
