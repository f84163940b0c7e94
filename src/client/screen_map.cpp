// The picture map: tiles from the council's tile source, a pin for each place (its kind's
// icon on its kind's colour) or a round count where several are close, and buttons for all
// that a drag or a pinch does, so dragging is never the only way. The list of the same
// places is one tap away (screen_places.cpp); screen readers use it. Also the picker that
// "Suggest a place" uses (the map under a fixed pin) and a youth worker's session area.
// The view and its tiles are map_view.h's.
//
// [SECTION] Pins and clusters
// [SECTION] Words and toolbars
// [SECTION] The map screen
// [SECTION] The picker
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "client/map_tiles.h"
#include "client/map_view.h"
#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "core/map_math.h"
#include "core/map_places.h"

namespace {

constexpr float kPinCullMargin = 64.0f;  // CSS px beyond the edges where pins are still drawn
constexpr float kGap = 8.0f;           // CSS px between controls

// The young person's map camera (state.map_*), as the map views take it.
MapView ViewOf(const AppState& state, const ui::Rect& area) {
  return ViewOf(MapCamera{state.map_lat, state.map_lon, state.map_zoom}, area);
}

void MoveMap(const MapCamera& camera, Actions& actions) { actions.MoveMap(camera.lat, camera.lon, camera.zoom); }

void ApplyGesture(const MapView& view, const ui::MapGesture& gesture, Actions& actions) {
  if (const std::optional<MapCamera> camera = CameraAfter(view, gesture)) MoveMap(*camera, actions);
}

//-----------------------------------------------------------------------------
// [SECTION] Pins and clusters
//-----------------------------------------------------------------------------

// What the pins need, worked out again only when the places, the filter or the clustering
// grid change (not on every frame of a pan): 10,000 places stay smooth.
struct PinCache {
  const core::PublicPlace* places = nullptr;
  std::size_t count = 0;
  int version = -1;
  core::MapFilter filter;
  std::vector<core::WorldPoint> world0;  // each place on the zoom-0 world
  std::vector<std::uint32_t> shown;      // those that pass the filter
  core::MapClusters clusters;
  int grid_zoom = -1;
};

PinCache& PinsFor(const AppState& state, double zoom) {
  static PinCache cache;
  const bool places_changed = cache.places != state.places.data() || cache.count != state.places.size() ||
                              cache.version != state.places_version;
  if (places_changed) {
    cache.places = state.places.data();
    cache.count = state.places.size();
    cache.version = state.places_version;
    cache.world0 = core::ProjectPlaces(state.places);
  }
  if (places_changed || !(cache.filter == state.map_filter) || cache.grid_zoom < 0) {
    cache.filter = state.map_filter;
    cache.shown = core::FilterPlaces(state.places, state.map_filter);
    cache.grid_zoom = -1;
  }
  const int grid_zoom = static_cast<int>(std::lround(zoom));
  if (grid_zoom != cache.grid_zoom) {
    core::ClusterPlaces(cache.world0, cache.shown, zoom, cache.clusters);
    cache.grid_zoom = grid_zoom;
  }
  return cache;
}

struct ShownPin {
  ImVec2 at;  // the tip (a pin) or the middle (a cluster), screen px
  const core::MapCluster* cluster = nullptr;
};

// The pins and clusters inside the view (with a margin), north first, so southern pins
// overlap northern ones as on a paper map.
std::vector<ShownPin> PinsInView(const PinCache& pins, const MapView& view) {
  const double scale = std::exp2(view.zoom - pins.clusters.zoom);
  std::vector<ShownPin> shown;
  const ui::Rect& a = view.area;
  for (const core::MapCluster& cluster : pins.clusters.clusters) {
    const ImVec2 at = view.ToScreen({cluster.centre.x * scale, cluster.centre.y * scale});
    if (at.x < a.x - kPinCullMargin || at.x > a.x + a.w + kPinCullMargin || at.y < a.y - kPinCullMargin ||
        at.y > a.y + a.h + kPinCullMargin)
      continue;
    shown.push_back({at, &cluster});
  }
  std::sort(shown.begin(), shown.end(), [](const ShownPin& l, const ShownPin& r) { return l.at.y < r.at.y; });
  return shown;
}

// Draws the places; with `actions`, pins open their card and clusters zoom in on their
// places. Returns how many places the view shows.
int DrawPlaces(const AppState& state, const MapView& view, Actions* actions) {
  const PinCache& pins = PinsFor(state, view.zoom);
  int places_shown = 0;
  for (const ShownPin& pin : PinsInView(pins, view)) {
    const core::MapCluster& cluster = *pin.cluster;
    places_shown += static_cast<int>(cluster.count);
    const core::PublicPlace& first = state.places[pins.clusters.MembersOf(cluster)[0]];
    const core::Place& place = first.place;
    if (cluster.count == 1) {
      if (!actions) {
        ui::DrawMapPin(pin.at.x, pin.at.y, CategoryIcon(place.category), CategoryColour(place.category), 0.8f);
        continue;
      }
      std::string name = place.name + ", " + std::string(core::CategoryLabel(place.category));
      if (first.scheme_member) name += ", part of the Safe Spaces scheme";
      if (ui::MapPin(place.id.c_str(), pin.at.x, pin.at.y, CategoryIcon(place.category), CategoryColour(place.category),
                     name.c_str()))
        actions->OpenPlace(place.id);
      if (first.scheme_member) ui::DrawSchemeBadge(pin.at.x, pin.at.y);
      continue;
    }
    const std::string name = std::to_string(cluster.count) + " places close together. Tap to see them closer.";
    const std::string id = "cluster " + place.id;
    if (ui::MapCluster(id.c_str(), pin.at.x, pin.at.y, static_cast<int>(cluster.count), name.c_str()) && actions) {
      const double scale = std::exp2(view.zoom - pins.clusters.zoom);
      const core::LatLon middle =
          core::WorldToLatLon({cluster.centre.x * scale, cluster.centre.y * scale}, view.zoom);
      if (view.zoom >= kMapMaxZoom - 0.5) {
        // As close as the map goes and still together: they share an address. The list shows them.
        actions->MoveMap(middle.lat, middle.lon, view.zoom);
        actions->OpenScreen(Screen::PlaceList);
      } else {
        actions->MoveMap(middle.lat, middle.lon, std::min(kMapMaxZoom, std::round(view.zoom) + 2.0));
      }
    }
  }
  return places_shown;
}

//-----------------------------------------------------------------------------
// [SECTION] Words and toolbars
//-----------------------------------------------------------------------------

std::string PicturesDescription(int places_shown) {
  return "The map picture. It shows " + std::to_string(places_shown) +
         (places_shown == 1 ? " place" : " places") + " here. The List button says them in words.";
}

// A toolbar's button: an icon above a word.
struct Tool {
  Icon icon;
  const char* label;
};

// How many of `tools` fit in a row `width` wide with their words whole: all, or two.
int ToolsPerRow(std::span<const Tool> tools, float width) {
  const auto count = static_cast<float>(tools.size());
  float widest = 0.0f;
  // Measured at body size, with room to spare: a word must never be squeezed.
  for (const Tool& tool : tools) widest = std::max(widest, ui::ButtonNaturalWidth(Icon::None, tool.label) - 12.0f);
  return (width - (count - 1.0f) * kGap) / count >= widest ? static_cast<int>(tools.size()) : 2;
}

int FiltersChosen(const core::MapFilter& filter) {
  int chosen = filter.quiet + filter.step_free + filter.accessible_toilet + filter.staff_understand;
  for (bool category : filter.categories) chosen += category;
  return chosen;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The map screen
//-----------------------------------------------------------------------------

void DrawMapScreen(const AppState& state, Actions& actions) {
  const ui::Rect area = ui::BeginMapScreen("Explore the map");
  const MapView view = ViewOf(state, area);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Three layers: the pictures, the pins over them, the controls over both. Controls are
  // submitted first so that a tap on one never reaches a pin or the map below it.
  draw->ChannelsSplit(3);
  draw->ChannelsSetCurrent(2);
  const float pad = ui::kScreenPadding;
  const float width = area.w - 2.0f * pad;
  std::vector<ui::Rect> controls;
  auto note_control = [&controls]() {
    controls.push_back({ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                        ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
  };

  // Top: back, the title, and what to show, on a pale strip; the filter button takes a
  // row of its own when big text leaves no room beside the title.
  const int chosen = FiltersChosen(state.map_filter);
  const std::string filters = chosen == 0 ? std::string("What to show")
                                          : "What to show (" + std::to_string(chosen) + ")";
  const float back_width = ui::ButtonNaturalWidth(Icon::ArrowLeft, "Back");
  const float filter_width = std::min(ui::ButtonNaturalWidth(Icon::Filter, filters.c_str()), width);
  const float title_width = ImGui::CalcTextSize("Map").x * ui::kHeadingSize / ui::kBodySize + 12.0f;
  const bool one_row = back_width + title_width + filter_width + 2.0f * kGap <= width;
  const float row_height = std::max(ui::kMinTarget, ui::Scaled(ui::kBodySize) + 22.0f);
  const float strip_bottom = area.y + pad + (one_row ? row_height : 2.0f * row_height + kGap) + kGap;
  draw->AddRectFilled(ImVec2(area.x, area.y), ImVec2(area.x + area.w, strip_bottom),
                      (ui::Colours().background & 0x00FFFFFF) | 0xEB000000);
  ImGui::SetCursorScreenPos(ImVec2(area.x + pad, area.y + pad));
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  note_control();
  ImGui::SetCursorScreenPos(ImVec2(area.x + pad + back_width + kGap, area.y + pad + 4.0f));
  ImGui::PushTextWrapPos(area.x + area.w - pad);
  ui::Heading("Map", 1);
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(one_row ? ImVec2(area.x + area.w - pad - filter_width, area.y + pad)
                                    : ImVec2(area.x + pad, area.y + pad + row_height + kGap));
  if (ui::Button(Icon::Filter, filters.c_str(), ui::ButtonStyle::Secondary, filter_width))
    actions.OpenScreen(Screen::MapFilters);
  note_control();
  controls.push_back({area.x, area.y, area.w, strip_bottom - area.y});
  const float top_bottom = strip_bottom;

  // Bottom: back to my area and the list, in a row; zoom in and out stacked at the right
  // above them, as on most maps, each an icon with a word.
  const float row_width = std::min(width, 560.0f);
  const float half = (row_width - kGap) * 0.5f;
  const float row_left = area.x + (area.w - row_width) * 0.5f;
  const float row_top = area.y + area.h - pad - std::max(ui::kMinTarget, ui::Scaled(ui::kBodySize) + 22.0f);
  ImGui::SetCursorScreenPos(ImVec2(row_left, row_top));
  if (ui::Button(Icon::Home, "My area", ui::ButtonStyle::Secondary, half))
    actions.MoveMap(state.map_config.home_lat, state.map_config.home_lon, state.map_config.home_zoom);
  note_control();
  ImGui::SetCursorScreenPos(ImVec2(row_left + half + kGap, row_top));
  if (ui::Button(Icon::List, "List", ui::ButtonStyle::Primary, half)) actions.OpenScreen(Screen::PlaceList);
  note_control();
  const float bar_top = std::min(controls[controls.size() - 2].y, controls.back().y);  // buttons may wrap
  const float tool_width = std::max(96.0f, ui::ButtonNaturalWidth(Icon::None, "Zoom out") - 12.0f);
  const float tool_height = ui::ToolButtonHeight();
  const float zoom_top = bar_top - 2.0f * (tool_height + kGap);
  const Tool zooms[] = {{Icon::ZoomIn, "Zoom in"}, {Icon::ZoomOut, "Zoom out"}};
  for (int i = 0; i < 2; ++i) {
    ImGui::SetCursorScreenPos(
        ImVec2(area.x + area.w - pad - tool_width, zoom_top + static_cast<float>(i) * (tool_height + kGap)));
    if (ui::ToolButton(zooms[i].icon, zooms[i].label, tool_width)) MoveMap(CameraZoomed(view, i == 0 ? 1.0 : -1.0), actions);
    note_control();
  }
  // The tiles' credit, always in sight, just above the toolbar.
  const float caption_width = width - tool_width - kGap;
  const float caption_height =
      ui::MapCaption(state.map_config.attribution.c_str(), area.x + pad, bar_top - 6.0f, caption_width);
  controls.push_back({area.x + pad, bar_top - 6.0f - caption_height, caption_width, caption_height});

  // The city's shared goal, quietly under the top bar: we map together, nobody is ranked.
  const std::string team = TeamGoalSentence(state);
  const float team_height = ui::MapLabel(Icon::Group, team.c_str(), area.x + pad, top_bottom + kGap, std::min(width, 560.0f));
  controls.push_back({area.x + pad, top_bottom + kGap, std::min(width, 560.0f), team_height});

  // Calm notices under it.
  const bool pictures_missing = state.tiles && !state.tiles->AnyLoaded() && state.tiles->Failures() > 0;
  float notice_y = top_bottom + 2.0f * kGap + team_height;
  if (pictures_missing) {
    ui::MapNotice(Icon::Cloud, "The map pictures need the internet. The places are still here.", area.x + pad, notice_y,
                  std::min(width, 560.0f));
    notice_y += 90.0f;
  }
  if (!state.places.empty() && PinsFor(state, view.zoom).shown.empty())  // the filter's answer, cached
    ui::MapNotice(Icon::Info, "No place matches all of these. Try choosing fewer things.", area.x + pad, notice_y,
                  std::min(width, 560.0f));

  draw->ChannelsSetCurrent(1);
  const int places_shown = DrawPlaces(state, view, &actions);
  draw->ChannelsSetCurrent(0);
  DrawTiles(state, view);
  const ui::MapGesture gesture = ui::MapSurface(area, controls, PicturesDescription(places_shown).c_str());
  ApplyGesture(view, gesture, actions);
  draw->ChannelsMerge();
  ui::EndMapScreen();
}

//-----------------------------------------------------------------------------
// [SECTION] The picker
//-----------------------------------------------------------------------------

core::LatLonBounds DrawMapPicker(const AppState& state, Actions& actions, float height, PickerPin pin) {
  const ui::Rect box = ui::BeginMapBox("##map-picker", height);
  const MapView view = ViewOf(state, box);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(3);
  draw->ChannelsSetCurrent(2);
  std::vector<ui::Rect> controls;
  const float pad = 8.0f;
  const float tool_width = std::max(96.0f, ui::ToolLabelWidth("Zoom out") + 24.0f);
  for (int i = 0; i < 2; ++i) {
    const bool in = i == 0;
    ImGui::SetCursorScreenPos(
        ImVec2(box.x + box.w - pad - tool_width, box.y + pad + static_cast<float>(i) * (ui::ToolButtonHeight() + kGap)));
    if (ui::ToolButton(in ? Icon::ZoomIn : Icon::ZoomOut, in ? "Zoom in" : "Zoom out", tool_width))
      MoveMap(CameraZoomed(view, in ? 1.0 : -1.0), actions);
    controls.push_back({ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                        ImGui::GetItemRectSize().y});
  }
  const float caption_height =
      ui::MapCaption(state.map_config.attribution.c_str(), box.x + 4.0f, box.y + box.h - 4.0f, box.w - 8.0f);
  controls.push_back({box.x, box.y + box.h - 4.0f - caption_height, box.w, caption_height + 4.0f});

  // The places, and over them the new place's pin, fixed in the middle: the map moves under it.
  draw->ChannelsSetCurrent(1);
  DrawPlaces(state, view, nullptr);
  if (pin == PickerPin::NewPlace) ui::DrawMapPin(box.CenterX(), box.CenterY(), Icon::Plus, ui::Colours().focus, 1.4f);
  draw->ChannelsSetCurrent(0);
  DrawTiles(state, view);
  const ui::MapGesture gesture = ui::MapSurface(
      box, controls,
      pin == PickerPin::NewPlace ? "The map, with a pin in the middle. Move the map until the pin is on your place."
                                 : "The map. Move it and zoom it until it shows the area you want.");
  ApplyGesture(view, gesture, actions);
  draw->AddRect(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), ui::Colours().card_border, 12.0f, 0, 2.0f);
  draw->ChannelsMerge();
  ui::EndMapBox();

  // Moving the map without dragging: a quarter of the box at a press.
  ui::Space(kGap);
  const Tool moves[] = {{Icon::ArrowLeft, "Left"}, {Icon::ArrowUp, "Up"}, {Icon::ArrowDown, "Down"},
                        {Icon::ArrowRight, "Right"}};
  const float shift[4][2] = {{1, 0}, {0, 1}, {0, -1}, {-1, 0}};  // the picture moves right for "Left"
  const int per_row = ToolsPerRow(moves, ui::ContentWidth());
  const float width = (ui::ContentWidth() - static_cast<float>(per_row - 1) * kGap) / static_cast<float>(per_row);
  for (int i = 0; i < 4; ++i) {
    if (i % per_row != 0) ImGui::SameLine(0.0f, kGap);
    if (ui::ToolButton(moves[i].icon, moves[i].label, width))
      MoveMap(CameraMovedBy(view, shift[i][0] * box.w * 0.25f, shift[i][1] * box.h * 0.25f, 1.0,
                            ImVec2(box.CenterX(), box.CenterY())),
              actions);
    if (i % per_row == per_row - 1 && i < 3) ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y);
  }
  return view.Bounds();
}
