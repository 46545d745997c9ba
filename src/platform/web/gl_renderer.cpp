#include "gl_renderer.h"

#include "browser_bridge.h"
#include "drawn_parts.h"
#include "page_protocol.h"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace iiifc {

namespace {

// The packet web/draw.js reads: page_protocol.h's layout. Vertices go as ImDrawVert is.
namespace packet = protocol::packet;
static_assert(sizeof(ImDrawVert) == sizeof(packet::Vertex) && offsetof(ImDrawVert, pos) == offsetof(packet::Vertex, pos) &&
                  offsetof(ImDrawVert, uv) == offsetof(packet::Vertex, uv) && offsetof(ImDrawVert, col) == offsetof(packet::Vertex, col),
              "ImDrawVert is sent as it is: it must be page_protocol.h's vertex");
const ImTextureID kFontTexture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1));  // the only texture

class Packet {
public:
    void clear() { bytes_.clear(); }
    template <typename Part>
    void part(const Part& part) {
        append(&part, sizeof part);
    }
    void append(const void* data, std::size_t size) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        bytes_.insert(bytes_.end(), p, p + size);
    }
    void pad_to_word() { bytes_.resize((bytes_.size() + 3) & ~std::size_t{3}); }
    const unsigned char* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }

private:
    std::vector<unsigned char> bytes_;  // kept between frames: its capacity is reused
};

struct State {
    std::uint64_t on_canvas = 0;  // fingerprint of the frame on the canvas; 0: none (or it must be sent again)
    std::uint64_t candidate = 0;  // fingerprint of the frame last given to gl_renderer_differs
    Packet packet;
    std::vector<packet::Command> commands;  // of one draw list, reused
};
State renderer;

// Hashes 8 bytes per step (multiply and fold), the tail with its length. Not ImHashData: a CRC32
// byte by byte is eight times slower, and each frame hashes every vertex it would draw.
class FrameHash {
public:
    void add(const void* data, std::size_t size) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        for (; size >= 8; size -= 8, p += 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            mix(word);
        }
        std::uint64_t tail = size;
        for (std::size_t i = 0; i < size; ++i) tail = (tail << 8) | p[i];
        mix(tail);
    }
    std::uint64_t value() const { return h_ == 0 ? 1 : h_; }

private:
    void mix(std::uint64_t word) {
        h_ = (h_ ^ word) * 0xFF51AFD7ED558CCDull;
        h_ ^= h_ >> 32;
    }
    std::uint64_t h_ = 0x9E3779B97F4A7C15ull;
};

// A fingerprint of everything a frame would draw. ImGui builds frames after every input to settle
// hover and layout; most of them come out identical to the one on the canvas, and sending one
// costs the GPU (with software GL, also the main thread: the compositor reads the canvas back).
std::uint64_t fingerprint(const ImDrawData* d, const float clear[3]) {
    FrameHash h;
    h.add(clear, 3 * sizeof(float));
    const float frame[6] = {d->DisplayPos.x,  d->DisplayPos.y,       d->DisplaySize.x,
                            d->DisplaySize.y, d->FramebufferScale.x, d->FramebufferScale.y};
    h.add(frame, sizeof frame);
    for (int n = 0; n < d->CmdListsCount; n++) {
        for_each_drawn_part(*d->CmdLists[n], [&h](const void* data, std::size_t size) { h.add(data, size); });
    }
    return h.value();
}

}  // namespace

void gl_renderer_init() {
    renderer = State{};
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "iiifc_webgl";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void gl_renderer_use_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->SetTexID(kFontTexture);
    atlas->ClearTexData();  // the pixels live in the texture now
    renderer.on_canvas = 0;
}

void gl_renderer_upload_fonts() {
    // build_fonts built the pixels (GetTexDataAsAlpha8 would link ImGui's default font: fonts.cpp).
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    browser_gl_font(atlas->TexPixelsAlpha8, atlas->TexWidth, atlas->TexHeight);
    gl_renderer_use_fonts();
}

void gl_renderer_confirm() { browser_gl_confirm(); }

void gl_renderer_when_answered(void (*then)(void*), double limit_ms) { browser_when_drawer_answers(then, nullptr, limit_ms); }

DrawerState gl_renderer_state() {
    const int state = browser_gl_state();
    return protocol::is_drawer_state(state) ? static_cast<DrawerState>(state) : DrawerState::waiting;
}

bool gl_renderer_differs(const ImDrawData* d, float clear_r, float clear_g, float clear_b) {
    const float clear[3] = {clear_r, clear_g, clear_b};
    renderer.candidate = fingerprint(d, clear);
    return renderer.candidate != renderer.on_canvas;
}

bool gl_renderer_pack(const ImDrawData* d, float clear_r, float clear_g, float clear_b) {
    const int fb_width = static_cast<int>(d->DisplaySize.x * d->FramebufferScale.x);
    const int fb_height = static_cast<int>(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0) return false;
    renderer.on_canvas = renderer.candidate;
    Packet& p = renderer.packet;
    p.clear();
    // Display coordinates (origin top left) to clip space.
    const float l = d->DisplayPos.x, r = l + d->DisplaySize.x, t = d->DisplayPos.y, b = t + d->DisplaySize.y;
    p.part(packet::Header{fb_width, fb_height, clear_r, clear_g, clear_b, 2.0f / (r - l), 2.0f / (t - b), (r + l) / (l - r),
                          (t + b) / (b - t), static_cast<std::int32_t>(d->CmdListsCount), static_cast<std::int32_t>(sizeof(ImDrawIdx))});

    const ImVec2 origin = d->DisplayPos, scale = d->FramebufferScale;
    for (int n = 0; n < d->CmdListsCount; n++) {
        const ImDrawList* list = d->CmdLists[n];
        // The commands first, in a list of their own: those with nothing to draw are left out,
        // and the count goes before the vertices.
        renderer.commands.clear();
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x1 = (cmd.ClipRect.x - origin.x) * scale.x, y1 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x2 = (cmd.ClipRect.z - origin.x) * scale.x, y2 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x2 <= x1 || y2 <= y1 || cmd.ElemCount == 0) continue;
            renderer.commands.push_back(
                {static_cast<std::int32_t>(x1), static_cast<std::int32_t>(fb_height - y2), static_cast<std::int32_t>(x2 - x1),
                 static_cast<std::int32_t>(y2 - y1), static_cast<std::int32_t>(reinterpret_cast<intptr_t>(cmd.GetTexID())),
                 static_cast<std::int32_t>(cmd.VtxOffset), static_cast<std::int32_t>(cmd.IdxOffset * sizeof(ImDrawIdx)),
                 static_cast<std::int32_t>(cmd.ElemCount)});
        }
        const std::size_t vertex_bytes = static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert);
        const std::size_t index_bytes = static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx);
        p.part(packet::List{static_cast<std::int32_t>(vertex_bytes), static_cast<std::int32_t>(index_bytes),
                            static_cast<std::int32_t>(renderer.commands.size())});
        p.append(list->VtxBuffer.Data, vertex_bytes);
        p.append(list->IdxBuffer.Data, index_bytes);
        p.pad_to_word();
        p.append(renderer.commands.data(), renderer.commands.size() * sizeof(packet::Command));
    }
    return true;
}

void gl_renderer_draw(const ImDrawData* d, float clear_r, float clear_g, float clear_b) {
    if (gl_renderer_pack(d, clear_r, clear_g, clear_b)) browser_gl_frame(renderer.packet.data(), static_cast<int>(renderer.packet.size()));
}

const unsigned char* gl_renderer_packet(std::size_t& size) {
    size = renderer.packet.size();
    return renderer.packet.data();
}

}  // namespace iiifc
