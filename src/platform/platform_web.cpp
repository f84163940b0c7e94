// This is the implementation of platform.h for the browser (Emscripten, WebGL2).
// The browser owns the loop (emscripten_set_main_loop_arg); assets come from the
// preloaded package at /assets; the page's shell (web/shell.js) listens for SignalReady.
#include "platform/platform.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <utility>

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

// A ring of the last `kept` frame times, made on the first frame and then only written to.
EM_JS(void, JsReportFrameTime, (double draw_ms, double whole_ms, int drew, int kept), {
  const s = window.safespaces;
  if (!s) return;
  if (!s.frameMs) {
    s.frameMs = new Float64Array(kept);
    s.frameWholeMs = new Float64Array(kept);
    s.frameCount = 0;
    s.framesDrawn = 0;
  }
  if (drew) s.framesDrawn++;
  const i = s.frameCount % kept;
  s.frameMs[i] = draw_ms;
  s.frameWholeMs[i] = whole_ms;
  s.frameCount++;
  s.wasmHeapBytes = HEAP8.length;
});

EM_JS(void, JsMarkTime, (const char* name), { performance.mark(UTF8ToString(name)); });

}  // namespace

void RunMainLoop(FrameFunction frame, void* user_data) {
  static LoopClosure closure;  // must outlive this call: the browser calls back after it returns
  closure = {frame, user_data};
  emscripten_set_main_loop_arg(WebFrame, &closure, 0, /*simulate_infinite_loop=*/1);
}

void SetSdlHints() {
  // SDL would listen for keys on the whole window and cancel their default action, so Tab
  // could never move between the mirror's buttons. Keys go to the canvas only, which never
  // has focus: keyboard users work through the HTML mirror, as screen-reader users do.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
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

void ReportFrameTime(double draw_ms, double whole_ms, bool drew) {
  JsReportFrameTime(draw_ms, whole_ms, drew ? 1 : 0, kFrameTimesKept);
}

void IdleFrame() {}

void MarkTime(const char* name) { JsMarkTime(name); }

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

// [SECTION] Time, data and HTTP in the browser

namespace platform {
namespace {

int g_persist_requested = 0;  // generations of PersistData() calls
int g_persist_done = 0;
std::vector<HttpResponse> g_http_done;
std::vector<MirrorEvent> g_mirror_events;

EM_JS(double, JsUnixMillis, (), { return Date.now(); });
EM_JS(int, JsUtcOffsetMinutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(void, JsRandomBytes, (std::uint8_t* out, int length), {
  crypto.getRandomValues(HEAPU8.subarray(out, out + length));
});
EM_JS(int, JsIsOnline, (), { return navigator.onLine ? 1 : 0; });
// The probe element in index.html has the safe-area insets as its padding.
EM_JS(void, JsSafeArea, (float* out), {
  const probe = document.getElementById('safe-area-probe');
  if (!probe) return;
  const style = getComputedStyle(probe);
  HEAPF32[(out >> 2) + 0] = parseFloat(style.paddingTop) || 0;
  HEAPF32[(out >> 2) + 1] = parseFloat(style.paddingRight) || 0;
  HEAPF32[(out >> 2) + 2] = parseFloat(style.paddingBottom) || 0;
  HEAPF32[(out >> 2) + 3] = parseFloat(style.paddingLeft) || 0;
});
EM_JS(double, JsVisibleHeight, (), {
  return window.visualViewport ? window.visualViewport.height : window.innerHeight;
});
EM_JS(int, JsPrefersReducedMotion, (), {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
// Two quiet sine notes, rising: gentle, short, never startling (gain 0.08).
EM_JS(void, JsPlayChime, (), {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  const audio = Module.safespacesAudio || (Module.safespacesAudio = new Context());
  if (audio.state === 'suspended') audio.resume();
  const start = audio.currentTime;
  [[523.25, 0], [659.25, 0.12]].forEach(([frequency, delay]) => {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start + delay);
    volume.gain.exponentialRampToValueAtTime(0.08, start + delay + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + delay + 0.35);
    tone.connect(volume).connect(audio.destination);
    tone.start(start + delay);
    tone.stop(start + delay + 0.4);
  });
  window.safespaces.chimes = (window.safespaces.chimes || 0) + 1;  // for tests
});
EM_JS(void, JsOpenUrl, (const char* url), {
  const address = UTF8ToString(url);
  window.safespaces.opened = address;  // for tests: the last address opened
  window.open(address, '_blank', 'noopener');
});
EM_JS(void, JsSpeak, (const char* text), {
  if (!('speechSynthesis' in window)) return;
  const utterance = new SpeechSynthesisUtterance(UTF8ToString(text));
  utterance.lang = 'en-GB';
  utterance.rate = 0.9;  // a little slower than default: easier to follow
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
  window.safespaces.spoken = UTF8ToString(text);  // for tests: what was last read aloud
});

// One IndexedDB save at a time (platform_web_pre.js, Module.safespacesSave); a request
// made while one runs is folded into the next.
EM_JS(void, JsPersist, (int generation), {
  const state = Module.safespacesPersist || (Module.safespacesPersist = { busy: false, pending: 0 });
  state.pending = Math.max(state.pending, generation);
  if (state.busy) return;
  const run = () => {
    const target = state.pending;
    state.busy = true;
    window.safespaces.saving = true;  // tests wait for false before a reload
    Module.safespacesSave((err) => {
      state.busy = false;
      window.safespaces.saving = state.pending > target;
      if (err) console.warn('Safe Spaces could not save to this device yet: ' + err);
      else _safespaces_persist_done(target);
      if (state.pending > target) run();
    });
  };
  run();
});

// A file or a page the app made, as a Blob: downloaded under its name, or opened in a tab.
// window.safespaces.saved / .document keep the last of each for tests.
EM_JS(void, JsSaveFile, (const char* name, const char* mime, const char* bytes, int size), {
  const file = { name: UTF8ToString(name), type: UTF8ToString(mime),
                 text: new TextDecoder().decode(HEAPU8.slice(bytes, bytes + size)) };
  window.safespaces.saved = file;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
});

EM_JS(void, JsOpenDocument, (const char* html), {
  const text = UTF8ToString(html);
  window.safespaces.document = text;
  const address = URL.createObjectURL(new Blob([text], { type: 'text/html' }));
  window.open(address, '_blank');
  setTimeout(() => URL.revokeObjectURL(address), 60000);
});

// A part of the page's address: 0 its path ("/join/KXM4P7"), 1 its host ("example.org:8080").
EM_JS(char*, JsLocation, (int part), {
  const text = part === 0 ? (window.location.pathname || '/') : window.location.host;
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(void, JsHttpRequest, (int id, const char* method, const char* path, const char* body, const char* bearer), {
  const init = { method: UTF8ToString(method), cache: 'no-store', headers: {} };
  const token = UTF8ToString(bearer);
  if (token) init.headers['Authorization'] = 'Bearer ' + token;
  if (init.method !== 'GET') {
    init.body = UTF8ToString(body);
    init.headers['Content-Type'] = 'application/json';
  }
  fetch(UTF8ToString(path), init)
    .then((response) => response.text().then((text) => [response.status, text]))
    .catch(() => [0, ""])
    .then(([status, text]) => {
      const size = lengthBytesUTF8(text) + 1;
      const ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      _safespaces_http_done(id, status, ptr);
      _free(ptr);
    });
});

}  // namespace

double NowSeconds() { return emscripten_get_now() / 1000.0; }
std::int64_t UnixMillis() { return static_cast<std::int64_t>(JsUnixMillis()); }
int UtcOffsetMinutes() { return JsUtcOffsetMinutes(); }
void RandomBytes(std::span<std::uint8_t> out) { JsRandomBytes(out.data(), static_cast<int>(out.size())); }

std::string DataDir() { return "/data/"; }  // in memory; loaded from IndexedDB by platform_web_pre.js

void PersistData() { JsPersist(++g_persist_requested); }
bool DataPersisted() { return g_persist_done >= g_persist_requested; }
// Module.safespacesSave reads the files in a JavaScript task of its own, never inside a frame's wasm.
bool DataCopiedBetweenFrames() { return true; }

void HttpRequest(int request_id, const char* method, const std::string& path, const std::string& body,
                 const std::string& bearer_token) {
  JsHttpRequest(request_id, method, path.c_str(), body.c_str(), bearer_token.c_str());
}

std::vector<HttpResponse> TakeHttpResponses() {
  std::vector<HttpResponse> taken;
  taken.swap(g_http_done);
  return taken;
}

bool IsOnline() { return JsIsOnline() != 0; }
float VisibleHeight() { return static_cast<float>(JsVisibleHeight()); }

SafeArea SafeAreaInsets() {
  float values[4] = {};
  JsSafeArea(values);
  return {values[0], values[1], values[2], values[3]};
}
void Speak(const std::string& text) { JsSpeak(text.c_str()); }
void PlayChime() { JsPlayChime(); }
void OpenUrl(const std::string& url) { JsOpenUrl(url.c_str()); }
bool PrefersReducedMotion() { return JsPrefersReducedMotion() != 0; }

void SaveFile(const std::string& file_name, const std::string& mime_type, const std::string& bytes) {
  JsSaveFile(file_name.c_str(), mime_type.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void OpenDocument(const std::string& html) { JsOpenDocument(html.c_str()); }

namespace {

std::string LocationPart(int part, const char* otherwise) {
  char* text = JsLocation(part);
  std::string copy = text ? text : otherwise;
  std::free(text);
  return copy;
}

}  // namespace

std::string StartPath() { return LocationPart(0, "/"); }
std::string SiteAddress() { return LocationPart(1, ""); }

std::vector<MirrorEvent> TakeMirrorEvents() {
  std::vector<MirrorEvent> taken;
  taken.swap(g_mirror_events);
  return taken;
}

}  // namespace platform

// [SECTION] Map pictures and where I am in the browser

namespace platform {
namespace {

std::vector<ImageResponse> g_images_done;
std::optional<LocationResponse> g_location;  // the answer the next TakeLocation() gives

// The browser decodes (any format it shows); one reused canvas turns the picture into RGBA.
// Every failure answers with no pixels, so the map can ask again later. Cross-origin tile
// servers must allow CORS (OpenStreetMap's do); cookies are never sent to them.
EM_JS(void, JsRequestImage, (int id, const char* url, int max_side), {
  fetch(UTF8ToString(url), { mode: 'cors', credentials: 'omit' })
    .then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.blob();
    })
    .then((blob) => createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' }))
    .then((bitmap) => {
      const w = bitmap.width, h = bitmap.height;
      if (w < 1 || h < 1 || w > max_side || h > max_side) {
        bitmap.close();
        throw new Error('too big');
      }
      const canvas = Module.safespacesImageCanvas || (Module.safespacesImageCanvas =
        typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : document.createElement('canvas'));
      canvas.width = w;  // also clears it
      canvas.height = h;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      const pixels = context.getImageData(0, 0, w, h).data;
      const ptr = _malloc(pixels.length);
      if (!ptr) throw new Error('out of memory');
      HEAPU8.set(pixels, ptr);
      return [w, h, ptr];
    })
    .catch(() => [0, 0, 0])
    .then(([w, h, ptr]) => _safespaces_image_done(id, w, h, ptr));
});

// Problems as LocationResponse::Problem numbers: 1 denied, 2 unavailable, 3 timed out,
// 4 not supported (the GeolocationPositionError codes are 1 to 3).
EM_JS(void, JsRequestLocation, (), {
  const answer = (problem, lat, lon, accuracy) => _safespaces_location_done(problem, lat, lon, accuracy);
  if (!navigator.geolocation) return answer(4, 0, 0, 0);
  navigator.geolocation.getCurrentPosition(
    (position) => answer(0, position.coords.latitude, position.coords.longitude, position.coords.accuracy),
    (error) => answer(error.code === 1 || error.code === 3 ? error.code : 2, 0, 0, 0),
    { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
});

}  // namespace

void RequestImage(int request_id, const std::string& url) { JsRequestImage(request_id, url.c_str(), kMaxImageSide); }

std::vector<ImageResponse> TakeImages() {
  std::vector<ImageResponse> taken;
  taken.swap(g_images_done);
  return taken;
}

void RequestLocation() { JsRequestLocation(); }

std::optional<LocationResponse> TakeLocation() { return std::exchange(g_location, std::nullopt); }

}  // namespace platform

// Called from JavaScript when a fetch, a picture, a position or an IndexedDB save finishes.
extern "C" {

EMSCRIPTEN_KEEPALIVE void safespaces_http_done(int request_id, int status, const char* body) {
  platform::g_http_done.push_back({request_id, status, body ? body : ""});
}

// kind: 0 activate, 1 focus, 2 blur, 4 submit (web/mirror.js).
EMSCRIPTEN_KEEPALIVE void safespaces_mirror_event(int kind, unsigned id) {
  using platform::MirrorEventKind;
  const MirrorEventKind event_kind = kind == 1   ? MirrorEventKind::Focus
                                     : kind == 2 ? MirrorEventKind::Blur
                                     : kind == 4 ? MirrorEventKind::Submit
                                                 : MirrorEventKind::Activate;
  platform::g_mirror_events.push_back({event_kind, id, {}});
}

// A text field's whole text after each change in its HTML twin.
EMSCRIPTEN_KEEPALIVE void safespaces_mirror_text(unsigned id, const char* text) {
  platform::g_mirror_events.push_back({platform::MirrorEventKind::Text, id, text ? text : ""});
}

EMSCRIPTEN_KEEPALIVE void safespaces_persist_done(int generation) {
  if (generation > platform::g_persist_done) platform::g_persist_done = generation;
}

// Takes ownership of `rgba` (width * height * 4 bytes from malloc); null for a failure.
EMSCRIPTEN_KEEPALIVE void safespaces_image_done(int request_id, int width, int height, std::uint8_t* rgba) {
  platform::ImageResponse image;
  image.request_id = request_id;
  if (rgba && width > 0 && height > 0) {
    image.ok = true;
    image.width = width;
    image.height = height;
    image.rgba.assign(rgba, rgba + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  }
  std::free(rgba);
  platform::g_images_done.push_back(std::move(image));
}

// problem: LocationResponse::Problem's number (0 for a position).
EMSCRIPTEN_KEEPALIVE void safespaces_location_done(int problem, double lat, double lon, double accuracy_m) {
  using Problem = platform::LocationResponse::Problem;
  platform::LocationResponse answer;
  answer.ok = problem == 0;
  answer.problem = problem == 0 ? Problem::None
                   : problem == 1 ? Problem::Denied
                   : problem == 3 ? Problem::TimedOut
                   : problem == 4 ? Problem::NotSupported
                                  : Problem::Unavailable;
  if (answer.ok) {
    answer.lat = lat;
    answer.lon = lon;
    answer.accuracy_m = accuracy_m;
  }
  platform::g_location = answer;
}

}  // extern "C"
