#include "gl_renderer.h"

#include "browser_bridge.h"
#include "drawn_parts.h"

#include <imgui.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace iiifc {

namespace {

// The packet web/draw.js reads (its HEADER_WORDS, LIST_WORDS, COMMAND_WORDS): 32-bit words, a
// header (framebuffer width and height, clear colour r g b, transform from display to clip space
// sx sy ox oy, the number of draw lists, the bytes of an index), then per draw list 3 words
// (vertex bytes, index bytes, commands), its vertices (ImDrawVert as is), its indices (padded to
// a word) and its commands, 8 words each (scissor x y w h in framebuffer pixels, texture, first
// vertex, first index's byte offset, index count).
constexpr std::size_t kPacketCommandWords = 8;
static_assert(sizeof(ImDrawVert) == 20, "web/draw.js reads ImDrawVert as 20 bytes: position, uv, colour");
const ImTextureID kFontTexture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1));  // the only texture

class Packet {
public:
    void clear() { bytes_.clear(); }
    void word(std::int32_t v) { append(&v, 4); }
    void word(float v) { append(&v, 4); }
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
    std::uint64_t shown = 0;      // fingerprint of the frame on the canvas; 0: none (or it must be drawn again)
    std::uint64_t candidate = 0;  // fingerprint of the frame last given to gl_renderer_differs
    Packet packet;
    std::vector<std::array<std::int32_t, kPacketCommandWords>> commands;  // of one draw list, reused
    bool rehearsal = false;                                               // nothing is sent (gl_renderer_rehearse)
};
State s;

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
    s = State{};
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "iiifc_webgl";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void gl_renderer_rehearse() { s.rehearsal = true; }

void gl_renderer_upload_fonts() {
    // build_fonts built the pixels (GetTexDataAsAlpha8 would link ImGui's default font: fonts.cpp).
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!s.rehearsal) browser_gl_font(atlas->TexPixelsAlpha8, atlas->TexWidth, atlas->TexHeight);
    atlas->SetTexID(kFontTexture);
    atlas->ClearTexData();  // the pixels live in the texture now
    s.shown = 0;
}

bool gl_renderer_upload_rehearsed_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (s.rehearsal || !browser_gl_rehearsed_font(atlas->TexWidth, atlas->TexHeight)) return false;
    atlas->SetTexID(kFontTexture);
    s.shown = 0;
    return true;
}

void gl_renderer_confirm() { browser_gl_confirm(); }

void gl_renderer_when_answered(void (*then)(void*), double limit_ms) { browser_when_drawer_answers(then, nullptr, limit_ms); }

DrawerState gl_renderer_state() {
    const int state = browser_gl_drawn();
    return state >= 0 && state <= 3 ? static_cast<DrawerState>(state) : DrawerState::kWaiting;
}

bool gl_renderer_differs(const ImDrawData* d, float clear_r, float clear_g, float clear_b) {
    const float clear[3] = {clear_r, clear_g, clear_b};
    s.candidate = fingerprint(d, clear);
    return s.candidate != s.shown;
}

void gl_renderer_draw(const ImDrawData* d, float clear_r, float clear_g, float clear_b) {
    const int fb_width = static_cast<int>(d->DisplaySize.x * d->FramebufferScale.x);
    const int fb_height = static_cast<int>(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0) return;
    s.shown = s.candidate;
    Packet& p = s.packet;
    p.clear();
    p.word(fb_width);
    p.word(fb_height);
    p.word(clear_r);
    p.word(clear_g);
    p.word(clear_b);
    // Display coordinates (origin top left) to clip space.
    const float l = d->DisplayPos.x, r = l + d->DisplaySize.x, t = d->DisplayPos.y, b = t + d->DisplaySize.y;
    p.word(2.0f / (r - l));
    p.word(2.0f / (t - b));
    p.word((r + l) / (l - r));
    p.word((t + b) / (b - t));
    p.word(static_cast<std::int32_t>(d->CmdListsCount));
    p.word(static_cast<std::int32_t>(sizeof(ImDrawIdx)));

    const ImVec2 origin = d->DisplayPos, scale = d->FramebufferScale;
    for (int n = 0; n < d->CmdListsCount; n++) {
        const ImDrawList* list = d->CmdLists[n];
        // The commands first, in a list of their own: those with nothing to draw are left out,
        // and the count goes before the vertices.
        s.commands.clear();
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x1 = (cmd.ClipRect.x - origin.x) * scale.x, y1 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x2 = (cmd.ClipRect.z - origin.x) * scale.x, y2 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x2 <= x1 || y2 <= y1 || cmd.ElemCount == 0) continue;
            s.commands.push_back(
                {{static_cast<std::int32_t>(x1), static_cast<std::int32_t>(fb_height - y2), static_cast<std::int32_t>(x2 - x1),
                  static_cast<std::int32_t>(y2 - y1), static_cast<std::int32_t>(reinterpret_cast<intptr_t>(cmd.GetTexID())),
                  static_cast<std::int32_t>(cmd.VtxOffset), static_cast<std::int32_t>(cmd.IdxOffset * sizeof(ImDrawIdx)),
                  static_cast<std::int32_t>(cmd.ElemCount)}});
        }
        const std::size_t vertex_bytes = static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert);
        const std::size_t index_bytes = static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx);
        p.word(static_cast<std::int32_t>(vertex_bytes));
        p.word(static_cast<std::int32_t>(index_bytes));
        p.word(static_cast<std::int32_t>(s.commands.size()));
        p.append(list->VtxBuffer.Data, vertex_bytes);
        p.append(list->IdxBuffer.Data, index_bytes);
        p.pad_to_word();
        p.append(s.commands.data(), s.commands.size() * sizeof(s.commands[0]));  // no padding: int32 arrays
    }
    if (!s.rehearsal) browser_gl_frame(p.data(), static_cast<int>(p.size()));
}

}  // namespace iiifc
