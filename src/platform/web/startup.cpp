// The app's start: one table of phases (kStart), run by one scheduler, on the page (portal_start)
// and, on a phone, first as a rehearsal in the download worker (portal_rehearse, web/download.js).
// V8 compiles each WebAssembly function at its first call, for the module and every instance of
// it: rehearsed in the worker, the page's phases then only run. The rehearsal runs the table
// straight through, quietly (nothing reaches a page it does not have), and keeps its font atlas for
// the page, which restores it rather than rasterising the fonts again.
//
// Measured (phone-sized Lighthouse loads, this machine):
// 2026-12  The semantics tree made after the canvas showed: its style (136 elements, Tiers) was
//          the longest task of the start; now made during the GPU's wait, hidden.
// 2026-12  The GPU's answer polled every 4 ms: 67-84 more tasks of the page's (31 now).
// 2026-12  The rehearsal's atlas pixels copied into the page's heap and out again: most of the
//          fonts phase (290 KB at a ratio of 1.75, 4 MB at 3); now they go straight to the drawer.
//
// [SECTION] The start's state
// [SECTION] The page's phases
// [SECTION] The rehearsal's phases
// [SECTION] The table
// [SECTION] The scheduler
// [SECTION] Entry points
#include "browser_bridge.h"
#include "data_loader.h"
#include "browser_glyphs.h"
#include "display_settings.h"
#include "find_in_page.h"
#include "font_atlas_copy.h"
#include "fonts.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "page_protocol.h"
#include "runner.h"
#include "runner_state.h"
#include "theme.h"

#include <emscripten.h>
#include <emscripten/html5.h>  // emscripten_date_now
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using namespace iiifc;
using protocol::Phase;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The start's state
//-----------------------------------------------------------------------------

// The platform of a rehearsal: every request is dropped.
class QuietServices final : public PlatformServices {
public:
    void copy_to_clipboard(const std::string&) override {}
    void download(const std::string&, const std::string&, const std::string&) override {}
    void open_url(const std::string&) override {}
    void request_file(const std::string&) override {}
    void store_draft(const std::string&) override {}
    StorageState storage_state() override { return StorageState::kept; }
    void set_location_fragment(const std::string&, bool) override {}
    void set_page_title(const std::string&) override {}
    void announce(const std::string&) override {}
    void publish_semantics(const std::string&) override {}
    void focus_control(unsigned) override {}
    void reload() override {}
    double now_seconds() override { return emscripten_get_now() / 1000.0; }
    double wall_clock_ms() override { return emscripten_date_now(); }
};

// What the phases hand on to each other.
struct Start {
    bool rehearsal = false;  // which column of the table runs (kStart)
    std::string data_text;
    LoadResult loaded;
    std::string failure;  // why a phase stopped the start, for the page to say
    // The rehearsal's page, as web/app.js measured it: the canvas in device pixels, its ratio, the link.
    int width = 0, height = 0;
    float ratio = 1;
    std::string fragment;
    QuietServices quiet;
    // The scheduler's (run_phases): the phase at hand and its runs so far; how long one task may
    // run phases back to back (the page's budget; a rehearsal has no limit); when the running task
    // and phase began; whether no phase has run in this task yet, or the phase at hand waits.
    int row = 0, runs_done = 0;
    double task_budget_ms = 0, task_from = 0, phase_from = 0;
    double longest = 0;  // the longest phase so far: about what the next one may take
    bool fresh_task = false, waiting = false;
};
Start* g_start = nullptr;

// message: empty where the page has said why already.
void give_up(const std::string& message) {
    if (!message.empty()) browser_fail(message.c_str());
    delete g_start;
    g_start = nullptr;
}

// How a phase ends: the next one runs, or the start waits (the phase resumes it), or it stops.
enum class Then { next, wait, stop };

void resume();
void in_new_task(void*);
void in_new_task_and_phase(void*);

//-----------------------------------------------------------------------------
// [SECTION] The page's phases
//-----------------------------------------------------------------------------

Then make_context(Start&) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();  // the renderer records itself in ImGui's IO
    gl_renderer_init();      // the drawer (web/draw.js) makes its context meanwhile, or has made it
    return Then::next;
}

Then parse_data(Start& start) {
    start.loaded = try_load_membership(start.data_text, "membership.json");  // web/app.js's DATA_FILE
    std::string().swap(start.data_text);
    if (start.loaded.data) return Then::next;
    std::fprintf(stderr, "portal: %s\n", start.loaded.error.c_str());
    start.failure = start.loaded.error;
    return Then::stop;
}

AppOptions options_from_page() {
    AppOptions options;
    options.kiosk = take_c_string(browser_location_query("kiosk")) == "1";
    const std::string idle = take_c_string(browser_location_query("idle"));
    if (!idle.empty()) {
        const double seconds = std::atof(idle.c_str());
        if (seconds >= 5 && seconds <= 86400) options.idle_timeout = seconds;
    }
    options.dark = browser_prefers_dark() != 0;
    options.reduced_motion = browser_prefers_reduced_motion() != 0;
    return options;
}

Then make_app_with(Start& start, PlatformServices& services, const AppOptions& options) {
    Runner& state = runner();
    state.base_font_size = options.kiosk ? kKioskTextSize : kTextSize;
    state.app = std::make_unique<App>(std::move(*start.loaded.data), services, options);
    state.app->set_dark(options.dark);
    return Then::next;
}
Then make_app(Start& start) {
    make_app_with(start, runner().services, options_from_page());
    apply_display_settings(*runner().app);  // display_settings.h: the page's media queries
    use_browser_glyphs();                   // browser_glyphs.h: what the fonts lack, from the device's fonts
    return Then::next;
}

// A phase of its own: each listener on the canvas is work for the browser too, and with the app's
// making they were a long task on a slow phone.
Then wire_input(Start&) {
    ImGui_ImplHtml5_Init("#canvas", [] { runner_request_frames(3); });
    return Then::next;
}

// Restored from the rehearsal's atlas where the worker built one at these sizes, else built. Only
// its layout comes in here: web/app.js sent its pixels to the drawer as they were (note above).
Then restore_or_build_fonts(Start&) {
    int size = 0;
    const std::unique_ptr<unsigned char, void (*)(void*)> layout(browser_take_rehearsed_fonts(&size), std::free);
    const FontAtlasCopy rehearsed{layout.get(), static_cast<std::size_t>(size), nullptr, 0};
    runner().startup.fonts_rehearsed = rebuild_fonts(layout ? &rehearsed : nullptr);
    return Then::next;
}

Then apply_draft_and_link(Start&) {
    App& app = *runner().app;
    app.restore_draft(take_c_string(browser_storage_get(BrowserServices::kDraftKey)));
    if (!app.options().kiosk) browser_watch_storage(BrowserServices::kDraftKey);  // other tabs' saves are merged
    browser_watch_data_updates();
    watch_display_settings();
    watch_find_in_page();
    app.open_fragment(take_c_string(browser_location_fragment()));
    return Then::next;
}

// Built until settled (kBuildsBeforeFirstShown), each build a phase of its own: the first compiles
// what it runs where nothing was rehearsed, the longest task of a phone's start.
Then build_first_frame(Start&) {
    build_frame();
    return Then::next;
}

// Sent to the drawer while the canvas is still hidden, at its final size (web/app.css): the frames
// that follow draw the same and are not sent.
Then send_first_frame(Start&) {
    send_frame();
    runner().started = true;
    gl_renderer_confirm();
    browser_signal_first_frame();
    return Then::next;
}

// While the GPU draws, in a task of its own: the state saved and the semantics tree made, hidden,
// so that showing only reveals it; then nothing runs until the drawer's answer (note above), or
// 10 s. Shown before the GPU has drawn the frame, the canvas would be empty for a moment.
constexpr double kGpuWaitLimitMs = 10000;
Then commit_then_wait_for_gpu(Start&) {
    runner().app->commit();
    gl_renderer_when_answered([](void*) { resume(); }, kGpuWaitLimitMs);
    return Then::wait;
}

// The canvas is shown, with the first frame the GPU has drawn: the page's static content gives way
// to the app in place (web/app.css). Nothing is built now: the state and the tree were committed
// during the wait, and the canvas shows the settled frame.
void show_app() {
    const DrawerState state = gl_renderer_state();
    if (state == DrawerState::no_webgl) return give_up("");  // the page says so (web/app.js)
    if (state == DrawerState::shaders_failed) return give_up("This browser's WebGL could not build the portal's shaders.");
    browser_show_app();
    const nlohmann::json info = {{"tiers", runner().app->data().schedule.tiers.size()}};
    delete g_start;
    g_start = nullptr;
    browser_signal_ready(info.dump().c_str());
    after_start();
}

//-----------------------------------------------------------------------------
// [SECTION] The rehearsal's phases: the same work where the worker has no page
//-----------------------------------------------------------------------------

Then make_quiet_app(Start& start) { return make_app_with(start, start.quiet, AppOptions{}); }

Then size_display(Start& start) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplHtml5_ConfigureIO(io);
    io.DisplaySize = ImVec2(static_cast<float>(start.width) / start.ratio, static_cast<float>(start.height) / start.ratio);
    io.DisplayFramebufferScale = ImVec2(start.ratio, start.ratio);
    return Then::next;
}

// Built at the page's sizes and kept for it (browser_keep_rehearsed_fonts): layout and pixels.
Then build_and_keep_fonts(Start& start) {
    runner().app->set_fonts(build_fonts(runner().base_font_size, start.ratio));
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const std::vector<unsigned char> layout = copy_font_atlas(atlas);
    if (!layout.empty()) {
        browser_keep_rehearsed_fonts(layout.data(), static_cast<int>(layout.size()), atlas.TexPixelsAlpha8, atlas.TexWidth,
                                     atlas.TexHeight);
    }
    gl_renderer_use_fonts();
    return Then::next;
}

Then apply_link(Start& start) {
    runner().app->restore_draft("");
    runner().app->open_fragment(start.fragment);
    return Then::next;
}

Then build_rehearsed_frame(Start&) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    runner().app->frame();
    ImGui::Render();
    return Then::next;
}

Then pack_first_frame(Start&) {
    const ImVec4 bg = palette().background;
    if (gl_renderer_differs(ImGui::GetDrawData(), bg.x, bg.y, bg.z)) gl_renderer_pack(ImGui::GetDrawData(), bg.x, bg.y, bg.z);
    return Then::next;
}

Then commit(Start&) {
    runner().app->commit();
    return Then::next;
}

//-----------------------------------------------------------------------------
// [SECTION] The table
//-----------------------------------------------------------------------------

// Whether a phase may share the page's task with the phases before it, within the page's budget
// (a desktop: 50 ms), or always runs in a task of its own (and its time counts from the end of the
// phase before: what it waits for is its time). On a phone the budget is 0: each phase a task.
enum class Task { shares, own };

struct StartPhase {
    Phase phase;                   // its name (page_protocol.h): the measure "portal:<name>"
    Then (*on_page)(Start&);       // what runs on the page's main thread
    Then (*in_rehearsal)(Start&);  // ... and in the rehearsal, in the download worker
    Task task;                     // on the page
    int runs;                      // how many times in a row, each measured
};

constexpr StartPhase kStart[] = {
    {Phase::gl, make_context, make_context, Task::shares, 1},
    {Phase::data, parse_data, parse_data, Task::shares, 1},
    {Phase::setup, make_app, make_quiet_app, Task::shares, 1},
    {Phase::input, wire_input, size_display, Task::shares, 1},
    {Phase::fonts, restore_or_build_fonts, build_and_keep_fonts, Task::shares, 1},
    {Phase::draft, apply_draft_and_link, apply_link, Task::shares, 1},
    {Phase::first_frame, build_first_frame, build_rehearsed_frame, Task::shares, kBuildsBeforeFirstShown},
    {Phase::first_draw, send_first_frame, pack_first_frame, Task::shares, 1},
    {Phase::gpu_wait, commit_then_wait_for_gpu, commit, Task::own, 1},
};
constexpr int kRows = static_cast<int>(sizeof kStart / sizeof kStart[0]);
constexpr bool in_protocol_order() {
    for (int i = 0; i < kRows; ++i) {
        if (static_cast<int>(kStart[i].phase) != i) return false;
    }
    return kRows == protocol::kPhaseCount;
}
static_assert(in_protocol_order(), "one row per phase of page_protocol.h, in its order");

//-----------------------------------------------------------------------------
// [SECTION] The scheduler
//-----------------------------------------------------------------------------

// Each phase's time goes into the runner's state and, on the page, onto its timeline as a
// performance measure ("portal:<phase>"), where the benchmark reads it in the release build.
void lap(Start& start, Phase phase) {
    const double now = emscripten_get_now(), ms = now - start.phase_from;
    runner().startup.ms[static_cast<int>(phase)] += ms;
    start.longest = std::max(start.longest, ms);
    if (!start.rehearsal) browser_measure((std::string("portal:") + protocol::phase_name(phase)).c_str(), start.phase_from, now);
    start.phase_from = now;
}

// On the page, a phase goes on in the running task while the task, with the longest phase so far
// added, stays within the budget; else in a new task (what the browser has queued meanwhile, input
// or a paint, runs first), not after a zero timeout: a chain of timers is clamped to 4 ms a step.
bool wants_new_task(const Start& start, const StartPhase& row) {
    if (start.rehearsal || start.fresh_task) return false;
    return row.task == Task::own || emscripten_get_now() - start.task_from + start.longest > start.task_budget_ms;
}

void run_phases() {
    Start& start = *g_start;
    while (start.row < kRows) {
        const StartPhase& row = kStart[start.row];
        if (start.waiting) {
            start.waiting = false;  // it waited (resume): it ends now
        } else if (wants_new_task(start, row)) {
            // A phase sharing tasks starts its time with its task: the wait between tasks is no phase's.
            browser_next_task(row.task == Task::own ? in_new_task : in_new_task_and_phase, nullptr);
            return;
        } else {
            start.fresh_task = false;
            const Then then = (start.rehearsal ? row.in_rehearsal : row.on_page)(start);
            if (then == Then::stop) {
                if (!start.rehearsal) give_up(std::string(start.failure));
                return;
            }
            start.waiting = then == Then::wait;
            if (start.waiting) return;  // resume() goes on
        }
        lap(start, row.phase);
        if (++start.runs_done == row.runs) {
            start.runs_done = 0;
            ++start.row;
        }
    }
    if (!start.rehearsal) show_app();
}

void resume() {
    if (g_start) run_phases();
}
void in_new_task(void*) {
    if (!g_start) return;
    g_start->task_from = emscripten_get_now();
    g_start->fresh_task = true;
    run_phases();
}
void in_new_task_and_phase(void*) {
    if (g_start) g_start->phase_from = emscripten_get_now();
    in_new_task(nullptr);
}

// The data's bytes copied in (as fetched: not a JS string converted back to UTF-8, about 5 ms for
// 14 KB), then the phases from the first, in the task that called.
void begin(Start* start, int data_bytes) {
    g_start = start;
    start->data_text.resize(static_cast<std::size_t>(std::max(0, data_bytes)));
    browser_copy_start_data(start->data_text.data());
    start->task_from = start->phase_from = emscripten_get_now();
    start->fresh_task = true;
    run_phases();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

extern "C" {

// Called by web/app.js once the data has been fetched (its size in bytes), with the page's budget
// for one task (wants_new_task). A failure from here on is shown by the page (browser_fail).
EMSCRIPTEN_KEEPALIVE void portal_start(int data_bytes, double task_budget_ms) {
    Start* start = new Start();
    start->task_budget_ms = task_budget_ms;
    begin(start, data_bytes);
}

// Called by web/download.js in its worker: the start rehearsed on the data it downloaded, at the
// page's canvas size in device pixels and pixel ratio, on the view its link opens (`fragment`).
// False where the data does not load (the page's start says why).
EMSCRIPTEN_KEEPALIVE bool portal_rehearse(int data_bytes, const char* fragment, int width, int height, double ratio) {
    Start* start = new Start();
    start->rehearsal = true;
    start->task_budget_ms = std::numeric_limits<double>::infinity();
    start->fragment = fragment ? fragment : "";
    start->width = width;
    start->height = height;
    start->ratio = ratio > 0 ? static_cast<float>(ratio) : 1.0f;
    begin(start, data_bytes);
    const bool done = start->row == kRows;
    delete start;
    g_start = nullptr;
    return done;
}

}  // extern "C"
