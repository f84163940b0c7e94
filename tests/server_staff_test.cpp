// Tests of staff accounts: the store (store/staff_store.h) on a :memory: database with the
// clock given, and the staff endpoints (server/staff_api.h) over real HTTP. Adding checks
// usernames and passwords in plain words; the stored hash is Argon2id and no token is
// stored as it is; five wrong passwords lock an account for 15 minutes (423), then it
// opens again; sessions end after 8 hours and at logout; bad bodies are 4xx JSON; the
// 21st login try in a minute from one address is 429; RequireStaff checks the role.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/api_error.h"
#include "in_process_server.h"
#include "staff_http.h"
#include "server/data_access.h"
#include "server/staff_api.h"
#include "store/database.h"
#include "store/staff_store.h"
#include "test_temp_dir.h"

namespace {

using nlohmann::json;
using store::StaffRole;

constexpr std::int64_t kNow = 1715000000;  // unix seconds, May 2024
const std::string kPassword = "correct horse battery";

store::Database MemoryDatabase() {
  std::string error;
  std::optional<store::Database> db = store::Database::Open(":memory:", error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

std::string Text(const store::Database& db, const std::string& sql) {
  store::Statement statement = db.Prepare(sql);
  REQUIRE(statement.Step() == store::StepResult::Row);
  return std::string(statement.ColumnText(0));
}

using staff_http::Answer;
using staff_http::Call;

std::string LoginBody(const std::string& username, const std::string& password) {
  return json{{"username", username}, {"password", password}}.dump();
}

void AddStaffTo(const InProcessServer& server, const std::string& username, StaffRole role) {
  store::Database db = staff_http::OpenData(server);
  REQUIRE(store::AddStaff(db, username, kPassword, role, kNow));
}

}  // namespace

TEST_CASE("adding staff checks the username and password in plain words", "[server][staff]") {
  store::Database db = MemoryDatabase();
  auto refused = [&](const std::string& username, const std::string& password) {
    store::StaffResult<store::StaffMember> added = store::AddStaff(db, username, password, StaffRole::Officer, kNow);
    REQUIRE_FALSE(added);
    CHECK(added.error.code == core::ErrorCode::InvalidField);
    CHECK_FALSE(added.error.message.empty());
    return added.error.field;
  };
  CHECK(refused("ab", kPassword) == "username");
  CHECK(refused(std::string(41, 'a'), kPassword) == "username");
  CHECK(refused("sam jones", kPassword) == "username");
  CHECK(refused("sam.jones", "short") == "password");
  CHECK(refused("sam.jones.42", "Sam.Jones.42") == "password");

  store::StaffResult<store::StaffMember> added = store::AddStaff(db, "Sam.Jones", kPassword, StaffRole::Officer, kNow);
  REQUIRE(added);
  CHECK(added.value->role == StaffRole::Officer);
  store::StaffResult<store::StaffMember> again =
      store::AddStaff(db, "sam.jones", kPassword, StaffRole::YouthWorker, kNow);
  REQUIRE_FALSE(again);
  CHECK(again.error.code == core::ErrorCode::Conflict);
  CHECK(Text(db, "SELECT password_hash FROM staff").starts_with("$argon2id$"));
}

TEST_CASE("a login makes a session kept only as a hash, which ends after 8 hours or at logout", "[server][staff]") {
  store::Database db = MemoryDatabase();
  REQUIRE(store::AddStaff(db, "ria.worker", kPassword, StaffRole::YouthWorker, kNow));
  store::StaffResult<store::Login> login = store::VerifyLogin(db, "RIA.worker", kPassword, kNow);
  REQUIRE(login);
  CHECK(login.value->token.size() == 64);
  CHECK(login.value->role == StaffRole::YouthWorker);
  CHECK(login.value->expires_at == kNow + store::kSessionSeconds);
  CHECK(Text(db, "SELECT token_hash FROM staff_sessions") == store::TokenHash(login.value->token));
  CHECK(Text(db, "SELECT token_hash FROM staff_sessions") != login.value->token);

  std::string error;
  std::optional<store::StaffMember> staff = store::StaffForToken(db, login.value->token, kNow + 60, error);
  REQUIRE(staff);
  CHECK(staff->username == "ria.worker");
  CHECK(store::StaffForToken(db, login.value->token, kNow + store::kSessionSeconds - 1, error));
  CHECK_FALSE(store::StaffForToken(db, login.value->token, kNow + store::kSessionSeconds, error));
  CHECK_FALSE(store::StaffForToken(db, std::string(64, 'a'), kNow, error));
  CHECK_FALSE(store::StaffForToken(db, "not a token", kNow, error));

  CHECK(store::Logout(db, login.value->token, kNow + 120, error));
  CHECK_FALSE(store::StaffForToken(db, login.value->token, kNow + 180, error));
  CHECK(error.empty());
}

TEST_CASE("five wrong passwords lock an account for 15 minutes", "[server][staff]") {
  store::Database db = MemoryDatabase();
  REQUIRE(store::AddStaff(db, "sam.jones", kPassword, StaffRole::Officer, kNow));
  const store::StaffResult<store::Login> unknown = store::VerifyLogin(db, "nobody", kPassword, kNow);
  for (int i = 1; i < store::kMaxWrongPasswords; ++i) {
    const store::StaffResult<store::Login> wrong = store::VerifyLogin(db, "sam.jones", "wrong password", kNow);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error.code == core::ErrorCode::Unauthorised);
    CHECK(wrong.error.message == unknown.error.message);  // the same words for both
  }
  const store::StaffResult<store::Login> fifth = store::VerifyLogin(db, "sam.jones", "wrong password", kNow);
  REQUIRE_FALSE(fifth);
  CHECK(fifth.error.code == core::ErrorCode::Locked);
  CHECK(fifth.error.message == "Too many wrong tries. Please wait 15 minutes, or ask an officer.");
  // Locked: even the right password waits.
  CHECK(store::VerifyLogin(db, "sam.jones", kPassword, kNow + store::kLockSeconds - 1).error.code ==
        core::ErrorCode::Locked);
  CHECK(store::VerifyLogin(db, "sam.jones", kPassword, kNow + store::kLockSeconds));
}

TEST_CASE("a youth worker passes RequireStaff(youth_worker) but not RequireStaff(officer)", "[server][staff]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "safespaces.db";
  std::string error;
  std::optional<store::Database> db = store::Database::Open(path.string(), error);
  REQUIRE(db);
  REQUIRE(store::AddStaff(*db, "ria.worker", kPassword, StaffRole::YouthWorker, kNow));
  store::StaffResult<store::Login> login = store::VerifyLogin(*db, "ria.worker", kPassword, kNow);
  REQUIRE(login);
  server::ReaderPool readers(path, 1);
  const std::string bearer = "Bearer " + login.value->token;

  store::StaffResult<store::StaffMember> worker = server::RequireStaff(readers, bearer, kNow, {StaffRole::YouthWorker});
  REQUIRE(worker);
  CHECK(worker.value->username == "ria.worker");
  CHECK(server::RequireStaff(readers, bearer, kNow, {StaffRole::Officer, StaffRole::YouthWorker}));
  CHECK(server::RequireStaff(readers, bearer, kNow));  // any role
  CHECK(server::RequireStaff(readers, bearer, kNow, {StaffRole::Officer}).error.code == core::ErrorCode::Forbidden);
  CHECK(server::RequireStaff(readers, "", kNow, {StaffRole::YouthWorker}).error.code == core::ErrorCode::Unauthorised);
  CHECK(server::RequireStaff(readers, bearer, kNow + store::kSessionSeconds).error.code ==
        core::ErrorCode::Unauthorised);
}

TEST_CASE("staff log in, see who they are and log out over HTTP", "[server][staff]") {
  InProcessServer server;
  AddStaffTo(server, "sam.jones", StaffRole::Officer);

  const Answer login = Call(server, "POST", "/api/v1/staff/login", LoginBody("sam.jones", kPassword));
  REQUIRE(login.status == 200);
  CHECK(login.body["role"] == "officer");
  CHECK(login.body["expires_at"].is_number_integer());
  const std::string token = login.body["token"];

  const Answer me = Call(server, "GET", "/api/v1/staff/me", "", token);
  REQUIRE(me.status == 200);
  CHECK(me.body == json{{"username", "sam.jones"}, {"role", "officer"}});
  CHECK(Call(server, "GET", "/api/v1/staff/me").status == 401);
  CHECK(Call(server, "GET", "/api/v1/staff/me", "", std::string(64, '0')).status == 401);

  CHECK(Call(server, "POST", "/api/v1/staff/logout", "", token).status == 200);
  const Answer after = Call(server, "GET", "/api/v1/staff/me", "", token);
  CHECK(after.status == 401);
  CHECK(after.body["error"]["code"] == "unauthorised");
  CHECK(Call(server, "POST", "/api/v1/staff/logout").status == 401);
}

TEST_CASE("wrong passwords over HTTP: 401 in the same words as an unknown user, then 423", "[server][staff]") {
  InProcessServer server;
  AddStaffTo(server, "sam.jones", StaffRole::Officer);
  const Answer unknown = Call(server, "POST", "/api/v1/staff/login", LoginBody("nobody.here", kPassword));
  CHECK(unknown.status == 401);
  for (int i = 1; i < store::kMaxWrongPasswords; ++i) {
    const Answer wrong = Call(server, "POST", "/api/v1/staff/login", LoginBody("sam.jones", "wrong password"));
    CHECK(wrong.status == 401);
    CHECK(wrong.body["error"]["message"] == unknown.body["error"]["message"]);
  }
  const Answer locked = Call(server, "POST", "/api/v1/staff/login", LoginBody("sam.jones", "wrong password"));
  CHECK(locked.status == 423);
  CHECK(locked.body["error"]["message"] == "Too many wrong tries. Please wait 15 minutes, or ask an officer.");
  CHECK(Call(server, "POST", "/api/v1/staff/login", LoginBody("sam.jones", kPassword)).status == 423);
}

TEST_CASE("bad login bodies are 4xx JSON, and the 21st try in a minute is 429", "[server][staff]") {
  InProcessServer server;
  int tries = 0;
  auto status = [&](const std::string& body) {
    ++tries;
    const Answer answer = Call(server, "POST", "/api/v1/staff/login", body);
    CHECK(answer.body["error"]["message"].is_string());
    return answer.status;
  };
  CHECK(status("") == 400);
  CHECK(status("not json") == 400);
  CHECK(status("[1, 2]") == 400);
  CHECK(status(R"({"username": "sam.jones"})") == 400);
  CHECK(status(R"({"username": 7, "password": "x"})") == 400);
  CHECK(status(R"({"username": {"a": {"b": 1}}, "password": "x"})") == 400);
  CHECK(status(std::string(3000, ' ')) == 413);
  CHECK(status(LoginBody(std::string(500, 'x'), "a password")) == 401);
  while (tries < server::kStaffLoginsPerWindow) CHECK(status(LoginBody("nobody.here", "a password")) == 401);
  CHECK(status(LoginBody("nobody.here", "a password")) == 429);
}
