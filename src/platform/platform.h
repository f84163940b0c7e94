// The platform interface: what the client needs from where it runs (browser or desktop).
// Screens and the app call these and never ask where they run; platform_web.cpp and
// platform_native.cpp implement them and the build picks one. Start with RunMainLoop.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace platform {

enum class LoopControl { Continue, Quit };
using FrameFunction = LoopControl (*)(void* user_data);

// Runs `frame` once per display refresh until it returns Quit (native) or forever (web,
// where the browser owns the loop and this call does not return).
void RunMainLoop(FrameFunction frame, void* user_data);

// SDL hints to set before SDL_Init (on the web: keyboard goes to the page's HTML, not SDL).
void SetSdlHints();

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

// What the last frame cost the CPU, in ms: `draw_ms` from its start to the buffer swap
// (events, the ImGui frame, GL calls), `whole_ms` to its end (actions, sync, the UI record
// handed to the page); `drew` is false when it left the screen as it was. The web keeps
// the last kFrameTimesKept in window.safespaces (frameMs, frameWholeMs, frameCount,
// framesDrawn; wasmHeapBytes too) for tools/bench-map.mjs, in arrays made once; the
// desktop ignores them.
inline constexpr int kFrameTimesKept = 600;  // frames: ten seconds at 60 frames/s
void ReportFrameTime(double draw_ms, double whole_ms, bool drew);

// Called at the end of a frame that drew nothing. The browser's animation frames pace the
// web's loop already; the desktop's loop is paced by the buffer swap, so without one it
// waits for input, at most a frame's time, rather than spin.
void IdleFrame();

// Names this moment on the page's performance timeline (performance.mark(name), ms since
// navigation), for benchmarks that time the app from the first byte: tools/bench-client.mjs
// waits for "safespaces-map-usable". The desktop ignores it.
void MarkTime(const char* name);

}  // namespace platform

namespace platform {

// Hands the page what the UI showed this frame (ui::RecordToJson), for the screen-reader
// mirror and browser tests. Called only when it changed.
void PublishUiRecord(const std::string& json);

}  // namespace platform

namespace platform {

// [SECTION] Time and randomness (core has neither)

double NowSeconds();                 // monotonic, for timers and back-off
std::int64_t UnixMillis();           // wall clock, for ids and "this month"
int UtcOffsetMinutes();              // the device's time zone now (London in summer: 60)
void RandomBytes(std::span<std::uint8_t> out);  // from the system's secure source

// [SECTION] The device's own data

// Folder for the device database, with a trailing '/'. On the web it is persisted browser
// storage (IndexedDB), loaded before main() runs; natively a folder in the user's data dir
// (or $SAFESPACES_DEVICE_DIR).
std::string DataDir();

// Asks for what was written to DataDir() to be kept safely (the web copies it to IndexedDB;
// native files are already safe). DataPersisted() is true once everything asked is kept.
void PersistData();
bool DataPersisted();

// True where DataDir() lives in memory and PersistData() copies it whole, between frames
// (the web): a copy never falls inside a transaction, so the database keeps its journal in
// memory (store::Journal::Memory).
bool DataCopiedBetweenFrames();

// [SECTION] Talking to the Safe Spaces server

struct HttpResponse {
  int request_id = 0;
  int status = 0;    // HTTP status; 0 when there was no answer at all (offline, refused)
  std::string body;
};

// Starts a request to our server (`path` like "/api/v1/sync"); never blocks. The answer
// comes back later from TakeHttpResponses(), which the client calls once a frame. Our server
// is the page's own origin on the web; natively $SAFESPACES_SERVER (default
// http://127.0.0.1:8080), read at each call, so a test can point it at its own server.
// `bearer_token`, when not empty, goes as "Authorization: Bearer TOKEN": a member of staff's
// login (youth workers and officers); young people's requests never carry one.
void HttpRequest(int request_id, const char* method, const std::string& path, const std::string& body,
                 const std::string& bearer_token = {});
std::vector<HttpResponse> TakeHttpResponses();

// Whether the device believes it has a connection (the browser's navigator.onLine).
bool IsOnline();

// [SECTION] Speech and the person's system settings

// Reads `text` aloud in British English (the browser's speech synthesis); a new call stops
// the one before. Does nothing where there is no speech.
void Speak(const std::string& text);

// Opens a web address in a new tab or another app (a map app for directions).
void OpenUrl(const std::string& url);

// Hands a file the app made to the person: the browser downloads it as `file_name`; the
// desktop build writes it to $SAFESPACES_DOWNLOADS (default: the current folder).
void SaveFile(const std::string& file_name, const std::string& mime_type, const std::string& bytes);

// Opens a whole HTML page the app made (a printable summary) in a new tab, from which the
// person prints it; the desktop build writes it to a temporary file and opens that.
void OpenDocument(const std::string& html);

// The path the app was opened at ("/join/KXM4P7" from a group's QR code; "/" usually). The
// desktop build reads $SAFESPACES_START_PATH.
std::string StartPath();

// Where young people go to join a group, as a youth worker's board says it: the page's host
// ("safespaces.example.org"); the desktop build, the host of $SAFESPACES_SERVER.
std::string SiteAddress();

// A short, soft two-note chime ("it went!"), made by the browser's audio; no sound file.
void PlayChime();

// The system's "reduce motion" setting (CSS prefers-reduced-motion).
bool PrefersReducedMotion();

}  // namespace platform

namespace platform {

// [SECTION] The screen-reader mirror (web): what people did to the HTML twins of items

enum class MirrorEventKind {
  Activate,  // pressed (click, Enter, Space, a screen reader's double tap)
  Focus,
  Blur,
  Text,      // a text field's whole new text (typed, pasted, dictated, from an IME)
  Submit,    // Enter in a one-line text field
};
struct MirrorEvent {
  MirrorEventKind kind = MirrorEventKind::Activate;
  std::uint32_t id = 0;  // the item's id in the UI record
  std::string text;      // for Text
};
std::vector<MirrorEvent> TakeMirrorEvents();

// Height of the part of the page the person can see, in CSS pixels: smaller than the
// window while a phone's on-screen keyboard is open (the browser's visualViewport).
float VisibleHeight();

// Space kept clear at each edge for a phone's notch, rounded corners and home bar
// (CSS env(safe-area-inset-*)), in CSS pixels; zero on the desktop.
struct SafeArea {
  float top = 0, right = 0, bottom = 0, left = 0;
};
SafeArea SafeAreaInsets();

}  // namespace platform

namespace platform {

// [SECTION] Map pictures

struct ImageResponse {
  int request_id = 0;
  bool ok = false;                 // false: no answer, not an image, or too big
  int width = 0, height = 0;       // pixels
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, rows top to bottom, straight (not premultiplied) alpha
};
// Starts fetching and decoding a picture (a map tile); never blocks. `url` is either a path on our
// own server ("/tiles/13/4046/2708.png") or an absolute http(s) address (a council's tile server,
// OpenStreetMap). Answers come back from TakeImages(), called once a frame. Pictures wider or
// taller than kMaxImageSide are refused; the desktop decodes PNG only (the browser, anything
// it can show). A failed picture is simply not ok: ask again later.
inline constexpr int kMaxImageSide = 1024;  // pixels
void RequestImage(int request_id, const std::string& url);
std::vector<ImageResponse> TakeImages();

// [SECTION] Where I am (off until the person asks; never stored)

struct LocationResponse {
  bool ok = false;
  double lat = 0, lon = 0;    // degrees
  double accuracy_m = 0;      // metres
  enum class Problem { None, Denied, Unavailable, TimedOut, NotSupported } problem = Problem::None;
};
// Asks the device where it is, once (the browser asks the person first). The answer comes from
// TakeLocation() a moment later; nothing is remembered here. The desktop has no position and
// answers NotSupported, unless $SAFESPACES_FAKE_LOCATION is "lat,lon" (degrees, e.g.
// "52.4081,-1.5106"): then it answers that place, 10 m accurate, for tests and demos (a value
// it cannot read answers Unavailable).
void RequestLocation();
std::optional<LocationResponse> TakeLocation();

}  // namespace platform
