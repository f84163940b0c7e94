// This is the implementation of app.h: which screen draws, and how navigation changes it.
#include "client/app.h"

#include "client/screens.h"
#include "client/ui/widgets.h"

void DrawApp(AppState& state, Actions& actions) {
  ui::BeginFrame(&state.ui_record);
  ui::SetWholeScreen(IsStaffScreen(state.screen));  // Staff (co-production sessions): no journeys pane
  const ui::Layout layout = ui::ComputeLayout();
  if (layout.two_pane && state.screen != Screen::Welcome) DrawNavigationPane(state, actions, layout.nav);
  switch (state.screen) {
    case Screen::Welcome: DrawWelcomeScreen(state, actions); break;
    case Screen::Home: DrawHomeScreen(state, actions); break;
    case Screen::RatePickPlace: DrawRatePickPlaceScreen(state, actions); break;
    case Screen::RateQuestion: DrawRateQuestionScreen(state, actions); break;
    case Screen::RateDone: DrawRateDoneScreen(state, actions); break;
    case Screen::PlaceCard: DrawPlaceCardScreen(state, actions); break;
    case Screen::Map: DrawMapScreen(state, actions); break;
    case Screen::PlaceList: DrawPlaceListScreen(state, actions); break;
    case Screen::MapFilters: DrawMapFiltersScreen(state, actions); break;
    case Screen::MyPlaces: DrawMyPlacesScreen(state, actions); break;
    case Screen::SuggestPlace: DrawSuggestPlaceScreen(state, actions); break;
    case Screen::SuggestDone: DrawSuggestDoneScreen(state, actions); break;
    case Screen::JoinGroup: DrawJoinGroupScreen(state, actions); break;
    case Screen::Settings: DrawSettingsScreen(state, actions); break;
    case Screen::Progress: DrawProgressScreen(state, actions); break;
    case Screen::Restore: DrawRestoreScreen(state, actions); break;
    case Screen::Privacy: DrawPrivacyScreen(state, actions); break;
    case Screen::DeleteSent: DrawDeleteSentScreen(state, actions); break;
    // Staff (co-production sessions)
    case Screen::StaffLogin: DrawStaffLoginScreen(state, actions); break;
    case Screen::StaffHome: DrawStaffHomeScreen(state, actions); break;
    case Screen::StaffStart: DrawStaffStartScreen(state, actions); break;
    case Screen::StaffBoard: DrawBoardScreen(state, actions); break;
    case Screen::StaffSummary: DrawSessionSummaryScreen(state, actions); break;
    // Council officers
    case Screen::OfficerReview: DrawReviewScreen(state, actions); break;
    case Screen::OfficerCity: DrawCityScreen(state, actions); break;
    case Screen::OfficerScheme: DrawSchemeScreen(state, actions); break;
    case Screen::OfficerExports: DrawExportsScreen(state, actions); break;
    case Screen::OfficerAccounts: DrawStaffAccountsScreen(state, actions); break;
  }
  ui::EndFrame();
}

const core::PublicPlace* FindPlace(const AppState& state, const std::string& place_id) {
  for (const core::PublicPlace& entry : state.places)
    if (entry.place.id == place_id) return &entry;
  return nullptr;
}

bool ApplyNavigation(AppState& state, const Action& action) {
  // A celebration someone has seen ends when they move on.
  if (state.celebration.seen &&
      (action.kind == ActionKind::OpenScreen || action.kind == ActionKind::Back || action.kind == ActionKind::GoHome))
    state.celebration = {};
  switch (action.kind) {
    case ActionKind::OpenScreen:
      if (action.screen != state.screen) {
        state.back_stack.push_back(state.screen);
        state.screen = action.screen;
      }
      return true;
    case ActionKind::Back:
      if (state.back_stack.empty()) {
        state.screen = Screen::Home;
      } else {
        state.screen = state.back_stack.back();
        state.back_stack.pop_back();
      }
      return true;
    case ActionKind::GoHome:
      state.back_stack.clear();
      state.screen = Screen::Home;
      return true;
    default: return false;
  }
}
