// Tests of the rating journey and the device's side of sync, drawn headless with the real
// data side on an in-memory device database: a young person picks a place, answers one
// question at a time, sends; the rating is kept on the device at once, sent when online,
// retried after failures with the same id, and never doubled or lost.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/sync_protocol.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

// Rates the library: "It is quiet" gets 4 faces, then finishes.
void RateLibrary(UiHarness& ui) {
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.state.screen == Screen::RateQuestion);
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "I felt welcome"));
  REQUIRE(ui.Tap("Skip this question"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "It is quiet"));
  REQUIRE(ui.Tap("4 of 5: Mostly"));
  CHECK(ui.state.rating.scales[1] == 4);
  CHECK(ui.state.rating.step == 2);  // a tap on a face moves on by itself
  REQUIRE(ui.Tap("Finish: check and send"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "It is quiet: Mostly"));
  REQUIRE(ui.Tap("Send"));
  REQUIRE(ui.state.screen == Screen::RateDone);
}

std::string AnswerAccepting(const SentRequest& request) {
  nlohmann::json results = nlohmann::json::array();
  const nlohmann::json sent = nlohmann::json::parse(request.body);
  for (const auto& item : sent["items"])
    results.push_back({{"id", item["id"]}, {"status", "accepted"}});
  return nlohmann::json{{"results", results}, {"places", nlohmann::json::array()}, {"cursor", "2"}, {"more", false}}
      .dump();
}

}  // namespace

TEST_CASE("a rating is kept on the device the moment it is sent, even offline", "[ui][rate][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  RateLibrary(ui);
  CHECK(ui.state.waiting_count == 1);
  CHECK(ui.requests.empty());
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Saved on this device. It will send when you are online."));
  const std::vector<core::OutboxItem> waiting = store::WaitingItems(ui.data->db, 10);
  REQUIRE(waiting.size() == 1);
  const core::Rating& rating = std::get<core::Rating>(waiting[0].payload);
  CHECK(rating.place_id == kCentralLibraryId);
  CHECK(rating.scales[1] == 4);
  CHECK(rating.visit_month == "2026-11");
  CHECK(rating.device_id == ui.data->device_id);
}

TEST_CASE("back online, the rating is sent once, and the device says 'Sent!'", "[ui][rate][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  RateLibrary(ui);
  ui.online = true;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  CHECK(ui.requests[0].path == "/api/v1/sync");
  CHECK(nlohmann::json::parse(ui.requests[0].body)["items"].size() == 1);
  ui.Frame();
  CHECK(ui.requests.size() == 1);  // nothing more while one is on its way
  ui.Answer(200, AnswerAccepting(ui.requests[0]));
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.waiting_count == 0);
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Sent! Thank you."));
  CHECK(ui.requests.empty());
  CHECK(ui.chimes == 1);  // a soft sound says it went
}

TEST_CASE("with sounds turned off, sending is silent", "[ui][rate][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.state.preferences.sounds = false;
  ui.online = false;
  RateLibrary(ui);
  ui.online = true;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  ui.Answer(200, AnswerAccepting(ui.requests[0]));
  ui.Frame();
  CHECK(ui.state.waiting_count == 0);
  CHECK(ui.chimes == 0);
}

TEST_CASE("a failed send is tried again later with the very same item", "[ui][rate][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  RateLibrary(ui);
  ui.online = true;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  const std::string first_id = nlohmann::json::parse(ui.requests[0].body)["items"][0]["id"];
  ui.Answer(0, "");  // no connection after all
  ui.Frame();
  ui.Frame();
  CHECK(ui.requests.empty());
  CHECK(ui.state.waiting_count == 1);
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Saved on this device. We will try to send it again soon."));
  ui.now += 1.0;  // too soon
  ui.Frame();
  CHECK(ui.requests.empty());
  ui.now += 5.0;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  CHECK(nlohmann::json::parse(ui.requests[0].body)["items"][0]["id"] == first_id);
}

TEST_CASE("an item the server turned down shows the server's kind reason", "[ui][rate][sync]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  RateLibrary(ui);
  ui.online = true;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  const std::string id = nlohmann::json::parse(ui.requests[0].body)["items"][0]["id"];
  ui.Answer(200, nlohmann::json{{"results",
                                 {{{"id", id},
                                   {"status", "rejected"},
                                   {"error", {{"code", "invalid_field"}, {"message", "We could not find this place."}}}}}},
                                {"cursor", "2"}}
                     .dump());
  ui.Frame();
  const std::vector<store::Contribution> mine = store::Contributions(ui.data->db);
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].state == store::ContributionState::Rejected);
  CHECK(mine[0].message == "We could not find this place.");
  CHECK(ui.state.waiting_count == 0);
}

TEST_CASE("sending with no answer at all asks kindly for one, and keeps nothing", "[ui][rate]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("Finish: check and send"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "You have not answered any questions yet. Please go back and answer one."));
  REQUIRE(ui.Tap("Send"));
  CHECK(ui.state.screen == Screen::RateQuestion);
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Please answer at least one question before you send."));
  CHECK(store::CountWaiting(ui.data->db) == 0);
}

TEST_CASE("every question can be answered or skipped, and Back goes to the one before", "[ui][rate]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  for (int step = 0; step < 6; ++step) REQUIRE(ui.Tap("Skip this question"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Is there a quiet room or space?"));
  REQUIRE(ui.Tap("Not sure"));
  CHECK(ui.state.rating.facilities[0] == core::Answer::NotSure);
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Is there a quiet room or space?"));
  const ui::Item* chosen = ui.state.ui_record.Find(ui::Role::Radio, "Not sure");
  REQUIRE(chosen);
  CHECK(chosen->checked);
  for (int step = 6; step < 14; ++step) REQUIRE(ui.Tap("Skip this question"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Anything else you want to tell us?"));
  REQUIRE(ui.Tap("Next"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "When did you go?"));
  REQUIRE(ui.Tap("Last month (October)"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Check your answers"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "A quiet room or space: Not sure"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "When you went: October"));
  REQUIRE(ui.Tap("Send"));
  CHECK(ui.state.screen == Screen::RateDone);
  CHECK(store::CountWaiting(ui.data->db) == 1);
}

TEST_CASE("with no places yet, rating offers to suggest one instead", "[ui][rate]") {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "There are no places on the map yet."));
  REQUIRE(ui.Tap("Suggest a place"));
  CHECK(ui.state.screen == Screen::SuggestPlace);
}

TEST_CASE("the device keeps its random id and its outbox across restarts", "[ui][store]") {
  // A file database, opened twice, as a phone reopening the app.
  const std::string path = std::string(SAFESPACES_TEST_ASSETS_DIR) + "../device-restart-test.db";
  std::remove(path.c_str());
  std::string device_id;
  {
    UiHarness ui;
    std::string error;
    ui.data = OpenClientData(path, ui.Ports(), error);
    REQUIRE(ui.data);
    device_id = ui.data->device_id;
    CHECK(device_id.size() == 36);
    CHECK(device_id[14] == '4');  // random (v4): it says nothing about when it was made
    ui.AddCentralLibrary();
    ui.online = false;
    RateLibrary(ui);
  }
  UiHarness ui;
  std::string error;
  ui.data = OpenClientData(path, ui.Ports(), error);
  REQUIRE(ui.data);
  CHECK(ui.data->device_id == device_id);
  CHECK(store::CountWaiting(ui.data->db) == 1);
  std::remove(path.c_str());
}

TEST_CASE("words typed in the comment field go with the rating", "[ui][rate][text]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("3 of 5: A bit"));
  ui.state.rating.step = kRatingCommentStep;
  ui.Frame();
  const ui::Item* field = nullptr;
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.role == ui::Role::TextBox) field = &item;
  REQUIRE(field);
  CHECK(field->multiline);
  CHECK(field->max_chars == 280);
  CHECK(field->rect.h >= ui::kMinTarget);
  // What a phone keyboard (through the field's HTML twin) sends: the whole new text.
  ui::QueueText(field->id, "The quiet room is lovely \xF0\x9F\x98\x8A");
  ui.Frame();
  CHECK(ui.state.rating.comment == "The quiet room is lovely \xF0\x9F\x98\x8A");
  const ui::Item* shown = nullptr;
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.role == ui::Role::TextBox) shown = &item;
  REQUIRE(shown);
  CHECK(shown->value == ui.state.rating.comment);
  REQUIRE(ui.Tap("Next"));
  REQUIRE(ui.Tap("This month (November)"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Your words: The quiet room is lovely \xF0\x9F\x98\x8A"));
  REQUIRE(ui.Tap("Send"));
  const std::vector<core::OutboxItem> waiting = store::WaitingItems(ui.data->db, 10);
  REQUIRE(waiting.size() == 1);
  CHECK(std::get<core::Rating>(waiting[0].payload).comment == "The quiet room is lovely \xF0\x9F\x98\x8A");
}

TEST_CASE("every question has a Read aloud button that says the question and its answers", "[ui][rate][speech]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("Read aloud"));
  REQUIRE(ui.spoken.size() == 1);
  CHECK(ui.spoken[0] == "I felt welcome. Choose a face: No. Not really. A bit. Mostly. Yes, a lot.");
  ui.state.rating.step = 7;
  ui.Frame();
  REQUIRE(ui.Tap("Read aloud"));
  CHECK(ui.spoken.back() == "Is there an accessible toilet? Yes. No. Or not sure.");
}

TEST_CASE("the summary lets you change an answer, and the month of the visit is kept", "[ui][rate]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("2 of 5: Not really"));
  REQUIRE(ui.Tap("Finish: check and send"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "I felt welcome: Not really"));
  REQUIRE(ui.Tap("Change: I felt welcome"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "I felt welcome"));
  REQUIRE(ui.Tap("4 of 5: Mostly"));
  ui.state.rating.step = kRatingWhenStep;
  ui.Frame();
  REQUIRE(ui.Tap("Before that (September or earlier)"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "I felt welcome: Mostly"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "When you went: September or before"));
  REQUIRE(ui.Tap("Send"));
  const std::vector<core::OutboxItem> waiting = store::WaitingItems(ui.data->db, 10);
  REQUIRE(waiting.size() == 1);
  const core::Rating& rating = std::get<core::Rating>(waiting[0].payload);
  CHECK(rating.scales[0] == 4);
  CHECK(rating.visit_month == "2026-09");
}
