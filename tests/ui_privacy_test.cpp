// Tests of "Your privacy" and "Delete everything I sent" as a young person meets them, drawn
// headless at phone size with the real data side: the page's short lines and big targets;
// the question before deleting, the safe choice first; the one request it sends; what the
// phone forgets when the server says it deleted everything, and what it keeps; kind words
// and nothing forgotten when it could not; and no sync while the deletion is on its way.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "client/screens.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

using nlohmann::json;

constexpr const char* kErasePath = "/api/v1/device/erase";
constexpr const char* kErased =
    R"({"erased":{"ratings":2,"suggestions":0,"withdrawals":0,"groups":1,"restore_code":true}})";
constexpr const char* kOfflineWords = "You need the internet to do this. Nothing was deleted.";
constexpr const char* kFailedWords = "We could not delete it just now. Nothing was deleted. Please try again later.";

int CountTo(const UiHarness& ui, const std::string& path) {
  return static_cast<int>(
      std::count_if(ui.requests.begin(), ui.requests.end(), [&](const SentRequest& r) { return r.path == path; }));
}

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
  std::string on_the_way;
  for (const SentRequest& request : ui.requests) on_the_way += " " + request.path;
  FAIL("no request to " << path << "; on the way:" << on_the_way);
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
    ui.answers.push_back(
        {it->id, 200, json{{"results", results}, {"places", json::array()}, {"cursor", "2"}, {"more", false}}.dump()});
    it = ui.requests.erase(it);
  }
  ui.Frame();
}

// Home, as "Go to the start" does; drawn, so its buttons can be tapped.
void GoHome(UiHarness& ui) {
  ui.actions.GoHome();
  ui.Frame();
  ui.Frame();
}

// Answers syncs until none is on its way (a first pull of the map, then what waits).
void SettleSyncs(UiHarness& ui) {
  for (int i = 0; i < 5 && CountTo(ui, "/api/v1/sync") > 0; ++i) AcceptSyncs(ui);
  REQUIRE(CountTo(ui, "/api/v1/sync") == 0);
}

// A phone with the library on its map whose restore code the server already has.
void StartPhone(UiHarness& ui) {
  ui.AddCentralLibrary();
  ui.Frame();
  ui.AnswerRestore(200, "{}");
  ui.Frame();
  SettleSyncs(ui);
}

// Rates the library from home; the sync then starts.
void RateLibrary(UiHarness& ui) {
  GoHome(ui);
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("5 of 5: Yes, a lot"));
  REQUIRE(ui.Tap("Finish: check and send"));
  REQUIRE(ui.Tap("Send"));
  REQUIRE(ui.state.screen == Screen::RateDone);
  ui.now += 5.0;  // past the sync's own short wait
  ui.Frame();
}

void JoinGroup(UiHarness& ui) {
  GoHome(ui);
  REQUIRE(ui.Tap("Join a group"));
  ui.Type("Group code", "kxm 4p7");
  REQUIRE(ui.Tap("Join"));
  AnswerTo(
      ui, "/api/v1/sessions/join", 200,
      json{{"session_id", "7d1c5e2a-9b3f-4e6d-8a1c-2f4b6d8e0a13"}, {"name", "After school"}, {"state", "open"}}.dump());
  ui.Frame();
  REQUIRE(ui.state.group.step == GroupStep::In);
}

// Settings -> "Delete everything I sent": the question.
void OpenDeleteStep(UiHarness& ui) {
  GoHome(ui);
  REQUIRE(ui.Tap("Settings"));
  REQUIRE(ui.Tap("Delete everything I sent"));
  REQUIRE(ui.state.screen == Screen::DeleteSent);
}

// Words in the longest sentence of `text`.
int LongestSentence(const std::string& text) {
  int longest = 0, words = 0;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    ++words;
    longest = std::max(longest, words);
    if (word.back() == '.' || word.back() == '?' || word.back() == '!') words = 0;
  }
  return longest;
}

// What the phone holds of what it sent, to compare before and after a failed deletion.
struct Held {
  std::vector<std::string> ids;
  std::string restore_code;
  std::string group;
  int points = 0;
  bool operator==(const Held&) const = default;
};
Held HeldBy(const UiHarness& ui) {
  return {store::ContributionIds(ui.data->db), store::DeviceMeta(ui.data->db, store::kRestoreCodeKey),
          store::DeviceMeta(ui.data->db, store::kGroupKey), ui.state.progress.points};
}

}  // namespace

TEST_CASE("the privacy page says what is kept, who sees it and for how long, in short lines with big targets",
          "[ui][privacy]") {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Settings"));
  REQUIRE(ui.Tap("Your privacy"));
  REQUIRE(ui.state.screen == Screen::Privacy);
  ui.Frame();
  const ui::FrameRecord& record = ui.state.ui_record;
  CHECK(record.screen_name == "Your privacy");
  for (const char* heading : {"What we keep", "Who sees it", "How long we keep it", "Your choices"})
    CHECK(ui.Shows(ui::Role::Heading, heading));
  for (const char* line :
       {"Your nickname and your buddy stay on this device.",
        "Places you rate or suggest go to the council's Safe Spaces computer.",
        "We keep the month you went. Never the day or the time.",
        "We never ask for your name, email, phone number or photo.", "We never keep where you are.",
        "The map only finds you when you tap \"Use where I am\".", "A council worker checks new places and words first.",
        "Nobody can see who sent them.", "In a group, your youth worker's big screen shows your nickname.",
        "Places that were not added are deleted after 3 months.", "Everything else stays until you delete it.",
        "You can ask about your data. Ask your youth worker or the council."})
    CHECK(ui.Shows(ui::Role::Text, line));
  int buttons = 0;
  for (const ui::Item& item : record.items) {
    INFO(item.name);
    CHECK(item.rect.x >= 0.0f);
    CHECK(item.rect.x + item.rect.w <= 390.5f);
    if (item.role == ui::Role::Text) CHECK(LongestSentence(item.name) <= 13);  // easy-read: short sentences
    if (item.role != ui::Role::Button) continue;
    ++buttons;
    CHECK(item.rect.w >= ui::kMinTarget);
    CHECK(item.rect.h >= ui::kMinTarget);
  }
  CHECK(buttons == 3);  // Back, Read aloud, Delete everything I sent
  CHECK(record.raw_items.empty());

  REQUIRE(ui.Tap("Read aloud"));
  REQUIRE(ui.spoken.size() == 1);
  CHECK(ui.spoken[0].find("We never keep where you are.") != std::string::npos);
  CHECK(ui.spoken[0].find("deleted after 3 months") != std::string::npos);

  REQUIRE(ui.Tap("Delete everything I sent"));
  CHECK(ui.state.screen == Screen::DeleteSent);
  CHECK(RequestTo(ui, kErasePath) == nullptr);  // opening it deletes nothing
}

TEST_CASE("deleting asks first, says plainly what happens, and puts the safe choice first", "[ui][privacy]") {
  UiHarness ui;
  StartPhone(ui);
  OpenDeleteStep(ui);
  for (const char* line :
       {"This deletes the places you rated and suggested from Safe Spaces.",
        "Your badges and points go back to the start.", "Places the council already added stay on the map.",
        "But nothing says you sent them.", "You cannot get it back."})
    CHECK(ui.Shows(ui::Role::Text, line));
  const ui::Item* keep = ui.state.ui_record.Find(ui::Role::Button, "No, keep it");
  const ui::Item* erase = ui.state.ui_record.Find(ui::Role::Button, "Yes, delete everything");
  REQUIRE(keep);
  REQUIRE(erase);
  CHECK(keep->rect.y + keep->rect.h <= erase->rect.y);
  CHECK(keep->rect.h >= ui::kMinTarget);
  CHECK(erase->rect.h >= ui::kMinTarget);
  CHECK(erase->icon == Icon::Delete);
  CHECK(ui.state.ui_record.raw_items.empty());

  REQUIRE(ui.Tap("No, keep it"));
  CHECK(ui.state.screen == Screen::Settings);
  for (int i = 0; i < 3; ++i) ui.Frame();
  CHECK(RequestTo(ui, kErasePath) == nullptr);
}

TEST_CASE("'Yes, delete everything' sends this device's id, and on the server's yes the phone forgets what it sent",
          "[ui][privacy]") {
  UiHarness ui;
  StartPhone(ui);
  JoinGroup(ui);
  RateLibrary(ui);
  SettleSyncs(ui);
  RateLibrary(ui);
  SettleSyncs(ui);
  RateLibrary(ui);                        // a third rating: its sync goes...
  AnswerTo(ui, "/api/v1/sync", 503, "");  // ...and fails, so it waits on the phone
  ui.Frame();
  ui.actions.OpenPlace(kCentralLibraryId);  // and a place saved on the phone only
  ui.Frame();
  ui.Frame();
  REQUIRE(ui.Tap("Save to my places"));
  REQUIRE(ui.state.waiting_count == 1);
  REQUIRE(ui.state.contributions.size() == 3);
  REQUIRE(ui.state.progress.points > 0);
  const std::string nickname = ui.state.nickname;
  const core::Companion buddy = ui.state.companion;
  const std::string device_id = ui.data->device_id;
  const std::string old_code = ui.state.restore_code;
  const std::size_t places = ui.state.places.size();

  OpenDeleteStep(ui);
  REQUIRE(ui.Tap("Yes, delete everything"));
  REQUIRE(CountTo(ui, kErasePath) == 1);
  const SentRequest& sent = *RequestTo(ui, kErasePath);
  CHECK(sent.method == std::string("POST"));
  CHECK(json::parse(sent.body) == json{{"device_id", device_id}});
  CHECK(ui.Shows(ui::Role::Status, "Deleting what you sent. Please wait."));
  CHECK(ui.FindTappable("Yes, delete everything") == nullptr);  // not twice
  CHECK(CountTo(ui, "/api/v1/sync") == 0);

  AnswerTo(ui, kErasePath, 200, kErased);
  ui.Frame();
  ui.Frame();
  CHECK(ui.Shows(ui::Role::Status, "Done. Everything you sent is deleted."));
  CHECK(ui.state.contributions.empty());
  CHECK(ui.state.waiting_count == 0);
  CHECK(store::ContributionIds(ui.data->db).empty());
  CHECK(ui.state.progress.points == 0);
  CHECK(ui.state.progress.counts == core::ProgressCounts{});
  CHECK_FALSE(ui.state.celebration.showing);
  CHECK(ui.state.group.step == GroupStep::Typing);
  CHECK(store::DeviceMeta(ui.data->db, store::kGroupKey).empty());
  CHECK(store::DeviceMeta(ui.data->db, store::kJoinedGroupsKey).empty());
  // A new restore code: the old words lead nowhere now. It is registered again.
  CHECK_FALSE(ui.state.restore_code.empty());
  CHECK(ui.state.restore_code != old_code);
  CHECK(store::DeviceMeta(ui.data->db, store::kRestoreCodeRegisteredKey).empty());
  // Kept: who they are here, their settings, the public map, the places saved on the phone.
  CHECK(ui.state.nickname == nickname);
  CHECK(ui.state.companion == buddy);
  CHECK(ui.data->device_id == device_id);
  CHECK(ui.state.places.size() == places);
  CHECK(ui.state.saved_place_ids == std::vector<std::string>{kCentralLibraryId});

  REQUIRE(ui.Tap("Back to home"));
  CHECK(ui.state.screen == Screen::Home);
  REQUIRE(ui.Tap("My places"));
  CHECK(ui.Shows(ui::Role::Text, "Nothing yet. When you rate or suggest a place, it shows here."));
  for (int i = 0; i < 5; ++i) {
    ui.now += 60.0;
    ui.Frame();
  }
  for (const SentRequest& request : ui.requests)  // the map is still asked for news; nothing is sent
    if (request.path == "/api/v1/sync") CHECK(json::parse(request.body)["items"].empty());
  REQUIRE(ui.restore_requests.size() == 1);
  CHECK(json::parse(ui.restore_requests[0].body)["code"] == ui.state.restore_code);
}

TEST_CASE("offline, or when the server cannot, nothing on the phone is forgotten and the words say so",
          "[ui][privacy]") {
  UiHarness ui;
  StartPhone(ui);
  JoinGroup(ui);
  RateLibrary(ui);
  SettleSyncs(ui);
  const Held before = HeldBy(ui);
  REQUIRE(before.ids.size() == 1);
  REQUIRE_FALSE(before.group.empty());
  OpenDeleteStep(ui);

  ui.online = false;
  REQUIRE(ui.Tap("Yes, delete everything"));
  CHECK(RequestTo(ui, kErasePath) == nullptr);
  CHECK(ui.Shows(ui::Role::Status, kOfflineWords));
  CHECK(HeldBy(ui) == before);
  ui.online = true;

  const std::pair<int, std::string> answers[] = {
      {0, ""},
      {503, ""},
      {429, R"({"error":{"code":"too_many_requests","message":"That was a lot of tries. Please wait a minute."}})"},
      {200, "<html>Log in to the Wi-Fi</html>"},
  };
  const char* said[] = {kOfflineWords, kFailedWords, "That was a lot of tries. Please wait a minute.", kFailedWords};
  for (std::size_t i = 0; i < std::size(answers); ++i) {
    INFO("answer " << answers[i].first);
    REQUIRE(ui.Tap("Yes, delete everything"));
    AnswerTo(ui, kErasePath, answers[i].first, answers[i].second);
    ui.Frame();  // the answer arrives
    ui.Frame();  // and shows
    CHECK(ui.Shows(ui::Role::Status, said[i]));
    CHECK(ui.FindTappable("Yes, delete everything"));  // to try again
    CHECK(HeldBy(ui) == before);
    CHECK(ui.state.group.step == GroupStep::In);
    CHECK(ui.state.contributions.size() == 1);
  }
}

TEST_CASE("no sync starts while the deletion is on its way, and it waits for a sync already on its way",
          "[ui][privacy][sync]") {
  UiHarness ui;
  StartPhone(ui);
  RateLibrary(ui);
  REQUIRE(CountTo(ui, "/api/v1/sync") == 1);  // on its way, not answered yet

  OpenDeleteStep(ui);
  REQUIRE(ui.Tap("Yes, delete everything"));
  CHECK(ui.Shows(ui::Role::Status, "Deleting what you sent. Please wait."));
  CHECK(RequestTo(ui, kErasePath) == nullptr);  // the rating must reach the server first
  AcceptSyncs(ui);
  REQUIRE(CountTo(ui, kErasePath) == 1);

  // Something new made meanwhile waits: it is not sent until the server has deleted.
  RateLibrary(ui);
  for (int i = 0; i < 10; ++i) {
    ui.now += 60.0;
    ui.Frame();
  }
  CHECK(CountTo(ui, "/api/v1/sync") == 0);
  CHECK(ui.restore_requests.empty());
  REQUIRE(ui.state.contributions.size() == 2);

  AnswerTo(ui, kErasePath, 200, kErased);
  ui.Frame();
  // What was sent is forgotten; the rating made after the deletion went is kept, and sent.
  REQUIRE(ui.state.contributions.size() == 1);
  CHECK(ui.state.waiting_count == 1);
  for (int i = 0; i < 3 && CountTo(ui, "/api/v1/sync") == 0; ++i) {
    ui.now += 10.0;
    ui.Frame();
  }
  CHECK(CountTo(ui, "/api/v1/sync") == 1);
}
