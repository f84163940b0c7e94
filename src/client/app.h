// The client's state and the one way it changes. Screens draw from AppState and append
// intents to Actions; after the frame, ApplyActions changes the state (STYLE.md rule 3).
// AppState is a plain struct a test can build. Start with DrawApp, then ApplyActions.
#pragma once
#include <string>
#include <vector>

#include "client/ui/record.h"

enum class Screen {
  Home,
  Map,
  RatePlace,
  SuggestPlace,
  MyPlaces,
  JoinGroup,
  Settings,
};

// Every screen, for tests that draw them all.
inline constexpr Screen kAllScreens[] = {Screen::Home,     Screen::Map,       Screen::RatePlace, Screen::SuggestPlace,
                                         Screen::MyPlaces, Screen::JoinGroup, Screen::Settings};

struct AppState {
  Screen screen = Screen::Home;
  std::vector<Screen> back_stack;  // screens to return to, most recent last
  ui::FrameRecord ui_record;       // what the last frame showed
};

enum class ActionKind { OpenScreen, Back, GoHome };

struct Action {
  ActionKind kind = ActionKind::Back;
  Screen screen = Screen::Home;
};

struct Actions {
  std::vector<Action> items;
  void OpenScreen(Screen screen) { items.push_back({ActionKind::OpenScreen, screen}); }
  void Back() { items.push_back({ActionKind::Back, Screen::Home}); }
  void GoHome() { items.push_back({ActionKind::GoHome, Screen::Home}); }
};

// Draws the current screen (inside an ImGui frame) and records it into state.ui_record.
void DrawApp(AppState& state, Actions& actions);

// Applies the frame's intents to the state, in order, and empties `actions`.
void ApplyActions(AppState& state, Actions& actions);
