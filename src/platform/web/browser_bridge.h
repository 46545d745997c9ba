// The browser functions the C++ side calls, implemented in JavaScript in library_browser.js
// (linked with --js-library), through the page's bridge (page_protocol.h, IIIFC_PAGE_BRIDGE).
// One small function each; strings are UTF-8.
#pragma once

extern "C" {
void browser_copy_text(const char* text);                                        // navigator.clipboard; answers portal_on_clipboard
void browser_download(const char* name, const char* mime, const char* content);  // a Blob link
void browser_open_url(const char* url);                                          // mailto: only
void browser_request_file(const char* accept);                                   // file picker; answers portal_on_file
char* browser_storage_get(const char* key);                                      // malloc'd, "" when absent; caller frees
void browser_storage_set(const char* key, const char* value);                    // "" removes the key
int browser_storage_state();                                                     // of the last get/set: 0 kept, 1 refused, 2 quota full
void browser_watch_storage(const char* key);                                     // another tab's write of key: portal_on_draft_elsewhere
void browser_watch_data_updates();                          // newer data found by the service worker: portal_on_data_updated
char* browser_location_fragment();                          // malloc'd; caller frees
char* browser_location_query(const char* key);              // ?key=value of the page URL; malloc'd
void browser_set_fragment(const char* fragment, int push);  // history.pushState / replaceState
void browser_set_title(const char* title);                  // document.title
void browser_announce(const char* text);                    // the page's polite live region
void browser_publish_semantics(const char* tree_json);      // the DOM controls over the canvas (library_semantics.js)
void browser_semantics_focus(unsigned id);                  // focus the DOM control of that widget
void browser_set_cursor(const char* css_cursor);
void browser_focus_canvas();
void browser_reload();                        // switch to a newly installed version
void browser_show_app();                      // the canvas replaces the static content (data-app-state="starting")
void browser_signal_first_frame();            // the first frame is sent to the drawer: data-first-frame-ms
void browser_signal_ready(const char* info);  // ... and shown: data-app-state="ready"
int browser_prefers_dark();
int browser_prefers_reduced_motion();
void browser_schedule_timeout(double ms);                          // calls portal_on_timeout after ms
void browser_next_task(void (*callback)(void*), void* user_data);  // calls it in a task of its own, unclamped
void browser_copy_start_data(char* into);                          // the data's bytes the loader fetched
void browser_fail(const char* message);                            // the app cannot start: the page says why
// The font atlas the rehearsal built (font_atlas_copy.h): its layout and pixels kept by the worker
// for the page (web/download.js), whose loader sends the pixels to the drawer; on the page its
// layout, taken once: malloc'd (the caller frees), null where there is none.
void browser_keep_rehearsed_fonts(const unsigned char* layout, int layout_size, const unsigned char* pixels, int width, int height);
unsigned char* browser_take_rehearsed_fonts(int* size);
// The drawer (web/draw.js): the font atlas (one byte a texel), a frame's packet (gl_renderer.cpp),
// a confirmation asked for, and its state (page_protocol.h, DrawerState).
void browser_gl_font(const unsigned char* pixels, int width, int height);
void browser_gl_frame(const unsigned char* packet, int bytes);
void browser_gl_confirm();
int browser_gl_state();
// Calls cb(user_data) once the drawer has answered (browser_gl_state() is no longer 0), or after
// limit_ms: in a task of its own where it had answered already, else where the answer arrives (the
// drawer's message; where the page found no WebGL, its promise's reaction), the app's stack empty.
void browser_when_drawer_answers(void (*cb)(void*), void* user_data, double limit_ms);
double browser_heap_bytes();                                             // size of the WebAssembly memory
void browser_measure(const char* name, double start_ms, double end_ms);  // performance.measure on the page's timeline
}
