#include "ui_harness.h"

#include "schedules.h"
#include "theme.h"

namespace iiifc_test {

const iiifc::MembershipData& shipped_data() {
    static const iiifc::MembershipData d = [] {
        iiifc::MembershipData data =
            iiifc::load_membership(iiifc::read_text_file(std::string(IIIFC_ASSETS_DIR) + "/membership.json"), "membership.json");
        iiifc::show_schedule_for_date(data, "2025-06-01");  // the seed, as the harness's clock (2025-11-26) shows it
        return data;
    }();
    return d;
}

Ui::Ui(iiifc::AppOptions options, float width, float height, iiifc::Views views, const iiifc::MembershipData* data) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);  // CreateContext keeps an earlier Ui's context current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // keys are addressed by ImGuiKey index
    app = std::make_unique<iiifc::App>(data ? *data : shipped_data(), platform, options, std::move(views));
    app->set_dark(options.dark);
    app->set_fonts(iiifc::build_fonts(iiifc::kTextSize, 1.0f));  // built; no renderer takes its pixels
}

Ui::~Ui() {
    ImGui::SetCurrentContext(ctx_);
    app.reset();
    ImGui::DestroyContext(ctx_);
}

void Ui::frame(int count) {
    ImGui::SetCurrentContext(ctx_);  // tests of two tabs hold two
    for (int i = 0; i < count; ++i) {
        iiifc::widget_registry_begin_frame();
        ImGui::NewFrame();
        app->frame();
        ImGui::Render();
        app->commit();
        platform.now += 1.0 / 60.0;
    }
}

const iiifc::WidgetRect* Ui::find(const std::string& label) {
    ImGui::SetCurrentContext(ctx_);
    const iiifc::WidgetRect* r = iiifc::widget_registry_find(label);
    ImGuiIO& io = ImGui::GetIO();
    // Widgets outside the visible part of a view are not drawn: scroll down, then up, to look for it.
    for (int i = 0; !r && i < 90; ++i) {
        io.MousePos = ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2);
        io.MouseWheel = i < 30 ? -1.0f : 1.0f;
        frame(2);
        r = iiifc::widget_registry_find(label);
    }
    // Scroll it fully into view with the wheel, as a person would.
    for (int i = 0; r && !(r->visible && r->y > 0 && r->y + r->h < io.DisplaySize.y) && i < 60; ++i) {
        io.MousePos = ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2);
        io.MouseWheel = r->y + r->h >= io.DisplaySize.y ? -1.0f : 1.0f;
        frame(2);
        r = iiifc::widget_registry_find(label);
    }
    return r;
}

bool Ui::click(const std::string& label) {
    ImGui::SetCurrentContext(ctx_);
    const iiifc::WidgetRect* r = find(label);
    if (!r) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r->x + r->w / 2, r->y + r->h / 2);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame(2);
    return true;
}

void Ui::type(const std::string& utf8) {
    ImGui::SetCurrentContext(ctx_);
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame(2);
}

void Ui::key(int imgui_key_index) {
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[imgui_key_index] = true;
    frame();
    io.KeysDown[imgui_key_index] = false;
    frame();
}

}  // namespace iiifc_test
