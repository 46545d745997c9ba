// What a frame draws, list by list, as bytes: the vertices, the indices and, per command, its
// clip rectangle, texture and ranges. The one definition of "the same frame": the web renderer
// fingerprints it to skip a frame identical to the one on the canvas
// (src/platform/web/gl_renderer.cpp), and the tests compare it to show that the first frame is
// the settled one (tests/ui/first_frame_test.cpp).
#pragma once

#include <imgui.h>

#include <cstddef>

namespace iiifc {

// Calls sink(const void* data, std::size_t size) for each part of `list`, in order.
template <class Sink>
void for_each_drawn_part(const ImDrawList& list, Sink&& sink) {
    sink(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    sink(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        const ImTextureID texture = cmd.GetTexID();
        sink(&cmd.ClipRect, sizeof cmd.ClipRect);
        sink(&texture, sizeof texture);
        const unsigned int ranges[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
        sink(ranges, sizeof ranges);
    }
}

}  // namespace iiifc
