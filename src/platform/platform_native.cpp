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

void SetSdlHints() {}

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

// [SECTION] Time, data and HTTP on the desktop

#include <httplib.h>
#include <sys/random.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

namespace platform {
namespace {

// Requests run on their own threads; answers wait here until the frame takes them.
struct HttpState {
  std::mutex mutex;
  std::vector<HttpResponse> done;
  std::vector<std::pair<int, std::thread>> threads;  // by request id
  ~HttpState() {
    for (auto& [id, t] : threads)
      if (t.joinable()) t.join();
  }
};
HttpState g_http;

std::string ServerUrl() {
  const char* url = std::getenv("SAFESPACES_SERVER");
  return url && *url ? url : "http://127.0.0.1:8080";
}

}  // namespace

double NowSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t UnixMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int UtcOffsetMinutes() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

void RandomBytes(std::span<std::uint8_t> out) {
  std::size_t filled = 0;
  while (filled < out.size()) {
    const ssize_t got = getrandom(out.data() + filled, out.size() - filled, 0);
    if (got > 0) filled += static_cast<std::size_t>(got);
  }
}

std::string DataDir() {
  std::filesystem::path dir;
  if (const char* explicit_dir = std::getenv("SAFESPACES_DEVICE_DIR"); explicit_dir && *explicit_dir) {
    dir = explicit_dir;
  } else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    dir = std::filesystem::path(xdg) / "safespaces";
  } else {
    const char* home = std::getenv("HOME");
    dir = std::filesystem::path(home ? home : ".") / ".local/share/safespaces";
  }
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  return dir.string() + "/";
}

void PersistData() {}
bool DataPersisted() { return true; }  // SQLite has written the file before this is asked

void HttpRequest(int request_id, const char* method, const std::string& path, const std::string& body) {
  std::string verb = method;
  g_http.threads.emplace_back(request_id, std::thread([request_id, verb, path, body] {
    httplib::Client client(ServerUrl());
    client.set_tcp_nodelay(true);  // small JSON requests: no Nagle delay
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    httplib::Result result = verb == "GET" ? client.Get(path.c_str())
                                           : client.Post(path.c_str(), body, "application/json");
    HttpResponse response{request_id, result ? result->status : 0, result ? result->body : std::string()};
    std::lock_guard lock(g_http.mutex);
    g_http.done.push_back(std::move(response));
  }));
}

std::vector<HttpResponse> TakeHttpResponses() {
  std::vector<HttpResponse> taken;
  {
    std::lock_guard lock(g_http.mutex);
    taken.swap(g_http.done);
  }
  // A thread whose answer arrived has finished (or is about to): join it, and only it.
  for (const HttpResponse& response : taken) {
    for (auto it = g_http.threads.begin(); it != g_http.threads.end(); ++it) {
      if (it->first != response.request_id) continue;
      it->second.join();
      g_http.threads.erase(it);
      break;
    }
  }
  return taken;
}

bool IsOnline() { return true; }  // a failed request says otherwise, through its status 0

}  // namespace platform

namespace platform {

std::vector<MirrorEvent> TakeMirrorEvents() { return {}; }  // the desktop has no HTML mirror

SafeArea SafeAreaInsets() { return {}; }

float VisibleHeight() {
  SDL_Window* window = SDL_GL_GetCurrentWindow();
  int w = 0, h = 0;
  if (window) SDL_GetWindowSize(window, &w, &h);
  return static_cast<float>(h);
}

}  // namespace platform

namespace platform {

// The desktop build is for development: speech is logged, not spoken.
void Speak(const std::string& text) { std::fprintf(stderr, "read aloud: %s\n", text.c_str()); }
bool PrefersReducedMotion() { return false; }
void PlayChime() { std::fprintf(stderr, "chime\n"); }
void OpenUrl(const std::string& url) { SDL_OpenURL(url.c_str()); }

}  // namespace platform
