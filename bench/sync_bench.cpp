// safespaces-bench: how fast the real safespaces-server takes ratings (POST /api/v1/sync,
// one item and 100 items per request) and serves sync pulls (GET /api/v1/places), each
// printed beside what this machine manages at all in the same run: an empty handler, a
// static file the size of a page of places, a bare SQLite insert loop with the server's
// durability (WAL, synchronous=FULL), json-server (npm) serving the same places from a
// db.json (the peer a web developer would reach for) and, when installed, nginx with wrk
// and with this program's own load. With --series, the same at 1 to 64 clients; with
// --json, every figure for tools/bench-report.mjs. A benchmark, not a test: it prints a
// table and never fails on a number. Run it with tools/bench.sh or tools/bench-compare.sh.
// Start at main(); the load itself is RunLoad.
#include <httplib.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "child_process.h"
#include "core/codec.h"
#include "core/model.h"
#include "core/sync_protocol.h"
#include "core/uuid.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"
#include "machine_facts.h"
#include "server_log.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// [SECTION] Settings

struct Settings {
  std::string server_binary = SAFESPACES_SERVER_BINARY;
  std::filesystem::path web_dist = SAFESPACES_WEB_DIST;  // the built web client, served if it exists
  double warmup_seconds = 1.0;                           // s of load before measuring starts
  double seconds = 4.0;                                  // s measured, per scenario
  int places = 5000;                                     // approved places in the database
  bool nginx = true;                                     // nginx + wrk baseline, if installed
  std::string only = "abcdefg";                          // the scenarios to run, by letter
  std::vector<int> series;                               // client counts for the scaling series; empty: none
  std::string json_path;                                 // every figure as JSON, when set
  std::filesystem::path json_server = SAFESPACES_JSON_SERVER;    // json-server's command-line script (npm)
  std::filesystem::path peer_dir = SAFESPACES_PEER_JSON_SERVER;  // make-db.mjs and routes.json
};

constexpr int kPageLimit = 500;                           // places per pull: the client's page size
constexpr int kBatchItems = 100;                          // items in one batched sync: the server's maximum
constexpr int kSeedBatch = 100;                           // suggestions per request while seeding
constexpr int kFewClients = 16;                           // clients for most scenarios
constexpr int kManyClients = 64;                          // DESIGN.md plans for 64 syncing devices
constexpr int kRowsPerTransaction = 100;                  // the batched SQLite baseline, to match kBatchItems
const char* const kCursorPastTheEnd = "999999999999";     // a valid cursor after every change: no places in the answer
const char* const kPageFile = "/bench/places-page.json";  // in the --web dir: a page of places, as a file
const char* const kJsonServerPage = "/api/v1/places?_limit=500&_page=";  // json-server's own paging, kPageLimit a page

// [SECTION] Machine facts

// CPU time of the calling thread, in microseconds.
double ThreadCpuMicros() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

// [SECTION] Measuring

// One scenario's figures. A unit is what the scenario counts: an accepted rating, a pull,
// a file, a row.
struct Result {
  std::string label;
  std::string unit;
  int clients = 0;
  double seconds = 0;
  long requests = 0;  // requests (or transactions) completed inside the window
  long units = 0;
  long errors = 0;
  double bytes_per_answer = 0;
  double p50_ms = 0, p99_ms = 0;
  double cpu_us = -1;   // CPU time of the server (or of the SQLite loop) in the window; -1: not known
  std::string problem;  // the first error seen, if any
  std::string key;      // its stable name in the JSON, e.g. "ratings_1.ours" (see WriteJson)
  double PerSecond() const { return seconds > 0 ? static_cast<double>(units) / seconds : 0; }
  double CpuMicrosPerUnit() const { return cpu_us >= 0 && units > 0 ? cpu_us / static_cast<double>(units) : -1; }
};

// What one request gave: how many units it achieved, and whether all went as expected.
struct Outcome {
  int units = 0;
  std::size_t bytes = 0;
  std::string problem;  // empty when all is well
};

// One client's request, called again and again on its own keep-alive connection.
using Step = std::function<Outcome(httplib::Client&)>;

// Sorted latencies in microseconds -> the value at fraction q, in ms.
double PercentileMs(const std::vector<std::uint32_t>& sorted_us, double q) {
  if (sorted_us.empty()) return 0;
  const auto at = static_cast<std::size_t>(q * static_cast<double>(sorted_us.size() - 1) + 0.5);
  return sorted_us[std::min(at, sorted_us.size() - 1)] / 1000.0;
}

void Summarise(Result& result, std::vector<std::uint32_t>& latencies_us) {
  std::sort(latencies_us.begin(), latencies_us.end());
  result.p50_ms = PercentileMs(latencies_us, 0.50);
  result.p99_ms = PercentileMs(latencies_us, 0.99);
}

httplib::Client MakeClient(int port) {
  httplib::Client http("127.0.0.1", port);
  http.set_keep_alive(true);
  http.set_tcp_nodelay(true);  // else Nagle meets delayed ACKs: ~40 ms per request (TOOLCHAIN.md)
  http.set_connection_timeout(5s);
  http.set_read_timeout(20s);
  http.set_write_timeout(20s);
  // The same bytes on the wire for the API and the static file: no gzip copy of the file.
  http.set_default_headers({{"Accept-Encoding", "identity"}});
  return http;
}

// `clients` threads, each with its own keep-alive connection and Step (from make_step),
// for warm-up + measured seconds. Counts what completes inside the measured window.
Result RunLoad(const Settings& settings, std::string label, std::string unit, pid_t server, int port, int clients,
               const std::function<Step(int client)>& make_step) {
  Result result{std::move(label), std::move(unit), clients, settings.seconds};
  const auto start = Clock::now();
  const auto window_start =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings.warmup_seconds));
  const auto window_end =
      window_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings.seconds));
  struct PerClient {
    std::vector<std::uint32_t> latencies_us;
    long requests = 0, units = 0, errors = 0;
    double bytes = 0;
    std::string problem;
  };
  std::vector<PerClient> per_client(static_cast<std::size_t>(clients));
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      PerClient& mine = per_client[static_cast<std::size_t>(i)];
      mine.latencies_us.reserve(1 << 16);
      httplib::Client http = MakeClient(port);
      Step step = make_step(i);
      for (;;) {
        const auto sent = Clock::now();
        if (sent >= window_end) break;
        Outcome outcome = step(http);
        const auto answered = Clock::now();
        if (answered < window_start || answered > window_end) continue;
        ++mine.requests;
        mine.units += outcome.units;
        mine.bytes += static_cast<double>(outcome.bytes);
        const auto took_us = std::chrono::duration_cast<std::chrono::microseconds>(answered - sent).count();
        mine.latencies_us.push_back(static_cast<std::uint32_t>(took_us));
        if (!outcome.problem.empty()) {
          ++mine.errors;
          if (mine.problem.empty())
            mine.problem = outcome.problem + " after " + std::to_string(took_us / 1000) + " ms, request " +
                           std::to_string(mine.requests) + " of client " + std::to_string(i);
        }
      }
    });
  }
  std::this_thread::sleep_until(window_start);
  const double cpu_before = server > 0 ? ProcessCpuMicros(server) : 0;
  std::this_thread::sleep_until(window_end);
  result.cpu_us = server > 0 ? ProcessCpuMicros(server) - cpu_before : -1;  // nginx's workers: not one process
  for (std::thread& thread : threads) thread.join();
  std::vector<std::uint32_t> latencies_us;
  double bytes = 0;
  for (PerClient& mine : per_client) {
    result.requests += mine.requests;
    result.units += mine.units;
    result.errors += mine.errors;
    bytes += mine.bytes;
    if (result.problem.empty()) result.problem = mine.problem;
    latencies_us.insert(latencies_us.end(), mine.latencies_us.begin(), mine.latencies_us.end());
  }
  result.bytes_per_answer = result.requests ? bytes / static_cast<double>(result.requests) : 0;
  Summarise(result, latencies_us);
  return result;
}

// [SECTION] Requests

std::string Describe(const httplib::Result& res) {
  if (!res) return "no answer (" + httplib::to_string(res.error()) + ")";
  return "status " + std::to_string(res->status) + ": " + res->body.substr(0, 200);
}

// GET `path`; one unit when the answer is 200 with `expected_bytes` (0: any size).
Step GetStep(std::string path, std::size_t expected_bytes = 0) {
  return [path = std::move(path), expected_bytes](httplib::Client& http) {
    auto res = http.Get(path.c_str());
    if (!res || res->status != 200) return Outcome{0, 0, Describe(res)};
    if (expected_bytes && res->body.size() != expected_bytes)
      return Outcome{0, res->body.size(), "a body of " + std::to_string(res->body.size()) + " bytes"};
    return Outcome{1, res->body.size(), ""};
  };
}

std::array<std::uint8_t, core::kUuidRandomBytes> RandomBytes(std::mt19937_64& random) {
  std::array<std::uint8_t, core::kUuidRandomBytes> bytes{};
  for (std::uint8_t& byte : bytes) byte = static_cast<std::uint8_t>(random());
  return bytes;
}

std::string NewId(std::mt19937_64& random) {
  const auto unix_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  return core::MakeUuidV7(static_cast<std::uint64_t>(unix_ms), RandomBytes(random));
}

std::size_t CountOf(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size()))
    ++count;
  return count;
}

// The "cursor" of an answer: it comes last, after every place entry.
std::string CursorOf(std::string_view body) {
  const std::string_view key = "\"cursor\":\"";
  const std::size_t at = body.rfind(key);
  if (at == std::string_view::npos) return "";
  const std::size_t from = at + key.size();
  return std::string(body.substr(from, body.find('"', from) - from));
}

// A device sending `items` new ratings of random approved places per POST /api/v1/sync,
// built with core's own BuildSyncRequest, and keeping the cursor each answer gives back (as
// the app does, so an answer carries only the places changed since its last sync). A unit
// is a rating the server answered "accepted".
Step SyncStep(int client, int items, const std::vector<std::string>& place_ids, std::string cursor) {
  auto random = std::make_shared<std::mt19937_64>(0xBE7C + static_cast<std::uint64_t>(client));
  std::array<std::uint8_t, 16> device_bytes{};
  for (std::uint8_t& byte : device_bytes) byte = static_cast<std::uint8_t>((*random)());
  const std::string device_id = core::MakeUuidV4(device_bytes);
  auto state = std::make_shared<std::string>(std::move(cursor));
  return [=, &place_ids](httplib::Client& http) {
    std::vector<core::OutboxItem> batch;
    batch.reserve(static_cast<std::size_t>(items));
    for (int i = 0; i < items; ++i) {
      const std::string& place = place_ids[(*random)() % place_ids.size()];
      batch.push_back({sync_samples::MakeRating(NewId(*random), place, device_id, static_cast<unsigned>((*random)()))});
    }
    const std::string body = core::BuildSyncRequest(device_id, *state, batch);
    auto res = http.Post("/api/v1/sync", body, "application/json");
    if (!res || res->status != 200) return Outcome{0, 0, Describe(res)};
    const int accepted = static_cast<int>(CountOf(res->body, "\"status\":\"accepted\""));
    if (std::string next = CursorOf(res->body); !next.empty()) *state = std::move(next);
    if (accepted != items) return Outcome{accepted, res->body.size(), "not all accepted: " + res->body.substr(0, 300)};
    return Outcome{accepted, res->body.size(), ""};
  };
}

// One rating per POST /api/v1/ratings to json-server (routes.json maps it to its /ratings):
// the same rating as core writes it in JSON, appended to its db.json. A unit is a 201 Created.
Step JsonServerRatingStep(int client, const std::vector<std::string>& place_ids) {
  auto random = std::make_shared<std::mt19937_64>(0x15E4 + static_cast<std::uint64_t>(client));
  const std::string device_id = NewId(*random);
  return [=, &place_ids](httplib::Client& http) {
    const std::string& place = place_ids[(*random)() % place_ids.size()];
    const core::Rating rating =
        sync_samples::MakeRating(NewId(*random), place, device_id, static_cast<unsigned>((*random)()));
    auto res = http.Post("/api/v1/ratings", core::DumpJson(core::ToJson(rating)), "application/json");
    if (!res || res->status != 201) return Outcome{0, 0, Describe(res)};
    return Outcome{1, res->body.size(), ""};
  };
}

// A pull from json-server: page `client`, `client` + 1, ... of kPageLimit places, in turn
// (json-server's own ?_page=&_limit= paging: a web developer's way to pull in pages).
Step JsonServerPullStep(int client, std::size_t full_pages) {
  auto next = std::make_shared<std::size_t>(static_cast<std::size_t>(client));
  return [next, full_pages](httplib::Client& http) {
    const std::size_t page = 1 + (*next)++ % std::max<std::size_t>(full_pages, 1);
    return GetStep(kJsonServerPage + std::to_string(page))(http);
  };
}

// [SECTION] The server under test

// Where the public feed ends now: the cursor a device that has just pulled everything holds.
std::string EndCursor(int port, std::string cursor) {
  httplib::Client http = MakeClient(port);
  for (int page = 0; page < 1000; ++page) {
    auto res = http.Get("/api/v1/places?limit=" + std::to_string(store::kMaxPageSize) + "&since=" + cursor);
    if (!res || res->status != 200) break;
    cursor = CursorOf(res->body);
    if (res->body.ends_with("\"more\":false}")) break;
  }
  return cursor;
}

struct Running {
  std::unique_ptr<ChildProcess> process;
  int port = -1;
};

Running StartServer(const Settings& settings, const std::filesystem::path& data_dir,
                    const std::filesystem::path& web_dir) {
  Running server;
  server.process = std::make_unique<ChildProcess>(SafeSpacesServerArgs(settings.server_binary, 0, data_dir, web_dir),
                                                  (data_dir.parent_path() / "server.log").string());
  server.port = WaitForServerPort(*server.process, 20s);
  return server;
}

// The --web dir: a copy of the built client when there is one (never written to), or a
// small index.html; the page file is added before the server starts for real.
std::filesystem::path MakeWebDir(const Settings& settings, const std::filesystem::path& root, std::string& note) {
  const std::filesystem::path web = root / "web";
  std::error_code ec;
  if (std::filesystem::is_regular_file(settings.web_dist / "index.html")) {
    std::filesystem::copy(settings.web_dist, web, std::filesystem::copy_options::recursive, ec);
    note = "a copy of " + settings.web_dist.string();
  }
  if (!std::filesystem::is_regular_file(web / "index.html")) {
    WriteFile(web / "index.html", "<!doctype html><title>Safe Spaces</title><p>Benchmark.\n");
    note = "a small index.html (no built web client at " + settings.web_dist.string() + ")";
  }
  return web;
}

// `count` suggestions through POST /api/v1/sync, as one device would send them. Their
// ids (also the places' ids), or empty if the server did not accept them all.
std::vector<std::string> SuggestPlaces(int port, int count) {
  httplib::Client http = MakeClient(port);
  std::mt19937_64 random(0x5EED);
  const std::string device_id = NewId(random);
  std::vector<std::string> ids;
  for (int sent = 0; sent < count;) {
    std::vector<core::OutboxItem> batch;
    for (int i = 0; i < kSeedBatch && sent < count; ++i, ++sent) {
      core::Suggestion suggestion =
          sync_samples::MakeSuggestion(NewId(random), device_id, NewId(random), static_cast<unsigned>(sent));
      suggestion.name = "Quiet place " + std::to_string(sent);
      ids.push_back(suggestion.id);
      batch.push_back({std::move(suggestion)});
    }
    auto res = http.Post("/api/v1/sync", core::BuildSyncRequest(device_id, "", batch), "application/json");
    if (!res || res->status != 200 || CountOf(res->body, "\"status\":\"accepted\"") != batch.size()) {
      std::fprintf(stderr, "seeding failed: %s\n", Describe(res).c_str());
      return {};
    }
  }
  return ids;
}

// What the seeded database looks like to a pull: the first page as GET /api/v1/places
// would send it (written as the static file), the cursors where a full page starts, and
// the cursor at the end of the feed.
struct Feed {
  std::string first_page;
  std::vector<std::string> full_page_cursors;
  std::string end_cursor;
};

// Approves every suggested place with the store's own officer action, in one transaction,
// while the server is stopped (there is no review endpoint yet), then reads the feed.
// (100,000 places: about 38 s with the suggesting, since migration 0013; minutes before it.)
std::optional<Feed> ApproveAll(const std::filesystem::path& data_dir, const std::vector<std::string>& ids) {
  std::string error;
  store::OpenOptions options;
  options.durability = store::Durability::Full;
  std::optional<store::Database> db = store::Database::Open((data_dir / "safespaces.db").string(), error, options);
  if (!db) return std::fprintf(stderr, "%s\n", error.c_str()), std::nullopt;
  {
    store::ServerStore store(*db);
    if (!store.Begin()) return std::fprintf(stderr, "%s\n", store.Error().c_str()), std::nullopt;
    for (const std::string& id : ids)
      if (store.ApprovePlace(id)) return std::fprintf(stderr, "could not approve %s\n", id.c_str()), std::nullopt;
    if (!store.Commit()) return std::fprintf(stderr, "%s\n", store.Error().c_str()), std::nullopt;
  }
  Feed feed;
  std::int64_t cursor = 0;
  for (;;) {
    std::optional<store::PlacesPage> page = store::PlacesSince(*db, cursor, kPageLimit, error);
    if (!page) return std::fprintf(stderr, "%s\n", error.c_str()), std::nullopt;
    if (cursor == 0)  // the same text as sync_api.cpp's GetPlaces; checked against it after the restart
      feed.first_page = "{\"places\":" + page->places_json + ",\"cursor\":\"" + store::FormatCursor(page->cursor) +
                        "\",\"more\":" + (page->more ? "true" : "false") + "}";
    if (page->count == kPageLimit) feed.full_page_cursors.push_back(store::FormatCursor(cursor));
    cursor = page->cursor;
    if (!page->more) break;
  }
  feed.end_cursor = store::FormatCursor(cursor);
  return feed;
}

// [SECTION] Baselines

// A bare insert loop with the server's durability: the same database setup (store::Database,
// WAL, synchronous=FULL, the server schema), the same row into the same table (ratings), a
// prepared statement reused, `rows` rows per transaction, one thread.
Result RunInsertLoop(const Settings& settings, const std::filesystem::path& path, int rows,
                     const std::vector<std::string>& place_ids) {
  Result result{"SQLite insert, " + std::to_string(rows) + (rows == 1 ? " row" : " rows") + " per transaction", "rows",
                1, settings.seconds};
  std::string error;
  store::OpenOptions options;
  options.durability = store::Durability::Full;
  std::optional<store::Database> db = store::Database::Open(path.string(), error, options);
  if (!db) return result.problem = error, result;
  store::Statement begin = db->Prepare("BEGIN IMMEDIATE");
  store::Statement commit = db->Prepare("COMMIT");
  store::Statement insert = db->Prepare(
      "INSERT INTO ratings (id, place_id, device_id, scales, facilities, comment, visit_month, session_id, "
      "withdrawn) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)");
  std::mt19937_64 random(0xDB);
  const std::string device_id = NewId(random);
  const std::string scales = "\x03\x04\x02\x05\x01\x03", facilities = "\x01\x02\x03\x00\x01\x02\x03\x00";
  std::vector<std::uint32_t> latencies_us;
  const auto start = Clock::now();
  const auto window_start =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings.warmup_seconds));
  const auto window_end =
      window_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings.seconds));
  double cpu_at_start = -1;
  for (;;) {
    const auto began = Clock::now();
    if (began >= window_end) break;
    bool ok = (begin.Reset(), begin.Step() == store::StepResult::Done);
    for (int i = 0; ok && i < rows; ++i) {
      insert.Reset();
      insert.BindText(1, NewId(random))
          .BindText(2, place_ids[random() % place_ids.size()])
          .BindText(3, device_id)
          .BindBlob(4, scales)
          .BindBlob(5, facilities)
          .BindText(6, (random() % 4 == 1) ? "The staff were kind to me." : "")
          .BindText(7, "2024-05")
          .BindText(8, "");
      ok = insert.Step() == store::StepResult::Done;
    }
    ok = ok && (commit.Reset(), commit.Step() == store::StepResult::Done);
    if (!ok) {
      result.problem = insert.Error() + begin.Error() + commit.Error();
      break;
    }
    const auto done = Clock::now();
    if (done < window_start) continue;
    if (cpu_at_start < 0) cpu_at_start = ThreadCpuMicros();
    ++result.requests;
    result.units += rows;
    latencies_us.push_back(
        static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::microseconds>(done - began).count()));
  }
  if (cpu_at_start >= 0) result.cpu_us = ThreadCpuMicros() - cpu_at_start;
  Summarise(result, latencies_us);
  return result;
}

// A free loopback port, for a program that cannot be told to take port 0. (Not through
// httplib::Server: it keeps a socket that was bound but never listened on.)
int FreePort() {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof(address);
  int port = -1;
  if (sock >= 0 && bind(sock, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
      getsockname(sock, reinterpret_cast<sockaddr*>(&address), &size) == 0)
    port = ntohs(address.sin_port);
  if (sock >= 0) close(sock);
  return port;  // free again now; another program taking it before nginx does is unlikely
}

std::optional<std::string> Which(const char* program) {
  for (const char* dir : {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
    const std::filesystem::path path = std::filesystem::path(dir) / program;
    if (access(path.c_str(), X_OK) == 0) return path.string();
  }
  return std::nullopt;
}

// Reads wrk's "50%  1.23ms" style figure, in ms.
double WrkMs(const std::string& text) {
  double value = std::atof(text.c_str());
  if (text.ends_with("us")) return value / 1000;
  if (text.ends_with("ms")) return value;
  if (text.ends_with("s")) return value * 1000;
  return value;
}

// wrk with 2 threads and `connections` keep-alive connections on `url`, for the measured
// seconds (wrk has no warm-up).
Result RunWrk(const Settings& settings, const std::string& wrk, std::string label, const std::string& url,
              int connections) {
  Result result{std::move(label), "files", connections, settings.seconds};
  const std::string command = wrk + " -t2 -c" + std::to_string(connections) + " -d" +
                              std::to_string(static_cast<int>(settings.seconds + 0.5)) + "s --latency " + url + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result.problem = "could not run wrk", result;
  char buffer[512];
  while (std::fgets(buffer, sizeof(buffer), pipe)) {
    std::istringstream words(buffer);
    std::string first, second;
    words >> first >> second;
    if (first == "50%") result.p50_ms = WrkMs(second);
    if (first == "99%") result.p99_ms = WrkMs(second);
    if (first == "Requests/sec:") result.units = static_cast<long>(std::atof(second.c_str()) * settings.seconds);
    if (second == "requests") result.requests = std::atol(first.c_str());
    if (first == "Non-2xx") result.errors = std::atol(std::strrchr(buffer, ':') + 1);
    if (first == "Socket" && second == "errors:") result.problem = buffer;
  }
  pclose(pipe);
  if (result.units == 0 && result.problem.empty()) result.problem = "wrk printed no figure";
  return result;
}

// nginx serving the --web dir on a free port, with a config of its own in `root` (no
// system files touched). Nullptr if it would not start.
std::unique_ptr<ChildProcess> StartNginx(const std::string& nginx, const std::filesystem::path& root,
                                         const std::filesystem::path& web, int port) {
  const std::filesystem::path dir = root / "nginx";
  std::filesystem::create_directories(dir);
  const std::string d = dir.string();
  WriteFile(dir / "nginx.conf",
            "daemon off;\nworker_processes auto;\npid " + d + "/nginx.pid;\nerror_log " + d +
                "/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n"
                "  keepalive_requests 1000000;\n  types { application/json json; text/html html; }\n"
                "  client_body_temp_path " +
                d + "/body;\n  proxy_temp_path " + d +
                "/proxy;\n"
                "  fastcgi_temp_path " +
                d + "/fastcgi;\n  uwsgi_temp_path " + d +
                "/uwsgi;\n"
                "  scgi_temp_path " +
                d + "/scgi;\n  server {\n    listen 127.0.0.1:" + std::to_string(port) + ";\n    root " + web.string() +
                ";\n  }\n}\n");
  auto process = std::make_unique<ChildProcess>(
      std::vector<std::string>{nginx, "-p", d, "-e", d + "/error.log", "-c", (dir / "nginx.conf").string()});
  if (!process->Started()) return nullptr;
  httplib::Client http = MakeClient(port);
  http.set_connection_timeout(200ms);
  http.set_read_timeout(1s);
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (auto res = http.Get(kPageFile); res && res->status == 200) return process;
    std::this_thread::sleep_for(50ms);
  }
  return nullptr;
}

// [SECTION] The peer: json-server

std::string Quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Waits until json-server has worked through what it was sent (each POST rewrites its whole
// db.json, so requests may queue long after the clients gave up): one quick answer in a row.
void WaitUntilIdle(int port) {
  httplib::Client http = MakeClient(port);
  http.set_read_timeout(1s);
  for (int attempt = 0; attempt < 300; ++attempt)  // up to ~5 min, for 100,000 places
    if (auto res = http.Get(std::string(kJsonServerPage) + "1"); res && res->status == 200) return;
}

// json-server (npm) on a free port with the same places in its db.json, made by
// bench/peer-json-server/make-db.mjs from our server's own feed (on `our_port`). Nullptr,
// and why in `note`, when node or json-server is missing or it did not start.
std::unique_ptr<ChildProcess> StartJsonServer(const Settings& settings, const std::filesystem::path& root,
                                              int our_port, int port, std::string& note) {
  const std::optional<std::string> node = Which("node");
  if (!node) return note = "node is not installed", nullptr;
  if (!std::filesystem::is_regular_file(settings.json_server))
    return note = "json-server is not installed (npm install)", nullptr;
  const std::filesystem::path dir = root / "json-server", db = dir / "db.json";
  std::filesystem::create_directories(dir);
  const std::string make = *node + " " + Quoted(settings.peer_dir / "make-db.mjs") + " --url http://127.0.0.1:" +
                           std::to_string(our_port) + " --out " + Quoted(db) + " >/dev/null 2>" +
                           Quoted(dir / "make-db.log");
  if (std::system(make.c_str()) != 0) return note = "make-db.mjs failed: " + ReadFile(dir / "make-db.log"), nullptr;
  auto process = std::make_unique<ChildProcess>(
      std::vector<std::string>{*node, settings.json_server.string(), "--port", std::to_string(port), "--host",
                               "127.0.0.1", "--quiet", "--routes", (settings.peer_dir / "routes.json").string(),
                               db.string()},
      (dir / "json-server.log").string());
  if (!process->Started()) return note = "could not run " + *node, nullptr;
  httplib::Client http = MakeClient(port);
  http.set_connection_timeout(200ms);
  for (int attempt = 0; attempt < 1200; ++attempt) {  // ~2 min: it parses the whole db.json first
    if (auto res = http.Get(std::string(kJsonServerPage) + "1"); res && res->status == 200) return process;
    if (process->WaitForExit(0ms) >= 0) break;
    std::this_thread::sleep_for(100ms);
  }
  note = "json-server did not start: " + ReadFile(dir / "json-server.log").substr(0, 300);
  return nullptr;
}

// [SECTION] Report

std::string Thousands(double value) {
  const long whole = static_cast<long>(value + 0.5);
  std::string digits = std::to_string(whole), text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

void PrintHeader() {
  std::printf("%-52s %7s %11s %-8s %8s %8s %9s %6s %9s %9s\n", "scenario", "clients", "per second", "unit", "p50 ms",
              "p99 ms", "requests", "errors", "KB/answer", "CPU us/u");
  std::printf("%s\n", std::string(136, '-').c_str());
}

void PrintRow(const Result& r) {
  const double cpu = r.CpuMicrosPerUnit();
  std::printf("%-52s %7d %11s %-8s %8.2f %8.2f %9ld %6ld %9.1f %9s\n", r.label.c_str(), r.clients,
              Thousands(r.PerSecond()).c_str(), r.unit.c_str(), r.p50_ms, r.p99_ms, r.requests, r.errors,
              r.bytes_per_answer / 1024.0, cpu < 0 ? "-" : Thousands(cpu).c_str());
  if (!r.problem.empty()) std::printf("    ! %s\n", r.problem.substr(0, 200).c_str());
  std::fflush(stdout);
}

void PrintRatio(const char* what, const Result& top, const Result& bottom) {
  const double ratio = bottom.PerSecond() > 0 ? top.PerSecond() / bottom.PerSecond() : 0;
  std::printf("  %-88s %6.2f\n", what, ratio);
}

// The server's own words about what went wrong, if anything did: its error lines, and
// any request it answered with a 5xx (its log has a line per request).
void PrintServerErrors(const std::filesystem::path& log) {
  std::ifstream lines(log);
  std::string line;
  int shown = 0;
  while (std::getline(lines, line) && shown < 5) {
    const std::optional<LoggedRequest> request = ParseRequestLine(line);
    if (line.find("error") != std::string::npos || (request && request->status >= 500)) {
      std::printf("  server log: %s\n", line.substr(0, 200).c_str());
      ++shown;
    }
  }
}

// Every figure of the run as JSON, for tools/bench-report.mjs (medians over rounds, ratios):
// the machine, the settings and one object per scenario under its key.
bool WriteJson(const Settings& settings, const std::vector<Result>& results, double run_seconds) {
  nlohmann::json rows = nlohmann::json::array();
  for (const Result& r : results) {
    const double cpu = r.CpuMicrosPerUnit();
    rows.push_back({{"key", r.key}, {"label", r.label}, {"unit", r.unit}, {"clients", r.clients},
                    {"per_second", r.PerSecond()}, {"p50_ms", r.p50_ms}, {"p99_ms", r.p99_ms},
                    {"requests", r.requests}, {"errors", r.errors}, {"bytes_per_answer", r.bytes_per_answer},
                    {"cpu_us_per_unit", cpu < 0 ? nlohmann::json() : nlohmann::json(cpu)}, {"problem", r.problem}});
  }
  const nlohmann::json doc = {
      {"machine",
       {{"cpus", std::thread::hardware_concurrency()}, {"cpu", CpuModel()}, {"kernel", Kernel()},
        {"load_average_at_end", LoadAverage()}}},
      {"places", settings.places},
      {"warmup_seconds", settings.warmup_seconds},
      {"seconds", settings.seconds},
      {"series_clients", settings.series},
      {"run_seconds", run_seconds},
      {"results", rows}};
  std::ofstream out(settings.json_path);
  out << doc.dump(2) << "\n";
  return static_cast<bool>(out);
}

// "1 2 4 8" or "1,2,4,8" -> {1, 2, 4, 8}; empty if any is not a count of clients.
std::vector<int> ParseCounts(const std::string& text) {
  std::vector<int> counts;
  std::istringstream words(text);
  for (std::string word; std::getline(words >> std::ws, word, text.find(',') != std::string::npos ? ',' : ' ');) {
    const int count = std::atoi(word.c_str());
    if (count < 1 || count > 1024) return {};
    counts.push_back(count);
  }
  return counts;
}

bool ParseSettings(int argc, char** argv, Settings& settings) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--seconds" && has_value) {
      settings.seconds = std::atof(argv[++i]);
    } else if (arg == "--warmup" && has_value) {
      settings.warmup_seconds = std::atof(argv[++i]);
    } else if (arg == "--places" && has_value) {
      settings.places = std::atoi(argv[++i]);
    } else if (arg == "--server" && has_value) {
      settings.server_binary = argv[++i];
    } else if (arg == "--web-dist" && has_value) {
      settings.web_dist = argv[++i];
    } else if (arg == "--only" && has_value) {
      settings.only = argv[++i];
    } else if (arg == "--no-nginx") {
      settings.nginx = false;
    } else if (arg == "--series" && has_value) {
      settings.series = ParseCounts(argv[++i]);
      if (settings.series.empty()) return std::fprintf(stderr, "--series takes client counts, e.g. \"1 2 4\"\n"), false;
    } else if (arg == "--json" && has_value) {
      settings.json_path = argv[++i];
    } else if (arg == "--json-server" && has_value) {
      settings.json_server = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: safespaces-bench [--seconds S] [--warmup S] [--places N] [--server PATH] "
                   "[--web-dist DIR] [--no-nginx] [--only LETTERS, e.g. ab] [--series \"1 2 4 ... 64\"]\n"
                   "                        [--json FILE] [--json-server PATH-TO-ITS-bin.js]\n"
                   "letters: a, b ratings; c pulls; d static file (ours, nginx); e SQLite; f health; g json-server;\n"
                   "s the series (--series implies it)\n");
      return false;
    }
  }
  if (!settings.series.empty() && settings.only.find('s') == std::string::npos) settings.only += 's';
  return settings.seconds > 0 && settings.places >= kPageLimit;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  if (!ParseSettings(argc, argv, settings)) return 2;
  const auto run_started = Clock::now();
  std::printf("Safe Spaces sync benchmark (issue 3, point 6)\n");
  std::printf("machine: %u CPUs, %s, %s; load average at start %s\n", std::thread::hardware_concurrency(),
              CpuModel().c_str(), Kernel().c_str(), LoadAverage().c_str());
  std::printf("software: SQLite %s, cpp-httplib %s; server %s\n", sqlite3_libversion(), CPPHTTPLIB_VERSION,
              settings.server_binary.c_str());
  std::printf("each scenario: %.1f s warm-up, then %.1f s measured; HTTP clients are threads of this program\n",
              settings.warmup_seconds, settings.seconds);
  std::printf(
      "(keep-alive httplib::Client, TCP_NODELAY, Accept-Encoding: identity) sharing the CPUs with the server\n");

  // A fresh data and web folder on loopback, removed at the end whatever happens.
  TempDir root;
  if (root.Path().empty()) return std::fprintf(stderr, "could not make a temporary folder\n"), 1;
  chmod(root.Path().c_str(), 0755);  // nginx's workers (another user) read the web folder
  const std::filesystem::path data_dir = root.Path() / "data";
  std::string web_note;
  const std::filesystem::path web_dir = MakeWebDir(settings, root.Path(), web_note);

  // Seed: suggestions through the API, approved in the database while the server is stopped.
  const auto seed_started = Clock::now();
  Running server = StartServer(settings, data_dir, web_dir);
  if (server.port <= 0) return std::fprintf(stderr, "the server did not start\n"), 1;
  const std::vector<std::string> place_ids = SuggestPlaces(server.port, settings.places);
  if (place_ids.empty()) return 1;
  server.process->Stop(10s);
  const std::optional<Feed> feed = ApproveAll(data_dir, place_ids);
  if (!feed || feed->full_page_cursors.empty()) return std::fprintf(stderr, "no full page of places\n"), 1;
  WriteFile(web_dir / std::string(kPageFile).substr(1), feed->first_page);
  server = StartServer(settings, data_dir, web_dir);
  if (server.port <= 0) return std::fprintf(stderr, "the server did not start again\n"), 1;
  {
    httplib::Client http = MakeClient(server.port);
    auto res = http.Get("/api/v1/places?since=0&limit=" + std::to_string(kPageLimit));
    if (!res || res->body != feed->first_page)
      std::printf("warning: the static page file differs from what GET /api/v1/places sends\n");
  }
  const double seed_seconds = std::chrono::duration<double>(Clock::now() - seed_started).count();
  std::printf("database: %d approved places, suggested through POST /api/v1/sync (%d per request), approved with\n",
              settings.places, kSeedBatch);
  std::printf("  store::ServerStore::ApprovePlace while the server was stopped, then restarted (%.1f s); WAL,\n",
              seed_seconds);
  std::printf("  synchronous=FULL. --web: %s, plus %s (%s bytes, page 1 of the feed).\n", web_note.c_str(), kPageFile,
              Thousands(static_cast<double>(feed->first_page.size())).c_str());
  std::printf("  Ratings rate random approved places. A device starts at the end of the feed and sends back\n");
  std::printf("  the cursor each answer gives it, as the app does.\n");
  std::printf("columns: per second = units in the measured window / its length; p50, p99 = request latency;\n");
  std::printf("  KB/answer = body size; CPU us/u = CPU time (user + system) of the server process per unit\n");
  std::printf("  (for SQLite, of the loop's thread), which busy neighbours disturb far less than throughput.\n\n");
  PrintHeader();

  // Each scenario runs unless --only leaves its letter out; a skipped one is an empty Result.
  std::vector<Result> results;
  const auto run = [&](char letter, std::string key, const std::function<Result()>& scenario) {
    if (settings.only.find(letter) == std::string::npos) return Result{};
    results.push_back(scenario());
    results.back().key = std::move(key);
    PrintRow(results.back());
    return results.back();
  };
  const int port = server.port;
  const pid_t server_pid = server.process->Pid();
  MemoryWatch server_memory(server_pid);  // through the sync scenarios below
  const std::string page_path = "/api/v1/places?limit=" + std::to_string(kPageLimit) + "&since=";

  // f, d, c: what serving costs, from the empty handler to a page of places.
  const Result health = run('f', "health.ours", [&] {
    return RunLoad(settings, "f. GET /api/v1/health (empty-handler ceiling)", "answers", server_pid, port, kFewClients,
                   [](int) { return GetStep("/api/v1/health"); });
  });
  const Result static_file = run('d', "static_file.ours", [&] {
    return RunLoad(settings, "d. GET static file, same bytes as a page (ceiling)", "files", server_pid, port,
                   kFewClients, [&](int) { return GetStep(kPageFile, feed->first_page.size()); });
  });
  const Result pulls = run('c', "pulls.ours", [&] {
    return RunLoad(settings, "c. GET /api/v1/places?since=C&limit=500 (pull)", "pulls", server_pid, port, kFewClients,
                   [&](int client) {
                     auto next = std::make_shared<std::size_t>(static_cast<std::size_t>(client));
                     return Step([&, next](httplib::Client& http) {
                       const std::string& cursor = feed->full_page_cursors[(*next)++ % feed->full_page_cursors.size()];
                       return GetStep(page_path + cursor)(http);
                     });
                   });
  });

  // a, b: ratings through the real sync endpoint. Each device sends back the cursor it was
  // given, so an answer carries the places others changed since its last sync: under this
  // load, many. The "no changes" rows send a cursor past the end of the feed instead, which
  // leaves the write path alone.
  const auto sync_load = [&](char letter, std::string key, std::string label, int clients, int items,
                             bool with_changes) {
    return run(letter, std::move(key), [&, label, clients, items, with_changes] {
      const std::string cursor = with_changes ? EndCursor(port, feed->end_cursor) : kCursorPastTheEnd;
      return RunLoad(settings, label, "ratings", server_pid, port, clients,
                     [&](int client) { return SyncStep(client, items, place_ids, cursor); });
    });
  };
  const char* const single = "a. POST /api/v1/sync, 1 rating per request";
  const char* const batch = "b. POST /api/v1/sync, 100 ratings per request";
  const Result single_1 = sync_load('a', "ratings_1.ours.c1", single, 1, 1, true);
  const Result single_16 = sync_load('a', "ratings_1.ours", single, kFewClients, 1, true);
  const Result single_64 = sync_load('a', "ratings_1.ours.c64", single, kManyClients, 1, true);
  const Result single_16_alone = sync_load('a', "ratings_1_no_changes.ours",
                                           "a. ... 1 rating per request, no changes in answers", kFewClients, 1, false);
  const Result batch_1 = sync_load('b', "ratings_100.ours.c1", batch, 1, kBatchItems, true);
  const Result batch_16 = sync_load('b', "ratings_100.ours", batch, kFewClients, kBatchItems, true);
  const Result batch_16_alone =
      sync_load('b', "ratings_100_no_changes.ours", "b. ... 100 ratings per request, no changes in answers",
                kFewClients, kBatchItems, false);
  const double server_peak_mb = StatusMb(server_pid, "VmHWM");
  server_memory.Stop();
  const double server_anon_mb = StatusMb(server_pid, "RssAnon"), server_file_mb = StatusMb(server_pid, "RssFile");

  // e: SQLite alone, while the server sits idle.
  const Result insert_1 =
      run('e', "sqlite_insert_1", [&] { return RunInsertLoop(settings, root.Path() / "bare.db", 1, place_ids); });
  const Result insert_100 = run('e', "sqlite_insert_100", [&] {
    return RunInsertLoop(settings, root.Path() / "bare.db", kRowsPerTransaction, place_ids);
  });

  // d, optional: the same file from nginx, driven by wrk (a lighter client than ours).
  const std::optional<std::string> nginx = Which("nginx"), wrk = Which("wrk");
  Result nginx_wrk, nginx_ours;
  if (settings.only.find('d') == std::string::npos) {
  } else if (settings.nginx && nginx && wrk) {
    const int nginx_port = FreePort();
    if (std::unique_ptr<ChildProcess> web = StartNginx(*nginx, root.Path(), web_dir, nginx_port)) {
      nginx_wrk = run('d', "static_file.nginx_wrk", [&] {
        return RunWrk(settings, *wrk, "d. nginx, same static file (wrk -t2, optional)",
                      "http://127.0.0.1:" + std::to_string(nginx_port) + kPageFile, kFewClients);
      });
      nginx_ours = run('d', "static_file.nginx", [&] {  // the same load generator as every other row
        return RunLoad(settings, "d. nginx, same static file (this load generator)", "files", -1, nginx_port,
                       kFewClients, [&](int) { return GetStep(kPageFile, feed->first_page.size()); });
      });
      web->Stop(5s);
    } else {
      std::printf("    (nginx did not start; see %s)\n", (root.Path() / "nginx/error.log").c_str());
    }
  } else {
    std::printf("    (nginx + wrk baseline skipped: %s)\n",
                !settings.nginx ? "--no-nginx" : "install Debian's nginx and wrk (tools/setup.sh does)");
  }

  // g: json-server with the same places, the same load generator and clients. Its db.json is
  // made from our feed now, so it holds every place (and none of our ratings).
  const bool series = !settings.series.empty() && settings.only.find('s') != std::string::npos;
  std::unique_ptr<ChildProcess> peer;
  int peer_port = -1;
  Result peer_ratings, peer_pulls;
  if (settings.only.find('g') != std::string::npos || series) {
    std::string note;
    peer_port = FreePort();
    peer = StartJsonServer(settings, root.Path(), port, peer_port, note);
    if (!peer) std::printf("    (json-server left out: %s)\n", note.c_str());
  }
  // A peer that stopped (json-server has run out of memory at 100,000 places) is said once,
  // with the end of its log, and left out from then on rather than measured as refusals.
  const auto peer_alive = [&] {
    if (!peer) return false;
    if (const int code = peer->WaitForExit(0ms); code >= 0) {
      const std::string log = ReadFile(root.Path() / "json-server" / "json-server.log");
      std::printf("    (json-server stopped with code %d; the end of its log: %s)\n", code,
                  log.substr(log.size() > 400 ? log.size() - 400 : 0).c_str());
      peer.reset();
      return false;
    }
    return true;
  };
  const auto peer_ratings_load = [&](int clients) {
    Result result = RunLoad(settings, "g. json-server: POST /ratings, 1 rating per request", "ratings", peer->Pid(),
                            peer_port, clients, [&](int client) { return JsonServerRatingStep(client, place_ids); });
    WaitUntilIdle(peer_port);  // what it still owes must not run beside the next scenario
    return result;
  };
  const auto peer_pulls_load = [&](int clients) {
    return RunLoad(settings, "g. json-server: GET /places?_page=K&_limit=500 (pull)", "pulls", peer->Pid(), peer_port,
                   clients, [&](int client) { return JsonServerPullStep(client, feed->full_page_cursors.size()); });
  };
  if (peer_alive()) peer_ratings = run('g', "ratings_1.json_server", [&] { return peer_ratings_load(kFewClients); });
  if (peer_alive()) peer_pulls = run('g', "pulls.json_server", [&] { return peer_pulls_load(kFewClients); });

  // s: the scaling series, ours and json-server side by side at each number of clients.
  if (series) {
    std::printf("\nscaling series: 1 rating per request (answers with changes, as a device syncs) and pulls\n");
    for (const int clients : settings.series) {
      const std::string c = ".c" + std::to_string(clients);
      sync_load('s', "series.ratings_1.ours" + c, single, clients, 1, true);
      if (peer_alive()) run('s', "series.ratings_1.json_server" + c, [&] { return peer_ratings_load(clients); });
      run('s', "series.pulls.ours" + c, [&] {
        return RunLoad(settings, "c. GET /api/v1/places?since=C&limit=500 (pull)", "pulls", server_pid, port, clients,
                       [&](int client) {
                         auto next = std::make_shared<std::size_t>(static_cast<std::size_t>(client));
                         return Step([&, next](httplib::Client& http) {
                           const std::string& cursor =
                               feed->full_page_cursors[(*next)++ % feed->full_page_cursors.size()];
                           return GetStep(page_path + cursor)(http);
                         });
                       });
      });
      if (peer_alive()) run('s', "series.pulls.json_server" + c, [&] { return peer_pulls_load(clients); });
    }
  }
  if (peer) peer->Stop(5s);
  server.process->Stop(10s);

  std::printf("\nratios (same run, same machine; 0 when a side was not run)\n");
  PrintRatio("accepted ratings/s, 1 per request, 1 client / SQLite rows/s, 1 row per transaction", single_1, insert_1);
  PrintRatio("accepted ratings/s, 1 per request, 16 clients / SQLite rows/s, 1 row per transaction", single_16,
             insert_1);
  PrintRatio("accepted ratings/s, 1 per request, 64 clients / SQLite rows/s, 1 row per transaction", single_64,
             insert_1);
  PrintRatio("accepted ratings/s, 1 per request, 16 clients, no changes / SQLite, 1 row per transaction",
             single_16_alone, insert_1);
  PrintRatio("accepted ratings/s, 100 per request, 1 client / SQLite rows/s, 100 rows per transaction", batch_1,
             insert_100);
  PrintRatio("accepted ratings/s, 100 per request, 16 clients / SQLite rows/s, 100 rows per transaction", batch_16,
             insert_100);
  PrintRatio("accepted ratings/s, 100 per request, 16 clients, no changes / SQLite, 100 rows per transaction",
             batch_16_alone, insert_100);
  PrintRatio("sync requests/s, 1 rating each, 16 clients, no changes / health answers/s, 16 clients", single_16_alone,
             health);
  PrintRatio("pulls/s / static file/s from the same server, 16 clients", pulls, static_file);
  PrintRatio("pulls/s (httplib clients) / nginx static file/s (wrk)", pulls, nginx_wrk);
  PrintRatio("pulls/s / nginx static file/s, both with this load generator, 16 clients", pulls, nginx_ours);
  PrintRatio("accepted ratings/s, 1 per request, 16 clients / json-server POST /ratings, 16 clients", single_16,
             peer_ratings);
  PrintRatio("pulls/s / json-server pulls/s (a page of 500 places), 16 clients", pulls, peer_pulls);
  std::printf("\nserver memory in the sync scenarios (sampled every 20 ms): at most %.1f MB own (heap, stacks)\n"
              "  and %.1f MB of mapped files (program, libraries and database pages, counted once for each\n"
              "  reader that maps them; the system shares them and can take them back). The kernel's peak\n"
              "  resident size adds the two: %.1f MB.\n",
              server_memory.OwnPeakMb(), server_memory.FilesPeakMb(), server_peak_mb);
  std::printf("server memory after the sync scenarios: %.1f MB own (heap, stacks)\n", server_anon_mb);
  std::printf("  + %.1f MB mapped files (program, libraries, database pages). Load average at end %s;\n",
              server_file_mb, LoadAverage().c_str());
  std::printf("  whole run %.1f s.\n", std::chrono::duration<double>(Clock::now() - run_started).count());
  const double run_seconds = std::chrono::duration<double>(Clock::now() - run_started).count();
  if (!settings.json_path.empty() && !WriteJson(settings, results, run_seconds))
    std::fprintf(stderr, "could not write %s\n", settings.json_path.c_str());
  long errors = 0;  // ours only: a peer that cannot keep up is a figure, not a failure of this run
  for (const Result& result : results)
    if (result.key.find("json_server") == std::string::npos) errors += result.errors;
  if (errors > 0) {
    PrintServerErrors(root.Path() / "server.log");
    const std::filesystem::path kept = std::filesystem::temp_directory_path() / "safespaces-bench-server.log";
    std::error_code ignored;
    std::filesystem::copy_file(root.Path() / "server.log", kept, std::filesystem::copy_options::overwrite_existing,
                               ignored);
    std::printf("  the server's log is kept at %s\n", kept.c_str());
  }
  return errors == 0 ? 0 : 1;
}
