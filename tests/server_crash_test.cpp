// The proof that a crash loses nothing acknowledged (issue 3, 5b): the real
// safespaces-server takes thousands of ratings from several keep-alive clients at once
// while it is killed with SIGKILL and restarted on the same port, again and again. Each
// client retries a batch, with the same ids, until it is answered. After every kill the
// database must hold every id acknowledged so far and pass SQLite's own checks
// (PRAGMA integrity_check, foreign_key_check); at the end every item exactly once.
// Loopback only; bounded in time. Start at the TEST_CASE, then Client::Run.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "child_process.h"
#include "core/codec.h"
#include "core/profile.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

using namespace std::chrono_literals;
using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

constexpr int kClients = 6;
constexpr int kKills = 5;
constexpr int kMinKillGapMs = 200;  // ms between a restart and the next kill, at least
constexpr int kMaxKillGapMs = 800;
constexpr int kMaxBatch = 40;      // items in one request: 1..kMaxBatch
constexpr int kPauseMs = 40;       // ms a client waits between two batches
constexpr int kRetryPauseMs = 20;  // ms a client waits before sending an unanswered batch again
constexpr int kMaxItemsPerClient = 3000;
constexpr auto kTimeLimit = 50s;  // the whole test; a client gives up (and fails) after it

// [SECTION] The server process

// safespaces-server on `port` (0: any), its log thrown away; child_process.h does the rest.
std::unique_ptr<ChildProcess> Spawn(int port, const std::filesystem::path& data_dir) {
  auto process = std::make_unique<ChildProcess>(SafeSpacesServerArgs(SAFESPACES_SERVER_BINARY, port, data_dir));
  REQUIRE(process->Started());
  return process;
}

// Starts the server on `port`, trying again while the port is still being let go.
std::unique_ptr<ChildProcess> StartOn(int port, const std::filesystem::path& data_dir) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto process = Spawn(port, data_dir);
    if (WaitForServerPort(*process, 5s) == port) return process;
    std::this_thread::sleep_for(100ms);
  }
  FAIL("the server did not start again on port " << port);
  return nullptr;
}

// [SECTION] What the clients saw

struct Ledger {
  std::mutex mutex;
  std::unordered_set<std::string> acknowledged;  // accepted or already_accepted in an answer
  std::vector<std::string> rating_ids;           // every rating any client made
  std::set<std::string> withdrawn_ids;           // ratings their own device withdrew
  int items = 0;
  int requests = 0;
  int unanswered = 0;  // requests that got no answer or an error and were sent again
};

struct Client {
  int number = 0;
  int port = 0;
  std::string device_id;
  std::vector<std::string> place_ids;
  Ledger* ledger = nullptr;
  std::atomic<bool>* kills_done = nullptr;
  std::chrono::steady_clock::time_point deadline;
  bool gave_up = false;
  std::string problem;  // why it gave up, if it did

  void Run() {
    std::mt19937 random(static_cast<unsigned>(1000 + number));
    httplib::Client http("127.0.0.1", port);
    http.set_keep_alive(true);
    http.set_tcp_nodelay(true);
    http.set_connection_timeout(1s);
    http.set_read_timeout(5s);
    std::uint64_t next_id = 0x10000000ull * static_cast<std::uint64_t>(number + 1);
    std::vector<std::string> own_ratings;
    int made = 0;
    while (made < kMaxItemsPerClient && !(kills_done->load() && made > 0)) {
      nlohmann::json items = nlohmann::json::array();
      std::vector<std::string> ids;
      const int size = 1 + static_cast<int>(random() % kMaxBatch);
      for (int i = 0; i < size; ++i, ++made) {
        core::OutboxItem item;
        if (random() % 10 == 0 && !own_ratings.empty()) {
          const std::string target = own_ratings[random() % own_ratings.size()];
          item = {MakeWithdrawal(Uuid(next_id++), device_id, target)};
          std::lock_guard lock(ledger->mutex);
          ledger->withdrawn_ids.insert(target);
        } else {
          core::Rating rating =
              MakeRating(Uuid(next_id++), place_ids[random() % place_ids.size()], device_id, random());
          own_ratings.push_back(rating.id);
          std::lock_guard lock(ledger->mutex);
          ledger->rating_ids.push_back(rating.id);
          item = {std::move(rating)};
        }
        ids.push_back(item.ItemId());
        items.push_back(core::ToJson(item));
      }
      const std::string body = core::DumpJson({{"device_id", device_id}, {"items", items}});
      if (!SendUntilAnswered(http, body, ids)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(kPauseMs));
    }
  }

  // The same body, again and again, until every item in it is acknowledged.
  bool SendUntilAnswered(httplib::Client& http, const std::string& body, const std::vector<std::string>& ids) {
    for (;;) {
      if (std::chrono::steady_clock::now() > deadline) {
        gave_up = true;
        return false;
      }
      auto res = http.Post("/api/v1/sync", body, "application/json");
      {
        std::lock_guard lock(ledger->mutex);
        ++ledger->requests;
      }
      if (res && res->status == 200) {
        const nlohmann::json answer = nlohmann::json::parse(res->body, nullptr, false);
        bool all = answer.is_object() && answer["results"].size() == ids.size();
        for (std::size_t i = 0; all && i < ids.size(); ++i) {
          const nlohmann::json& result = answer["results"][i];
          all = result["id"] == ids[i] && (result["status"] == "accepted" || result["status"] == "already_accepted");
        }
        if (all) {
          std::lock_guard lock(ledger->mutex);
          ledger->acknowledged.insert(ids.begin(), ids.end());
          ledger->items += static_cast<int>(ids.size());
          return true;
        }
        problem = "an item was not accepted: " + res->body.substr(0, 300);  // Catch2 asserts on the main thread only
        gave_up = true;
        return false;
      }
      {
        std::lock_guard lock(ledger->mutex);
        ++ledger->unanswered;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(kRetryPauseMs));
    }
  }
};

store::Database OpenDatabase(const std::filesystem::path& data_dir) {
  std::string error;
  std::optional<store::Database> db = store::Database::Open((data_dir / "safespaces.db").string(), error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

std::unordered_set<std::string> StoredIds(const store::Database& db, const char* sql) {
  std::unordered_set<std::string> ids;
  store::Statement statement = db.Prepare(sql);
  while (statement.Step() == store::StepResult::Row) ids.emplace(statement.ColumnText(0));
  return ids;
}

}  // namespace

TEST_CASE("killed and restarted again and again under load, the server loses nothing it acknowledged",
          "[server][process][crash]") {
  const auto started = std::chrono::steady_clock::now();
  TempDir root;
  const std::filesystem::path data_dir = root.Path() / "data";
  auto server = Spawn(0, data_dir);
  const int port = WaitForServerPort(*server, 10s);
  REQUIRE(port > 0);

  // Three places to rate, suggested before the load begins, and one that never comes.
  std::vector<std::string> place_ids;
  {
    httplib::Client http("127.0.0.1", port);
    http.set_tcp_nodelay(true);
    const std::string device = Uuid(0xFEED);
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < 3; ++i) {
      place_ids.push_back(Uuid(0x500 + i));
      items.push_back(core::ToJson(core::OutboxItem{MakeSuggestion(place_ids.back(), device, Uuid(0x600 + i), i)}));
    }
    auto res = http.Post("/api/v1/sync", core::DumpJson({{"device_id", device}, {"items", items}}), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    place_ids.push_back(Uuid(0x5FF));
  }

  Ledger ledger;
  std::atomic<bool> kills_done{false};
  std::vector<Client> clients(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    clients[i] = {i, port, Uuid(0xC0000 + i), place_ids, &ledger, &kills_done, started + kTimeLimit, false, ""};
    threads.emplace_back([&client = clients[i]] { client.Run(); });
  }

  // Kill it at random moments; each time, before the restart, look into the database:
  // whatever was acknowledged before the kill must be there.
  std::mt19937 random(777);
  int kills = 0;
  std::size_t checked_at_kills = 0;
  for (; kills < kKills; ++kills) {
    std::this_thread::sleep_for(std::chrono::milliseconds(kMinKillGapMs + random() % (kMaxKillGapMs - kMinKillGapMs)));
    server->Kill();
    std::unordered_set<std::string> acknowledged;
    {
      std::lock_guard lock(ledger.mutex);
      acknowledged = ledger.acknowledged;
    }
    {
      const store::Database db = OpenDatabase(data_dir);
      const std::unordered_set<std::string> stored = StoredIds(db, "SELECT id FROM sync_items");
      std::size_t missing = 0;
      for (const std::string& id : acknowledged) missing += stored.count(id) ? 0 : 1;
      INFO("after kill " << kills + 1);
      CHECK(missing == 0);
      CHECK(store::IntegrityProblems(db) == "");  // integrity_check "ok", foreign_key_check empty
      checked_at_kills += acknowledged.size();
    }
    server = StartOn(port, data_dir);
  }
  kills_done = true;
  for (std::thread& thread : threads) thread.join();
  server->Kill();  // one last time, with no warning, before looking
  const auto duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);

  for (const Client& client : clients) {
    INFO("client " << client.number << ": " << client.problem);
    CHECK_FALSE(client.gave_up);
  }
  const store::Database db = OpenDatabase(data_dir);
  const std::unordered_set<std::string> stored_items = StoredIds(db, "SELECT id FROM sync_items");
  const std::unordered_set<std::string> stored_ratings = StoredIds(db, "SELECT id FROM ratings");
  std::string error;
  const std::optional<store::ServerCounts> counts = store::CountRows(db, error);
  REQUIRE(counts);
  // Every page and index sound, and no row pointing at one that is not there.
  CHECK(store::IntegrityProblems(db) == "");

  // Every item a client made was acknowledged in the end, and is there exactly once.
  CHECK(static_cast<int>(ledger.acknowledged.size()) == ledger.items);
  std::size_t missing = 0;
  for (const std::string& id : ledger.acknowledged) missing += stored_items.count(id) ? 0 : 1;
  CHECK(missing == 0);
  for (const std::string& id : ledger.rating_ids) missing += stored_ratings.count(id) ? 0 : 1;
  CHECK(missing == 0);
  constexpr int kSetupItems = 6;  // three suggestions and their first ratings
  CHECK(counts->sync_items == ledger.items + kSetupItems);
  CHECK(counts->ratings == static_cast<int>(ledger.rating_ids.size()) + 3);
  CHECK(counts->live_ratings == counts->ratings - static_cast<int>(ledger.withdrawn_ids.size()));

  // Each place's cached profile counts exactly its live ratings.
  for (std::size_t i = 0; i + 1 < place_ids.size(); ++i) {
    const std::optional<store::StoredPlace> place = store::LoadPlace(db, place_ids[i]);
    REQUIRE(place);
    const std::vector<core::Rating> live = store::LiveRatingsOf(db, place_ids[i]);
    CHECK(place->profile.rating_count == static_cast<int>(live.size()));
    CHECK(place->profile == core::Aggregate(live));
  }

  WARN("crash test: " << ledger.items << " items (" << ledger.rating_ids.size() << " ratings, "
                      << ledger.withdrawn_ids.size() << " withdrawn) from " << kClients << " clients in "
                      << ledger.requests << " requests, " << ledger.unanswered << " sent again; " << kills << " kills ("
                      << checked_at_kills << " acknowledged ids checked at the kills, integrity_check \"ok\" after each); " << duration.count() << " ms");
  CHECK(ledger.items >= 2000);
  CHECK(kills == kKills);
  CHECK(duration < kTimeLimit);
}
