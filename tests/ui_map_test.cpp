// Tests of the picture map, drawn headless with the real data side and a tile cache whose
// fetches and textures are fakes the test sees: which tiles are asked for, that a pin opens
// its place, that a drag moves the map and does not open a pin, that pinch, double tap and
// every button move it as a young person expects, and that the tile source comes from the
// server and is kept for offline use. Also the tile cache's own rules (limits, retries, LRU).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "client/map_tiles.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

// A tile cache whose fetches are recorded and whose textures are numbers.
struct FakeTiles {
  std::vector<std::pair<int, std::string>> fetched;  // request id, url
  std::map<TextureId, int> live;                      // textures made and not freed
  TextureId next = 1;
  TileCache cache;

  explicit FakeTiles(std::size_t capacity = TileCache::kDefaultCapacity)
      : cache(TilePorts{[this](int id, const std::string& url) { fetched.emplace_back(id, url); },
                        [this](const std::uint8_t*, int, int) {
                          live[next] = 1;
                          return next++;
                        },
                        [this](TextureId texture) { live.erase(texture); }},
              capacity) {}

  // Answers every fetch so far with a 1x1 picture (or a failure).
  void AnswerAll(bool ok = true) {
    static const std::uint8_t pixel[4] = {200, 200, 200, 255};
    for (const auto& [id, url] : fetched) cache.Deliver({id, ok, ok ? 1 : 0, ok ? 1 : 0, ok ? std::span(pixel) : std::span<const std::uint8_t>()});
    fetched.clear();
  }
};

core::PublicPlace MakePlace(std::string id, std::string name, core::Category category, double lat, double lon) {
  core::PublicPlace entry;
  entry.place.id = std::move(id);
  entry.place.name = std::move(name);
  entry.place.category = category;
  entry.place.lat = lat;
  entry.place.lon = lon;
  entry.place.status = core::PlaceStatus::Approved;
  return entry;
}

// A map on the phone, at Coventry's middle, zoom 16, with the fake tiles.
void OpenMap(UiHarness& ui, FakeTiles& tiles, double zoom = 16.0) {
  ui.state.tiles = &tiles.cache;
  tiles.cache.SetUrlTemplate("/tiles/{z}/{x}/{y}.png");
  ui.state.map_lat = 52.4068;
  ui.state.map_lon = -1.5197;
  ui.state.map_zoom = zoom;
  ui.state.screen = Screen::Map;
  ui.Frame();
  ui.Frame();
}

// One frame with these finger events (CSS px), as the runtime hands them on.
void FingerFrame(UiHarness& ui, std::vector<ui::FingerEvent> events) {
  ui::Pointer pointer;
  pointer.is_touch = true;
  pointer.finger_events = std::move(events);
  ui::SetPointer(pointer);
  ui.Frame();
  ui::SetPointer(ui::Pointer{.is_touch = true});
}

ui::FingerEvent Finger(ui::FingerEventKind kind, std::int64_t id, float x, float y) { return {kind, {id, x, y}}; }

const ui::Item* FindNamed(const UiHarness& ui, const std::string& start) {
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.name.rfind(start, 0) == 0) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("a tile's address fills in its zoom, column and row", "[ui][map][tiles]") {
  CHECK(TileUrl("/tiles/{z}/{x}/{y}.png", {13, 4046, 2708}) == "/tiles/13/4046/2708.png");
  CHECK(TileUrl("https://{s}.tiles.example/{z}/{x}/{y}@2x.png", {1, 0, 1}) == "https://a.tiles.example/1/0/1@2x.png");
  CHECK(TileUrl("no braces", {1, 0, 1}) == "no braces");
}

TEST_CASE("the tile cache fetches a few at a time, keeps the recently drawn, and tries a failed tile again later",
          "[ui][map][tiles]") {
  FakeTiles tiles(4);
  TileCache& cache = tiles.cache;
  cache.SetUrlTemplate("/t/{z}/{x}/{y}");
  cache.BeginFrame(0.0);
  for (int x = 0; x < 10; ++x) CHECK(cache.Find({5, x, 3}, true) == 0);
  CHECK(tiles.fetched.size() == static_cast<std::size_t>(TileCache::kMaxInFlight));  // the rest wait their turn
  CHECK(cache.Find({5, 0, 3}, true) == 0);  // asked once, not twice
  CHECK(tiles.fetched.size() == static_cast<std::size_t>(TileCache::kMaxInFlight));
  tiles.AnswerAll();
  CHECK(cache.TextureCount() == 6);
  CHECK(cache.Find({5, 0, 3}, true) != 0);

  // Six textures, room for four: the two least recently drawn go, never one drawn this frame.
  cache.EndFrame();
  CHECK(cache.TextureCount() == 6);  // all six were drawn (or asked for) this frame
  cache.BeginFrame(1.0);
  for (int x = 2; x < 6; ++x) CHECK(cache.Find({5, x, 3}, false) != 0);
  cache.EndFrame();
  CHECK(cache.TextureCount() == 4);
  CHECK(tiles.live.size() == 4);  // freed on the GPU too
  CHECK(cache.Find({5, 0, 3}, false) == 0);
  CHECK(cache.Find({5, 5, 3}, false) != 0);

  // A failure is tried again after kRetrySeconds, not before.
  cache.BeginFrame(2.0);
  CHECK(cache.Find({6, 0, 0}, true) == 0);
  tiles.AnswerAll(false);
  CHECK(cache.HasFailed({6, 0, 0}));
  CHECK(cache.Failures() == 1);
  cache.Find({6, 0, 0}, true);
  CHECK(tiles.fetched.empty());
  cache.BeginFrame(2.0 + TileCache::kRetrySeconds);
  cache.Find({6, 0, 0}, true);
  CHECK(tiles.fetched.size() == 1);

  // A fetch that never answers stops holding its place.
  cache.BeginFrame(2.0 + TileCache::kRetrySeconds + TileCache::kGiveUpSeconds);
  CHECK(cache.InFlight() == 0);
  CHECK(cache.HasFailed({6, 0, 0}));

  // A new tile source forgets every picture of the old one.
  cache.SetUrlTemplate("/other/{z}/{x}/{y}");
  CHECK(cache.TextureCount() == 0);
  CHECK(tiles.live.empty());
}

TEST_CASE("the map asks for the tiles under it, nearest the middle first, and only those the source has",
          "[ui][map][tiles]") {
  UiHarness ui;
  FakeTiles tiles;
  ui.state.map_config.tile_max_zoom = 15;
  ui.state.map_config.tile_bounded = true;
  ui.state.map_config.tile_bounds = {52.36, -1.61, 52.46, -1.42};
  OpenMap(ui, tiles, 13.0);
  REQUIRE_FALSE(tiles.fetched.empty());
  const core::TileId middle = core::TileAt(52.4068, -1.5197, 13);
  CHECK(tiles.fetched.front().second == TileUrl("/tiles/{z}/{x}/{y}.png", middle));
  for (const auto& [id, url] : tiles.fetched) CHECK(url.rfind("/tiles/13/", 0) == 0);

  // Deeper than the source goes: its deepest tiles are fetched and stretched.
  tiles.AnswerAll();
  ui.state.map_zoom = 17.0;
  ui.Frame();
  REQUIRE_FALSE(tiles.fetched.empty());
  for (const auto& [id, url] : tiles.fetched) CHECK(url.rfind("/tiles/15/", 0) == 0);

  // Far outside its bounds: nothing is asked for, and the map still works.
  tiles.fetched.clear();
  ui.state.map_lat = 48.85;  // Paris
  ui.state.map_lon = 2.35;
  ui.state.map_zoom = 13.0;
  ui.Frame();
  ui.Frame();
  CHECK(tiles.fetched.empty());
  CHECK(ui.state.ui_record.raw_items.empty());
}

TEST_CASE("each place is a pin named by its name and kind, and a tap opens its card", "[ui][map]") {
  UiHarness ui;
  FakeTiles tiles;
  ui.AddToMap({MakePlace("018f2d6e-0000-7000-8000-00000000000a", "Central Library", core::Category::Library, 52.4071,
                           -1.5190)});
  OpenMap(ui, tiles);
  const ui::Item* pin = ui.state.ui_record.Find(ui::Role::Button, "Central Library, Library");
  REQUIRE(pin);
  CHECK(pin->rect.w >= ui::kMinTarget);
  CHECK(pin->rect.h >= ui::kMinTarget);
  REQUIRE(ui.Tap("Central Library, Library"));
  CHECK(ui.state.screen == Screen::PlaceCard);
  CHECK(ui.state.open_place_id == "018f2d6e-0000-7000-8000-00000000000a");
}

TEST_CASE("a place in the Safe Spaces scheme says so on its pin and on its card", "[ui][map]") {
  UiHarness ui;
  FakeTiles tiles;
  core::PublicPlace member = MakePlace("018f2d6e-0000-7000-8000-00000000000a", "Central Library",
                                       core::Category::Library, 52.4071, -1.5190);
  member.scheme_member = true;
  core::PublicPlace other =
      MakePlace("018f2d6e-0000-7000-8000-00000000000b", "Corner Cafe", core::Category::Cafe, 52.4081, -1.5150);
  ui.AddToMap({member, other});
  OpenMap(ui, tiles);
  CHECK(ui.Shows(ui::Role::Button, "Central Library, Library, part of the Safe Spaces scheme"));
  CHECK(ui.Shows(ui::Role::Button, "Corner Cafe, Café"));
  REQUIRE(ui.Tap("Central Library, Library, part of the Safe Spaces scheme"));
  CHECK(ui.Shows(ui::Role::Text, "Part of the Safe Spaces scheme: the staff here have agreed to welcome you."));
  REQUIRE(ui.Tap("Back"));
  REQUIRE(ui.Tap("Corner Cafe, Café"));
  CHECK_FALSE(ui.Shows(ui::Role::Text, "Part of the Safe Spaces scheme: the staff here have agreed to welcome you."));
  CHECK(ui.state.ui_record.raw_items.empty());
}

TEST_CASE("the map's buttons do all that gestures do: zoom, back to my area, the list", "[ui][map]") {
  UiHarness ui;
  FakeTiles tiles;
  OpenMap(ui, tiles, 14.0);
  // The tiles' credit is always on the map.
  CHECK(ui.state.ui_record.Find(ui::Role::Text, ui.state.map_config.attribution));
  REQUIRE(ui.Tap("Zoom in"));
  CHECK(ui.state.map_zoom == 15.0);
  REQUIRE(ui.Tap("Zoom out"));
  REQUIRE(ui.Tap("Zoom out"));
  CHECK(ui.state.map_zoom == 13.0);
  ui.state.map_lat = 52.0;
  ui.state.map_lon = -2.0;
  REQUIRE(ui.Tap("My area"));
  CHECK(ui.state.map_lat == ui.state.map_config.home_lat);
  CHECK(ui.state.map_lon == ui.state.map_config.home_lon);
  CHECK(ui.state.map_zoom == ui.state.map_config.home_zoom);
  REQUIRE(ui.Tap("List"));
  CHECK(ui.state.screen == Screen::PlaceList);
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.state.screen == Screen::Map);
  REQUIRE(ui.Tap("What to show"));
  CHECK(ui.state.screen == Screen::MapFilters);
  CHECK(ui.state.ui_record.raw_items.empty());
}

TEST_CASE("places close together are one round count at low zoom; a tap on it zooms in on them", "[ui][map]") {
  UiHarness ui;
  FakeTiles tiles;
  std::vector<core::PublicPlace> places;
  for (int i = 0; i < 5; ++i)
    places.push_back(MakePlace("018f2d6e-0000-7000-8000-00000000001" + std::to_string(i), "Cafe " + std::to_string(i),
                               core::Category::Cafe, 52.4068 + 0.0004 * i, -1.5197));
  ui.AddToMap(places);
  OpenMap(ui, tiles, 11.0);
  const ui::Item* cluster = FindNamed(ui, "5 places close together");
  REQUIRE(cluster);
  CHECK(FindNamed(ui, "Cafe 0") == nullptr);
  REQUIRE(ui.Tap(cluster->name));
  CHECK(ui.state.map_zoom == 13.0);
  // Close enough, each is its own pin.
  ui.state.map_zoom = 18.0;
  ui.Frame();
  const std::string kind(core::CategoryLabel(core::Category::Cafe));
  for (int i = 0; i < 5; ++i) CHECK(FindNamed(ui, "Cafe " + std::to_string(i) + ", " + kind));
}

TEST_CASE("a finger drag moves the map, and one that starts on a pin does not open it", "[ui][map][touch]") {
  UiHarness ui;
  FakeTiles tiles;
  ui.AddToMap({MakePlace("018f2d6e-0000-7000-8000-00000000000a", "Central Library", core::Category::Library,
                           52.4068, -1.5197)});
  OpenMap(ui, tiles);
  const ui::Item* pin = ui.state.ui_record.Find(ui::Role::Button, "Central Library, Library");
  REQUIRE(pin);
  const float x = pin->rect.CenterX(), y = pin->rect.CenterY();
  const double lon_before = ui.state.map_lon;
  const double lat_before = ui.state.map_lat;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x, y);  // SDL moves ImGui's mouse with the first finger too
  io.MouseDown[0] = true;
  FingerFrame(ui, {Finger(ui::FingerEventKind::Down, 1, x, y)});
  for (int step = 1; step <= 8; ++step) {
    io.MousePos = ImVec2(x + 10.0f * step, y + 5.0f * step);
    FingerFrame(ui, {Finger(ui::FingerEventKind::Move, 1, x + 10.0f * step, y + 5.0f * step)});
  }
  io.MouseDown[0] = false;
  FingerFrame(ui, {Finger(ui::FingerEventKind::Up, 1, x + 80.0f, y + 40.0f)});
  ui.Frame();
  CHECK(ui.state.screen == Screen::Map);  // the pin did not open
  // The picture moved right and down: the middle is now further west and north.
  CHECK(ui.state.map_lon < lon_before);
  CHECK(ui.state.map_lat > lat_before);
  const double metres_per_px = 156543.03 * std::cos(52.4068 * M_PI / 180.0) / std::exp2(16.0);
  CHECK(core::DistanceMetres(lat_before, lon_before, ui.state.map_lat, ui.state.map_lon) ==
        Approx(std::hypot(80.0, 40.0) * metres_per_px).epsilon(0.05));
}

TEST_CASE("two fingers pinch to zoom, and a double tap zooms in", "[ui][map][touch]") {
  UiHarness ui;
  FakeTiles tiles;
  OpenMap(ui, tiles, 14.0);
  FingerFrame(ui, {Finger(ui::FingerEventKind::Down, 1, 150, 400), Finger(ui::FingerEventKind::Down, 2, 250, 400)});
  FingerFrame(ui, {Finger(ui::FingerEventKind::Move, 1, 100, 400), Finger(ui::FingerEventKind::Move, 2, 300, 400)});
  FingerFrame(ui, {Finger(ui::FingerEventKind::Up, 1, 100, 400), Finger(ui::FingerEventKind::Up, 2, 300, 400)});
  ui.Frame();
  CHECK(ui.state.map_zoom == Approx(15.0).margin(0.01));  // fingers twice as far apart: one zoom closer

  for (int tap = 0; tap < 2; ++tap) {
    FingerFrame(ui, {Finger(ui::FingerEventKind::Down, 3, 195, 500)});
    FingerFrame(ui, {Finger(ui::FingerEventKind::Up, 3, 195, 500)});
  }
  ui.Frame();
  CHECK(ui.state.map_zoom == Approx(16.0).margin(0.01));
}

TEST_CASE("a first visit's map asks for no pictures until the server has said where they come from",
          "[ui][map][config]") {
  UiHarness ui;
  FakeTiles tiles;
  ui.state.tiles = &tiles.cache;
  ui.state.screen = Screen::Map;
  ui.Frame();
  ui.Frame();
  REQUIRE(ui.config_requests.size() == 1);
  tiles.cache.SetUrlTemplate(ui.state.map_config.tile_url);  // as the runtime does every frame
  ui.Frame();
  ui.Frame();
  CHECK(tiles.fetched.empty());
  CHECK(ui.Shows(ui::Role::Text, "Map pictures will show when you are online."));

  ui.answers.push_back({ui.config_requests[0].id, 200,
                        R"({"tiles":{"url":"/tiles/{z}/{x}/{y}.png","attribution":"Synthetic tiles"},)"
                        R"("area":{"name":"Coventry","south":52.36,"west":-1.61,"north":52.46,"east":-1.42}})"});
  ui.Frame();
  tiles.cache.SetUrlTemplate(ui.state.map_config.tile_url);
  ui.Frame();
  REQUIRE_FALSE(tiles.fetched.empty());
  for (const auto& [id, url] : tiles.fetched) CHECK(url.rfind("/tiles/", 0) == 0);
  CHECK(ui.Shows(ui::Role::Text, "Synthetic tiles"));
}

TEST_CASE("the tile source comes from the server, is kept on the device, and moves a map still at its start",
          "[ui][map][config]") {
  const std::string body =
      R"({"tiles":{"url":"/tiles/{z}/{x}/{y}.png","attribution":"Synthetic tiles","min_zoom":11,"max_zoom":15,)"
      R"("bounds":{"south":52.36,"west":-1.61,"north":52.46,"east":-1.42}},)"
      R"("area":{"name":"Coventry","south":52.36,"west":-1.61,"north":52.46,"east":-1.42}})";
  const std::optional<MapConfig> parsed = ParseMapConfig(body);
  REQUIRE(parsed);
  CHECK(parsed->tile_url == "/tiles/{z}/{x}/{y}.png");
  CHECK(parsed->tile_max_zoom == 15);
  CHECK(parsed->tile_bounded);
  CHECK(parsed->home_lat == Approx(52.41));
  CHECK(parsed->home_zoom >= 11.0);
  CHECK(parsed->home_zoom <= 14.0);
  for (const char* bad : {"", "[]", "{}", R"({"tiles":{"url":"/no-numbers.png"},"area":{}})",
                          R"({"tiles":{"url":"/{z}/{x}/{y}"},"area":{"south":1,"west":1,"north":0,"east":2}})"})
    CHECK_FALSE(ParseMapConfig(bad));

  {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.config_requests.size() == 1);
  CHECK(ui.config_requests[0].method == "GET");
  ui.answers.push_back({ui.config_requests[0].id, 200, body});
  ui.Frame();
  CHECK(ui.state.map_config == *parsed);
  CHECK(ui.state.map_lat == parsed->home_lat);  // it had not been moved, so it follows
  CHECK(store::DeviceMeta(ui.data->db, "map_config") == body);
  ui.Frame();
  CHECK(ui.config_requests.size() == 1);  // once a run
  }

  // A failed answer keeps what the map had and asks again later (one harness at a time:
  // each owns the ImGui context).
  UiHarness offline;
  offline.Frame();
  REQUIRE(offline.config_requests.size() == 1);
  offline.answers.push_back({offline.config_requests[0].id, 0, ""});
  offline.Frame();
  CHECK(offline.state.map_config == MapConfig{});
  offline.now += 31.0;
  offline.Frame();
  CHECK(offline.config_requests.size() == 2);
}
