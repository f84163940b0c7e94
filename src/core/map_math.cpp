// This is the implementation of map_math.h: Web Mercator, tiles and haversine.
// The formulas are those of OpenStreetMap's "Slippy map tilenames" page.
#include "core/map_math.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace core {
namespace {

constexpr double kPi = std::numbers::pi;

double Radians(double degrees) { return degrees * kPi / 180.0; }
double Degrees(double radians) { return radians * 180.0 / kPi; }

// Whole-number modulo that is never negative: -1 mod 4 is 3.
long long WrapIndex(long long value, long long count) { return ((value % count) + count) % count; }

}  // namespace

// [SECTION] Points and tiles

double ClampZoom(double zoom) {
  if (std::isnan(zoom)) return kMinZoom;
  return std::clamp(zoom, static_cast<double>(kMinZoom), static_cast<double>(kMaxZoom));
}

double ClampLatitude(double lat) {
  if (std::isnan(lat)) return 0.0;
  return std::clamp(lat, -kMaxLatitude, kMaxLatitude);
}

double WorldSize(double zoom) { return kTileSize * std::exp2(zoom); }

int TilesPerSide(int z) { return 1 << std::clamp(z, kMinZoom, kMaxZoom); }

WorldPoint LatLonToWorld(double lat, double lon, double zoom) {
  const double size = WorldSize(zoom);
  const double phi = Radians(ClampLatitude(lat));
  // y = (1 - ln(tan(phi) + sec(phi)) / pi) / 2, written with asinh(tan) = ln(tan + sec).
  return {(lon + 180.0) / 360.0 * size, (1.0 - std::asinh(std::tan(phi)) / kPi) / 2.0 * size};
}

LatLon WorldToLatLon(WorldPoint point, double zoom) {
  const double size = WorldSize(zoom);
  const double n = kPi * (1.0 - 2.0 * point.y / size);
  return {Degrees(std::atan(std::sinh(n))), point.x / size * 360.0 - 180.0};
}

bool IsValidTile(const TileId& tile) {
  if (tile.z < kMinZoom || tile.z > kMaxZoom) return false;
  const int n = TilesPerSide(tile.z);
  return tile.x >= 0 && tile.x < n && tile.y >= 0 && tile.y < n;
}

TileId TileAt(double lat, double lon, int z) {
  z = std::clamp(z, kMinZoom, kMaxZoom);
  const int n = TilesPerSide(z);
  if (!std::isfinite(lon)) lon = 0.0;
  const WorldPoint p = LatLonToWorld(lat, lon, z);
  const long long column = static_cast<long long>(std::floor(p.x / kTileSize));
  const long long row = static_cast<long long>(std::floor(p.y / kTileSize));
  return {z, static_cast<int>(WrapIndex(column, n)), static_cast<int>(std::clamp<long long>(row, 0, n - 1))};
}

LatLonBounds TileBounds(const TileId& tile) {
  const LatLon north_west = WorldToLatLon({tile.x * kTileSize, tile.y * kTileSize}, tile.z);
  const LatLon south_east = WorldToLatLon({(tile.x + 1) * kTileSize, (tile.y + 1) * kTileSize}, tile.z);
  return {south_east.lat, north_west.lon, north_west.lat, south_east.lon};
}

// [SECTION] A view and the tiles that cover it

int TileZoomFor(double zoom) { return static_cast<int>(std::lround(ClampZoom(zoom))); }

std::vector<CoveringTile> TilesCovering(const Viewport& view) {
  std::vector<CoveringTile> tiles;
  if (!std::isfinite(view.center_lat) || !std::isfinite(view.center_lon) || !std::isfinite(view.zoom) ||
      !std::isfinite(view.width) || !std::isfinite(view.height))
    return tiles;
  const double width = std::clamp(view.width, 0.0, static_cast<double>(kMaxViewportPx));
  const double height = std::clamp(view.height, 0.0, static_cast<double>(kMaxViewportPx));
  if (width <= 0.0 || height <= 0.0) return tiles;

  const double zoom = ClampZoom(view.zoom);
  const int z = TileZoomFor(zoom);
  const double scale = std::exp2(zoom - z);  // CSS px per px of the tile zoom's world
  const int n = TilesPerSide(z);
  const WorldPoint centre = LatLonToWorld(view.center_lat, view.center_lon, z);
  const double left = centre.x - width / 2.0 / scale;  // in the tile zoom's world px
  const double top = centre.y - height / 2.0 / scale;
  const double right = centre.x + width / 2.0 / scale;
  const double bottom = centre.y + height / 2.0 / scale;

  const long long first_column = static_cast<long long>(std::floor(left / kTileSize));
  const long long last_column = static_cast<long long>(std::ceil(right / kTileSize)) - 1;
  const long long first_row = std::max<long long>(0, static_cast<long long>(std::floor(top / kTileSize)));
  const long long last_row = std::min<long long>(n - 1, static_cast<long long>(std::ceil(bottom / kTileSize)) - 1);

  struct Ranked {
    CoveringTile tile;
    double distance_squared;
  };
  std::vector<Ranked> ranked;
  for (long long row = first_row; row <= last_row; ++row) {
    for (long long column = first_column; column <= last_column; ++column) {
      CoveringTile covering;
      covering.tile = {z, static_cast<int>(WrapIndex(column, n)), static_cast<int>(row)};
      covering.left = (static_cast<double>(column) * kTileSize - left) * scale;
      covering.top = (static_cast<double>(row) * kTileSize - top) * scale;
      covering.size = kTileSize * scale;
      const double dx = covering.left + covering.size / 2.0 - width / 2.0;
      const double dy = covering.top + covering.size / 2.0 - height / 2.0;
      ranked.push_back({covering, dx * dx + dy * dy});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.distance_squared < b.distance_squared; });
  tiles.reserve(ranked.size());
  for (const Ranked& r : ranked) tiles.push_back(r.tile);
  return tiles;
}

LatLonBounds ViewportBounds(const Viewport& view) {
  const double zoom = ClampZoom(view.zoom);
  const WorldPoint centre = LatLonToWorld(view.center_lat, view.center_lon, zoom);
  const LatLon north_west = WorldToLatLon({centre.x - view.width / 2.0, centre.y - view.height / 2.0}, zoom);
  const LatLon south_east = WorldToLatLon({centre.x + view.width / 2.0, centre.y + view.height / 2.0}, zoom);
  return {south_east.lat, north_west.lon, north_west.lat, south_east.lon};
}

Viewport FitBounds(const LatLonBounds& bounds, double width, double height, double max_zoom) {
  const double south = ClampLatitude(std::min(bounds.south, bounds.north));
  const double north = ClampLatitude(std::max(bounds.south, bounds.north));
  const double west = std::min(bounds.west, bounds.east), east = std::max(bounds.west, bounds.east);
  const WorldPoint south_west = LatLonToWorld(south, west, 0.0);
  const WorldPoint north_east = LatLonToWorld(north, east, 0.0);
  const WorldPoint middle{(south_west.x + north_east.x) / 2.0, (south_west.y + north_east.y) / 2.0};
  // At zoom 0 the bounds are this many px; each zoom doubles them.
  const double span_x = std::max(north_east.x - south_west.x, 1e-9);
  const double span_y = std::max(south_west.y - north_east.y, 1e-9);
  const double fits = std::log2(std::min(std::max(width, 1.0) / span_x, std::max(height, 1.0) / span_y));
  const double zoom = std::clamp(std::floor(std::isfinite(fits) ? fits : 0.0), static_cast<double>(kMinZoom),
                                 ClampZoom(max_zoom));
  const LatLon centre = WorldToLatLon(middle, 0.0);
  return {centre.lat, centre.lon, zoom, width, height};
}

// [SECTION] Parents

std::optional<TileId> ParentTile(const TileId& tile) { return AncestorTile(tile, 1); }

std::optional<TileId> AncestorTile(const TileId& tile, int levels) {
  if (!IsValidTile(tile) || levels < 0 || levels > tile.z) return std::nullopt;
  return TileId{tile.z - levels, tile.x >> levels, tile.y >> levels};
}

std::optional<TileRect> SubRectInAncestor(const TileId& tile, const TileId& ancestor) {
  if (!IsValidTile(ancestor)) return std::nullopt;
  const std::optional<TileId> expected = AncestorTile(tile, tile.z - ancestor.z);
  if (!expected || *expected != ancestor) return std::nullopt;
  const int levels = tile.z - ancestor.z;
  const double parts = static_cast<double>(1 << levels);  // the tile's side, in the ancestor's sides
  const int x_in = tile.x - (ancestor.x << levels);
  const int y_in = tile.y - (ancestor.y << levels);
  return TileRect{x_in / parts, y_in / parts, (x_in + 1) / parts, (y_in + 1) / parts};
}

// [SECTION] Distance

double DistanceMetres(double lat1, double lon1, double lat2, double lon2) {
  const double phi1 = Radians(lat1);
  const double phi2 = Radians(lat2);
  const double half_dphi = Radians(lat2 - lat1) / 2.0;
  const double half_dlambda = Radians(lon2 - lon1) / 2.0;
  const double h = std::sin(half_dphi) * std::sin(half_dphi) +
                   std::cos(phi1) * std::cos(phi2) * std::sin(half_dlambda) * std::sin(half_dlambda);
  return 2.0 * kEarthRadiusMetres * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
}

}  // namespace core
