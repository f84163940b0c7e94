// This is the implementation of api.h: building the API's JSON answers.
#include "server/api.h"

#include <charconv>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/app_info.h"

namespace server {

std::string HealthJson(int schema_version) {
  const nlohmann::ordered_json body = {
      {"status", "ok"},
      {"service", "safespaces"},
      {"version", core::AppVersion()},
      {"schema_version", schema_version},
  };
  return body.dump();
}

void ReadTileCoverage(const std::map<std::string, std::string>& metadata, TileSource& source) {
  auto whole = [&metadata](const char* key, int& out) {
    const auto it = metadata.find(key);
    if (it == metadata.end()) return;
    int value = 0;
    const auto [end, problem] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (problem == std::errc() && end == it->second.data() + it->second.size() && value >= core::kMinZoom &&
        value <= core::kMaxZoom)
      out = value;
  };
  whole("minzoom", source.min_zoom);
  whole("maxzoom", source.max_zoom);
  if (source.min_zoom > source.max_zoom) std::swap(source.min_zoom, source.max_zoom);
  const auto bounds = metadata.find("bounds");
  if (bounds == metadata.end()) return;
  double v[4];
  if (std::sscanf(bounds->second.c_str(), "%lf,%lf,%lf,%lf", &v[0], &v[1], &v[2], &v[3]) == 4 && v[0] < v[2] &&
      v[1] < v[3])
    source.bounds = core::LatLonBounds{.south = v[1], .west = v[0], .north = v[3], .east = v[2]};
}

std::string ConfigJson(const TileSource& tiles, const core::ServiceArea& area) {
  nlohmann::ordered_json tile_json = {{"url", tiles.url},
                                      {"attribution", tiles.attribution},
                                      {"min_zoom", tiles.min_zoom},
                                      {"max_zoom", tiles.max_zoom}};
  if (tiles.bounds)
    tile_json["bounds"] = {{"south", tiles.bounds->south},
                           {"west", tiles.bounds->west},
                           {"north", tiles.bounds->north},
                           {"east", tiles.bounds->east}};
  const nlohmann::ordered_json body = {
      {"tiles", tile_json},
      {"area",
       {{"name", area.name}, {"south", area.south}, {"west", area.west}, {"north", area.north}, {"east", area.east}}},
  };
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace server
