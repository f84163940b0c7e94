// The hostile-request table (issue 9, 4b): every /api/v1 route in server.cpp's route table
// gets malformed, oversized, wrongly typed, wrongly encoded and injection-style requests,
// written as raw bytes on a socket. Each must be a 4xx with a JSON error in words, the server
// must answer /api/v1/health after each, and no row of any table may change. A new route is
// covered by itself; a sample body for it (Samples) adds the per-field cases. Prints every
// request and writes a matrix to hostile-requests.md in the build folder. Start at the TEST_CASEs.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/restore_code.h"
#include "in_process_server.h"
#include "staff_http.h"
#include "store/database.h"
#include "store_sync_samples.h"

namespace {

using nlohmann::json;
using store::StaffRole;

constexpr std::size_t kHugeString = 1u << 20;            // bytes in the "1 MB string" cases
constexpr std::size_t kOverLimitBody = 5u << 20;         // bytes: over the server's 4 MB body limit
constexpr int kDeepNesting = 10000;                      // levels of [ in the deep JSON case
constexpr std::size_t kLongPathPart = 2000;              // characters in the long-id case (under httplib's 8 KB line)
constexpr std::size_t kOverlongUri = 9000;               // characters: over httplib's 8 KB request line
constexpr auto kReadTimeout = std::chrono::seconds(20);  // per request: a 5 MB body on a busy machine

const std::string kInjection = "'; DROP TABLE places; --";
const std::string kInjectionEncoded = "%27%3B%20DROP%20TABLE%20places%3B%20--";

// [SECTION] Raw HTTP
// Our own bytes on a socket, so nothing tidies a path, an encoding or a header on the way.

struct RawAnswer {
  int status = 0;  // 0: no answer at all (the connection was dropped)
  std::string head;
  std::string body;

  std::string Header(std::string name) const {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::istringstream lines(head);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = line.substr(0, colon);
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
      if (key == name) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
    return "";
  }
};

std::string Dechunk(const std::string& chunked) {
  std::string out;
  std::size_t at = 0;
  while (at < chunked.size()) {
    const std::size_t line_end = chunked.find("\r\n", at);
    if (line_end == std::string::npos) break;
    const std::size_t size = std::stoul(chunked.substr(at, line_end - at), nullptr, 16);
    if (size == 0) break;
    out += chunked.substr(line_end + 2, size);
    at = line_end + 2 + size + 2;
  }
  return out;
}

// Sends `head` (request line and headers, without the blank line) and `body`, closing the
// connection after the answer. Stops sending when the server answers early (an early 413).
RawAnswer SendRaw(int port, const std::string& head, const std::string& body) {
  RawAnswer answer;
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) return answer;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(sock);
    return answer;
  }
  const std::string bytes = head + "Connection: close\r\n\r\n" + body;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    pollfd early{sock, POLLIN, 0};
    if (sent > head.size() && poll(&early, 1, 0) > 0) break;  // answered before the body was all sent
    const ssize_t n =
        send(sock, bytes.data() + sent, std::min<std::size_t>(bytes.size() - sent, 64 * 1024), MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + kReadTimeout;
  char buffer[64 * 1024];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd wait{sock, POLLIN, 0};
    if (poll(&wait, 1, 100) <= 0) continue;
    const ssize_t n = recv(sock, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  close(sock);
  const std::size_t blank = received.find("\r\n\r\n");
  if (received.rfind("HTTP/1.", 0) != 0 || blank == std::string::npos) return answer;
  answer.status = std::atoi(received.c_str() + received.find(' ') + 1);
  answer.head = received.substr(0, blank);
  answer.body = received.substr(blank + 4);
  if (answer.Header("Transfer-Encoding") == "chunked") answer.body = Dechunk(answer.body);
  return answer;
}

// [SECTION] The route table, read from server.cpp

struct SourceRoute {
  std::string method;   // "GET", "POST", ...
  std::string pattern;  // as in server.cpp
  std::string handler;  // the lambda's source text: what it reads
  bool ReadsBody() const { return handler.find("req.body") != std::string::npos; }
  bool NeedsStaff() const { return handler.find("\"Authorization\"") != std::string::npos; }
  std::vector<std::string> QueryParams() const {
    std::vector<std::string> names;
    const std::regex param(R"re(Param\(req,\s*"([a-z_]+)"\))re");
    for (auto it = std::sregex_iterator(handler.begin(), handler.end(), param); it != std::sregex_iterator(); ++it)
      names.push_back((*it)[1]);
    return names;
  }
};

// Every /api/v1 row of the route table, with its lambda's text (up to the next row).
std::vector<SourceRoute> RoutesInServerSource() {
  std::ifstream file(SAFESPACES_SERVER_SOURCE);
  REQUIRE(file);
  std::stringstream text;
  text << file.rdbuf();
  const std::string source = text.str();
  const std::regex row(R"re(\{Method::(Get|Post|Put|Patch|Delete),\s*(?:R"\(([^"]*)\)"|"([^"]*)")\s*,)re");
  std::vector<std::pair<std::smatch, std::size_t>> rows;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), row); it != std::sregex_iterator(); ++it)
    rows.emplace_back(*it, static_cast<std::size_t>(it->position(0)));
  std::vector<SourceRoute> routes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::smatch& match = rows[i].first;
    const std::string pattern = match[2].matched ? match[2].str() : match[3].str();
    if (!pattern.starts_with("/api/v1")) continue;
    std::string method = match[1];
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::size_t start = rows[i].second + match.length(0);
    const std::size_t end = i + 1 < rows.size() ? rows[i + 1].second : source.size();
    routes.push_back({method, pattern, source.substr(start, end - start)});
  }
  return routes;
}

// The addresses a route's pattern matches, with "{id}" for each path parameter:
// "/api/v1/sessions/([^/]+)/summary(\.csv|\.html)?" gives ".../{id}/summary", "....csv", "....html".
// Our patterns never nest groups.
std::vector<std::string> ExamplePaths(const std::string& pattern) {
  std::vector<std::string> paths = {""};
  for (std::size_t i = 0; i < pattern.size();) {
    std::vector<std::string> options;
    if (pattern[i] == '(') {
      const std::size_t close = pattern.find(')', i);
      REQUIRE(close != std::string::npos);
      const std::string inside = pattern.substr(i + 1, close - i - 1);
      i = close + 1;
      if (inside == "[^/]+" || inside == "[^/]*") {
        options = {"{id}"};
      } else {
        std::string option;
        for (std::size_t j = 0; j <= inside.size(); ++j) {
          if (j == inside.size() || inside[j] == '|') {
            options.push_back(option);
            option.clear();
          } else if (inside[j] == '\\' && j + 1 < inside.size()) {
            option += inside[++j];
          } else {
            option += inside[j];
          }
        }
      }
      if (i < pattern.size() && pattern[i] == '?') {
        options.insert(options.begin(), "");
        ++i;
      }
    } else if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      options = {std::string(1, pattern[i + 1])};
      i += 2;
    } else {
      options = {std::string(1, pattern[i])};
      ++i;
    }
    std::vector<std::string> longer;
    for (const std::string& path : paths)
      for (const std::string& option : options) longer.push_back(path + option);
    paths = std::move(longer);
  }
  return paths;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// [SECTION] The server, the things its paths name, and sample bodies

const std::string kNewDevice = "<a new device id>";  // replaced by a fresh id in every request

std::string RandomUuid() {
  static std::mt19937_64 random{std::random_device{}()};
  char text[40];
  std::snprintf(
      text, sizeof(text), "%08llx-%04llx-4%03llx-8%03llx-%012llx",
      static_cast<unsigned long long>(random() & 0xFFFFFFFFull), static_cast<unsigned long long>(random() & 0xFFFFull),
      static_cast<unsigned long long>(random() & 0xFFFull), static_cast<unsigned long long>(random() & 0xFFFull),
      static_cast<unsigned long long>(random() & 0xFFFFFFFFFFFFull));
  return text;
}

// What a route's sample request looks like: a body that would be a real request (so each
// case changes one thing about it), its type, and which of its fields are free words.
struct Sample {
  json body;
  std::string content_type = "application/json";
  std::set<std::string> free_text;  // JSON pointers: any words are valid there (phase two)
  bool empty_is_valid = false;      // an empty body is a real request here (approve as it is)
};

struct World {
  InProcessServer& server;
  std::string officer;       // bearer token
  std::string session_id;    // a session the officer started
  std::string room_code;     // its code
  std::string suggestion;    // a suggested place waiting for an officer
  std::string comment;       // a rating with words waiting for an officer
  std::string place;         // an approved place
  std::string spare_staff;   // a youth worker's account
  std::string restore_code;  // a valid, unregistered restore code
  int requests = 0;

  // The real thing a path parameter names on this route, so the request reaches the end.
  std::string IdFor(const std::string& path) const {
    if (path.starts_with("/api/v1/sessions/")) return session_id;
    if (path.starts_with("/api/v1/review/suggestions/")) return suggestion;
    if (path.starts_with("/api/v1/review/comments/")) return comment;
    if (path.starts_with("/api/v1/places/")) return place;
    if (path.starts_with("/api/v1/staff/")) return spare_staff;
    return sync_samples::Uuid(0x5151);  // a route this test does not know yet
  }

  std::map<std::string, Sample> Samples() const {
    const json area = {{"south", 52.39}, {"west", -1.53}, {"north", 52.42}, {"east", -1.49}};
    const json point = {{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", {-1.51, 52.41}}}},
                        {"properties", {{"name", "Quiet Library"}, {"category", "library"}}}};
    return {
        {"/api/v1/sync", {{{"device_id", kNewDevice}, {"cursor", "0"}, {"items", json::array()}}}},
        {"/api/v1/restore", {{{"code", restore_code}}}},
        {"/api/v1/restore-code", {{{"device_id", kNewDevice}, {"code", restore_code}}}},
        {"/api/v1/device/erase", {{{"device_id", kNewDevice}}}},
        // An unknown username: a wrong password for a real one is counted in its row, by design.
        {"/api/v1/staff/login", {{{"username", "nobody.here"}, {"password", staff_http::kPassword}}}},
        {"/api/v1/sessions/join", {{{"room_code", room_code}, {"device_id", kNewDevice}, {"nickname", "Brave Otter"}}}},
        {"/api/v1/sessions/leave", {{{"session_id", session_id}, {"device_id", kNewDevice}}}},
        {"/api/v1/sessions/status", {{{"session_id", session_id}, {"device_id", kNewDevice}}}},
        {"/api/v1/sessions",
         {{{"name", "Tuesday group"}, {"theme", "Parks"}, {"area", area}}, "application/json", {"/name", "/theme"}}},
        {"/api/v1/sessions/{id}/hide", {{{"item_id", sync_samples::Uuid(0x4242)}}}},
        {"/api/v1/sessions/{id}/state", {{{"state", "paused"}}}},
        {"/api/v1/review/suggestions/{id}/approve",
         {{{"edit",
            {{"name", "Quiet Cafe"},
             {"category", "cafe"},
             {"address", "1 High Street"},
             {"lat", 52.41},
             {"lon", -1.51}}}},
          "application/json",
          {"/edit/name", "/edit/address"},
          true}},
        {"/api/v1/review/suggestions/{id}/reject", {{{"reason", "already_on_map"}}}},
        {"/api/v1/review/suggestions/{id}/merge", {{{"into", place}}}},
        {"/api/v1/places/{id}/scheme",
         {{{"status", "agreed"}, {"checked_on", "2024-05-01"}, {"check_again_on", "2025-05-01"}}}},
        {"/api/v1/staff",
         {{{"username", "new.worker"}, {"password", "a long enough password"}, {"role", "youth_worker"}},
          "application/json",
          {"/password"}}},
        {"/api/v1/staff/{id}/active", {{{"active", false}}}},
        {"/api/v1/import",
         {{{"type", "FeatureCollection"}, {"features", json::array({point})}}, "application/geo+json"}},
    };
  }
};

// The sample's text with every new-device marker replaced by a fresh id (a device may join
// only so often: each request is a new phone).
std::string Fresh(const std::string& text) {
  return Replace(text, "\"" + kNewDevice + "\"", "\"" + RandomUuid() + "\"");
}

// [SECTION] The database, table by table

// Every row of every table as text, sorted, by table name.
std::map<std::string, std::vector<std::string>> TableRows(const InProcessServer& server) {
  store::Database db = staff_http::OpenData(server);
  std::vector<std::string> tables;
  store::Statement names = db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.Step() == store::StepResult::Row) tables.emplace_back(names.ColumnText(0));
  std::map<std::string, std::vector<std::string>> rows;
  for (const std::string& table : tables) {
    store::Statement all = db.Prepare("SELECT * FROM \"" + table + "\"");
    REQUIRE(all.IsValid());
    std::vector<std::string>& list = rows[table];
    while (all.Step() == store::StepResult::Row) {
      std::string row;
      for (int c = 0; c < all.ColumnCount(); ++c) {
        if (c) row += '|';
        row += all.ColumnIsNull(c) ? std::string_view("NULL") : all.ColumnBlob(c);
      }
      list.push_back(std::move(row));
    }
    std::sort(list.begin(), list.end());
  }
  return rows;
}

// [SECTION] Cases

struct Request {
  std::string route;   // "POST /api/v1/sync": the row of the table it belongs to
  std::string kind;    // the case's row in the matrix ("a field wrongly typed")
  std::string detail;  // which field or value, for the printed line
  std::string method;
  std::string target;  // path and query, as written on the request line
  std::string body;
  std::string content_type;   // "" for none
  bool as_officer = true;     // with the officer's token when the route needs staff
  std::string authorization;  // instead of the officer's, when set
  int want = 0;               // the exact status it must get; 0 for any 4xx
};

std::string WrongTypeFor(const json& value) {
  if (value.is_string()) return "12345";
  if (value.is_number()) return "\"52.41\"";
  if (value.is_boolean()) return "\"yes\"";
  if (value.is_object()) return "[1, 2]";
  if (value.is_array()) return "{\"a\": 1}";
  return "\"null\"";
}

// The sample's leaves (inside objects, not lists) as JSON pointers: "/device_id", "/edit/lat".
void Leaves(const json& value, const std::string& at, std::vector<std::string>& out) {
  if (value.is_object() && !at.empty() && value.empty()) out.push_back(at);
  if (!value.is_object()) {
    out.push_back(at);
    return;
  }
  for (const auto& [key, inner] : value.items()) Leaves(inner, at + "/" + key, out);
}

// The sample's text with the leaf at `pointer` replaced by `raw` (any bytes, even not JSON).
std::string WithRaw(const json& sample, const std::string& pointer, const std::string& raw) {
  json copy = sample;
  const std::string marker = "<<hostile value here>>";
  copy[json::json_pointer(pointer)] = marker;
  return Replace(copy.dump(), "\"" + marker + "\"", raw);
}

// The requests for a route that reads a body, each one thing wrong with its sample.
void BodyCases(const std::string& route, const std::string& target, const Sample& sample, std::vector<Request>& out) {
  auto add = [&](std::string kind, std::string detail, std::string body, std::string type = "", int want = 0) {
    out.push_back({route, std::move(kind), std::move(detail), "POST", target, Fresh(body),
                   type.empty() ? sample.content_type : type, true, "", want});
  };
  const std::string good = sample.body.dump();
  if (!sample.empty_is_valid) add("empty body", "", "");
  add("not JSON", "plain words", "hello, this is not JSON");
  add("not JSON", "cut off", good.substr(0, good.size() / 2));
  add("not JSON", "a raw NUL byte", std::string("{\"a\0\": 1}", 9));
  for (const std::string wrong : {"[]", "42", "\"text\"", "null", "true"}) add("JSON of the wrong type", wrong, wrong);
  add("10,000 levels deep", "the whole body", std::string(kDeepNesting, '[') + std::string(kDeepNesting, ']'));
  add("over 4 MB", "5 MB", "{\"a\": \"" + std::string(kOverLimitBody, 'A') + "\"}", "", 413);
  add("wrong Content-Type", "text/plain", good, "text/plain", 415);
  add("wrong Content-Type", "form", good, "application/x-www-form-urlencoded", 415);
  add("wrong Content-Type", "none", good, "-", 415);

  std::vector<std::string> leaves;
  Leaves(sample.body, "", leaves);
  for (const std::string& leaf : leaves) {
    const json& value = sample.body[json::json_pointer(leaf)];
    const bool free_text = sample.free_text.contains(leaf);
    add("a field wrongly typed", leaf, WithRaw(sample.body, leaf, WrongTypeFor(value)));
    add("a field 10,000 levels deep", leaf,
        WithRaw(sample.body, leaf, std::string(kDeepNesting, '[') + std::string(kDeepNesting, ']')));
    add("a 1 MB string", leaf, WithRaw(sample.body, leaf, "\"" + std::string(kHugeString, 'A') + "\""));
    add("invalid UTF-8", leaf, WithRaw(sample.body, leaf, "\"caf\xff\xfe\""));
    add("overlong UTF-8", leaf, WithRaw(sample.body, leaf, "\"\xc0\xaf\xe0\x80\xaf\""));
    add("overlong UTF-8", leaf + " (a surrogate)", WithRaw(sample.body, leaf, "\"\xed\xa0\x80\""));
    if (!free_text) {
      add("NUL in a string", leaf, WithRaw(sample.body, leaf, "\"abc\\u0000def\""));
      add("SQL injection", leaf, WithRaw(sample.body, leaf, json(kInjection).dump()));
      add("SQL injection", leaf + " (OR 1=1)", WithRaw(sample.body, leaf, json("x' OR '1'='1").dump()));
    }
    for (const std::string number : {"1e309", "-0", "NaN", "1e99", "-1"})
      add("absurd number", leaf + " = " + number, WithRaw(sample.body, leaf, number));
  }
  // The last copy of a key is the one read: a hostile last copy must be refused.
  for (const auto& [key, value] : sample.body.items()) {
    std::string twice = good;
    twice.insert(twice.size() - 1, "," + json(key).dump() + ":" + WrongTypeFor(value));
    add("duplicate keys", key, twice);
  }
}

// Path parameters that try to leave their place: each must be a 4xx JSON error.
const std::vector<std::pair<std::string, std::string>> kHostileIds = {
    {"../../etc/passwd", "../../etc/passwd"},
    {"..%2F..%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd"},
    {"%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"},
    {"..%252F..%252Fetc%252Fpasswd (twice encoded)", "..%252F..%252Fetc%252Fpasswd"},
    {"SQL injection", kInjectionEncoded},
    {"a NUL byte", "abc%00def"},
    {"invalid UTF-8", "caf%ff%fe"},
    {"overlong UTF-8", "%c0%af%c0%af"},
    {"2,000 characters", std::string(kLongPathPart, '7')},
};

const std::vector<std::pair<std::string, std::string>> kHostileQueryValues = {
    {"-1", "-1"},
    {"abc", "abc"},
    {"1e99", "1e99"},
    {"a NUL byte", "1%00"},
    {"invalid UTF-8", "%ff%fe"},
    {"SQL injection", kInjectionEncoded},
    {"2,000 characters", std::string(kLongPathPart, '9')},
};

// Query values that are any words by design: a search or a filter finding nothing is a 200.
bool QueryAllowsWords(const std::string& param) {
  return param == "search" || param == "session" || param == "category";
}

std::vector<Request> AllRequests(const std::vector<SourceRoute>& routes, const World& world,
                                 std::set<std::string>& without_sample) {
  const std::map<std::string, Sample> samples = world.Samples();
  std::vector<Request> out;
  for (const SourceRoute& route : routes) {
    const std::size_t first_of_route = out.size();
    for (const std::string& shape : ExamplePaths(route.pattern)) {
      const std::string name = route.method + " " + shape;
      const std::string path = Replace(shape, "{id}", world.IdFor(shape));
      const auto sample = samples.find(shape);
      const std::string sample_body = sample == samples.end() ? "{}" : sample->second.body.dump();
      const std::string sample_type = sample == samples.end() ? "application/json" : sample->second.content_type;
      const std::string body = route.method == "GET" ? "" : sample_body;
      const std::string type = route.method == "GET" ? "" : sample_type;
      if (route.ReadsBody()) {
        if (sample == samples.end()) {
          without_sample.insert(name);
          BodyCases(name, path, Sample{json::object()}, out);
        } else {
          BodyCases(name, path, sample->second, out);
        }
      }
      // Wrong methods: this address exists, for another method.
      out.push_back({name, "wrong method", "DELETE", "DELETE", path, "", "", true, "", 405});
      if (route.method == "GET")
        out.push_back({name, "wrong method", "PUT", "PUT", path, "{}", "application/json", true, "", 405});
      // Path parameters that try to leave their place, with the sample body.
      if (shape.find("{id}") != std::string::npos)
        for (const auto& [detail, id] : kHostileIds)
          out.push_back({name, "path traversal and odd ids", detail, route.method, Replace(shape, "{id}", id),
                         Fresh(body), type, true, "", 0});
      for (const std::string& param : route.QueryParams()) {
        if (QueryAllowsWords(param)) continue;
        for (const auto& [detail, value] : kHostileQueryValues)
          out.push_back({name, "bad query string", param + "=" + detail, route.method, path + "?" + param + "=" + value,
                         Fresh(body), type, true, "", 0});
      }
      if (route.NeedsStaff()) {
        out.push_back({name, "forged token", "SQL injection", route.method, path, Fresh(body), type, false,
                       "Bearer " + kInjection, 401});
        out.push_back({name, "forged token", "not Bearer", route.method, path, Fresh(body), type, false,
                       "Basic b2xpdmU6b2xpdmU=", 401});
      }
    }
    // The officer's token goes only where a login is asked for (a login's own 401 is its answer).
    for (std::size_t i = first_of_route; i < out.size(); ++i)
      out[i].as_officer = out[i].as_officer && route.NeedsStaff();
  }
  // Too long a request line for the server to read at all, on the first route.
  if (!routes.empty())
    out.push_back({routes.front().method + " " + routes.front().pattern, "request line over 8 KB", "9,000 characters",
                   "GET", routes.front().pattern + "?x=" + std::string(kOverlongUri, 'x'), "", "", true, "", 0});
  return out;
}

// [SECTION] Sending and judging

bool HasWords(const std::string& text) { return std::regex_search(text, std::regex("[A-Za-z]+ [A-Za-z]+")); }

RawAnswer Send(const InProcessServer& server, World& world, const Request& request) {
  std::string head = request.method + " " + request.target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  // Each request from an address of its own (the server trusts X-Real-IP here, as behind
  // nginx), so the rate limits never answer for the handler.
  ++world.requests;
  head += "X-Real-IP: 10." + std::to_string((world.requests >> 16) & 255) + "." +
          std::to_string((world.requests >> 8) & 255) + "." + std::to_string(world.requests & 255) + "\r\n";
  if (!request.authorization.empty())
    head += "Authorization: " + request.authorization + "\r\n";
  else if (request.as_officer)
    head += "Authorization: Bearer " + world.officer + "\r\n";
  if (!request.content_type.empty() && request.content_type != "-")
    head += "Content-Type: " + request.content_type + "\r\n";
  if (request.method != "GET" || !request.body.empty())
    head += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
  return SendRaw(server.Port(), head, request.body);
}

// Why `answer` is not a good refusal, or "" when it is: a 4xx (the wanted one, if any) with
// a JSON error in words.
std::string WhatIsWrong(const Request& request, const RawAnswer& answer) {
  if (answer.status == 0) return "no answer at all";
  if (answer.status < 400 || answer.status >= 500) return "not a 4xx";
  if (request.want && answer.status != request.want) return "wanted " + std::to_string(request.want);
  if (request.as_officer && request.authorization.empty() && (answer.status == 401 || answer.status == 403))
    return "the officer's token was refused, so the handler never saw the request";
  if (answer.status == 429) return "a rate limit answered instead of the handler";
  if (!answer.Header("Content-Type").starts_with("application/json")) return "not JSON";
  const json body = json::parse(answer.body, nullptr, false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return "no error object";
  const json& error = body["error"];
  if (!error.contains("code") || !error["code"].is_string() || !error.contains("message") ||
      !error["message"].is_string() || !HasWords(error["message"].get<std::string>()))
    return "an error without a message in words";
  return "";
}

std::string Short(const std::string& route) { return Replace(route, "/api/v1/", ""); }

// The matrix: a row per case, a column per status seen, the routes that gave each.
std::string Matrix(const std::vector<Request>& requests, const std::vector<int>& statuses) {
  std::vector<std::string> kinds;
  std::map<std::string, std::map<int, std::set<std::string>>> cells;
  std::map<std::string, std::set<std::string>> routes_of_kind;
  std::map<std::string, int> count;
  std::set<int> seen;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const Request& request = requests[i];
    if (!count.contains(request.kind)) kinds.push_back(request.kind);
    ++count[request.kind];
    cells[request.kind][statuses[i]].insert(Short(request.route));
    routes_of_kind[request.kind].insert(Short(request.route));
    seen.insert(statuses[i]);
  }
  std::ostringstream md;
  md << "| case | requests | routes |";
  for (int status : seen) md << " " << status << " |";
  md << "\n|---|---|---|";
  for (std::size_t i = 0; i < seen.size(); ++i) md << "---|";
  md << "\n";
  for (const std::string& kind : kinds) {
    md << "| " << kind << " | " << count[kind] << " | " << routes_of_kind[kind].size() << " |";
    for (int status : seen) {
      const auto cell = cells[kind].find(status);
      md << " ";
      if (cell != cells[kind].end()) {
        // Most routes: the few that did not give this status (they gave another for every request).
        const std::set<std::string>& all = routes_of_kind[kind];
        const bool most = cell->second.size() * 2 > all.size() && all.size() > 2;
        std::vector<std::string> named;
        for (const std::string& route : all)
          if (cell->second.contains(route) != most) named.push_back(route);
        md << (most ? (named.empty() ? "all" : "all but ") : "");
        for (std::size_t i = 0; i < named.size(); ++i) md << (i ? ", " : "") << "`" << named[i] << "`";
      }
      md << " |";
    }
    md << "\n";
  }
  return md.str();
}

// The things the table's paths name, made the way a phone and an officer make them.
World MakeWorld(InProcessServer& server) {
  using staff_http::Answer;
  using staff_http::Call;
  World world{server};
  world.officer = staff_http::LogIn(server, "olive.officer", StaffRole::Officer);
  {
    store::Database db = staff_http::OpenData(server);
    const store::StaffResult<store::StaffMember> spare =
        store::AddStaff(db, "yusuf.worker", staff_http::kPassword, StaffRole::YouthWorker, staff_http::kStaffCreatedAt);
    REQUIRE(spare);
    world.spare_staff = spare.value->id;
  }
  const Answer started =
      Call(server, "POST", "/api/v1/sessions", json{{"name", "Tuesday group"}}.dump(), world.officer);
  REQUIRE(started.status == 200);
  world.session_id = started.body["id"];
  world.room_code = started.body["room_code"];

  world.place = sync_samples::Uuid(0x9001);
  staff_http::AddApprovedPlace(server, world.place, "Central Library", core::Category::Library);
  const std::string device = sync_samples::Uuid(0x7001);
  world.suggestion = sync_samples::Uuid(0x7002);
  world.comment = sync_samples::Uuid(0x7003);
  core::Suggestion suggestion = sync_samples::MakeSuggestion(world.suggestion, device, world.comment, 1);
  REQUIRE(!suggestion.first_rating.comment.empty());  // seed 1: a rating with words, waiting for an officer
  const std::vector<core::OutboxItem> items = {core::OutboxItem{suggestion}};
  const Answer synced = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(device, "", items));
  REQUIRE(synced.status == 200);
  REQUIRE(synced.body["results"][0]["status"] == "accepted");

  const std::array<std::uint8_t, core::kRestoreCodeBytes> random = {1, 2, 3, 4, 5};
  world.restore_code = core::MakeRestoreCode(random);

  // A row in each table a request could touch, so "unchanged" also means "not edited".
  const json joined = {{"room_code", world.room_code}, {"device_id", device}, {"nickname", "Brave Otter"}};
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join", joined.dump()).status == 200);
  const std::array<std::uint8_t, core::kRestoreCodeBytes> other = {9, 8, 7, 6, 5};
  const json registered = {{"device_id", device}, {"code", core::MakeRestoreCode(other)}};
  REQUIRE(Call(server, "POST", "/api/v1/restore-code", registered.dump()).status == 200);
  const json scheme = {{"status", "sticker"}, {"checked_on", "2024-05-01"}, {"check_again_on", "2025-05-01"}};
  REQUIRE(Call(server, "POST", "/api/v1/places/" + world.place + "/scheme", scheme.dump(), world.officer).status ==
          200);
  return world;
}

}  // namespace

TEST_CASE("hostile requests to every /api/v1 route: a 4xx JSON error in words, still serving, nothing changed",
          "[server][hostile]") {
  server::Options options;
  options.trust_proxy = true;  // each request gives its own address in X-Real-IP
  InProcessServer server(options);
  World world = MakeWorld(server);
  for (const auto& [shape, sample] : world.Samples()) {
    INFO(shape);
    REQUIRE(sample.body.is_object());
  }
  const std::vector<SourceRoute> routes = RoutesInServerSource();
  REQUIRE(routes.size() >= 30);

  std::set<std::string> without_sample;
  const std::vector<Request> requests = AllRequests(routes, world, without_sample);
  for (const std::string& route : without_sample) {
    INFO(
        "a route reading a body with no sample body here: add one to World::Samples so each field is tried: " << route);
    CHECK(without_sample.empty());
  }

  const auto before = TableRows(server);
  std::vector<int> statuses;
  std::set<std::string> shapes;
  std::cout << "| route | case | detail | status |\n|---|---|---|---|\n";
  for (const Request& request : requests) {
    const RawAnswer answer = Send(server, world, request);
    statuses.push_back(answer.status);
    shapes.insert(request.route);
    std::string detail = request.detail.size() > 60 ? request.detail.substr(0, 60) + "..." : request.detail;
    std::cout << "| " << request.route << " | " << request.kind << " | " << Replace(detail, "|", "\\|") << " | "
              << answer.status << " |\n";
    const std::string wrong = WhatIsWrong(request, answer);
    INFO(request.route << ", " << request.kind << " (" << request.detail << "): " << answer.status << " "
                       << answer.body.substr(0, 300));
    CHECK(wrong == "");
    const RawAnswer health = SendRaw(server.Port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n", "");
    REQUIRE(health.status == 200);
  }

  // Nothing any of them sent changed a row. No table is left out: a refused request writes
  // nothing, not even an audit row or a failed-login count (the login case names nobody).
  const auto after = TableRows(server);
  for (const auto& [table, rows] : before) {
    INFO("table " << table << " changed");
    CHECK(after.at(table) == rows);
  }
  CHECK(after.size() == before.size());

  std::map<int, int> by_status;
  for (int status : statuses) ++by_status[status];
  std::ostringstream md;
  md << "# Hostile requests to the Safe Spaces API\n\n"
     << requests.size() << " requests to " << shapes.size() << " addresses (" << routes.size()
     << " routes of server.cpp's table), made by `server_hostile_tests`. Every one must be a 4xx with a JSON error "
        "in words; `/api/v1/health` must answer 200 after each; and every row of every table must be the same "
        "before and after.\n\nStatuses:";
  for (const auto& [status, n] : by_status) md << " " << status << " x" << n << ";";
  md << "\n\nTables compared, none left out (a refused request writes nothing, not even an audit row or a "
        "failed-login count):";
  for (const auto& [table, rows] : before) md << " `" << table << "` (" << rows.size() << " rows)";
  md << ".\n\n" << Matrix(requests, statuses);
  std::ofstream(SAFESPACES_HOSTILE_REPORT) << md.str();
  std::cout << "\n" << md.str() << "\nWritten to " << SAFESPACES_HOSTILE_REPORT << "\n";
}

TEST_CASE("words that look like SQL or a script, in fields where any words are valid, are kept as words",
          "[server][hostile]") {
  server::Options options;
  options.trust_proxy = true;
  InProcessServer server(options);
  World world = MakeWorld(server);
  const auto before = TableRows(server);
  const std::vector<std::string> words = {kInjection, "Robert'); DROP TABLE staff;--", "<script>alert(1)</script>"};
  int sent = 0;
  for (const auto& [shape, sample] : world.Samples()) {
    const std::string path = Replace(shape, "{id}", world.IdFor(shape));
    for (const std::string& leaf : sample.free_text) {
      for (const std::string& text : words) {
        json body = sample.body;
        body[json::json_pointer(leaf)] = text;
        const Request request{"POST " + shape, "words", leaf, "POST", path, Fresh(body.dump()), sample.content_type};
        const RawAnswer answer = Send(server, world, request);
        ++sent;
        std::cout << "| POST " << shape << " | " << leaf << " = " << text << " | " << answer.status << " |\n";
        INFO("POST " << shape << " " << leaf << " = " << text << ": " << answer.status << " " << answer.body);
        CHECK(answer.status > 0);
        CHECK(answer.status < 500);
        CHECK(answer.Header("Content-Type").starts_with("application/json"));
      }
    }
  }
  CHECK(sent >= 15);
  // Every table is still there with at least its rows, and a session named with SQL is
  // listed under exactly that name.
  const auto after = TableRows(server);
  for (const auto& [table, rows] : before) {
    INFO("table " << table);
    REQUIRE(after.contains(table));
    CHECK(after.at(table).size() >= rows.size());
  }
  const staff_http::Answer sessions = staff_http::Call(server, "GET", "/api/v1/sessions", "", world.officer);
  REQUIRE(sessions.status == 200);
  std::set<std::string> names;
  for (const json& session : sessions.body["sessions"]) names.insert(session["name"].get<std::string>());
  for (const std::string& text : words) CHECK(names.contains(text));
  // The first approval kept its address as typed; the first new account logs in with its password.
  const staff_http::Answer feed = staff_http::Call(server, "GET", "/api/v1/places");
  REQUIRE(feed.status == 200);
  bool found = false;
  for (const json& place : feed.body["places"])
    if (place["id"] == world.suggestion) found = place["address"] == kInjection;
  CHECK(found);
  const staff_http::Answer login = staff_http::Call(server, "POST", "/api/v1/staff/login",
                                                    json{{"username", "new.worker"}, {"password", kInjection}}.dump());
  CHECK(login.status == 200);
}
