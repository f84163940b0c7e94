// Tests of young people's privacy rights on the server, over real HTTP: "Delete everything
// I sent" (POST /api/v1/device/erase) leaves no trace of the device or its words in any
// table, recounts the public map and keeps other devices' contributions; the retention
// rules delete suggestions not added and hidden words after --keep-rejected-days (and not
// before), also when a server starts; the day log files hold no device ids or addresses
// and old ones are deleted. Start at the first TEST_CASE.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/codec.h"
#include "core/restore_code.h"
#include "in_process_server.h"
#include "server/log.h"
#include "staff_http.h"
#include "store/database.h"
#include "store/privacy_store.h"
#include "store/server_store.h"
#include "store/staff_store.h"
#include "store_sync_samples.h"

namespace {

using nlohmann::json;
using staff_http::Answer;
using staff_http::Call;
using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

const std::string kAsker = Uuid(0xA1);     // the device that asks for everything to go
const std::string kNeighbour = Uuid(0xB2);  // another young person, who keeps theirs
const std::string kPlace = Uuid(0x100);     // on the map from the start
const std::string kAskersWords = "Bluebell tea makes me calm";
const std::string kAskersWhy = "The zebra crossing outside helps me";

Answer Sync(const InProcessServer& server, const std::string& device, const std::vector<core::OutboxItem>& items) {
  json list = json::array();
  for (const core::OutboxItem& item : items) list.push_back(core::ToJson(item));
  const Answer answer = Call(server, "POST", "/api/v1/sync", core::DumpJson({{"device_id", device}, {"items", list}}));
  REQUIRE(answer.status == 200);
  for (const json& result : answer.body["results"]) REQUIRE(result["status"] == "accepted");
  return answer;
}

Answer Erase(const InProcessServer& server, const std::string& device) {
  return Call(server, "POST", "/api/v1/device/erase", json{{"device_id", device}}.dump());
}

// Every cell of every table (and index-free views of them) that holds `needle`, as
// "table: cell" lines; empty when it is nowhere.
std::vector<std::string> CellsHolding(const store::Database& db, const std::string& needle) {
  std::vector<std::string> tables;
  store::Statement list = db.Prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (list.Step() == store::StepResult::Row) tables.emplace_back(list.ColumnText(0));
  std::vector<std::string> found;
  for (const std::string& table : tables) {
    store::Statement rows = db.Prepare("SELECT * FROM \"" + table + "\"");
    while (rows.Step() == store::StepResult::Row)
      for (int column = 0; column < rows.ColumnCount(); ++column)
        if (std::string(rows.ColumnBlob(column)).find(needle) != std::string::npos)
          found.push_back(table + ": " + std::string(rows.ColumnText(column)));
  }
  return found;
}

json FeedEntry(const InProcessServer& server, const std::string& place_id) {
  const Answer feed = Call(server, "GET", "/api/v1/places");
  REQUIRE(feed.status == 200);
  for (const json& entry : feed.body["places"])
    if (entry["id"] == place_id) return entry;
  return json();
}

}  // namespace

TEST_CASE("Delete everything I sent: no trace of the device or its words is left, the map is recounted, "
          "others keep theirs",
          "[server][privacy]") {
  InProcessServer server;
  staff_http::AddApprovedPlace(server, kPlace, "Central Library", core::Category::Library);
  const std::string officer = staff_http::LogIn(server, "olu.officer", store::StaffRole::Officer);
  const std::string worker = staff_http::LogIn(server, "wyn.worker", store::StaffRole::YouthWorker);

  // The asker: a suggestion the council adds, one still waiting, one not added; a rating
  // with words officers shared; a rating taken back; a group; a restore code.
  core::Suggestion added = MakeSuggestion(Uuid(0x200), kAsker, Uuid(0x300), 0);
  added.why = kAskersWhy;
  core::Suggestion waiting = MakeSuggestion(Uuid(0x201), kAsker, Uuid(0x301), 4);
  core::Suggestion not_added = MakeSuggestion(Uuid(0x202), kAsker, Uuid(0x302), 5);
  core::Rating shared = MakeRating(Uuid(0x400), kPlace, kAsker, 2);
  shared.comment = kAskersWords;
  const core::Rating taken_back = MakeRating(Uuid(0x401), kPlace, kAsker, 3);
  Sync(server, kAsker, {{added}, {waiting}, {not_added}, {shared}, {taken_back}});
  Sync(server, kAsker, {{MakeWithdrawal(Uuid(0x500), kAsker, taken_back.id)}});
  REQUIRE(Call(server, "POST", "/api/v1/review/suggestions/" + added.id + "/approve", "{}", officer).status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/review/suggestions/" + not_added.id + "/reject",
               json{{"reason", "closed"}}.dump(), officer)
              .status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/review/comments/" + shared.id + "/approve", "{}", officer).status == 200);
  const Answer session = Call(server, "POST", "/api/v1/sessions", json{{"name", "Youth club"}}.dump(), worker);
  REQUIRE(session.status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join",
               json{{"room_code", session.body["room_code"]}, {"device_id", kAsker}, {"nickname", "Brave Otter"}}.dump())
              .status == 200);
  const std::string code = core::MakeRestoreCode(std::array<std::uint8_t, core::kRestoreCodeBytes>{9, 8, 7, 6, 5});
  REQUIRE(Call(server, "POST", "/api/v1/restore-code", json{{"device_id", kAsker}, {"code", code}}.dump()).status == 200);

  // The neighbour rates the library and the asker's added place.
  const core::Rating neighbours = MakeRating(Uuid(0x600), kPlace, kNeighbour, 1);
  Sync(server, kNeighbour, {{neighbours}, {MakeRating(Uuid(0x601), added.id, kNeighbour, 6)}});

  const json library_before = FeedEntry(server, kPlace);
  REQUIRE(library_before["comments"].size() == 1);
  {
    store::Database db = staff_http::OpenData(server);
    REQUIRE_FALSE(CellsHolding(db, kAsker).empty());  // the scan can see it before
    REQUIRE_FALSE(CellsHolding(db, kAskersWords).empty());
  }

  const Answer erased = Erase(server, kAsker);
  INFO(erased.text);
  REQUIRE(erased.status == 200);
  CHECK(erased.body["erased"]["ratings"] == 5);  // three suggestions' first ratings and two more
  CHECK(erased.body["erased"]["suggestions"] == 3);
  CHECK(erased.body["erased"]["withdrawals"] == 1);
  CHECK(erased.body["erased"]["groups"] == 1);
  CHECK(erased.body["erased"]["restore_code"] == true);

  store::Database db = staff_http::OpenData(server);
  for (const std::string& trace : {kAsker, kAskersWords, kAskersWhy, waiting.name, not_added.name}) {
    INFO(trace);
    CHECK(CellsHolding(db, trace).empty());
  }
  // The public map: the shared words are gone and the library counts one rating fewer;
  // the place the council added stays, with the neighbour's rating.
  const json library_after = FeedEntry(server, kPlace);
  CHECK_FALSE(library_after.contains("comments"));
  CHECK(library_after["profile"] != library_before["profile"]);
  const json kept = FeedEntry(server, added.id);
  REQUIRE(kept.is_object());
  CHECK(kept["name"] == added.name);
  // The neighbour's two ratings are all there is now.
  std::string error;
  CHECK(store::CountRows(db, error)->ratings == 2);
  CHECK(CellsHolding(db, kNeighbour).size() >= 3);  // two ratings, two sync items

  // Nothing is left to restore; a second erase finds nothing; the server's progress is zero.
  CHECK(Call(server, "POST", "/api/v1/restore", json{{"code", code}}.dump()).status == 404);
  const Answer again = Erase(server, kAsker);
  CHECK(again.status == 200);
  CHECK(again.body["erased"] ==
        json{{"ratings", 0}, {"suggestions", 0}, {"withdrawals", 0}, {"groups", 0}, {"restore_code", false}});
  const std::optional<core::Progress> progress = store::DeviceProgress(db, kAsker, "2024-05", error);
  REQUIRE(progress);
  CHECK(progress->points == 0);
}

TEST_CASE("an erase request that cannot be read is a 4xx in words, and erases nothing", "[server][privacy]") {
  InProcessServer server;
  Sync(server, kAsker, {{MakeRating(Uuid(0x400), kPlace, kAsker, 2)}});
  for (const std::string& body : {std::string("not json"), std::string("[]"), json{{"device_id", 7}}.dump(),
                                  json{{"device_id", "Brave Otter"}}.dump(), json::object().dump(),
                                  json{{"device_id", kAsker}, {"padding", std::string(600, 'x')}}.dump()}) {
    const Answer answer = Call(server, "POST", "/api/v1/device/erase", body);
    INFO(body.substr(0, 60));
    CHECK(answer.status >= 400);
    CHECK(answer.status < 500);
    CHECK_FALSE(answer.body["error"]["message"].get<std::string>().empty());
  }
  store::Database db = staff_http::OpenData(server);
  std::string error;
  CHECK(store::CountRows(db, error)->ratings == 1);
}

TEST_CASE("retention: suggestions not added and hidden words go after the days kept, and not before",
          "[server][privacy][retention]") {
  InProcessServer server;
  staff_http::AddApprovedPlace(server, kPlace, "Central Library", core::Category::Library);
  const std::string officer = staff_http::LogIn(server, "olu.officer", store::StaffRole::Officer);
  const core::Suggestion not_added = MakeSuggestion(Uuid(0x202), kAsker, Uuid(0x302), 5);
  core::Rating hidden = MakeRating(Uuid(0x400), kPlace, kAsker, 2);
  hidden.comment = kAskersWords;
  core::Rating withdrawn = MakeRating(Uuid(0x401), kPlace, kAsker, 3);
  withdrawn.comment = "Words taken back";
  Sync(server, kAsker, {{not_added}, {hidden}, {withdrawn}, {MakeSuggestion(Uuid(0x203), kAsker, Uuid(0x303), 6)}});
  Sync(server, kAsker, {{MakeWithdrawal(Uuid(0x500), kAsker, withdrawn.id)}});
  REQUIRE(Call(server, "POST", "/api/v1/review/suggestions/" + not_added.id + "/reject",
               json{{"reason", "closed"}}.dump(), officer)
              .status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/review/comments/" + hidden.id + "/hide", "{}", officer).status == 200);

  store::Database db = staff_http::OpenData(server);
  store::ServerStore store(db);
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  constexpr int kDays = 90;
  std::string error;

  const std::optional<store::PurgeReport> early = store::PurgeExpired(store, now + (kDays - 1) * store::kSecondsPerDay, kDays, error);
  INFO(error);
  REQUIRE(early);
  CHECK(early->rejected_places == 0);
  CHECK(early->hidden_comments == 0);
  CHECK_FALSE(CellsHolding(db, not_added.name).empty());
  CHECK_FALSE(CellsHolding(db, kAskersWords).empty());
  CHECK(CellsHolding(db, "Words taken back").empty());  // words taken back go at once

  const std::optional<store::PurgeReport> late = store::PurgeExpired(store, now + (kDays + 1) * store::kSecondsPerDay, kDays, error);
  REQUIRE(late);
  CHECK(late->rejected_places == 1);
  CHECK(late->hidden_comments == 1);
  CHECK(CellsHolding(db, not_added.name).empty());
  // Its first rating and its audit details went with it; only sync's note of its id stays
  // (so a copy sent again is not taken as new), and the officer's audit row, with no words.
  for (const std::string& holder : CellsHolding(db, not_added.id)) {
    INFO(holder);
    CHECK((holder.starts_with("sync_items: ") || holder.starts_with("audit_log: ")));
  }
  CHECK(CellsHolding(db, kAskersWords).empty());
  // The waiting suggestion and the hidden rating's faces stay.
  CHECK_FALSE(CellsHolding(db, Uuid(0x203)).empty());
  CHECK_FALSE(CellsHolding(db, hidden.id).empty());
  // The device is told of its own suggestions without the one that went, and nothing fails.
  const Answer after = Sync(server, kAsker, {});
  for (const json& yours : after.body["yours"]) CHECK(yours["id"] != not_added.id);
}

TEST_CASE("a server applies the retention rules when it starts", "[server][privacy][retention]") {
  TempDir root;
  server::Options options;
  options.port = 0;
  options.data_dir = root.Path() / "data";
  const core::Suggestion not_added = MakeSuggestion(Uuid(0x202), kAsker, Uuid(0x302), 5);
  {
    server::Server first(options);
    std::string error;
    REQUIRE(first.Start(error));
  }
  {
    std::string error;
    std::optional<store::Database> db = store::Database::Open((options.data_dir / "safespaces.db").string(), error);
    REQUIRE(db);
    store::ServerStore store(*db);
    const core::ValidationContext context{core::DefaultServiceArea(), 2024, 6};
    REQUIRE(store.Apply(core::OutboxItem{not_added}, context, 1717000000));
    REQUIRE_FALSE(store.RejectPlace(not_added.id, core::NotAddedReason::Closed));
    // Decided long ago.
    REQUIRE(db->Exec("UPDATE places SET status_changed_at = 1700000000", error));
  }
  server::Server second(options);
  std::string error;
  REQUIRE(second.Start(error));
  std::string db_error;
  std::optional<store::Database> db = store::Database::Open((options.data_dir / "safespaces.db").string(), db_error);
  REQUIRE(db);
  bool gone = false;
  for (int tries = 0; tries < 500 && !gone; ++tries) {
    gone = CellsHolding(*db, not_added.name).empty();
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(gone);
}

TEST_CASE("the day log files hold no device ids or addresses, and old ones are deleted", "[server][privacy][log]") {
  TempDir logs;
  {
    std::ofstream(logs.Path() / "safespaces-2020-01-01.log") << "an old day\n";
    std::ofstream(logs.Path() / "notes.txt") << "not ours: kept\n";
  }
  server::Options options;
  options.trust_proxy = true;
  options.log_dir = logs.Path();
  options.log_days = 3;
  {
    InProcessServer server(options);
    httplib::Client http = server.Client();
    json items = json::array({core::ToJson(core::OutboxItem{MakeRating(Uuid(0x400), kPlace, kAsker, 1)})});
    auto res = http.Post("/api/v1/sync", {{"X-Real-IP", "203.0.113.77"}, {"User-Agent", "Phone/1.0 (Secret Model)"}},
                         core::DumpJson({{"device_id", kAsker}, {"items", items}}), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(Erase(server, kAsker).status == 200);
  }
  server::StopLogFiles();
  CHECK_FALSE(std::filesystem::exists(logs.Path() / "safespaces-2020-01-01.log"));
  CHECK(std::filesystem::exists(logs.Path() / "notes.txt"));
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(logs.Path()))
    if (entry.path().filename().string().starts_with("safespaces-")) {
      std::ifstream file(entry.path());
      text += std::string(std::istreambuf_iterator<char>(file), {});
    }
  INFO(text);
  CHECK(text.find("POST /api/v1/sync 200") != std::string::npos);  // it is a real log
  CHECK(text.find("privacy: a device's contributions were deleted") != std::string::npos);
  for (const std::string& secret : {kAsker, std::string("203.0.113.77"), std::string("127.0.0.1"),
                                    std::string("Secret Model"), std::string("staff were kind")})
    CHECK(text.find(secret) == std::string::npos);
}
