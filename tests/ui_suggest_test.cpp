// Tests of "Suggest a place", drawn headless with the real data side on an in-memory device
// database, by taps as a young person would at phone and tablet size: where it is (the map,
// or "Use where I am" and each of the phone's answers), its name (refused kindly until it
// follows the rules), its kind, why it is safe, their first rating, "Is it one of these?"
// only when a place is near, the summary with its Change buttons, and the outbox holding
// one valid suggestion the moment it is sent. Start at the first TEST_CASE.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "client/client_data.h"
#include "core/validation.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

constexpr const char* kLibraryId = "018f2d6e-0000-7000-8000-00000000000a";
constexpr double kLibraryLat = 52.4075, kLibraryLon = -1.5106;
// Where the new café is: about 200 m east of the library, so nothing is within 100 m.
constexpr double kCafeLat = 52.4075, kCafeLon = -1.5077;

struct Size {
  float width, height, ratio;
  const char* name;
};
constexpr Size kPhone{390.0f, 844.0f, 3.0f, "phone"};
constexpr Size kTablet{820.0f, 1180.0f, 2.0f, "tablet"};

void AddLibrary(UiHarness& ui) {
  const core::Place library{.id = kLibraryId,
                            .name = "Central Library",
                            .category = core::Category::Library,
                            .lat = kLibraryLat,
                            .lon = kLibraryLon,
                            .status = core::PlaceStatus::Approved};
  ui.AddToMap({{library, {}}});
}

// Every frame of the journey: one title, and nothing drawn past the widget layer.
void CheckScreenIsClean(const UiHarness& ui) {
  const ui::FrameRecord& record = ui.state.ui_record;
  INFO("screen " << record.screen_name);
  int titles = 0;
  for (const ui::Item& item : record.items) titles += item.role == ui::Role::Heading && item.level == 1;
  CHECK(titles == 1);
  for (const ui::RawItem& raw : record.raw_items) FAIL_CHECK("drawn without the widget layer: " << raw.label);
}

void Tap(UiHarness& ui, const std::string& name) {
  INFO("tapping " << name << " on " << ui.state.ui_record.screen_name);
  REQUIRE(ui.Tap(name));
  CheckScreenIsClean(ui);
}

// "The map was moved there": what dragging the picker does to the state.
void MoveMapTo(UiHarness& ui, double lat, double lon) {
  ui.state.map_lat = lat;
  ui.state.map_lon = lon;
  ui.Frame();
}

// From home to the summary: the café, two reasons, words, and two faces of a rating.
void SuggestCafe(UiHarness& ui) {
  ui.Frame();
  Tap(ui, "Suggest a place");
  REQUIRE(ui.state.screen == Screen::SuggestPlace);
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  MoveMapTo(ui, kCafeLat, kCafeLon);
  Tap(ui, "This is the place");
  CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));
  ui.Type("The name of the place", "  The Quiet Corner Cafe ");
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "What kind of place is it?"));
  Tap(ui, "Caf\xC3\xA9");
  CHECK(ui.Shows(ui::Role::Heading, "Why is it a safe space?"));
  Tap(ui, "The staff are kind");
  Tap(ui, "It is quiet");
  const ui::Item* quiet = ui.state.ui_record.Find(ui::Role::Switch, "It is quiet");
  REQUIRE(quiet);
  CHECK(quiet->checked);
  ui.Type("In your own words (you do not have to write anything)", "They let me sit by the window.");
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "I felt welcome"));
  CHECK(ui.Shows(ui::Role::Text, "Now tell us how it felt when you went."));
  Tap(ui, "5 of 5: Yes, a lot");
  CHECK(ui.Shows(ui::Role::Heading, "It is quiet"));
  Tap(ui, "4 of 5: Mostly");
  Tap(ui, "Finish the questions");
}

const core::Suggestion* OnlySuggestion(const std::vector<core::OutboxItem>& waiting) {
  if (waiting.size() != 1) return nullptr;
  return std::get_if<core::Suggestion>(&waiting[0].payload);
}

core::ValidationContext Context() {
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  context.current_year = 2026;
  context.current_month = 11;
  return context;
}

}  // namespace

TEST_CASE("a place is suggested by taps from start to end, and kept on the device at once", "[ui][suggest]") {
  for (const Size& size : {kPhone, kTablet}) {
    INFO("on a " << size.name);
    UiHarness ui(size.width, size.height, size.ratio);
    AddLibrary(ui);  // about 200 m away: not offered as "one of these"
    ui.online = false;
    SuggestCafe(ui);
    REQUIRE(ui.Shows(ui::Role::Heading, "Check your place"));
    CHECK(ui.Shows(ui::Role::Text, "Where it is: 200 m from Central Library"));
    CHECK(ui.Shows(ui::Role::Text, "Name: The Quiet Corner Cafe"));
    CHECK(ui.Shows(ui::Role::Text, "Kind of place: Caf\xC3\xA9"));
    CHECK(ui.Shows(ui::Role::Text,
                "Why it is a safe space: It is quiet. The staff are kind. Your words: They let me sit by the window."));
    CHECK(ui.Shows(ui::Role::Text, "Your rating: 2 questions answered. You went: November."));
    Tap(ui, "Send");
    REQUIRE(ui.state.screen == Screen::SuggestDone);
    CHECK(ui.Shows(ui::Role::Text, "A council worker will check your place before it goes on the map."));
    CHECK(ui.Shows(ui::Role::Status, "Saved on this device. It will send when you are online."));

    const std::vector<core::OutboxItem> waiting = store::WaitingItems(ui.data->db, 10);
    const core::Suggestion* suggestion = OnlySuggestion(waiting);
    REQUIRE(suggestion);
    CHECK(suggestion->name == "The Quiet Corner Cafe");  // trimmed
    CHECK(suggestion->category == core::Category::Cafe);
    CHECK(suggestion->reasons == std::vector{core::SafeReason::Quiet, core::SafeReason::KindStaff});
    CHECK(suggestion->why == "They let me sit by the window.");
    CHECK(suggestion->lat == kCafeLat);
    CHECK(suggestion->lon == kCafeLon);
    CHECK(suggestion->device_id == ui.data->device_id);
    CHECK(suggestion->id[14] == '7');  // UUIDv7
    const core::Rating& first = suggestion->first_rating;
    CHECK(first.place_id == suggestion->id);
    CHECK(first.id != suggestion->id);
    CHECK(first.device_id == ui.data->device_id);
    CHECK(first.scales[core::IndexOf(core::Scale::Welcome)] == 5);
    CHECK(first.scales[core::IndexOf(core::Scale::Quiet)] == 4);
    CHECK(first.visit_month == "2026-11");
    CHECK(core::Validate(*suggestion, Context()).empty());

    // The draft is gone once sent; "My places" shows the idea honestly.
    CHECK(ui.state.suggestion.name.empty());
    CHECK(ui.state.suggestion.step == SuggestStep::Where);
    Tap(ui, "My places");
    CHECK(ui.state.screen == Screen::MyPlaces);
    bool listed = false;
    for (const ui::Item& item : ui.state.ui_record.items)
      listed = listed || item.name.rfind("Your idea: The Quiet Corner Cafe.", 0) == 0;
    CHECK(listed);
  }
}

TEST_CASE("back online, the suggestion is sent once and the thank-you says so", "[ui][suggest][sync]") {
  UiHarness ui;
  ui.online = false;
  SuggestCafe(ui);
  Tap(ui, "Send");
  REQUIRE(ui.state.screen == Screen::SuggestDone);
  CHECK(ui.requests.empty());
  ui.online = true;
  ui.Frame();
  REQUIRE(ui.requests.size() == 1);
  const nlohmann::json body = nlohmann::json::parse(ui.requests[0].body);
  REQUIRE(body["items"].size() == 1);
  CHECK(body["items"][0]["kind"] == "suggestion");
  CHECK(body["items"][0]["name"] == "The Quiet Corner Cafe");
  ui.Answer(200, nlohmann::json{{"results", {{{"id", body["items"][0]["id"]}, {"status", "accepted"}}}},
                                {"places", nlohmann::json::array()},
                                {"cursor", "2"},
                                {"more", false}}
                     .dump());
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.waiting_count == 0);
  CHECK(ui.Shows(ui::Role::Status, "Sent! Thank you."));
}

TEST_CASE("a name that breaks the rules is refused in plain words, and Next waits", "[ui][suggest]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  MoveMapTo(ui, kCafeLat, kCafeLon);
  Tap(ui, "This is the place");
  const ui::Item* field = ui.state.ui_record.Find(ui::Role::TextBox, "The name of the place");
  REQUIRE(field);
  CHECK_FALSE(field->multiline);
  CHECK(field->max_chars == 80);
  CHECK(field->rect.h >= ui::kMinTarget);  // a finger-sized box, one line as it is
  Tap(ui, "Next");                         // nothing typed
  CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));
  CHECK(ui.Shows(ui::Role::Status, "Please give the place a name with at least 2 letters."));
  ui.Type("The name of the place", "  A ");  // one letter, once trimmed
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));
  CHECK(ui.state.suggestion.step == SuggestStep::Name);
  ui.Type("The name of the place", std::string(81, 'x'));
  CHECK(ui.Shows(ui::Role::Status, "The name is a bit long. Please keep it to 80 letters."));
  Tap(ui, "Next");
  CHECK(ui.state.suggestion.step == SuggestStep::Name);
  // Once it is right the message goes, and Next moves on.
  ui.Type("The name of the place", "Ab");
  CHECK_FALSE(ui.Shows(ui::Role::Status, "The name is a bit long. Please keep it to 80 letters."));
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "What kind of place is it?"));
}

TEST_CASE("a place on the map within 100 m is offered right after the pin, and opens its card", "[ui][suggest]") {
  for (const Size& size : {kPhone, kTablet}) {
    INFO("on a " << size.name);
    UiHarness ui(size.width, size.height, size.ratio);
    AddLibrary(ui);
    ui.Frame();
    Tap(ui, "Suggest a place");
    MoveMapTo(ui, kLibraryLat + 0.0004, kLibraryLon);  // about 45 m north of the library
    Tap(ui, "This is the place");
    // Straight after the pin, before any question: nobody rates a place that is already there.
    REQUIRE(ui.Shows(ui::Role::Heading, "Is it one of these?"));
    const ui::Item* library = ui.state.ui_record.Find(ui::Role::Button, "Central Library");
    REQUIRE(library);
    CHECK(library->description == "Library - 40 m from your pin");
    Tap(ui, "Central Library");
    CHECK(ui.state.screen == Screen::PlaceCard);
    CHECK(ui.state.open_place_id == kLibraryId);
    CHECK(ui.Shows(ui::Role::Button, "I have been here: rate it"));
    Tap(ui, "Back");  // it was not theirs: back to the list, nothing lost
    REQUIRE(ui.state.screen == Screen::SuggestPlace);
    CHECK(ui.Shows(ui::Role::Heading, "Is it one of these?"));
    Tap(ui, "No, mine is new");
    CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));
    Tap(ui, "Back");
    CHECK(ui.Shows(ui::Role::Heading, "Is it one of these?"));
    Tap(ui, "No, mine is new");
    ui.Type("The name of the place", "Library garden");
    Tap(ui, "Next");
    Tap(ui, "Park");
    Tap(ui, "Next");
    Tap(ui, "3 of 5: A bit");
    Tap(ui, "Finish the questions");
    CHECK(ui.Shows(ui::Role::Heading, "Check your place"));
    CHECK(ui.Shows(ui::Role::Text, "Where it is: 40 m from Central Library"));
    Tap(ui, "Send");
    CHECK(ui.state.screen == Screen::SuggestDone);
    CHECK(OnlySuggestion(store::WaitingItems(ui.data->db, 10)));
  }
}

TEST_CASE("with no place within 100 m, the questions follow the pin at once", "[ui][suggest]") {
  UiHarness ui;
  AddLibrary(ui);
  SuggestCafe(ui);  // about 200 m from the library
  CHECK(ui.Shows(ui::Role::Heading, "Check your place"));
  CHECK_FALSE(ui.Shows(ui::Role::Heading, "Is it one of these?"));
  Tap(ui, "Back");  // back to the last question of the rating
  CHECK(ui.Shows(ui::Role::Heading, "When did you go?"));
}

TEST_CASE("'Use where I am' explains first, asks only when told to, and moves the map", "[ui][suggest][location]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  Tap(ui, "Use where I am");
  CHECK(ui.Shows(ui::Role::Heading, "Use where I am?"));
  CHECK(ui.Shows(ui::Role::Text, "Your phone will ask if Safe Spaces can see where you are."));
  CHECK(ui.Shows(ui::Role::Text, "We only use it to move the map. We never keep it."));
  CHECK(ui.location_requests == 0);  // nothing asked of the phone yet
  Tap(ui, "Yes, find where I am");
  CHECK(ui.location_requests == 1);
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  CHECK(ui.Shows(ui::Role::Status, "Looking for where you are..."));

  ApplyLocation(ui.state, {true, 52.4090, -1.5120, 12.0});
  ui.Frame();
  CHECK(ui.state.map_lat == 52.4090);
  CHECK(ui.state.map_lon == -1.5120);
  CHECK(ui.state.map_zoom == kFoundMeZoom);
  CHECK(ui.Shows(ui::Role::Status, "The map is where you are now. Move it if the pin is not on the place."));
  CHECK_FALSE(ui.state.suggestion.placed);  // the pin is theirs to choose
  Tap(ui, "This is the place");
  CHECK(ui.state.suggestion.lat == 52.4090);
  CHECK(ui.state.suggestion.lon == -1.5120);
  CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));

  // A second answer nobody asked for changes nothing.
  ApplyLocation(ui.state, {true, 52.40, -1.50, 5.0});
  CHECK(ui.state.map_lat == 52.4090);
}

TEST_CASE("when the phone cannot or may not say where it is, the words say so and the map stays",
          "[ui][suggest][location]") {
  using Problem = LocationAnswer::Problem;
  const std::pair<Problem, const char*> answers[] = {
      {Problem::Denied, "You said no, so the map cannot find you. You can move the map instead."},
      {Problem::Unavailable, "Your phone could not tell where you are just now. You can move the map instead."},
      {Problem::TimedOut, "Finding you took too long. You can try again, or move the map instead."},
      {Problem::NotSupported, "This device cannot find where you are. You can move the map instead."},
  };
  for (const auto& [problem, words] : answers) {
    INFO(words);
    UiHarness ui;
    ui.Frame();
    Tap(ui, "Suggest a place");
    const double lat = ui.state.map_lat, lon = ui.state.map_lon;
    Tap(ui, "Use where I am");
    Tap(ui, "Yes, find where I am");
    LocationAnswer answer;
    answer.problem = problem;
    ApplyLocation(ui.state, answer);
    ui.Frame();
    CHECK(ui.Shows(ui::Role::Status, words));
    CHECK(ui.state.map_lat == lat);
    CHECK(ui.state.map_lon == lon);
    CHECK(ui.Shows(ui::Role::Button, "This is the place"));
  }
}

TEST_CASE("saying no to 'Use where I am' goes back to the map without asking the phone", "[ui][suggest][location]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  Tap(ui, "Use where I am");
  Tap(ui, "No, I will move the map");
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  Tap(ui, "Use where I am");
  Tap(ui, "Back");
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  CHECK(ui.state.screen == Screen::SuggestPlace);
  CHECK(ui.location_requests == 0);
}

TEST_CASE("a pin outside the council's area is not taken, and says why", "[ui][suggest]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  MoveMapTo(ui, 51.5074, -0.1278);  // London
  Tap(ui, "This is the place");
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  CHECK(ui.Shows(ui::Role::Status, "This place is outside Coventry. Safe Spaces only maps places in Coventry."));
  CHECK_FALSE(ui.state.suggestion.placed);
}

TEST_CASE("Back goes to the question before, and the draft waits while you go elsewhere", "[ui][suggest]") {
  UiHarness ui(kTablet.width, kTablet.height, kTablet.ratio);  // the journeys stay in view beside it
  ui.Frame();
  Tap(ui, "Suggest a place");
  MoveMapTo(ui, kCafeLat, kCafeLon);
  Tap(ui, "This is the place");
  ui.Type("The name of the place", "Youth Hub");
  Tap(ui, "Next");
  Tap(ui, "Youth club");
  Tap(ui, "I can be myself");
  Tap(ui, "Back");
  CHECK(ui.Shows(ui::Role::Heading, "What kind of place is it?"));
  const ui::Item* chosen = ui.state.ui_record.Find(ui::Role::Radio, "Youth club");
  REQUIRE(chosen);
  CHECK(chosen->checked);
  Tap(ui, "Back");
  const ui::Item* name = ui.state.ui_record.Find(ui::Role::TextBox, "The name of the place");
  REQUIRE(name);
  CHECK(name->value == "Youth Hub");
  Tap(ui, "Next");
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "Why is it a safe space?"));

  // Off to another journey and back: the same question, with what was chosen.
  ui.state.map_lat = 52.40;  // the map moved meanwhile
  Tap(ui, "Rate a place");
  CHECK(ui.state.screen == Screen::RatePickPlace);
  Tap(ui, "Suggest a place");
  CHECK(ui.Shows(ui::Role::Heading, "Why is it a safe space?"));
  const ui::Item* myself = ui.state.ui_record.Find(ui::Role::Switch, "I can be myself");
  REQUIRE(myself);
  CHECK(myself->checked);
  // Back to the first question: the map shows the pin they chose, not where it was moved to.
  Tap(ui, "Back");
  Tap(ui, "Back");
  Tap(ui, "Back");
  CHECK(ui.Shows(ui::Role::Heading, "Where is it?"));
  CHECK(ui.state.map_lat == kCafeLat);
  Tap(ui, "Back");
  CHECK(ui.state.screen == Screen::Home);
  CHECK(ui.state.suggestion.name == "Youth Hub");
}

TEST_CASE("Change on the summary goes to that question and comes straight back", "[ui][suggest]") {
  UiHarness ui;
  SuggestCafe(ui);
  REQUIRE(ui.Shows(ui::Role::Heading, "Check your place"));
  Tap(ui, "Change: Name");
  CHECK(ui.Shows(ui::Role::Heading, "What is it called?"));
  ui.Type("The name of the place", "Corner Cafe");
  Tap(ui, "Next");
  CHECK(ui.Shows(ui::Role::Heading, "Check your place"));
  CHECK(ui.Shows(ui::Role::Text, "Name: Corner Cafe"));
  Tap(ui, "Change: Kind of place");
  Tap(ui, "Park");
  CHECK(ui.Shows(ui::Role::Text, "Kind of place: Park"));
  Tap(ui, "Change: Why it is a safe space");
  Tap(ui, "Back");  // changed their mind: back to the summary, nothing changed
  CHECK(ui.Shows(ui::Role::Heading, "Check your place"));
  Tap(ui, "Change: Your rating");
  CHECK(ui.Shows(ui::Role::Heading, "I felt welcome"));
  const ui::Item* face = ui.state.ui_record.Find(ui::Role::Radio, "5 of 5: Yes, a lot");
  REQUIRE(face);
  CHECK(face->checked);  // the answers are still there
  Tap(ui, "Finish the questions");
  CHECK(ui.Shows(ui::Role::Heading, "Check your place"));
  Tap(ui, "Send");
  const std::vector<core::OutboxItem> waiting = store::WaitingItems(ui.data->db, 10);  // kept: the pointer is into it
  const core::Suggestion* suggestion = OnlySuggestion(waiting);
  REQUIRE(suggestion);
  CHECK(suggestion->name == "Corner Cafe");
  CHECK(suggestion->category == core::Category::Park);
}

TEST_CASE("sending with no rating answer keeps the draft and says what is missing", "[ui][suggest]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  MoveMapTo(ui, kCafeLat, kCafeLon);
  Tap(ui, "This is the place");
  ui.Type("The name of the place", "Riverside Park");
  Tap(ui, "Next");
  Tap(ui, "Park");
  Tap(ui, "Next");
  Tap(ui, "Finish the questions");
  CHECK(ui.Shows(ui::Role::Text, "Your rating: No questions answered yet. You went: November."));
  Tap(ui, "Send");
  CHECK(ui.state.screen == Screen::SuggestPlace);
  CHECK(ui.Shows(ui::Role::Status, "Please answer at least one question about the place."));
  CHECK(store::CountWaiting(ui.data->db) == 0);
  CHECK(ui.state.suggestion.name == "Riverside Park");
  Tap(ui, "Change: Your rating");
  Tap(ui, "Skip this question");
  Tap(ui, "2 of 5: Not really");
  Tap(ui, "Finish the questions");
  Tap(ui, "Send");
  CHECK(ui.state.screen == Screen::SuggestDone);
  CHECK(store::CountWaiting(ui.data->db) == 1);
}

TEST_CASE("every step of the journey has Read aloud, and it says the question", "[ui][suggest][speech]") {
  UiHarness ui;
  ui.Frame();
  Tap(ui, "Suggest a place");
  Tap(ui, "Read aloud");
  REQUIRE_FALSE(ui.spoken.empty());
  CHECK(ui.spoken.back() == "Where is it? Move the map until the pin is on the place.");
  MoveMapTo(ui, kCafeLat, kCafeLon);
  Tap(ui, "This is the place");
  ui.Type("The name of the place", "Youth Hub");
  Tap(ui, "Next");
  Tap(ui, "Read aloud");
  CHECK(ui.spoken.back().rfind("What kind of place is it? Library.", 0) == 0);
}

TEST_CASE("at 200% text on a phone, every step fits and its targets stay finger-sized", "[ui][suggest][size]") {
  for (ui::FontFamily font : {ui::FontFamily::Atkinson, ui::FontFamily::OpenDyslexic}) {
    UiHarness ui;
    AddLibrary(ui);
    ui.state.preferences.look.text_percent = 200;
    ui.state.preferences.look.font = font;
    ui.state.screen = Screen::SuggestPlace;
    SuggestionDraft& draft = ui.state.suggestion;
    draft.placed = true;
    draft.lat = kLibraryLat + 0.0004;  // near the library, so "Is it one of these?" has it
    draft.lon = kLibraryLon;
    draft.name = "A very long name for a community place that young people like";
    draft.name_problem = "The name is a bit long. Please keep it to 80 letters.";
    draft.kind_chosen = true;
    draft.reasons = {core::SafeReason::Quiet, core::SafeReason::EasyToGetTo};
    draft.where_message = "You said no, so the map cannot find you. You can move the map instead.";
    for (int step = 0; step <= static_cast<int>(SuggestStep::Check); ++step) {
      for (FindMe find_me : {FindMe::Off, FindMe::Explaining}) {
        if (find_me == FindMe::Explaining && step != 0) continue;
        draft.step = static_cast<SuggestStep>(step);
        draft.find_me = find_me;
        ui.Frame();
        ui.Frame();
        const ui::FrameRecord& record = ui.state.ui_record;
        INFO(record.screen_name << (font == ui::FontFamily::OpenDyslexic ? ", OpenDyslexic" : ", Atkinson"));
        CheckScreenIsClean(ui);
        for (const ui::Item& item : record.items) {
          INFO(item.name);
          CHECK(item.rect.x >= 0.0f);
          CHECK(item.rect.x + item.rect.w <= 390.5f);
          if (item.role != ui::Role::Text && item.role != ui::Role::Heading && item.role != ui::Role::Status) {
            CHECK(item.rect.w >= ui::kMinTarget);
            CHECK(item.rect.h >= ui::kMinTarget);
          }
        }
      }
    }
  }
}
