// The platform interface: what the client needs from where it runs (browser or desktop).
// Screens and the app call these and never ask where they run; platform_web.cpp and
// platform_native.cpp implement them and the build picks one. Start with RunMainLoop.
#pragma once
#include <string>

namespace platform {

enum class LoopControl { Continue, Quit };
using FrameFunction = LoopControl (*)(void* user_data);

// Runs `frame` once per display refresh until it returns Quit (native) or forever (web,
// where the browser owns the loop and this call does not return).
void RunMainLoop(FrameFunction frame, void* user_data);

// OpenGL context attributes and the GLSL version string ImGui's renderer needs.
void ConfigureGlContextAttributes();
const char* GlslVersion();

// Window flags the platform wants beyond SDL_WINDOW_OPENGL (high-DPI, resizable, ...).
unsigned ExtraWindowFlags();

// Physical pixels per CSS pixel (web) or per window point (native).
float DevicePixelRatio();

// Folder of read-only assets (fonts, icons, word lists), with a trailing '/'.
std::string AssetsDir();

// Tells whoever waits (the page, a browser test) that the first usable frame is drawn.
void SignalReady();

// A message for developers: the browser's console or stderr.
void LogInfo(const std::string& message);
void LogError(const std::string& message);

}  // namespace platform

namespace platform {

// Hands the page what the UI showed this frame (ui::RecordToJson), for the screen-reader
// mirror and browser tests. Called only when it changed.
void PublishUiRecord(const std::string& json);

}  // namespace platform
