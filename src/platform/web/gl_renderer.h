// The app's side of its WebGL drawing: each frame Dear ImGui builds goes, as one packet of bytes,
// to the drawer (web/draw.js), which draws it in a worker of its own where the browser can. The
// drawer sets its GL state once and keeps it: a frame only sends commands (buffer uploads,
// scissor rectangles, draws) and asks the GL nothing back. A query such as getParameter or
// isEnabled waits for the GPU process to answer, and with software GL for the previous frame to
// be rasterised; Dear ImGui's own OpenGL3 renderer makes 18 of them a frame to save and restore
// state nobody else uses here.
#pragma once

#include "page_protocol.h"

#include <cstddef>

struct ImDrawData;

namespace iiifc {

void gl_renderer_init();
void gl_renderer_upload_fonts();  // the font atlas's pixels (after building it) to the drawer, replacing the previous ones
// ... or the atlas's texture is the drawer's already (a rehearsal's pixels, sent by the page: font_atlas_copy.h).
void gl_renderer_use_fonts();
// Asks the drawer to say when the GPU has finished what has been sent (gl_renderer_confirm), and
// what it has said (without waiting; drawn at once where there are no fences, WebGL 1). The
// drawer may not be there yet: a worker takes a while to start, and the app does not wait.
using protocol::DrawerState;
void gl_renderer_confirm();
DrawerState gl_renderer_state();
// Calls then(nullptr) once the drawer has answered (gl_renderer_state() is no longer kWaiting), or
// after limit_ms: nothing runs meanwhile.
void gl_renderer_when_answered(void (*then)(void*), double limit_ms);
// Whether the frame differs from the one the canvas shows (resizing the canvas clears it, and
// changes the frame). Not drawing leaves the canvas as it is: the browser keeps showing it.
bool gl_renderer_differs(const ImDrawData* data, float clear_r, float clear_g, float clear_b);
// Packs it (page_protocol.h): the frame last given to gl_renderer_differs (its fingerprint is the
// canvas's now). False where the framebuffer is empty.
bool gl_renderer_pack(const ImDrawData* data, float clear_r, float clear_g, float clear_b);
// ... and sends the packet to the drawer.
void gl_renderer_draw(const ImDrawData* data, float clear_r, float clear_g, float clear_b);
const unsigned char* gl_renderer_packet(std::size_t& size);  // the last packet, for the test build's queries

}  // namespace iiifc
