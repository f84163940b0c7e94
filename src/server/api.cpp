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

}  // namespace server
