// The browser runner. Start-up: the page's loader (web/app.js) fetches the data and the .wasm,
// then calls portal_start() with the data's text. From then on frames are drawn on demand with
// requestAnimationFrame: an idle app draws nothing.
#include "app.h"
#include "browser_bridge.h"
#include "browser_services.h"
#include "data_loader.h"
#include "draft.h"
#include "fonts.h"
#include "imgui_impl_html5.h"
#include "runner.h"
#include "theme.h"
#include "widget_registry.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace iiifc;

namespace {

struct Runner {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int webgl_version = 0;
    BrowserServices services;
    std::unique_ptr<App> app;
    float base_font_size = 16.0f;
    int frames_wanted = 0;      // frames still to draw
    bool frame_scheduled = false;
    double cpu_ms_last = 0;     // CPU time of the last frame, for the benchmark
    double cpu_ms_total = 0;    // ... and of all frames
    double ui_ms_total = 0;     // the part that builds the UI (NewFrame to Render), without GL
    double last_commit_ms = 0;
    long frames_drawn = 0;
    // Start-up phases in ms, for the benchmark: parsing the data, the GL context, ImGui and the
    // app, the font atlas (rasterised and uploaded), the stored draft, the first frame.
    struct { double data = 0, gl = 0, setup = 0, fonts = 0, draft = 0, first_frame = 0; } startup;
};
Runner g;

EM_BOOL on_animation_frame(double, void*);

void schedule() {
    if (g.frame_scheduled || g.frames_wanted <= 0) return;
    g.frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void rebuild_fonts() {
    g.app->set_fonts(build_fonts(g.base_font_size, ImGui_ImplHtml5_PixelRatio()));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void draw_frame() {
    const double start = emscripten_get_now();
    emscripten_webgl_make_context_current(g.gl);
    if (ImGui_ImplHtml5_PixelRatioChanged()) rebuild_fonts();
    widget_registry_begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    const bool more_input = ImGui_ImplHtml5_NewFrame(start / 1000.0);
    const double ui_start = emscripten_get_now();
    ImGui::NewFrame();
    g.app->frame();
    ImGui::Render();
    g.ui_ms_total += emscripten_get_now() - ui_start;
    ImGui_ImplHtml5_EndFrame();

    const ImGuiIO& io = ImGui::GetIO();
    const Palette& p = palette();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(p.background.x, p.background.y, p.background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    g.frames_drawn++;
    g.cpu_ms_last = emscripten_get_now() - start;
    g.cpu_ms_total += g.cpu_ms_last;
    // ImGui settles layout and hover over a couple of frames after any change; keep a held
    // pointer (drags, sliders) and pending input drawing too.
    if (more_input || ImGui_ImplHtml5_PointerHeld()) g.frames_wanted = std::max(g.frames_wanted, 2);
}

void after_frames() {
    // Saving and the DOM mirror follow the state when a burst of frames ends, or every half
    // second while one goes on (a held button, a drag): not at every frame.
    const double now = emscripten_get_now();
    if (g.frames_wanted <= 0 || now - g.last_commit_ms > 500.0) {
        g.app->commit();
        g.last_commit_ms = now;
    }
    if (g.frames_wanted > 0) {
        schedule();
        return;
    }
    const double wake = g.app->seconds_until_wakeup();
    if (wake >= 0) browser_schedule_timeout(wake * 1000.0);
}

EM_BOOL on_animation_frame(double, void*) {
    g.frame_scheduled = false;
    if (g.frames_wanted > 0) --g.frames_wanted;
    draw_frame();
    after_frames();
    return EM_FALSE;  // one frame per request: the loop runs only while frames are wanted
}

// web/app.js has made the canvas's context already, with these same attributes, while the
// downloads ran: the browser hands that context back here. Keep the two lists in step.
bool create_gl_context() {
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
            if (version == 1) emscripten_webgl_enable_extension(g.gl, "OES_vertex_array_object");
            return true;
        }
    }
    return false;
}

}  // namespace

void runner_request_frames(int count) {
    if (count > g.frames_wanted) g.frames_wanted = count;
    schedule();
}

void browser_run_frame_now() {
    if (!g.app) return;
    draw_frame();
    draw_frame();  // the release is applied a frame after the press
    after_frames();
}

extern "C" {

// Called by web/app.js once the data has been fetched. Returns 0 on success; on failure the page
// shows the message the app printed.
EMSCRIPTEN_KEEPALIVE int portal_start(const char* data_json, const char* data_name) {
    double t = emscripten_get_now();
    const auto lap = [&t](double& into) { const double now = emscripten_get_now(); into = now - t; t = now; };
    LoadResult loaded = try_load_membership(data_json ? data_json : "", data_name ? data_name : "membership.json");
    if (!loaded.data) {
        std::fprintf(stderr, "portal: %s\n", loaded.error.c_str());
        browser_fail(loaded.error.c_str());
        return 1;
    }
    lap(g.startup.data);
    if (!create_gl_context()) {
        browser_fail("WebGL is not available in this browser.");
        return 2;
    }
    lap(g.startup.gl);

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

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplHtml5_Init("#canvas", [] { runner_request_frames(3); });
    ImGui_ImplOpenGL3_Init("#version 100");
    g.app = std::make_unique<App>(std::move(*loaded.data), g.services, options);
    g.app->set_dark(options.dark);
    lap(g.startup.setup);
    rebuild_fonts();
    lap(g.startup.fonts);
    g.app->restore_draft(take_c_string(browser_storage_get(BrowserServices::kDraftKey)));
    if (!options.kiosk) browser_watch_storage(BrowserServices::kDraftKey);  // other tabs' saves are merged
    browser_watch_data_updates();
    g.app->open_fragment(take_c_string(browser_location_fragment()));
    lap(g.startup.draft);

    // The first frame is drawn now, not at the next animation frame: the page shows the app at
    // its next paint. It is the settled layout (App::frame gives the first frame the view's
    // scroll bar); the frames that follow only settle hover and the scroll bar's thumb.
    draw_frame();
    lap(g.startup.first_frame);
    char info[96];
    std::snprintf(info, sizeof info, "{\"webgl\":%d,\"tiers\":%d}", g.webgl_version, static_cast<int>(g.app->data().schedule.tiers.size()));
    browser_signal_ready(info);
    // Saving and the DOM mirror wait for the frames that follow (after_frames), off this path.
    runner_request_frames(2);
    return 0;
}

EMSCRIPTEN_KEEPALIVE void portal_on_fragment(const char* fragment) {  // back / forward
    if (!g.app) return;
    g.app->open_fragment(fragment);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_text(const char* text) {  // paste, soft keyboard
    ImGui_ImplHtml5_AddText(text);
}

EMSCRIPTEN_KEEPALIVE void portal_on_clipboard(int ok) {
    if (g.app) g.app->on_clipboard_result(ok != 0);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_file(const char* name, const char* content) {
    if (g.app) g.app->on_file_loaded(name, content);
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_timeout() { runner_request_frames(2); }

EMSCRIPTEN_KEEPALIVE void portal_on_hide() {  // the page is hidden or unloading: save now, not at the next burst's end
    if (g.app) g.app->commit();
}

EMSCRIPTEN_KEEPALIVE void portal_on_draft_elsewhere(const char* stored) {  // another tab saved its draft
    if (g.app) g.app->on_draft_saved_elsewhere(stored ? stored : "");
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_data_updated(const char* data_json) {  // fees published after the start
    if (!g.app) return;
    LoadResult loaded = try_load_membership(data_json ? data_json : "", "membership.json");
    if (!loaded.data) return;  // the data the app runs with stays; the next start reports the error
    g.app->on_data_updated(std::move(*loaded.data));
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_input() {  // any user input, for the kiosk idle timer
    if (g.app) g.app->note_user_input();
}

EMSCRIPTEN_KEEPALIVE void portal_on_update_available() {
    if (g.app) g.app->on_update_available();
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_on_color_scheme(int dark) {
    if (g.app) g.app->set_dark(dark != 0);
    runner_request_frames(3);
}

// Test and benchmark queries: where a labelled widget is, and what the app is doing.
EMSCRIPTEN_KEEPALIVE const char* portal_query_widget(const char* label) {
    static std::string out;
    const WidgetRect* r = widget_registry_find(label ? label : "");
    if (!r) return "";
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"visible\":%s}", r->x, r->y, r->w, r->h,
                  r->visible ? "true" : "false");
    out = buf;
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* portal_query_state() {
    static std::string out;
    if (!g.app) return "{}";
    char buf[320];
    std::snprintf(buf, sizeof buf, "{\"view\":\"%s\",\"frames\":%ld,\"cpu_ms_last\":%.3f,\"cpu_ms_total\":%.3f,\"ui_ms_total\":%.3f,\"toast\":%d,\"notice\":%d,\"heap\":%lu,\"heap_used\":%lu,\"draft\":",
                  g.app->view().c_str(), g.frames_drawn, g.cpu_ms_last, g.cpu_ms_total, g.ui_ms_total, g.app->toast().empty() ? 0 : 1,
                  g.app->notice().empty() ? 0 : 1, static_cast<unsigned long>(browser_heap_bytes()),
                  static_cast<unsigned long>(mallinfo().uordblks));  // what malloc has handed out
    char startup[200];
    std::snprintf(startup, sizeof startup,
                  ",\"startup\":{\"data\":%.2f,\"gl\":%.2f,\"setup\":%.2f,\"fonts\":%.2f,\"draft\":%.2f,\"first_frame\":%.2f}",
                  g.startup.data, g.startup.gl, g.startup.setup, g.startup.fonts, g.startup.draft, g.startup.first_frame);
    out = buf + draft_to_json(g.app->draft()) + ",\"focus\":" + nlohmann::json(widget_registry_focused_label()).dump() + startup + "}";
    return out.c_str();
}

}  // extern "C"

int main() { return 0; }  // the loader calls portal_start once the data is in
