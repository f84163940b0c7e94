// The home screen: what Safe Spaces is for, in easy-read words, and one big button for
// each journey. First thing a young person sees, so: few words, big icons, calm.
#include <string>

#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"

void DrawHomeScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Safe Spaces: home");
  ui::Heading("Safe Spaces", 1, Icon::MapMarker);
  constexpr const char* kWelcome[] = {"Find places where you feel safe and welcome.",
                                      "Tell us about places you like. We check every idea before it goes on the map."};
  for (const char* line : kWelcome) ui::Paragraph(line);
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(std::string(kWelcome[0]) + " " + kWelcome[1]);
  DrawSyncStatus(state);
  ui::Space(4.0f);

  if (ui::JourneyButton(Icon::Map, "Explore the map", "See safe places near you", ui::Colours().tint_map))
    actions.OpenScreen(Screen::Map);
  if (ui::JourneyButton(Icon::Star, "Rate a place", "Tell us how a place felt", ui::Colours().tint_rate))
    actions.OpenScreen(Screen::RatePickPlace);
  if (ui::JourneyButton(Icon::MapMarkerPlus, "Suggest a place", "Add a place you like", ui::Colours().tint_suggest))
    actions.OpenScreen(Screen::SuggestPlace);
  if (ui::JourneyButton(Icon::Heart, "My places", "Places you saved and sent", ui::Colours().tint_mine))
    actions.OpenScreen(Screen::MyPlaces);
  if (ui::JourneyButton(Icon::Group, "Join a group", "Use the code from your youth worker", ui::Colours().tint_group))
    actions.OpenScreen(Screen::JoinGroup);

  ui::Space(4.0f);
  if (ui::Button(Icon::Settings, "Settings", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.OpenScreen(Screen::Settings);
  ui::EndScreen();
}
