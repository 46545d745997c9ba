#include "display_settings.h"

#include "app.h"
#include "runner.h"
#include "runner_state.h"
#include "theme.h"

#include <emscripten.h>

extern "C" {
void browser_display_settings(int* out);  // library_display.js: 9 ints
void browser_watch_display_settings();
}

namespace iiifc {

void apply_display_settings(App& app) {
    int v[9] = {};
    browser_display_settings(v);
    SystemColours system;
    unsigned* const fields[6] = {&system.canvas,      &system.canvas_text, &system.button_face,
                                 &system.button_text, &system.highlight,   &system.highlight_text};
    for (int i = 0; i < 6; ++i)
        if (v[3 + i] >= 0) *fields[i] = static_cast<unsigned>(v[3 + i]);
    app.set_display_settings(v[0] != 0, system, v[1] != 0, v[2] != 0);
}

void watch_display_settings() { browser_watch_display_settings(); }

}  // namespace iiifc

extern "C" EMSCRIPTEN_KEEPALIVE void portal_on_display_settings() {
    if (!iiifc::runner().app) return;
    iiifc::apply_display_settings(*iiifc::runner().app);
    runner_request_frames(3);
}
