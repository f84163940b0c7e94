// safespaces-session-load: co-production sessions under load. Starts the real
// safespaces-server on a loopback port with a fresh data folder, has youth workers start
// sessions and young people's phones join them (each phone from its own loopback address,
// 127.1.S.P, so the per-address join limit sees phones, not this program), then each phone
// sends a rating with its session's id every few seconds, over a few client threads, while
// one board per session polls GET /api/v1/sessions/{id}/board?since= every second.
// It reports the board update delay (from a phone being told "accepted" to the item first
// appearing on its session's board), the server's request rates and times (from its own
// request log), and checks that every accepted item appeared on its own board and never on
// another. A benchmark: it never fails on a time. With --check it exits 1 when the check
// fails (the quick ctest). Run it with tools/bench-sessions.sh. Start at main(); the load
// itself is RunLoad.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "core/codec.h"
#include "core/nickname.h"
#include "core/sync_protocol.h"
#include "machine_facts.h"
#include "server/log.h"
#include "server_log.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/staff_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

// [SECTION] Settings

struct Settings {
  std::string server_binary = SAFESPACES_SERVER_BINARY;
  int sessions = 20;
  int phones = 30;                // per session
  double seconds = 60.0;          // s of load
  double rate_every = 3.0;        // s between one phone's ratings (each one 0.8 to 1.2 times this)
  double poll_every = 1.0;        // s between a board's polls
  int client_threads = 8;         // threads sending the phones' requests
  bool phone_keep_alive = false;  // each phone keeps its connection open between syncs
  bool check = false;             // exit 1 when an accepted item is missing from its board, or on another
};

constexpr int kWorkers = 10;           // youth workers (logins come from one address: the limit is 20 a minute)
constexpr int kPlaces = 40;            // approved places the phones rate
constexpr double kGraceSeconds = 2.5;  // s the boards keep polling after the phones stop
const std::string kPassword = "a long bench password";

// [SECTION] Clients and times

httplib::Client MakeClient(int port, const std::string& source_address, bool keep_alive) {
  httplib::Client http("127.0.0.1", port);
  if (!source_address.empty()) http.set_interface(source_address);  // an address is taken as its own "interface"
  http.set_keep_alive(keep_alive);
  http.set_tcp_nodelay(true);  // else Nagle meets delayed ACKs: ~40 ms per request (TOOLCHAIN.md)
  http.set_connection_timeout(5s);
  http.set_read_timeout(30s);
  http.set_write_timeout(30s);
  return http;
}

double SecondsBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

Clock::duration Seconds(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// The value at fraction q of sorted `values`; 0 for none.
double Percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

// [SECTION] Setting up

struct Session {
  std::string id;
  std::string code;   // "KXM4P7"
  std::string token;  // its youth worker's
};

struct Phone {
  int session = 0;
  std::string device_id;
  std::string address;  // 127.1.S.P
  std::string cursor;   // the feed's, from its last sync answer
};

// Staff and approved places, written before the server starts (as safespaces-admin does).
bool PrepareData(const std::filesystem::path& data_dir, std::vector<std::string>& place_ids) {
  std::filesystem::create_directories(data_dir);
  std::string error;
  std::optional<store::Database> db = store::Database::Open((data_dir / "safespaces.db").string(), error);
  if (!db) return std::fprintf(stderr, "could not make the database: %s\n", error.c_str()), false;
  for (int w = 0; w < kWorkers; ++w)
    if (!store::AddStaff(*db, "worker" + std::to_string(w), kPassword, store::StaffRole::YouthWorker, 1715000000))
      return std::fprintf(stderr, "could not add a youth worker\n"), false;
  store::ServerStore places(*db);
  for (int p = 0; p < kPlaces; ++p) {
    core::Place place;
    place.id = sync_samples::Uuid(0x5000 + static_cast<std::uint64_t>(p));
    place.name = "Bench place " + std::to_string(p);
    place.category = core::kAllCategories[static_cast<std::size_t>(p) % core::kAllCategories.size()];
    place.lat = 52.40 + 0.001 * p;
    place.lon = -1.52 + 0.001 * p;
    place.status = core::PlaceStatus::Approved;
    if (!places.AddPlace(place)) return std::fprintf(stderr, "could not add a place\n"), false;
    place_ids.push_back(place.id);
  }
  return true;
}

std::optional<json> PostJson(httplib::Client& http, const std::string& path, const json& body,
                             const std::string& token = "") {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  auto res = http.Post(path.c_str(), headers, body.dump(), "application/json");
  if (!res || res->status != 200) {
    std::fprintf(
        stderr, "%s: %s\n", path.c_str(),
        res ? (std::to_string(res->status) + " " + res->body).c_str() : httplib::to_string(res.error()).c_str());
    return std::nullopt;
  }
  return json::parse(res->body, nullptr, false);
}

// Youth workers log in and start the sessions, taking turns.
std::optional<std::vector<Session>> StartSessions(int port, int count) {
  httplib::Client http = MakeClient(port, "", true);
  std::vector<std::string> tokens;
  for (int w = 0; w < std::min(kWorkers, count); ++w) {
    std::optional<json> login =
        PostJson(http, "/api/v1/staff/login", {{"username", "worker" + std::to_string(w)}, {"password", kPassword}});
    if (!login) return std::nullopt;
    tokens.push_back((*login)["token"]);
  }
  std::vector<Session> sessions;
  for (int s = 0; s < count; ++s) {
    const std::string& token = tokens[static_cast<std::size_t>(s) % tokens.size()];
    std::optional<json> made =
        PostJson(http, "/api/v1/sessions", {{"name", "Bench group " + std::to_string(s)}}, token);
    if (!made) return std::nullopt;
    sessions.push_back({(*made)["id"], std::string((*made)["join_path"]).substr(6), token});
  }
  return sessions;
}

// Every phone joins its session from its own address; false when any could not.
bool JoinAll(int port, const std::vector<Session>& sessions, std::vector<Phone>& phones, int threads) {
  std::atomic<int> failed{0};
  std::vector<std::thread> joiners;
  for (int t = 0; t < threads; ++t) {
    joiners.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < phones.size(); i += static_cast<std::size_t>(threads)) {
        Phone& phone = phones[i];
        httplib::Client http = MakeClient(port, phone.address, false);
        const std::string nickname =
            core::MakeNickname(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i / 24));
        if (!PostJson(http, "/api/v1/sessions/join",
                      {{"room_code", sessions[static_cast<std::size_t>(phone.session)].code},
                       {"device_id", phone.device_id},
                       {"nickname", nickname}}))
          ++failed;
      }
    });
  }
  for (std::thread& joiner : joiners) joiner.join();
  return failed == 0;
}

// [SECTION] The load

struct Accepted {
  std::string item_id;
  Clock::time_point at;  // when the phone was told "accepted"
};

struct BoardSeen {
  std::map<std::string, Clock::time_point> first_seen;  // item id -> first poll that showed it
  long polls = 0, unchanged = 0, errors = 0;
  double changed_bytes = 0;
  std::vector<double> poll_ms;
};

struct Load {
  std::vector<std::vector<Accepted>> accepted;  // by session
  std::vector<BoardSeen> boards;                // by session
  long syncs = 0, sync_errors = 0;
  std::vector<double> sync_ms;
  std::string first_problem;
  Clock::time_point started, phones_stopped;
  std::string log_started, log_phones_stopped;  // the same moments as the server's log writes them
};

// One session's board, polled with ?since= every poll_every seconds until `stop`.
void PollBoard(int port, const Session& session, double poll_every, const std::atomic<bool>& stop, BoardSeen& seen) {
  httplib::Client http = MakeClient(port, "", true);  // a browser tab keeps its connection
  const httplib::Headers headers = {{"Authorization", "Bearer " + session.token}};
  std::int64_t version = -1;
  auto next = Clock::now();
  while (!stop) {
    std::this_thread::sleep_until(next);
    next += Seconds(poll_every);
    const std::string path =
        "/api/v1/sessions/" + session.id + "/board" + (version >= 0 ? "?since=" + std::to_string(version) : "");
    const auto sent = Clock::now();
    auto res = http.Get(path.c_str(), headers);
    const auto answered = Clock::now();
    ++seen.polls;
    seen.poll_ms.push_back(SecondsBetween(sent, answered) * 1000.0);
    if (!res || res->status != 200) {
      ++seen.errors;
      continue;
    }
    const json board = json::parse(res->body, nullptr, false);
    if (board.is_discarded()) {
      ++seen.errors;
      continue;
    }
    version = board.value("version", version);
    if (board.value("unchanged", false)) {
      ++seen.unchanged;
      continue;
    }
    seen.changed_bytes += static_cast<double>(res->body.size());
    for (const json& item : board["items"]) seen.first_seen.emplace(item.value("id", ""), answered);
  }
}

// The phones of `phones` (every `threads`-th, from `first`), each sending a rating every
// rate_every seconds (0.8 to 1.2 times, at random) until `until`.
void SendRatings(int port, const Settings& settings, const std::vector<Session>& sessions,
                 const std::vector<std::string>& place_ids, std::vector<Phone>& phones, int first,
                 Clock::time_point until, std::atomic<std::uint64_t>& next_id, Load& load, std::mutex& mutex) {
  std::mt19937_64 random(static_cast<std::uint64_t>(first) * 7919 + 17);
  std::uniform_real_distribution<double> spread(0.8, 1.2);
  struct Due {
    Clock::time_point at;
    std::size_t phone;
    bool operator>(const Due& other) const { return at > other.at; }
  };
  std::vector<Due> queue;
  std::map<std::size_t, httplib::Client> connections;
  const auto start = Clock::now();
  for (std::size_t i = static_cast<std::size_t>(first); i < phones.size();
       i += static_cast<std::size_t>(settings.client_threads)) {
    queue.push_back({start + Seconds(settings.rate_every * std::uniform_real_distribution<double>(0, 1)(random)), i});
    if (settings.phone_keep_alive) connections.emplace(i, MakeClient(port, phones[i].address, true));
  }
  std::make_heap(queue.begin(), queue.end(), std::greater<>());
  std::vector<std::pair<int, Accepted>> accepted;
  std::vector<double> sync_ms;
  long errors = 0;
  std::string problem;
  while (!queue.empty()) {
    std::pop_heap(queue.begin(), queue.end(), std::greater<>());
    Due due = queue.back();
    queue.pop_back();
    if (due.at >= until) continue;
    std::this_thread::sleep_until(due.at);
    Phone& phone = phones[due.phone];
    const std::uint64_t n = next_id++;
    core::Rating rating = sync_samples::MakeRating(sync_samples::Uuid(0x100000000ull + n),
                                                   place_ids[n % place_ids.size()], phone.device_id,
                                                   static_cast<unsigned>(n % 4 == 1 ? n + 1 : n));  // no comments
    rating.session_id = sessions[static_cast<std::size_t>(phone.session)].id;
    const std::vector<core::OutboxItem> items = {core::OutboxItem{rating}};
    const std::string body = core::BuildSyncRequest(phone.device_id, phone.cursor, items);
    const auto sent = Clock::now();
    httplib::Result res = settings.phone_keep_alive
                              ? connections.at(due.phone).Post("/api/v1/sync", body, "application/json")
                              : MakeClient(port, phone.address, false).Post("/api/v1/sync", body, "application/json");
    const auto answered = Clock::now();
    sync_ms.push_back(SecondsBetween(sent, answered) * 1000.0);
    const json answer = res && res->status == 200 ? json::parse(res->body, nullptr, false) : json();
    const bool ok =
        answer.is_object() && answer["results"].size() == 1 && answer["results"][0].value("status", "") == "accepted";
    if (ok) {
      accepted.push_back({phone.session, {rating.id, answered}});
      phone.cursor = answer.value("cursor", phone.cursor);
    } else {
      ++errors;
      if (problem.empty())
        problem = res ? "sync: " + std::to_string(res->status) + " " + res->body.substr(0, 200)
                      : "sync: " + httplib::to_string(res.error());
    }
    queue.push_back({due.at + Seconds(settings.rate_every * spread(random)), due.phone});
    std::push_heap(queue.begin(), queue.end(), std::greater<>());
  }
  std::lock_guard lock(mutex);
  for (auto& [session, item] : accepted) load.accepted[static_cast<std::size_t>(session)].push_back(std::move(item));
  load.syncs += static_cast<long>(sync_ms.size());
  load.sync_errors += errors;
  load.sync_ms.insert(load.sync_ms.end(), sync_ms.begin(), sync_ms.end());
  if (load.first_problem.empty()) load.first_problem = problem;
}

Load RunLoad(int port, const Settings& settings, const std::vector<Session>& sessions,
             const std::vector<std::string>& place_ids, std::vector<Phone>& phones) {
  Load load;
  load.accepted.resize(sessions.size());
  load.boards.resize(sessions.size());
  std::atomic<bool> stop_polling{false};
  std::vector<std::thread> pollers;
  for (std::size_t s = 0; s < sessions.size(); ++s)
    pollers.emplace_back([&, s] { PollBoard(port, sessions[s], settings.poll_every, stop_polling, load.boards[s]); });

  load.started = Clock::now();
  load.log_started = server::UtcTimestamp();
  const auto until = load.started + Seconds(settings.seconds);
  std::atomic<std::uint64_t> next_id{0};
  std::mutex mutex;
  std::vector<std::thread> senders;
  for (int t = 0; t < settings.client_threads; ++t)
    senders.emplace_back(
        [&, t] { SendRatings(port, settings, sessions, place_ids, phones, t, until, next_id, load, mutex); });
  for (std::thread& sender : senders) sender.join();
  load.phones_stopped = Clock::now();
  load.log_phones_stopped = server::UtcTimestamp();
  std::this_thread::sleep_for(Seconds(kGraceSeconds * settings.poll_every));
  stop_polling = true;
  for (std::thread& poller : pollers) poller.join();
  return load;
}

// [SECTION] Figures and the check

struct Check {
  long accepted = 0;
  long missing = 0;         // accepted, never on its own board
  long elsewhere = 0;       // on another session's board
  long never_accepted = 0;  // on a board, but no phone was told it was accepted
  std::vector<double> delays_ms;
  bool Passed() const { return accepted > 0 && missing == 0 && elsewhere == 0 && never_accepted == 0; }
};

Check CheckBoards(const Load& load) {
  Check check;
  std::map<std::string, std::size_t> session_of;  // accepted item -> its session
  for (std::size_t s = 0; s < load.accepted.size(); ++s)
    for (const Accepted& item : load.accepted[s]) session_of.emplace(item.item_id, s);
  for (std::size_t s = 0; s < load.accepted.size(); ++s) {
    const BoardSeen& board = load.boards[s];
    for (const Accepted& item : load.accepted[s]) {
      ++check.accepted;
      const auto seen = board.first_seen.find(item.item_id);
      if (seen == board.first_seen.end()) {
        ++check.missing;
        continue;
      }
      check.delays_ms.push_back(std::max(0.0, SecondsBetween(item.at, seen->second) * 1000.0));
    }
    for (const auto& [id, when] : board.first_seen) {
      const auto owner = session_of.find(id);
      if (owner == session_of.end()) {
        ++check.never_accepted;
      } else if (owner->second != s) {
        ++check.elsewhere;
      }
    }
  }
  std::sort(check.delays_ms.begin(), check.delays_ms.end());
  return check;
}

// The server's own log, over the phones' window: requests per second and its time per kind.
void PrintServerRates(const std::filesystem::path& log_path, const Load& load) {
  const std::string& from = load.log_started;
  const std::string& to = load.log_phones_stopped;
  const double window = SecondsBetween(load.started, load.phones_stopped);
  struct Kind {
    long count = 0, failed = 0;
    std::vector<double> millis;
  };
  std::map<std::string, Kind> kinds;
  std::ifstream log(log_path);
  std::string line;
  while (std::getline(log, line)) {
    const std::optional<LoggedRequest> request = ParseRequestLine(line);
    if (!request || request->time < from || request->time > to) continue;
    std::string kind = request->method + " " + request->path;
    if (request->path.ends_with("/board")) kind = "GET /api/v1/sessions/{id}/board";
    Kind& k = kinds[kind];
    ++k.count;
    if (request->status >= 400) ++k.failed;
    k.millis.push_back(request->millis);
  }
  long total = 0;
  for (const auto& [name, kind] : kinds) total += kind.count;
  std::printf("server (its request log, while the phones sent): %.0f requests/s in all\n", total / window);
  std::printf("  %-36s %10s %8s %12s %12s\n", "request", "per second", "4xx/5xx", "server p50 ms", "server p95 ms");
  for (auto& [name, kind] : kinds) {
    std::sort(kind.millis.begin(), kind.millis.end());
    std::printf("  %-36s %10.1f %8ld %12.2f %12.2f\n", name.c_str(), kind.count / window, kind.failed,
                Percentile(kind.millis, 0.5), Percentile(kind.millis, 0.95));
  }
}

void PrintFigures(const Settings& settings, const Load& load, const Check& check, pid_t server_pid,
                  double server_cpu_seconds) {
  const double window = SecondsBetween(load.started, load.phones_stopped);
  std::vector<double> sync_ms = load.sync_ms;
  std::sort(sync_ms.begin(), sync_ms.end());
  long polls = 0, unchanged = 0, poll_errors = 0;
  double changed_bytes = 0;
  std::vector<double> poll_ms;
  for (const BoardSeen& board : load.boards) {
    polls += board.polls;
    unchanged += board.unchanged;
    poll_errors += board.errors;
    changed_bytes += board.changed_bytes;
    poll_ms.insert(poll_ms.end(), board.poll_ms.begin(), board.poll_ms.end());
  }
  std::sort(poll_ms.begin(), poll_ms.end());
  const long changed = polls - unchanged - poll_errors;
  std::printf("\nboard update delay (phone told \"accepted\" -> item first on its board), %ld items:\n",
              static_cast<long>(check.delays_ms.size()));
  std::printf("  median %.0f ms, p95 %.0f ms, max %.0f ms   (boards poll every %.1f s: the poll sets most of it)\n",
              Percentile(check.delays_ms, 0.5), Percentile(check.delays_ms, 0.95),
              check.delays_ms.empty() ? 0.0 : check.delays_ms.back(), settings.poll_every);
  std::printf("phones: %ld syncs in %.1f s (%.1f/s), %ld failed; a sync took p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
              load.syncs, window, load.syncs / window, load.sync_errors, Percentile(sync_ms, 0.5),
              Percentile(sync_ms, 0.95), sync_ms.empty() ? 0.0 : sync_ms.back());
  std::printf(
      "boards: %ld polls, %ld unchanged, %ld changed (%.0f KB on average), %ld failed; a poll took p50 %.1f ms, "
      "p95 %.1f ms\n",
      polls, unchanged, changed, changed > 0 ? changed_bytes / changed / 1024.0 : 0.0, poll_errors,
      Percentile(poll_ms, 0.5), Percentile(poll_ms, 0.95));
  std::printf("server process: %.1f s of CPU over the run, peak resident %.0f MB\n", server_cpu_seconds,
              StatusMb(server_pid, "VmHWM"));
  if (!load.first_problem.empty()) std::printf("  first problem: %s\n", load.first_problem.c_str());
  std::printf(
      "check: %ld accepted; %ld missing from their board, %ld on another session's board, %ld on a board "
      "but never accepted: %s\n",
      check.accepted, check.missing, check.elsewhere, check.never_accepted,
      check.Passed() ? "every accepted item on its own board only" : "FAILED");
}

bool ParseSettings(int argc, char** argv, Settings& settings) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--sessions" && has_value) {
      settings.sessions = std::atoi(argv[++i]);
    } else if (arg == "--phones" && has_value) {
      settings.phones = std::atoi(argv[++i]);
    } else if (arg == "--seconds" && has_value) {
      settings.seconds = std::atof(argv[++i]);
    } else if (arg == "--rate-every" && has_value) {
      settings.rate_every = std::atof(argv[++i]);
    } else if (arg == "--poll-every" && has_value) {
      settings.poll_every = std::atof(argv[++i]);
    } else if (arg == "--threads" && has_value) {
      settings.client_threads = std::atoi(argv[++i]);
    } else if (arg == "--server" && has_value) {
      settings.server_binary = argv[++i];
    } else if (arg == "--keep-alive") {
      settings.phone_keep_alive = true;
    } else if (arg == "--check") {
      settings.check = true;
    } else if (arg == "--quick") {
      settings.sessions = 3;
      settings.phones = 5;
      settings.seconds = 5;
      settings.rate_every = 1.0;
      settings.client_threads = 3;
    } else {
      std::fprintf(stderr,
                   "usage: safespaces-session-load [--quick] [--sessions N] [--phones N] [--seconds S]\n"
                   "         [--rate-every S] [--poll-every S] [--threads N] [--keep-alive] [--check]\n"
                   "         [--server PATH]\n"
                   "  --quick: 3 sessions x 5 phones, a rating a second each, for 5 s (what the ctest runs)\n");
      return false;
    }
  }
  return settings.sessions >= 1 && settings.sessions <= 250 && settings.phones >= 1 && settings.phones <= 250 &&
         settings.seconds > 0 && settings.rate_every > 0 && settings.poll_every > 0 && settings.client_threads >= 1;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  if (!ParseSettings(argc, argv, settings)) return 2;
  std::printf("Safe Spaces co-production sessions under load\n");
  std::printf("machine: %u CPUs, %s, %s; load average at start %s\n", std::thread::hardware_concurrency(),
              CpuModel().c_str(), Kernel().c_str(), LoadAverage().c_str());
  std::printf("%d sessions x %d phones; each phone rates every %.1f s (0.8-1.2x), %s; %d client threads;\n",
              settings.sessions, settings.phones, settings.rate_every,
              settings.phone_keep_alive ? "keeping its connection open" : "a new connection per sync",
              settings.client_threads);
  std::printf("one board per session polls ?since= every %.1f s on a kept connection; %.0f s of load\n",
              settings.poll_every, settings.seconds);

  TempDir root;
  if (root.Path().empty()) return std::fprintf(stderr, "could not make a temporary folder\n"), 1;
  const std::filesystem::path data_dir = root.Path() / "data";
  std::vector<std::string> place_ids;
  if (!PrepareData(data_dir, place_ids)) return 1;
  const std::filesystem::path log_path = root.Path() / "server.log";
  ChildProcess server(SafeSpacesServerArgs(settings.server_binary, 0, data_dir), log_path.string());
  const int port = WaitForServerPort(server, 20s);
  if (port <= 0) return std::fprintf(stderr, "the server did not start (%s)\n", settings.server_binary.c_str()), 1;

  const std::optional<std::vector<Session>> sessions = StartSessions(port, settings.sessions);
  if (!sessions) return 1;
  std::vector<Phone> phones;
  for (int s = 0; s < settings.sessions; ++s)
    for (int p = 0; p < settings.phones; ++p)
      phones.push_back({s, sync_samples::Uuid(0x200000 + static_cast<std::uint64_t>(s) * 1000 + p),
                        "127.1." + std::to_string(s) + "." + std::to_string(p + 1), ""});
  const auto joins_started = Clock::now();
  const bool joined = JoinAll(port, *sessions, phones, settings.client_threads);
  std::printf("joined: %zu phones in %.2f s%s\n", phones.size(), SecondsBetween(joins_started, Clock::now()),
              joined ? "" : " (SOME COULD NOT JOIN)");
  std::fflush(stdout);
  std::this_thread::sleep_for(200ms);  // the joins' log lines are written before the window opens

  const double cpu_before = ProcessCpuMicros(server.Pid());
  const Load load = RunLoad(port, settings, *sessions, place_ids, phones);
  const double server_cpu_seconds = (ProcessCpuMicros(server.Pid()) - cpu_before) / 1e6;
  const Check check = CheckBoards(load);
  PrintFigures(settings, load, check, server.Pid(), server_cpu_seconds);
  server.Stop(10s);
  PrintServerRates(log_path, load);
  const bool passed = joined && check.Passed();
  return settings.check && !passed ? 1 : 0;
}
