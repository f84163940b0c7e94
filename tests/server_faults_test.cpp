// The server meeting faults (issue 9, point 5), with the real safespaces-server and
// safespaces-admin as child processes: a disk that fills up while phones sync (a file-size
// limit, RLIMIT_FSIZE, set on the running server), a data folder it may not write, a backup
// of a live database and its restore, and databases from an older and a newer version.
// Each case checks what a young person's app, an officer or the council would notice.
// Loopback only. Start at the TEST_CASEs; the helpers come first.
#include <httplib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "core/api_error.h"
#include "core/codec.h"
#include "core/profile.h"
#include "core/restore_code.h"
#include "core/sync_protocol.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;
using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::Uuid;

constexpr auto kStartTimeout = 10s;  // for the server to say it is running, or to give up
constexpr int kBatch = 20;           // items a phone sends in one sync

// [SECTION] Programs and files

struct RunningServer {
  std::unique_ptr<ChildProcess> process;
  int port = -1;  // -1 if it did not start
};

// safespaces-server on a free port with its log (stderr) in `log`; `prefix` runs it through
// another program first (setpriv, to drop root's privileges).
RunningServer StartServer(const fs::path& data_dir, const fs::path& log, const std::vector<std::string>& prefix = {},
                          const std::string& binary = SAFESPACES_SERVER_BINARY) {
  std::vector<std::string> argv = prefix;
  for (const std::string& arg : SafeSpacesServerArgs(binary, 0, data_dir)) argv.push_back(arg);
  RunningServer server{std::make_unique<ChildProcess>(argv, log.string())};
  server.port = WaitForServerPort(*server.process, kStartTimeout);
  return server;
}

struct Output {
  int code = -1;
  std::string text;  // standard output and error together, as a person running it sees them
};

std::string Quoted(const std::string& text) { return "'" + text + "'"; }  // our temp paths hold no quote

// safespaces-admin with `arguments`, to the end.
Output RunAdmin(const std::string& arguments) {
  const std::string command = Quoted(SAFESPACES_ADMIN_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  Output output;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.text.append(buffer, read);
  const int status = pclose(pipe);
  output.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

store::Database OpenAsItIs(const fs::path& path) {
  store::OpenOptions options;
  options.access = store::Access::AsItIs;
  std::string error;
  std::optional<store::Database> db = store::Database::Open(path.string(), error, options);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

std::set<std::string> Ids(const store::Database& db, const char* sql) {
  std::set<std::string> ids;
  store::Statement statement = db.Prepare(sql);
  while (statement.Step() == store::StepResult::Row) ids.emplace(statement.ColumnText(0));
  return ids;
}

// The cached profile of `place_id` counts exactly its live ratings: a torn copy or a half
// commit would break this.
void CheckProfileAgrees(const store::Database& db, const std::string& place_id) {
  const std::optional<store::StoredPlace> place = store::LoadPlace(db, place_id);
  REQUIRE(place);
  const std::vector<core::Rating> live = store::LiveRatingsOf(db, place_id);
  CHECK(place->profile == core::Aggregate(live));
}

// [SECTION] Talking to the server

std::unique_ptr<httplib::Client> Http(int port) {
  auto http = std::make_unique<httplib::Client>("127.0.0.1", port);
  http->set_tcp_nodelay(true);
  http->set_connection_timeout(2s);
  http->set_read_timeout(10s);
  return http;
}

json PostSync(httplib::Client& http, const std::string& device_id, const std::vector<core::OutboxItem>& items,
              int* status = nullptr) {
  json list = json::array();
  for (const core::OutboxItem& item : items) list.push_back(core::ToJson(item));
  auto res = http.Post("/api/v1/sync", core::DumpJson({{"device_id", device_id}, {"items", list}}), "application/json");
  if (status) *status = res ? res->status : 0;
  return res ? json::parse(res->body, nullptr, false) : json();
}

// Every approved place the public feed holds, page after page.
json WholeFeed(httplib::Client& http) {
  json places = json::array();
  std::string since;
  for (int page = 0; page < 100; ++page) {
    auto res = http.Get(("/api/v1/places?limit=1000" + (since.empty() ? "" : "&since=" + since)).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const json body = json::parse(res->body);
    for (const json& place : body["places"]) places.push_back(place);
    if (!body.value("more", false)) break;
    since = body["cursor"].get<std::string>();
  }
  return places;
}

// A phone as the app behaves (client_data.cpp, HandleSyncAnswer): its items stay in its
// outbox until a 200 says each was accepted; any other answer keeps them all for later.
struct Phone {
  std::string device_id;
  std::string place_id;  // the place it rates
  std::uint64_t next_id = 0;
  std::vector<core::OutboxItem> outbox;
  std::vector<std::string> made;  // every item it ever made
  std::set<std::string> acknowledged;
  int full_answers = 0;  // 503 "server_storage_full"
  std::string problem;   // anything a phone should never see; Catch2 checks on the main thread only

  void MakeRatings(int count) {
    for (int i = 0; i < count; ++i) {
      const std::uint64_t number = next_id++;
      core::Rating rating = MakeRating(Uuid(number), place_id, device_id, static_cast<unsigned>(number));
      rating.comment = "It is calm here, the staff are kind and nobody rushes me. I can sit by the window and read.";
      made.push_back(rating.id);
      outbox.push_back({std::move(rating)});
    }
  }

  // One sync of up to kBatch items; the HTTP status, 0 when there was no answer.
  int Send(httplib::Client& http) {
    const std::size_t size = std::min<std::size_t>(outbox.size(), kBatch);
    const std::vector<core::OutboxItem> batch(outbox.begin(), outbox.begin() + static_cast<std::ptrdiff_t>(size));
    int status = 0;
    const json answer = PostSync(http, device_id, batch, &status);
    if (status == 200) {
      std::set<std::string> taken;
      for (const json& result : answer["results"]) {
        const std::string id = result["id"], outcome = result["status"];
        if (outcome == "accepted" || outcome == "already_accepted") {
          taken.insert(id);
        } else if (problem.empty()) {
          problem = "an item was not accepted: " + result.dump();
        }
      }
      acknowledged.insert(taken.begin(), taken.end());
      std::erase_if(outbox, [&](const core::OutboxItem& item) { return taken.contains(item.ItemId()); });
    } else if (status == 503) {
      const std::optional<core::ApiError> error = core::ErrorFromJson(answer.is_object() ? answer.dump() : "");
      if (!error || error->code != core::ErrorCode::StorageFull || error->message != core::ServerStorageFull().message) {
        if (problem.empty()) problem = "a 503 without the words about space: " + answer.dump();
      }
      ++full_answers;
    } else if (status != 0 && problem.empty()) {
      problem = "HTTP " + std::to_string(status) + ": " + answer.dump();
    }
    return status;
  }
};

// Suggests `place_id` from a device of its own, so phones have a place to rate.
void SuggestPlace(httplib::Client& http, const std::string& place_id, const std::string& device_id, unsigned seed) {
  int status = 0;
  PostSync(http, device_id, {core::OutboxItem{MakeSuggestion(place_id, device_id, Uuid(0x7000 + seed), seed)}}, &status);
  REQUIRE(status == 200);
}

// [SECTION] Privileges

// Who the server runs as when a folder must be out of its reach: as root nothing is, so
// the child drops to nobody (setpriv, util-linux); any other user is already held back by
// the folder's mode.
std::vector<std::string> UnprivilegedPrefix() {
  if (geteuid() != 0) return {};
  return {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
}

}  // namespace

// [SECTION] A full disk

TEST_CASE("a disk that fills up while phones sync: a 503 in words, reads go on, nothing acknowledged is lost",
          "[server][process][faults]") {
  TempDir root;
  const fs::path data = root.Path() / "data";
  const fs::path log = root.Path() / "server.log";
  REQUIRE(RunAdmin("demo --data " + Quoted(data.string()) + " --places 60").code == 0);
  RunningServer server = StartServer(data, log);
  REQUIRE(server.port > 0);
  const std::string place_id = Uuid(0x500);
  SuggestPlace(*Http(server.port), place_id, Uuid(0xFEED), 1);

  // The files may grow this much more, then every write past it fails with EFBIG, as on
  // a full disk (the server ignores SIGXFSZ). Only the soft limit, so it can be lifted.
  constexpr std::uintmax_t kRoomBytes = 512 * 1024;  // bytes the database's files may still grow
  std::uintmax_t biggest = fs::file_size(data / "safespaces.db");
  if (fs::exists(data / "safespaces.db-wal")) biggest = std::max(biggest, fs::file_size(data / "safespaces.db-wal"));
  rlimit before{};
  REQUIRE(prlimit(server.process->Pid(), RLIMIT_FSIZE, nullptr, &before) == 0);
  const rlimit full{static_cast<rlim_t>(biggest + kRoomBytes), before.rlim_max};
  REQUIRE(prlimit(server.process->Pid(), RLIMIT_FSIZE, &full, nullptr) == 0);

  // Phones sync until each has been told a few times that the server is full.
  constexpr int kPhones = 4;
  constexpr int kFullAnswersEach = 3;
  std::vector<Phone> phones(kPhones);
  std::vector<std::thread> threads;
  const auto deadline = std::chrono::steady_clock::now() + 40s;
  for (int i = 0; i < kPhones; ++i) {
    phones[i].device_id = Uuid(0xC000 + i);
    phones[i].place_id = place_id;
    phones[i].next_id = 0x100000ull * (i + 1);
    threads.emplace_back([&phone = phones[i], &server, deadline] {
      auto http = Http(server.port);
      while (phone.full_answers < kFullAnswersEach && phone.problem.empty() &&
             std::chrono::steady_clock::now() < deadline) {
        if (phone.outbox.size() < kBatch) phone.MakeRatings(kBatch);
        if (phone.Send(*http) != 200) std::this_thread::sleep_for(20ms);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Phone& phone : phones) {
    INFO("phone " << phone.device_id << ": " << phone.problem);
    CHECK(phone.problem.empty());
    CHECK(phone.full_answers >= kFullAnswersEach);  // told, in words, and kept its items
    CHECK_FALSE(phone.outbox.empty());
  }

  // Still full: the map and the health check are served; another write gets the same 503.
  {
    auto http = Http(server.port);
    auto health = http->Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(WholeFeed(*http).size() == 60);
    // A phone's whole batch again (a smaller commit may still fit in what is left).
    const std::vector<core::OutboxItem> batch(phones[0].outbox.begin(), phones[0].outbox.begin() + kBatch);
    int status = 0;
    const json answer = PostSync(*http, phones[0].device_id, batch, &status);
    CHECK(status == 503);
    CHECK(answer.dump() == core::DumpJson({{"error", json::parse(core::ErrorToJson(core::ServerStorageFull()))["error"]}}));
    WARN("a sync while the disk is full: HTTP " << status << " " << answer.dump());
  }
  // The officer running the server reads what happened, once, in words.
  const std::string full_words = "is full, or a limit on file sizes or disk space was reached (the system says: File "
                                 "too large). Nothing new can be saved until there is room";
  std::string log_text = ReadBytes(log);
  INFO(log_text.substr(log_text.size() > 3000 ? log_text.size() - 3000 : 0));
  CHECK(Count(log_text, full_words) == 1);
  for (std::size_t at = log_text.find(full_words), start = log_text.rfind('\n', at); at != std::string::npos;) {
    WARN("the server's log says: " << log_text.substr(start + 1, log_text.find('\n', at) - start - 1));
    break;
  }

  // Room again (the limit lifted on the running server): the phones' kept items go through.
  REQUIRE(prlimit(server.process->Pid(), RLIMIT_FSIZE, &before, nullptr) == 0);
  {
    auto http = Http(server.port);
    for (Phone& phone : phones) {
      for (int tries = 0; !phone.outbox.empty() && tries < 200; ++tries) phone.Send(*http);
      INFO(phone.problem);
      CHECK(phone.outbox.empty());
    }
  }
  log_text = ReadBytes(log);
  CHECK(Count(log_text, "The database can save again") == 1);
  CHECK(server.process->Stop(10s));

  // Restarted without any limit: it takes more, and the file is sound.
  server = StartServer(data, log);
  REQUIRE(server.port > 0);
  {
    auto http = Http(server.port);
    phones[0].MakeRatings(kBatch);
    CHECK(phones[0].Send(*http) == 200);
    CHECK(phones[0].outbox.empty());
  }
  CHECK(server.process->Stop(10s));

  const store::Database db = OpenAsItIs(data / "safespaces.db");
  CHECK(store::IntegrityProblems(db).empty());
  const std::set<std::string> stored = Ids(db, "SELECT id FROM sync_items");
  const std::set<std::string> ratings = Ids(db, "SELECT id FROM ratings WHERE place_id = '00000000-0000-7000-8000-000000000500'");
  std::size_t made = 0, missing = 0, acknowledged = 0;
  for (const Phone& phone : phones) {
    made += phone.made.size();
    acknowledged += phone.acknowledged.size();
    for (const std::string& id : phone.made) missing += stored.contains(id) ? 0 : 1;
  }
  CHECK(missing == 0);
  CHECK(acknowledged == made);
  CHECK(ratings.size() == made + 1);  // each once, and the suggestion's own rating
  CheckProfileAgrees(db, place_id);
  WARN("full disk: " << made << " ratings from " << kPhones << " phones, each told " << kFullAnswersEach
                     << "+ times that the server was full; all stored once after the limit went");
}

// [SECTION] A data folder the server may not write

TEST_CASE("a data folder the server may not write: one line saying where and what to do, and nothing changed",
          "[server][process][faults]") {
  const std::vector<std::string> prefix = UnprivilegedPrefix();
  if (geteuid() == 0 && !fs::exists(prefix.front())) {
    WARN("running as root without " << prefix.front() << ": cannot drop privileges, so this case is not run");
    return;
  }
  TempDir root;
  fs::permissions(root.Path(), fs::perms(0755));  // nobody may look in, not write
  // A copy of the server where nobody may run it (the build folder may be in root's home).
  const fs::path binary = root.Path() / "safespaces-server";
  fs::copy_file(SAFESPACES_SERVER_BINARY, binary);
  fs::permissions(binary, fs::perms(0755));
  const std::string fix_folder = "Give the user that runs the server write access, or choose another folder with --data.";
  const std::string fix_file =
      "Give the user that runs the server write access to it, or choose another folder with --data.";

  struct Case {
    const char* what;
    fs::path data_dir;
    std::string expected;
  };
  // A locked folder it would have to create its data folder in; a data folder it cannot
  // write; a database in such a folder; a database file it cannot write in a folder it can.
  const fs::path locked = root.Path() / "locked";
  const fs::path empty = root.Path() / "empty";
  const fs::path kept = root.Path() / "kept";
  const fs::path read_only_file = root.Path() / "read-only-file";
  fs::create_directories(locked);
  fs::create_directories(empty);
  for (const fs::path& folder : {kept, read_only_file})
    REQUIRE(RunAdmin("demo --data " + Quoted(folder.string()) + " --places 5").code == 0);
  fs::permissions(locked, fs::perms(0555));
  fs::permissions(empty, fs::perms(0555));
  fs::permissions(kept, fs::perms(0555));
  fs::permissions(kept / "safespaces.db", fs::perms(0666));  // only the folder is in the way
  fs::permissions(read_only_file, fs::perms(0777));
  fs::permissions(read_only_file / "safespaces.db", fs::perms(0444));

  const std::vector<Case> cases = {
      {"a data folder it cannot create", locked / "data",
       "Safe Spaces cannot write to its data folder " + (locked / "data").string() + " (permission denied). " + fix_folder},
      {"a new data folder it cannot write", empty,
       "Safe Spaces cannot write to its data folder " + empty.string() + " (permission denied). " + fix_folder},
      {"a database in a folder it cannot write", kept,
       "Safe Spaces cannot write to its data folder " + kept.string() + " (permission denied). " + fix_folder},
      {"a database file it cannot write", read_only_file,
       "Safe Spaces cannot write to its database " + (read_only_file / "safespaces.db").string() +
           " (permission denied). " + fix_file},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const fs::path db_path = c.data_dir / "safespaces.db";
    const std::string bytes_before = fs::exists(db_path) ? ReadBytes(db_path) : "";
    const fs::path log = root.Path() / (std::string(c.what) + ".log");
    RunningServer server = StartServer(c.data_dir, log, prefix, binary.string());
    CHECK(server.port == -1);
    CHECK(server.process->WaitForExit(kStartTimeout) == 1);
    const std::string log_text = ReadBytes(log);
    CHECK(Count(log_text, "\n") == 1);  // one line: the time, then what to do
    CHECK(log_text.substr(log_text.find(' ') + 1) == c.expected + "\n");
    WARN(c.what << ": " << log_text);
    if (!bytes_before.empty()) {
      CHECK(ReadBytes(db_path) == bytes_before);  // byte for byte
      CHECK_FALSE(fs::exists(c.data_dir / "safespaces.db-wal"));
    } else {
      CHECK_FALSE(fs::exists(db_path));
    }
  }
  fs::permissions(locked, fs::perms(0755));  // so TempDir can clear up
  fs::permissions(empty, fs::perms(0755));
  fs::permissions(kept, fs::perms(0755));
}

// [SECTION] Backup and restore

TEST_CASE("a backup of a live database while phones sync: consistent, checked, refused over a running server, "
          "restored and served the same",
          "[server][process][faults][backup]") {
  TempDir root;
  const fs::path data = root.Path() / "data";
  const fs::path copy = root.Path() / "backup.db";
  REQUIRE(RunAdmin("demo --data " + Quoted(data.string()) + " --places 2000 --ratings 4000").code == 0);
  RunningServer server = StartServer(data, root.Path() / "server.log");
  REQUIRE(server.port > 0);
  auto http = Http(server.port);

  // A young person's three suggestions: one approved, one not added with a reason, one waiting.
  const std::string young_person = Uuid(0xABC);
  for (unsigned i = 0; i < 3; ++i) SuggestPlace(*http, Uuid(0x600 + i), young_person, 10 + i);
  CHECK(RunAdmin("approve --data " + Quoted(data.string()) + " " + Uuid(0x600)).code == 0);
  CHECK(RunAdmin("reject --data " + Quoted(data.string()) + " " + Uuid(0x601) + " already_on_map").code == 0);
  // The place the phones rate is a suggestion nobody approved: the public feed stays still.
  const std::string rated_place = Uuid(0x500);
  SuggestPlace(*http, rated_place, Uuid(0xFEED), 1);
  const json feed_before = WholeFeed(*http);
  const json yours_before = PostSync(*http, young_person, {})["yours"];
  REQUIRE(feed_before.size() == 2001);
  REQUIRE(yours_before.size() == 3);

  // Phones sync all the time the backup runs.
  constexpr int kPhones = 4;
  std::mutex mutex;
  std::set<std::string> acknowledged;  // by any phone, so far
  std::atomic<bool> stop{false};
  std::vector<Phone> phones(kPhones);
  std::vector<std::thread> threads;
  for (int i = 0; i < kPhones; ++i) {
    phones[i].device_id = Uuid(0xD000 + i);
    phones[i].place_id = rated_place;
    phones[i].next_id = 0x200000ull * (i + 1);
    threads.emplace_back([&, &phone = phones[i]] {
      auto client = Http(server.port);
      while (!stop && phone.problem.empty()) {
        if (phone.outbox.empty()) phone.MakeRatings(kBatch);
        if (phone.Send(*client) == 200) {
          std::lock_guard lock(mutex);
          acknowledged.insert(phone.acknowledged.begin(), phone.acknowledged.end());
        }
        std::this_thread::sleep_for(2ms);
      }
    });
  }
  auto acknowledged_now = [&] {
    std::lock_guard lock(mutex);
    return acknowledged;
  };
  while (acknowledged_now().size() < 200) std::this_thread::sleep_for(10ms);

  const std::set<std::string> before_backup = acknowledged_now();
  const auto started = std::chrono::steady_clock::now();
  // Small steps, so the copy takes long enough for many syncs to land in the middle of it.
  const Output backup =
      RunAdmin("backup --data " + Quoted(data.string()) + " --to " + Quoted(copy.string()) + " --pages-per-step 16");
  const double backup_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const std::set<std::string> after_backup = acknowledged_now();
  stop = true;
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> made;
  for (const Phone& phone : phones) {
    INFO(phone.problem);
    CHECK(phone.problem.empty());
    made.insert(phone.made.begin(), phone.made.end());
  }
  INFO(backup.text);
  REQUIRE(backup.code == 0);
  CHECK(backup.text.find("The copy passed its integrity check.") != std::string::npos);
  CHECK(after_backup.size() > before_backup.size());  // the server took syncs while it copied

  // The copy: sound, every item acknowledged before it began, nothing invented, and each
  // cached profile agreeing with its ratings (one moment's snapshot, not a torn one).
  {
    const store::Database db = OpenAsItIs(copy);
    CHECK(store::IntegrityProblems(db).empty());
    const std::set<std::string> stored = Ids(db, "SELECT id FROM sync_items");
    std::size_t missing = 0, invented = 0;
    for (const std::string& id : before_backup) missing += stored.contains(id) ? 0 : 1;
    const std::set<std::string> rated =
        Ids(db, "SELECT id FROM ratings WHERE place_id = '00000000-0000-7000-8000-000000000500'");
    for (const std::string& id : rated) invented += made.contains(id) || id == Uuid(0x7001) ? 0 : 1;
    CHECK(missing == 0);
    CHECK(invented == 0);
    CheckProfileAgrees(db, rated_place);
    WARN("backup of a " << fs::file_size(copy) / 1024 << " KB database in " << backup_ms << " ms while " << kPhones
                        << " phones synced: " << before_backup.size() << " items acknowledged before it began, "
                        << after_backup.size() - before_backup.size() << " more during it; the copy holds " << rated.size() - 1
                        << " of the phones' ratings (the database as it was when the copy began).\n"
                        << backup.text);
  }

  // Restore over the running server: refused, and nothing changed.
  {
    const Output refused = RunAdmin("restore --data " + Quoted(data.string()) + " --from " + Quoted(copy.string()));
    INFO(refused.text);
    CHECK(refused.code == 1);
    CHECK(refused.text == "A Safe Spaces server (or another program) is using " + (data / "safespaces.db").string() +
                              ". Stop the server first, then restore again. Nothing was changed.\n");
    CHECK_FALSE(fs::exists(data / "safespaces.db.before-restore"));
    WARN("restore while the server runs: " << refused.text);
  }

  // Restored into a new folder and served: the same public map, the same "yours".
  const fs::path elsewhere = root.Path() / "restored";
  {
    const Output restored = RunAdmin("restore --data " + Quoted(elsewhere.string()) + " --from " + Quoted(copy.string()));
    INFO(restored.text);
    CHECK(restored.code == 0);
    CHECK(restored.text.starts_with("Restored "));
    RunningServer second = StartServer(elsewhere, root.Path() / "restored.log");
    REQUIRE(second.port > 0);
    auto second_http = Http(second.port);
    CHECK(WholeFeed(*second_http) == feed_before);
    CHECK(PostSync(*second_http, young_person, {})["yours"] == yours_before);
    CHECK(second.process->Stop(10s));
  }

  // Restored over the first folder once its server stopped: what was there is kept, whole.
  CHECK(server.process->Stop(10s));
  const Output restored = RunAdmin("restore --data " + Quoted(data.string()) + " --from " + Quoted(copy.string()));
  INFO(restored.text);
  CHECK(restored.code == 0);
  CHECK(restored.text.find("The database that was there is kept as " + (data / "safespaces.db.before-restore").string()) !=
        std::string::npos);
  WARN("restore over a stopped server's folder:\n" << restored.text);
  const store::Database kept = OpenAsItIs(data / "safespaces.db.before-restore");
  CHECK(store::IntegrityProblems(kept).empty());
  const std::set<std::string> kept_ids = Ids(kept, "SELECT id FROM sync_items");
  std::size_t lost = 0;
  for (const std::string& id : after_backup) lost += kept_ids.contains(id) ? 0 : 1;
  CHECK(lost == 0);
}

TEST_CASE("a damaged or foreign backup is refused before anything changes", "[server][process][faults][backup]") {
  TempDir root;
  const fs::path data = root.Path() / "data";
  REQUIRE(RunAdmin("demo --data " + Quoted(data.string()) + " --places 5").code == 0);
  const std::string bytes_before = ReadBytes(data / "safespaces.db");
  const fs::path not_sqlite = root.Path() / "notes.db";
  WriteFile(not_sqlite, "These are not the places you are looking for.\n");
  const fs::path other_sqlite = root.Path() / "other.db";
  {
    std::string error;
    std::optional<store::Database> other = store::Database::Open(other_sqlite.string(), error, {.schema = store::Schema::Device});
    REQUIRE(other);
  }
  for (const fs::path& backup : {not_sqlite, other_sqlite, root.Path() / "missing.db"}) {
    const Output refused = RunAdmin("restore --data " + Quoted(data.string()) + " --from " + Quoted(backup.string()));
    INFO(refused.text);
    CHECK(refused.code == 1);
    CHECK(refused.text.find("Nothing was changed.") != std::string::npos);
    WARN("restore from " << backup.filename().string() << ": " << refused.text);
  }
  CHECK(ReadBytes(data / "safespaces.db") == bytes_before);
  CHECK_FALSE(fs::exists(data / "safespaces.db.before-restore"));
}

// [SECTION] Older and newer databases

TEST_CASE("the server starts on a database of schema 5, brings it up to date and keeps every row",
          "[server][process][faults][migrations]") {
  TempDir root;
  const fs::path data = root.Path() / "data";
  fs::create_directories(data);
  constexpr int kOldVersion = 5;  // 0005_restore_codes.sql: places, ratings and restore codes exist

  // The rows a schema-5 server wrote: an approved place (its cached profile and feed entry
  // as that server stored them), its first rating, both items, and a restore code.
  const std::string device_id = Uuid(0xD1);
  const core::Suggestion suggestion = MakeSuggestion(Uuid(0x501), device_id, Uuid(0x502), 3);
  const core::Rating& rating = suggestion.first_rating;
  const core::InclusionProfile profile = core::Aggregate(std::vector<core::Rating>{rating});
  core::PublicPlace entry;
  entry.place = {suggestion.id, suggestion.name, suggestion.category, suggestion.lat, suggestion.lon,
                 suggestion.address, "", core::PlaceStatus::Approved, ""};
  entry.profile = profile;
  const std::string code = "otter-maple-lantern-cocoa";
  REQUIRE(core::NormaliseRestoreCode(code) == code);
  {
    const store::Database db = OpenAsItIs(data / "safespaces.db");
    std::vector<fs::path> files;
    for (const auto& file : fs::directory_iterator(fs::path(SAFESPACES_MIGRATIONS_DIR) / "server"))
      files.push_back(file.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= static_cast<std::size_t>(kOldVersion));
    std::string error;
    for (int version = 1; version <= kOldVersion; ++version) {
      INFO(files[version - 1].string() << ": " << error);
      REQUIRE(db.Exec("BEGIN", error));
      REQUIRE(db.Exec(ReadBytes(files[version - 1]), error));
      REQUIRE(db.Exec("PRAGMA user_version = " + std::to_string(version), error));
      REQUIRE(db.Exec("COMMIT", error));
    }
    // The profile as the server keeps it (server_store.cpp, ProfileBlob): its counters in
    // order, four bytes each, least significant first. Old databases hold exactly this.
    std::string blob;
    auto put = [&blob](int value) {
      for (int shift = 0; shift < 32; shift += 8) blob += static_cast<char>((static_cast<std::uint32_t>(value) >> shift) & 0xFF);
    };
    put(profile.rating_count);
    for (const core::ScaleSummary& scale : profile.scales) {
      put(scale.count);
      for (int faces : scale.distribution) put(faces);
    }
    for (const core::FacilitySummary& facility : profile.facilities) {
      put(facility.yes);
      put(facility.no);
      put(facility.not_sure);
    }
    std::string facilities;
    for (core::Answer answer : rating.facilities) facilities += static_cast<char>(answer);
    auto run = [](store::Statement& statement) {  // a statement with its values bound
      INFO(statement.Error());
      REQUIRE(statement.Step() == store::StepResult::Done);
    };
    store::Statement counters = db.Prepare("UPDATE counters SET value = 1 WHERE name = 'change_seq'");
    run(counters);
    run(db.Prepare("INSERT INTO places (id, name, category, lat, lon, address, status, device_id, why, "
                             "first_rating_id, profile, change_seq, approved_seq, feed_json, reasons) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'approved', ?7, ?8, ?9, ?10, 1, 1, ?11, 'quiet')")
                      .BindText(1, suggestion.id)
                      .BindText(2, suggestion.name)
                      .BindText(3, core::CategoryName(suggestion.category))
                      .BindDouble(4, suggestion.lat)
                      .BindDouble(5, suggestion.lon)
                      .BindText(6, suggestion.address)
                      .BindText(7, device_id)
                      .BindText(8, suggestion.why)
                      .BindText(9, rating.id)
                      .BindBlob(10, blob)
                      .BindText(11, core::DumpJson(core::ToJson(entry))));
    run(db.Prepare("INSERT INTO ratings (id, place_id, device_id, scales, facilities, comment, visit_month) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                      .BindText(1, rating.id)
                      .BindText(2, suggestion.id)
                      .BindText(3, device_id)
                      .BindBlob(4, std::string(reinterpret_cast<const char*>(rating.scales.data()), rating.scales.size()))
                      .BindBlob(5, facilities)
                      .BindText(6, rating.comment)
                      .BindText(7, rating.visit_month));
    run(db.Prepare("INSERT INTO sync_items (id, device_id, kind, accepted_at) VALUES "
                             "(?1, ?3, 'suggestion', 1717000000), (?2, ?3, 'rating', 1717000000)")
                      .BindText(1, suggestion.id)
                      .BindText(2, rating.id)
                      .BindText(3, device_id));
    run(db.Prepare("INSERT INTO device_codes (code_hash, device_id, created_at) VALUES (?1, ?2, 1717000000)")
                      .BindText(1, core::RestoreCodeHash(code))
                      .BindText(2, device_id));
    REQUIRE(db.SchemaVersion() == kOldVersion);
  }

  const fs::path log = root.Path() / "server.log";
  RunningServer server = StartServer(data, log);
  INFO(ReadBytes(log));
  REQUIRE(server.port > 0);
  auto http = Http(server.port);
  auto health = http->Get("/api/v1/health");
  REQUIRE(health);
  CHECK(json::parse(health->body)["schema_version"] == store::LatestSchemaVersion());
  const json feed = WholeFeed(*http);
  REQUIRE(feed.size() == 1);
  CHECK(feed[0]["id"] == suggestion.id);
  CHECK(feed[0]["name"] == suggestion.name);
  CHECK(feed[0]["profile"]["rating_count"] == 1);
  // The restore code still finds the device, with its place and rating.
  auto restore = http->Post("/api/v1/restore", core::DumpJson({{"code", code}}), "application/json");
  REQUIRE(restore);
  INFO(restore->body);
  CHECK(restore->status == 200);
  const json restored = json::parse(restore->body);
  CHECK(restored["device_id"] == device_id);
  CHECK(restored["items"].dump().find(rating.id) != std::string::npos);
  // And it goes on from there: a new rating of the old place counts with the old one.
  int status = 0;
  PostSync(*http, device_id, {core::OutboxItem{MakeRating(Uuid(0x503), suggestion.id, device_id, 7)}}, &status);
  CHECK(status == 200);
  CHECK(server.process->Stop(10s));

  const store::Database db = OpenAsItIs(data / "safespaces.db");
  CHECK(db.SchemaVersion() == store::LatestSchemaVersion());
  CHECK(store::IntegrityProblems(db).empty());
  const std::optional<store::StoredPlace> place = store::LoadPlace(db, suggestion.id);
  REQUIRE(place);
  CHECK(place->place.name == suggestion.name);
  CHECK(place->place.status == core::PlaceStatus::Approved);
  CHECK(place->device_id == device_id);
  CHECK(place->profile.rating_count == 2);
  CheckProfileAgrees(db, suggestion.id);
  CHECK(Ids(db, "SELECT id FROM sync_items").size() == 3);
  CHECK(Ids(db, "SELECT device_id FROM device_codes") == std::set<std::string>{device_id});
  WARN("schema " << kOldVersion << " to " << db.SchemaVersion() << ": the place, its rating and the restore code kept");
}

TEST_CASE("a database from a newer version is refused in words and left byte for byte as it was",
          "[server][process][faults][migrations]") {
  TempDir root;
  const fs::path data = root.Path() / "data";
  const int newer = store::LatestSchemaVersion() + 1;
  {
    REQUIRE(RunAdmin("demo --data " + Quoted(data.string()) + " --places 5").code == 0);
    const store::Database db = OpenAsItIs(data / "safespaces.db");
    std::string error;
    REQUIRE(db.Exec("PRAGMA journal_mode = DELETE", error));  // one file, to compare byte for byte
    REQUIRE(db.Exec("PRAGMA user_version = " + std::to_string(newer), error));
  }
  const std::string bytes_before = ReadBytes(data / "safespaces.db");
  const fs::path log = root.Path() / "server.log";
  RunningServer server = StartServer(data, log);
  CHECK(server.port == -1);
  CHECK(server.process->WaitForExit(kStartTimeout) == 1);
  const std::string log_text = ReadBytes(log);
  CHECK(log_text.find("was made by a newer version of Safe Spaces (schema " + std::to_string(newer) +
                      "; this program knows up to " + std::to_string(newer - 1) +
                      "). Please update Safe Spaces, or use another data folder.") != std::string::npos);
  WARN("a newer database: " << log_text);
  CHECK(ReadBytes(data / "safespaces.db") == bytes_before);
  CHECK_FALSE(fs::exists(data / "safespaces.db-wal"));
}
