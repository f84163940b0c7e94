// The client's runtime: the SDL window, its OpenGL context, ImGui's backends and the
// per-frame loop that turns input into a drawn AppState. Same code on web and desktop;
// what differs is behind platform/platform.h. main.cpp only calls these three.
#pragma once

struct Runtime;

Runtime* StartRuntime();          // nullptr (and a logged reason) if no window could be made
void RunRuntime(Runtime* runtime);  // returns when the window closes (never on the web)
void StopRuntime(Runtime* runtime);
