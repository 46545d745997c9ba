// The functions the page's semantics tree calls (library_semantics.js): what a person did to a
// real DOM control (activated it, changed its value, focused or left it, moved the caret), taken
// by the widget with that id in the next frame (semantics.h).
#include "runner.h"
#include "semantics.h"

#include <emscripten.h>

extern "C" {

// action: 1 activate, 2 set value (the whole new value), 3 focus, 4 blur.
EMSCRIPTEN_KEEPALIVE void portal_semantic_action(unsigned id, int action, const char* value) {
    if (action < 1 || action > 4) return;
    iiifc::semantics::queue(id, static_cast<iiifc::SemanticAction>(action), value ? value : "");
    runner_request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void portal_semantic_caret(unsigned id, int start, int end) {  // UTF-16 units
    iiifc::semantics::set_caret(id, start, end);
    runner_request_frames(2);
}

}  // extern "C"
