// Start-up: the page's loader (web/app.js) fetches the data and the .wasm, then calls
// portal_start() with the data's text. The start runs as separate tasks, the browser free to
// handle input and paint between them (on a slow phone one task for all of it blocks the page
// for half a second): the data is parsed; the GL context taken, ImGui and the app made; the font
// atlas built; then the saved draft and the page's link applied and the first frame drawn, in the
// task that shows the canvas.
#include "browser_bridge.h"
#include "data_loader.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "runner.h"
#include "runner_state.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace iiifc;

namespace {

// web/app.js has made the canvas's context already, with these same attributes, while the
// downloads ran: the browser hands that context back here. Keep the two lists in step.
bool create_gl_context(Runner& g) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui antialiases its own shapes
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    for (int version : {2, 1}) {
        attrs.majorVersion = version;
        g.gl = emscripten_webgl_create_context("#canvas", &attrs);
        if (g.gl > 0) {
            g.webgl_version = version;
            emscripten_webgl_make_context_current(g.gl);
            return true;
        }
    }
    return false;
}

AppOptions options_from_page(Runner& g) {
    AppOptions options;
    options.kiosk = take_c_string(browser_location_query("kiosk")) == "1";
    const std::string idle = take_c_string(browser_location_query("idle"));
    if (!idle.empty()) {
        const double seconds = std::atof(idle.c_str());
        if (seconds >= 5 && seconds <= 86400) options.idle_timeout = seconds;
    }
    options.dark = browser_prefers_dark() != 0;
    options.reduced_motion = browser_prefers_reduced_motion() != 0;
    g.base_font_size = options.kiosk ? 22.0f : 16.0f;
    return options;
}

// Each phase's time goes into the runner's state and, as a performance measure
// ("portal:<phase>"), onto the page's timeline, where the benchmark reads it in the release build.
struct PhaseClock {
    double t = emscripten_get_now();
    void lap(const char* name, double& into) {
        const double now = emscripten_get_now();
        into = now - t;
        browser_measure(name, t, now);
        t = now;
    }
};

// What the start-up's tasks hand on to each other.
struct Start {
    LoadResult loaded;
    PhaseClock clock;
};
Start* g_start = nullptr;

// Each phase ends by asking for the next as a new task (a zero timeout): what the browser has
// queued meanwhile (input, a paint) runs first.
void next(void (*phase)(void*)) { emscripten_set_timeout(phase, 0, nullptr); }
// A phase's time starts with its task: the wait between tasks is no phase's.
Start& begin() {
    g_start->clock.t = emscripten_get_now();
    return *g_start;
}

void phase_first_frame(void*) {
    Runner& g = runner();
    Start& start = begin();
    // The canvas is shown now (it was laid out but invisible): the page's static content stays
    // until the first frame is ready, and the frame has the canvas's final size.
    browser_show_app();
    g.app->restore_draft(take_c_string(browser_storage_get(BrowserServices::kDraftKey)));
    if (!g.app->options().kiosk) browser_watch_storage(BrowserServices::kDraftKey);  // other tabs' saves are merged
    browser_watch_data_updates();
    g.app->open_fragment(take_c_string(browser_location_fragment()));
    start.clock.lap("portal:draft", g.startup.draft);
    // The first frame is the settled layout (App::frame gives the first frame the view's scroll
    // bar); the frames that follow only settle hover and the scroll bar's thumb.
    g.started = true;
    draw_frame();
    start.clock.lap("portal:first-frame", g.startup.first_frame);
    const nlohmann::json info = {{"webgl", g.webgl_version}, {"tiers", g.app->data().schedule.tiers.size()}};
    delete g_start;
    g_start = nullptr;
    browser_signal_ready(info.dump().c_str());
    // Saving and the semantics tree wait for the frames that follow (after_frames), off this path.
    runner_request_frames(2);
}

void phase_fonts(void*) {
    Start& start = begin();
    rebuild_fonts();
    start.clock.lap("portal:fonts", runner().startup.fonts);
    next(phase_first_frame);
}

void phase_setup(void*) {
    Runner& g = runner();
    Start& start = begin();
    if (!create_gl_context(g) || !gl_renderer_init(g.webgl_version)) {
        browser_fail("WebGL is not available in this browser.");
        delete g_start;
        g_start = nullptr;
        return;
    }
    start.clock.lap("portal:gl", g.startup.gl);
    const AppOptions options = options_from_page(g);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplHtml5_Init("#canvas", [] { runner_request_frames(3); });
    g.app = std::make_unique<App>(std::move(*start.loaded.data), g.services, options);
    g.app->set_dark(options.dark);
    start.clock.lap("portal:setup", g.startup.setup);
    next(phase_fonts);
}

}  // namespace

extern "C" {

// Called by web/app.js once the data has been fetched; parses it, and goes on in tasks of its own
// (above). Returns 0 when the start goes on; 1 when the data cannot be used (the page shows the
// message the app printed).
EMSCRIPTEN_KEEPALIVE int portal_start(const char* data_json, const char* data_name) {
    g_start = new Start();
    g_start->loaded = try_load_membership(data_json ? data_json : "", data_name ? data_name : "membership.json");
    if (!g_start->loaded.data) {
        std::fprintf(stderr, "portal: %s\n", g_start->loaded.error.c_str());
        browser_fail(g_start->loaded.error.c_str());
        delete g_start;
        g_start = nullptr;
        return 1;
    }
    g_start->clock.lap("portal:data", runner().startup.data);
    next(phase_setup);
    return 0;
}

}  // extern "C"

int main() { return 0; }  // the loader calls portal_start once the data is in
