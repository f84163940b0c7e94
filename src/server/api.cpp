// This is the implementation of api.h: building the API's JSON answers.
#include "server/api.h"

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

std::string ConfigJson(const std::string& tile_url, const std::string& tile_attribution, const core::ServiceArea& area) {
  const nlohmann::ordered_json body = {
      {"tiles", {{"url", tile_url}, {"attribution", tile_attribution}}},
      {"area",
       {{"name", area.name}, {"south", area.south}, {"west", area.west}, {"north", area.north}, {"east", area.east}}},
  };
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace server
