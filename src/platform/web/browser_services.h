// PlatformServices in the browser: each call is one function of browser_bridge.h.
#pragma once

#include "platform_services.h"

namespace iiifc {

class BrowserServices : public PlatformServices {
public:
    static constexpr const char* kDraftKey = "iiifc-portal.draft.v1";
    void copy_to_clipboard(const std::string& text) override;
    void download(const std::string& file_name, const std::string& mime_type, const std::string& content) override;
    void open_url(const std::string& url) override;
    void request_file(const std::string& accept) override;
    void store_draft(const std::string& json) override;
    StorageState storage_state() override;
    void set_location_fragment(const std::string& fragment, bool new_history_entry) override;
    void set_page_title(const std::string& title) override;
    void announce(const std::string& text) override;
    void publish_semantics(const std::string& tree_json) override;
    void focus_control(unsigned id) override;
    void select_text(unsigned from_id, std::size_t from, unsigned to_id, std::size_t to) override;  // library_find.js
    void reload() override;
    double now_seconds() override;
    double wall_clock_ms() override;
};

std::string take_c_string(char* s);  // copies and frees a string malloc'd by the JS side

}  // namespace iiifc
