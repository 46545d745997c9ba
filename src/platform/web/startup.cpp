// Start-up: the page's loader (web/app.js) fetches the data and the .wasm, and starts the drawer
// (web/draw.js: the WebGL context and shaders), then calls portal_start(), which copies the data's
// bytes in. The start runs in phases: the data is parsed; the app made; the font atlas built; the
// saved draft and the page's link applied; the first frame built, then drawn; and, once the GPU
// has drawn it, the canvas shown. On a phone each phase is a task of its own, the browser free to
// handle input and paint between them (one task for all of it blocks a slow phone for half a
// second).
#include "browser_bridge.h"
#include "data_loader.h"
#include "browser_glyphs.h"
#include "display_settings.h"
#include "find_in_page.h"
#include "fonts.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "runner.h"
#include "runner_state.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>
#include <string>

using namespace iiifc;

namespace {

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
    g.base_font_size = options.kiosk ? kKioskTextSize : kTextSize;
    return options;
}

// Each phase's time goes into the runner's state and, as a performance measure
// ("portal:<phase>"), onto the page's timeline, where the benchmark reads it in the release build.
struct PhaseClock {
    double t = emscripten_get_now();
    double longest = 0;  // the longest phase so far: about what the next one may take
    void lap(const char* name, double& into) {
        const double now = emscripten_get_now();
        into = now - t;
        longest = std::max(longest, into);
        browser_measure(name, t, now);
        t = now;
    }
};

// What the start-up's tasks hand on to each other.
struct Start {
    std::string data_text, data_name;
    LoadResult loaded;
    PhaseClock clock;
    double task_budget_ms = 0;        // how long one task may run phases back to back (next())
    double task_from = 0;             // when the running task began
    void (*queued)(void*) = nullptr;  // the phase the next task runs
    double gpu_wait_from = 0;
    int builds = 0;  // of the first frame (phase_first_frame)
};
Start* g_start = nullptr;

// message: nullptr where the page has said why already.
void give_up(const char* message) {
    if (message) browser_fail(message);
    delete g_start;
    g_start = nullptr;
}

// Each phase ends by asking for the next, as a new task (what the browser has queued meanwhile,
// input or a paint, runs first; not a zero timeout: a chain of timers is clamped to 4 ms a step)
// unless the page gave a budget that leaves room for it. On a desktop (web/app.js) phases take a
// few ms and each step between tasks costs a few more: the browser paints the static content the
// app is about to replace, and the next phase starts later. There the phases run back to back
// while the task, with the longest phase so far added, stays within the budget.
void next(void (*phase)(void*)) {
    Start& start = *g_start;
    if (emscripten_get_now() - start.task_from + start.clock.longest <= start.task_budget_ms) {
        phase(nullptr);
        return;
    }
    start.queued = phase;
    browser_next_task(
        [](void*) {
            g_start->task_from = emscripten_get_now();
            g_start->queued(nullptr);
        },
        nullptr);
}
// A phase's time starts with its task: the wait between tasks is no phase's.
Start& begin() {
    g_start->clock.t = emscripten_get_now();
    return *g_start;
}

// The canvas is shown, with the first frame the GPU has drawn: the page's static content gives
// way to the app in place (web/app.css).
void show_app() {
    Runner& g = runner();
    browser_show_app();
    const nlohmann::json info = {{"tiers", g.app->data().schedule.tiers.size()}};
    delete g_start;
    g_start = nullptr;
    browser_signal_ready(info.dump().c_str());
    // Its state was saved and its semantics tree made while the GPU drew the first frame
    // (phase_first_draw), and the canvas shows that frame: nothing is built now. Two frames built
    // here for saving and the tree, as before, drew the same again: on a phone-sized Lighthouse
    // load two more tasks of the page's (2-4 ms each, 13-26 ms when another thread held the
    // core), after the app had shown.
    after_start();
}

// The canvas is shown once the drawer has drawn the first frame and the GPU has finished it:
// shown earlier, it would show an empty canvas for a moment. With software GL (SwiftShader here;
// also blocklisted GPUs, virtual machines, many kiosk PCs) showing it reads the canvas back on the
// thread that draws, waiting for the GPU to finish: where that is the page's (no drawing worker),
// shown at once, the page was blocked for most of 100 ms. The drawer says when (it asks the GPU
// without blocking); the page runs nothing meanwhile. Asked every 4 ms instead, the wait was 67-84
// tasks of the page's on a phone-sized Lighthouse load (31 now), each one a chance to be held up
// behind another thread. The drawer may still be starting (a worker, on a slow phone, takes a
// second or more); it gives up waiting on the GPU after a second. A drawer that never answers:
// shown after 10 s.
constexpr double kGpuWaitLimitMs = 10000;
void phase_gpu_answered(void*) {
    Start& start = *g_start;
    const double now = emscripten_get_now();
    const DrawerState state = gl_renderer_state();
    if (state == DrawerState::kNoWebGL) {
        give_up(nullptr);  // the page says so (web/app.js)
        return;
    }
    runner().startup.gpu_wait = now - start.gpu_wait_from;
    browser_measure("portal:gpu-wait", start.gpu_wait_from, now);
    if (state == DrawerState::kShadersFailed) {
        give_up("This browser's WebGL could not build the portal's shaders.");
        return;
    }
    show_app();
}
void phase_wait_for_gpu(void*) { gl_renderer_when_answered(phase_gpu_answered, kGpuWaitLimitMs); }

// The first frame is drawn into the canvas while it is still hidden, at its final size (it is
// laid out, web/app.css), and is the settled layout (phase_first_frame): the frames that follow
// draw the same, and are not sent. Built (ImGui) and drawn (GL) in two phases: together they are
// the longest of the start.
void phase_first_draw(void*) {
    Runner& g = runner();
    Start& start = begin();
    send_frame();
    g.started = true;
    gl_renderer_confirm();
    start.clock.lap("portal:first-draw", g.startup.first_draw);
    browser_signal_first_frame();
    start.gpu_wait_from = emscripten_get_now();
    // While the GPU draws, in a task of its own: the browser commits the frame first, and that
    // task stays short. The first frame's semantics tree is made then too, hidden (web/app.css):
    // the browser styles and lays it out in the frames of the wait, and the task that shows the
    // app only reveals it. Made after the canvas showed, its style (136 elements on the Tiers
    // view) was resolved inside the first frame of the app shown, the longest task of a phone's
    // start.
    browser_next_task(
        [](void*) {
            runner().app->commit();
            phase_wait_for_gpu(nullptr);
        },
        nullptr);
}

// Built until settled (kBuildsBeforeFirstShown), the last build drawn: drawn after one build, the
// frame after it was a second canvas frame at start. Each build is a phase of its own (measured
// as "first-frame" each): the first compiles the code it runs (V8 compiles WebAssembly a function
// at its first call), the longest task of a phone's start (~45 ms here, 4x that on a phone); the
// second takes a few ms (3.8 on a desktop).
void phase_first_frame(void*) {
    Runner& g = runner();
    Start& start = begin();
    build_frame();
    double ms = 0;
    start.clock.lap("portal:first-frame", ms);
    g.startup.first_frame += ms;
    next(++start.builds < kBuildsBeforeFirstShown ? phase_first_frame : phase_first_draw);
}

void phase_draft(void*) {
    Runner& g = runner();
    Start& start = begin();
    g.app->restore_draft(take_c_string(browser_storage_get(BrowserServices::kDraftKey)));
    if (!g.app->options().kiosk) browser_watch_storage(BrowserServices::kDraftKey);  // other tabs' saves are merged
    browser_watch_data_updates();
    watch_display_settings();
    watch_find_in_page();
    g.app->open_fragment(take_c_string(browser_location_fragment()));
    start.clock.lap("portal:draft", g.startup.draft);
    next(phase_first_frame);
}

// Restored from the rehearsal's atlas where the worker built one at these sizes (warm_up.cpp),
// else built. Only its layout comes in here: its pixels go from the page's JavaScript to the
// drawer as they are (copied in and out again, they were most of this phase: 290 KB at a phone's
// ratio of 1.75, 4 MB at 3).
void phase_fonts(void*) {
    Start& start = begin();
    const std::size_t size = static_cast<std::size_t>(std::max(0, browser_rehearsed_fonts_size()));
    std::vector<unsigned char> layout(size);
    if (size) browser_copy_rehearsed_fonts(layout.data());
    const FontAtlasCopy rehearsed{layout.data(), layout.size(), nullptr, 0};
    runner().startup.fonts_rehearsed = rebuild_fonts(size ? &rehearsed : nullptr);
    start.clock.lap("portal:fonts", runner().startup.fonts);
    next(phase_draft);
}

void phase_input(void*) {
    Runner& g = runner();
    Start& start = begin();
    ImGui_ImplHtml5_Init("#canvas", [] { runner_request_frames(3); });
    start.clock.lap("portal:input", g.startup.input);
    next(phase_fonts);
}

// The app made; then the page's input wired to it (a phase of its own: each listener on the canvas
// is work for the browser too, and the two together were a long task on a slow phone).
void phase_setup(void*) {
    Runner& g = runner();
    Start& start = begin();
    const AppOptions options = options_from_page(g);
    g.app = std::make_unique<App>(std::move(*start.loaded.data), g.services, options);
    g.app->set_dark(options.dark);
    apply_display_settings(*g.app);  // display_settings.h
    use_browser_glyphs();            // browser_glyphs.h: what the fonts lack, from the device's fonts
    start.clock.lap("portal:setup", g.startup.setup);
    next(phase_input);
}

void phase_data(void*) {
    Start& start = begin();
    start.loaded = try_load_membership(start.data_text, start.data_name);
    std::string().swap(start.data_text);
    if (!start.loaded.data) {
        std::fprintf(stderr, "portal: %s\n", start.loaded.error.c_str());
        give_up(start.loaded.error.c_str());
        return;
    }
    start.clock.lap("portal:data", runner().startup.data);
    next(phase_setup);
}

}  // namespace

extern "C" {

// Called by web/app.js once the data has been fetched: its size in bytes and its file's name, and
// the page's budget for one task (next()). Copies the data in, then goes on in phases (above); a failure from here on is shown by the page (browser_fail).
EMSCRIPTEN_KEEPALIVE void portal_start(int data_bytes, const char* data_name, double task_budget_ms) {
    Runner& g = runner();
    g_start = new Start();
    g_start->task_from = g_start->clock.t;
    g_start->task_budget_ms = task_budget_ms;
    // The bytes as fetched: not a JS string converted back to UTF-8 (about 5 ms for 14 KB).
    g_start->data_text.resize(static_cast<std::size_t>(std::max(0, data_bytes)));
    browser_copy_start_data(g_start->data_text.data());
    g_start->data_name = data_name;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();  // the renderer records itself in ImGui's IO
    gl_renderer_init();      // the drawer (web/draw.js) makes its context meanwhile, or has made it
    g_start->clock.lap("portal:gl", g.startup.gl);
    next(phase_data);
}

}  // extern "C"
