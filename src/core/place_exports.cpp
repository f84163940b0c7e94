// This is the implementation of place_exports.h. Sections: [SECTION] Profiles,
// [SECTION] CSV, [SECTION] GeoJSON, [SECTION] Open Referral UK, [SECTION] Reading rows,
// [SECTION] Reading CSV, [SECTION] Reading GeoJSON, [SECTION] Formats.
#include "core/place_exports.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdio>

#include "core/codec.h"
#include "core/csv.h"
#include "core/screening.h"
#include "core/session_summary.h"
#include "core/uuid.h"

namespace core {

using nlohmann::json;

// [SECTION] Profiles

std::vector<std::string> ProfileCsvHeader() {
  std::vector<std::string> header;
  for (Scale scale : kAllScales) header.emplace_back(ScaleName(scale));
  for (Facility facility : kAllFacilities)
    for (std::string_view answer : {"yes", "no", "not_sure"})
      header.push_back(std::string(FacilityName(facility)) + "_" + std::string(answer));
  return header;
}

std::vector<std::string> ProfileCsvCells(const InclusionProfile& profile) {
  std::vector<std::string> cells;
  for (Scale scale : kAllScales) {
    const std::optional<double> mean = OneDecimalMean(profile.scales[IndexOf(scale)]);
    cells.push_back(mean ? CsvNumberCell(*mean, 1) : "");
  }
  for (Facility facility : kAllFacilities) {
    const FacilitySummary& counts = profile.facilities[IndexOf(facility)];
    for (int count : {counts.yes, counts.no, counts.not_sure}) cells.push_back(CsvNumberCell(count, 0));
  }
  return cells;
}

json ScaleMeansJson(const InclusionProfile& profile) {
  json scales = json::object();
  for (Scale scale : kAllScales) {
    const std::optional<double> mean = OneDecimalMean(profile.scales[IndexOf(scale)]);
    scales[std::string(ScaleName(scale))] = mean ? json(*mean) : json(nullptr);
  }
  return scales;
}

json FacilityCountsJson(const InclusionProfile& profile) {
  json facilities = json::object();
  for (Facility facility : kAllFacilities) {
    const FacilitySummary& counts = profile.facilities[IndexOf(facility)];
    facilities[std::string(FacilityName(facility))] = {
        {"yes", counts.yes}, {"no", counts.no}, {"not_sure", counts.not_sure}};
  }
  return facilities;
}

// [SECTION] CSV

namespace {

constexpr int kCoordinateDecimals = 6;  // digits after the point: about 0.1 m

}  // namespace

std::string PlacesCsv(std::span<const PublicPlace> places) {
  std::vector<std::string> header = {"id", "name", "category", "lat", "lon", "address", "opening_notes", "ratings"};
  for (std::string& column : ProfileCsvHeader()) header.push_back(std::move(column));
  for (std::string& cell : header) cell = CsvCell(cell);
  std::string csv = CsvRow(header);
  for (const PublicPlace& entry : places) {
    const Place& place = entry.place;
    std::vector<std::string> row = {CsvCell(place.id),
                                    CsvCell(place.name),
                                    CsvCell(CategoryName(place.category)),
                                    CsvNumberCell(place.lat, kCoordinateDecimals),
                                    CsvNumberCell(place.lon, kCoordinateDecimals),
                                    CsvCell(place.address),
                                    CsvCell(place.opening_notes),
                                    CsvNumberCell(entry.profile.rating_count, 0)};
    for (std::string& cell : ProfileCsvCells(entry.profile)) row.push_back(std::move(cell));
    csv += CsvRow(row);
  }
  return csv;
}

// [SECTION] GeoJSON
// RFC 7946: positions are [longitude, latitude] in WGS84 (section 3.1.1), which is what
// Place holds; no "crs" member (section 4). A feature's "id" is its place's.

json PlacesGeoJson(std::span<const PublicPlace> places) {
  json features = json::array();
  for (const PublicPlace& entry : places) {
    const Place& place = entry.place;
    features.push_back({{"type", "Feature"},
                        {"id", place.id},
                        {"geometry", {{"type", "Point"}, {"coordinates", {place.lon, place.lat}}}},
                        {"properties",
                         {{"id", place.id},
                          {"name", place.name},
                          {"category", CategoryName(place.category)},
                          {"category_label", CategoryLabel(place.category)},
                          {"address", place.address},
                          {"opening_notes", place.opening_notes},
                          {"ratings", entry.profile.rating_count},
                          {"scales", ScaleMeansJson(entry.profile)},
                          {"facilities", FacilityCountsJson(entry.profile)}}}});
  }
  return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

// [SECTION] Open Referral UK
// Open Referral UK (the UK profile of the Human Services Data Specification) describes
// services, the organisations that run them and the locations where they are offered. A
// safe space is a place, not a service, so each place becomes:
//   service              id = the place's id; name; description (its kind and what young
//                        people say, in words); status "active"; organization = the
//                        publisher (the council's Safe Spaces team; the venue itself is not
//                        recorded in Safe Spaces)
//   service_at_locations [{id = the place's id, location}]  (one location per service)
//   location             id = the place's id; name; description (opening notes);
//                        latitude; longitude; physical_addresses
//   physical_addresses   [{id = the place's id, address_1 = the address as written, city,
//                        postal_code = the UK postcode found in it ("" when none),
//                        country "GB"}]  (left empty when the place has no address)
// Ids are unique within each kind of record, as the standard asks; one place makes one of
// each, so the place's UUID serves them all and stays the same from export to export.

OpenReferralPublisher DefaultOpenReferralPublisher() {
  return {"5afe5bac-e5c0-4e1d-9a1e-0c0ee7c5a5e5", "Coventry City Council: Safe Spaces",
          "Places young people with special educational needs and disabilities (SEND) mapped and rated as "
          "welcoming, understanding and comfortable, checked by the council's SEND team.",
          "Coventry"};
}

namespace {

// "Library. 12 ratings by young people. I felt welcome 4.5 of 5; ... Has: Step-free way in."
std::string ServiceDescription(const PublicPlace& entry) {
  std::string text = std::string(CategoryLabel(entry.place.category)) + ". ";
  const InclusionProfile& profile = entry.profile;
  if (profile.rating_count == 0) return text + "Not rated by young people yet.";
  text += std::to_string(profile.rating_count) + (profile.rating_count == 1 ? " rating" : " ratings") +
          " by young people.";
  std::string scales;
  for (Scale scale : kAllScales) {
    const std::optional<double> mean = OneDecimalMean(profile.scales[IndexOf(scale)]);
    if (!mean) continue;
    char number[16];
    std::snprintf(number, sizeof number, "%.1f", *mean);
    scales += (scales.empty() ? "" : "; ") + std::string(ScaleLabel(scale)) + ": " + number + " of 5";
  }
  if (!scales.empty()) text += " " + scales + ".";
  std::string has;
  for (Facility facility : kAllFacilities) {
    const FacilitySummary& counts = profile.facilities[IndexOf(facility)];
    if (counts.yes > counts.no) has += (has.empty() ? "" : ", ") + std::string(FacilityLabel(facility));
  }
  if (!has.empty()) text += " Young people say it has: " + has + ".";
  return text;
}

std::string PostcodeIn(std::string_view address) {
  for (const ScreeningFinding& finding : ScreenText(address, ScreeningLists{}))
    if (finding.flag == ScreenFlag::Postcode && finding.words.find(' ') != std::string::npos) return finding.words;
  return "";
}

}  // namespace

json PlacesOpenReferral(std::span<const PublicPlace> places, const OpenReferralPublisher& publisher) {
  const json organization = {{"id", publisher.id}, {"name", publisher.name}, {"description", publisher.description}};
  json services = json::array();
  for (const PublicPlace& entry : places) {
    const Place& place = entry.place;
    json addresses = json::array();
    if (!place.address.empty())
      addresses.push_back({{"id", place.id},
                           {"address_1", place.address},
                           {"city", publisher.city},
                           {"state_province", ""},
                           {"postal_code", PostcodeIn(place.address)},
                           {"country", "GB"}});
    const json location = {{"id", place.id},
                           {"name", place.name},
                           {"description", place.opening_notes},
                           {"latitude", place.lat},
                           {"longitude", place.lon},
                           {"physical_addresses", std::move(addresses)}};
    json service_at_location = {{"id", place.id}, {"location", location}};
    json service = {{"id", place.id},
                    {"name", place.name},
                    {"description", ServiceDescription(entry)},
                    {"status", "active"},
                    {"organization", organization}};
    service["service_at_locations"] = json::array();
    service["service_at_locations"].push_back(std::move(service_at_location));
    services.push_back(std::move(service));
  }
  return {{"services", std::move(services)}};
}

// [SECTION] Reading rows

namespace {

// "youth_club" or "Youth club", any case.
std::optional<Category> CategoryFromText(std::string_view text) {
  std::string lower(TrimText(text));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::optional<Category> category = CategoryFromName(lower)) return category;
  for (Category category : kAllCategories) {
    std::string label(CategoryLabel(category));
    for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (label == lower) return category;
  }
  return std::nullopt;
}

std::optional<double> NumberFromText(std::string_view text) {
  const std::string trimmed = TrimText(text);
  // Plain decimal only ("52.4081", "-1.5e-1"): no hex, "inf" or "nan". std::strtod, as the
  // WebAssembly build's library has no from_chars for double; the app never changes locale.
  if (trimmed.empty() || trimmed.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(trimmed.c_str(), &end);
  if (end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// What a reader found in one row, before the rules.
struct RowText {
  std::string id, name, category, address;
  std::optional<double> lat, lon;
};

// The place a row describes, or why it is skipped.
std::optional<Place> PlaceOfRow(const RowText& row, const ValidationContext& context, const MakeId& make_id,
                                std::string& why) {
  Place place;
  place.name = TrimText(row.name);
  place.address = TrimText(row.address);
  place.status = PlaceStatus::Approved;
  if (place.name.empty()) {
    why = "It has no name.";
    return std::nullopt;
  }
  const std::optional<Category> category = CategoryFromText(row.category);
  if (!category) {
    why = "'" + TrimText(row.category) + "' is not a kind of place we know (for example library, cafe, park).";
    return std::nullopt;
  }
  place.category = *category;
  if (!row.lat || !row.lon) {
    why = "Its position needs a latitude and a longitude as numbers (for example 52.4068 and -1.5197).";
    return std::nullopt;
  }
  place.lat = *row.lat;
  place.lon = *row.lon;
  const std::string id = TrimText(row.id);
  place.id = IsUuid(id) ? id : make_id();
  const std::vector<FieldError> problems = Validate(place, context);
  if (!problems.empty()) {
    why = problems.front().message;
    return std::nullopt;
  }
  return place;
}

void AddRow(PlacesRead& read, int row_number, const RowText& row, const ValidationContext& context,
            const MakeId& make_id) {
  std::string why;
  if (std::optional<Place> place = PlaceOfRow(row, context, make_id, why)) {
    read.places.push_back(std::move(*place));
    read.rows.push_back(row_number);
  } else {
    read.skipped.push_back({row_number, std::move(why)});
  }
}

ApiError TooManyRows() {
  return {ErrorCode::InvalidField,
          "This file has more than " + std::to_string(kMaxImportRows) +
              " places. Please split it into smaller files and import each one.",
          "rows"};
}

ApiError TooBig() {
  return {ErrorCode::PayloadTooLarge, "This file is bigger than 2 MB. Please split it into smaller files.", ""};
}

}  // namespace

// [SECTION] Reading CSV

PlacesRead ReadPlacesCsv(std::string_view text, const ValidationContext& context, const MakeId& make_id) {
  PlacesRead read;
  if (text.size() > kMaxImportBytes) {
    read.error = TooBig();
    return read;
  }
  const std::vector<std::vector<std::string>> rows = ParseCsv(text);
  const auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    if (rows.empty()) return std::nullopt;
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
      std::string cell = TrimText(rows[0][i]);
      for (char& c : cell) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (cell == name) return i;
    }
    return std::nullopt;
  };
  const std::optional<std::size_t> name = column("name"), category = column("category"), lat = column("lat"),
                                   lon = column("lon"), address = column("address"), id = column("id");
  if (!name || !category || !lat || !lon) {
    read.error = ApiError{ErrorCode::InvalidField,
                          "The first row should name the columns: name, category, lat, lon and (if you have them) "
                          "address.",
                          "header"};
    return read;
  }
  if (rows.size() - 1 > kMaxImportRows) {
    read.error = TooManyRows();
    return read;
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = rows[r];
    const auto cell = [&](std::optional<std::size_t> at) {
      return at && *at < cells.size() ? CsvCellText(cells[*at]) : std::string();
    };
    bool blank = true;
    for (const std::string& c : cells) blank = blank && TrimText(c).empty();
    if (blank) continue;
    RowText row{cell(id), cell(name), cell(category), cell(address), NumberFromText(cell(lat)),
                NumberFromText(cell(lon))};
    AddRow(read, static_cast<int>(r) + 1, row, context, make_id);
  }
  return read;
}

// [SECTION] Reading GeoJSON

PlacesRead ReadPlacesGeoJson(std::string_view text, const ValidationContext& context, const MakeId& make_id) {
  PlacesRead read;
  if (text.size() > kMaxImportBytes) {
    read.error = TooBig();
    return read;
  }
  Parsed<json> doc = ParseJsonText(text);
  if (!doc) {
    read.error = ApiError{ErrorCode::BadRequest, "This file is not GeoJSON: it could not be read as JSON.", ""};
    return read;
  }
  const json& collection = *doc.value;
  if (!collection.is_object() || collection.value("type", json()) != "FeatureCollection" ||
      !collection.contains("features") || !collection["features"].is_array()) {
    read.error = ApiError{ErrorCode::InvalidField,
                          "This GeoJSON should be a FeatureCollection with a list of features.", "features"};
    return read;
  }
  const json& features = collection["features"];
  if (features.size() > kMaxImportRows) {
    read.error = TooManyRows();
    return read;
  }
  const auto text_of = [](const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) return std::string();
    const json& value = object[key];
    return value.is_string() ? value.get<std::string>() : std::string();
  };
  for (std::size_t f = 0; f < features.size(); ++f) {
    const int number = static_cast<int>(f) + 1;
    const json& feature = features[f];
    const json geometry = feature.is_object() ? feature.value("geometry", json()) : json();
    const json coordinates = geometry.is_object() ? geometry.value("coordinates", json()) : json();
    if (!geometry.is_object() || geometry.value("type", json()) != "Point" || !coordinates.is_array() ||
        coordinates.size() < 2) {
      read.skipped.push_back({number, "Only a point can be a place: this feature has no Point geometry."});
      continue;
    }
    const json properties = feature.value("properties", json());
    RowText row{text_of(properties, "id"), text_of(properties, "name"), text_of(properties, "category"),
                text_of(properties, "address"), std::nullopt, std::nullopt};
    // RFC 7946: [longitude, latitude].
    if (coordinates[0].is_number()) row.lon = coordinates[0].get<double>();
    if (coordinates[1].is_number()) row.lat = coordinates[1].get<double>();
    if (row.id.empty() && feature.contains("id") && feature["id"].is_string()) row.id = feature["id"].get<std::string>();
    AddRow(read, number, row, context, make_id);
  }
  return read;
}

// [SECTION] Formats

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv:
      return "csv";
    case ExportFormat::GeoJson:
      return "geojson";
    case ExportFormat::OpenReferral:
      return "openreferral";
  }
  return "";
}

std::optional<ExportFormat> ExportFormatFromName(std::string_view name) {
  for (ExportFormat format : {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::OpenReferral})
    if (ExportFormatName(format) == name) return format;
  return std::nullopt;
}

std::string_view ExportFileName(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv:
      return "safe-spaces-places.csv";
    case ExportFormat::GeoJson:
      return "safe-spaces-places.geojson";
    case ExportFormat::OpenReferral:
      return "safe-spaces-places.openreferral.json";
  }
  return "safe-spaces-places.txt";
}

std::string_view ExportContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv:
      return "text/csv; charset=utf-8";
    case ExportFormat::GeoJson:
      return "application/geo+json";
    case ExportFormat::OpenReferral:
      return "application/json";
  }
  return "text/plain; charset=utf-8";
}

std::string ExportPlaces(std::span<const PublicPlace> places, ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv:
      return "\xEF\xBB\xBF" + PlacesCsv(places);
    case ExportFormat::GeoJson:
      return DumpJson(PlacesGeoJson(places));
    case ExportFormat::OpenReferral:
      return DumpJson(PlacesOpenReferral(places, DefaultOpenReferralPublisher()));
  }
  return "";
}

ImportFormat ImportFormatOf(std::string_view content_type_or_file_name, std::string_view text) {
  std::string said(content_type_or_file_name);
  for (char& c : said) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (said.find("json") != std::string::npos) return ImportFormat::GeoJson;
  if (said.find("csv") != std::string::npos) return ImportFormat::Csv;
  const std::string start = TrimText(text.substr(0, 64));
  return start.starts_with('{') ? ImportFormat::GeoJson : ImportFormat::Csv;
}

std::string_view ImportFormatName(ImportFormat format) { return format == ImportFormat::Csv ? "csv" : "geojson"; }

PlacesRead ReadPlaces(std::string_view text, ImportFormat format, const ValidationContext& context,
                      const MakeId& make_id) {
  return format == ImportFormat::Csv ? ReadPlacesCsv(text, context, make_id)
                                     : ReadPlacesGeoJson(text, context, make_id);
}

}  // namespace core
