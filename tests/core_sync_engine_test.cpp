// Tests of core/sync_engine and core/sync_protocol: when a device sends, how it backs off
// and never gives up, what it tells the young person, and reading the server's answers.
#include <catch2/catch.hpp>

#include "core/sync_engine.h"
#include "core/sync_protocol.h"
#include "core/validation.h"

using core::SyncEngine;
using core::SyncStatus;

TEST_CASE("a device with something to send sends it at once when online", "[core][sync]") {
  SyncEngine engine;
  engine.SetWaitingCount(1);
  CHECK(engine.ShouldSync(0.0));
  engine.Started(0.0);
  CHECK_FALSE(engine.ShouldSync(0.1));  // one request at a time
  CHECK(engine.Status(0.1) == SyncStatus::Sending);
}

TEST_CASE("offline, nothing is sent and the young person is told it is saved", "[core][sync]") {
  SyncEngine engine;
  engine.SetOnline(false);
  engine.SetWaitingCount(2);
  CHECK_FALSE(engine.ShouldSync(10.0));
  CHECK(engine.Status(10.0) == SyncStatus::WaitingForOnline);
  CHECK(core::SyncStatusText(engine.Status(10.0)) == "Saved on this device. It will send when you are online.");
  engine.SetOnline(true);
  CHECK(engine.ShouldSync(10.0));
}

TEST_CASE("failures back off, grow, stop growing at the cap, and never give up", "[core][sync]") {
  core::SyncTiming timing;
  SyncEngine engine(timing);
  engine.SetWaitingCount(1);
  double now = 0.0;
  double previous_delay = 0.0;
  for (int attempt = 0; attempt < 30; ++attempt) {
    REQUIRE(engine.ShouldSync(now));
    engine.Started(now);
    engine.Failed(now, 0.5);
    const double delay = engine.NextAttemptAt() - now;
    CHECK(delay >= previous_delay);
    CHECK(delay <= timing.max_retry_seconds * 1.25);
    CHECK_FALSE(engine.ShouldSync(now + delay * 0.5));
    CHECK(engine.Status(now) == SyncStatus::WillRetry);
    previous_delay = delay;
    now += delay;
  }
  CHECK(previous_delay >= timing.max_retry_seconds * 0.99);
}

TEST_CASE("when the server asks a device to wait, it waits at least that long and says why; then all is as before",
          "[core][sync][limits]") {
  SyncEngine engine;
  engine.SetWaitingCount(3);
  engine.Started(0.0);
  engine.Failed(0.0, 0.0, 60.0);
  CHECK(engine.Status(1.0) == SyncStatus::SlowDown);
  CHECK(core::SyncStatusText(engine.Status(1.0)).find("Saved on this device") == 0);  // nothing is lost, it says
  CHECK_FALSE(engine.ShouldSync(59.0));
  REQUIRE(engine.ShouldSync(60.0));
  engine.Started(60.0);
  engine.Failed(60.0, 0.0);  // an ordinary failure next: the ordinary words
  CHECK(engine.Status(61.0) == SyncStatus::WillRetry);
  engine.Started(100.0);
  engine.Succeeded(100.0, 3, false);
  engine.SetWaitingCount(0);
  CHECK(engine.Status(101.0) == SyncStatus::JustSent);
}

TEST_CASE("coming back online cancels the wait", "[core][sync]") {
  SyncEngine engine;
  engine.SetWaitingCount(1);
  engine.Started(0.0);
  for (int i = 0; i < 6; ++i) engine.Failed(0.0, 0.0);
  CHECK_FALSE(engine.ShouldSync(1.0));
  engine.SetOnline(false);
  engine.SetOnline(true);
  CHECK(engine.ShouldSync(1.0));
}

TEST_CASE("after sending, 'Sent!' shows for a moment and then goes quiet", "[core][sync]") {
  SyncEngine engine;
  engine.SetWaitingCount(1);
  engine.Started(0.0);
  engine.SetWaitingCount(0);
  engine.Succeeded(1.0, 1, false);
  CHECK(engine.Status(2.0) == SyncStatus::JustSent);
  CHECK(core::SyncStatusText(SyncStatus::JustSent) == "Sent! Thank you.");
  CHECK(engine.Status(60.0) == SyncStatus::AllSent);
  CHECK(core::SyncStatusText(SyncStatus::AllSent).empty());
}

TEST_CASE("an item not yet kept safely on the device is never called saved", "[core][sync]") {
  SyncEngine engine;
  engine.SetWaitingCount(1);
  engine.SetSavedOnDevice(false);
  CHECK(engine.Status(0.0) == SyncStatus::SavingOnDevice);
}

TEST_CASE("an idle device looks for map changes now and then, not all the time", "[core][sync]") {
  core::SyncTiming timing;
  SyncEngine engine(timing);
  CHECK(engine.ShouldSync(0.0));  // once at start
  engine.Started(0.0);
  engine.Succeeded(0.5, 0, false);
  CHECK_FALSE(engine.ShouldSync(1.0));
  CHECK(engine.ShouldSync(0.5 + timing.pull_every_seconds));
}

TEST_CASE("the sync request carries the device, the cursor and every item", "[core][sync][protocol]") {
  core::Withdrawal withdrawal{"018f2d6e-0000-7000-8000-000000000001", "0b6f1d2a-1111-4222-8333-444455556666",
                              "018f2d6e-0000-7000-8000-000000000002"};
  const core::OutboxItem items[] = {core::OutboxItem{withdrawal}};
  const std::string body = core::BuildSyncRequest("0b6f1d2a-1111-4222-8333-444455556666", "42", items);
  const auto doc = nlohmann::json::parse(body);
  CHECK(doc["device_id"] == "0b6f1d2a-1111-4222-8333-444455556666");
  CHECK(doc["cursor"] == "42");
  REQUIRE(doc["items"].size() == 1);
  CHECK(doc["items"][0]["kind"] == "withdrawal");
  CHECK(doc["items"][0]["target_id"] == "018f2d6e-0000-7000-8000-000000000002");
}

TEST_CASE("the server's answer is read: outcomes, reasons, places and removals", "[core][sync][protocol]") {
  const char* text = R"({
    "results": [
      {"id": "a", "status": "accepted"},
      {"id": "b", "status": "already_accepted"},
      {"id": "c", "status": "rejected", "error": {"code": "invalid_field", "message": "This place is outside Coventry.", "field": "lat"}}
    ],
    "places": [
      {"id": "018f2d6e-0000-7000-8000-00000000000a", "name": "Central Library", "category": "library",
       "lat": 52.4075, "lon": -1.5106, "status": "approved"},
      {"id": "018f2d6e-0000-7000-8000-00000000000b", "status": "merged"}
    ],
    "cursor": "17", "more": true})";
  core::Parsed<core::SyncAnswer> answer = core::ParseSyncAnswer(text);
  INFO(answer.error.message << " " << answer.error.field);
  REQUIRE(answer);
  REQUIRE(answer.value->results.size() == 3);
  CHECK(answer.value->results[0].outcome == core::ItemOutcome::Accepted);
  CHECK(answer.value->results[1].outcome == core::ItemOutcome::AlreadyAccepted);
  CHECK(answer.value->results[2].outcome == core::ItemOutcome::Rejected);
  CHECK(answer.value->results[2].error.message == "This place is outside Coventry.");
  REQUIRE(answer.value->changes.places.size() == 1);
  CHECK(answer.value->changes.places[0].place.name == "Central Library");
  CHECK(answer.value->changes.removed_ids == std::vector<std::string>{"018f2d6e-0000-7000-8000-00000000000b"});
  CHECK(answer.value->changes.cursor == "17");
  CHECK(answer.value->changes.more);
}

TEST_CASE("the server's answer says what became of this device's suggestions", "[core][sync][protocol][yours]") {
  const char* text = R"({
    "results": [],
    "yours": [
      {"id": "018f2d6e-0000-7000-8000-000000000004", "status": "suggested"},
      {"id": "018f2d6e-0000-7000-8000-000000000003", "status": "approved"},
      {"id": "018f2d6e-0000-7000-8000-000000000002", "status": "rejected", "reason": "already_on_map"},
      {"id": "018f2d6e-0000-7000-8000-000000000001", "status": "merged",
       "merged_into": "018f2d6e-0000-7000-8000-00000000000a"},
      {"id": "018f2d6e-0000-7000-8000-000000000000", "status": "rejected"}
    ],
    "places": [], "cursor": "3", "more": false})";
  core::Parsed<core::SyncAnswer> answer = core::ParseSyncAnswer(text);
  INFO(answer.error.message << " " << answer.error.field);
  REQUIRE(answer);
  const std::vector<core::SuggestionStatus> expected = {
      {"018f2d6e-0000-7000-8000-000000000004", core::PlaceStatus::Suggested, std::nullopt, ""},
      {"018f2d6e-0000-7000-8000-000000000003", core::PlaceStatus::Approved, std::nullopt, ""},
      {"018f2d6e-0000-7000-8000-000000000002", core::PlaceStatus::Rejected, core::NotAddedReason::AlreadyOnMap, ""},
      {"018f2d6e-0000-7000-8000-000000000001", core::PlaceStatus::Merged, std::nullopt,
       "018f2d6e-0000-7000-8000-00000000000a"},
      {"018f2d6e-0000-7000-8000-000000000000", core::PlaceStatus::Rejected, std::nullopt, ""},
  };
  CHECK(answer.value->yours == expected);
  // What the server writes, the device reads back exactly.
  for (const core::SuggestionStatus& status : expected) {
    const nlohmann::json entry = core::ToJson(status);
    CHECK(entry.contains("reason") == status.reason.has_value());
    CHECK(entry.contains("merged_into") == !status.merged_into.empty());
    const std::string one = R"({"yours": [)" + core::DumpJson(entry) + "]}";
    core::Parsed<core::SyncAnswer> back = core::ParseSyncAnswer(one);
    REQUIRE(back);
    REQUIRE(back.value->yours.size() == 1);
    CHECK(back.value->yours[0] == status);
  }
  CHECK(core::ToJson(expected[2]) == nlohmann::json{{"id", "018f2d6e-0000-7000-8000-000000000002"},
                                                    {"status", "rejected"},
                                                    {"reason", "already_on_map"}});
}

TEST_CASE("an older answer without \"yours\" reads as nothing to tell; a newer status or reason is let be",
          "[core][sync][protocol][yours]") {
  core::Parsed<core::SyncAnswer> older = core::ParseSyncAnswer(R"({"results": [], "places": [], "cursor": "1"})");
  REQUIRE(older);
  CHECK(older.value->yours.empty());

  core::Parsed<core::SyncAnswer> newer = core::ParseSyncAnswer(R"({"yours": [
      {"id": "a", "status": "paused"},
      {"id": "b", "status": "rejected", "reason": "moon_base"}]})");
  REQUIRE(newer);
  REQUIRE(newer.value->yours.size() == 1);  // a status it can't know leaves what the device knew
  CHECK(newer.value->yours[0].id == "b");
  CHECK(newer.value->yours[0].status == core::PlaceStatus::Rejected);
  CHECK_FALSE(newer.value->yours[0].reason);  // still "not added", without words it can't know
}

TEST_CASE("the answer says which suggestion was first in its area and which comments were shared",
          "[core][sync][protocol][yours]") {
  core::Parsed<core::SyncAnswer> answer = core::ParseSyncAnswer(R"({
    "yours": [{"id": "a", "status": "approved", "first_in_area": true},
              {"id": "b", "status": "approved"},
              {"id": "c", "status": "approved", "first_in_area": "yes"}],
    "shared_comments": ["r2", 7, "r1"]})");
  INFO(answer.error.message << " " << answer.error.field);
  REQUIRE(answer);
  REQUIRE(answer.value->yours.size() == 3);
  CHECK(answer.value->yours[0].first_in_area);
  CHECK_FALSE(answer.value->yours[1].first_in_area);
  CHECK_FALSE(answer.value->yours[2].first_in_area);                             // not a yes or no: not said
  CHECK(answer.value->shared_comments == std::vector<std::string>{"r2", "r1"});  // what is not an id is skipped

  // Written only when true, and read back the same.
  core::SuggestionStatus first{"a", core::PlaceStatus::Approved};
  first.first_in_area = true;
  CHECK(core::ToJson(first) == nlohmann::json{{"id", "a"}, {"status", "approved"}, {"first_in_area", true}});
  first.first_in_area = false;
  CHECK_FALSE(core::ToJson(first).contains("first_in_area"));

  // An older server says nothing of shared comments: the device keeps what it knew.
  core::Parsed<core::SyncAnswer> older = core::ParseSyncAnswer(R"({"yours": [], "places": []})");
  REQUIRE(older);
  CHECK_FALSE(older.value->shared_comments);
  core::Parsed<core::SyncAnswer> none = core::ParseSyncAnswer(R"({"shared_comments": []})");
  REQUIRE(none);
  REQUIRE(none.value->shared_comments);
  CHECK(none.value->shared_comments->empty());
  CHECK_FALSE(core::ParseSyncAnswer(R"({"shared_comments": {"r1": true}})"));
}

TEST_CASE("an answer that is not ours is refused, never half-read", "[core][sync][protocol]") {
  CHECK_FALSE(core::ParseSyncAnswer("<html>Bad gateway</html>"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"results": "all good"})"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"results": [{"id": "a", "status": "maybe"}]})"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"places": [{"name": "no id"}]})"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"yours": {"id": "a"}})"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"yours": [{"status": "approved"}]})"));
  CHECK_FALSE(core::ParseSyncAnswer(R"({"yours": [{"id": "a", "status": 2}]})"));
  CHECK_FALSE(core::ParsePlaceChanges(R"({"cursor": 5})"));
}

TEST_CASE("a place's approved comments are read with their months, newest first as sent", "[core][sync][protocol][comments]") {
  const char* text = R"({"places": [
      {"id": "018f2d6e-0000-7000-8000-00000000000a", "name": "Central Library", "category": "library",
       "lat": 52.4075, "lon": -1.5106, "status": "approved",
       "comments": [{"text": "They let me sit by the window.", "month": "2026-10"},
                    {"text": "Kind staff 😊", "month": "2026-09", "from_a_newer_server": true}]},
      {"id": "018f2d6e-0000-7000-8000-00000000000b", "name": "Far Park", "category": "park",
       "lat": 52.46, "lon": -1.42, "status": "approved"}],
    "cursor": "3"})";
  core::Parsed<core::PlaceChanges> changes = core::ParsePlaceChanges(text);
  INFO(changes.error.message << " " << changes.error.field);
  REQUIRE(changes);
  REQUIRE(changes.value->places.size() == 2);
  CHECK(changes.value->places[0].comments == std::vector<core::PlaceComment>{
                                                 {"They let me sit by the window.", "2026-10"},
                                                 {"Kind staff 😊", "2026-09"}});
  CHECK(changes.value->places[1].comments.empty());

  // Written back as it was read: the device keeps the entry as this JSON.
  const nlohmann::json written = core::ToJson(changes.value->places[0]);
  CHECK(written["comments"] ==
        nlohmann::json::parse(R"([{"text": "They let me sit by the window.", "month": "2026-10"},
                                  {"text": "Kind staff 😊", "month": "2026-09"}])"));
  core::Parsed<core::PublicPlace> again = core::ReadPublicPlace(written);
  REQUIRE(again);
  CHECK(again.value->comments == changes.value->places[0].comments);
  CHECK_FALSE(core::ToJson(changes.value->places[1]).contains("comments"));  // none: left out
}

TEST_CASE("comments that can't be read are skipped, never the place; long ones are cut", "[core][sync][protocol][comments]") {
  nlohmann::json place = {{"id", "018f2d6e-0000-7000-8000-00000000000a"},
                          {"name", "Central Library"},
                          {"category", "library"},
                          {"lat", 52.4075},
                          {"lon", -1.5106},
                          {"status", "approved"}};
  const std::string long_words(core::kCommentMaxChars + 50, 'a');
  const std::string long_letters = std::string(core::kCommentMaxChars - 1, 'a') + "ééé";  // 2 bytes each
  place["comments"] = nlohmann::json::parse(R"([
      "just words", 7, null, {"text": "No month"}, {"month": "2026-10"},
      {"text": 12, "month": "2026-10"}, {"text": "Bad month", "month": "2026-13"},
      {"text": "Day too", "month": "2026-10-01"}, {"text": "   ", "month": "2026-10"},
      {"text": "Fine", "month": "2026-01"}])");
  place["comments"].push_back({{"text", long_words}, {"month", "2025-12"}});
  place["comments"].push_back({{"text", long_letters}, {"month", "2025-11"}});
  core::Parsed<core::PlaceChanges> changes =
      core::ParsePlaceChanges(core::DumpJson({{"places", nlohmann::json::array({place})}}));
  REQUIRE(changes);
  REQUIRE(changes.value->places.size() == 1);
  const std::vector<core::PlaceComment>& comments = changes.value->places[0].comments;
  REQUIRE(comments.size() == 3);
  CHECK(comments[0] == core::PlaceComment{"Fine", "2026-01"});
  CHECK(comments[1].text == std::string(core::kCommentMaxChars, 'a'));
  CHECK(comments[2].text == std::string(core::kCommentMaxChars - 1, 'a') + "é");

  SECTION("\"comments\" that is not a list reads as none") {
    place["comments"] = "lots";
    changes = core::ParsePlaceChanges(core::DumpJson({{"places", nlohmann::json::array({place})}}));
    REQUIRE(changes);
    CHECK(changes.value->places[0].comments.empty());
  }
  SECTION("a server that sends more than a card shows: only the first 20 are kept") {
    place["comments"] = nlohmann::json::array();
    for (int i = 0; i < 30; ++i) place["comments"].push_back({{"text", "Visit " + std::to_string(i)}, {"month", "2026-01"}});
    changes = core::ParsePlaceChanges(core::DumpJson({{"places", nlohmann::json::array({place})}}));
    REQUIRE(changes);
    REQUIRE(changes.value->places[0].comments.size() == core::kMaxPlaceComments);
    CHECK(changes.value->places[0].comments.back().text == "Visit 19");
  }
}
