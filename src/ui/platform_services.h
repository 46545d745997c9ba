// What the app needs from the platform it runs on. The browser runner implements it in
// src/platform/web; headless tests use a recording fake. The UI never includes Emscripten.
#pragma once

#include "storage_status.h"

#include <cstddef>
#include <string>

namespace iiifc {

class PlatformServices {
public:
    virtual ~PlatformServices() = default;
    virtual void copy_to_clipboard(const std::string& text) = 0;  // async; the app confirms
    virtual void download(const std::string& file_name, const std::string& mime_type, const std::string& content) = 0;
    virtual void open_url(const std::string& url) = 0;         // mailto: links
    virtual void request_file(const std::string& accept) = 0;  // answer: App::on_file_loaded
    virtual void store_draft(const std::string& json) = 0;     // "" clears it
    virtual StorageState storage_state() = 0;                  // of the last read or write of the draft
    virtual void set_location_fragment(const std::string& fragment, bool new_history_entry) = 0;
    virtual void set_page_title(const std::string& title) = 0;         // document.title
    virtual void announce(const std::string& text) = 0;                // screen reader live region
    virtual void publish_semantics(const std::string& tree_json) = 0;  // the DOM controls over the canvas (semantics.h)
    virtual void focus_control(unsigned id) = 0;                       // ImGui moved focus: the DOM control follows
    // The text selected on the canvas, from a byte of node `from_id`'s text to one of `to_id`'s (in
    // reading order; ids 0: none): the page selects the same text (text_selection.h).
    virtual void select_text(unsigned from_id, std::size_t from, unsigned to_id, std::size_t to) {
        (void)from_id, (void)from, (void)to_id, (void)to;
    }
    virtual void reload() = 0;           // switch to the new version
    virtual double now_seconds() = 0;    // monotonic
    virtual double wall_clock_ms() = 0;  // the same in every tab: stamps edits
};

}  // namespace iiifc
