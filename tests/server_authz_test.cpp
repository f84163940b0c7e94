// The authorisation matrix over every /api/v1 endpoint of the server, as anonymous phone,
// youth worker and officer: public endpoints answer all three (2xx, or 4xx for a bad
// body); staff endpoints are 401 without a login; officer endpoints are 403 for a youth
// worker; a session's own endpoints are 403 for a youth worker who did not start it.
// The list is checked against server.cpp's route table, so a new endpoint without a row
// here fails. The export and import endpoints of issue 8 (section F) may not be built yet:
// until they are, they answer 404 to everyone and are listed as such.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "in_process_server.h"
#include "staff_http.h"
#include "store_sync_samples.h"

namespace {

using nlohmann::json;
using staff_http::Answer;
using staff_http::Fetch;
using staff_http::LogIn;
using store::StaffRole;

enum class Who { Anyone, Staff, SessionOwner, Officer };

struct Endpoint {
  std::string method;
  std::string pattern;  // as in server.cpp's route table
  std::string path;     // a real address matching it
  std::string body;
  Who who;
  bool maybe_missing = false;  // built by another part of issue 8; 404 until then
};

// The API's rows of server.cpp's route table: "GET /api/v1/..." for each.
std::set<std::string> RoutesInServerSource() {
  std::ifstream file(SAFESPACES_SERVER_SOURCE);
  REQUIRE(file);
  std::stringstream text;
  text << file.rdbuf();
  const std::string source = text.str();
  const std::regex route(R"re(\{Method::(Get|Post|Put|Patch|Delete),\s*(?:R"\((/api/v1[^"]*)\)"|"(/api/v1[^"]*)")\s*,)re");
  std::set<std::string> routes;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), route); it != std::sregex_iterator(); ++it) {
    std::string method = (*it)[1];
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    routes.insert(method + " " + ((*it)[2].matched ? (*it)[2].str() : (*it)[3].str()));
  }
  return routes;
}

}  // namespace

TEST_CASE("every /api/v1 endpoint, as anonymous phone, youth worker and officer", "[server][authz]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string worker = LogIn(server, "yusuf.worker", StaffRole::YouthWorker);
  // A session the officer started: the youth worker is not its creator.
  const Answer started = Fetch(server, "POST", "/api/v1/sessions", json{{"name", "Tuesday group"}}.dump(), officer);
  REQUIRE(started.status == 200);
  const std::string session = started.body["id"];
  const std::string id = sync_samples::Uuid(0x4242);  // no such item: authorised callers get 404
  const std::string no_body = "";

  const std::vector<Endpoint> endpoints = {
      {"GET", "/api/v1/health", "/api/v1/health", "", Who::Anyone},
      {"GET", "/api/v1/config", "/api/v1/config", "", Who::Anyone},
      {"GET", "/api/v1/places", "/api/v1/places", "", Who::Anyone},
      {"POST", "/api/v1/sync", "/api/v1/sync", "{}", Who::Anyone},
      {"POST", "/api/v1/restore", "/api/v1/restore", "{}", Who::Anyone},
      {"POST", "/api/v1/restore-code", "/api/v1/restore-code", "{}", Who::Anyone},
      {"POST", "/api/v1/device/erase", "/api/v1/device/erase", "{}", Who::Anyone},
      {"POST", "/api/v1/staff/login", "/api/v1/staff/login", "{}", Who::Anyone},
      {"POST", "/api/v1/sessions/join", "/api/v1/sessions/join", "{}", Who::Anyone},
      {"POST", "/api/v1/sessions/leave", "/api/v1/sessions/leave", "{}", Who::Anyone},
      {"POST", "/api/v1/sessions/status", "/api/v1/sessions/status", "{}", Who::Anyone},
      {"GET", "/api/v1/staff/me", "/api/v1/staff/me", "", Who::Staff},
      {"POST", "/api/v1/sessions", "/api/v1/sessions", "{}", Who::Staff},
      {"GET", "/api/v1/sessions", "/api/v1/sessions", "", Who::Staff},
      {"GET", "/api/v1/sessions/([^/]+)/board", "/api/v1/sessions/" + session + "/board", "", Who::SessionOwner},
      {"POST", "/api/v1/sessions/([^/]+)/hide", "/api/v1/sessions/" + session + "/hide", R"({"item_id":"x"})",
       Who::SessionOwner},
      {"GET", R"(/api/v1/sessions/([^/]+)/summary(\.csv|\.html)?)", "/api/v1/sessions/" + session + "/summary", "",
       Who::SessionOwner},
      {"GET", R"(/api/v1/sessions/([^/]+)/summary(\.csv|\.html)?)", "/api/v1/sessions/" + session + "/summary.csv",
       "", Who::SessionOwner},
      {"GET", R"(/api/v1/sessions/([^/]+)/summary(\.csv|\.html)?)", "/api/v1/sessions/" + session + "/summary.html",
       "", Who::SessionOwner},
      {"POST", "/api/v1/sessions/([^/]+)/state", "/api/v1/sessions/" + session + "/state", R"({"state":"paused"})",
       Who::SessionOwner},
      {"GET", "/api/v1/sessions/([^/]+)", "/api/v1/sessions/" + session, "", Who::SessionOwner},
      {"GET", "/api/v1/review/queue", "/api/v1/review/queue", "", Who::Officer},
      {"POST", "/api/v1/review/suggestions/([^/]+)/(approve|reject|merge)",
       "/api/v1/review/suggestions/" + id + "/approve", no_body, Who::Officer},
      {"POST", "/api/v1/review/suggestions/([^/]+)/(approve|reject|merge)",
       "/api/v1/review/suggestions/" + id + "/reject", R"({"reason":"closed"})", Who::Officer},
      {"POST", "/api/v1/review/suggestions/([^/]+)/(approve|reject|merge)",
       "/api/v1/review/suggestions/" + id + "/merge", R"({"into":"x"})", Who::Officer},
      {"POST", "/api/v1/review/comments/([^/]+)/(approve|hide)", "/api/v1/review/comments/" + id + "/approve", no_body,
       Who::Officer},
      {"POST", "/api/v1/review/comments/([^/]+)/(approve|hide)", "/api/v1/review/comments/" + id + "/hide", no_body,
       Who::Officer},
      {"POST", "/api/v1/review/undo", "/api/v1/review/undo", no_body, Who::Officer},
      {"GET", "/api/v1/review/places", "/api/v1/review/places", "", Who::Officer},
      {"POST", "/api/v1/places/([^/]+)/scheme", "/api/v1/places/" + id + "/scheme", R"({"status":"agreed"})",
       Who::Officer},
      {"GET", "/api/v1/audit", "/api/v1/audit", "", Who::Officer},
      {"GET", R"(/api/v1/audit\.csv)", "/api/v1/audit.csv", "", Who::Officer},
      {"GET", "/api/v1/stats", "/api/v1/stats", "", Who::Officer},
      {"GET", "/api/v1/staff", "/api/v1/staff", "", Who::Officer},
      {"POST", "/api/v1/staff", "/api/v1/staff", "{}", Who::Officer},
      {"POST", "/api/v1/staff/([^/]+)/active", "/api/v1/staff/" + id + "/active", R"({"active":true})", Who::Officer},
      {"GET", R"(/api/v1/export/places\.(csv|geojson|openreferral\.json))", "/api/v1/export/places.csv", "",
       Who::Officer, true},
      {"GET", R"(/api/v1/export/places\.(csv|geojson|openreferral\.json))", "/api/v1/export/places.geojson", "",
       Who::Officer, true},
      {"GET", R"(/api/v1/export/places\.(csv|geojson|openreferral\.json))",
       "/api/v1/export/places.openreferral.json", "", Who::Officer, true},
      {"POST", "/api/v1/import", "/api/v1/import", "name,category,lat,lon,address\n", Who::Officer, true},
      // Last: it ends the login it is called with (its own, here).
      {"POST", "/api/v1/staff/logout", "/api/v1/staff/logout", no_body, Who::Staff},
  };

  // Every API route of the server has a row (export and import may not be routes yet).
  std::set<std::string> listed;
  for (const Endpoint& endpoint : endpoints) listed.insert(endpoint.method + " " + endpoint.pattern);
  for (const std::string& route : RoutesInServerSource()) {
    INFO("a route with no row in this matrix: " << route);
    CHECK(listed.contains(route));
  }

  const std::string logout_token = LogIn(server, "lou.officer", StaffRole::Officer);
  for (const Endpoint& endpoint : endpoints) {
    const bool logout = endpoint.path == "/api/v1/staff/logout";
    const std::string officer_token = logout ? logout_token : officer;
    const Answer anonymous = Fetch(server, endpoint.method, endpoint.path, endpoint.body);
    const Answer as_worker = Fetch(server, endpoint.method, endpoint.path, endpoint.body, logout ? "" : worker);
    const Answer as_officer = Fetch(server, endpoint.method, endpoint.path, endpoint.body, officer_token);
    INFO(endpoint.method << " " << endpoint.path << ": anonymous " << anonymous.status << " " << anonymous.text
                         << "; youth worker " << as_worker.status << " " << as_worker.text << "; officer "
                         << as_officer.status << " " << as_officer.text);
    for (const Answer* answer : {&anonymous, &as_worker, &as_officer}) {
      CHECK(answer->status < 500);
      if (answer->status >= 400) CHECK(answer->content_type.starts_with("application/json"));
    }
    if (endpoint.maybe_missing && anonymous.status == 404 && as_officer.status == 404) {
      WARN(endpoint.method << " " << endpoint.path << " is not built yet (404 for everyone)");
      continue;
    }
    switch (endpoint.who) {
      case Who::Anyone:
        for (const Answer* answer : {&anonymous, &as_worker, &as_officer}) {
          CHECK(answer->status >= 200);
          CHECK(answer->status != 401);
          CHECK(answer->status != 403);
        }
        break;
      case Who::Staff:
        CHECK(anonymous.status == 401);
        if (!logout) CHECK((as_worker.status < 300 || as_worker.status == 400 || as_worker.status == 422));
        CHECK((as_officer.status < 300 || as_officer.status == 400 || as_officer.status == 422));
        break;
      case Who::SessionOwner:
        CHECK(anonymous.status == 401);
        CHECK(as_worker.status == 403);
        CHECK((as_officer.status < 300 || as_officer.status == 404 || as_officer.status == 422));
        break;
      case Who::Officer:
        CHECK(anonymous.status == 401);
        CHECK(as_worker.status == 403);
        CHECK(as_officer.status != 401);
        CHECK(as_officer.status != 403);
        CHECK(((as_officer.status >= 200 && as_officer.status < 300) || as_officer.status == 404 ||
               as_officer.status == 409 || as_officer.status == 422 || as_officer.status == 400));
        break;
    }
  }
}
