// This is the implementation of map_view.h: world pixels <-> the screen, cameras after a
// gesture, and the tiles of a view (with a coarser tile standing in for one still loading).
#include "client/map_view.h"

#include <algorithm>
#include <cmath>

#include "client/map_tiles.h"

namespace {

constexpr int kMaxAncestorLevels = 6;  // how far up to look for a coarser tile to stretch

double WrapLongitude(double lon) { return std::remainder(lon, 360.0); }

ImTextureID AsImGuiTexture(TextureId texture) { return reinterpret_cast<ImTextureID>(texture); }

// Whether the source has `tile` at all: within its zooms and its bounds.
bool SourceHas(const MapConfig& config, const core::TileId& tile) {
  if (tile.z < config.tile_min_zoom || tile.z > config.tile_max_zoom) return false;
  if (!config.tile_bounded) return true;
  const core::LatLonBounds covers = core::TileBounds(tile);
  const core::LatLonBounds& has = config.tile_bounds;
  return covers.south < has.north && covers.north > has.south && covers.west < has.east && covers.east > has.west;
}

}  // namespace

core::LatLonBounds MapView::Bounds() const { return core::ViewportBounds({lat, lon, zoom, area.w, area.h}); }

MapView ViewOf(const MapCamera& camera, const ui::Rect& area) {
  MapView view;
  view.lat = camera.lat;
  view.lon = camera.lon;
  view.zoom = std::clamp(camera.zoom, kMapMinZoom, kMapMaxZoom);
  view.area = area;
  view.centre = core::LatLonToWorld(view.lat, view.lon, view.zoom);
  return view;
}

MapCamera CameraMovedBy(const MapView& view, float pan_x, float pan_y, double factor, ImVec2 focus) {
  core::WorldPoint centre{view.centre.x - pan_x, view.centre.y - pan_y};
  const double zoom = std::clamp(view.zoom + std::log2(factor), kMapMinZoom, kMapMaxZoom);
  const double scale = std::exp2(zoom - view.zoom);
  if (scale != 1.0) {
    const double fx = focus.x - view.area.CenterX();
    const double fy = focus.y - view.area.CenterY();
    centre = {(centre.x + fx) * scale - fx, (centre.y + fy) * scale - fy};
  }
  const core::LatLon middle = core::WorldToLatLon(centre, zoom);
  return {middle.lat, WrapLongitude(middle.lon), zoom};
}

MapCamera CameraZoomed(const MapView& view, double levels) {
  return {view.lat, view.lon, std::clamp(std::round(view.zoom) + levels, kMapMinZoom, kMapMaxZoom)};
}

std::optional<MapCamera> CameraAfter(const MapView& view, const ui::MapGesture& gesture) {
  double factor = gesture.zoom_by;
  if (gesture.double_tap) factor *= 2.0;
  if (gesture.pan_x == 0.0f && gesture.pan_y == 0.0f && factor == 1.0) return std::nullopt;
  return CameraMovedBy(view, gesture.pan_x, gesture.pan_y, factor, ImVec2(gesture.focus_x, gesture.focus_y));
}

// Deeper than the source goes, its deepest tiles are stretched.
void DrawTiles(const AppState& state, const MapView& view) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ui::Rect& a = view.area;
  draw->PushClipRect(ImVec2(a.x, a.y), ImVec2(a.x + a.w, a.y + a.h), true);
  draw->AddRectFilled(ImVec2(a.x, a.y), ImVec2(a.x + a.w, a.y + a.h), IM_COL32(0xEC, 0xE8, 0xDF, 0xFF));
  TileCache* tiles = state.tiles;
  const MapConfig& config = state.map_config;
  if (tiles) {
    const core::Viewport viewport{view.lat, view.lon, view.zoom, a.w, a.h};
    for (const core::CoveringTile& covering : core::TilesCovering(viewport)) {
      // Whole pixels at both edges, so neighbouring tiles meet without a hairline between.
      const ImVec2 min(a.x + static_cast<float>(std::floor(covering.left)),
                       a.y + static_cast<float>(std::floor(covering.top)));
      const ImVec2 max(a.x + static_cast<float>(std::floor(covering.left + covering.size)),
                       a.y + static_cast<float>(std::floor(covering.top + covering.size)));
      const bool exists = SourceHas(config, covering.tile);
      if (TextureId texture = exists ? tiles->Find(covering.tile, true) : 0) {
        draw->AddImage(AsImGuiTexture(texture), min, max);
        continue;
      }
      // A coarser tile: fetched only when this one cannot come (beyond the source, or
      // failed); otherwise it is only a stand-in while this one loads.
      bool missing = !exists || tiles->HasFailed(covering.tile);
      for (int up = 1; up <= kMaxAncestorLevels; ++up) {
        const std::optional<core::TileId> ancestor = core::AncestorTile(covering.tile, up);
        if (!ancestor) break;
        const bool fetch = missing && SourceHas(config, *ancestor) && !tiles->HasFailed(*ancestor);
        const TextureId texture = tiles->Find(*ancestor, fetch);
        if (texture == 0) {
          if (fetch) missing = false;  // the nearest that can come is asked for: no more
          continue;
        }
        const std::optional<core::TileRect> part = core::SubRectInAncestor(covering.tile, *ancestor);
        if (!part) break;
        draw->AddImage(AsImGuiTexture(texture), min, max,
                       ImVec2(static_cast<float>(part->u0), static_cast<float>(part->v0)),
                       ImVec2(static_cast<float>(part->u1), static_cast<float>(part->v1)));
        break;
      }
    }
  }
  draw->PopClipRect();
}
