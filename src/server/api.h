// The API's answers as plain functions: values in, JSON text out. No HTTP here; the
// route table in server.cpp calls these. One function per endpoint, in the order of
// DESIGN.md's "Sync and API".
#pragma once
#include <map>
#include <optional>
#include <string>

#include "core/map_math.h"

#include "core/validation.h"

namespace server {

// GET /api/v1/health: {"status":"ok","service":"safespaces","version":"0.1.0","schema_version":1}
std::string HealthJson(int schema_version);

// Where the map's tiles come from, and which exist: the app asks for none beyond these
// zooms or outside these bounds (it stretches the deepest one instead).
struct TileSource {
  std::string url;
  std::string attribution;
  int min_zoom = 0;
  int max_zoom = 19;
  std::optional<core::LatLonBounds> bounds;  // none: the whole world
};

// An MBTiles file's own minzoom, maxzoom and bounds ("west,south,east,north") over the
// defaults in `source`; values it cannot read are left as they were.
void ReadTileCoverage(const std::map<std::string, std::string>& metadata, TileSource& source);

// GET /api/v1/config: what the app needs to draw its map:
// {"tiles":{"url":"...{z}/{x}/{y}...","attribution":"...","min_zoom":0,"max_zoom":19,
//           ["bounds":{"south":..,"west":..,"north":..,"east":..}]},
//  "area":{"name":"Coventry","south":..,"west":..,"north":..,"east":..}}
std::string ConfigJson(const TileSource& tiles, const core::ServiceArea& area);

}  // namespace server
