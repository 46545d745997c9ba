#include "frame_pacing.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

namespace iiifc {

namespace {

constexpr double kFreeMs = 8.0;  // a cost below this (a GPU) never holds a frame back
constexpr double kSpacing = 5.0;  // the next frame no sooner than this many costs later: <= 20 % busy

double g_sent_ms = -1e9;  // when the last frame was sent (our side done)
double g_cost_ms = 0;     // what the browser then spent before the page's next task

void measure(void*) { g_cost_ms = emscripten_get_now() - g_sent_ms; }

}  // namespace

void pacing_frame_sent(double now_ms) {
    g_sent_ms = now_ms;
    // A task queued now runs once the browser has put the frame on screen (the compositor's
    // commit, with the read-back under software GL, follows the animation frame in its task).
    emscripten_set_timeout(measure, 0, nullptr);
}

double pacing_wait_ms(double now_ms) {
    if (g_cost_ms < kFreeMs) return 0;
    const double wait = g_sent_ms + kSpacing * g_cost_ms - now_ms;
    return wait > 0 ? wait : 0;
}

double pacing_cost_ms() { return g_cost_ms; }

}  // namespace iiifc
