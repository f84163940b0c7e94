// Tests of store/demo_data: the demo set made into a temp data folder has the counts asked
// for, every place passes core::Validate, is labelled as a demo, sits inside Coventry and is
// public in the feed with a profile that adds up its ratings; the same seed makes the same
// set, and running it again adds nothing twice. Also the word lists in assets/demo.
#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/sync_protocol.h"
#include "core/validation.h"
#include "store/database.h"
#include "store/demo_data.h"
#include "store/server_store.h"
#include "test_temp_dir.h"

namespace {

constexpr std::int64_t kNow = 1715000000;  // May 2024

store::DemoWords Words() {
  std::string error;
  std::optional<store::DemoWords> words = store::LoadDemoWords(SAFESPACES_DEMO_WORDS_DIR, error);
  INFO(error);
  REQUIRE(words);
  return *words;
}

store::Database OpenIn(const TempDir& dir) {
  std::string error;
  std::optional<store::Database> db = store::Database::Open((dir.Path() / "safespaces.db").string(), error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

store::DemoSummary Make(store::Database& db, int places, int ratings, std::uint64_t seed) {
  store::DemoOptions options;
  options.places = places;
  options.ratings = ratings;
  options.seed = seed;
  options.now_unix_seconds = kNow;
  std::string error;
  std::optional<store::DemoSummary> summary = store::MakeDemoData(db, Words(), options, error);
  INFO(error);
  REQUIRE(summary);
  return *summary;
}

// Every entry of the public feed, page by page.
std::vector<core::PublicPlace> Feed(const store::Database& db) {
  std::vector<core::PublicPlace> all;
  std::int64_t cursor = 0;
  for (bool more = true; more;) {
    std::string error;
    std::optional<store::PlacesPage> page = store::PlacesSince(db, cursor, store::kMaxPageSize, error);
    INFO(error);
    REQUIRE(page);
    const std::string json = R"({"places":)" + page->places_json + R"(,"cursor":")" +
                             store::FormatCursor(page->cursor) + R"(","more":false})";
    core::Parsed<core::PlaceChanges> changes = core::ParsePlaceChanges(json);
    INFO(changes.error.message);
    REQUIRE(changes);
    CHECK(changes.value->removed_ids.empty());
    for (core::PublicPlace& p : changes.value->places) all.push_back(std::move(p));
    cursor = page->cursor;
    more = page->more;
  }
  return all;
}

TEST_CASE("the demo word lists load, with words for every category") {
  const store::DemoWords words = Words();
  CHECK(words.names.size() >= 30);
  CHECK(words.streets.size() >= 10);
  for (const std::vector<std::string>& kinds : words.kinds) CHECK_FALSE(kinds.empty());
  CHECK(std::find(words.names.begin(), words.names.end(), "Willow") != words.names.end());
  for (const std::string& word : words.names) CHECK(word.front() != '#');

  TempDir empty;
  std::string error;
  CHECK_FALSE(store::LoadDemoWords(empty.Path(), error));
  CHECK_THAT(error, Catch::Contains("demo_name_words.txt"));
}

TEST_CASE("the demo set: counts, valid public places, real profiles") {
  TempDir dir;
  store::Database db = OpenIn(dir);
  const store::DemoSummary summary = Make(db, 250, 700, 5);
  CHECK(summary.places_added == 250);
  CHECK(summary.places_already_there == 0);
  CHECK(summary.ratings_accepted == 700);
  CHECK(summary.ratings_rejected == 0);
  CHECK(summary.devices > 1);
  int by_category = 0;
  for (int n : summary.places_by_category) by_category += n;
  CHECK(by_category == 250);
  CHECK(std::count_if(summary.places_by_category.begin(), summary.places_by_category.end(),
                      [](int n) { return n > 0; }) >= 8);  // mixed categories

  std::string error;
  const std::optional<store::ServerCounts> counts = store::CountRows(db, error);
  REQUIRE(counts);
  CHECK(counts->places == 250);
  CHECK(counts->approved_places == 250);
  CHECK(counts->suggested_places == 0);
  CHECK(counts->live_ratings == 700);

  const core::ValidationContext context{core::DefaultServiceArea(), 2024, 5};
  const std::vector<core::PublicPlace> feed = Feed(db);
  REQUIRE(feed.size() == 250);
  std::set<std::string> ids, names;
  int ratings_in_profiles = 0;
  for (const core::PublicPlace& p : feed) {
    INFO(p.place.name);
    CHECK(core::Validate(p.place, context).empty());
    CHECK(p.place.status == core::PlaceStatus::Approved);
    CHECK(p.place.address == store::kDemoAddress);
    CHECK(context.area.Contains(p.place.lat, p.place.lon));
    ids.insert(p.place.id);
    names.insert(p.place.name);
    ratings_in_profiles += p.profile.rating_count;
    // The cached profile is the aggregate of the place's live ratings.
    CHECK(p.profile == core::Aggregate(store::LiveRatingsOf(db, p.place.id)));
  }
  CHECK(ids.size() == 250);
  CHECK(names.size() == 250);  // names are made unique
  CHECK(ratings_in_profiles == 700);
}

TEST_CASE("the demo set: the same seed makes the same set, and again adds nothing") {
  TempDir first_dir, second_dir, other_dir;
  store::Database first = OpenIn(first_dir), second = OpenIn(second_dir), other = OpenIn(other_dir);
  Make(first, 40, 80, 9);
  Make(second, 40, 80, 9);
  Make(other, 40, 80, 10);
  CHECK(store::AllPlaceIds(first) == store::AllPlaceIds(second));
  CHECK(store::AllPlaceIds(first) != store::AllPlaceIds(other));
  CHECK(store::AllRatings(first) == store::AllRatings(second));

  const store::DemoSummary again = Make(first, 40, 80, 9);
  CHECK(again.places_added == 0);
  CHECK(again.places_already_there == 40);
  CHECK(again.ratings_accepted == 0);
  CHECK(again.ratings_already_there == 80);
}

TEST_CASE("the demo set: no places means no ratings") {
  TempDir dir;
  store::Database db = OpenIn(dir);
  const store::DemoSummary summary = Make(db, 0, 50, 1);
  CHECK(summary.places_added == 0);
  CHECK(summary.ratings_accepted == 0);
}

}  // namespace
