// The test build's queries (target portal_test, never the release app): where a labelled widget
// was drawn and what the app is doing, as JSON. test_queries.js wraps them as window.portalTest.
#include "browser_bridge.h"
#include "draft.h"
#include "frame_pacing.h"
#include "imgui_impl_html5.h"
#include "runner_state.h"
#include "semantics.h"
#include "widget_registry.h"

#include <emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <malloc.h>

#include <cfloat>
#include <string>

using namespace iiifc;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* portal_query_widget(const char* label) {
    static std::string out;
    const WidgetRect* r = widget_registry_find(label ? label : "");
    if (!r) return "";
    out = nlohmann::json{{"x", r->x}, {"y", r->y}, {"w", r->w}, {"h", r->h}, {"visible", r->visible}}.dump();
    return out.c_str();
}

// The benchmark's A/B: the UI's time per frame with and without the semantics being recorded.
EMSCRIPTEN_KEEPALIVE void portal_set_semantics(int on) { semantics::set_recording(on != 0); }

EMSCRIPTEN_KEEPALIVE double portal_query_text_width(const char* text) {
    ImFont* f = ImGui::GetIO().FontDefault;
    return f ? f->CalcTextSizeA(f->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, text ? text : "").x : 0.0;
}

EMSCRIPTEN_KEEPALIVE const char* portal_query_state() {
    static std::string out;
    const Runner& g = runner();
    if (!g.app) return "{}";
    nlohmann::json state = {
        {"view", g.app->view()},
        {"frames", g.frames_drawn},
        {"frames_sent", g.frames_sent},
        {"frame_cost_ms", pacing_cost_ms()},
        {"cpu_ms_last", g.cpu_ms_last},
        {"cpu_ms_total", g.cpu_ms_total},
        {"ui_ms_total", g.ui_ms_total},
        {"commit_ms_total", g.commit_ms_total},
        {"commits", g.commits},
        {"commit_due", g.commit_due},
        {"settled", settled()},
        {"pointer_held", ImGui_ImplHtml5_PointerHeld()},
        {"toast", g.app->toast().empty() ? 0 : 1},
        {"notice", g.app->notice().empty() ? 0 : 1},
        {"heap", browser_heap_bytes()},
        {"heap_used", mallinfo().uordblks},  // what malloc has handed out
        {"draft", nlohmann::json::parse(draft_to_json(g.app->draft(), g.app->data()))},
        {"focus", widget_registry_focused_label()},
        {"startup",
         {{"data", g.startup.data},
          {"gl", g.startup.gl},
          {"setup", g.startup.setup},
          {"input", g.startup.input},
          {"fonts", g.startup.fonts},
          {"draft", g.startup.draft},
          {"gpu_wait", g.startup.gpu_wait},
          {"first_frame", g.startup.first_frame},
          {"first_draw", g.startup.first_draw},
          {"fonts_rehearsed", g.startup.fonts_rehearsed}}},
    };
    out = state.dump();
    return out.c_str();
}

}  // extern "C"
