// A picture map's view, shared by every screen that shows one (the young person's map and
// picker, the board of a group session): where a camera (middle and zoom) puts the world on
// a rectangle of the screen, the tiles drawn under it, and the camera that a gesture or a
// zoom button leaves. Cameras come back as values: each screen turns them into its own
// action (MoveMap, StaffMoveBoard). The screens are screen_map.cpp and screen_board.cpp;
// start at ViewOf.
#pragma once
#include <imgui.h>

#include <optional>

#include "client/app.h"
#include "client/ui/widgets.h"
#include "core/map_math.h"

inline constexpr double kMapMinZoom = 6.0;   // the whole of England: further out helps no one
inline constexpr double kMapMaxZoom = 19.0;  // a building

struct MapCamera {
  double lat = 0, lon = 0;  // the middle, degrees
  double zoom = 0;          // fractional while pinching
};

struct MapView {
  double lat = 0, lon = 0, zoom = 0;
  ui::Rect area;
  core::WorldPoint centre;  // world px at `zoom`

  ImVec2 ToScreen(const core::WorldPoint& world) const {
    return ImVec2(static_cast<float>(area.CenterX() + (world.x - centre.x)),
                  static_cast<float>(area.CenterY() + (world.y - centre.y)));
  }
  ImVec2 ToScreen(double place_lat, double place_lon) const {
    return ToScreen(core::LatLonToWorld(place_lat, place_lon, zoom));
  }
  // What the view shows, edge to edge.
  core::LatLonBounds Bounds() const;
};

// The view of `camera` on `area` (its zoom kept within kMapMinZoom..kMapMaxZoom).
MapView ViewOf(const MapCamera& camera, const ui::Rect& area);

// The camera after the picture moved by (pan_x, pan_y) CSS px and zoomed by `factor`
// around `focus` (screen px): the world point under the focus stays under it.
MapCamera CameraMovedBy(const MapView& view, float pan_x, float pan_y, double factor, ImVec2 focus);
// The camera `levels` whole zooms closer (negative: further out), round the middle.
MapCamera CameraZoomed(const MapView& view, double levels);
// The camera a drag, pinch, wheel or double tap leaves; nullopt when it did nothing.
std::optional<MapCamera> CameraAfter(const MapView& view, const ui::MapGesture& gesture);

// The tiles under the view (state.tiles; plain land colour without them). Where one is still
// on its way, a coarser one already here is stretched over its square.
void DrawTiles(const AppState& state, const MapView& view);
