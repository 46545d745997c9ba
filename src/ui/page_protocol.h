// What crosses between the app (C++) and the page (JavaScript), written once. C++ includes this
// header; scripts/page_protocol.mjs reads it and gives the page the same values (web/*.js through
// scripts/build_site.mjs, the --js-library files as $portalProtocol, the tests through import).
// Each list is one X-macro: a new state, action, phase, field or bridge member is one line here.
// tests/browser/protocol.test.mjs fails when either side reads or writes something else.
#pragma once

#include <cstdint>

// The drawer's answer to a confirmation (web/draw.js in a worker or on the page; web/app.js keeps it).
// X(name, value, what it means)
#define IIIFC_DRAWER_STATES(X)                                               \
    X(waiting, 0, "a confirmation is awaited")                               \
    X(drawn, 1, "the GPU has drawn everything sent before the confirmation") \
    X(shaders_failed, 2, "... but the shaders did not link")                 \
    X(no_webgl, 3, "the browser gives no WebGL context: the page has said so")

// What a DOM control of the semantics tree (library_semantics.js) asks of its widget (semantics.h).
// X(name, value, what it means)
#define IIIFC_SEMANTIC_ACTIONS(X)                       \
    X(activate, 1, "a click, Enter or Space")           \
    X(set_value, 2, "the control's new value, as text") \
    X(focus, 3, "the control took the browser's focus") \
    X(blur, 4, "the control lost it")

// The start-up's phases, in the order they run (src/platform/web/startup.cpp's table). Each is a
// performance measure "portal:<name>" on the page's timeline and a figure of the test build's
// state (startup.<name>).
// X(name, measure name, what runs)
#define IIIFC_START_PHASES(X)                                                                   \
    X(gl, "gl", "ImGui's context and the renderer; the drawer makes its context meanwhile")     \
    X(data, "data", "the data's bytes parsed and validated")                                    \
    X(setup, "setup", "the app made with the page's options")                                   \
    X(input, "input", "the page's input wired to ImGui")                                        \
    X(fonts, "fonts", "the font atlas restored from the rehearsal's, or built; sent")           \
    X(draft, "draft", "the saved draft and the page's link applied")                            \
    X(first_frame, "first-frame", "the first frame built (ImGui), once per build")              \
    X(first_draw, "first-draw", "the first frame sent to the drawer, a confirmation asked for") \
    X(gpu_wait, "gpu-wait", "the state committed, then waiting (not blocking) for the drawer's answer")

// The frame packet (gl_renderer.cpp writes it, web/draw.js reads it): a header, then per draw list
// a list header, its vertices, its indices (padded to 4 bytes) and its commands. Little-endian;
// each field's offset is its place in the list times its size (all fields are 4 bytes but the
// vertex's). X(name, type, what it holds); types: i32, f32, f32x2, u8x4.
#define IIIFC_PACKET_HEADER(X)                                                   \
    X(width, i32, "framebuffer width in device pixels")                          \
    X(height, i32, "framebuffer height in device pixels")                        \
    X(clear_r, f32, "clear colour, red 0-1")                                     \
    X(clear_g, f32, "clear colour, green")                                       \
    X(clear_b, f32, "clear colour, blue")                                        \
    X(scale_x, f32, "display coordinates to clip space: x * scale_x + offset_x") \
    X(scale_y, f32, "... y * scale_y + offset_y")                                \
    X(offset_x, f32, "")                                                         \
    X(offset_y, f32, "")                                                         \
    X(lists, i32, "the number of draw lists that follow")                        \
    X(index_bytes, i32, "the size of an index: 2 or 4")
#define IIIFC_PACKET_LIST(X)                                  \
    X(vertex_bytes, i32, "its vertices' bytes")               \
    X(index_bytes, i32, "its indices' bytes, before padding") \
    X(commands, i32, "its commands, after its indices")
#define IIIFC_PACKET_COMMAND(X)                                                      \
    X(scissor_x, i32, "scissor rectangle in framebuffer pixels, origin bottom left") \
    X(scissor_y, i32, "")                                                            \
    X(scissor_w, i32, "")                                                            \
    X(scissor_h, i32, "")                                                            \
    X(texture, i32, "1: the font atlas, the only texture")                           \
    X(first_vertex, i32, "added to each index")                                      \
    X(first_index_byte, i32, "the first index's byte offset in the list's indices")  \
    X(count, i32, "indices to draw")
#define IIIFC_PACKET_VERTEX(X)                       \
    X(pos, f32x2, "position in display coordinates") \
    X(uv, f32x2, "texture coordinates in the atlas") \
    X(col, u8x4, "colour, RGBA, not premultiplied")

// The messages between the page's scripts and their workers, {type: name, fields...}: the drawer
// (web/draw.js), the download worker (web/download.js) and the service worker (web/sw.js).
// X(name, sent by, received by, fields): files under web/ or src/platform/web/, separated by spaces.
#define IIIFC_MESSAGES(X)                                                                                             \
    X("download", "app.js", "download.js", "data, wasm, runtime (URLs), fragment, width, height, ratio (the canvas)") \
    X("init", "app.js", "draw.js", "canvas (an OffscreenCanvas), attrs (WebGL context attributes)")                   \
    X("context", "draw.js", "app.js", "version: the WebGL version, 0 where there is none")                            \
    X("font", "library_browser.js app.js", "draw.js", "width, height, pixels (one byte a texel)")                     \
    X("font-rows", "library_glyphs.js", "draw.js", "height, colour: the atlas (or the colour glyphs') grows to it")   \
    X("font-region", "library_glyphs.js", "draw.js", "x, y, width, height, pixels, colour (RGBA): glyphs drawn")      \
    X("frame", "library_browser.js", "draw.js", "packet (IIIFC_PACKET_*)")                                            \
    X("confirm", "app.js", "draw.js", "")                                                                             \
    X("drawn", "draw.js", "app.js", "linked: whether the shaders linked")                                             \
    X("bytes", "download.js", "app.js", "n: bytes downloaded since the last")                                         \
    X("downloaded", "download.js", "app.js", "data (Uint8Array), module (WebAssembly.Module)")                        \
    X("failed", "download.js", "app.js", "error")                                                                     \
    X("rehearsed", "download.js", "app.js", "ok, error, fonts: {layout, pixels, width, height} or null")              \
    X("skip-waiting", "app.js", "sw.js", "")                                                                          \
    X("data-updated", "sw.js", "library_browser.js", "")

// window.portalBridge: how library_browser.js reaches the page (web/app.js, a frozen object of the
// members for the page) or, in the download worker, the rehearsal (web/download.js: its members).
// X(name, where: page | rehearsal | both, JavaScript type, what it is for)
#define IIIFC_PAGE_BRIDGE(X)                                                                                                \
    X(nextTask, page, "function(fn)", "runs fn in a task of its own, without the timers' 4 ms clamp")                       \
    X(takeStartData, both, "function(): Uint8Array", "the data's bytes the loader fetched, once")                           \
    X(keepRehearsedFonts, rehearsal, "function(layout, pixels, width, height)", "the rehearsal's font atlas, for the page") \
    X(takeRehearsedFonts, page, "function(): Uint8Array|null", "its layout, once (its pixels went to the drawer)")          \
    X(draw, page, "function(message, transfer)", "a message for the drawer (web/draw.js), queued until it is there")        \
    X(confirm, page, "function()", "asks the drawer to say when the GPU has drawn what was sent")                           \
    X(drawerState, page, "function(): number", "one of IIIFC_DRAWER_STATES")                                                \
    X(whenDrawerAnswers, page, "function(fn, limitMs)", "fn once the state is no longer waiting, or after limitMs")         \
    X(measure, page, "function(name, start, end)", "a start-up phase on the page's timeline")                               \
    X(firstFrame, page, "function()", "the first frame is sent: mark portal-first-frame")                                   \
    X(show, page, "function()", "the canvas is shown, with the first frame the GPU drew")                                   \
    X(ready, page, "function(info)", "the start is over: mark portal-shown, event portal-ready")                            \
    X(fail, page, "function(message)", "the app cannot start: the page says why")                                           \
    X(reload, page, "function()", "switch to the newly installed version")                                                  \
    X(storageFailed, page, "function(why)", "the browser refused to store the draft")                                       \
    X(watchStorage, page, "function(fn)", "fn(event) for each other tab's save, from the page's early listener")

namespace iiifc::protocol {

enum class DrawerState {
#define IIIFC_ENUM_ITEM(name, value, doc) name = value,
    IIIFC_DRAWER_STATES(IIIFC_ENUM_ITEM)
};
enum class SemanticAction { IIIFC_SEMANTIC_ACTIONS(IIIFC_ENUM_ITEM) };
#undef IIIFC_ENUM_ITEM
// Whether a number from the page is one of the list's values.
#define IIIFC_IS_VALUE(name, value, doc) || number == value
constexpr bool is_drawer_state(int number) { return false IIIFC_DRAWER_STATES(IIIFC_IS_VALUE); }
constexpr bool is_semantic_action(int number) { return false IIIFC_SEMANTIC_ACTIONS(IIIFC_IS_VALUE); }
#undef IIIFC_IS_VALUE

enum class Phase {
#define IIIFC_PHASE_ITEM(name, measure, doc) name,
    IIIFC_START_PHASES(IIIFC_PHASE_ITEM)
#undef IIIFC_PHASE_ITEM
};
constexpr const char* kPhaseNames[] = {
#define IIIFC_PHASE_NAME(name, measure, doc) measure,
    IIIFC_START_PHASES(IIIFC_PHASE_NAME)
#undef IIIFC_PHASE_NAME
};
constexpr int kPhaseCount = static_cast<int>(sizeof kPhaseNames / sizeof kPhaseNames[0]);
constexpr const char* phase_name(Phase phase) { return kPhaseNames[static_cast<int>(phase)]; }

// The packet's parts as structs: C++ writes them whole, so their layout is the definition's.
namespace packet {
using i32 = std::int32_t;
using f32 = float;
struct f32x2 {
    float x, y;
};
using u8x4 = std::uint32_t;
#define IIIFC_PACKET_FIELD(name, type, doc) type name;
struct Header {
    IIIFC_PACKET_HEADER(IIIFC_PACKET_FIELD)
};
struct List {
    IIIFC_PACKET_LIST(IIIFC_PACKET_FIELD)
};
struct Command {
    IIIFC_PACKET_COMMAND(IIIFC_PACKET_FIELD)
};
struct Vertex {
    IIIFC_PACKET_VERTEX(IIIFC_PACKET_FIELD)
};
#undef IIIFC_PACKET_FIELD
static_assert(sizeof(Header) == 44 && sizeof(List) == 12 && sizeof(Command) == 32 && sizeof(Vertex) == 20,
              "no padding: every field is 4 or 8 bytes (scripts/page_protocol.mjs computes the same offsets)");
}  // namespace packet

}  // namespace iiifc::protocol
