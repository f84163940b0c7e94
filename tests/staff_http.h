// Calling a test server as staff and as phones do: one request with an optional bearer
// token (Call, which expects JSON back; Fetch for any other answer), and a member of staff
// added to the server's database and logged in (LogIn), and an approved place put on its
// map (AddApprovedPlace). Shared by the server_staff, server_session and server_review
// tests; needs Catch2 and an InProcessServer.
#pragma once
#include <httplib.h>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "in_process_server.h"
#include "core/model.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/staff_store.h"

// A failed CHECK on JSON prints it as text; without this, Catch walks it as a list of lists
// (a string is one too) until the stack runs out.
template <>
struct Catch::StringMaker<nlohmann::json> {
  static std::string convert(const nlohmann::json& value) { return value.dump(); }
};

namespace staff_http {

inline constexpr std::int64_t kStaffCreatedAt = 1715000000;  // unix seconds, May 2024
inline const std::string kPassword = "correct horse battery";

struct Answer {
  int status = 0;
  nlohmann::json body;  // discarded (is_discarded()) when the answer is not JSON
  std::string text;
  std::string content_type;
};

// GET or POST `path`, as a member of staff when `token` is given.
inline Answer Fetch(const InProcessServer& server, const std::string& method, const std::string& path,
                    const std::string& body = "", const std::string& token = "") {
  httplib::Client client = server.Client();
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  auto res = method == "GET" ? client.Get(path.c_str(), headers)
                             : client.Post(path.c_str(), headers, body, "application/json");
  REQUIRE(res);
  return {res->status, nlohmann::json::parse(res->body, nullptr, false), res->body,
          res->get_header_value("Content-Type")};
}

// The same, checking that the answer is JSON (every API answer and error is).
inline Answer Call(const InProcessServer& server, const std::string& method, const std::string& path,
                   const std::string& body = "", const std::string& token = "") {
  Answer answer = Fetch(server, method, path, body, token);
  INFO(method << " " << path << ": " << answer.text);
  CHECK(answer.content_type.starts_with("application/json"));
  CHECK(answer.status < 500);
  return answer;
}

// A second connection to the server's database, as safespaces-admin opens it beside a
// running server.
inline store::Database OpenData(const InProcessServer& server) {
  std::string error;
  std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

// Adds `username` with `role` to the server's database (as safespaces-admin add-staff
// does for an officer) and logs in over HTTP: the bearer token.
inline std::string LogIn(const InProcessServer& server, const std::string& username, store::StaffRole role) {
  {
    store::Database db = OpenData(server);
    REQUIRE(store::AddStaff(db, username, kPassword, role, kStaffCreatedAt));
  }
  const Answer login = Call(server, "POST", "/api/v1/staff/login",
                            nlohmann::json{{"username", username}, {"password", kPassword}}.dump());
  REQUIRE(login.status == 200);
  return login.body["token"];
}

// Puts an approved place on the server's map, as an officer's import does.
inline void AddApprovedPlace(const InProcessServer& server, const std::string& id, const std::string& name,
                             core::Category category, double lat = 52.408, double lon = -1.510) {
  store::Database db = OpenData(server);
  store::ServerStore store(db);
  core::Place place;
  place.id = id;
  place.name = name;
  place.category = category;
  place.lat = lat;
  place.lon = lon;
  place.status = core::PlaceStatus::Approved;
  REQUIRE(store.AddPlace(place) == store::ServerStore::Added::New);
}

}  // namespace staff_http
