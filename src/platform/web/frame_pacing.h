// How often a changed frame may be sent to the canvas. With a GPU, or where the app draws in a
// worker (web/draw.js), sending one costs the page about a millisecond and frames go out as they
// come (the worker draws the last of those that arrive while it is busy). Where the drawing runs
// on the page, with software GL (SwiftShader; blocklisted GPUs, virtual machines, many kiosk PCs)
// the browser's compositor reads the canvas back on the main thread, waiting for the frame to be
// rasterised: tens of milliseconds a frame (45 ms at 1280x800 here), and scrolling would keep the
// page over 90 % busy. The cost is measured after each frame sent (the time the page's next task
// waited); when it is over a few milliseconds, the next frame goes out no sooner than five times
// that cost later: the page stays at most ~20 % busy with frames, and input is handled in between
// (ImGui still runs every frame; only sending waits, and the last state is always sent).
#pragma once

namespace iiifc {

void pacing_frame_sent(double now_ms);  // a frame was just sent; its cost is measured in the next task
double pacing_wait_ms(double now_ms);   // how long before another frame may be sent (0: now)
double pacing_cost_ms();                // the last measured cost of a frame sent, for the figures

}  // namespace iiifc
