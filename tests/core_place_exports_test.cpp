// Tests of the exports and imports of places (core/place_exports.h): CSV read back with
// core's reader (formula-looking names neutralised, and whole again after an import),
// GeoJSON parsed back and checked for RFC 7946's structure and [lon, lat] order, Open
// Referral UK checked field by field, and imports that skip bad rows with their reasons.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/place_exports.h"
#include "core/uuid.h"
#include "core/validation.h"

namespace {

using nlohmann::json;

const std::string kFormula = "=HYPERLINK(\"http://evil.example\",\"x\")";
const std::string kPhoneName = "+44 cafe";

core::PublicPlace MakePlace(const std::string& id, const std::string& name, double lat, double lon,
                            const std::string& address) {
  core::PublicPlace entry;
  entry.place = {id, name, core::Category::Library, lat, lon, address, "", core::PlaceStatus::Approved, ""};
  core::Rating rating;
  rating.scales[core::IndexOf(core::Scale::Quiet)] = 4;
  rating.scales[core::IndexOf(core::Scale::Welcome)] = 5;
  rating.facilities[core::IndexOf(core::Facility::StepFree)] = core::Answer::Yes;
  core::AddRating(entry.profile, rating);
  rating.scales[core::IndexOf(core::Scale::Quiet)] = 3;
  core::AddRating(entry.profile, rating);
  return entry;
}

std::vector<core::PublicPlace> Sample() {
  return {MakePlace("0190a000-0000-7000-8000-000000000001", "Central Library", 52.4068, -1.5197,
                    "Smithford Way, Coventry CV1 1FY"),
          MakePlace("0190a000-0000-7000-8000-000000000002", kFormula, 52.41, -1.51, ""),
          MakePlace("0190a000-0000-7000-8000-000000000003", kPhoneName, 52.40, -1.50, "-1 Hill")};
}

core::ValidationContext Context() { return {core::DefaultServiceArea(), 2026, 11}; }

core::MakeId Counter() {
  auto next = std::make_shared<int>(0);
  return [next] {
    std::array<std::uint8_t, 16> random{};
    random[15] = static_cast<std::uint8_t>(++*next);
    return core::MakeUuidV4(random);
  };
}

}  // namespace

TEST_CASE("CSV export: a header, one row per place, formulas neutralised, read back whole", "[exports]") {
  const std::string csv = core::PlacesCsv(Sample());
  const std::vector<std::vector<std::string>> rows = core::ParseCsv(csv);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][0] == "id");
  CHECK(rows[0][1] == "name");
  CHECK(rows[0][8] == "welcome");
  CHECK(rows[0].size() == 8 + 6 + 8 * 3);
  CHECK(rows[1][1] == "Central Library");
  CHECK(rows[1][3] == "52.406800");
  CHECK(rows[1][4] == "-1.519700");  // a number the program wrote stays a number
  CHECK(rows[1][7] == "2");
  CHECK(rows[1][8] == "5.0");   // welcome
  CHECK(rows[1][9] == "3.5");   // quiet
  CHECK(rows[1][10] == "");     // nobody answered
  CHECK(rows[2][1] == "'" + kFormula);
  CHECK(rows[3][1] == "'" + kPhoneName);
  CHECK(rows[3][5] == "'-1 Hill");
  for (const auto& row : rows) CHECK(row.size() == rows[0].size());

  // Imported again: the same places, their words as they were.
  const core::PlacesRead read = core::ReadPlacesCsv(csv, Context(), Counter());
  REQUIRE_FALSE(read.error);
  CHECK(read.skipped.empty());
  REQUIRE(read.places.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const core::Place& place = read.places[i];
    CHECK(place == Sample()[i].place);
    CHECK(read.rows[i] == static_cast<int>(i) + 2);
  }
}

// Found by fuzz_import: a name that starts with an apostrophe and then = + - or @ lost its
// apostrophe on the way out and in again, as the reader took it for the one CsvCell adds.
// Such a name reaches the map through an import whose cell starts with a carriage return.
TEST_CASE("CSV export and import: a name starting with an apostrophe and a formula sign comes back whole",
          "[exports]") {
  const core::PlacesRead first = core::ReadPlacesCsv(
      "name,category,lat,lon,address\n\r'+4 Club,youth_club,52.41,-1.52,\r'-1 Street\r\n", Context(), Counter());
  REQUIRE(first.places.size() == 1);
  CHECK(first.places[0].name == "'+4 Club");
  CHECK(first.places[0].address == "'-1 Street");

  std::vector<core::PublicPlace> entries = {
      MakePlace("0190a000-0000-7000-8000-000000000004", "'=1+2", 52.40, -1.51, "''@home")};
  entries.push_back({first.places[0], {}, {}, false});
  const std::string csv = core::ExportPlaces(entries, core::ExportFormat::Csv);
  const std::vector<std::vector<std::string>> rows = core::ParseCsv(csv);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][1] == "''=1+2");  // one more apostrophe: a spreadsheet shows '=1+2, as named
  const core::PlacesRead again = core::ReadPlacesCsv(csv, Context(), Counter());
  REQUIRE(again.places.size() == 2);
  CHECK(again.places[0] == entries[0].place);
  CHECK(again.places[1] == first.places[0]);
}

TEST_CASE("GeoJSON export follows RFC 7946: a FeatureCollection of Points at [lon, lat]", "[exports]") {
  const json doc = json::parse(core::ExportPlaces(Sample(), core::ExportFormat::GeoJson));
  CHECK(doc["type"] == "FeatureCollection");
  CHECK_FALSE(doc.contains("crs"));
  REQUIRE(doc["features"].is_array());
  REQUIRE(doc["features"].size() == 3);
  const json& feature = doc["features"][0];
  CHECK(feature["type"] == "Feature");
  CHECK(feature["id"] == "0190a000-0000-7000-8000-000000000001");
  CHECK(feature["geometry"]["type"] == "Point");
  REQUIRE(feature["geometry"]["coordinates"].size() == 2);
  CHECK(feature["geometry"]["coordinates"][0] == -1.5197);  // longitude first
  CHECK(feature["geometry"]["coordinates"][1] == 52.4068);
  const json& properties = feature["properties"];
  CHECK(properties["name"] == "Central Library");
  CHECK(properties["category"] == "library");
  CHECK(properties["address"] == "Smithford Way, Coventry CV1 1FY");
  CHECK(properties["ratings"] == 2);
  CHECK(properties["scales"]["quiet"] == 3.5);
  CHECK(properties["scales"]["gentle_lighting"].is_null());
  CHECK(properties["facilities"]["step_free"]["yes"] == 2);
  CHECK(doc["features"][1]["properties"]["name"] == kFormula);  // JSON is data, never a formula

  // And read back.
  const core::PlacesRead read =
      core::ReadPlaces(doc.dump(), core::ImportFormat::GeoJson, Context(), Counter());
  REQUIRE_FALSE(read.error);
  REQUIRE(read.places.size() == 3);
  CHECK(read.places[0] == Sample()[0].place);
}

TEST_CASE("Open Referral UK export: services with organization and locations", "[exports]") {
  const core::OpenReferralPublisher publisher = core::DefaultOpenReferralPublisher();
  CHECK(core::IsUuid(publisher.id));
  const json doc = json::parse(core::ExportPlaces(Sample(), core::ExportFormat::OpenReferral));
  REQUIRE(doc["services"].size() == 3);
  const json& service = doc["services"][0];
  CHECK(service["id"] == "0190a000-0000-7000-8000-000000000001");
  CHECK(service["name"] == "Central Library");
  CHECK(service["status"] == "active");
  const std::string description = service["description"];
  CHECK(description.starts_with("Library. 2 ratings by young people."));
  CHECK(description.find("Step-free way in") != std::string::npos);
  CHECK(service["organization"]["id"] == publisher.id);
  CHECK(service["organization"]["name"] == publisher.name);
  REQUIRE(service["service_at_locations"].size() == 1);
  const json& link = service["service_at_locations"][0];
  CHECK(link["id"] == service["id"]);
  const json& location = link["location"];
  CHECK(location["id"] == service["id"]);
  CHECK(location["name"] == "Central Library");
  CHECK(location["latitude"] == 52.4068);
  CHECK(location["longitude"] == -1.5197);
  REQUIRE(location["physical_addresses"].size() == 1);
  const json& address = location["physical_addresses"][0];
  CHECK(address["address_1"] == "Smithford Way, Coventry CV1 1FY");
  CHECK(address["city"] == "Coventry");
  CHECK(address["postal_code"] == "CV1 1FY");
  CHECK(address["country"] == "GB");
  // No address, no physical address.
  CHECK(doc["services"][1]["service_at_locations"][0]["location"]["physical_addresses"].empty());
}

TEST_CASE("Importing CSV: bad rows are skipped with reasons, the rest added", "[exports]") {
  const std::string csv =
      "Name,Category,Lat,Lon,Address\r\n"
      "Quiet Cafe,cafe,52.40,-1.51,1 High Street\r\n"
      ",park,52.40,-1.51,\r\n"
      "Far Away,library,51.5,-0.12,London\r\n"
      "Odd Kind,spaceport,52.40,-1.51,\r\n"
      "No Position,Youth club,,-1.51,\r\n"
      "\r\n"
      "The Club,Youth club,52.41,-1.52,\r\n";
  const core::PlacesRead read = core::ReadPlacesCsv(csv, Context(), Counter());
  REQUIRE_FALSE(read.error);
  REQUIRE(read.places.size() == 2);
  CHECK(read.places[0].name == "Quiet Cafe");
  CHECK(read.places[0].category == core::Category::Cafe);
  CHECK(read.places[0].status == core::PlaceStatus::Approved);
  CHECK(core::IsUuid(read.places[0].id));
  CHECK(read.places[1].category == core::Category::YouthClub);
  CHECK(read.rows == std::vector<int>{2, 8});
  REQUIRE(read.skipped.size() == 4);
  CHECK(read.skipped[0] == core::SkippedRow{3, "It has no name."});
  CHECK(read.skipped[1].row == 4);
  CHECK(read.skipped[1].why.find("Coventry") != std::string::npos);
  CHECK(read.skipped[2].row == 5);
  CHECK(read.skipped[2].why.find("spaceport") != std::string::npos);
  CHECK(read.skipped[3].row == 6);
  CHECK(read.skipped[3].why.find("latitude") != std::string::npos);
}

TEST_CASE("Importing: whole-file errors and limits", "[exports]") {
  const core::PlacesRead no_header = core::ReadPlacesCsv("title,kind\r\nx,y\r\n", Context(), Counter());
  REQUIRE(no_header.error);
  CHECK(no_header.error->code == core::ErrorCode::InvalidField);

  std::string many = "name,category,lat,lon\n";
  for (std::size_t i = 0; i <= core::kMaxImportRows; ++i) many += "Place,park,52.4,-1.5\n";
  const core::PlacesRead too_many = core::ReadPlacesCsv(many, Context(), Counter());
  REQUIRE(too_many.error);
  CHECK(too_many.error->code == core::ErrorCode::InvalidField);

  const core::PlacesRead too_big =
      core::ReadPlacesCsv(std::string(core::kMaxImportBytes + 1, 'x'), Context(), Counter());
  REQUIRE(too_big.error);
  CHECK(too_big.error->code == core::ErrorCode::PayloadTooLarge);

  const core::PlacesRead not_json = core::ReadPlacesGeoJson("{nope", Context(), Counter());
  REQUIRE(not_json.error);
  CHECK(not_json.error->code == core::ErrorCode::BadRequest);
  const core::PlacesRead not_collection = core::ReadPlacesGeoJson("[1,2]", Context(), Counter());
  REQUIRE(not_collection.error);

  const core::PlacesRead lines = core::ReadPlacesGeoJson(
      R"({"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"LineString","coordinates":[[-1.5,52.4],[-1.4,52.4]]},"properties":{}},
          7,
          {"type":"Feature","geometry":{"type":"Point","coordinates":[-1.51,52.41]},"properties":{"name":"Park Cafe","category":"cafe"}}]})",
      Context(), Counter());
  REQUIRE_FALSE(lines.error);
  REQUIRE(lines.places.size() == 1);
  CHECK(lines.places[0].lat == 52.41);
  CHECK(lines.rows == std::vector<int>{3});
  REQUIRE(lines.skipped.size() == 2);
  CHECK(lines.skipped[0].row == 1);
  CHECK(lines.skipped[1].row == 2);

  CHECK(core::ImportFormatOf("text/csv", "{") == core::ImportFormat::Csv);
  CHECK(core::ImportFormatOf("application/geo+json", "") == core::ImportFormat::GeoJson);
  CHECK(core::ImportFormatOf("places.geojson", "") == core::ImportFormat::GeoJson);
  CHECK(core::ImportFormatOf("", "  {\"type\"") == core::ImportFormat::GeoJson);
  CHECK(core::ImportFormatOf("", "name,category") == core::ImportFormat::Csv);
  for (core::ExportFormat format : {core::ExportFormat::Csv, core::ExportFormat::GeoJson,
                                    core::ExportFormat::OpenReferral})
    CHECK(core::ExportFormatFromName(core::ExportFormatName(format)) == format);
}
