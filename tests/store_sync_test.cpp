// Tests of store/server_store: each rule of applying sync items (idempotent, rejected items
// not kept, suggestions private until approved, withdrawals only of a device's own items,
// tombstones that wait for their target), the public feed and its cursor, and the cached
// profile always equal to core::Aggregate of the live ratings. Each test uses ":memory:".
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/map_math.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core_samples.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

constexpr std::int64_t kNow = 1715000000;  // May 2024

const std::string kDeviceA = Uuid(0xA);
const std::string kDeviceB = Uuid(0xB);
const std::string kPlace = Uuid(100);

struct ServerDb {
  ServerDb() : db(Open()), store(db) { REQUIRE(store.Error().empty()); }

  static store::Database Open() {
    std::string error;
    std::optional<store::Database> db = store::Database::Open(":memory:", error);
    INFO(error);
    REQUIRE(db);
    return std::move(*db);
  }

  store::SyncOutcome Send(const core::OutboxItem& item) {
    std::optional<store::SyncResult> result = store.Apply(item, samples::Today(), kNow);
    INFO(store.Error());
    REQUIRE(result);
    last_error = result->error;
    return result->outcome;
  }

  store::ServerCounts Counts() {
    std::string error;
    std::optional<store::ServerCounts> counts = store::CountRows(db, error);
    INFO(error);
    REQUIRE(counts);
    return *counts;
  }

  store::PlacesPage Feed(std::int64_t since = 0, int limit = store::kMaxPageSize) {
    std::string error;
    std::optional<store::PlacesPage> page = store::PlacesSince(db, since, limit, error);
    INFO(error);
    REQUIRE(page);
    return *page;
  }

  nlohmann::json FeedEntries(std::int64_t since = 0) { return nlohmann::json::parse(Feed(since).places_json); }

  core::InclusionProfile ProfileOf(const std::string& place_id) {
    std::optional<store::StoredPlace> place = store::LoadPlace(db, place_id);
    REQUIRE(place);
    return place->profile;
  }

  store::Database db;
  store::ServerStore store;
  core::ApiError last_error;
};

core::OutboxItem Item(core::Rating rating) { return {std::move(rating)}; }
core::OutboxItem Item(core::Suggestion suggestion) { return {std::move(suggestion)}; }
core::OutboxItem Item(core::Withdrawal withdrawal) { return {std::move(withdrawal)}; }

}  // namespace

TEST_CASE("a rating is accepted once; its id again is already accepted and stored once", "[store][sync]") {
  ServerDb server;
  const core::Rating rating = MakeRating(Uuid(1), kPlace, kDeviceA, 3);
  CHECK(server.Send(Item(rating)) == store::SyncOutcome::Accepted);
  CHECK(server.Send(Item(rating)) == store::SyncOutcome::AlreadyAccepted);

  SECTION("even when the second copy says something else: the first one wins") {
    core::Rating changed = MakeRating(Uuid(1), kPlace, kDeviceA, 4);
    changed.comment = "Different words";
    CHECK(server.Send(Item(changed)) == store::SyncOutcome::AlreadyAccepted);
  }
  CHECK(server.Counts().ratings == 1);
  CHECK(server.Counts().sync_items == 1);
  const std::vector<core::Rating> kept = store::LiveRatingsOf(server.db, kPlace);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0] == rating);
}

TEST_CASE("a broken item is rejected with its field and not kept, so a fixed copy can follow", "[store][sync]") {
  ServerDb server;
  core::Rating rating = MakeRating(Uuid(1), kPlace, kDeviceA);
  rating.visit_month = "2031-01";  // in the future
  CHECK(server.Send(Item(rating)) == store::SyncOutcome::Rejected);
  CHECK(server.last_error.code == core::ErrorCode::InvalidField);
  CHECK(server.last_error.field == "visit_month");
  CHECK_FALSE(server.last_error.message.empty());
  CHECK(server.Counts().ratings == 0);
  CHECK(server.Counts().sync_items == 0);

  rating.visit_month = "2024-04";
  CHECK(server.Send(Item(rating)) == store::SyncOutcome::Accepted);
}

TEST_CASE("a suggestion makes a suggested place with its first rating; nothing is public before approval",
          "[store][sync][approval]") {
  ServerDb server;
  const core::Suggestion suggestion = MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2);
  CHECK(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  CHECK(server.Send(Item(MakeRating(Uuid(2), kPlace, kDeviceB, 5))) == store::SyncOutcome::Accepted);

  const std::optional<store::StoredPlace> place = store::LoadPlace(server.db, kPlace);
  REQUIRE(place);
  CHECK(place->place.status == core::PlaceStatus::Suggested);
  CHECK(place->place.name == suggestion.name);
  CHECK(place->why == suggestion.why);
  CHECK(place->device_id == kDeviceA);
  CHECK_FALSE(place->ever_approved);
  CHECK(place->profile.rating_count == 2);  // its ratings count already...
  CHECK(server.Feed().count == 0);          // ...but nobody else sees any of it
  CHECK(server.Counts().sync_items == 3);   // the suggestion, its first rating and the other rating

  REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
  const nlohmann::json feed = server.FeedEntries();
  REQUIRE(feed.size() == 1);
  CHECK(feed[0]["id"] == kPlace);
  CHECK(feed[0]["status"] == "approved");
  CHECK(feed[0]["name"] == suggestion.name);
  CHECK(feed[0]["profile"]["rating_count"] == 2);
  CHECK_FALSE(feed[0].contains("why"));        // the young person's reasons stay private
  CHECK_FALSE(feed[0].contains("device_id"));  // and so does who sent it

  SECTION("rejected after approval: the feed says only its id and status") {
    REQUIRE_FALSE(server.store.RejectPlace(kPlace, core::NotAddedReason::NotSafeToShow));
    const nlohmann::json after = server.FeedEntries();
    REQUIRE(after.size() == 1);
    CHECK(after[0] == nlohmann::json({{"id", kPlace}, {"status", "rejected"}}));
  }
  SECTION("rejected before ever being approved: never in the feed") {
    const std::string other = Uuid(200);
    CHECK(server.Send(Item(MakeSuggestion(other, kDeviceB, Uuid(201)))) == store::SyncOutcome::Accepted);
    REQUIRE_FALSE(server.store.RejectPlace(other, core::NotAddedReason::AlreadyOnMap));
    CHECK(server.FeedEntries().size() == 1);
  }
}

TEST_CASE("approving or rejecting a place that is not here says so kindly", "[store][approval]") {
  ServerDb server;
  const std::optional<core::ApiError> error = server.store.ApprovePlace(kPlace);
  REQUIRE(error);
  CHECK(error->code == core::ErrorCode::NotFound);
  CHECK(error->message == "We could not find this place. It may have been taken off the map.");
  CHECK(server.store.RejectPlace(kPlace, core::NotAddedReason::Closed));
}

TEST_CASE("a suggestion's tapped reasons are kept for officers and never made public", "[store][sync][reasons]") {
  ServerDb server;
  core::Suggestion suggestion = MakeSuggestion(kPlace, kDeviceA, Uuid(1));
  suggestion.why.clear();  // reasons without words are a whole answer
  suggestion.reasons = {core::SafeReason::CalmSpace, core::SafeReason::Quiet, core::SafeReason::BeMyself};
  REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  std::optional<store::StoredPlace> place = store::LoadPlace(server.db, kPlace);
  REQUIRE(place);
  CHECK(place->reasons == suggestion.reasons);
  CHECK(place->why.empty());

  REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
  const nlohmann::json feed = server.FeedEntries();
  REQUIRE(feed.size() == 1);
  CHECK_FALSE(feed[0].contains("reasons"));
  CHECK(server.Feed().places_json.find("calm_space") == std::string::npos);

  // A repeated reason breaks a rule: rejected, and nothing of it kept.
  core::Suggestion twice = MakeSuggestion(Uuid(200), kDeviceA, Uuid(201));
  twice.reasons = {core::SafeReason::Quiet, core::SafeReason::Quiet};
  CHECK(server.Send(Item(twice)) == store::SyncOutcome::Rejected);
  CHECK(server.last_error.field == "reasons");
  CHECK_FALSE(store::LoadPlace(server.db, Uuid(200)));
}

TEST_CASE("an officer's reason for not adding a place is kept and told only to the device that suggested it",
          "[store][approval][yours]") {
  ServerDb server;
  REQUIRE(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1)))) == store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(MakeSuggestion(Uuid(200), kDeviceB, Uuid(201)))) == store::SyncOutcome::Accepted);
  const auto statuses_of = [&](const std::string& device) {
    std::string error;
    std::optional<std::vector<core::SuggestionStatus>> yours =
        store::SuggestionStatusesOf(server.db, device, core::kMaxSuggestionStatuses, error);
    INFO(error);
    REQUIRE(yours);
    return *yours;
  };
  using Statuses = std::vector<core::SuggestionStatus>;
  CHECK(statuses_of(kDeviceA) == Statuses{{kPlace, core::PlaceStatus::Suggested, std::nullopt, ""}});

  const std::int64_t cursor = server.Feed().cursor;
  REQUIRE_FALSE(server.store.RejectPlace(kPlace, core::NotAddedReason::AlreadyOnMap));
  std::optional<store::StoredPlace> place = store::LoadPlace(server.db, kPlace);
  REQUIRE(place);
  CHECK(place->place.status == core::PlaceStatus::Rejected);
  CHECK(place->review_reason == core::NotAddedReason::AlreadyOnMap);
  CHECK(statuses_of(kDeviceA) ==
        Statuses{{kPlace, core::PlaceStatus::Rejected, core::NotAddedReason::AlreadyOnMap, ""}});
  CHECK(statuses_of(kDeviceB) == Statuses{{Uuid(200), core::PlaceStatus::Suggested, std::nullopt, ""}});
  CHECK(statuses_of(Uuid(0xC)).empty());
  CHECK(statuses_of("").empty());         // officers' places have no device, and are nobody's
  CHECK(server.Feed().cursor == cursor);  // never public: the feed did not move

  SECTION("a second look with another reason replaces the first") {
    REQUIRE_FALSE(server.store.RejectPlace(kPlace, core::NotAddedReason::Closed));
    CHECK(store::LoadPlace(server.db, kPlace)->review_reason == core::NotAddedReason::Closed);
  }
  SECTION("approved after all: the reason goes") {
    REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
    CHECK_FALSE(store::LoadPlace(server.db, kPlace)->review_reason);
    // The first place approved in its area: the device is told so with its status.
    CHECK(statuses_of(kDeviceA) == Statuses{{kPlace, core::PlaceStatus::Approved, std::nullopt, "", true}});
  }
  SECTION("a reason that is not on the list is refused and changes nothing") {
    const std::optional<core::ApiError> error =
        server.store.RejectPlace(Uuid(200), static_cast<core::NotAddedReason>(99));
    REQUIRE(error);
    CHECK(error->field == "reason");
    CHECK(store::LoadPlace(server.db, Uuid(200))->place.status == core::PlaceStatus::Suggested);
  }
}

TEST_CASE("a device's suggestions come newest first, as many as asked, through an index", "[store][yours]") {
  ServerDb server;
  for (int i = 0; i < 5; ++i)
    REQUIRE(server.Send(Item(MakeSuggestion(Uuid(0x200 + i), kDeviceA, Uuid(0x300 + i), i))) ==
            store::SyncOutcome::Accepted);
  std::string error;
  const auto yours = store::SuggestionStatusesOf(server.db, kDeviceA, 3, error);
  REQUIRE(yours);
  REQUIRE(yours->size() == 3);
  CHECK((*yours)[0].id == Uuid(0x204));
  CHECK((*yours)[2].id == Uuid(0x202));

  // Every sync asks this, so it must never scan the places.
  store::Statement plan = server.db.Prepare(
      "EXPLAIN QUERY PLAN SELECT id, status, review_reason, merged_into FROM places "
      "WHERE device_id = ?1 AND device_id <> '' ORDER BY id DESC LIMIT ?2");
  std::string steps;
  while (plan.Step() == store::StepResult::Row) steps += std::string(plan.ColumnText(3)) + "\n";
  INFO(steps);
  CHECK_THAT(steps, Catch::Contains("USING INDEX places_by_device") ||
                        Catch::Contains("USING COVERING INDEX places_by_device"));
  CHECK_THAT(steps, !Catch::Contains("TEMP B-TREE"));  // no sort: the index is in id order
}

TEST_CASE("a rating of a place not known yet is kept and counts once the place arrives", "[store][sync][order]") {
  ServerDb server;
  const core::Rating early = MakeRating(Uuid(5), kPlace, kDeviceB, 1);
  CHECK(server.Send(Item(early)) == store::SyncOutcome::Accepted);
  CHECK(server.Counts().places == 0);
  CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2))) == store::SyncOutcome::Accepted);
  const core::InclusionProfile profile = server.ProfileOf(kPlace);
  CHECK(profile.rating_count == 2);
  CHECK(profile == core::Aggregate(store::LiveRatingsOf(server.db, kPlace)));
}

TEST_CASE("a device can withdraw its own rating, and only its own", "[store][sync][withdrawal]") {
  ServerDb server;
  REQUIRE(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2))) == store::SyncOutcome::Accepted);
  const core::Rating rating = MakeRating(Uuid(2), kPlace, kDeviceB, 7);
  REQUIRE(server.Send(Item(rating)) == store::SyncOutcome::Accepted);
  REQUIRE(server.ProfileOf(kPlace).rating_count == 2);

  // Device A tries to take back B's rating: accepted (it says nothing about B), no effect.
  CHECK(server.Send(Item(MakeWithdrawal(Uuid(3), kDeviceA, rating.id))) == store::SyncOutcome::Accepted);
  CHECK(server.ProfileOf(kPlace).rating_count == 2);
  CHECK(server.Counts().live_ratings == 2);

  // B takes it back: it stops counting and its comment is gone.
  CHECK(server.Send(Item(MakeWithdrawal(Uuid(4), kDeviceB, rating.id))) == store::SyncOutcome::Accepted);
  CHECK(server.Send(Item(MakeWithdrawal(Uuid(4), kDeviceB, rating.id))) == store::SyncOutcome::AlreadyAccepted);
  CHECK(server.ProfileOf(kPlace).rating_count == 1);
  CHECK(server.Counts().live_ratings == 1);
  CHECK(server.ProfileOf(kPlace) == core::Aggregate(store::LiveRatingsOf(server.db, kPlace)));
  for (const auto& [kept, withdrawn] : store::AllRatings(server.db))
    if (withdrawn) CHECK(kept.comment.empty());
}

TEST_CASE("a withdrawal that arrives before its target applies when the target arrives", "[store][sync][order]") {
  ServerDb server;
  SECTION("a rating") {
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(9), kDeviceB, Uuid(2)))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeRating(Uuid(2), kPlace, kDeviceB, 7))) == store::SyncOutcome::Accepted);
    CHECK(server.ProfileOf(kPlace).rating_count == 1);
    CHECK(server.Counts().live_ratings == 1);
  }
  SECTION("a rating, but the tombstone is from another device") {
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(9), kDeviceA, Uuid(2)))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeRating(Uuid(2), kPlace, kDeviceB, 7))) == store::SyncOutcome::Accepted);
    CHECK(server.ProfileOf(kPlace).rating_count == 2);
  }
  SECTION("a suggestion: it never becomes a place") {
    CHECK(server.Send(Item(MakeRating(Uuid(2), kPlace, kDeviceB, 7))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(9), kDeviceA, kPlace))) == store::SyncOutcome::Accepted);
    CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2))) == store::SyncOutcome::Accepted);
    CHECK(server.Counts().places == 0);
    CHECK(server.Counts().live_ratings == 1);  // B's rating is kept, but counts nowhere
    CHECK(server.store.ApprovePlace(kPlace));  // nothing to approve
    CHECK(server.Feed().count == 0);
  }
}

TEST_CASE("a withdrawn suggestion disappears unless it was approved; then only its words go",
          "[store][sync][withdrawal][approval]") {
  ServerDb server;
  const core::Suggestion suggestion = MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2);
  REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(MakeRating(Uuid(2), kPlace, kDeviceB, 7))) == store::SyncOutcome::Accepted);

  SECTION("never approved: gone from everything") {
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(9), kDeviceB, kPlace))) == store::SyncOutcome::Accepted);
    CHECK(server.Counts().places == 1);  // B did not suggest it
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(10), kDeviceA, kPlace))) == store::SyncOutcome::Accepted);
    CHECK(server.Counts().places == 0);
    CHECK(server.Counts().live_ratings == 1);  // the first rating went with it
    CHECK(server.Feed().count == 0);
    // A late copy of the suggestion does not bring it back.
    CHECK(server.Send(Item(suggestion)) == store::SyncOutcome::AlreadyAccepted);
    CHECK(server.Counts().places == 0);
  }
  SECTION("approved first: the place stays on the map, without the first rating or the reasons") {
    REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
    CHECK(server.Send(Item(MakeWithdrawal(Uuid(10), kDeviceA, kPlace))) == store::SyncOutcome::Accepted);
    const std::optional<store::StoredPlace> place = store::LoadPlace(server.db, kPlace);
    REQUIRE(place);
    CHECK(place->place.status == core::PlaceStatus::Approved);
    CHECK(place->why.empty());
    CHECK(place->reasons.empty());
    CHECK(place->profile.rating_count == 1);
    const nlohmann::json feed = server.FeedEntries();
    REQUIRE(feed.size() == 1);
    CHECK(feed[0]["profile"]["rating_count"] == 1);
  }
}

TEST_CASE("a suggestion whose first rating reuses an id is rejected, naming that field", "[store][sync]") {
  ServerDb server;
  REQUIRE(server.Send(Item(MakeRating(Uuid(1), Uuid(300), kDeviceA))) == store::SyncOutcome::Accepted);
  CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1)))) == store::SyncOutcome::Rejected);
  CHECK(server.last_error.field == "first_rating.id");
  CHECK(server.Counts().places == 0);
  CHECK(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(2)))) == store::SyncOutcome::Accepted);
}

TEST_CASE("the feed pages by cursor, and a changed place comes again after the others", "[store][feed]") {
  ServerDb server;
  constexpr int kPlaces = 25;
  for (int i = 0; i < kPlaces; ++i) {
    const std::string id = Uuid(1000 + i);
    REQUIRE(server.Send(Item(MakeSuggestion(id, kDeviceA, Uuid(2000 + i), i))) == store::SyncOutcome::Accepted);
    REQUIRE_FALSE(server.store.ApprovePlace(id));
  }
  std::vector<std::string> seen;
  std::int64_t cursor = 0;
  int pages = 0;
  for (bool more = true; more; ++pages) {
    const store::PlacesPage page = server.Feed(cursor, 10);
    for (const nlohmann::json& entry : nlohmann::json::parse(page.places_json)) seen.push_back(entry["id"]);
    CHECK(page.count <= 10);
    CHECK(page.cursor >= cursor);
    cursor = page.cursor;
    more = page.more;
  }
  CHECK(pages == 3);
  CHECK(seen.size() == kPlaces);
  CHECK(server.Feed(cursor).count == 0);

  // A new rating changes one place's profile: only that place comes after the cursor.
  REQUIRE(server.Send(Item(MakeRating(Uuid(5000), Uuid(1003), kDeviceB, 4))) == store::SyncOutcome::Accepted);
  const nlohmann::json changed = server.FeedEntries(cursor);
  REQUIRE(changed.size() == 1);
  CHECK(changed[0]["id"] == Uuid(1003));
  CHECK(changed[0]["profile"]["rating_count"] == 2);
}

TEST_CASE("the cursor is a decimal string; anything else is refused", "[store][feed]") {
  CHECK(store::ParseCursor("") == 0);
  CHECK(store::ParseCursor("0") == 0);
  CHECK(store::ParseCursor("12345") == 12345);
  CHECK(store::FormatCursor(12345) == "12345");
  for (const char* bad : {"-1", "1.5", "abc", " 1", "1 ", "0x10", "9999999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(store::ParseCursor(bad));
  }
}

TEST_CASE("many items in one transaction: the profile always equals Aggregate of the live ratings",
          "[store][sync][profile]") {
  ServerDb server;
  std::mt19937 random(20240501);
  const std::vector<std::string> places = {Uuid(100), Uuid(101), Uuid(102)};
  std::vector<core::Rating> sent;
  REQUIRE(server.store.Begin());
  std::uint64_t next = 10000;  // clear of the places' ids
  for (std::size_t i = 0; i < places.size(); ++i) {
    const core::Suggestion suggestion = MakeSuggestion(places[i], kDeviceA, Uuid(next++), static_cast<unsigned>(i));
    sent.push_back(suggestion.first_rating);
    REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  }
  for (int i = 0; i < 300; ++i) {
    const std::string device = random() % 2 ? kDeviceA : kDeviceB;
    if (random() % 4 == 0 && !sent.empty()) {
      const core::Rating& target = sent[random() % sent.size()];
      server.Send(Item(MakeWithdrawal(Uuid(next++), device, target.id)));
    } else {
      core::Rating rating = MakeRating(Uuid(next++), places[random() % places.size()], device, random());
      sent.push_back(rating);
      REQUIRE(server.Send(Item(rating)) == store::SyncOutcome::Accepted);
    }
  }
  REQUIRE(server.store.Commit());
  for (const std::string& place : places) {
    INFO(place);
    CHECK(server.ProfileOf(place) == core::Aggregate(store::LiveRatingsOf(server.db, place)));
  }
}

TEST_CASE("the server's database syncs every commit (FULL), and its readers cannot write", "[store][pragmas]") {
  TempDir dir;
  const std::string path = (dir.Path() / "safespaces.db").string();
  std::string error;
  store::OpenOptions full;
  full.durability = store::Durability::Full;
  std::optional<store::Database> writer = store::Database::Open(path, error, full);
  INFO(error);
  REQUIRE(writer);
  store::Statement synchronous = writer->Prepare("PRAGMA synchronous");
  REQUIRE(synchronous.Step() == store::StepResult::Row);
  CHECK(synchronous.ColumnInt64(0) == 2);  // FULL

  store::OpenOptions read_only;
  read_only.access = store::Access::ReadOnly;
  std::optional<store::Database> reader = store::Database::Open(path, error, read_only);
  INFO(error);
  REQUIRE(reader);
  CHECK_FALSE(reader->Exec("INSERT INTO counters (name, value) VALUES ('x', 1)", error));
  CHECK(store::PlacesSince(*reader, 0, 10, error));

  // A reader never makes or migrates a database.
  CHECK_FALSE(store::Database::Open((dir.Path() / "missing.db").string(), error, read_only));
  CHECK_FALSE(std::filesystem::exists(dir.Path() / "missing.db"));
}

// [SECTION] Comments: shown to nobody until an officer approves them

namespace {

core::Rating WithComment(core::Rating rating, std::string text, std::string month) {
  rating.comment = std::move(text);
  rating.visit_month = std::move(month);
  return rating;
}

std::vector<store::PendingComment> Pending(const store::Database& db) {
  std::string error;
  std::optional<std::vector<store::PendingComment>> pending = store::PendingComments(db, 100, error);
  INFO(error);
  REQUIRE(pending);
  return *pending;
}

}  // namespace

TEST_CASE("a comment is public only once approved, with its month and nothing that says who wrote it",
          "[store][comments]") {
  ServerDb server;
  core::Suggestion suggestion = MakeSuggestion(kPlace, kDeviceA, Uuid(1), 2);
  suggestion.first_rating = WithComment(suggestion.first_rating, "I can sit by the window.", "2024-05");
  REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  core::Rating theirs = WithComment(MakeRating(Uuid(2), kPlace, kDeviceB, 4), "The staff were kind.", "2024-03");
  theirs.session_id = Uuid(0x5E55);
  REQUIRE(server.Send(Item(theirs)) == store::SyncOutcome::Accepted);
  REQUIRE_FALSE(server.store.ApprovePlace(kPlace));

  // Waiting: the officers' queue has both, oldest first; the public feed has neither.
  const std::vector<store::PendingComment> waiting = Pending(server.db);
  REQUIRE(waiting.size() == 2);
  CHECK(waiting[0].rating_id == Uuid(1));
  CHECK(waiting[0].place_name == suggestion.name);
  CHECK(waiting[0].text == "I can sit by the window.");
  CHECK(waiting[1].rating_id == Uuid(2));
  CHECK(waiting[1].visit_month == "2024-03");
  CHECK_FALSE(server.FeedEntries()[0].contains("comments"));
  CHECK(server.Feed().places_json.find("window") == std::string::npos);

  const std::int64_t before = server.Feed().cursor;
  REQUIRE_FALSE(server.store.ApproveComment(Uuid(2)));
  nlohmann::json changed = server.FeedEntries(before);  // the place comes again after the cursor
  REQUIRE(changed.size() == 1);
  CHECK(changed[0]["id"] == kPlace);
  CHECK(changed[0]["comments"] == nlohmann::json::parse(R"([{"text": "The staff were kind.", "month": "2024-03"}])"));
  const std::string text = server.Feed().places_json;
  for (const std::string& secret : {kDeviceA, kDeviceB, Uuid(1), Uuid(2), theirs.session_id}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  CHECK(Pending(server.db).size() == 1);

  // Approving again changes nothing, so devices have nothing new to pull.
  const std::int64_t approved = server.Feed().cursor;
  REQUIRE_FALSE(server.store.ApproveComment(Uuid(2)));
  CHECK(server.Feed().cursor == approved);

  // The suggestion's own first rating follows the same rule; the newest visit comes first.
  REQUIRE_FALSE(server.store.ApproveComment(Uuid(1)));
  CHECK(server.FeedEntries(approved)[0]["comments"] == nlohmann::json::parse(R"([
      {"text": "I can sit by the window.", "month": "2024-05"},
      {"text": "The staff were kind.", "month": "2024-03"}])"));
  CHECK(Pending(server.db).empty());
  const std::int64_t both = server.Feed().cursor;
  const nlohmann::json only_mine = nlohmann::json::parse(R"([{"text": "I can sit by the window.", "month": "2024-05"}])");

  SECTION("hidden after all: gone from the feed, and the place comes again") {
    REQUIRE_FALSE(server.store.HideComment(Uuid(2)));
    changed = server.FeedEntries(both);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]["comments"] == only_mine);
    CHECK(Pending(server.db).empty());  // hidden is looked at, not waiting
  }
  SECTION("withdrawn by the one who wrote it: gone, and it can't be approved again") {
    REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(3), kDeviceB, Uuid(2)))) == store::SyncOutcome::Accepted);
    changed = server.FeedEntries(both);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]["comments"] == only_mine);
    const std::optional<core::ApiError> error = server.store.ApproveComment(Uuid(2));
    REQUIRE(error);
    CHECK(error->code == core::ErrorCode::Conflict);
  }
  SECTION("the approved suggestion withdrawn: its first rating's words go, the place stays") {
    REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(3), kDeviceA, kPlace))) == store::SyncOutcome::Accepted);
    changed = server.FeedEntries(both);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]["status"] == "approved");
    CHECK(changed[0]["comments"] ==
          nlohmann::json::parse(R"([{"text": "The staff were kind.", "month": "2024-03"}])"));
  }
  SECTION("every comment hidden or withdrawn: no \"comments\" at all") {
    REQUIRE_FALSE(server.store.HideComment(Uuid(1)));
    REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(3), kDeviceB, Uuid(2)))) == store::SyncOutcome::Accepted);
    changed = server.FeedEntries(both);
    REQUIRE(changed.size() == 1);
    CHECK_FALSE(changed[0].contains("comments"));
  }
}

TEST_CASE("approving or hiding a comment that is not there says why", "[store][comments]") {
  ServerDb server;
  REQUIRE(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 0))) == store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(WithComment(MakeRating(Uuid(2), kPlace, kDeviceB), "", "2024-05"))) ==
          store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(WithComment(MakeRating(Uuid(3), kPlace, kDeviceB), "Calm.", "2024-05"))) ==
          store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(4), kDeviceB, Uuid(3)))) == store::SyncOutcome::Accepted);

  const auto check = [&](const std::optional<core::ApiError>& error, core::ErrorCode code) {
    REQUIRE(error);
    CHECK(error->code == code);
    CHECK(error->field == "rating_id");
    CHECK_FALSE(error->message.empty());
  };
  check(server.store.ApproveComment(Uuid(99)), core::ErrorCode::NotFound);
  check(server.store.HideComment(Uuid(99)), core::ErrorCode::NotFound);
  check(server.store.ApproveComment(Uuid(2)), core::ErrorCode::Conflict);  // no words
  check(server.store.ApproveComment(Uuid(3)), core::ErrorCode::Conflict);  // withdrawn: its words are gone
  check(server.store.HideComment(Uuid(3)), core::ErrorCode::Conflict);
  CHECK(Pending(server.db).empty());
}

TEST_CASE("a comment approved before its place is on the map shows once the place is approved",
          "[store][comments][order]") {
  ServerDb server;
  REQUIRE(server.Send(Item(WithComment(MakeRating(Uuid(2), kPlace, kDeviceB), "Quiet upstairs.", "2024-04"))) ==
          store::SyncOutcome::Accepted);
  const std::vector<store::PendingComment> waiting = Pending(server.db);
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0].place_name.empty());  // the place is not here yet
  CHECK(waiting[0].place_id == kPlace);
  REQUIRE_FALSE(server.store.ApproveComment(Uuid(2)));
  CHECK(server.Feed().count == 0);

  REQUIRE(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 0))) == store::SyncOutcome::Accepted);
  CHECK(server.Feed().count == 0);  // suggested: still not public
  REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
  CHECK(server.FeedEntries()[0]["comments"] ==
        nlohmann::json::parse(R"([{"text": "Quiet upstairs.", "month": "2024-04"}])"));
}

TEST_CASE("a place's entry carries its newest 20 comments, newest visit first, through an index",
          "[store][comments]") {
  ServerDb server;
  REQUIRE(server.Send(Item(MakeSuggestion(kPlace, kDeviceA, Uuid(1), 0))) == store::SyncOutcome::Accepted);
  REQUIRE_FALSE(server.store.ApprovePlace(kPlace));
  // 25 visits, one a month from January 2022, then two in February 2024 (a tie).
  REQUIRE(server.store.Begin());
  for (int i = 0; i < 27; ++i) {
    char month[8];
    std::snprintf(month, sizeof(month), "%04d-%02d", i < 25 ? 2022 + i / 12 : 2024, i < 25 ? 1 + i % 12 : 2);
    const std::string id = Uuid(3000 + static_cast<std::uint64_t>(i));
    REQUIRE(server.Send(Item(WithComment(MakeRating(id, kPlace, kDeviceB, 4), "Visit " + std::to_string(i), month))) ==
            store::SyncOutcome::Accepted);
    REQUIRE_FALSE(server.store.ApproveComment(id));
  }
  REQUIRE(server.store.Commit());
  const nlohmann::json comments = server.FeedEntries()[0]["comments"];
  REQUIRE(comments.size() == core::kMaxPlaceComments);
  CHECK(comments[0] == nlohmann::json({{"text", "Visit 26"}, {"month", "2024-02"}}));  // the same month: newest sent
  CHECK(comments[1] == nlohmann::json({{"text", "Visit 25"}, {"month", "2024-02"}}));
  CHECK(comments[2] == nlohmann::json({{"text", "Visit 24"}, {"month", "2024-01"}}));
  CHECK(comments[19] == nlohmann::json({{"text", "Visit 7"}, {"month", "2022-08"}}));
  for (std::size_t i = 1; i < comments.size(); ++i) CHECK(comments[i - 1]["month"] >= comments[i]["month"]);

  // Rebuilt whenever the place changes, so it must never read all of a place's ratings.
  store::Statement plan = server.db.Prepare(
      "EXPLAIN QUERY PLAN SELECT comment, visit_month FROM ratings "
      "WHERE place_id = ?1 AND comment_state = 'approved' AND comment <> '' AND withdrawn = 0 "
      "ORDER BY visit_month DESC, id DESC LIMIT ?2");
  std::string steps;
  while (plan.Step() == store::StepResult::Row) steps += std::string(plan.ColumnText(3)) + "\n";
  INFO(steps);
  CHECK_THAT(steps, Catch::Contains("INDEX ratings_approved_comments"));
  CHECK_THAT(steps, !Catch::Contains("TEMP B-TREE"));
}

namespace {

// A suggestion of kDeviceA at a point given as fractions of the ~1 km area `cell` (0..1
// from its west and north edges), so that tests pick points clearly inside or outside it.
core::Suggestion SuggestionIn(const core::TileId& cell, double east, double south, int n) {
  const core::LatLonBounds box = core::TileBounds(cell);
  core::Suggestion suggestion = MakeSuggestion(Uuid(0x500 + n), kDeviceA, Uuid(0x600 + n), n);
  suggestion.lat = box.north - south * (box.north - box.south);
  suggestion.lon = box.west + east * (box.east - box.west);
  REQUIRE(core::AreaCellOf(suggestion.lat, suggestion.lon) == cell);
  return suggestion;
}

bool FirstInArea(ServerDb& server, const std::string& place_id) {
  const std::optional<store::StoredPlace> place = store::LoadPlace(server.db, place_id);
  REQUIRE(place);
  return place->first_in_area;
}

}  // namespace

TEST_CASE("the first place approved in its ~1 km area is decided once, at its first approval",
          "[store][approval][first_in_area]") {
  ServerDb server;
  const core::TileId cell = core::AreaCellOf(52.40, -1.51);
  const core::TileId next_cell{cell.z, cell.x + 1, cell.y};
  const core::Suggestion first = SuggestionIn(cell, 0.9, 0.5, 0);
  const core::Suggestion second = SuggestionIn(cell, 0.1, 0.5, 1);        // same cell, ~1 km away
  const core::Suggestion beside = SuggestionIn(next_cell, 0.05, 0.5, 2);  // next cell, a few hundred m from `first`
  for (const core::Suggestion& suggestion : {first, second, beside})
    REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  CHECK_FALSE(FirstInArea(server, first.id));  // nothing decided while it waits

  REQUIRE_FALSE(server.store.ApprovePlace(first.id));
  CHECK(FirstInArea(server, first.id));
  REQUIRE_FALSE(server.store.ApprovePlace(second.id));
  CHECK_FALSE(FirstInArea(server, second.id));
  REQUIRE_FALSE(server.store.ApprovePlace(beside.id));
  CHECK(FirstInArea(server, beside.id));  // near, but in another cell

  SECTION("not added later and approved again: the first decision stays") {
    REQUIRE_FALSE(server.store.RejectPlace(first.id, core::NotAddedReason::Closed));
    CHECK(FirstInArea(server, first.id));
    REQUIRE_FALSE(server.store.RejectPlace(second.id, core::NotAddedReason::Closed));
    REQUIRE_FALSE(server.store.ApprovePlace(second.id));
    CHECK_FALSE(FirstInArea(server, second.id));  // `first` was approved before it, even if not on the map now
    REQUIRE_FALSE(server.store.ApprovePlace(first.id));
    CHECK(FirstInArea(server, first.id));
  }
  SECTION("withdrawn by the young person after approval: the place and its decision stay") {
    REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(0x700), kDeviceA, first.id))) == store::SyncOutcome::Accepted);
    CHECK(FirstInArea(server, first.id));
  }
  SECTION("a place an officer added first makes a later suggestion no trailblazer") {
    const core::TileId far{cell.z, cell.x - 3, cell.y - 3};
    const core::Suggestion suggested = SuggestionIn(far, 0.5, 0.5, 3);
    REQUIRE(server.Send(Item(suggested)) == store::SyncOutcome::Accepted);
    core::Place council;
    council.id = Uuid(0x800);
    council.name = "Council library";
    council.category = core::Category::Library;
    council.lat = suggested.lat + 0.0001;
    council.lon = suggested.lon;
    council.status = core::PlaceStatus::Approved;
    REQUIRE(server.store.AddPlace(council) == store::ServerStore::Added::New);
    REQUIRE_FALSE(server.store.ApprovePlace(suggested.id));
    CHECK_FALSE(FirstInArea(server, suggested.id));
  }
  SECTION("a place on its cell's west edge counts for that cell") {
    // The index finds a cell by its column of the grid, worked out by SQLite, not by
    // AreaCellOf: on an edge the two may round apart, so the columns beside are read too.
    const core::TileId far{cell.z, cell.x - 5, cell.y};
    const core::LatLonBounds box = core::TileBounds(far);
    core::Suggestion edge = SuggestionIn(far, 0.5, 0.5, 6), inside = SuggestionIn(far, 0.5, 0.3, 7);
    edge.lon = box.west;
    REQUIRE(core::AreaCellOf(edge.lat, edge.lon) == far);
    REQUIRE(server.Send(Item(edge)) == store::SyncOutcome::Accepted);
    REQUIRE(server.Send(Item(inside)) == store::SyncOutcome::Accepted);
    REQUIRE_FALSE(server.store.ApprovePlace(edge.id));
    REQUIRE_FALSE(server.store.ApprovePlace(inside.id));
    CHECK(FirstInArea(server, edge.id));
    CHECK_FALSE(FirstInArea(server, inside.id));
  }
  SECTION("two approved in one transaction: only the first written (by id) is first") {
    const core::TileId far{cell.z, cell.x + 3, cell.y + 3};
    const core::Suggestion a = SuggestionIn(far, 0.2, 0.2, 4), b = SuggestionIn(far, 0.8, 0.8, 5);
    REQUIRE(server.Send(Item(a)) == store::SyncOutcome::Accepted);
    REQUIRE(server.Send(Item(b)) == store::SyncOutcome::Accepted);
    REQUIRE(server.store.Begin());
    REQUIRE_FALSE(server.store.ApprovePlace(b.id));
    REQUIRE_FALSE(server.store.ApprovePlace(a.id));
    REQUIRE(server.store.Commit());
    CHECK(FirstInArea(server, a.id));
    CHECK_FALSE(FirstInArea(server, b.id));
  }

  // The device is told, and its progress on the server counts the badge.
  std::string error;
  const auto statuses = store::SuggestionStatusesOf(server.db, kDeviceA, core::kMaxSuggestionStatuses, error);
  REQUIRE(statuses);
  for (const core::SuggestionStatus& status : *statuses)
    if (status.id == first.id || status.id == second.id) CHECK(status.first_in_area == (status.id == first.id));
  const auto sent = store::SentItemsOf(server.db, kDeviceA, error);
  REQUIRE(sent);
  for (const core::SentItem& item : *sent)
    if (item.item.ItemId() == first.id) CHECK(item.first_in_area);
  const auto progress = store::DeviceProgress(server.db, kDeviceA, "2024-05", error);
  REQUIRE(progress);
  const auto trailblazer = std::find_if(progress->badges.begin(), progress->badges.end(),
                                        [](const core::BadgeProgress& badge) { return badge.id == "trailblazer"; });
  REQUIRE(trailblazer != progress->badges.end());
  CHECK(trailblazer->earned);
}

TEST_CASE("a device is told which of its own ratings' comments are shared, newest first", "[store][comments][yours]") {
  ServerDb server;
  core::Suggestion suggestion = MakeSuggestion(kPlace, kDeviceA, Uuid(1), 1);  // its first rating has words
  REQUIRE_FALSE(suggestion.first_rating.comment.empty());
  REQUIRE(server.Send(Item(suggestion)) == store::SyncOutcome::Accepted);
  for (int i = 0; i < 4; ++i)
    REQUIRE(server.Send(Item(MakeRating(Uuid(0x10 + i), kPlace, kDeviceA, 1))) == store::SyncOutcome::Accepted);
  REQUIRE(server.Send(Item(MakeRating(Uuid(0x20), kPlace, kDeviceB, 1))) == store::SyncOutcome::Accepted);
  for (const std::string& id : {Uuid(1), Uuid(0x10), Uuid(0x11), Uuid(0x13), Uuid(0x20)})
    REQUIRE_FALSE(server.store.ApproveComment(id));
  REQUIRE(server.Send(Item(MakeWithdrawal(Uuid(0x30), kDeviceA, Uuid(0x13)))) == store::SyncOutcome::Accepted);

  const auto shared_of = [&](const std::string& device, int limit) {
    std::string error;
    std::optional<std::vector<std::string>> ids = store::SharedCommentsOf(server.db, device, limit, error);
    INFO(error);
    REQUIRE(ids);
    return *ids;
  };
  using Ids = std::vector<std::string>;
  // Not 0x12 (waiting for a look), not 0x13 (taken back), not the suggestion's own rating.
  CHECK(shared_of(kDeviceA, core::kMaxSharedComments) == Ids{Uuid(0x11), Uuid(0x10)});
  CHECK(shared_of(kDeviceA, 1) == Ids{Uuid(0x11)});
  CHECK(shared_of(kDeviceB, core::kMaxSharedComments) == Ids{Uuid(0x20)});
  CHECK(shared_of(Uuid(0xC), core::kMaxSharedComments).empty());
  REQUIRE_FALSE(server.store.HideComment(Uuid(0x11)));
  CHECK(shared_of(kDeviceA, core::kMaxSharedComments) == Ids{Uuid(0x10)});
}
