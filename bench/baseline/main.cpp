// The benchmark's baseline: the smallest Dear ImGui app on the same toolchain, with the plain
// continuous main loop most Emscripten ImGui examples use. Our figures are reported against it.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

static bool g_signalled = false;

static void frame() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(w * ratio), static_cast<int>(h * ratio));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(ratio), static_cast<float>(ratio));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Baseline");
    ImGui::Text("Hello from Dear ImGui %s", IMGUI_VERSION);
    ImGui::Button("A button");
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, static_cast<int>(w * ratio), static_cast<int>(h * ratio));
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!g_signalled) {
        g_signalled = true;
        EM_ASM(window.baselineReady && window.baselineReady());
    }
}

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attrs);
    emscripten_webgl_make_context_current(ctx);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 100");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
