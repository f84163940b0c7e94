// This is the implementation of platform.h for the desktop (Linux, SDL2 window), used for
// development and tests. A plain `while` loop, OpenGL 3.3 core, assets beside the binary.
#include "platform/platform.h"

#include <SDL.h>

#include <cstdio>

namespace platform {

void RunMainLoop(FrameFunction frame, void* user_data) {
  while (frame(user_data) == LoopControl::Continue) {
  }
}

void ConfigureGlContextAttributes() {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
}

const char* GlslVersion() { return "#version 330 core"; }

unsigned ExtraWindowFlags() { return SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI; }

float DevicePixelRatio() {
  // SDL 2.26 reports no scale on X11; the drawable/window ratio covers Wayland and macOS.
  SDL_Window* window = SDL_GL_GetCurrentWindow();
  if (!window) return 1.0f;
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(window, &w, &h);
  SDL_GL_GetDrawableSize(window, &pw, &ph);
  return w > 0 ? static_cast<float>(pw) / static_cast<float>(w) : 1.0f;
}

std::string AssetsDir() {
  char* base = SDL_GetBasePath();
  std::string dir = base ? std::string(base) + "assets/" : std::string("assets/");
  SDL_free(base);
  return dir;
}

void SignalReady() { std::fprintf(stderr, "Safe Spaces is ready\n"); }

void LogInfo(const std::string& message) { std::fprintf(stderr, "%s\n", message.c_str()); }
void LogError(const std::string& message) { std::fprintf(stderr, "error: %s\n", message.c_str()); }

}  // namespace platform

namespace platform {

void PublishUiRecord(const std::string&) {}  // no page to tell; tests read AppState directly

}  // namespace platform
