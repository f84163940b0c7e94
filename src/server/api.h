// The API's answers as plain functions: values in, JSON text out. No HTTP here; the
// route table in server.cpp calls these. One function per endpoint, in the order of
// DESIGN.md's "Sync and API".
#pragma once
#include <string>

#include "core/validation.h"

namespace server {

// GET /api/v1/health: {"status":"ok","service":"safespaces","version":"0.1.0","schema_version":1}
std::string HealthJson(int schema_version);

// GET /api/v1/config: what the app needs to draw its map:
// {"tiles":{"url":"...{z}/{x}/{y}...","attribution":"..."},
//  "area":{"name":"Coventry","south":..,"west":..,"north":..,"east":..}}
std::string ConfigJson(const std::string& tile_url, const std::string& tile_attribution, const core::ServiceArea& area);

}  // namespace server
