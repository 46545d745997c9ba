// The browser runner: owns the GL context, the ImGui context and the App, and draws frames on
// demand (never in a busy loop): after input, on resize, and when the app asks for a wake-up.
#pragma once

void runner_request_frames(int count);     // draw at least `count` more frames, starting at the next animation frame
void browser_run_frame_now();              // draw right away (inside an input event: user-gesture APIs work)
bool runner_long_press(float x, float y);  // a finger held still there: true if it selected a word (page_selection.cpp)
