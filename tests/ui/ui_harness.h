// Headless Dear ImGui for tests: a context with no renderer (the null-renderer pattern), frames
// driven with synthetic input, widgets found by label through the test engine hooks.
#pragma once

#include "app.h"
#include "data_loader.h"
#include "fonts.h"
#include "platform_services.h"
#include "widget_registry.h"

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

namespace iiifc_test {

// Records what the app asked of the platform; the clock is set by the test.
struct FakePlatform : iiifc::PlatformServices {
    std::vector<std::string> clipboard, opened, announcements, stored, refused, fragments, file_requests, titles;
    struct Download { std::string name, mime, content; };
    std::vector<Download> downloads;
    std::vector<bool> fragment_pushed;
    std::string semantics;                 // the last tree published
    std::vector<unsigned> focused;
    int reloads = 0;
    double now = 1000.0;
    double wall_ms = 1764150000000.0;                 // the tabs' shared clock; tests move it
    iiifc::StorageState storage = iiifc::StorageState::kept;  // what the next read or write meets
    void copy_to_clipboard(const std::string& t) override { clipboard.push_back(t); }
    void download(const std::string& n, const std::string& m, const std::string& c) override { downloads.push_back({n, m, c}); }
    void open_url(const std::string& u) override { opened.push_back(u); }
    void request_file(const std::string& a) override { file_requests.push_back(a); }
    void store_draft(const std::string& j) override {
        if (storage == iiifc::StorageState::kept) stored.push_back(j);
        else refused.push_back(j);
    }
    iiifc::StorageState storage_state() override { return storage; }
    void set_location_fragment(const std::string& f, bool push) override { fragments.push_back(f); fragment_pushed.push_back(push); }
    void set_page_title(const std::string& t) override { titles.push_back(t); }
    void announce(const std::string& t) override { announcements.push_back(t); }
    void publish_semantics(const std::string& json) override { semantics = json; }
    void focus_control(unsigned id) override { focused.push_back(id); }
    void reload() override { ++reloads; }
    double now_seconds() override { return now; }
    double wall_clock_ms() override { return wall_ms; }
};

class Ui {
public:
    explicit Ui(iiifc::AppOptions options = {}, float width = 1280, float height = 800,
                iiifc::Views views = iiifc::default_views(), const iiifc::MembershipData* data = nullptr);  // null: shipped
    ~Ui();
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    void frame(int count = 1);                       // draws frames with the current input
    bool click(const std::string& label);            // move, press, release over the widget; false if not found
    void type(const std::string& utf8);              // characters into the focused field
    void key(int imgui_key_index);                   // press and release a key (ImGuiKey_ value)
    const iiifc::WidgetRect* find(const std::string& label);

    FakePlatform platform;
    std::unique_ptr<iiifc::App> app;
private:
    ImGuiContext* ctx_ = nullptr;
};

const iiifc::MembershipData& shipped_data();

}  // namespace iiifc_test
