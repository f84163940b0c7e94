// The client's state and the one way it changes. Screens draw from AppState and append
// intents to Actions; after the frame, ApplyActions (client_data.cpp) changes the state and
// writes to the device's store (STYLE.md rule 3). AppState is a plain struct a test can
// build. Start with DrawApp, then client_data.h.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "client/ui/record.h"
#include "client/ui/theme.h"
#include "core/map_places.h"
#include "core/model.h"
#include "core/nickname.h"
#include "core/sync_engine.h"
#include "core/sync_protocol.h"

class TileCache;  // client/map_tiles.h

// Where the map's pictures come from and the area it is about: GET /api/v1/config, kept on
// the device so the map works offline. The defaults are OpenStreetMap's standard tiles
// over Coventry, used until the server's answer arrives.
struct MapConfig {
  std::string tile_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string attribution = "\xC2\xA9 OpenStreetMap contributors";
  double home_lat = 52.4068, home_lon = -1.5197;  // "back to my area"
  double home_zoom = 13.0;
  bool operator==(const MapConfig&) const = default;
};

enum class Screen {
  Welcome,        // first run: what this is, what happens to what you share, nickname, buddy
  Home,
  Map,            // the picture map
  PlaceList,      // the same places as a list, nearest the map's middle first
  RatePickPlace,  // "Which place did you go to?"
  RateQuestion,   // one question of a rating at a time
  RateDone,       // "Thank you!"
  PlaceCard,      // one place: what young people said about it
  MapFilters,     // "Choose what to show"
  SuggestPlace,
  MyPlaces,
  JoinGroup,
  Settings,
};

inline constexpr int kListPage = 30;  // places per page of the list

// Every screen, for tests that draw them all.
inline constexpr Screen kAllScreens[] = {Screen::Welcome, Screen::Home,         Screen::Map,       Screen::PlaceList,
                                         Screen::RatePickPlace,
                                         Screen::RateQuestion, Screen::RateDone,  Screen::PlaceCard,
                                         Screen::MapFilters,   Screen::SuggestPlace, Screen::MyPlaces,
                                         Screen::JoinGroup,    Screen::Settings};

// Something this device sent, as "My places" shows it.
enum class SentState { Waiting, Sent, NotAdded };
struct MyContribution {
  core::OutboxKind kind = core::OutboxKind::Rating;
  std::string place_id;
  std::string place_name;  // as the device knows it ("a place" if not on its map)
  SentState state = SentState::Waiting;
  std::string message;     // the officer's or server's reason, when not added
};

// A rating being answered, one question per screen: steps 0..5 are the scales, 6..13 the
// facilities, 14 an optional comment, 15 "when did you go?", 16 the summary to check and
// send. UI-only until it is sent.
struct RatingDraft {
  std::string place_id;
  std::string place_name;
  int step = 0;
  std::array<std::uint8_t, core::kScaleCount> scales{};
  std::array<core::Answer, core::kFacilityCount> facilities{};
  std::string comment;
  int months_ago = 0;  // when they went: 0 this month, 1 last month, 2 before that
};
inline constexpr int kRatingCommentStep = static_cast<int>(core::kScaleCount + core::kFacilityCount);
inline constexpr int kRatingWhenStep = kRatingCommentStep + 1;
inline constexpr int kRatingCheckStep = kRatingWhenStep + 1;
inline constexpr int kRatingSteps = kRatingCheckStep + 1;

// How the young person likes the app; remembered on the device (client_data.cpp).
struct Preferences {
  ui::LookSettings look;       // text size, letters, contrast
  bool reduce_motion = false;  // first set from the browser's prefers-reduced-motion
  bool sounds = true;
  bool read_aloud = true;      // show "Read aloud" buttons
  bool operator==(const Preferences&) const = default;
};

struct AppState {
  Screen screen = Screen::Home;
  std::vector<Screen> back_stack;  // screens to return to, most recent last
  ui::FrameRecord ui_record;       // what the last frame showed

  // From the device's store, refreshed after every change (client_data.cpp).
  std::vector<core::PublicPlace> places;  // the public map, sorted by name
  int waiting_count = 0;                  // contributions not yet sent
  core::SyncStatus sync_status = core::SyncStatus::AllSent;
  int this_year = 2026, this_month = 1;  // the device's month now, for "When did you go?"

  Preferences preferences;

  // Who the young person is here: a nickname from word lists and a buddy, nothing more.
  std::string nickname;
  core::Companion companion = core::Companion::Cat;
  bool first_run_done = false;
  int welcome_step = 0;                       // 0 hello, 1 what happens, 2 nickname, 3 buddy
  std::array<std::string, 3> nickname_choices;
  std::vector<std::string> saved_place_ids;   // "My places", most recent first
  std::vector<MyContribution> contributions;  // what this device made, newest first
  std::string open_place_id;                  // the place card on screen
  core::MapFilter map_filter;                 // what the map and its list show
  int list_length = 30;                       // places the list shows before "Show more"
  double map_lat = 52.4068, map_lon = -1.5197;  // the middle of the map (Coventry's centre)
  double map_zoom = 13.0;                       // the map's zoom (fractional while pinching)
  MapConfig map_config;                         // tile source and area, from the server
  TileCache* tiles = nullptr;                   // the map's pictures (runtime owns it; null in most tests)

  RatingDraft rating;          // the rating being answered
  std::string problem;         // something that went wrong, in easy-read words; "" if none
};

enum class ActionKind {
  OpenScreen,
  Back,
  GoHome,
  StartRating,    // place_id
  AnswerScale,    // index, value (0 = skip)
  AnswerFacility, // index, answer
  RatingStep,     // value: the step to show
  RatingComment,  // text
  RatingWhen,     // value: months ago
  SendRating,
  SetPreferences,  // preferences
  ReadAloud,       // text
  OpenPlace,       // place_id
  SavePlace,       // place_id, value 1 to save, 0 to take off the list
  Directions,      // place_id
  SetMapFilter,    // filter
  ShowMorePlaces,
  WelcomeStep,       // value
  ChooseNickname,    // text
  ShuffleNicknames,
  ChooseCompanion,   // value
  FinishWelcome,
  MoveMap,         // lat, lon, zoom: the map's new middle and zoom
};

struct Action {
  ActionKind kind = ActionKind::Back;
  Screen screen = Screen::Home;
  std::string place_id;
  int index = 0;
  int value = 0;
  core::Answer answer = core::Answer::Unanswered;
  Preferences preferences;
  std::string text;
  core::MapFilter filter;
  double lat = 0, lon = 0, zoom = 0;  // MoveMap
};

struct Actions {
  std::vector<Action> items;
  void OpenScreen(Screen screen) { items.push_back({ActionKind::OpenScreen, screen}); }
  void Back() { items.push_back({ActionKind::Back}); }
  void GoHome() { items.push_back({ActionKind::GoHome}); }
  void StartRating(const std::string& place_id) { items.push_back({ActionKind::StartRating, {}, place_id}); }
  void AnswerScale(int index, int value) { items.push_back({ActionKind::AnswerScale, {}, {}, index, value}); }
  void AnswerFacility(int index, core::Answer answer) {
    items.push_back({ActionKind::AnswerFacility, {}, {}, index, 0, answer});
  }
  void RatingStep(int step) { items.push_back({ActionKind::RatingStep, {}, {}, 0, step}); }
  void RatingWhen(int months_ago) { items.push_back({ActionKind::RatingWhen, {}, {}, 0, months_ago}); }
  void RatingComment(std::string text) {
    Action action{ActionKind::RatingComment};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void SendRating() { items.push_back({ActionKind::SendRating}); }
  void SetPreferences(const Preferences& preferences) {
    Action action{ActionKind::SetPreferences};
    action.preferences = preferences;
    items.push_back(std::move(action));
  }
  void OpenPlace(const std::string& place_id) { items.push_back({ActionKind::OpenPlace, {}, place_id}); }
  void SavePlace(const std::string& place_id, bool saved) {
    items.push_back({ActionKind::SavePlace, {}, place_id, 0, saved ? 1 : 0});
  }
  void Directions(const std::string& place_id) { items.push_back({ActionKind::Directions, {}, place_id}); }
  void ShowMorePlaces() { items.push_back({ActionKind::ShowMorePlaces}); }
  void WelcomeStep(int step) { items.push_back({ActionKind::WelcomeStep, {}, {}, 0, step}); }
  void ChooseNickname(std::string nickname) {
    Action action{ActionKind::ChooseNickname};
    action.text = std::move(nickname);
    items.push_back(std::move(action));
  }
  void ShuffleNicknames() { items.push_back({ActionKind::ShuffleNicknames}); }
  void ChooseCompanion(core::Companion companion) {
    items.push_back({ActionKind::ChooseCompanion, {}, {}, 0, static_cast<int>(companion)});
  }
  void FinishWelcome() { items.push_back({ActionKind::FinishWelcome}); }
  void SetMapFilter(const core::MapFilter& filter) {
    Action action{ActionKind::SetMapFilter};
    action.filter = filter;
    items.push_back(std::move(action));
  }
  void MoveMap(double lat, double lon, double zoom) {
    Action action{ActionKind::MoveMap};
    action.lat = lat;
    action.lon = lon;
    action.zoom = zoom;
    items.push_back(std::move(action));
  }
  void ReadAloud(std::string text) {
    Action action{ActionKind::ReadAloud};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
};

// The place with this id on the device's map, or nullptr.
const core::PublicPlace* FindPlace(const AppState& state, const std::string& place_id);

// Draws the current screen (inside an ImGui frame) and records it into state.ui_record.
void DrawApp(AppState& state, Actions& actions);

// Applies the navigation intents that need no store (the rest: client_data.h).
// Returns false for an action it does not handle.
bool ApplyNavigation(AppState& state, const Action& action);
