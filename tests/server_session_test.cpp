// Tests of co-production sessions (store/session_store.h, server/session_api.h) over real
// HTTP: a youth worker starts a session (anonymous callers are 401); young people join by
// the room code typed loosely; a wrong code is 404 and an ended session 409, in kind
// words; only the creator or an officer pauses, resumes and ends it (another youth worker
// is 403); the members list has nicknames and never device ids; room codes never hold a
// look-alike character, over many draws.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <array>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/room_code.h"
#include "in_process_server.h"
#include "server/session_api.h"
#include "staff_http.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/staff_store.h"

namespace {

using nlohmann::json;
using store::StaffRole;

constexpr std::int64_t kNow = 1715000000;  // unix seconds, May 2024
const std::string kPassword = staff_http::kPassword;
const std::string kDeviceA = "0b6f1d7e-8a3c-4f2b-9c1d-2e3f4a5b6c7d";
const std::string kDeviceB = "1c7a2e8f-9b4d-4a3c-8d2e-3f4a5b6c7d8e";

using staff_http::Answer;
using staff_http::Call;
using staff_http::LogIn;

std::string JoinBody(const std::string& code, const std::string& device, const std::string& nickname) {
  return json{{"room_code", code}, {"device_id", device}, {"nickname", nickname}}.dump();
}

std::string Lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("a youth worker starts a session; young people join, leave; the creator runs it", "[server][session]") {
  InProcessServer server;
  const std::string worker = LogIn(server, "ria.worker", StaffRole::YouthWorker);
  const std::string other = LogIn(server, "tom.worker", StaffRole::YouthWorker);
  const std::string officer = LogIn(server, "sam.officer", StaffRole::Officer);

  const std::string create = json{{"name", "After school, Hillfields"}, {"theme", "places to go after school"}}.dump();
  CHECK(Call(server, "POST", "/api/v1/sessions", create).status == 401);
  CHECK(Call(server, "POST", "/api/v1/sessions", create, std::string(64, 'a')).status == 401);

  const Answer created = Call(server, "POST", "/api/v1/sessions", create, worker);
  REQUIRE(created.status == 200);
  const std::string id = created.body["id"];
  const std::string shown = created.body["room_code"];  // "KXM-4P7"
  REQUIRE(shown.size() == 7);
  CHECK(shown[3] == '-');
  const std::string code = shown.substr(0, 3) + shown.substr(4);
  CHECK(created.body["join_path"] == "/join/" + code);

  // Typed in lower case with a space.
  const Answer joined =
      Call(server, "POST", "/api/v1/sessions/join",
           JoinBody(Lowered(code.substr(0, 3)) + " " + Lowered(code.substr(3)), kDeviceA, "Brave Otter"));
  REQUIRE(joined.status == 200);
  CHECK(joined.body["session_id"] == id);
  CHECK(joined.body["name"] == "After school, Hillfields");
  CHECK(joined.body["theme"] == "places to go after school");
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join", JoinBody(shown, kDeviceB, "Kind Puffin")).status == 200);

  // Members: nicknames only, never device ids; only the creator or an officer may look.
  const Answer seen = Call(server, "GET", "/api/v1/sessions/" + id, "", worker);
  REQUIRE(seen.status == 200);
  CHECK(seen.body["members"] == json{"Brave Otter", "Kind Puffin"});
  CHECK(seen.body["room_code"] == shown);
  CHECK(seen.body["state"] == "open");
  CHECK(seen.text.find(kDeviceA) == std::string::npos);
  CHECK(seen.text.find(kDeviceB) == std::string::npos);
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id, "", other).status == 403);
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id, "", officer).status == 200);
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id).status == 401);
  CHECK(Call(server, "GET", "/api/v1/sessions/no-such-session", "", officer).status == 404);

  // Leaving is one call; the list no longer shows them.
  CHECK(
      Call(server, "POST", "/api/v1/sessions/leave", json{{"session_id", id}, {"device_id", kDeviceB}}.dump()).status ==
      200);
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id, "", worker).body["members"] == json{"Brave Otter"});

  // Pause and resume by the creator; not by another youth worker; yes by an officer.
  const std::string state_path = "/api/v1/sessions/" + id + "/state";
  auto state = [](const char* name) { return json{{"state", name}}.dump(); };
  CHECK(Call(server, "POST", state_path, state("paused"), other).status == 403);
  CHECK(Call(server, "POST", state_path, state("paused")).status == 401);
  const Answer paused = Call(server, "POST", state_path, state("paused"), worker);
  CHECK(paused.status == 200);
  CHECK(paused.body["state"] == "paused");
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id, "", worker).body["state"] == "paused");
  CHECK(Call(server, "POST", state_path, state("open"), worker).body["state"] == "open");
  CHECK(Call(server, "POST", state_path, state("asleep"), worker).status == 422);
  CHECK(Call(server, "POST", state_path, state("ended"), other).status == 403);
  CHECK(Call(server, "POST", state_path, state("paused"), officer).body["state"] == "paused");
  const Answer ended = Call(server, "POST", state_path, state("ended"), officer);
  CHECK(ended.body["state"] == "ended");
  CHECK(Call(server, "POST", state_path, state("open"), worker).status == 409);

  // An ended session refuses joins, in kind words.
  const Answer late = Call(server, "POST", "/api/v1/sessions/join", JoinBody(code, kDeviceB, "Kind Puffin"));
  CHECK(late.status == 409);
  CHECK(late.body["error"]["message"] == "This group has ended.");
}

TEST_CASE("wrong codes and bad joins are 4xx JSON in plain words", "[server][session]") {
  InProcessServer server;
  const std::string worker = LogIn(server, "ria.worker", StaffRole::YouthWorker);
  REQUIRE(Call(server, "POST", "/api/v1/sessions", json{{"name", "Group"}}.dump(), worker).status == 200);

  const Answer wrong = Call(server, "POST", "/api/v1/sessions/join", JoinBody("ACD-EFG", kDeviceA, "Brave Otter"));
  CHECK(wrong.status == 404);
  CHECK(wrong.body["error"]["message"] == "We could not find that group. Check the code with your youth worker.");
  const Answer slip = Call(server, "POST", "/api/v1/sessions/join", JoinBody("ACD-EF0", kDeviceA, "Brave Otter"));
  CHECK(slip.status == 422);
  CHECK(slip.body["error"]["field"] == "room_code");
  CHECK(Call(server, "POST", "/api/v1/sessions/join", JoinBody("ACDEFG", "not-a-uuid", "Brave Otter")).status == 422);
  CHECK(Call(server, "POST", "/api/v1/sessions/join", "not json").status == 400);
  CHECK(Call(server, "POST", "/api/v1/sessions/join", std::string(5000, ' ')).status == 413);
  CHECK(Call(server, "POST", "/api/v1/sessions/leave", json{{"session_id", "x"}, {"device_id", kDeviceA}}.dump())
            .status == 404);

  auto create = [&](const json& body) { return Call(server, "POST", "/api/v1/sessions", body.dump(), worker); };
  CHECK(create(json{{"name", ""}}).body["error"]["field"] == "name");
  CHECK(create(json{{"name", std::string(81, 'a')}}).status == 422);
  CHECK(create(json{{"name", "Group"}, {"theme", std::string(121, 'a')}}).body["error"]["field"] == "theme");
  CHECK(create(json{{"name", "Group"}, {"area", {{"south", 51.0}, {"west", -1.6}, {"north", 51.1}, {"east", -1.5}}}})
            .body["error"]["field"] == "area");
  CHECK(create(json::object()).status == 400);
}

// A device id of its own for the i-th phone.
std::string DeviceNumber(int i) {
  char id[40];
  std::snprintf(id, sizeof id, "0b6f1d7e-8a3c-4f2b-9c1d-%012x", i);
  return id;
}

TEST_CASE("join tries are limited per address, whatever device ids a script makes up", "[server][session][limits]") {
  InProcessServer server;
  for (int i = 0; i < server::kJoinGuessesPerWindow; ++i)
    REQUIRE(Call(server, "POST", "/api/v1/sessions/join", JoinBody("ACDEFG", DeviceNumber(i), "Brave Otter")).status ==
            404);
  const Answer refused = Call(server, "POST", "/api/v1/sessions/join", JoinBody("ACDEFG", DeviceNumber(999), "Brave Otter"));
  CHECK(refused.status == 429);
  CHECK(refused.body["error"]["message"] == "That was a lot of tries in a short time. Please wait a minute, then try again.");
}

TEST_CASE("one device gets a few join tries a minute, even from many addresses behind a proxy",
          "[server][session][limits]") {
  server::Options options;
  options.trust_proxy = true;
  InProcessServer server(options);
  httplib::Client http = server.Client();
  auto join_from = [&](const std::string& address, const std::string& device) {
    auto res = http.Post("/api/v1/sessions/join", {{"X-Real-IP", address}}, JoinBody("ACDEFG", device, "Brave Otter"),
                         "application/json");
    REQUIRE(res);
    return res->status;
  };
  for (int i = 0; i < server::kJoinTriesPerDevice; ++i) CHECK(join_from("10.1.0." + std::to_string(i), kDeviceA) == 404);
  CHECK(join_from("10.2.0.1", kDeviceA) == 429);
  CHECK(join_from("10.2.0.1", kDeviceB) == 404);  // a friend's phone on that Wi-Fi still may try
}

TEST_CASE("room codes never hold look-alike characters, over many sessions", "[server][session]") {
  std::string error;
  std::optional<store::Database> db = store::Database::Open(":memory:", error);
  REQUIRE(db);
  store::StaffResult<store::StaffMember> staff =
      store::AddStaff(*db, "ria.worker", kPassword, StaffRole::YouthWorker, kNow);
  REQUIRE(staff);
  const store::SessionArea area{52.40, -1.52, 52.42, -1.49};
  std::array<std::uint8_t, store::kSessionRandomBytes> random{};
  std::uint64_t state = 12345;
  for (int draw = 0; draw < 2000; ++draw) {
    for (std::uint8_t& byte : random) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      byte = static_cast<std::uint8_t>(state >> 56);
    }
    store::StaffResult<store::NewSession> made =
        store::CreateSession(*db, staff.value->id, "Group", "", area, random, kNow);
    REQUIRE(made);
    INFO(made.value->room_code);
    for (char c : made.value->room_code) REQUIRE(core::kRoomCodeLookAlikes.find(c) == std::string_view::npos);
  }
  // A taken code is tried again with the next bytes.
  std::array<std::uint8_t, store::kSessionRandomBytes> same{};
  REQUIRE(store::CreateSession(*db, staff.value->id, "Group", "", area, same, kNow));
  same[0] = 1;  // a new id, the same first code: the second try's code (also zeros) is taken too
  for (std::size_t i = 16 + 2 * core::kRoomCodeBytes; i < same.size(); ++i) same[i] = 7;
  store::StaffResult<store::NewSession> retried =
      store::CreateSession(*db, staff.value->id, "Group", "", area, same, kNow);
  REQUIRE(retried);
  CHECK(retried.value->room_code != core::MakeRoomCode(std::span<const std::uint8_t, 8>(same.data() + 16, 8)));
}
