// Tests of "Join a group" as a young person meets it, drawn headless with the real data
// side: a code with a look-alike letter gets kind words and no request; a code joins with
// the nickname only; what they rate while the group is open carries the group's id, and
// not while it is paused; the group's state and goal come from asking every few seconds;
// leaving is one tap; a join link (/join/CODE) fills the code in. Through a real server:
// server_session_board_test.cpp and browser/session.test.mjs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "client/client_group.h"
#include "client/screens.h"
#include "ui_harness.h"

namespace {

using nlohmann::json;

constexpr const char* kSessionId = "7d1c5e2a-9b3f-4e6d-8a1c-2f4b6d8e0a13";

// The oldest request on its way to `path`, or nullptr.
const SentRequest* RequestTo(const UiHarness& ui, const std::string& path) {
  for (const SentRequest& request : ui.requests)
    if (request.path == path) return &request;
  return nullptr;
}

// Answers the oldest request to `path`; it arrives on the next frame.
void AnswerTo(UiHarness& ui, const std::string& path, int status, const std::string& body) {
  for (auto it = ui.requests.begin(); it != ui.requests.end(); ++it) {
    if (it->path != path) continue;
    ui.answers.push_back({it->id, status, body});
    ui.requests.erase(it);
    return;
  }
  FAIL("no request to " << path);
}

// Answers every sync on its way: each item accepted, nothing new on the map.
void AcceptSyncs(UiHarness& ui) {
  for (auto it = ui.requests.begin(); it != ui.requests.end();) {
    if (it->path != "/api/v1/sync") {
      ++it;
      continue;
    }
    json results = json::array();
    const json sent = json::parse(it->body);
    for (const json& item : sent["items"]) results.push_back({{"id", item["id"]}, {"status", "accepted"}});
    ui.answers.push_back({it->id, 200, json{{"results", results}, {"places", json::array()}, {"cursor", "2"}, {"more", false}}.dump()});
    it = ui.requests.erase(it);
  }
  ui.Frame();
}

// Types the code on "Join a group" and taps Join; the join request is then on its way.
void TypeAndJoin(UiHarness& ui, const std::string& code) {
  ui.Frame();
  if (ui.state.screen != Screen::JoinGroup) REQUIRE(ui.Tap("Join a group"));
  REQUIRE(ui.state.screen == Screen::JoinGroup);
  ui.Type("Group code", code);
  REQUIRE(ui.Tap("Join"));
}

void JoinGroup(UiHarness& ui) {
  TypeAndJoin(ui, "kxm 4p7");
  AnswerTo(ui, "/api/v1/sessions/join", 200,
           json{{"session_id", kSessionId}, {"name", "After school, Hillfields"},
                {"theme", "places to go after school"}, {"state", "open"}}
               .dump());
  ui.Frame();
  REQUIRE(ui.state.group.step == GroupStep::In);
}

// The one rating in the sync on its way.
json RatingSent(UiHarness& ui) {
  const SentRequest* sync = RequestTo(ui, "/api/v1/sync");
  REQUIRE(sync);
  const json body = json::parse(sync->body);
  REQUIRE(body["items"].size() == 1);
  REQUIRE(body["items"][0]["kind"] == "rating");
  return body["items"][0];
}

void RateLibrary(UiHarness& ui) {
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("5 of 5: Yes, a lot"));
  REQUIRE(ui.Tap("Finish: check and send"));
  REQUIRE(ui.Tap("Send"));
  REQUIRE(ui.state.screen == Screen::RateDone);
  ui.now += 5.0;  // past the sync's own short wait
  ui.Frame();
}

}  // namespace

TEST_CASE("a code with a look-alike letter is refused kindly, without asking the server", "[ui][group]") {
  UiHarness ui;
  TypeAndJoin(ui, "KXM-4P0");
  ui.Frame();
  CHECK(RequestTo(ui, "/api/v1/sessions/join") == nullptr);
  CHECK(ui.state.group.step == GroupStep::Typing);
  CHECK_FALSE(ui.state.group.message.empty());
  CHECK(ui.Shows(ui::Role::Status, ui.state.group.message));
}

TEST_CASE("joining sends the code, the device and the nickname, nothing else, and says where you are",
          "[ui][group]") {
  UiHarness ui;
  TypeAndJoin(ui, "kxm 4p7");
  CHECK(ui.Shows(ui::Role::Status, "Joining the group..."));
  const SentRequest* join = RequestTo(ui, "/api/v1/sessions/join");
  REQUIRE(join);
  CHECK(join->method == "POST");
  CHECK(json::parse(join->body) ==
        json{{"room_code", "KXM4P7"}, {"device_id", ui.data->device_id}, {"nickname", ui.state.nickname}});
  AnswerTo(ui, "/api/v1/sessions/join", 200,
           json{{"session_id", kSessionId}, {"name", "After school, Hillfields"},
                {"theme", "places to go after school"}, {"state", "open"}}
               .dump());
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.group.step == GroupStep::In);
  CHECK(ui.Shows(ui::Role::Heading, "My group"));
  CHECK(ui.Shows(ui::Role::Status, "You are in: After school, Hillfields"));
  CHECK(ui.Shows(ui::Role::Text, "Today we are looking for: places to go after school"));
  CHECK(ui.Shows(ui::Role::Button, "Leave the group"));
  CHECK(ui.chimes == 1);
  CHECK(ui.state.progress.counts.sessions == 1);  // joining counts in the game

  // Home says so, and the journey button becomes "My group".
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.Shows(ui::Role::Button, "You are in a group: After school, Hillfields"));
  CHECK(ui.Shows(ui::Role::Button, "My group"));

  // It is remembered: a reload of the app is still in the group.
  AppState reloaded;
  LoadIdentity(reloaded, *ui.data);
  CHECK(reloaded.group.step == GroupStep::In);
  CHECK(reloaded.group.session_id == kSessionId);
  CHECK(reloaded.group.name == "After school, Hillfields");
}

TEST_CASE("each failed join says why in plain words and keeps the code to try again", "[ui][group]") {
  struct Case {
    int status;
    std::string body;
    std::string words;
  };
  const Case cases[] = {
      {404, R"({"error":{"code":"not_found","message":"x","field":""}})",
       "We could not find a group with that code. Check the code on the big screen and try again."},
      {409, R"({"error":{"code":"conflict","message":"x","field":""}})",
       "This group has ended. Ask your youth worker for the new code."},
      {429, R"({"error":{"code":"too_many_requests","message":"Please wait a minute, then try again.","field":""}})",
       "Please wait a minute, then try again."},
      {0, "", "You need the internet to join a group. Try again when you are online."},
      {500, "", "Sorry, something went wrong. Please try again in a little while."},
  };
  for (const Case& c : cases) {
    UiHarness ui;
    TypeAndJoin(ui, "KXM-4P7");
    AnswerTo(ui, "/api/v1/sessions/join", c.status, c.body);
    ui.Frame();
    ui.Frame();
    CHECK(ui.state.group.step == GroupStep::Typing);
    CHECK(ui.Shows(ui::Role::Status, c.words));
    CHECK(ui.state.group.typed == "KXM-4P7");
  }
}

TEST_CASE("what is rated while the group is open carries its id; while paused it does not", "[ui][group][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  JoinGroup(ui);
  AcceptSyncs(ui);
  REQUIRE(ui.Tap("Back"));
  RateLibrary(ui);
  CHECK(RatingSent(ui)["session_id"] == kSessionId);
  AcceptSyncs(ui);

  // The youth worker pauses: the next time the phone asks, it hears so.
  ui.now += kGroupStatusSeconds + 1.0;
  ui.Frame();
  const SentRequest* status = RequestTo(ui, "/api/v1/sessions/status");
  REQUIRE(status);
  CHECK(json::parse(status->body) == json{{"session_id", kSessionId}, {"device_id", ui.data->device_id}});
  AnswerTo(ui, "/api/v1/sessions/status", 200,
           R"({"state":"paused","name":"After school, Hillfields","theme":"","member":true,"goal":{"done":4,"target":12}})");
  ui.Frame();
  CHECK(ui.state.group.state == GroupOpen::Paused);
  REQUIRE(ui.Tap("Go to the start"));
  CHECK(ui.Shows(ui::Role::Button, "Your group is paused: After school, Hillfields"));
  RateLibrary(ui);
  CHECK_FALSE(RatingSent(ui).contains("session_id"));
}

TEST_CASE("the group's goal and its end come from asking; leaving is one tap", "[ui][group]") {
  UiHarness ui;
  JoinGroup(ui);
  ui.Frame();
  AnswerTo(ui, "/api/v1/sessions/status", 200,
           R"({"state":"open","name":"After school, Hillfields","theme":"","member":true,"goal":{"done":4,"target":12}})");
  ui.Frame();
  ui.Frame();
  CHECK(ui.Shows(ui::Role::Text, "Your group has added 4 of 12 things."));
  // No second question before kGroupStatusSeconds.
  ui.now += kGroupStatusSeconds / 2;
  ui.Frame();
  CHECK(RequestTo(ui, "/api/v1/sessions/status") == nullptr);

  SECTION("the group ends: the phone says thank you, and OK closes it") {
    ui.now += kGroupStatusSeconds;
    ui.Frame();
    AnswerTo(ui, "/api/v1/sessions/status", 200, R"({"state":"ended","name":"x","theme":"","member":true})");
    ui.Frame();
    ui.Frame();
    CHECK(ui.Shows(ui::Role::Text, "This group has ended. Thank you for taking part!"));
    CHECK_FALSE(ui.Shows(ui::Role::Button, "Rate a place"));
    ui.now += kGroupStatusSeconds * 3;
    ui.Frame();
    CHECK(RequestTo(ui, "/api/v1/sessions/status") == nullptr);  // an ended group is not asked again
    REQUIRE(ui.Tap("OK, done"));
    CHECK(ui.state.group.step == GroupStep::Typing);
    CHECK(RequestTo(ui, "/api/v1/sessions/leave") == nullptr);  // nothing to leave
  }
  SECTION("Leave the group tells the server and forgets the group on the device") {
    REQUIRE(ui.Tap("Leave the group"));
    CHECK(ui.state.group.step == GroupStep::Typing);
    const SentRequest* leave = RequestTo(ui, "/api/v1/sessions/leave");
    REQUIRE(leave);
    CHECK(json::parse(leave->body) == json{{"session_id", kSessionId}, {"device_id", ui.data->device_id}});
    CHECK(ui.Shows(ui::Role::TextBox, "Group code"));
    AppState reloaded;
    LoadIdentity(reloaded, *ui.data);
    CHECK(reloaded.group.step == GroupStep::Typing);
    CHECK(ui.state.progress.counts.sessions == 1);  // the badge for joining stays
  }
}

TEST_CASE("a join link from the QR code opens Join a group with the code filled in", "[ui][group]") {
  UiHarness ui;
  ui.start_path = "/join/KXM4P7";
  SECTION("after the welcome, straight away") {
    ui.state.first_run_done = true;
    std::string error;
    REQUIRE(store::SetDeviceMeta(ui.data->db, "welcome_done", "yes", error));
    LoadIdentity(ui.state, *ui.data);
    ui.Frame();
    CHECK(ui.state.screen == Screen::JoinGroup);
    CHECK(ui.state.group.typed == "KXM4P7");
    REQUIRE(ui.Tap("Join"));
    REQUIRE(RequestTo(ui, "/api/v1/sessions/join"));
    REQUIRE(ui.Tap("Back"));
    CHECK(ui.state.screen == Screen::Home);
  }
  SECTION("on a first visit, after the welcome") {
    LoadIdentity(ui.state, *ui.data);
    CHECK(ui.state.screen == Screen::Welcome);
    ui.actions.FinishWelcome();
    ui.Frame();
    CHECK(ui.state.screen == Screen::JoinGroup);
    CHECK(ui.state.group.typed == "KXM4P7");
  }
}
