// Tests of store/database: a database opens with its schema up to date, keeps what was
// saved, refuses what it cannot safely use, and takes values only through bound
// statements. Each test uses ":memory:" or a file in its own temp folder.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/codec.h"
#include "store/database.h"
#include "store/device_store.h"
#include "store/migrations.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::Uuid;

std::vector<std::string> MigrationFilesOnDisk(store::Schema schema = store::Schema::Server) {
  std::vector<std::string> names;
  const std::filesystem::path dir =
      std::filesystem::path(SAFESPACES_MIGRATIONS_DIR) / (schema == store::Schema::Server ? "server" : "device");
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".sql") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

store::Database OpenOrFail(const std::string& path) {
  std::string error;
  std::optional<store::Database> db = store::Database::Open(path, error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

std::string ReadText(const store::Database& db, const std::string& sql) {
  store::Statement statement = db.Prepare(sql);
  INFO(statement.Error());
  REQUIRE(statement.Step() == store::StepResult::Row);
  return std::string(statement.ColumnText(0));
}

// The steps of SQLite's plan for `sql` on a new database (EXPLAIN QUERY PLAN's detail column).
std::vector<std::string> QueryPlan(const char* sql) {
  const store::Database db = OpenOrFail(":memory:");
  store::Statement plan = db.Prepare(std::string("EXPLAIN QUERY PLAN ") + sql);
  REQUIRE(plan.IsValid());
  std::vector<std::string> steps;
  while (plan.Step() == store::StepResult::Row) steps.emplace_back(plan.ColumnText(3));
  return steps;
}

std::string MetaValue(const store::Database& db, const std::string& key) {
  store::Statement statement = db.Prepare("SELECT value FROM meta WHERE key = ?1");
  statement.BindText(1, key);
  if (statement.Step() != store::StepResult::Row) return "";
  return std::string(statement.ColumnText(0));
}

// Makes a database file the way another program would, without store::Database.
void MakeRawDatabase(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
}

// A database file as an older Safe Spaces left it: the first `version` migrations of
// `schema`, run by plain SQLite, then `then` (rows that older version wrote).
void MakeOlderDatabase(const std::filesystem::path& path, store::Schema schema, int version, const std::string& then) {
  std::string sql;
  for (const store::Migration& migration : store::Migrations(schema).first(static_cast<std::size_t>(version)))
    sql.append(migration.sql).append("\n");
  MakeRawDatabase(path, sql + then + "\nPRAGMA user_version = " + std::to_string(version) + ";");
}

}  // namespace

TEST_CASE("every migration file is built in, numbered 1, 2, 3... in file order", "[store][migrations]") {
  for (store::Schema schema : {store::Schema::Server, store::Schema::Device}) {
    const std::vector<std::string> files = MigrationFilesOnDisk(schema);
    REQUIRE_FALSE(files.empty());
    const auto migrations = store::Migrations(schema);
    REQUIRE(migrations.size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      CHECK(migrations[i].version == static_cast<int>(i) + 1);
      CHECK(migrations[i].name == files[i]);
      CHECK_FALSE(migrations[i].sql.empty());
    }
  }
}

TEST_CASE("a device database gets the device schema, not the server's", "[store][migrations]") {
  std::string error;
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  options.journal = store::Journal::Rollback;
  std::optional<store::Database> db = store::Database::Open(":memory:", error, options);
  INFO(error);
  REQUIRE(db);
  CHECK(db->SchemaVersion() == static_cast<int>(MigrationFilesOnDisk(store::Schema::Device).size()));
  CHECK(db->SchemaVersion() == store::LatestSchemaVersion(store::Schema::Device));
  CHECK_FALSE(MetaValue(*db, "created_at").empty());
}

TEST_CASE("a new database file gets the whole schema", "[store][migrations]") {
  TempDir dir;
  const store::Database db = OpenOrFail((dir.Path() / "safespaces.db").string());
  CHECK(db.SchemaVersion() == static_cast<int>(MigrationFilesOnDisk().size()));
  CHECK(db.SchemaVersion() == store::LatestSchemaVersion());
  CHECK_FALSE(MetaValue(db, "created_at").empty());
}

TEST_CASE("a sync's shared-comments read uses its index, not every rating the device sent", "[store][migrations]") {
  // Through ratings_by_device it read all of a device's ratings at every sync: 12 ms of CPU
  // a sync at 2,000 ratings, and a keen young person's phone syncs often.
  const std::vector<std::string> steps = QueryPlan(store::kSharedCommentsSql);
  std::string all;
  for (const std::string& step : steps) all += step + "; ";
  INFO(all);
  CHECK(std::any_of(steps.begin(), steps.end(), [](const std::string& step) {
    return step == "SEARCH ratings USING INDEX ratings_shared_by_device (device_id=?)";
  }));
  CHECK(std::none_of(steps.begin(), steps.end(), [](const std::string& step) {
    return step.find("ratings_by_device") != std::string::npos || step.find("SCAN ratings") != std::string::npos;
  }));
}

TEST_CASE("deciding the first place in an area reads its cell, not a band of the city", "[store][migrations]") {
  // Through places_approved_by_lat it read every approved place in a band of latitude from
  // the table: approving 100,000 places took minutes.
  const std::vector<std::string> steps = QueryPlan(store::kApprovedInCellSql);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0] == "SEARCH places USING INDEX places_approved_by_area (area_column=? AND lat>? AND lat<?)");
}

TEST_CASE("an in-memory database gets the whole schema too", "[store][migrations]") {
  const store::Database db = OpenOrFail(":memory:");
  CHECK(db.SchemaVersion() == static_cast<int>(MigrationFilesOnDisk().size()));
  CHECK_FALSE(MetaValue(db, "created_at").empty());
}

TEST_CASE("reopening a database keeps what was saved and runs no migration twice", "[store][migrations]") {
  TempDir dir;
  const std::string path = (dir.Path() / "safespaces.db").string();
  std::string created_at;
  {
    const store::Database db = OpenOrFail(path);
    created_at = MetaValue(db, "created_at");
    store::Statement insert = db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
    insert.BindText(1, "note").BindText(2, "kept");
    REQUIRE(insert.Step() == store::StepResult::Done);
  }
  const store::Database db = OpenOrFail(path);
  CHECK(db.SchemaVersion() == store::LatestSchemaVersion());
  CHECK(MetaValue(db, "created_at") == created_at);  // 0001 would write a new one
  CHECK(MetaValue(db, "note") == "kept");
}

TEST_CASE("a device database from before suggestion reviews keeps what it made and learns reviews",
          "[store][migrations][device]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "device.db";
  core::Suggestion suggestion;
  suggestion.id = "018f2d6e-0000-7000-8000-000000000001";
  suggestion.device_id = "0b6f1d2a-1111-4222-8333-444455556666";
  suggestion.name = "Central Library";
  suggestion.category = core::Category::Library;
  suggestion.lat = 52.4081;
  suggestion.lon = -1.5106;
  suggestion.first_rating.id = "018f2d6e-0000-7000-8000-000000000002";
  suggestion.first_rating.place_id = suggestion.id;
  suggestion.first_rating.device_id = suggestion.device_id;
  suggestion.first_rating.scales[0] = 4;
  suggestion.first_rating.visit_month = "2026-10";
  const std::string body = core::DumpJson(core::ToJson(core::OutboxItem{suggestion}));
  std::string quoted = "'";
  for (char c : body) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  quoted += "'";
  // Schema 3: before 0004 added the reviews.
  MakeOlderDatabase(path, store::Schema::Device, 3,
                    "INSERT INTO contributions (id, kind, body, state) VALUES ('" + suggestion.id +
                        "', 'suggestion', " + quoted + ", 'sent');"
                        "INSERT INTO saved_places (place_id) VALUES ('018f2d6e-0000-7000-8000-00000000000a');");

  std::string error;
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  options.journal = store::Journal::Rollback;
  std::optional<store::Database> db = store::Database::Open(path.string(), error, options);
  INFO(error);
  REQUIRE(db);
  CHECK(db->SchemaVersion() == store::LatestSchemaVersion(store::Schema::Device));
  std::vector<store::Contribution> made = store::Contributions(*db);
  REQUIRE(made.size() == 1);
  CHECK(made[0].item == core::OutboxItem{suggestion});
  CHECK(made[0].state == store::ContributionState::Sent);
  CHECK_FALSE(made[0].review);  // nothing said yet: still waiting for a check
  CHECK(store::SavedPlaceIds(*db) == std::vector<std::string>{"018f2d6e-0000-7000-8000-00000000000a"});

  const core::SuggestionStatus rejected{suggestion.id, core::PlaceStatus::Rejected, core::NotAddedReason::Closed, ""};
  REQUIRE(store::RecordReviews(*db, std::span(&rejected, 1), error));
  made = store::Contributions(*db);
  REQUIRE(made.size() == 1);
  CHECK(made[0].review == core::PlaceStatus::Rejected);
  CHECK(made[0].review_reason == core::NotAddedReason::Closed);
}

TEST_CASE("a device database from before first places and shared comments learns both from sync",
          "[store][migrations][device]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "device.db";
  const std::string device = Uuid(0xD1);
  const core::OutboxItem suggestion{MakeSuggestion(Uuid(0x10), device, Uuid(0x11))};
  const core::OutboxItem rating{MakeRating(Uuid(0x12), Uuid(0x99), device, 1)};
  const core::OutboxItem other{MakeRating(Uuid(0x13), Uuid(0x99), device, 5)};
  std::string rows;
  for (const core::OutboxItem* item : {&suggestion, &rating, &other}) {
    std::string quoted;
    for (char c : core::DumpJson(core::ToJson(*item))) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    rows += "INSERT INTO contributions (id, kind, body, state, review) VALUES ('" + item->ItemId() + "', '" +
            std::string(core::OutboxKindName(item->Kind())) + "', '" + quoted + "', 'sent', '" +
            (item == &suggestion ? "approved" : "") + "');";
  }
  // Schema 4: before 0005 added first_in_area and comment_approved.
  MakeOlderDatabase(path, store::Schema::Device, 4, rows);
  std::string error;
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  options.journal = store::Journal::Rollback;
  std::optional<store::Database> db = store::Database::Open(path.string(), error, options);
  INFO(error);
  REQUIRE(db);
  CHECK(db->SchemaVersion() == store::LatestSchemaVersion(store::Schema::Device));
  const auto flags = [&] {
    std::vector<std::pair<bool, bool>> read;  // (first_in_area, comment_approved), newest first
    for (const store::Contribution& made : store::Contributions(*db))
      read.emplace_back(made.first_in_area, made.comment_approved);
    return read;
  };
  using Flags = std::vector<std::pair<bool, bool>>;
  CHECK(flags() == Flags{{false, false}, {false, false}, {false, false}});
  CHECK(store::Contributions(*db).back().review == core::PlaceStatus::Approved);

  core::SuggestionStatus first{suggestion.ItemId(), core::PlaceStatus::Approved};
  first.first_in_area = true;
  REQUIRE(store::RecordReviews(*db, std::span(&first, 1), error));
  const std::vector<std::string> shared = {rating.ItemId(), suggestion.ItemId(), Uuid(0x77)};
  REQUIRE(store::RecordSharedComments(*db, shared, true, error));  // only ratings take it
  CHECK(flags() == Flags{{false, false}, {false, true}, {true, false}});

  SECTION("a whole list that leaves a rating out unshares it") {
    REQUIRE(store::RecordSharedComments(*db, std::vector<std::string>{other.ItemId()}, true, error));
    CHECK(flags() == Flags{{false, true}, {false, false}, {true, false}});
    REQUIRE(store::RecordSharedComments(*db, {}, true, error));
    CHECK(flags() == Flags{{false, false}, {false, false}, {true, false}});
  }
  SECTION("a list cut at its bound only adds") {
    REQUIRE(store::RecordSharedComments(*db, std::vector<std::string>{other.ItemId()}, false, error));
    CHECK(flags() == Flags{{false, true}, {false, true}, {true, false}});
  }
  SECTION("a later review without the flag clears it: the server's word is the last") {
    first.first_in_area = false;
    REQUIRE(store::RecordReviews(*db, std::span(&first, 1), error));
    CHECK(flags() == Flags{{false, false}, {false, true}, {false, false}});
  }
}

TEST_CASE("restored contributions keep whether a place was first in its area and a comment was shared",
          "[store][device][restore]") {
  std::string error;
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  std::optional<store::Database> db = store::Database::Open(":memory:", error, options);
  REQUIRE(db);
  const std::string device = Uuid(0xD1);
  core::SentItem first{core::OutboxItem{MakeSuggestion(Uuid(0x10), device, Uuid(0x11))}, core::PlaceStatus::Approved,
                       true};
  core::SentItem shared{core::OutboxItem{MakeRating(Uuid(0x12), Uuid(0x99), device, 1)}};
  shared.comment_approved = true;
  const std::vector<core::SentItem> items = {first, shared};
  REQUIRE(store::AddRestoredContributions(*db, items, error));
  const std::vector<store::Contribution> made = store::Contributions(*db);
  REQUIRE(made.size() == 2);
  CHECK(made[0].comment_approved);
  CHECK_FALSE(made[0].first_in_area);
  CHECK(made[1].first_in_area);
  CHECK_FALSE(made[1].comment_approved);
}

TEST_CASE("a server database from before reasons keeps its places, with no reasons and no review",
          "[store][migrations]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "safespaces.db";
  const std::string place_id = "018f2d6e-0000-7000-8000-000000000001";
  const std::string device_id = "0b6f1d2a-1111-4222-8333-444455556666";
  MakeOlderDatabase(path, store::Schema::Server, 2,
                    "INSERT INTO places (id, name, category, lat, lon, status, device_id, why, profile, change_seq) "
                    "VALUES ('" + place_id + "', 'Central Library', 'library', 52.4081, -1.5106, 'rejected', '" +
                        device_id + "', 'It is calm.', x'', 1);");
  const store::Database db = OpenOrFail(path.string());
  CHECK(db.SchemaVersion() == store::LatestSchemaVersion());
  const std::optional<store::StoredPlace> place = store::LoadPlace(db, place_id);
  REQUIRE(place);
  CHECK(place->place.status == core::PlaceStatus::Rejected);
  CHECK(place->why == "It is calm.");
  CHECK(place->reasons.empty());
  CHECK_FALSE(place->review_reason);
  std::string error;
  const auto yours = store::SuggestionStatusesOf(db, device_id, 10, error);
  INFO(error);
  REQUIRE(yours);
  CHECK(*yours == std::vector<core::SuggestionStatus>{{place_id, core::PlaceStatus::Rejected, std::nullopt, ""}});
}

TEST_CASE("a server database from before comment reviews keeps its comments, each waiting for a look",
          "[store][migrations][comments]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "safespaces.db";
  const std::string place_id = "018f2d6e-0000-7000-8000-000000000001";
  const std::string rating_id = "018f2d6e-0000-7000-8000-000000000002";
  const std::string quiet_id = "018f2d6e-0000-7000-8000-000000000003";
  MakeOlderDatabase(path, store::Schema::Server, 3,
                    "INSERT INTO places (id, name, category, lat, lon, status, profile, change_seq, approved_seq, "
                    "feed_json) VALUES ('" + place_id + "', 'Central Library', 'library', 52.4081, -1.5106, "
                    "'approved', x'', 1, 1, '{}');"
                    "UPDATE counters SET value = 1 WHERE name = 'change_seq';"
                    "INSERT INTO ratings (id, place_id, device_id, scales, facilities, comment, visit_month) VALUES "
                    "('" + rating_id + "', '" + place_id + "', 'd', x'030000000000', x'0000000000000000', "
                    "'The lights are soft.', '2024-04'), "
                    "('" + quiet_id + "', '" + place_id + "', 'd', x'030000000000', x'0000000000000000', '', '2024-04');");
  store::Database db = OpenOrFail(path.string());
  CHECK(db.SchemaVersion() == store::LatestSchemaVersion());
  CHECK(ReadText(db, "SELECT comment_state FROM ratings WHERE id = '" + rating_id + "'") == "pending");
  std::string error;
  const auto pending = store::PendingComments(db, 10, error);
  INFO(error);
  REQUIRE(pending);
  REQUIRE(pending->size() == 1);  // an empty comment waits for nothing
  CHECK((*pending)[0].rating_id == rating_id);
  CHECK((*pending)[0].place_name == "Central Library");
  CHECK((*pending)[0].text == "The lights are soft.");

  store::ServerStore officer(db);
  REQUIRE_FALSE(officer.ApproveComment(rating_id));
  const auto page = store::PlacesSince(db, 1, 10, error);
  REQUIRE(page);
  REQUIRE(page->count == 1);
  CHECK(nlohmann::json::parse(page->places_json)[0]["comments"][0]["text"] == "The lights are soft.");
}

TEST_CASE("a database file is opened with the write-ahead log and our pragmas", "[store][pragmas]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "safespaces.db";
  const store::Database db = OpenOrFail(path.string());
  CHECK(ReadText(db, "PRAGMA journal_mode") == "wal");
  CHECK(std::filesystem::exists(path.string() + "-wal"));
  CHECK(ReadText(db, "PRAGMA foreign_keys") == "1");
  CHECK(ReadText(db, "PRAGMA synchronous") == "1");  // NORMAL
  CHECK(std::stoi(ReadText(db, "PRAGMA busy_timeout")) > 0);
}

TEST_CASE("the browser's database keeps its journal in memory and leaves no journal file", "[store][pragmas]") {
  // The browser copies the data folder whole between frames; a journal file there only cost
  // time (5 s of a 43 s first visit at 100,000 places) and could never be used.
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "safespaces-device.db";
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  options.journal = store::Journal::Memory;
  std::string error;
  std::optional<store::Database> db = store::Database::Open(path.string(), error, options);
  REQUIRE(db);
  CHECK(ReadText(*db, "PRAGMA journal_mode") == "memory");
  CHECK(ReadText(*db, "PRAGMA cache_size") == "-16384");
  REQUIRE(db->Exec("BEGIN", error));
  REQUIRE(db->Exec("INSERT INTO meta (key, value) VALUES ('note', 'rolled back')", error));
  CHECK_FALSE(std::filesystem::exists(path.string() + "-journal"));
  REQUIRE(db->Exec("ROLLBACK", error));  // a transaction still undoes from the journal in memory
  CHECK(ReadText(*db, "SELECT count(*) FROM meta WHERE key = 'note'") == "0");
}

TEST_CASE("a database from a newer Safe Spaces is refused and left as it was", "[store][migrations]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "future.db";
  const int future = store::LatestSchemaVersion() + 1;
  MakeRawDatabase(path, "CREATE TABLE from_the_future (x); PRAGMA user_version = " + std::to_string(future) + ";");

  std::string error;
  CHECK_FALSE(store::Database::Open(path.string(), error));
  CHECK_THAT(error, Catch::Contains("newer version of Safe Spaces"));
  CHECK_THAT(error, Catch::Contains(std::to_string(future)));

  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) ==
        "delete");  // not switched to WAL
  sqlite3_finalize(statement);
  sqlite3_close(raw);
}

TEST_CASE("a file that is not a database is refused with a message naming it", "[store]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "notes.txt";
  WriteFile(path, std::string(4096, 'x'));
  std::string error;
  CHECK_FALSE(store::Database::Open(path.string(), error));
  CHECK_THAT(error, Catch::Contains(path.string()));
}

TEST_CASE("values go in bound, come out as they went in, and never run as SQL", "[store][statement]") {
  const store::Database db = OpenOrFail(":memory:");
  std::string error;
  REQUIRE(db.Exec("CREATE TEMP TABLE sample (i INTEGER, r REAL, t TEXT, b BLOB, n TEXT)", error));

  const std::string sneaky = "Robert'); DROP TABLE meta; --";
  const std::string bytes("\0\1\2\xff", 4);
  store::Statement insert = db.Prepare("INSERT INTO sample VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.BindInt64(1, 9007199254740993).BindDouble(2, 51.4545).BindText(3, sneaky).BindBlob(4, bytes).BindNull(5);
  REQUIRE(insert.Step() == store::StepResult::Done);
  insert.Reset();  // the same statement again, with new values
  insert.BindInt64(1, -1).BindDouble(2, 0.5).BindText(3, "café ☕").BindBlob(4, "").BindText(5, "set");
  REQUIRE(insert.Step() == store::StepResult::Done);

  store::Statement select = db.Prepare("SELECT i, r, t, b, n FROM sample ORDER BY rowid");
  REQUIRE(select.Step() == store::StepResult::Row);
  CHECK(select.ColumnCount() == 5);
  CHECK(select.ColumnInt64(0) == 9007199254740993);
  CHECK(select.ColumnDouble(1) == Approx(51.4545));
  CHECK(select.ColumnText(2) == sneaky);
  CHECK(select.ColumnBlob(3) == bytes);
  CHECK(select.ColumnIsNull(4));
  REQUIRE(select.Step() == store::StepResult::Row);
  CHECK(select.ColumnText(2) == "café ☕");
  CHECK(select.ColumnText(4) == "set");
  CHECK(select.Step() == store::StepResult::Done);

  CHECK(MetaValue(db, "created_at") != "");  // meta is still there
}

TEST_CASE("mistakes in queries are reported in words, never thrown or run half-bound", "[store][statement]") {
  const store::Database db = OpenOrFail(":memory:");

  store::Statement typo = db.Prepare("SELEC 1");
  CHECK_FALSE(typo.IsValid());
  CHECK_FALSE(typo.Error().empty());
  CHECK(typo.Step() == store::StepResult::Error);

  store::Statement insert = db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
  insert.BindText(1, "half").BindText(3, "no such place");
  CHECK(insert.Step() == store::StepResult::Error);
  CHECK_THAT(insert.Error(), Catch::Contains("3"));
  CHECK(MetaValue(db, "half").empty());

  store::Statement duplicate = db.Prepare("INSERT INTO meta (key, value) VALUES ('created_at', 'again')");
  CHECK(duplicate.Step() == store::StepResult::Error);
  CHECK_THAT(duplicate.Error(), Catch::Contains("UNIQUE"));
}

TEST_CASE("empty text is stored as empty text, never as a missing value", "[store][statements]") {
  const store::Database db = OpenOrFail(":memory:");
  store::Statement insert = db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
  insert.BindText(1, "empty").BindText(2, std::string_view());
  REQUIRE(insert.Step() == store::StepResult::Done);
  CHECK(MetaValue(db, "empty").empty());
  store::Statement is_null = db.Prepare("SELECT value IS NULL FROM meta WHERE key = 'empty'");
  REQUIRE(is_null.Step() == store::StepResult::Row);
  CHECK(is_null.ColumnInt64(0) == 0);
}
