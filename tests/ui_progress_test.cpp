// Tests of the game as a young person meets it, drawn headless with the real data side: a
// first rating, made by taps and offline, earns the first badge, celebrated calmly on the
// thank-you screen and said to screen readers; "My progress" lists it with the buddy, the
// level, the city's goal and what is still to find; an officer's "yes" to a suggestion is
// celebrated as "Your place is on the map!"; nothing is celebrated twice.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/uuid.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

}  // namespace

TEST_CASE("a first rating earns the first badge, celebrated on the thank-you screen and listed in My progress",
          "[ui][progress]") {
  UiHarness ui;
  ui.AddCentralLibrary();
  ui.online = false;  // the game works offline: it is worked out on the device
  ui.Frame();
  CHECK_FALSE(ui.state.celebration.showing);  // nothing to celebrate at the start
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.Tap("Central Library"));
  REQUIRE(ui.Tap("5 of 5: Yes, a lot"));
  REQUIRE(ui.Tap("Finish: check and send"));
  REQUIRE(ui.Tap("Send"));
  REQUIRE(ui.state.screen == Screen::RateDone);
  CHECK(ui.Shows(ui::Role::Heading, "Well done!"));
  // The live region says it (role status), in words; the buddy cheers.
  CHECK(ui.Shows(ui::Role::Status, "New badge: First rating."));
  CHECK(ui.Shows(ui::Role::Text, "Your cat cheers for you!"));
  CHECK(ui.Shows(ui::Role::Status, "Saved on this device. It will send when you are online."));
  CHECK(ui.chimes == 0);  // no sound of its own while offline: nothing was sent
  CHECK(ui.state.ui_record.raw_items.empty());

  REQUIRE(ui.Tap("See my progress"));
  REQUIRE(ui.state.screen == Screen::Progress);
  CHECK(ui.Shows(ui::Role::Heading, "Badges you earned (1)"));
  CHECK(ui.Shows(ui::Role::Text, "First rating: Rate your first place."));
  CHECK(ui.Shows(ui::Role::Text, "Level 1: Explorer. 10 points. 30 more to reach Pathfinder."));
  CHECK(ui.Shows(ui::Role::Text, "Your cat is ready to explore with you."));
  CHECK(ui.Shows(ui::Role::Text, "Together we've mapped 1 safe space. Next goal: 10."));
  CHECK(ui.Shows(ui::Role::Text, "Five ratings: Rate places 5 times. You have 1 of 5."));
  CHECK(ui.Shows(ui::Role::Heading, "Ideas for what to do next"));
  CHECK(ui.state.ui_record.raw_items.empty());

  // Home afterwards: the celebration was seen, so it is over; it never comes back.
  REQUIRE(ui.Tap("Back"));
  REQUIRE(ui.Tap("Go to the start"));
  CHECK_FALSE(ui.Shows(ui::Role::Heading, "Well done!"));
  RefreshState(ui.state, *ui.data);
  ui.Frame();
  CHECK_FALSE(ui.state.celebration.showing);
}

TEST_CASE("an officer's yes to a suggestion is 'Your place is on the map!', with a chime if sounds are on",
          "[ui][progress]") {
  UiHarness ui;
  ui.Frame();
  core::Suggestion suggestion;
  suggestion.id = "018f2d6e-0000-7000-8000-0000000000c1";
  suggestion.device_id = ui.data->device_id;
  suggestion.name = "Quiet Corner Cafe";
  suggestion.category = core::Category::Cafe;
  suggestion.lat = 52.4070;
  suggestion.lon = -1.5190;
  suggestion.first_rating.id = "018f2d6e-0000-7000-8000-0000000000c2";
  suggestion.first_rating.place_id = suggestion.id;
  suggestion.first_rating.device_id = ui.data->device_id;
  suggestion.first_rating.scales[0] = 5;
  suggestion.first_rating.visit_month = "2026-11";
  std::string error;
  REQUIRE(store::AddContribution(ui.data->db, core::OutboxItem{suggestion}, error));
  RefreshState(ui.state, *ui.data);
  ui.state.celebration = {};  // what sending earned is not this test's point
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  const nlohmann::json answer = {
      {"results", {{{"id", suggestion.id}, {"status", "accepted"}}}},
      {"yours", {{{"id", suggestion.id}, {"status", "approved"}}}},
      {"places", nlohmann::json::array()},
      {"cursor", "2"},
      {"more", false}};
  const int chimes_before = ui.chimes;
  ui.Answer(200, answer.dump());
  ui.Frame();
  ui.Frame();
  REQUIRE(ui.state.celebration.showing);
  CHECK(ui.state.celebration.on_the_map);
  CHECK(ui.chimes > chimes_before);
  ui.state.screen = Screen::Home;
  ui.Frame();
  CHECK(ui.Shows(ui::Role::Heading, "Your place is on the map!"));
  CHECK(ui.Shows(ui::Role::Status,
              "A council worker checked your place and put it on the map. New badge: On the map. "
              "You reached level 2: Pathfinder. Your cat has a smart tie now!"));
}
