// The test build's queries (target portal_test, never the release app): where a labelled widget
// was built and what the app is doing, as JSON. test_queries.js wraps them as window.portalTest.
#include "browser_bridge.h"
#include "draft.h"
#include "extra_glyphs.h"
#include "frame_pacing.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "runner_state.h"
#include "semantics.h"
#include "shaped_text.h"
#include "theme.h"
#include "widget_registry.h"

#include <emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <malloc.h>

#include <cfloat>
#include <cstdint>
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

// The last frame packet sent to the drawer (its address and size in the heap), and what it should
// hold by ImGui's draw data: tests/browser/protocol.test.mjs reads it with web/draw.js.
EMSCRIPTEN_KEEPALIVE const char* portal_query_packet() {
    static std::string out;
    std::size_t size = 0;
    const unsigned char* bytes = gl_renderer_packet(size);
    const ImDrawData* d = ImGui::GetDrawData();
    if (!d || !size) return "";
    nlohmann::json lists = nlohmann::json::array();
    for (int n = 0; n < d->CmdListsCount; ++n) {
        const ImDrawList& list = *d->CmdLists[n];
        const ImDrawVert& first = list.VtxBuffer[0];
        lists.push_back({{"vertex_bytes", list.VtxBuffer.Size * sizeof(ImDrawVert)},
                         {"index_bytes", list.IdxBuffer.Size * sizeof(ImDrawIdx)},
                         {"first_vertex", {first.pos.x, first.pos.y, first.uv.x, first.uv.y, first.col}}});
    }
    const ImVec4 clear = palette().background;
    out = nlohmann::json{{"address", reinterpret_cast<std::uintptr_t>(bytes)},
                         {"size", size},
                         {"width", static_cast<int>(d->DisplaySize.x * d->FramebufferScale.x)},
                         {"height", static_cast<int>(d->DisplaySize.y * d->FramebufferScale.y)},
                         {"clear", {clear.x, clear.y, clear.z}},
                         {"display", {d->DisplayPos.x, d->DisplayPos.y, d->DisplaySize.x, d->DisplaySize.y}},
                         {"index_bytes", sizeof(ImDrawIdx)},
                         {"lists", lists}}
              .dump();
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
    const Runner& runner_state = runner();
    if (!runner_state.app) return "{}";
    nlohmann::json state = {
        {"view", runner_state.app->view()},
        {"frames", runner_state.frames_built},
        {"frames_sent", runner_state.frames_sent},
        {"frame_cost_ms", pacing_cost_ms()},
        {"cpu_ms_last", runner_state.cpu_ms_last},
        {"cpu_ms_total", runner_state.cpu_ms_total},
        {"ui_ms_total", runner_state.ui_ms_total},
        {"commit_ms_total", runner_state.commit_ms_total},
        {"commits", runner_state.commits},
        {"commit_due", runner_state.commit_due},
        {"settled", settled()},
        {"pointer_held", ImGui_ImplHtml5_PointerHeld()},
        {"toast", runner_state.app->toast().empty() ? 0 : 1},
        {"notice", runner_state.app->notice().empty() ? 0 : 1},
        {"heap", browser_heap_bytes()},
        {"heap_used", mallinfo().uordblks},  // what malloc has handed out
        {"draft", nlohmann::json::parse(draft_to_json(runner_state.app->draft(), runner_state.app->data()))},
        {"focus", widget_registry_focused_label()},
        // Text drawn by the browser: glyphs and whole runs added to the atlas, its texture's size.
        {"extra_glyphs", extra_glyph_count()},
        {"shaped_runs", shaped_run_count()},
        {"font_texture", {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight}},
    };
    nlohmann::json& startup = state["startup"] = {{"fonts_rehearsed", runner_state.startup.fonts_rehearsed}};
    for (int phase = 0; phase < protocol::kPhaseCount; ++phase) startup[protocol::kPhaseNames[phase]] = runner_state.startup.ms[phase];
    out = state.dump();
    return out.c_str();
}

}  // extern "C"
