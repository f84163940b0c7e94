// The maths of the slippy map: Web Mercator with 256-px tiles (the scheme of OpenStreetMap
// and MBTiles' XYZ addresses), which tiles cover a view, a parent tile to draw while a
// child loads, and distances on the ground. Pure functions, double precision, no drawing
// and no loading (the map screen in src/client does those). Start at LatLonToWorld.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace core {

// [SECTION] Constants

inline constexpr double kTileSize = 256.0;                // CSS px per side of a tile
inline constexpr int kMinZoom = 0;                        // the whole world in one tile
inline constexpr int kMaxZoom = 19;                       // OpenStreetMap's deepest standard tiles
inline constexpr double kMaxLatitude = 85.0511287798066;  // degrees: where Web Mercator's square world ends
inline constexpr double kEarthRadiusMetres = 6371008.8;   // mean radius (IUGG), for haversine
inline constexpr int kMaxViewportPx = 16384;              // CSS px per side that a view may ask to cover

// [SECTION] Points and tiles

struct LatLon {
  double lat = 0.0;  // degrees north
  double lon = 0.0;  // degrees east
};

// A point on the world image at some zoom: x grows east from the antimeridian (lon -180),
// y grows south from lat +85.05; the world is kTileSize * 2^zoom px on each side.
struct WorldPoint {
  double x = 0.0;
  double y = 0.0;
};

struct TileId {
  int z = 0;
  int x = 0;  // 0 .. 2^z - 1, west to east
  int y = 0;  // 0 .. 2^z - 1, north to south (XYZ, as in URLs; MBTiles stores TMS rows)

  auto operator<=>(const TileId&) const = default;
};

struct LatLonBounds {
  double south = 0.0;
  double west = 0.0;
  double north = 0.0;
  double east = 0.0;

  bool operator==(const LatLonBounds&) const = default;
};

// Zoom kept within kMinZoom..kMaxZoom; NaN becomes kMinZoom. Fractions are kept (pinch).
double ClampZoom(double zoom);
// Latitude kept within +-kMaxLatitude (the poles themselves are not on the map); NaN -> 0.
double ClampLatitude(double lat);
// Side of the world image in px at `zoom` (fractional zoom allowed): kTileSize * 2^zoom.
double WorldSize(double zoom);
// 2^z for a whole zoom: tiles per side.
int TilesPerSide(int z);

// Latitude is clamped first; longitude is not wrapped, so lon 190 lies east of the world
// image (x > WorldSize), which keeps a pan across the antimeridian continuous.
WorldPoint LatLonToWorld(double lat, double lon, double zoom);
LatLon WorldToLatLon(WorldPoint point, double zoom);

// True when z is within kMinZoom..kMaxZoom and x, y within 0..2^z - 1.
bool IsValidTile(const TileId& tile);
// The tile holding a position at whole zoom `z` (clamped). Longitude wraps round the world
// (lon 180 is tile x 0, as -180 is); latitude is clamped, so a pole gives the edge row.
TileId TileAt(double lat, double lon, int z);
// What a tile covers; north > south, east > west.
LatLonBounds TileBounds(const TileId& tile);

// [SECTION] A view and the tiles that cover it

struct Viewport {
  double center_lat = 0.0;
  double center_lon = 0.0;
  double zoom = 0.0;    // fractional while pinching
  double width = 0.0;   // CSS px
  double height = 0.0;  // CSS px
};

// Which whole zoom's tiles to draw at a fractional zoom: the nearest one, so a tile is
// never drawn at less than 0.71x or more than 1.41x its own size.
int TileZoomFor(double zoom);

struct CoveringTile {
  TileId tile;      // x already wrapped into 0..2^z - 1
  double left = 0;  // CSS px from the view's left edge (may be negative)
  double top = 0;   // CSS px from the view's top edge
  double size = 0;  // CSS px per side at the view's zoom
};

// The tiles (at TileZoomFor(view.zoom)) that overlap the view, nearest the centre first,
// so the ones a young person is looking at load first. Rows beyond the poles are left out;
// columns repeat across the antimeridian (a wide view at zoom 0 shows the world twice).
// Width and height are clamped to 0..kMaxViewportPx; an empty or NaN view gives no tiles.
std::vector<CoveringTile> TilesCovering(const Viewport& view);

// What a view shows, edge to edge: south < north; west < east, in the view's own longitudes
// (not wrapped, so a view across the antimeridian has east > 180).
LatLonBounds ViewportBounds(const Viewport& view);

// The view `width` x `height` CSS px, centred on `bounds`, at the deepest whole zoom (from
// kMinZoom up to `max_zoom`) that shows all of them: a session's area on its board.
Viewport FitBounds(const LatLonBounds& bounds, double width, double height, double max_zoom);

// [SECTION] Parents, for drawing a coarser tile while a finer one loads

std::optional<TileId> ParentTile(const TileId& tile);  // nullopt at zoom 0 or for an invalid tile
// The tile `levels` zooms above (levels >= 0); nullopt if that would be above zoom 0.
std::optional<TileId> AncestorTile(const TileId& tile, int levels);

// Part of a tile's image, as fractions 0..1 of its width and height (texture coordinates).
struct TileRect {
  double u0 = 0.0;
  double v0 = 0.0;
  double u1 = 1.0;
  double v1 = 1.0;
};

// Where `tile` lies inside `ancestor`'s image: draw that part of the ancestor, stretched
// over the tile's square, until the tile arrives. Nullopt if `ancestor` does not contain
// `tile` (a tile contains itself: the whole rectangle).
std::optional<TileRect> SubRectInAncestor(const TileId& tile, const TileId& ancestor);

// [SECTION] Distance

// Great-circle distance by the haversine formula on a sphere of kEarthRadiusMetres;
// within about 0.5% of the true ellipsoidal distance. NaN in, NaN out.
double DistanceMetres(double lat1, double lon1, double lat2, double lon2);

}  // namespace core
