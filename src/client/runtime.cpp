// This is the implementation of runtime.h. One frame: events -> ImGui frame -> DrawApp ->
// render -> ApplyActions -> publish what the UI showed. Fonts are rebuilt when the device
// pixel ratio changes (a window moved to another screen, or the page zoomed).
#include "client/runtime.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/app.h"
#include "client/client_data.h"
#include "client/map_tiles.h"
#include "client/ui/frame_fingerprint.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "platform/platform.h"

#if defined(IMGUI_IMPL_OPENGL_ES3)
#include <SDL_opengles2.h>
#else
#include <SDL_opengl.h>
#endif

struct Runtime {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  AppState state;
  Actions actions;
  std::optional<ClientData> data;
  float pixel_ratio = 1.0f;
  ui::LookSettings look;  // what the font atlas was built for
  bool touch = false;              // the last pointer input came from a finger
  int frames_since_touch_up = 99;  // frames since a finger left the screen
  std::string published_record;  // last JSON handed to the page
  std::unique_ptr<TileCache> tiles;  // the map's pictures, as GPU textures
  int frames = 0;
  bool map_usable_marked = false;  // "safespaces-map-usable" is on the page's timeline
  std::uint64_t drawn_fingerprint = 0;  // ui::FrameFingerprint of the picture on screen
  bool must_draw = true;  // a texture changed or the window was shown again: draw whatever the fingerprint
};

namespace {

constexpr int kReadyAfterFrames = 2;  // frames: the first draws, the second shows settled layout

// Notes whether input comes from a finger or a mouse, and passes raw fingers on (in CSS
// pixels) for screens that track them.
void TrackPointer(Runtime& rt, const SDL_Event& event, ui::Pointer& pointer, float width, float height) {
  switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      rt.touch = true;
      const auto kind = event.type == SDL_FINGERDOWN   ? ui::FingerEventKind::Down
                        : event.type == SDL_FINGERUP ? ui::FingerEventKind::Up
                                                     : ui::FingerEventKind::Move;
      pointer.finger_events.push_back(
          {kind, {static_cast<std::int64_t>(event.tfinger.fingerId), event.tfinger.x * width, event.tfinger.y * height}});
      if (event.type == SDL_FINGERUP) rt.frames_since_touch_up = 0;
      break;
    }
    case SDL_MOUSEMOTION:
      if (event.motion.which != SDL_TOUCH_MOUSEID) rt.touch = false;
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (event.button.which != SDL_TOUCH_MOUSEID) rt.touch = false;
      else if (event.type == SDL_MOUSEBUTTONUP) rt.frames_since_touch_up = 0;
      break;
    default: break;
  }
}

// "The map is usable" (README, Benchmarks), checked after the frame is drawn and before this
// frame's answers change the places: the map screen was drawn with every place the server
// had (the first pull caught up, none in flight or failed), with the server's own tile
// source, and every picture the view asked for has arrived (none in flight).
bool MapUsable(const Runtime& rt) {
  const ClientData& data = *rt.data;
  return rt.state.screen == Screen::Map && data.config_fresh && platform::IsOnline() && !data.sync.InFlight() &&
         data.sync.ConsecutiveFailures() == 0 && !data.sync.ShouldSync(platform::NowSeconds()) &&
         rt.tiles->AnyLoaded() && rt.tiles->InFlight() == 0;
}

// Builds fonts and colours for the pixel ratio and the young person's look settings.
void ApplyLookFor(Runtime& rt, float pixel_ratio) {
  rt.pixel_ratio = pixel_ratio;
  rt.look = rt.state.preferences.look;
  if (!ui::ApplyLook(platform::AssetsDir(), pixel_ratio, rt.look))
    platform::LogError("Safe Spaces could not read its fonts from " + platform::AssetsDir());
}

platform::LoopControl Frame(Runtime& rt) {
  const double started = platform::NowSeconds();  // for ReportFrameTime: two clock reads a frame
  ui::Pointer pointer;
  SDL_Event event;
  int width_css = 0, height_css = 0;
  SDL_GetWindowSize(rt.window, &width_css, &height_css);
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) return platform::LoopControl::Quit;
    if (event.type == SDL_WINDOWEVENT) rt.must_draw = true;  // exposed, resized, restored
    TrackPointer(rt, event, pointer, static_cast<float>(width_css), static_cast<float>(height_css));
  }
  pointer.is_touch = rt.touch;
  ui::SetPointer(pointer);

  const float pixel_ratio = platform::DevicePixelRatio();
  if (std::fabs(pixel_ratio - rt.pixel_ratio) > 0.01f || rt.look != rt.state.preferences.look) {
    ApplyLookFor(rt, pixel_ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    rt.must_draw = true;
  }

  ui::SetVisibleHeight(platform::VisibleHeight());
  const platform::SafeArea safe = platform::SafeAreaInsets();
  ui::SetSafeArea({safe.top, safe.right, safe.bottom, safe.left});
  for (platform::MirrorEvent& mirror : platform::TakeMirrorEvents()) {
    switch (mirror.kind) {
      case platform::MirrorEventKind::Activate: ui::QueueActivation(mirror.id); break;
      case platform::MirrorEventKind::Focus: ui::SetMirrorFocus(mirror.id); break;
      case platform::MirrorEventKind::Blur: ui::SetMirrorFocus(0); break;
      case platform::MirrorEventKind::Text: ui::QueueText(mirror.id, std::move(mirror.text)); break;
      case platform::MirrorEventKind::Submit: ui::QueueSubmit(mirror.id); break;
    }
  }

  rt.tiles->SetUrlTemplate(rt.state.map_config.tile_url);
  rt.tiles->BeginFrame(platform::NowSeconds());
  for (const platform::ImageResponse& image : platform::TakeImages()) {
    rt.tiles->Deliver({image.request_id, image.ok, image.width, image.height, image.rgba});
    rt.must_draw = true;  // a new texture may have a freed one's name
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;  // two frames in one timer tick
  // A lifted finger hovers nothing. SDL leaves its "mouse" where the finger was, which would
  // keep the last tapped button looking pressed; the frame of the release still needs it.
  if (rt.touch && !io.MouseDown[0] && ++rt.frames_since_touch_up > 1) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  DrawApp(rt.state, rt.actions);
  ImGui::Render();

  // A frame that would draw what is already on screen draws nothing: an idle screen then
  // costs the GPU (or, with software WebGL, the page's main thread) nothing.
  int width = 0, height = 0;
  SDL_GL_GetDrawableSize(rt.window, &width, &height);
  const std::uint64_t fingerprint = ui::FrameFingerprint(*ImGui::GetDrawData(), width, height);
  const bool draw = rt.must_draw || fingerprint != rt.drawn_fingerprint;
  if (draw) {
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::Colours().background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(rt.window);
    rt.drawn_fingerprint = fingerprint;
    rt.must_draw = false;
  }
  const double swapped = platform::NowSeconds();
  rt.tiles->EndFrame();
  if (!rt.map_usable_marked && MapUsable(rt)) {
    rt.map_usable_marked = true;
    platform::MarkTime("safespaces-map-usable");
  }

  if (std::string heard = ui::TakeReadAloudRequest(); !heard.empty() && rt.state.preferences.read_aloud)
    rt.actions.ReadAloud(std::move(heard));
  ApplyActions(rt.state, rt.actions, *rt.data);
  std::vector<HttpAnswer> answers;
  for (platform::HttpResponse& response : platform::TakeHttpResponses())
    answers.push_back({response.request_id, response.status, std::move(response.body)});
  SyncTick(rt.state, *rt.data, answers);
  if (const std::optional<platform::LocationResponse> where = platform::TakeLocation()) {
    LocationAnswer answer{where->ok, where->lat, where->lon, where->accuracy_m};
    answer.problem = static_cast<LocationAnswer::Problem>(where->problem);  // the same list, in the same order
    ApplyLocation(rt.state, answer);
  }

  std::string record = ui::RecordToJson(rt.state.ui_record);
  if (record != rt.published_record) {
    rt.published_record = std::move(record);
    platform::PublishUiRecord(rt.published_record);
  }
  if (++rt.frames == kReadyAfterFrames) platform::SignalReady();
  platform::ReportFrameTime((swapped - started) * 1000.0, (platform::NowSeconds() - started) * 1000.0, draw);
  if (!draw) platform::IdleFrame();
  return platform::LoopControl::Continue;
}

// A map tile as an OpenGL texture: smooth when stretched (pinch, a parent tile standing in
// for its child), clamped at the edges so neighbours meet cleanly.
TextureId MakeTileTexture(const std::uint8_t* rgba, int width, int height) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  if (texture == 0) return 0;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  return texture;
}

void FreeTileTexture(TextureId texture) {
  const auto name = static_cast<GLuint>(texture);
  glDeleteTextures(1, &name);
}

ClientPorts PlatformPorts() {
  ClientPorts ports;
  ports.now_seconds = platform::NowSeconds;
  ports.unix_millis = platform::UnixMillis;
  ports.utc_offset_minutes = platform::UtcOffsetMinutes;
  ports.random_bytes = platform::RandomBytes;
  ports.http = [](int request_id, const char* method, const std::string& path, const std::string& body) {
    platform::HttpRequest(request_id, method, path, body);
  };
  ports.staff_http = platform::HttpRequest;
  ports.persist = platform::PersistData;
  ports.persisted = platform::DataPersisted;
  ports.online = platform::IsOnline;
  ports.speak = platform::Speak;
  ports.prefers_reduced_motion = platform::PrefersReducedMotion;
  ports.chime = platform::PlayChime;
  ports.open_url = platform::OpenUrl;
  ports.request_location = platform::RequestLocation;
  ports.save_file = platform::SaveFile;
  ports.open_document = platform::OpenDocument;
  ports.start_path = platform::StartPath;
  ports.site_address = platform::SiteAddress;
  return ports;
}

}  // namespace

Runtime* StartRuntime() {
  platform::SetSdlHints();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    platform::LogError(std::string("Safe Spaces could not start SDL: ") + SDL_GetError());
    return nullptr;
  }
  platform::ConfigureGlContextAttributes();
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  auto* rt = new Runtime;
  std::string error;
  rt->data = OpenClientData(platform::DataDir() + "safespaces-device.db", PlatformPorts(), error,
                            platform::DataCopiedBetweenFrames() ? store::Journal::Memory : store::Journal::Rollback);
  if (!rt->data) {
    // Private browsing or a full disk: keep going in memory, and say so.
    platform::LogError("Safe Spaces could not open this device's saved data: " + error);
    rt->data = OpenClientData(":memory:", PlatformPorts(), error);
    if (!rt->data) {
      delete rt;
      return nullptr;
    }
    rt->state.problem = "This device cannot keep what you make. It will be sent while the app stays open.";
  }
  rt->state.preferences = LoadPreferences(*rt->data);
  LoadIdentity(rt->state, *rt->data);
  RefreshState(rt->state, *rt->data);
  const Uint32 flags = SDL_WINDOW_OPENGL | platform::ExtraWindowFlags();
  rt->window = SDL_CreateWindow("Safe Spaces", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 390, 844, flags);
  if (rt->window) rt->gl = SDL_GL_CreateContext(rt->window);
  if (!rt->window || !rt->gl) {
    platform::LogError(std::string("Safe Spaces could not open a window: ") + SDL_GetError());
    StopRuntime(rt);
    return nullptr;
  }
  SDL_GL_MakeCurrent(rt->window, rt->gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing of the layout is worth saving
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ApplyLookFor(*rt, platform::DevicePixelRatio());
  ImGui_ImplSDL2_InitForOpenGL(rt->window, rt->gl);
  ImGui_ImplOpenGL3_Init(platform::GlslVersion());
  rt->tiles = std::make_unique<TileCache>(TilePorts{platform::RequestImage, MakeTileTexture, FreeTileTexture});
  rt->state.tiles = rt->tiles.get();
  return rt;
}

void RunRuntime(Runtime* runtime) {
  platform::RunMainLoop([](void* rt) { return Frame(*static_cast<Runtime*>(rt)); }, runtime);
}

void StopRuntime(Runtime* rt) {
  if (!rt) return;
  rt->state.tiles = nullptr;
  rt->tiles.reset();  // its textures go while the GL context is still there
  if (ImGui::GetCurrentContext()) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (rt->gl) SDL_GL_DeleteContext(rt->gl);
  if (rt->window) SDL_DestroyWindow(rt->window);
  delete rt;
  SDL_Quit();
}
