// Draws Dear ImGui's draw data with WebGL (2, or 1). The app owns the canvas's GL context, so the
// renderer sets its GL state once at start-up and keeps it: a frame only sends commands (buffer
// uploads, scissor rectangles, draws) and asks the GL nothing back. A query such as getParameter
// or isEnabled waits for the GPU process to answer, and with software GL for the previous frame
// to be rasterised; Dear ImGui's own OpenGL3 renderer makes 18 of them a frame to save and
// restore state nobody else uses here.
#pragma once

struct ImDrawData;

namespace iiifc {

void gl_renderer_init(int webgl_version);  // the context is current; the shaders are built without waiting
bool gl_renderer_failed();                 // the shaders did not build (asks the GL once, and waits for it)
void gl_renderer_upload_fonts();           // the font atlas (after building it), replacing the previous one
// A fence after what has been sent, and whether the GPU has finished it: asked without waiting,
// true at once where there are no fences (WebGL 1). The first frame is shown once the GPU has
// drawn it (startup.cpp).
void gl_renderer_fence();
bool gl_renderer_done();
// Whether the frame differs from the one the canvas shows (resizing the canvas clears it, and
// changes the frame). Not drawing leaves the canvas as it is: the browser keeps showing it.
bool gl_renderer_differs(const ImDrawData* data, float clear_r, float clear_g, float clear_b);
// Sends it: the frame last given to gl_renderer_differs (its fingerprint is the canvas's now).
void gl_renderer_draw(const ImDrawData* data, float clear_r, float clear_g, float clear_b);

}  // namespace iiifc
