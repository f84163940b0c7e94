// The screen for journeys still being built: it says so kindly, names the journey with
// its icon, and always offers a way back. Replaced journey by journey as they arrive.
#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

struct Journey {
  const char* title;
  Icon icon;
};

Journey JourneyFor(Screen screen) {
  switch (screen) {
    case Screen::JoinGroup: return {"Join a group", Icon::Group};
    case Screen::SuggestPlace:
    case Screen::SuggestDone:
    case Screen::Settings:
    case Screen::Progress:
    case Screen::Restore:
    case Screen::Welcome:
    case Screen::Map:
    case Screen::PlaceList:
    case Screen::MyPlaces:
    case Screen::PlaceCard:
    case Screen::MapFilters:
    case Screen::Home:
    case Screen::RatePickPlace:
    case Screen::RateQuestion:
    case Screen::RateDone: break;
  }
  return {"Safe Spaces", Icon::Home};
}

}  // namespace

void DrawComingSoonScreen(const AppState& state, Actions& actions) {
  const Journey journey = JourneyFor(state.screen);
  ui::BeginScreen(journey.title);
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Space(8.0f);
  ui::Heading(journey.title, 1, journey.icon);
  ui::Paragraph("We are still making this part.");
  ui::Paragraph("It will be ready soon. Thank you for waiting!");
  ui::Space(8.0f);
  if (ui::Button(Icon::Home, "Go to the start", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.GoHome();
  ui::EndScreen();
}
