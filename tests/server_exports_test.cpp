// Tests over real HTTP of issue 8's screening and exports (server/export_api.h,
// store/place_exchange.h, ServerStore's screening on sync): a suggestion with a phone
// number and a comment with a safeguarding phrase become waiting review_flags on first
// acceptance only; an officer exports CSV, GeoJSON and Open Referral UK (each parsed
// back), imports CSV with bad rows skipped, and an export imported into a fresh server
// gives the same places. Anonymous is 401 and a youth worker 403 on every endpoint.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/sync_protocol.h"
#include "in_process_server.h"
#include "staff_http.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"

namespace {

using namespace staff_http;  // Answer, Call, Fetch, LogIn, OpenData
using nlohmann::json;
using store::StaffRole;
using sync_samples::Uuid;

struct Flag {
  std::string item_id, item_kind, flag, detail, created_by;
  bool waiting = false;
};

std::vector<Flag> Flags(const InProcessServer& server) {
  const store::Database db = OpenData(server);
  store::Statement s = db.Prepare(
      "SELECT item_id, item_kind, flag, detail, created_by, resolved_at IS NULL FROM review_flags ORDER BY id");
  std::vector<Flag> flags;
  while (s.Step() == store::StepResult::Row)
    flags.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                     std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), s.ColumnInt64(5) != 0});
  return flags;
}

bool HasFlag(const std::vector<Flag>& flags, const std::string& item, const std::string& flag,
             const std::string& detail) {
  return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) {
    return f.item_id == item && f.flag == flag && f.detail == detail && f.created_by.empty() && f.waiting;
  });
}

void Sync(const InProcessServer& server, const std::string& device, const std::vector<core::OutboxItem>& items,
          const std::string& expected = "accepted") {
  const Answer answer = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(device, "", items));
  REQUIRE(answer.status == 200);
  for (const json& result : answer.body["results"]) {
    INFO(result.dump());
    CHECK(result["status"] == expected);
  }
}

void AddApproved(const InProcessServer& server, const std::string& id, const std::string& name, double lat,
                 double lon, const std::string& address) {
  store::Database db = OpenData(server);
  store::ServerStore store(db);
  core::Place place{id, name, core::Category::Library, lat, lon, address, "", core::PlaceStatus::Approved, ""};
  REQUIRE(store.AddPlace(place) == store::ServerStore::Added::New);
}

Answer Import(const InProcessServer& server, const std::string& body, const std::string& content_type,
              const std::string& token) {
  httplib::Client client = server.Client();
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  auto res = client.Post("/api/v1/import", headers, body, content_type.c_str());
  REQUIRE(res);
  return {res->status, json::parse(res->body, nullptr, false), res->body, res->get_header_value("Content-Type")};
}

const std::string kFormula = "=HYPERLINK(\"http://evil.example\",\"x\")";

}  // namespace

TEST_CASE("Words that arrive through sync are screened into waiting flags, once", "[server][screening]") {
  InProcessServer server;
  const std::string device = Uuid(0xD1);
  core::Suggestion suggestion = sync_samples::MakeSuggestion(Uuid(0x100), device, Uuid(0x101));
  suggestion.why = "Ask for me on 07700 900123";
  suggestion.address = "1 High Street, Coventry CV1 2AB";  // the place's own address: expected here
  suggestion.first_rating.comment = "Jamie Smith is kind";
  core::Rating rating = sync_samples::MakeRating(Uuid(0x200), Uuid(0x100), device, 2);
  rating.comment = "I feel unsafe at home";
  core::Rating plain = sync_samples::MakeRating(Uuid(0x300), Uuid(0x100), device, 3);
  plain.comment = "The lights are soft and the staff are kind.";
  const std::vector<core::OutboxItem> items = {{suggestion}, {rating}, {plain}};
  Sync(server, device, items);

  const std::vector<Flag> flags = Flags(server);
  CHECK(HasFlag(flags, Uuid(0x100), "phone", "why: 07700 900123"));
  CHECK(HasFlag(flags, Uuid(0x100), "full_name", "first_rating.comment: Jamie Smith"));
  CHECK(HasFlag(flags, Uuid(0x200), "safeguarding", "comment: unsafe at home"));
  CHECK(flags.size() == 3);  // nothing for the address field, nothing for the plain comment
  for (const Flag& flag : flags) CHECK(flag.item_kind == (flag.item_id == Uuid(0x200) ? "rating" : "suggestion"));

  // A retry is already accepted and flags nothing again.
  Sync(server, device, items, "already_accepted");
  CHECK(Flags(server).size() == 3);

  // The young person's own view is unchanged: their suggestion is waiting, as any other.
  const Answer answer = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(device, "", {}));
  REQUIRE(answer.status == 200);
  CHECK(answer.body.dump().find("phone") == std::string::npos);
}

TEST_CASE("Exports and import are for officers only", "[server][exports]") {
  InProcessServer server;
  const std::string worker = LogIn(server, "worker", StaffRole::YouthWorker);
  for (const std::string path : {"/api/v1/export/places.csv", "/api/v1/export/places.geojson",
                                 "/api/v1/export/places.openreferral.json"}) {
    INFO(path);
    CHECK(Call(server, "GET", path).status == 401);
    CHECK(Call(server, "GET", path, "", worker).status == 403);
  }
  const std::string csv = "name,category,lat,lon\r\nA Park,park,52.4,-1.5\r\n";
  CHECK(Import(server, csv, "text/csv", "").status == 401);
  CHECK(Import(server, csv, "text/csv", worker).status == 403);
  CHECK(Call(server, "GET", "/api/v1/export/places.xml", "", worker).status == 404);
}

TEST_CASE("An officer exports the approved map as CSV, GeoJSON and Open Referral UK", "[server][exports]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "officer", StaffRole::Officer);
  AddApproved(server, Uuid(0x10), "Central Library", 52.4068, -1.5197, "Smithford Way, Coventry CV1 1FY");
  AddApproved(server, Uuid(0x11), kFormula, 52.41, -1.51, "");
  AddApproved(server, Uuid(0x12), "+447700900123", 52.40, -1.50, "");
  // A suggestion nobody approved is not exported.
  Sync(server, Uuid(0xD2), {{sync_samples::MakeSuggestion(Uuid(0x20), Uuid(0xD2), Uuid(0x21))}});
  const std::string device = Uuid(0xD3);
  Sync(server, device, {{sync_samples::MakeRating(Uuid(0x30), Uuid(0x10), device, 4)}});

  const Answer csv = Fetch(server, "GET", "/api/v1/export/places.csv", "", officer);
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type.starts_with("text/csv"));
  const std::vector<std::vector<std::string>> rows = core::ParseCsv(csv.text);
  REQUIRE(rows.size() == 4);  // header and the three approved places, by name
  CHECK(rows[0][1] == "name");
  CHECK(rows[1][1] == "'+447700900123");
  CHECK(rows[2][1] == "'" + kFormula);
  CHECK(rows[3][1] == "Central Library");
  CHECK(rows[3][7] == "1");

  const Answer geojson = Fetch(server, "GET", "/api/v1/export/places.geojson", "", officer);
  REQUIRE(geojson.status == 200);
  CHECK(geojson.content_type.starts_with("application/geo+json"));
  REQUIRE(geojson.body["type"] == "FeatureCollection");
  REQUIRE(geojson.body["features"].size() == 3);
  const json& library = geojson.body["features"][2];
  CHECK(library["geometry"]["type"] == "Point");
  CHECK(library["geometry"]["coordinates"] == json::array({-1.5197, 52.4068}));
  CHECK(library["properties"]["ratings"] == 1);

  const Answer oruk = Fetch(server, "GET", "/api/v1/export/places.openreferral.json", "", officer);
  REQUIRE(oruk.status == 200);
  REQUIRE(oruk.body["services"].size() == 3);
  const json& location = oruk.body["services"][2]["service_at_locations"][0]["location"];
  CHECK(location["latitude"] == 52.4068);
  CHECK(location["physical_addresses"][0]["postal_code"] == "CV1 1FY");
  {
    const store::Database db = OpenData(server);
    store::Statement audit = db.Prepare("SELECT count(*) FROM audit_log WHERE action = 'export'");
    REQUIRE(audit.Step() == store::StepResult::Row);
    CHECK(audit.ColumnInt64(0) == 3);  // each download is in the audit log
  }

  // The export round trip: into a fresh server, the same places come back.
  InProcessServer fresh;
  const std::string other = LogIn(fresh, "officer", StaffRole::Officer);
  const Answer imported = Import(fresh, csv.text, "text/csv", other);
  REQUIRE(imported.status == 200);
  CHECK(imported.body["added"] == 3);
  CHECK(imported.body["skipped"].empty());
  const Answer again = Fetch(fresh, "GET", "/api/v1/export/places.csv", "", other);
  const std::vector<std::vector<std::string>> again_rows = core::ParseCsv(again.text);
  REQUIRE(again_rows.size() == 4);
  for (std::size_t r = 1; r < 4; ++r)
    for (std::size_t c = 0; c < 7; ++c) CHECK(again_rows[r][c] == rows[r][c]);  // same ids, words, positions
  // They are on the public map at once.
  const Answer feed = Call(fresh, "GET", "/api/v1/places");
  REQUIRE(feed.status == 200);
  CHECK(feed.body["places"].size() == 3);
  // Importing the same file again adds nothing: each id is there already.
  const Answer twice = Import(fresh, csv.text, "text/csv", other);
  REQUIRE(twice.status == 200);
  CHECK(twice.body["added"] == 0);
  CHECK(twice.body["skipped"].size() == 3);
}

TEST_CASE("An import skips bad rows with reasons and keeps to its limits", "[server][exports]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "officer", StaffRole::Officer);
  const std::string csv =
      "name,category,lat,lon,address\r\n"
      "Quiet Cafe,cafe,52.40,-1.51,1 High Street\r\n"
      "Far Away,library,51.5,-0.12,London\r\n"
      "No Kind,,52.40,-1.51,\r\n";
  const Answer answer = Import(server, csv, "text/csv", officer);
  REQUIRE(answer.status == 200);
  CHECK(answer.body["added"] == 1);
  REQUIRE(answer.body["skipped"].size() == 2);
  CHECK(answer.body["skipped"][0]["row"] == 3);
  CHECK(answer.body["skipped"][1]["row"] == 4);
  CHECK(answer.body["skipped"][0]["why"].get<std::string>().find("Coventry") != std::string::npos);

  const std::string geojson =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",)"
      R"("coordinates":[-1.52,52.41]},"properties":{"name":"Park Club","category":"youth_club"}}]})";
  const Answer from_geojson = Import(server, geojson, "application/geo+json", officer);
  REQUIRE(from_geojson.status == 200);
  CHECK(from_geojson.body["added"] == 1);

  std::string many = "name,category,lat,lon\n";
  for (int i = 0; i <= 5000; ++i) many += "Place,park,52.4,-1.5\n";
  CHECK(Import(server, many, "text/csv", officer).status == 422);
  std::string big = "name,category,lat,lon\n" + std::string(2u << 20, 'x');
  CHECK(Import(server, big, "text/csv", officer).status == 413);
  CHECK(Import(server, "{nope", "application/geo+json", officer).status == 400);
  CHECK(Import(server, "title\r\nx\r\n", "text/csv", officer).status == 422);

  // Each export and import is in the audit log.
  const store::Database db = OpenData(server);
  store::Statement audit = db.Prepare("SELECT count(*) FROM audit_log WHERE action = 'import'");
  REQUIRE(audit.Step() == store::StepResult::Row);
  CHECK(audit.ColumnInt64(0) == 2);
}
