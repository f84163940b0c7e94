// Tests of the restore code as a young person meets it, drawn headless with the real data
// side: the four words show under Settings and are registered with the server once; a new
// phone that types them (by taps) gets the old device's id, what it sent and so its badges
// back, calmly, without a celebration; a wrong code gets kind words. Through a real server:
// server_restore_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "client/screens.h"
#include "core/restore_code.h"
#include "core/restore_protocol.h"
#include "store/device_store.h"
#include "store_sync_samples.h"
#include "ui_harness.h"

namespace {

using nlohmann::json;
using sync_samples::Uuid;

const std::string kOldDevice = "5b0c3a9e-2f4d-4c1a-9e7b-3d2f1a0c9b8e";

// A rating of a place and a suggestion officers approved, as the old phone sent them.
std::vector<core::SentItem> OldPhoneItems(const std::string& device_id) {
  core::Rating rating = sync_samples::MakeRating(Uuid(0x401), Uuid(0x100), device_id, 4);
  rating.visit_month = "2026-10";
  core::Suggestion suggestion = sync_samples::MakeSuggestion(Uuid(0x200), device_id, Uuid(0x300), 0);
  suggestion.first_rating.visit_month = "2026-09";
  std::vector<core::SentItem> items;
  items.push_back({core::OutboxItem{rating}});
  items.push_back({core::OutboxItem{suggestion}, core::PlaceStatus::Approved});
  return items;
}

std::string RestoreAnswerBody(const std::string& device_id, const std::vector<core::SentItem>& items) {
  json answer = {{"device_id", device_id}, {"progress", {{"points", 0}, {"level", 1}, {"badges", json::array()}}}};
  core::WriteRestoreItems(items, answer);
  return core::DumpJson(answer);
}

// Answers the syncs on their way with "nothing new", as a server would.
void SettleSyncs(UiHarness& ui) {
  while (!ui.requests.empty())
    ui.Answer(200, R"({"results":[],"yours":[],"places":[],"cursor":"1","more":false})");
  ui.Frame();
}

void OpenRestoreScreen(UiHarness& ui) {
  SettleSyncs(ui);
  REQUIRE(ui.Tap("Settings"));
  REQUIRE(ui.Tap("I have a restore code"));
  REQUIRE(ui.state.screen == Screen::Restore);
}

}  // namespace

TEST_CASE("the restore code shows under Settings as four words, and is registered once", "[ui][restore]") {
  UiHarness ui;
  ui.Frame();
  const std::string code = ui.state.restore_code;
  REQUIRE(core::NormaliseRestoreCode(code) == code);
  REQUIRE(ui.restore_requests.size() == 1);
  CHECK(ui.restore_requests[0].method == "POST");
  CHECK(ui.restore_requests[0].path == "/api/v1/restore-code");
  const json body = json::parse(ui.restore_requests[0].body);
  CHECK(body == json{{"device_id", ui.data->device_id}, {"code", code}});
  CHECK((ui.requests.empty() || ui.requests.front().path != "/api/v1/restore-code"));

  REQUIRE(ui.Tap("Settings"));
  const std::string words = RestoreCodeWords(code);
  CHECK(std::count(words.begin(), words.end(), ' ') == 3);
  CHECK(ui.Shows(ui::Role::Heading, "Your restore code"));
  CHECK(ui.Shows(ui::Role::Text, words));
  CHECK(ui.Shows(ui::Role::Text,
              "If you get a new phone, type these words to get your badges back. Keep them safe. They are not your "
              "name."));
  REQUIRE(ui.Tap("Read aloud"));
  REQUIRE_FALSE(ui.spoken.empty());
  CHECK(ui.spoken.back().find(words) != std::string::npos);
  CHECK(ui.state.ui_record.raw_items.empty());

  // A failure is tried again later, not at once; then once it is taken, never again.
  ui.AnswerRestore(503, "");
  ui.Frame();
  CHECK(ui.restore_requests.empty());
  ui.now += 31.0;
  ui.Frame();
  REQUIRE(ui.restore_requests.size() == 1);
  ui.AnswerRestore(200, core::DumpJson({{"device_id", ui.data->device_id}}));
  ui.Frame();
  for (int i = 0; i < 5; ++i) {
    ui.now += 60.0;
    ui.Frame();
  }
  CHECK(ui.restore_requests.empty());
  CHECK(store::DeviceMeta(ui.data->db, store::kRestoreCodeRegisteredKey) == "yes");
  // The same code shows after the app opens again.
  RefreshState(ui.state, *ui.data);
  CHECK(ui.state.restore_code == code);
}

TEST_CASE("a 409 means the server already has this device's code: it is not asked again", "[ui][restore]") {
  UiHarness ui;
  ui.Frame();
  ui.AnswerRestore(409, R"({"error":{"code":"conflict","message":"This device already has a restore code.","field":""}})");
  ui.Frame();
  ui.now += 120.0;
  ui.Frame();
  CHECK(ui.restore_requests.empty());
}

TEST_CASE("typing a restore code by taps brings the old phone's badges back, calmly", "[ui][restore]") {
  UiHarness ui;
  ui.Frame();
  ui.AnswerRestore(200, "{}");  // this phone's own code is registered
  ui.Frame();
  const std::string own_id = ui.data->device_id;
  OpenRestoreScreen(ui);
  CHECK(ui.Shows(ui::Role::Heading, "I have a restore code"));
  ui.Type("Your four words", "Otter maple  LANTERN cocoa");
  REQUIRE(ui.Tap("Get my badges back"));
  REQUIRE(ui.restore_requests.size() == 1);
  CHECK(ui.restore_requests[0].path == "/api/v1/restore");
  CHECK(json::parse(ui.restore_requests[0].body) == json{{"code", "otter-maple-lantern-cocoa"}});
  CHECK(ui.Shows(ui::Role::Status, "Looking for your badges..."));
  CHECK(ui.requests.empty());  // no sync under the old id meanwhile

  ui.AnswerRestore(200, RestoreAnswerBody(kOldDevice, OldPhoneItems(kOldDevice)));
  ui.Frame();
  ui.Frame();
  CHECK(ui.data->device_id == kOldDevice);
  CHECK(ui.data->device_id != own_id);
  CHECK(store::DeviceMeta(ui.data->db, store::kDeviceIdKey) == kOldDevice);
  CHECK(ui.state.restore_code == "otter-maple-lantern-cocoa");
  CHECK(store::DeviceMeta(ui.data->db, store::kRestoreCodeRegisteredKey) == "yes");
  CHECK(ui.Shows(ui::Role::Status, "Welcome back! Your badges are here."));
  CHECK_FALSE(ui.state.celebration.showing);  // earned before: not celebrated again
  CHECK(ui.state.waiting_count == 0);         // what came back is not sent again
  CHECK(ui.state.ui_record.raw_items.empty());

  REQUIRE(ui.Tap("See my progress"));
  REQUIRE(ui.state.screen == Screen::Progress);
  CHECK(ui.Shows(ui::Role::Text, "First rating: Rate your first place."));
  CHECK(ui.Shows(ui::Role::Text, "On the map: Suggest a place that goes on the map."));
  CHECK(ui.state.progress.counts.places_on_map == 1);
  CHECK(ui.state.ui_record.raw_items.empty());
  // Now that it has things of its own, it does not take another code.
  CHECK_FALSE(ui.state.can_restore);
}

TEST_CASE("a wrong restore code, too many tries, or no internet each get kind words", "[ui][restore]") {
  UiHarness ui;
  ui.Frame();
  ui.AnswerRestore(200, "{}");
  ui.Frame();
  const std::string own_id = ui.data->device_id;
  OpenRestoreScreen(ui);

  ui.Type("Your four words", "cat dog");
  REQUIRE(ui.Tap("Get my badges back"));
  CHECK(ui.restore_requests.empty());
  CHECK(ui.Shows(ui::Role::Status,
              "A restore code is four words, like \"otter maple lantern cocoa\". Check the words and try again."));

  ui.Type("Your four words", "otter maple lantern cocoa");
  REQUIRE(ui.Tap("Get my badges back"));
  ui.AnswerRestore(404, R"({"error":{"code":"not_found","message":"We could not find that code.","field":"code"}})");
  ui.Frame();
  ui.Frame();
  CHECK(ui.Shows(ui::Role::Status, "We could not find that code. Check the words and try again."));
  CHECK(ui.data->device_id == own_id);

  REQUIRE(ui.Tap("Get my badges back"));
  ui.AnswerRestore(429, R"({"error":{"code":"too_many_requests","message":"Please wait a minute, then try again.","field":""}})");
  ui.Frame();
  ui.Frame();
  CHECK(ui.Shows(ui::Role::Status, "Please wait a minute, then try again."));

  ui.online = false;
  REQUIRE(ui.Tap("Get my badges back"));
  CHECK(ui.restore_requests.empty());
  CHECK(ui.Shows(ui::Role::Status,
              "You need the internet to get your badges back. Try again when you are online."));
  CHECK(ui.data->device_id == own_id);
  CHECK(ui.state.ui_record.raw_items.empty());
}

TEST_CASE("things waiting to send on the new phone go with it under the restored id", "[ui][restore]") {
  UiHarness ui;
  ui.online = false;
  ui.Frame();
  core::Rating waiting = sync_samples::MakeRating(Uuid(0x900), Uuid(0x100), ui.data->device_id, 2);
  waiting.visit_month = "2026-11";
  std::string error;
  REQUIRE(store::AddContribution(ui.data->db, core::OutboxItem{waiting}, error));
  RefreshState(ui.state, *ui.data);
  REQUIRE(ui.state.can_restore);
  ui.online = true;
  ui.state.restore.typed = "otter maple lantern cocoa";
  ui.actions.Restore();
  ui.Frame();
  // The sync of the waiting rating is held back until the restore is answered.
  CHECK(ui.requests.empty());
  const auto restore = std::find_if(ui.restore_requests.begin(), ui.restore_requests.end(),
                                    [](const SentRequest& r) { return r.path == "/api/v1/restore"; });
  REQUIRE(restore != ui.restore_requests.end());
  ui.answers.push_back({restore->id, 200, RestoreAnswerBody(kOldDevice, OldPhoneItems(kOldDevice))});
  ui.restore_requests.erase(restore);
  ui.Frame();
  ui.Frame();
  REQUIRE(ui.data->device_id == kOldDevice);
  const std::vector<core::OutboxItem> items = store::WaitingItems(ui.data->db, 10);
  REQUIRE(items.size() == 1);
  CHECK(std::get<core::Rating>(items[0].payload).device_id == kOldDevice);
  REQUIRE_FALSE(ui.requests.empty());
  CHECK(json::parse(ui.requests.front().body)["device_id"] == kOldDevice);
}
