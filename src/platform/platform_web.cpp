// This is the implementation of platform.h for the browser (Emscripten, WebGL2).
// The browser owns the loop (emscripten_set_main_loop_arg); assets come from the
// preloaded package at /assets; the page's shell (web/shell.js) listens for SignalReady.
#include "platform/platform.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

namespace platform {
namespace {

struct LoopClosure {
  FrameFunction frame;
  void* user_data;
};

void WebFrame(void* arg) {
  auto* closure = static_cast<LoopClosure*>(arg);
  if (closure->frame(closure->user_data) == LoopControl::Quit) emscripten_cancel_main_loop();
}

EM_JS(void, JsSignalReady, (), {
  if (typeof Module.onSafeSpacesReady === 'function') Module.onSafeSpacesReady();
});

}  // namespace

void RunMainLoop(FrameFunction frame, void* user_data) {
  static LoopClosure closure;  // must outlive this call: the browser calls back after it returns
  closure = {frame, user_data};
  emscripten_set_main_loop_arg(WebFrame, &closure, 0, /*simulate_infinite_loop=*/1);
}

void ConfigureGlContextAttributes() {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
}

const char* GlslVersion() { return "#version 300 es"; }

unsigned ExtraWindowFlags() { return SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI; }

float DevicePixelRatio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

std::string AssetsDir() { return "/assets/"; }

void SignalReady() { JsSignalReady(); }

void LogInfo(const std::string& message) { emscripten_log(EM_LOG_CONSOLE, "%s", message.c_str()); }
void LogError(const std::string& message) { emscripten_log(EM_LOG_CONSOLE | EM_LOG_ERROR, "%s", message.c_str()); }

}  // namespace platform

namespace platform {
namespace {

EM_JS(void, JsPublishUiRecord, (const char* json), {
  if (typeof Module.onUiRecord === 'function') Module.onUiRecord(UTF8ToString(json));
});

}  // namespace

void PublishUiRecord(const std::string& json) { JsPublishUiRecord(json.c_str()); }

}  // namespace platform
