// The warm-up: a rehearsal of the app's start, run by web/download.js in a worker, on an instance of
// its own of the module the page then starts the app with. V8 compiles each WebAssembly function
// at its first call, on the thread that calls it; the compiled code belongs to the module, and so
// to every instance of it in every thread. Rehearsed in the worker, the start's functions are
// compiled there: on the page, where each phase of the start is a task of its own on a phone,
// the phases then only run (parsing the data: 25 ms real here at first, 6 ms warm).
// Nothing here reaches the page: no browser service is called, no frame is sent to the drawer.
#include "app.h"
#include "data_loader.h"
#include "browser_bridge.h"
#include "font_atlas_copy.h"
#include "fonts.h"
#include "gl_renderer.h"
#include "imgui_impl_html5.h"
#include "theme.h"

#include <emscripten.h>
#include <emscripten/html5.h>  // emscripten_date_now
#include <imgui.h>

#include <string>
#include <vector>

using namespace iiifc;

namespace {

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

}  // namespace

extern "C" {

// The start as startup.cpp runs it, on the data the page fetched, at the canvas's size in device
// pixels and the page's pixel ratio, on the view its link opens (`fragment`): the data parsed, the
// app made, the font atlas built (and kept for the page, which restores it: phase_fonts), the
// draft restored, the first frame built and packed, the semantics tree and the draft's saving
// committed. Returns false where the data does not load
// (the page's start says why).
EMSCRIPTEN_KEEPALIVE bool portal_warm_up(const char* data, int data_bytes, const char* fragment, int width, int height, double ratio) {
    LoadResult loaded =
        try_load_membership(std::string(data, static_cast<std::size_t>(data_bytes > 0 ? data_bytes : 0)), "membership.json");
    if (!loaded.data) return false;
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplHtml5_ConfigureIO(io);
    const float r = ratio > 0 ? static_cast<float>(ratio) : 1.0f;
    io.DisplaySize = ImVec2(static_cast<float>(width) / r, static_cast<float>(height) / r);
    io.DisplayFramebufferScale = ImVec2(r, r);
    gl_renderer_init();
    gl_renderer_rehearse();
    QuietServices services;
    {
        App app(std::move(*loaded.data), services, AppOptions{});
        app.set_dark(false);
        app.set_fonts(build_fonts(kTextSize, r));
        // Kept for the page, which restores it instead of building it (phase_fonts).
        const std::vector<unsigned char> layout = copy_font_atlas(*io.Fonts);
        if (!layout.empty()) {
            browser_keep_rehearsed_fonts(layout.data(), static_cast<int>(layout.size()), io.Fonts->TexPixelsAlpha8, io.Fonts->TexWidth,
                                         io.Fonts->TexHeight);
        }
        gl_renderer_upload_fonts();
        app.restore_draft("");
        app.open_fragment(fragment ? fragment : "");
        const ImVec4 bg = palette().background;
        for (int i = 0; i < kBuildsBeforeFirstShown + 1; ++i) {
            io.DeltaTime = 1.0f / 60.0f;
            ImGui::NewFrame();
            app.frame();
            ImGui::Render();
            if (gl_renderer_differs(ImGui::GetDrawData(), bg.x, bg.y, bg.z)) gl_renderer_draw(ImGui::GetDrawData(), bg.x, bg.y, bg.z);
        }
        app.adopt_restored_draft();
        app.commit();
    }
    ImGui::DestroyContext(context);
    return true;
}

}  // extern "C"
