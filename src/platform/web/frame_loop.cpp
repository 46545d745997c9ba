// The frame loop: frames are built on demand with requestAnimationFrame (after input, on resize,
// when the app asks for a wake-up); an idle app draws nothing.
#include "browser_bridge.h"
#include "extra_glyphs.h"
#include "fonts.h"
#include "frame_pacing.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "runner.h"
#include "runner_state.h"
#include "semantics.h"
#include "theme.h"
#ifdef IIIFC_TEST_BUILD
#include "widget_registry.h"
#endif

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>

namespace iiifc {

namespace {

Runner runner_state;

EM_BOOL on_animation_frame(double, void*);

void schedule() {
    if (!runner_state.started || runner_state.frame_scheduled || runner_state.frames_wanted <= 0) return;
    runner_state.frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

bool g_glyphs_added = false;  // the frame just built drew characters the fonts lacked: not sent

// A frame held back by the pacing (frame_pacing.h) is built again, and sent, once its wait is over.
bool g_paced_frame_due = false;
void on_pacing_timeout(void*) {
    g_paced_frame_due = false;
    runner_request_frames(1);
}
void draw_after(double ms) {
    if (g_paced_frame_due) return;
    g_paced_frame_due = true;
    emscripten_set_timeout(on_pacing_timeout, ms, nullptr);
}

// Saving and the semantics tree follow the state when a burst of frames ends: at once after an
// action on its own (a click, a key), at most every kCommitSpacingMs while bursts follow each
// other (scrolling with the wheel: a burst per notch, and each commit moves every node of a long
// view: on the Members view that was a quarter of the page's busy time), and every
// kLongBurstCommitMs during one long burst (a held button, a drag). The last state is always
// committed. A commit runs in a task of its own, not in the frame's: the page's DOM work and the
// frame are two shorter tasks (on a slow phone, neither a long one).
constexpr double kCommitSpacingMs = 250.0, kLongBurstCommitMs = 500.0;

void commit_now() {
    const double start = emscripten_get_now();
    runner_state.app->commit();
    runner_state.commit_ms_total += emscripten_get_now() - start;
    runner_state.commits++;
    runner_state.last_commit_ms = start;
}

// The app's own wake-up (a toast's end, a storage retry), once no frame is wanted. Asked again
// after a commit: saving can change what the app must show (a storage failure's message).
void schedule_wakeup() {
    if (runner_state.frames_wanted > 0) return;
    const double wake = runner_state.app->seconds_until_wakeup();
    if (wake >= 0) browser_schedule_timeout(wake * 1000.0);
}

void on_commit_timeout(void*) {
    runner_state.commit_due = false;
    commit_now();
    schedule_wakeup();
}

void commit_after(double ms) {
    if (runner_state.commit_due) return;
    runner_state.commit_due = true;
    emscripten_set_timeout(on_commit_timeout, ms > 0 ? ms : 0, nullptr);
}

EM_BOOL on_animation_frame(double, void*) {
    runner_state.frame_scheduled = false;
    if (runner_state.frames_wanted > 0) --runner_state.frames_wanted;
    build_and_send_frame();
    after_frames();
    return EM_FALSE;  // one frame per request: the loop runs only while frames are wanted
}

}  // namespace

Runner& runner() { return runner_state; }

bool rebuild_fonts(const FontAtlasCopy* rehearsed) {
    bool restored = false;
    runner_state.app->set_fonts(build_fonts(runner_state.base_font_size, ImGui_ImplHtml5_PixelRatio(), rehearsed, &restored));
    if (restored)
        gl_renderer_use_fonts();  // the page sent the drawer its pixels when the rehearsal ended
    else
        gl_renderer_upload_fonts();
    return restored;
}

void build_frame() {
    const double start = emscripten_get_now();
    if (ImGui_ImplHtml5_PixelRatioChanged() || extra_glyphs_over_budget()) rebuild_fonts();
#ifdef IIIFC_TEST_BUILD
    widget_registry_begin_frame();  // where each labelled widget is, for the tests' queries
#endif
    const bool more_input = ImGui_ImplHtml5_NewFrame(start / 1000.0);
    const double ui_start = emscripten_get_now();
    ImGui::NewFrame();
    runner_state.app->frame();
    ImGui_ImplHtml5_SetKeysToApp(semantics::keys_claimed());
    ImGui::Render();
    // Characters the fonts lacked were drawn as '?': they are in the atlas now, and the next build
    // draws them (this one is not sent).
#ifdef IIIFC_TEST_BUILD
    const double glyphs_start = emscripten_get_now();
#endif
    if (add_missing_glyphs()) {
#ifdef IIIFC_TEST_BUILD
        // What drawing missing glyphs and shaped runs cost (the browser's rasterising included).
        browser_measure("glyphs-added", glyphs_start, emscripten_get_now());
#endif
        g_glyphs_added = true;
        runner_state.frames_wanted = std::max(runner_state.frames_wanted, 1);
    }
    runner_state.ui_ms_total += emscripten_get_now() - ui_start;
    ImGui_ImplHtml5_EndFrame();
    runner_state.frames_built++;
    // ImGui settles layout and hover over a couple of frames after any change; keep a held
    // pointer (drags, sliders) and pending input drawing too.
    if (more_input || ImGui_ImplHtml5_PointerHeld()) runner_state.frames_wanted = std::max(runner_state.frames_wanted, 2);
    runner_state.cpu_ms_last = emscripten_get_now() - start;
}

void send_frame() {
    if (g_glyphs_added) {
        g_glyphs_added = false;
        return;
    }
    const double start = emscripten_get_now();
    // A frame is sent when it differs from the canvas, and when the pacing allows; a frame held
    // back is sent by a frame built once the wait is over.
    const ImVec4 bg = palette().background;
    const ImDrawData* draw_data = ImGui::GetDrawData();
    if (gl_renderer_differs(draw_data, bg.x, bg.y, bg.z)) {
        const double wait = pacing_wait_ms(emscripten_get_now());
        if (wait <= 0) {
            gl_renderer_draw(draw_data, bg.x, bg.y, bg.z);
            pacing_frame_sent(emscripten_get_now());
            runner_state.frames_sent++;
        } else {
            draw_after(wait);
        }
    }
    runner_state.cpu_ms_last += emscripten_get_now() - start;
    runner_state.cpu_ms_total += runner_state.cpu_ms_last;
}

void build_and_send_frame() {
    build_frame();
    send_frame();
}

void after_frames() {
    // Saving and the semantics tree: see kCommitSpacingMs.
    const double now = emscripten_get_now();
    const double since = now - runner_state.last_commit_ms;
    if (runner_state.frames_wanted <= 0) {
        commit_after(kCommitSpacingMs - since);
    } else if (since > kLongBurstCommitMs) {
        commit_after(0);
    }
    schedule();
    schedule_wakeup();
}

// Input that came while the app started was held until it could draw (schedule: `started`).
void after_start() {
    schedule();
    schedule_wakeup();
}

bool settled() {
    return !runner_state.frame_scheduled && runner_state.frames_wanted <= 0 && !g_paced_frame_due && !runner_state.commit_due;
}

}  // namespace iiifc

void runner_request_frames(int count) {
    iiifc::Runner& runner_state = iiifc::runner();
    if (count > runner_state.frames_wanted) runner_state.frames_wanted = count;
    iiifc::schedule();
}

void browser_run_frame_now() {
    if (!iiifc::runner().started) return;
    iiifc::build_and_send_frame();
    iiifc::build_and_send_frame();  // the release is applied a frame after the press
    iiifc::after_frames();
}
