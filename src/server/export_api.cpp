// This is the implementation of export_api.h.
//
// [SECTION] Wire shapes
//   GET  /api/v1/export/places.csv              (officer)  200 text/csv, a UTF-8 byte order mark,
//        header id,name,category,lat,lon,address,opening_notes,ratings, scale means, facility counts
//   GET  /api/v1/export/places.geojson          (officer)  200 application/geo+json, RFC 7946
//   GET  /api/v1/export/places.openreferral.json (officer) 200 application/json {"services":[...]}
//        each offered for saving (Content-Disposition), never cached.
//   POST /api/v1/import  (officer)  body CSV (Content-Type text/csv; header
//        name,category,lat,lon[,address][,id]) or GeoJSON (application/geo+json)
//     200 {"added": n, "skipped": [{"row": n, "why": "..."}]}   every good row is added,
//         approved at once; a bad row is skipped with its reason
//     413 over 2 MB; 422 over 5,000 rows or no usable header; 400 GeoJSON that is not JSON.
//   401 without a login, 403 for a youth worker; errors are core's {"error": {...}}.
#include "server/export_api.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "core/codec.h"
#include "server/staff_api.h"
#include "store/place_exchange.h"
#include "store/review_store.h"

namespace server {
namespace {

using nlohmann::json;

constexpr int kMaxImportJsonDepth = 16;  // objects and lists inside each other; a FeatureCollection of points needs 5

// The audit row of an export or import, in a transaction of the writer's.
bool Audit(GroupCommitWriter& writer, const store::StaffMember& officer, std::string_view action, const json& detail,
           std::int64_t now) {
  const std::string text = core::DumpJson(detail);
  return writer.Run([&](store::ServerStore& store) {
    return store::AddAuditEntry(store.Db(), officer, action, "", text, now);
  });
}

}  // namespace

FileReply GetPlacesExport(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                          core::ExportFormat format, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer =
      RequireStaff(readers, authorization, now_unix_seconds, {store::StaffRole::Officer});
  if (!officer) return {"", "", "", std::move(officer.error)};
  std::optional<std::vector<core::PublicPlace>> places;
  std::string error;
  const bool read = readers.With([&](const store::Database& db) { places = store::ApprovedPlaces(db, error); }, error);
  if (!read || !places) return {"", "", "", OurFault()};
  FileReply reply{core::ExportPlaces(*places, format), std::string(core::ExportContentType(format)),
                  std::string(core::ExportFileName(format)), std::nullopt};
  const json detail = {{"format", core::ExportFormatName(format)}, {"places", places->size()}};
  if (!Audit(writer, *officer.value, "export", detail, now_unix_seconds)) return {"", "", "", OurFault()};
  return reply;
}

Reply PostImport(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                 std::string_view content_type, std::string_view body, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer =
      RequireStaff(readers, authorization, now_unix_seconds, {store::StaffRole::Officer});
  if (!officer) return {"", std::move(officer.error)};
  const core::ImportFormat format = core::ImportFormatOf(content_type, body);
  if (format == core::ImportFormat::GeoJson && !JsonDepthWithin(body, kMaxImportJsonDepth))
    return {"", core::ApiError{core::ErrorCode::BadRequest,
                               "We could not read that file: it has too many layers inside each other.", ""}};
  const core::PlacesRead read =
      core::ReadPlaces(body, format, ServerValidationContext(now_unix_seconds), store::RandomPlaceId);
  if (read.error) return {"", read.error};

  std::optional<store::ImportResult> result;
  const json audit_format = core::ImportFormatName(format);
  const bool done = writer.Run([&](store::ServerStore& store) {
    result = store::ImportPlaces(store, read);  // from scratch if the writer runs it again
    if (!result) return false;
    const json detail = {{"format", audit_format}, {"added", result->added}, {"skipped", result->skipped.size()}};
    return store::AddAuditEntry(store.Db(), *officer.value, "import", "", core::DumpJson(detail), now_unix_seconds);
  });
  if (!done || !result) return {"", OurFault()};
  json skipped = json::array();
  for (const core::SkippedRow& row : result->skipped) skipped.push_back({{"row", row.row}, {"why", row.why}});
  return {core::DumpJson(json{{"added", result->added}, {"skipped", std::move(skipped)}}), std::nullopt};
}

}  // namespace server
