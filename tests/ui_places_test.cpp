// Tests of the places list, its filters, a place's card and "My places", drawn headless
// with the real data side: what young people said is shown in words and numbers, the
// list is nearest first and filters honestly, saving stays on the device, and each thing
// sent says where it is (waiting, sent, waiting for a check, on the map, not added and why).
#include <catch2/catch.hpp>

#include <random>

#include <nlohmann/json.hpp>

#include "store/device_store.h"
#include "ui_harness.h"

namespace {

core::PublicPlace MakePlace(const char* id, const char* name, core::Category category, double lat, double lon) {
  core::PublicPlace entry;
  entry.place.id = id;
  entry.place.name = name;
  entry.place.category = category;
  entry.place.lat = lat;
  entry.place.lon = lon;
  entry.place.status = core::PlaceStatus::Approved;
  return entry;
}

void AddPlaces(UiHarness& ui) {
  core::PlaceChanges changes;
  core::PublicPlace library = MakePlace("018f2d6e-0000-7000-8000-00000000000a", "Central Library",
                                        core::Category::Library, 52.4081, -1.5107);
  // Five said "Quiet": 1 No, 1 A bit, 3 Mostly/Yes; four said yes to step-free, one no.
  auto& quiet = library.profile.scales[core::IndexOf(core::Scale::Quiet)];
  quiet.distribution = {1, 0, 1, 2, 1};
  quiet.count = 5;
  library.profile.facilities[core::IndexOf(core::Facility::StepFree)] = {4, 1, 0};
  library.profile.rating_count = 5;
  library.comments = {{"They let me sit by the window.", "2026-10"}, {"Quiet on Tuesday mornings", "2026-09"}};
  changes.places.push_back(library);
  changes.places.push_back(MakePlace("018f2d6e-0000-7000-8000-00000000000b", "Far Park", core::Category::Park,
                                     52.4600, -1.4200));
  changes.places.push_back(MakePlace("018f2d6e-0000-7000-8000-00000000000c", "Near Cafe", core::Category::Cafe,
                                     52.4070, -1.5190));
  changes.cursor = "3";
  std::string error;
  REQUIRE(store::ApplyPlaceChanges(ui.data->db, changes, error));
  RefreshState(ui.state, *ui.data);
}

std::vector<std::string> ListedNames(const UiHarness& ui) {
  std::vector<std::string> names;
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.role == ui::Role::Button && !item.description.empty() && item.name != "Back") names.push_back(item.name);
  return names;
}

}  // namespace

TEST_CASE("the list shows every place, nearest to the middle of the map first", "[ui][places]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.Frame();
  REQUIRE(ui.Tap("Explore the map"));
  REQUIRE(ui.Tap("List"));  // one tap from the map
  CHECK(ui.state.screen == Screen::PlaceList);
  CHECK(ListedNames(ui) == std::vector<std::string>{"Near Cafe", "Central Library", "Far Park"});
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Showing 3 of 3 places."));
  const ui::Item* library = ui.state.ui_record.Find(ui::Role::Button, "Central Library");
  REQUIRE(library);
  CHECK_THAT(library->description, Catch::Contains("Library") && Catch::Contains("Quiet") && Catch::Contains("Step-free"));
}

TEST_CASE("filters show only the places that have everything chosen", "[ui][places][filters]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Choose what to show"));
  REQUIRE(ui.Tap("Quiet"));
  CHECK(ui.state.map_filter.quiet);
  REQUIRE(ui.Tap("Show the places"));
  CHECK(ListedNames(ui) == std::vector<std::string>{"Central Library"});
  CHECK(ui.state.ui_record.Find(ui::Role::Button, "Choose what to show (1 chosen)"));
  REQUIRE(ui.Tap("Choose what to show (1 chosen)"));
  REQUIRE(ui.Tap("Park"));
  REQUIRE(ui.Tap("Show the places"));
  CHECK(ListedNames(ui).empty());
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "No place matches all of these. Try choosing fewer things."));
}

TEST_CASE("a place's card says what young people said, in words and numbers", "[ui][places][card]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.state.screen == Screen::PlaceCard);
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Central Library"));
  CHECK(ui.state.ui_record.Find(
      ui::Role::Text, "It is quiet: 5 young people answered. 3 said Mostly or Yes, a lot. 1 said A bit. 1 said No or Not really."));
  CHECK(ui.state.ui_record.Find(ui::Role::Status, "Step-free way in: 4 said yes, 1 said no."));
  REQUIRE(ui.Tap("Read aloud"));
  CHECK_THAT(ui.spoken.back(), Catch::StartsWith("Central Library. Library.") && Catch::Contains("It is quiet: 5"));
  REQUIRE(ui.Tap("Directions"));
  REQUIRE(ui.opened.size() == 1);
  CHECK(ui.opened[0] == "https://www.openstreetmap.org/directions?to=52.408100%2C-1.510700");
  REQUIRE(ui.Tap("I have been here: rate it"));
  CHECK(ui.state.screen == Screen::RateQuestion);
  CHECK(ui.state.rating.place_name == "Central Library");
}

TEST_CASE("a place nobody rated yet invites the first rating", "[ui][places][card]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Far Park"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Nobody has rated this place yet. You could be the first!"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "What young people wrote"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Nobody has written about this place yet."));
}

TEST_CASE("a place's card shows what young people wrote, with the month in words", "[ui][places][card][comments]") {
  UiHarness ui;
  AddPlaces(ui);  // through the device's store, as a sync would: the comments come back from it
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Central Library"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "What young people wrote"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "\"They let me sit by the window.\" (October 2026)"));
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "\"Quiet on Tuesday mornings\" (September 2026)"));
  CHECK_FALSE(ui.state.ui_record.Find(ui::Role::Text, "Nobody has written about this place yet."));
  REQUIRE(ui.Tap("Read aloud"));
  CHECK_THAT(ui.spoken.back(), Catch::EndsWith("What young people wrote. In October 2026: They let me sit by the "
                                               "window. In September 2026: Quiet on Tuesday mornings."));
}

TEST_CASE("saving a place puts it in My places, on this device only, and it can be taken off", "[ui][places][mine]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Near Cafe"));
  REQUIRE(ui.Tap("Save to my places"));
  CHECK(store::SavedPlaceIds(ui.data->db) == std::vector<std::string>{"018f2d6e-0000-7000-8000-00000000000c"});
  CHECK(ui.state.ui_record.Find(ui::Role::Button, "Saved in my places: take it off"));
  CHECK(ui.requests.size() <= 1);  // saving sends nothing (at most the first map sync)
  ui.state.screen = Screen::MyPlaces;
  ui.state.back_stack.clear();
  ui.Frame();
  CHECK(ui.state.ui_record.Find(ui::Role::Button, "Near Cafe"));
  REQUIRE(ui.Tap("Near Cafe"));
  REQUIRE(ui.Tap("Saved in my places: take it off"));
  CHECK(store::SavedPlaceIds(ui.data->db).empty());
}

TEST_CASE("My places says honestly where each rating is", "[ui][places][mine]") {
  UiHarness ui;
  AddPlaces(ui);
  ui.online = false;
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("I have been here: rate it"));
  REQUIRE(ui.Tap("4 of 5: Mostly"));
  REQUIRE(ui.Tap("Finish: check and send"));
  REQUIRE(ui.Tap("Send"));
  ui.state.screen = Screen::MyPlaces;
  ui.Frame();
  CHECK(ui.state.ui_record.Find(ui::Role::Text,
                                "Your rating of Central Library. Saved on this device, waiting to send."));
}

namespace {

// A sync answer taking the items of `request`, saying `yours` of this device's suggestions,
// and bringing `places` (the map's changes).
std::string AnswerSaying(const SentRequest& request, const nlohmann::json& yours,
                         const nlohmann::json& places = nlohmann::json::array()) {
  nlohmann::json results = nlohmann::json::array();
  const nlohmann::json sent = nlohmann::json::parse(request.body);
  for (const nlohmann::json& item : sent["items"]) results.push_back({{"id", item["id"]}, {"status", "accepted"}});
  return nlohmann::json{{"results", results}, {"yours", yours}, {"places", places}, {"cursor", "9"}, {"more", false}}
      .dump();
}

}  // namespace

TEST_CASE("My places says what became of a suggestion: waiting for a check, not added and why, on the map",
          "[ui][places][mine][yours]") {
  UiHarness ui;
  AddPlaces(ui);
  const std::string id = "018f2d6e-0000-7000-8000-0000000000d1";
  core::Suggestion idea;  // as the suggestion screens make one
  idea.id = id;
  idea.device_id = ui.data->device_id;
  idea.name = "Quiet Corner Cafe";
  idea.category = core::Category::Cafe;
  idea.lat = 52.4090;
  idea.lon = -1.5120;
  idea.reasons = {core::SafeReason::Quiet};
  idea.first_rating.id = "018f2d6e-0000-7000-8000-0000000000d2";
  idea.first_rating.place_id = id;
  idea.first_rating.device_id = ui.data->device_id;
  idea.first_rating.scales[0] = 5;
  idea.first_rating.visit_month = "2026-11";
  std::string error;
  REQUIRE(store::AddContribution(ui.data->db, core::OutboxItem{idea}, error));
  RefreshState(ui.state, *ui.data);
  ui.state.screen = Screen::MyPlaces;
  ui.Frame();
  CHECK(
      ui.state.ui_record.Find(ui::Role::Text, "Your idea: Quiet Corner Cafe. Saved on this device, waiting to send."));

  // Sent: a council worker will look at it.
  REQUIRE(ui.requests.size() == 1);
  ui.Answer(200, AnswerSaying(ui.requests[0], nlohmann::json::array({{{"id", id}, {"status", "suggested"}}})));
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Your idea: Quiet Corner Cafe. Waiting for a check."));

  // The next look for changes says it was not added, and why, in kind words.
  ui.now += 301.0;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  ui.Answer(200,
            AnswerSaying(ui.requests[0],
                         nlohmann::json::array({{{"id", id}, {"status", "rejected"}, {"reason", "already_on_map"}}})));
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Your idea: Quiet Corner Cafe. Not added: It is already on the map."));
  CHECK_FALSE(ui.state.ui_record.Find(ui::Role::Button, "Quiet Corner Cafe"));

  // An officer looked again and approved it: on the map, even before the map here has it...
  ui.now += 301.0;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  ui.Answer(200, AnswerSaying(ui.requests[0], nlohmann::json::array({{{"id", id}, {"status", "approved"}}})));
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Your idea: Quiet Corner Cafe. On the map!"));

  // ...and once it has, a tap opens its card.
  ui.now += 301.0;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  const nlohmann::json place = {{"id", id},           {"name", "Quiet Corner Cafe"},
                                {"category", "cafe"}, {"lat", idea.lat},
                                {"lon", idea.lon},    {"status", "approved"}};
  ui.Answer(200, AnswerSaying(ui.requests[0], nlohmann::json::array({{{"id", id}, {"status", "approved"}}}),
                              nlohmann::json::array({place})));
  ui.Frame();
  ui.Frame();
  const ui::Item* on_map = ui.state.ui_record.Find(ui::Role::Button, "Quiet Corner Cafe");
  REQUIRE(on_map);
  CHECK(on_map->description == "Your idea is on the map! Tap to see it.");
  REQUIRE(ui.Tap("Quiet Corner Cafe"));
  CHECK(ui.state.screen == Screen::PlaceCard);
  CHECK(ui.state.open_place_id == id);
}

TEST_CASE("a suggestion merged into a place on the map leads to that place", "[ui][places][mine][yours]") {
  UiHarness ui;
  AddPlaces(ui);
  core::Suggestion idea;
  idea.id = "018f2d6e-0000-7000-8000-0000000000d1";
  idea.device_id = ui.data->device_id;
  idea.name = "The library in town";
  idea.first_rating.id = "018f2d6e-0000-7000-8000-0000000000d2";
  std::string error;
  REQUIRE(store::AddContribution(ui.data->db, core::OutboxItem{idea}, error));
  REQUIRE(store::RecordResults(ui.data->db, std::vector<core::ItemResult>{{idea.id, core::ItemOutcome::Accepted, {}}},
                               error));
  const core::SuggestionStatus merged{idea.id, core::PlaceStatus::Merged, std::nullopt,
                                      "018f2d6e-0000-7000-8000-00000000000a"};
  REQUIRE(store::RecordReviews(ui.data->db, std::span(&merged, 1), error));
  RefreshState(ui.state, *ui.data);
  REQUIRE(ui.state.contributions.size() == 1);
  CHECK(ui.state.contributions[0].state == SentState::OnTheMap);
  ui.state.screen = Screen::MyPlaces;
  ui.Frame();
  REQUIRE(ui.Tap("Central Library"));  // the name on the map, where it now lives
  CHECK(ui.state.open_place_id == "018f2d6e-0000-7000-8000-00000000000a");
}

TEST_CASE("a long list shows the nearest places a page at a time", "[ui][places]") {
  UiHarness ui;
  core::PlaceChanges changes;
  for (int i = 0; i < 70; ++i) {
    char id[40];
    std::snprintf(id, sizeof(id), "018f2d6e-0000-7000-8000-%012d", i);
    changes.places.push_back(MakePlace(id, ("Place " + std::to_string(i)).c_str(), core::Category::Park,
                                       52.4068 + i * 0.0005, -1.5197));
  }
  std::string error;
  REQUIRE(store::ApplyPlaceChanges(ui.data->db, changes, error));
  RefreshState(ui.state, *ui.data);
  ui.state.screen = Screen::PlaceList;
  ui.Frame();
  CHECK(ListedNames(ui).size() == 30);
  CHECK(ListedNames(ui).front() == "Place 0");
  REQUIRE(ui.Tap("Show 30 more places"));
  CHECK(ListedNames(ui).size() == 60);
  REQUIRE(ui.Tap("Show 10 more places"));
  CHECK(ListedNames(ui).size() == 70);
  CHECK_FALSE(ui.state.ui_record.Find(ui::Role::Button, "Show 0 more places"));
}

namespace {

// Frames (a fake second apart, then ten) until the app sends a sync: at once while a map
// comes in pages, within 5 minutes when it looks for changes. False if it never does.
bool WaitForSync(UiHarness& ui) {
  for (int i = 0; i < 60 && ui.requests.empty(); ++i) {
    ui.now += i < 10 ? 1.0 : 10.0;
    ui.Frame();
  }
  return !ui.requests.empty() && ui.requests.front().path == "/api/v1/sync";
}

std::vector<std::string> IdsInOrder(const std::vector<core::PublicPlace>& places) {
  std::vector<std::string> ids;
  for (const core::PublicPlace& entry : places) ids.push_back(entry.place.id);
  return ids;
}

}  // namespace

TEST_CASE("places that come in pages reach the screens as a fresh read of the device's copy would",
          "[ui][places][sync]") {
  // At 100,000 places, reading every place again after each page took most of a first
  // visit: the screens now get only the places each page changed, merged into their list.
  UiHarness ui;
  std::mt19937 random(11);
  const char* const names[] = {"Arts Centre", "Bus Station", "Cafe Rouge", "Arts Centre", "Youth Club"};  // ties too
  int cursor = 0;
  for (int catch_up = 0; catch_up < 6; ++catch_up) {
    const int pages = 1 + static_cast<int>(random() % 6);
    for (int page = 0; page < pages; ++page) {
      REQUIRE(WaitForSync(ui));
      nlohmann::json entries = nlohmann::json::array();
      std::vector<int> picked;
      for (int i = 0; i < 8; ++i) {
        const int n = static_cast<int>(random() % 30);
        if (std::find(picked.begin(), picked.end(), n) != picked.end()) continue;  // once a page, as the feed sends
        picked.push_back(n);
        char id[40];
        std::snprintf(id, sizeof(id), "018f2d6e-0000-7000-8000-%012d", n);
        if (random() % 4 == 0) {
          entries.push_back({{"id", id}, {"status", "rejected"}});  // off the map
        } else {
          core::PublicPlace entry = MakePlace(id, names[random() % 5], core::Category::Cafe, 52.40 + 0.001 * n, -1.51);
          entries.push_back(core::ToJson(entry));
        }
      }
      const bool more = page + 1 < pages;
      nlohmann::json answer = {{"results", nlohmann::json::array()}, {"yours", nlohmann::json::array()},
                               {"places", entries}, {"cursor", std::to_string(++cursor)}, {"more", more}};
      ui.Answer(200, answer.dump());
      ui.now += static_cast<double>(random() % 3);  // some pages come quicker than the screens catch up
      ui.Frame();
    }
    // The last page is on the screens at once, in the order a fresh read gives.
    const std::vector<std::string> merged = IdsInOrder(ui.state.places);
    RefreshState(ui.state, *ui.data);
    CHECK(merged == IdsInOrder(ui.state.places));
  }
  CHECK(store::DeviceMeta(ui.data->db, store::kMapCursorKey) == std::to_string(cursor));
}

TEST_CASE("a long first visit saves the device's copy now and then, and at its last page", "[ui][places][sync]") {
  // The browser copies the whole database each time: after each of 200 pages that was 10 s
  // of a 43 s start at 100,000 places.
  UiHarness ui;
  const int before = ui.persists;
  for (int page = 0; page < 20; ++page) {
    REQUIRE(WaitForSync(ui));
    char id[40];
    std::snprintf(id, sizeof(id), "018f2d6e-0000-7000-8000-%012d", page);
    const nlohmann::json answer = {
        {"results", nlohmann::json::array()},
        {"places", {core::ToJson(MakePlace(id, "Library", core::Category::Library, 52.40, -1.51))}},
        {"cursor", std::to_string(page + 1)},
        {"more", page < 19}};
    ui.Answer(200, answer.dump());
    const int saves_before_last = ui.persists;
    ui.Frame();
    if (page == 19) CHECK(ui.persists == saves_before_last + 1);  // the last page is kept at once
  }
  // 20 pages about 1 s apart: the first, one 15 s later, and the last.
  CHECK(ui.persists - before <= 4);
  CHECK(ui.persists - before >= 2);
  CHECK(ui.state.places.size() == 20);
}
