// The API's answers as plain functions: values in, JSON text out. No HTTP here; the
// route table in server.cpp calls these. One function per endpoint, in the order of
// DESIGN.md's "Sync and API".
#pragma once
#include <string>

namespace server {

// GET /api/v1/health: {"status":"ok","service":"safespaces","version":"0.1.0","schema_version":1}
std::string HealthJson(int schema_version);

}  // namespace server
