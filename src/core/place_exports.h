// The approved map leaving and entering Safe Spaces as files a council uses: places with
// their inclusion profiles written as CSV (for a spreadsheet; every cell from people's
// words neutralised), GeoJSON (RFC 7946, for GIS and web maps) and Open Referral UK JSON
// (for the SEND Local Offer and other service directories); and a council's own list of
// places read from CSV or GeoJSON, each row checked like any place, so one bad row is
// skipped with its reason and never spoils the file. Pure: no SQL, no HTTP, no clock (the
// caller makes ids). The server's endpoints and safespaces-admin use it
// (server/export_api.h). Start at PlacesCsv, then ReadPlacesCsv.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api_error.h"
#include "core/model.h"
#include "core/profile.h"
#include "core/sync_protocol.h"
#include "core/validation.h"

namespace core {

// [SECTION] A profile in a table or a document
// Shared by every file that shows profiles (the exports here, a session's summary).

// Column names after a place's own: each scale's mean ("quiet"), then each facility's
// answers ("quiet_space_yes", "quiet_space_no", "quiet_space_not_sure").
std::vector<std::string> ProfileCsvHeader();
// The cells under ProfileCsvHeader: a mean with one decimal (empty when nobody answered),
// then whole counts.
std::vector<std::string> ProfileCsvCells(const InclusionProfile& profile);
// {"welcome": 4.5 | null, ...}: each scale's mean with one decimal.
nlohmann::json ScaleMeansJson(const InclusionProfile& profile);
// {"quiet_space": {"yes", "no", "not_sure"}, ...}
nlohmann::json FacilityCountsJson(const InclusionProfile& profile);

// [SECTION] Writing

// Header id,name,category,lat,lon,address,opening_notes,ratings then ProfileCsvHeader();
// one row per place, in the order given. CRLF rows, no byte order mark (csv.h).
std::string PlacesCsv(std::span<const PublicPlace> places);

// {"type":"FeatureCollection","features":[{"type":"Feature","id": place id,
//   "geometry":{"type":"Point","coordinates":[lon, lat]},
//   "properties":{"id","name","category","category_label","address","opening_notes",
//                 "ratings","scales":ScaleMeansJson,"facilities":FacilityCountsJson}}...]}
nlohmann::json PlacesGeoJson(std::span<const PublicPlace> places);

// Who publishes the places in Open Referral UK: the council's Safe Spaces team.
struct OpenReferralPublisher {
  std::string id;           // a UUID that stays the same from one export to the next
  std::string name;         // "Coventry City Council: Safe Spaces"
  std::string description;  // a sentence about the scheme
  std::string city;         // physical_addresses[].city ("Coventry")
};
OpenReferralPublisher DefaultOpenReferralPublisher();  // Coventry's, with a fixed id

// {"services":[...]}: one Open Referral UK service per place; the mapping is in the .cpp.
nlohmann::json PlacesOpenReferral(std::span<const PublicPlace> places, const OpenReferralPublisher& publisher);

// [SECTION] Reading

inline constexpr std::size_t kMaxImportBytes = 2u << 20;  // bytes in one file; more is PayloadTooLarge
inline constexpr std::size_t kMaxImportRows = 5000;       // places in one file; more is InvalidField

struct SkippedRow {
  int row = 0;      // CSV: the line a spreadsheet shows (the header is 1); GeoJSON: the feature, from 1
  std::string why;  // in plain words: "This place is outside Coventry."

  bool operator==(const SkippedRow&) const = default;
};

struct PlacesRead {
  std::vector<Place> places;  // valid, approved, in file order
  std::vector<int> rows;      // the row (as in SkippedRow) each of `places` came from
  std::vector<SkippedRow> skipped;
  std::optional<ApiError> error;  // the whole file could not be read (nothing is added)
};

// Makes the id of a place whose row has none (the caller brings the randomness).
using MakeId = std::function<std::string()>;

// CSV with a header row naming at least name, category, lat and lon (address, and an id
// column with UUIDs, are optional; any order, any case; other columns are ignored), as
// PlacesCsv writes it. A category is its wire name or label ("youth_club", "Youth club").
// A neutralising apostrophe that CsvCell added ("'=SUM(1)") is taken off again. Blank
// lines are passed over. Every place must pass Validate(Place) as approved in
// `context.area`.
PlacesRead ReadPlacesCsv(std::string_view text, const ValidationContext& context, const MakeId& make_id);

// A GeoJSON FeatureCollection of Point features with properties name, category and
// (optionally) address and id; the same rules as ReadPlacesCsv.
PlacesRead ReadPlacesGeoJson(std::string_view text, const ValidationContext& context, const MakeId& make_id);

// [SECTION] Formats, as the endpoints and safespaces-admin name them

enum class ExportFormat { Csv, GeoJson, OpenReferral };
std::string_view ExportFormatName(ExportFormat format);  // "csv", "geojson", "openreferral"
std::optional<ExportFormat> ExportFormatFromName(std::string_view name);
std::string_view ExportFileName(ExportFormat format);    // "safe-spaces-places.csv", ...
std::string_view ExportContentType(ExportFormat format);  // "text/csv; charset=utf-8", "application/geo+json", ...
// The whole file: CSV (with a UTF-8 byte order mark, so spreadsheets read accents) or JSON text.
std::string ExportPlaces(std::span<const PublicPlace> places, ExportFormat format);

enum class ImportFormat { Csv, GeoJson };
// GeoJSON when `content_type_or_file_name` says so ("application/geo+json", "application/json",
// "x.geojson", "x.json") or, when it names neither, the text starts with '{'; else CSV.
ImportFormat ImportFormatOf(std::string_view content_type_or_file_name, std::string_view text);
std::string_view ImportFormatName(ImportFormat format);  // "csv", "geojson"
PlacesRead ReadPlaces(std::string_view text, ImportFormat format, const ValidationContext& context,
                      const MakeId& make_id);

}  // namespace core
