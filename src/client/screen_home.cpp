// The home screen: what Safe Spaces is for, in easy-read words, and one big button for
// each journey. First thing a young person sees, so: few words, big icons, calm.
// On tablets and laptops the journeys sit in the navigation pane (screen_navigation.cpp)
// and home keeps the welcome.
#include <string>

#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"

namespace {

// Which journey a screen belongs to, so the navigation pane can show where you are.
Screen JourneyOf(Screen screen) {
  switch (screen) {
    case Screen::RatePickPlace:
    case Screen::RateQuestion:
    case Screen::RateDone: return Screen::RatePickPlace;
    case Screen::SuggestDone: return Screen::SuggestPlace;
    case Screen::Restore: return Screen::Settings;
    default: return screen;
  }
}

}  // namespace

void DrawJourneyButtons(const AppState& state, Actions& actions) {
  struct Journey {
    Icon icon;
    const char* label;
    const char* hint;
    unsigned tint;
    Screen screen;
  };
  const ui::Palette& c = ui::Colours();
  const Journey journeys[] = {
      {Icon::Map, "Explore the map", "See safe places near you", c.tint_map, Screen::Map},
      {Icon::Star, "Rate a place", "Tell us how a place felt", c.tint_rate, Screen::RatePickPlace},
      {Icon::MapMarkerPlus, "Suggest a place", "Add a place you like", c.tint_suggest, Screen::SuggestPlace},
      {Icon::Heart, "My places", "Places you saved and sent", c.tint_mine, Screen::MyPlaces},
      {Icon::Trophy, "My progress", "Your badges and your buddy", c.tint_rate, Screen::Progress},
      state.group.step == GroupStep::In
          ? Journey{Icon::Group, "My group", state.group.name.c_str(), c.tint_group, Screen::JoinGroup}
          : Journey{Icon::Group, "Join a group", "Use the code from your youth worker", c.tint_group, Screen::JoinGroup},
  };
  const Screen here = JourneyOf(state.screen);
  for (const Journey& journey : journeys) {
    if (ui::JourneyButton(journey.icon, journey.label, journey.hint, journey.tint, here == journey.screen)) {
      actions.GoHome();
      actions.OpenScreen(journey.screen);
    }
  }
  ui::Space(4.0f);
  if (ui::Button(Icon::Settings, "Settings", ui::ButtonStyle::Secondary, ui::ContentWidth())) {
    actions.GoHome();
    actions.OpenScreen(Screen::Settings);
  }
}

void DrawHomeScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Safe Spaces: home");
  ui::Heading("Safe Spaces", 1, Icon::MapMarker);
  if (!state.nickname.empty()) {
    const std::string hello = "Hello, " + state.nickname + "!";
    ui::IconLine(CompanionIcon(state.companion), hello.c_str());
  }
  constexpr const char* kWelcome[] = {"Find places where you feel safe and welcome.",
                                      "Tell us about places you like. We check every idea before it goes on the map."};
  for (const char* line : kWelcome) ui::Paragraph(line);
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(std::string(kWelcome[0]) + " " + kWelcome[1]);
  DrawSyncStatus(state);
  if (const std::string group = GroupBannerWords(state); !group.empty() &&
      ui::ListButton(Icon::Group, group.c_str(), "Tap to see your group"))
    actions.OpenScreen(Screen::JoinGroup);
  ui::Space(4.0f);
  DrawCelebration(state, actions);
  if (!ui::ComputeLayout().two_pane) DrawJourneyButtons(state, actions);
  ui::EndScreen();
}

void DrawNavigationPane(const AppState& state, Actions& actions, const ui::Rect& area) {
  ui::BeginNavigationPane(area);
  if (ui::Button(Icon::Home, "Safe Spaces: start", ui::ButtonStyle::Secondary, ui::ContentWidth())) actions.GoHome();
  DrawJourneyButtons(state, actions);
  ui::EndNavigationPane();
}
