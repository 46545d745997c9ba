#include "find_in_page.h"

#include "app.h"
#include "runner.h"
#include "runner_state.h"

#include <emscripten.h>

extern "C" void browser_watch_find();  // library_find.js

namespace iiifc {

void watch_find_in_page() { browser_watch_find(); }

}  // namespace iiifc

// The page's find matched the text of node `id` (UTF-16 units start..end); 0: no match.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_find_match(unsigned id, int start, int end) {
    if (!iiifc::runner().app) return;
    iiifc::runner().app->on_find_match(id, start, end);
    runner_request_frames(3);
}
