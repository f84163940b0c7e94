// The officers' exports of the approved map and import of a council's list of places, as
// plain functions (issue 8 contract, section F): GET /api/v1/export/places.csv,
// places.geojson and places.openreferral.json, and POST /api/v1/import. Officers only
// (RequireStaff with Officer; a youth worker is 403, no token 401); each export and import
// is a row of the audit log. The formats are core/place_exports.h; the SQL
// store/place_exchange.h. Start at PostImport. Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/place_exports.h"
#include "server/data_access.h"
#include "server/session_board_api.h"
#include "server/sync_api.h"

namespace server {

// GET /api/v1/export/places.{csv,geojson,openreferral.json}
FileReply GetPlacesExport(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                          core::ExportFormat format, std::int64_t now_unix_seconds);

// POST /api/v1/import with a CSV or GeoJSON body (its Content-Type says which).
Reply PostImport(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                 std::string_view content_type, std::string_view body, std::int64_t now_unix_seconds);

}  // namespace server
