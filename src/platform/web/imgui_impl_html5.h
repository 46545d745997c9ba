// Dear ImGui platform backend on Emscripten's html5.h: canvas size and device pixel ratio,
// mouse, touch, wheel and keyboard. Written for ImGui 1.86, which has no input queue: events are
// queued here and fed to ImGui so that a press and its release never land in the same frame.
// Shaped like ImGui's own backends: Init, NewFrame, Shutdown, and the state in one struct.
#pragma once

#include <functional>

struct ImGuiIO;

// Installs the event callbacks on `canvas_selector` (e.g. "#canvas") and on the window.
// `wake` is called whenever an event needs a frame; the runner schedules one.
bool ImGui_ImplHtml5_Init(const char* canvas_selector, std::function<void()> wake);
// How the app's ImGui behaves (keyboard navigation, no caret blink, no ini file): set by Init, and
// by a start rehearsed without the page (startup.cpp), which must build the same frames.
void ImGui_ImplHtml5_ConfigureIO(ImGuiIO& io);
void ImGui_ImplHtml5_Shutdown();
// Installs the canvas's callbacks again, on the element the selector finds now: the page replaced
// the canvas (web/app.js: a worker took the first and could not draw on it).
void ImGui_ImplHtml5_WatchCanvas();

// Applies queued input for one frame and updates the canvas size. Returns true when queued input
// remains (the runner must draw another frame).
bool ImGui_ImplHtml5_NewFrame(double now_seconds);

// Called after the frame: the mouse cursor, and the hidden text field that opens soft keyboards.
void ImGui_ImplHtml5_EndFrame();

float ImGui_ImplHtml5_PixelRatio();              // the canvas's devicePixelRatio, as last measured
bool ImGui_ImplHtml5_PixelRatioChanged();        // true once after a change (fonts must be rebuilt)
void ImGui_ImplHtml5_AddText(const char* utf8);  // text from the DOM (paste, soft keyboard)
bool ImGui_ImplHtml5_PointerHeld();              // a button or finger is down: keep drawing
void ImGui_ImplHtml5_SetKeysToApp(bool on);      // every key to ImGui, even on a DOM control (a canvas-only text input is active)
