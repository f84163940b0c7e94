// safespaces-map-bench: how much CPU one frame of the picture map costs while it pans, zooms
// and changes its filter, with 10,000 places. The real screen (DrawApp on Screen::Map, the
// real fonts and theme) in a headless ImGui context, as the ui_* tests draw it; the tile
// cache has fake ports (textures are numbers, fetches answered at the next frame), so no GPU
// time is in the figures. A benchmark, not a test: it prints a Markdown table and never
// fails on a number. The browser's side is tools/bench-map.sh. Start at main(); the
// camera's scripts are in [SECTION] Scenarios.
//
// [SECTION] Settings and machine facts
// [SECTION] The places (the demo set, as the device holds it after a sync)
// [SECTION] Scenarios
// [SECTION] Running frames
// [SECTION] Reporting
#include <imgui.h>
#include <sys/resource.h>
#include <sys/utsname.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "client/app.h"
#include "client/client_data.h"
#include "client/map_tiles.h"
#include "silent_ports.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "core/map_math.h"
#include "core/sync_protocol.h"
#include "core/validation.h"
#include "store/database.h"
#include "store/demo_data.h"
#include "store/device_store.h"
#include "store/server_store.h"
#include "machine_facts.h"

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Settings and machine facts
//-----------------------------------------------------------------------------

struct Settings {
  int places = 10000;
  int ratings = -1;  // -1: two per place, as `safespaces-admin demo` gives by default
  int frames = 600;  // measured frames per scenario and screen
  std::uint64_t seed = 1;
  std::string json_path;  // --json FILE: the figures as JSON too
};

constexpr int kWarmupFrames = 30;        // frames drawn before measuring: fonts, caches, first tiles
constexpr double kPanPxPerFrame = 12.0;  // CSS px: a brisk finger pan (720 px/s at 60 frames/s)
constexpr double kZoomStep = 0.05;       // zoom levels per frame in the sweep
constexpr double kSweepLow = 11.0, kSweepHigh = 17.0;
constexpr double kFilterJumpZoom = 14.0;          // where the filter-change jumps land
constexpr std::int64_t kDemoNow = 1795737600;     // 2026-11-27: the demo's "today", fixed for repeatability
constexpr int kDemoRatingsPerDevice = 15;         // as safespaces-admin demo
constexpr double kFrameBudgetMs = 1000.0 / 60.0;  // one display refresh at 60 Hz

struct ScreenSize {
  const char* name;
  float width, height;  // CSS px
  float pixel_ratio;
  bool touch;
};
constexpr ScreenSize kScreens[] = {{"phone 390x844 @3", 390.0f, 844.0f, 3.0f, true},
                                   {"laptop 1440x900 @1", 1440.0f, 900.0f, 1.0f, false}};

// This process's peak resident memory so far, in MB (VmHWM).
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;
  return -1;
}

double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double WallMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::optional<Settings> ParseArgs(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--places" && has_value)
      settings.places = std::atoi(argv[++i]);
    else if (arg == "--ratings" && has_value)
      settings.ratings = std::atoi(argv[++i]);
    else if (arg == "--frames" && has_value)
      settings.frames = std::atoi(argv[++i]);
    else if (arg == "--seed" && has_value)
      settings.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--json" && has_value)
      settings.json_path = argv[++i];
    else {
      std::fprintf(stderr,
                   "usage: safespaces-map-bench [--places N (10000)] [--ratings M (2 per place)] [--frames N (600)]\n"
                   "                            [--seed S (1)] [--json FILE]\n");
      return std::nullopt;
    }
  }
  if (settings.ratings < 0) settings.ratings = 2 * settings.places;
  if (settings.places < 0 || settings.frames < 1) return std::nullopt;
  return settings;
}

//-----------------------------------------------------------------------------
// [SECTION] The places (the demo set, as the device holds it after a sync)
//-----------------------------------------------------------------------------

// The same generator as `safespaces-admin demo` (neighbourhoods of clumped places over
// Coventry's service area, weighted categories, real profiles from synthetic ratings), made
// in an in-memory server database, read through the public feed and applied to the
// device's store page by page, as a sync would. RefreshState then gives the AppState the
// app has: places sorted by name.
bool LoadDemoPlaces(const Settings& settings, AppState& state, ClientData& device, std::string& error) {
  std::optional<store::Database> server = store::Database::Open(":memory:", error);
  if (!server) return false;
  std::optional<store::DemoWords> words = store::LoadDemoWords(SAFESPACES_DEMO_WORDS_DIR, error);
  if (!words) return false;
  store::DemoOptions options;
  options.places = settings.places;
  options.ratings = settings.ratings;
  options.seed = settings.seed;
  options.devices = std::max(options.devices, options.ratings / kDemoRatingsPerDevice);
  options.now_unix_seconds = kDemoNow;
  if (!store::MakeDemoData(*server, *words, options, error)) return false;
  std::int64_t cursor = 0;
  for (bool more = true; more;) {
    std::optional<store::PlacesPage> page = store::PlacesSince(*server, cursor, store::kMaxPageSize, error);
    if (!page) return false;
    const std::string json = R"({"places":)" + page->places_json + R"(,"cursor":")" +
                             store::FormatCursor(page->cursor) + R"(","more":false})";
    core::Parsed<core::PlaceChanges> changes = core::ParsePlaceChanges(json);
    if (!changes) {
      error = changes.error.message;
      return false;
    }
    if (!store::ApplyPlaceChanges(device.db, *changes.value, error)) return false;
    cursor = page->cursor;
    more = page->more;
  }
  RefreshState(state, device);
  return true;
}

// Ports that go nowhere: the benchmark never syncs.
ClientPorts QuietPorts() { return SilentPorts(kDemoNow); }

// A tile cache whose textures are numbers and whose fetches are answered (with a 1x1
// picture) just before the next frame, as quickly as a warm browser cache would.
struct FakeTiles {
  std::vector<int> asked;  // request ids not yet answered
  TextureId next = 1;
  TileCache cache;

  FakeTiles()
      : cache(TilePorts{[this](int id, const std::string&) { asked.push_back(id); },
                        [this](const std::uint8_t*, int, int) { return next++; }, [](TextureId) {}}) {}

  void AnswerAll() {
    static const std::uint8_t pixel[4] = {236, 232, 223, 255};
    for (int id : asked) cache.Deliver({id, true, 1, 1, std::span<const std::uint8_t>(pixel)});
    asked.clear();
  }
};

// What the server tells the app with `--tiles` from `safespaces-admin make-tiles`: zooms 11
// to 15 over the service area, deeper zooms stretched. tools/bench-map.sh uses the same.
MapConfig SyntheticTilesConfig() {
  const core::ServiceArea area = core::DefaultServiceArea();
  MapConfig config;
  config.tile_url = "/tiles/{z}/{x}/{y}.png";
  config.attribution = "Synthetic tiles, not a real map";
  config.tile_min_zoom = 11;
  config.tile_max_zoom = 15;
  config.tile_bounded = true;
  config.tile_bounds = {area.south, area.west, area.north, area.east};
  return config;
}

//-----------------------------------------------------------------------------
// [SECTION] Scenarios
//-----------------------------------------------------------------------------

struct Camera {
  double lat = 0, lon = 0, zoom = 13;
  core::MapFilter filter;
};

struct Scenario {
  std::string name;
  std::function<Camera(int frame)> camera;
};

// A loop over the city through its middle, as fractions of the service area (0,0 is its
// south-west corner): a pan walks it at kPanPxPerFrame whatever the zoom.
constexpr std::array<std::array<double, 2>, 6> kPanLoop = {
    {{0.5, 0.5}, {0.2, 0.2}, {0.8, 0.25}, {0.75, 0.8}, {0.25, 0.75}, {0.5, 0.5}}};

core::LatLon AreaPoint(double fx, double fy) {
  const core::ServiceArea area = core::DefaultServiceArea();
  return {area.south + fy * (area.north - area.south), area.west + fx * (area.east - area.west)};
}

Scenario Pan(double zoom) {
  // The loop in world px at this zoom, and its length.
  std::vector<core::WorldPoint> points;
  for (const auto& [fx, fy] : kPanLoop) {
    const core::LatLon at = AreaPoint(fx, fy);
    points.push_back(core::LatLonToWorld(at.lat, at.lon, zoom));
  }
  char name[32];
  std::snprintf(name, sizeof(name), "pan at zoom %.0f", zoom);
  return {name, [points, zoom](int frame) {
            double walked = kPanPxPerFrame * frame;
            for (;;) {
              for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                const double dx = points[i + 1].x - points[i].x, dy = points[i + 1].y - points[i].y;
                const double length = std::hypot(dx, dy);
                if (walked <= length) {
                  const double t = length > 0 ? walked / length : 0;
                  const core::LatLon at = core::WorldToLatLon({points[i].x + dx * t, points[i].y + dy * t}, zoom);
                  return Camera{at.lat, at.lon, zoom, {}};
                }
                walked -= length;
              }
            }
          }};
}

// Pinch-like: 11.0 -> 17.0 -> 11.0 in kZoomStep steps over the middle of the city, again
// and again.
Scenario ZoomSweep() {
  return {"zoom sweep 11-17-11", [](int frame) {
            const int steps = static_cast<int>(std::lround((kSweepHigh - kSweepLow) / kZoomStep));
            const int phase = frame % (2 * steps);
            const int up = phase <= steps ? phase : 2 * steps - phase;
            const core::LatLon at = AreaPoint(0.5, 0.5);
            return Camera{at.lat, at.lon, kSweepLow + kZoomStep * up, {}};
          }};
}

// Every frame a jump to another part of the city with another filter: each frame pays for
// filtering and clustering every place again.
Scenario FilterJumps() {
  std::vector<core::MapFilter> filters(8);
  filters[1].categories[core::IndexOf(core::Category::Cafe)] = true;
  filters[2].quiet = true;
  filters[3].step_free = true;
  filters[3].categories[core::IndexOf(core::Category::Park)] = true;
  filters[3].categories[core::IndexOf(core::Category::Library)] = true;
  filters[4].accessible_toilet = true;
  filters[5].staff_understand = true;
  filters[5].quiet = true;
  filters[6].categories[core::IndexOf(core::Category::YouthClub)] = true;
  filters[7].step_free = true;  // filters[0] shows everything
  return {"jump + filter change", [filters](int frame) {
            const auto& [fx, fy] = kPanLoop[static_cast<std::size_t>(frame) % (kPanLoop.size() - 1)];
            const core::LatLon at = AreaPoint(fx, fy);
            return Camera{at.lat, at.lon, kFilterJumpZoom, filters[static_cast<std::size_t>(frame) % filters.size()]};
          }};
}

//-----------------------------------------------------------------------------
// [SECTION] Running frames
//-----------------------------------------------------------------------------

struct Figures {
  std::string screen, scenario;
  std::vector<double> cpu_ms;     // NewFrame + DrawApp + Render (+ the tile cache's bookkeeping)
  std::vector<double> wall_ms;    // the same span on the wall clock
  std::vector<double> record_ms;  // ui::RecordToJson, which the runtime does after every frame
  std::vector<double> vertices;   // ImDrawData::TotalVtxCount
  std::vector<double> items;      // items in the UI record (the mirror's HTML twins)
};

// A headless ImGui context with the real fonts and theme at one screen size, as
// tests/ui_harness.h makes it.
struct HeadlessImGui {
  explicit HeadlessImGui(const ScreenSize& screen) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(screen.width, screen.height);
    io.DisplayFramebufferScale = ImVec2(screen.pixel_ratio, screen.pixel_ratio);
    io.DeltaTime = 1.0f / 60.0f;
    ok = ui::ApplyLook(SAFESPACES_ASSETS_DIR, screen.pixel_ratio, ui::LookSettings{});
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::SetPointer(ui::Pointer{.is_touch = screen.touch});
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
  bool ok = false;
};

// One frame as runtime.cpp runs it, less the window, GL and the network; returns the
// measured spans in `figures` when given.
void RunFrame(AppState& state, Actions& actions, FakeTiles& tiles, std::string& published, Figures* figures) {
  const double cpu0 = ThreadCpuMs(), wall0 = WallMs();
  tiles.cache.BeginFrame(wall0 / 1000.0);
  tiles.AnswerAll();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // nothing hovered: the camera moves by script
  ImGui::NewFrame();
  DrawApp(state, actions);
  ImGui::Render();
  tiles.cache.EndFrame();
  const double cpu1 = ThreadCpuMs(), wall1 = WallMs();
  std::string record = ui::RecordToJson(state.ui_record);
  if (record != published) published = std::move(record);
  const double cpu2 = ThreadCpuMs();
  actions.items.clear();  // no input: nothing to apply
  if (!figures) return;
  figures->cpu_ms.push_back(cpu1 - cpu0);
  figures->wall_ms.push_back(wall1 - wall0);
  figures->record_ms.push_back(cpu2 - cpu1);
  figures->vertices.push_back(ImGui::GetDrawData()->TotalVtxCount);
  figures->items.push_back(static_cast<double>(state.ui_record.items.size()));
}

void Point(AppState& state, const Camera& camera) {
  state.map_lat = camera.lat;
  state.map_lon = camera.lon;
  state.map_zoom = camera.zoom;
  state.map_filter = camera.filter;
}

//-----------------------------------------------------------------------------
// [SECTION] Reporting
//-----------------------------------------------------------------------------

// The nearest-rank percentile (p in 0..1) of `values`.
double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

double Max(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

void PrintHeader() {
  std::printf(
      "| screen | scenario | frames | median ms | p95 ms | p99 ms | max ms | over 16.7 ms | record JSON ms (median) "
      "| vertices (median / max) | UI items (median) |\n");
  std::printf("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
}

void PrintRow(const Figures& f) {
  const long over = std::count_if(f.cpu_ms.begin(), f.cpu_ms.end(), [](double ms) { return ms > kFrameBudgetMs; });
  std::printf("| %s | %s | %zu | %.2f | %.2f | %.2f | %.2f | %ld | %.2f | %.0f / %.0f | %.0f |\n", f.screen.c_str(),
              f.scenario.c_str(), f.cpu_ms.size(), Percentile(f.cpu_ms, 0.5), Percentile(f.cpu_ms, 0.95),
              Percentile(f.cpu_ms, 0.99), Max(f.cpu_ms), over, Percentile(f.record_ms, 0.5),
              Percentile(f.vertices, 0.5), Max(f.vertices), Percentile(f.items, 0.5));
  std::fflush(stdout);
}

nlohmann::json ToJson(const Figures& f) {
  return {{"screen", f.screen},
          {"scenario", f.scenario},
          {"frames", f.cpu_ms.size()},
          {"cpu_ms",
           {{"median", Percentile(f.cpu_ms, 0.5)},
            {"p95", Percentile(f.cpu_ms, 0.95)},
            {"p99", Percentile(f.cpu_ms, 0.99)},
            {"max", Max(f.cpu_ms)}}},
          {"wall_ms",
           {{"median", Percentile(f.wall_ms, 0.5)}, {"p95", Percentile(f.wall_ms, 0.95)}, {"max", Max(f.wall_ms)}}},
          {"record_json_ms", {{"median", Percentile(f.record_ms, 0.5)}, {"p95", Percentile(f.record_ms, 0.95)}}},
          {"vertices", {{"median", Percentile(f.vertices, 0.5)}, {"max", Max(f.vertices)}}},
          {"ui_items", {{"median", Percentile(f.items, 0.5)}, {"max", Max(f.items)}}}};
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Settings> parsed = ParseArgs(argc, argv);
  if (!parsed) return 2;
  const Settings& settings = *parsed;
  const double started = WallMs();

  std::string error;
  std::optional<ClientData> device = OpenClientData(":memory:", QuietPorts(), error);
  if (!device) {
    std::fprintf(stderr, "could not open the device's store: %s\n", error.c_str());
    return 1;
  }
  AppState state;
  RefreshState(state, *device);
  const double made0 = WallMs();
  if (!LoadDemoPlaces(settings, state, *device, error)) {
    std::fprintf(stderr, "could not make the demo places: %s\n", error.c_str());
    return 1;
  }
  const double made_s = (WallMs() - made0) / 1000.0;
  const double rss_after_places = PeakRssMb();
  int with_ratings = 0;
  for (const core::PublicPlace& p : state.places) with_ratings += p.profile.rating_count > 0;

  FakeTiles tiles;
  state.map_config = SyntheticTilesConfig();
  tiles.cache.SetUrlTemplate(state.map_config.tile_url);
  state.tiles = &tiles.cache;
  state.first_run_done = true;
  state.screen = Screen::Map;
  Actions actions;

  std::printf("# safespaces-map-bench\n\n");
  std::printf(
      "%d places (the demo set, seed %llu, %d with ratings; made, fed and stored in %.1f s), %d frames per "
      "scenario.\n",
      static_cast<int>(state.places.size()), static_cast<unsigned long long>(settings.seed), with_ratings, made_s,
      settings.frames);
  utsname machine{};
  uname(&machine);
  std::printf("%s, %s %s; load average %s.\n", CpuModel().c_str(), machine.sysname, machine.release,
              LoadAverage().c_str());
  std::printf(
      "CPU time of one thread for NewFrame + DrawApp + Render (and the tile cache's bookkeeping) on the map\n"
      "screen; no GL. \"record JSON\" is ui::RecordToJson, which the runtime runs after every frame for the\n"
      "page's mirror. Pans move %.0f CSS px a frame; the sweep moves %.2f zoom levels a frame.\n\n",
      kPanPxPerFrame, kZoomStep);
  PrintHeader();

  const std::vector<Scenario> scenarios = {Pan(12), Pan(13), Pan(14),     Pan(15),
                                           Pan(16), Pan(17), ZoomSweep(), FilterJumps()};
  std::vector<Figures> results;
  for (const ScreenSize& screen : kScreens) {
    HeadlessImGui imgui(screen);
    if (!imgui.ok) {
      std::fprintf(stderr, "could not read the fonts from %s\n", SAFESPACES_ASSETS_DIR);
      return 1;
    }
    std::string published;
    Point(state, scenarios.front().camera(0));
    for (int i = 0; i < kWarmupFrames; ++i) RunFrame(state, actions, tiles, published, nullptr);
    for (const Scenario& scenario : scenarios) {
      Figures figures;
      figures.screen = screen.name;
      figures.scenario = scenario.name;
      for (int frame = 0; frame < settings.frames; ++frame) {
        Point(state, scenario.camera(frame));
        RunFrame(state, actions, tiles, published, &figures);
      }
      PrintRow(figures);
      results.push_back(std::move(figures));
    }
  }
  const double peak_mb = PeakRssMb();
  std::printf(
      "\nPeak resident memory: %.1f MB (%.1f MB once the places were loaded, before any frame). Whole run "
      "%.1f s; load average at end %s.\n",
      peak_mb, rss_after_places, (WallMs() - started) / 1000.0, LoadAverage().c_str());

  if (!settings.json_path.empty()) {
    nlohmann::json doc = {{"benchmark", "safespaces-map-bench"},
                          {"places", state.places.size()},
                          {"frames_per_scenario", settings.frames},
                          {"seed", settings.seed},
                          {"cpu", CpuModel()},
                          {"peak_rss_mb", peak_mb},
                          {"rss_after_places_mb", rss_after_places},
                          {"results", nlohmann::json::array()}};
    for (const Figures& f : results) doc["results"].push_back(ToJson(f));
    std::ofstream out(settings.json_path);
    out << doc.dump(2) << "\n";
    if (!out) {
      std::fprintf(stderr, "could not write %s\n", settings.json_path.c_str());
      return 1;
    }
    std::printf("JSON: %s\n", settings.json_path.c_str());
  }
  return 0;
}
