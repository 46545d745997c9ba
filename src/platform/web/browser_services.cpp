#include "browser_services.h"

#include "browser_bridge.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

namespace iiifc {

std::string take_c_string(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

void BrowserServices::copy_to_clipboard(const std::string& text) { browser_copy_text(text.c_str()); }

void BrowserServices::download(const std::string& file_name, const std::string& mime_type, const std::string& content) {
    browser_download(file_name.c_str(), mime_type.c_str(), content.c_str());
}

void BrowserServices::open_url(const std::string& url) {
    if (url.rfind("mailto:", 0) == 0) browser_open_url(url.c_str());  // the app opens nothing else
}

void BrowserServices::request_file(const std::string& accept) { browser_request_file(accept.c_str()); }

void BrowserServices::store_draft(const std::string& json) { browser_storage_set(kDraftKey, json.c_str()); }

StorageState BrowserServices::storage_state() {
    switch (browser_storage_state()) {
        case 1: return StorageState::unavailable;
        case 2: return StorageState::full;
        default: return StorageState::kept;
    }
}

void BrowserServices::set_location_fragment(const std::string& fragment, bool new_history_entry) {
    browser_set_fragment(fragment.c_str(), new_history_entry ? 1 : 0);
}

void BrowserServices::set_page_title(const std::string& title) { browser_set_title(title.c_str()); }

void BrowserServices::announce(const std::string& text) { browser_announce(text.c_str()); }

void BrowserServices::publish_semantics(const std::string& tree_json) { browser_publish_semantics(tree_json.c_str()); }

void BrowserServices::focus_control(unsigned id) { browser_semantics_focus(id); }

extern "C" void browser_select_text(unsigned from_id, int from, unsigned to_id, int to);  // library_find.js
void BrowserServices::select_text(unsigned from_id, std::size_t from, unsigned to_id, std::size_t to) {
    browser_select_text(from_id, static_cast<int>(from), to_id, static_cast<int>(to));
}

void BrowserServices::reload() { browser_reload(); }

double BrowserServices::now_seconds() { return emscripten_get_now() / 1000.0; }

double BrowserServices::wall_clock_ms() { return emscripten_date_now(); }

}  // namespace iiifc
