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
#include "core/model.h"
#include "core/sync_engine.h"
#include "core/sync_protocol.h"

enum class Screen {
  Home,
  Map,
  RatePickPlace,  // "Which place did you go to?"
  RateQuestion,   // one question of a rating at a time
  RateDone,       // "Thank you!"
  SuggestPlace,
  MyPlaces,
  JoinGroup,
  Settings,
};

// Every screen, for tests that draw them all.
inline constexpr Screen kAllScreens[] = {Screen::Home,         Screen::Map,      Screen::RatePickPlace,
                                         Screen::RateQuestion, Screen::RateDone, Screen::SuggestPlace,
                                         Screen::MyPlaces,     Screen::JoinGroup, Screen::Settings};

// A rating being answered, one question per screen: steps 0..5 are the scales, 6..13 the
// facilities, 14 an optional comment, 15 is "ready to send". UI-only until it is sent.
struct RatingDraft {
  std::string place_id;
  std::string place_name;
  int step = 0;
  std::array<std::uint8_t, core::kScaleCount> scales{};
  std::array<core::Answer, core::kFacilityCount> facilities{};
  std::string comment;
};
inline constexpr int kRatingCommentStep = static_cast<int>(core::kScaleCount + core::kFacilityCount);
inline constexpr int kRatingSteps = kRatingCommentStep + 2;

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

  Preferences preferences;
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
  SendRating,
  SetPreferences,  // preferences
  ReadAloud,       // text
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
  void ReadAloud(std::string text) {
    Action action{ActionKind::ReadAloud};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
};

// Draws the current screen (inside an ImGui frame) and records it into state.ui_record.
void DrawApp(AppState& state, Actions& actions);

// Applies the navigation intents that need no store (the rest: client_data.h).
// Returns false for an action it does not handle.
bool ApplyNavigation(AppState& state, const Action& action);
