// The runner's state, shared by its three parts: the frame loop (frame_loop.cpp), start-up
// (startup.cpp) and the functions the page calls (exports.cpp); the test build's queries
// (test_queries.cpp) read it too. One instance, runner().
// Words, here and in web/: a frame is built (ImGui's draw data), sent (its packet to the drawer),
// drawn (the GPU has finished it, as the drawer says) and shown (the canvas visible).
#pragma once

#include "app.h"
#include "browser_services.h"
#include "fonts.h"
#include "page_protocol.h"

#include <cstddef>
#include <memory>

namespace iiifc {

struct Runner {
    BrowserServices services;
    std::unique_ptr<App> app;
    float base_font_size = kTextSize;
    bool started = false;   // the first frame is sent: until then input only queues up
    int frames_wanted = 0;  // frames still to draw
    bool frame_scheduled = false;
    double cpu_ms_last = 0;      // CPU time of the last frame, for the benchmark
    double cpu_ms_total = 0;     // ... and of all frames
    double ui_ms_total = 0;      // the part that builds the UI (NewFrame to Render), without GL
    double commit_ms_total = 0;  // saving and publishing the semantics tree, when bursts end
    long commits = 0;
    bool commit_due = false;  // a commit is scheduled (frame_loop.cpp: kCommitSpacingMs)
    double last_commit_ms = 0;
    long frames_built = 0;  // frames built (ImGui)
    long frames_sent = 0;   // ... and sent to the GL: those that differ from the canvas
    struct {
        double ms[protocol::kPhaseCount] = {};  // each start-up phase's time (page_protocol.h), its builds summed
        bool fonts_rehearsed = false;           // the font atlas was the rehearsal's, not built
    } startup;
};

Runner& runner();
// At start (rehearsed: the rehearsal's atlas, its layout here and its pixels in the page's
// JavaScript, font_atlas_copy.h; true where it was used) and when the pixel ratio changes.
bool rebuild_fonts(const FontAtlasCopy* rehearsed = nullptr);
void build_and_send_frame();  // one frame now: built, then sent
void build_frame();           // ImGui's part: the frame's draw data
void send_frame();            // the GL's part: the draw data to the canvas, if it differs and the pacing allows
void after_frames();          // saving, the semantics tree and the next frame or wake-up
void after_start();           // the start is over: input that came meanwhile is taken, the app's wake-ups asked for
bool settled();               // nothing to draw, send or commit: no frame wanted or due, no commit due

}  // namespace iiifc
