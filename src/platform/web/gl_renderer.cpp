#include "gl_renderer.h"

#include "drawn_parts.h"

#include <GLES3/gl3.h>  // fences (WebGL 2); the rest is GLES 2 / WebGL 1
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <cstdio>

namespace iiifc {

namespace {

// GLSL ES 1.00 runs on WebGL 1 and 2. The only texture is the font atlas, uploaded as alpha
// only (a quarter of the bytes of RGBA): its texels give the coverage, the vertex the colour;
// solid shapes sample the atlas's white texel, whose alpha is 1.
// The transform from display to clip space is a constant attribute (scale xy, offset zw), not a
// uniform: a uniform's location must be asked of the linked program, a round trip that waits for
// the GPU process to compile and link (attribute locations are bound before linking instead).
const char* kVertexShader =
    "attribute vec2 a_position;\n"
    "attribute vec2 a_uv;\n"
    "attribute vec4 a_color;\n"
    "attribute vec4 a_transform;\n"
    "varying vec2 v_uv;\n"
    "varying vec4 v_color;\n"
    "void main() {\n"
    "  v_uv = a_uv;\n"
    "  v_color = a_color;\n"
    "  gl_Position = vec4(a_position * a_transform.xy + a_transform.zw, 0.0, 1.0);\n"
    "}\n";
// The sampler reads texture unit 0, a sampler's initial value: nothing to set.
const char* kFragmentShader =
    "precision mediump float;\n"
    "uniform sampler2D u_texture;\n"
    "varying vec2 v_uv;\n"
    "varying vec4 v_color;\n"
    "void main() {\n"
    "  gl_FragColor = vec4(v_color.rgb, v_color.a * texture2D(u_texture, v_uv).a);\n"
    "}\n";

enum Attribute : GLuint { kPosition = 0, kUv = 1, kColor = 2, kTransform = 3 };

struct State {
    GLuint program = 0, vertex_buffer = 0, index_buffer = 0, font_texture = 0;
    int webgl_version = 0;
    bool program_used = false;
    int program_linked = -1;  // -1: not asked yet
    // What this renderer last set, so a frame sets only what changed.
    int fb_width = -1, fb_height = -1;
    float display_x = 0, display_y = 0, display_w = 0, display_h = 0;
    GLuint bound_texture = 0;
    std::uint64_t shown = 0;      // fingerprint of the frame on the canvas; 0: none (or it must be drawn again)
    std::uint64_t candidate = 0;  // fingerprint of the frame last given to gl_renderer_differs
    GLsync fence = nullptr;       // signalled when the GPU has finished what was sent before it (WebGL 2)
};
State s;

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// The vertex layout from `first_vertex` on: draws with a vertex offset (long views have more
// vertices than 16-bit indices reach) re-point the attributes instead of asking for base-vertex
// draws, which WebGL does not have.
void point_attributes(unsigned int first_vertex) {
    const size_t base = first_vertex * sizeof(ImDrawVert);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
}

void set_projection(const ImDrawData* d) {
    if (d->DisplayPos.x == s.display_x && d->DisplayPos.y == s.display_y && d->DisplaySize.x == s.display_w &&
        d->DisplaySize.y == s.display_h)
        return;
    s.display_x = d->DisplayPos.x;
    s.display_y = d->DisplayPos.y;
    s.display_w = d->DisplaySize.x;
    s.display_h = d->DisplaySize.y;
    // Display coordinates (origin top left) to clip space.
    const float l = d->DisplayPos.x, r = l + d->DisplaySize.x, t = d->DisplayPos.y, b = t + d->DisplaySize.y;
    glVertexAttrib4f(kTransform, 2.0f / (r - l), 2.0f / (t - b), (r + l) / (l - r), (t + b) / (b - t));
}

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

void gl_renderer_init(int webgl_version) {
    s = State{};
    s.webgl_version = webgl_version;
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    s.program = glCreateProgram();
    glAttachShader(s.program, vs);
    glAttachShader(s.program, fs);
    glBindAttribLocation(s.program, kPosition, "a_position");
    glBindAttribLocation(s.program, kUv, "a_uv");
    glBindAttribLocation(s.program, kColor, "a_color");
    glBindAttribLocation(s.program, kTransform, "a_transform");
    glLinkProgram(s.program);
    glDeleteShader(vs);  // freed with the program
    glDeleteShader(fs);
    // Nothing here asks whether the program linked: the answer would wait for the GPU process to
    // compile it. It compiles while the data is parsed and the fonts are built; start-up asks once
    // the GPU has drawn the first frame (gl_renderer_failed), when the answer costs no wait.
    glFlush();

    // The state every frame draws with, set once: nothing else draws in this context.
    glGenBuffers(1, &s.vertex_buffer);
    glGenBuffers(1, &s.index_buffer);
    glBindBuffer(GL_ARRAY_BUFFER, s.vertex_buffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s.index_buffer);
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);  // kTransform has no array: its value is a constant
    point_attributes(0);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);

    // The font texture exists from the start, with the parameters it keeps (the atlas is
    // uploaded into it when built). Glyphs are rasterised at device pixels and drawn one texel per
    // pixel: no filtering needed beyond linear, no mipmaps (the atlas need not be a power of two).
    glGenTextures(1, &s.font_texture);
    glBindTexture(GL_TEXTURE_2D, s.font_texture);
    s.bound_texture = s.font_texture;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = webgl_version == 2 ? "iiifc_webgl2" : "iiifc_webgl1";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void gl_renderer_upload_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (s.bound_texture != s.font_texture) glBindTexture(GL_TEXTURE_2D, s.font_texture);
    s.bound_texture = s.font_texture;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA, width, height, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(s.font_texture)));
    atlas->ClearTexData();  // the pixels live in the texture now
    s.shown = 0;
    // Sent now, so that the GPU process uploads the atlas while the next phases run. Left in the
    // command buffer, the upload went with the first draw, whose program check (glUseProgram)
    // then waited for it: 35 ms of the first draw at a phone's size, under software GL.
    glFlush();
}

void gl_renderer_fence() {
    if (s.fence) glDeleteSync(s.fence);
    s.fence = s.webgl_version >= 2 ? glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0) : nullptr;
    glFlush();  // a fence not sent never signals
}

bool gl_renderer_failed() {
    if (s.program_linked < 0) {
        GLint linked = 0;
        glGetProgramiv(s.program, GL_LINK_STATUS, &linked);
        s.program_linked = linked != 0 ? 1 : 0;
        if (!linked) std::fprintf(stderr, "portal: the WebGL shaders did not link\n");
    }
    return s.program_linked == 0;
}

bool gl_renderer_done() {
    if (!s.fence) return true;
    // A zero timeout asks without waiting: WebGL answers from what it last heard from the GPU.
    if (glClientWaitSync(s.fence, 0, 0) == GL_TIMEOUT_EXPIRED) return false;
    glDeleteSync(s.fence);
    s.fence = nullptr;
    return true;
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
    if (!s.program_used) {
        glUseProgram(s.program);  // at the first draw, not at start-up: WebGL's check waits for the link
        s.program_used = true;
    }
    s.shown = s.candidate;
    if (fb_width != s.fb_width || fb_height != s.fb_height) {
        glViewport(0, 0, fb_width, fb_height);
        s.fb_width = fb_width;
        s.fb_height = fb_height;
    }
    // The clear covers the whole drawing buffer: the scissor test is off for it.
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear_r, clear_g, clear_b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    set_projection(d);

    const ImVec2 origin = d->DisplayPos, scale = d->FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < d->CmdListsCount; n++) {
        const ImDrawList* list = d->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)), list->IdxBuffer.Data,
                     GL_STREAM_DRAW);
        unsigned int vertex_offset = 0;
        point_attributes(0);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x1 = (cmd.ClipRect.x - origin.x) * scale.x, y1 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x2 = (cmd.ClipRect.z - origin.x) * scale.x, y2 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x2 <= x1 || y2 <= y1) continue;
            glScissor(static_cast<int>(x1), static_cast<int>(fb_height - y2), static_cast<int>(x2 - x1), static_cast<int>(y2 - y1));
            const GLuint texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (texture != s.bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                s.bound_texture = texture;
            }
            if (cmd.VtxOffset != vertex_offset) {
                vertex_offset = cmd.VtxOffset;
                point_attributes(vertex_offset);
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}

}  // namespace iiifc
