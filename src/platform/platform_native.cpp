// This is the implementation of platform.h for the desktop (Linux, SDL2 window), used for
// development and tests. A plain `while` loop, OpenGL 3.3 core, assets beside the binary;
// HTTP and map pictures on a few worker threads (WorkerPool), PNG decoded by libpng.
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
void ReportFrameTime(double, double, bool) {}  // tools/bench-map.sh measures the browser; natively, safespaces-map-bench

void IdleFrame() { SDL_WaitEventTimeout(nullptr, 16); }
void MarkTime(const char*) {}              // only the browser has a timeline from navigation

}  // namespace platform

namespace platform {

void PublishUiRecord(const std::string&) {}  // no page to tell; tests read AppState directly

}  // namespace platform

// [SECTION] Time, data and HTTP on the desktop

#include <httplib.h>
#include <sys/random.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace platform {
namespace {

// A few threads that run jobs in the order given, started as jobs arrive. At exit, jobs
// not yet started are dropped and running ones finish (their timeouts bound the wait).
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads) : max_threads_(threads) {}
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      jobs_.clear();
    }
    wake_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  void Run(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
      if (jobs_.size() > idle_ && threads_.size() < max_threads_) threads_.emplace_back([this] { Work(); });
    }
    wake_.notify_one();
  }

 private:
  void Work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (stopping_) return;
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
  }

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

// Answers made on the workers wait here until the frame takes them. HTTP and pictures each
// have their own, so a slow tile server never holds up sync.
template <typename Answer>
struct AnswerQueue {
  explicit AnswerQueue(std::size_t threads) : workers(threads) {}
  void Add(Answer answer) {
    std::lock_guard lock(mutex);
    done.push_back(std::move(answer));
  }
  std::vector<Answer> Take() {
    std::lock_guard lock(mutex);
    return std::exchange(done, {});
  }
  std::mutex mutex;
  std::vector<Answer> done;
  WorkerPool workers;  // last: stopped before what its jobs write to is destroyed
};
AnswerQueue<HttpResponse> g_http(4);
AnswerQueue<ImageResponse> g_images(4);  // a screenful of tiles is 12 to 30

// Read on the caller's thread (getenv is not safe beside a test's setenv).
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
bool DataCopiedBetweenFrames() { return false; }

void HttpRequest(int request_id, const char* method, const std::string& path, const std::string& body,
                 const std::string& bearer_token) {
  g_http.workers.Run([request_id, verb = std::string(method), server = ServerUrl(), path, body, bearer_token] {
    httplib::Client client(server);
    client.set_tcp_nodelay(true);  // small JSON requests: no Nagle delay
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    if (!bearer_token.empty()) client.set_bearer_token_auth(bearer_token);
    httplib::Result result = verb == "GET" ? client.Get(path.c_str())
                                           : client.Post(path.c_str(), body, "application/json");
    g_http.Add({request_id, result ? result->status : 0, result ? result->body : std::string()});
  });
}

std::vector<HttpResponse> TakeHttpResponses() { return g_http.Take(); }

bool IsOnline() { return true; }  // a failed request says otherwise, through its status 0

namespace {

// Writes `bytes` to `path`; logs when it cannot.
bool WriteWholeFile(const std::filesystem::path& path, const std::string& bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  const bool written = file && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  if (file) std::fclose(file);
  if (!written) std::fprintf(stderr, "Safe Spaces could not write %s\n", path.c_str());
  return written;
}

}  // namespace

void SaveFile(const std::string& file_name, const std::string& /*mime_type*/, const std::string& bytes) {
  const char* folder = std::getenv("SAFESPACES_DOWNLOADS");
  const std::filesystem::path name = std::filesystem::path(file_name).filename();  // never a path out of the folder
  WriteWholeFile(std::filesystem::path(folder && *folder ? folder : ".") / name, bytes);
}

void OpenDocument(const std::string& html) {
  std::error_code error;
  const std::filesystem::path path = std::filesystem::temp_directory_path(error) / "safespaces-page.html";
  if (!error && WriteWholeFile(path, html)) SDL_OpenURL(("file://" + path.string()).c_str());
}

std::string StartPath() {
  const char* path = std::getenv("SAFESPACES_START_PATH");
  return path && *path ? path : "/";
}

std::string SiteAddress() {
  std::string site = ServerUrl();
  if (const std::size_t scheme = site.find("://"); scheme != std::string::npos) site.erase(0, scheme + 3);
  if (const std::size_t path = site.find('/'); path != std::string::npos) site.erase(path);
  return site;
}

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

// [SECTION] Map pictures and where I am on the desktop

#include <png.h>

namespace platform {
namespace {

constexpr std::size_t kMaxImageFileBytes = 8 << 20;  // bytes; a map tile is about 20 KB
// Tile servers ask to be told who fetches (OpenStreetMap's tile usage policy).
constexpr const char* kUserAgent = "SafeSpaces-desktop/0.1 (map tiles)";

std::once_flag g_no_https_logged;

// Where a picture is: the server ("https://tiles.example:8443") and the path on it.
// Empty `server` for an address we cannot fetch.
struct ImageAddress {
  std::string server, path;
};

ImageAddress AddressOf(const std::string& url, const std::string& our_server) {
  if (url.starts_with('/')) return {our_server, url};
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {};
  const std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return {};
  const std::size_t host_start = scheme_end + 3;
  const std::size_t path_start = url.find('/', host_start);
  if (path_start == host_start || host_start == url.size()) return {};  // no host
  if (path_start == std::string::npos) return {url, "/"};
  return {url.substr(0, path_start), url.substr(path_start)};
}

// PNG only (libpng's simplified API), as straight-alpha RGBA; false if it is not one or too big.
bool DecodePng(const std::string& file, ImageResponse& image) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, file.data(), file.size())) return false;
  if (png.width < 1 || png.height < 1 || png.width > kMaxImageSide || png.height > kMaxImageSide) {
    png_image_free(&png);
    return false;
  }
  png.format = PNG_FORMAT_RGBA;  // 8-bit sRGB, not premultiplied
  std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, rgba.data(), 0, nullptr)) return false;  // frees `png` either way
  image.width = static_cast<int>(png.width);
  image.height = static_cast<int>(png.height);
  image.rgba = std::move(rgba);
  return true;
}

ImageResponse FetchImage(int request_id, const ImageAddress& where) {
  ImageResponse image;
  image.request_id = request_id;
  if (where.server.empty()) return image;
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
  if (where.server.starts_with("https:")) {
    std::call_once(g_no_https_logged, [] { LogError("this build of cpp-httplib has no HTTPS: map pictures from https:// addresses are not shown"); });
    return image;
  }
#endif
  httplib::Client client(where.server);
  client.set_tcp_nodelay(true);
  client.set_connection_timeout(5);
  client.set_read_timeout(20);
  client.set_follow_location(true);
  std::string file;
  const httplib::Result result =
      client.Get(where.path, httplib::Headers{{"User-Agent", kUserAgent}}, [&file](const char* data, std::size_t size) {
        if (file.size() + size > kMaxImageFileBytes) return false;  // stop reading: it is not a tile
        file.append(data, size);
        return true;
      });
  if (result && result->status == 200) image.ok = DecodePng(file, image);
  return image;
}

std::optional<LocationResponse> g_location;  // the answer the next TakeLocation() gives

// "lat,lon" in degrees, as $SAFESPACES_FAKE_LOCATION gives it.
LocationResponse FakeLocation(const std::string& text) {
  LocationResponse answer;
  answer.problem = LocationResponse::Problem::Unavailable;
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos) return answer;
  char* lat_end = nullptr;
  char* lon_end = nullptr;
  const std::string lat_text = text.substr(0, comma);
  const std::string lon_text = text.substr(comma + 1);
  const double lat = std::strtod(lat_text.c_str(), &lat_end);
  const double lon = std::strtod(lon_text.c_str(), &lon_end);
  const bool read = lat_end != lat_text.c_str() && *lat_end == '\0' && lon_end != lon_text.c_str() && *lon_end == '\0';
  if (!read || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) return answer;
  answer = {true, lat, lon, 10.0, LocationResponse::Problem::None};
  return answer;
}

}  // namespace

void RequestImage(int request_id, const std::string& url) {
  g_images.workers.Run([request_id, where = AddressOf(url, ServerUrl())] { g_images.Add(FetchImage(request_id, where)); });
}

std::vector<ImageResponse> TakeImages() { return g_images.Take(); }

void RequestLocation() {
  const char* fake = std::getenv("SAFESPACES_FAKE_LOCATION");
  if (fake && *fake) {
    g_location = FakeLocation(fake);
    if (!g_location->ok) LogError(std::string("SAFESPACES_FAKE_LOCATION is not \"lat,lon\" in degrees: ") + fake);
  } else {
    LocationResponse answer;
    answer.problem = LocationResponse::Problem::NotSupported;
    g_location = answer;
  }
}

std::optional<LocationResponse> TakeLocation() { return std::exchange(g_location, std::nullopt); }

}  // namespace platform
