// Every screen of the client, one file each (screen_*.cpp), each a free function that draws
// from the app state and appends intents to `actions`. Screens never do I/O.
#pragma once
#include <string>

#include "client/app.h"
#include "client/icons.h"
#include "client/ui/record.h"

void DrawWelcomeScreen(const AppState& state, Actions& actions);
Icon CompanionIcon(core::Companion companion);
void DrawHomeScreen(const AppState& state, Actions& actions);
// The journeys (map, rate, suggest, mine, group) and Settings, as big buttons.
void DrawJourneyButtons(const AppState& state, Actions& actions);
// Tablets and laptops: the journeys in a pane beside every screen.
void DrawNavigationPane(const AppState& state, Actions& actions, const ui::Rect& area);
void DrawRatePickPlaceScreen(const AppState& state, Actions& actions);
void DrawRateQuestionScreen(const AppState& state, Actions& actions);
void DrawRateDoneScreen(const AppState& state, Actions& actions);
// One question of a rating (draft.step 0..kRatingWhenStep: faces, yes / no / not sure, words,
// when you went) with its Skip or Next button and a button `finish_label` that ends the
// questions; answers go to the draft `which` names. "Rate a place" and the first rating of
// "Suggest a place" both ask their questions with it.
void DrawRatingQuestion(const AppState& state, const RatingDraft& draft, RatingFor which, const char* finish_label,
                        Actions& actions);
// When they went, in words: "November", "September or before".
std::string VisitWords(const AppState& state, int months_ago);
// A face's words, 1..5: "No", "Not really", "A bit", "Mostly", "Yes, a lot" ("" otherwise).
const char* FaceWords(int faces);
// "Suggest a place" (screen_suggest.cpp): the question of SuggestionDraft::step, then thanks.
void DrawSuggestPlaceScreen(const AppState& state, Actions& actions);
void DrawSuggestDoneScreen(const AppState& state, Actions& actions);
void DrawSettingsScreen(const AppState& state, Actions& actions);
// "I have a restore code" (screen_restore.cpp): four words typed in bring a device's badges back.
void DrawRestoreScreen(const AppState& state, Actions& actions);
// "otter maple lantern cocoa": a restore code as it is shown and read.
std::string RestoreCodeWords(const std::string& code);
// "Your privacy" (screen_privacy.cpp): what Safe Spaces keeps, who sees it, for how long,
// and your choices, in easy-read lines; and "Delete everything I sent", its question, the
// wait and "Done".
void DrawPrivacyScreen(const AppState& state, Actions& actions);
void DrawDeleteSentScreen(const AppState& state, Actions& actions);
void DrawPlaceCardScreen(const AppState& state, Actions& actions);
void DrawPlaceListScreen(const AppState& state, Actions& actions);
void DrawMapFiltersScreen(const AppState& state, Actions& actions);
void DrawMyPlacesScreen(const AppState& state, Actions& actions);
// The picture map (screen_map.cpp), full screen with its controls.
void DrawMapScreen(const AppState& state, Actions& actions);
// The map with a fixed pin in its middle, `height` CSS px tall across the column: moving the
// map moves the place under the pin (state.map_lat/map_lon). For "Suggest a place".
// With PickerPin::None it has no pin (a youth worker's session area). Returns what it shows.
enum class PickerPin { NewPlace, None };
core::LatLonBounds DrawMapPicker(const AppState& state, Actions& actions, float height,
                                 PickerPin pin = PickerPin::NewPlace);
// "My progress" (screen_progress.cpp), and the celebration of something new earned: a calm
// card (no flashing, no timer) on the thank-you screens and Home, said by screen readers;
// it ends when the young person leaves the screen where they saw it.
void DrawProgressScreen(const AppState& state, Actions& actions);
void DrawCelebration(const AppState& state, Actions& actions);
// "Together we've mapped 134 safe spaces. Next goal: 150."
std::string TeamGoalSentence(const AppState& state);
// "Join a group" (screen_join.cpp): the code field, or the group they are in and "Leave".
void DrawJoinGroupScreen(const AppState& state, Actions& actions);
// "You are in a group: After school, Hillfields" (paused, ended); "" when not in a group.
std::string GroupBannerWords(const AppState& state);

// The sync status line ("Saved on this device. It will send when you are online."), drawn
// by every screen that shows what the young person made.
void DrawSyncStatus(const AppState& state);

// Staff (co-production sessions), on the whole window: a youth worker's or officer's login,
// their sessions, a new session, its board for a projector, and its summary.
void DrawStaffLoginScreen(const AppState& state, Actions& actions);    // screen_staff_login.cpp
void DrawStaffHomeScreen(const AppState& state, Actions& actions);     // screen_staff_home.cpp
void DrawStaffStartScreen(const AppState& state, Actions& actions);    // screen_staff_start.cpp
void DrawBoardScreen(const AppState& state, Actions& actions);         // screen_board.cpp
void DrawSessionSummaryScreen(const AppState& state, Actions& actions);  // screen_session_summary.cpp

// Council officers (issue 8), on the whole window, reached from the staff home after an
// officer's login: the review queue beside a map, the city picture, places and the scheme,
// exports, and staff accounts.
void DrawReviewScreen(const AppState& state, Actions& actions);         // screen_review.cpp
void DrawCityScreen(const AppState& state, Actions& actions);           // screen_city.cpp
void DrawSchemeScreen(const AppState& state, Actions& actions);         // screen_scheme.cpp
void DrawExportsScreen(const AppState& state, Actions& actions);        // screen_exports.cpp
void DrawStaffAccountsScreen(const AppState& state, Actions& actions);  // screen_staff_accounts.cpp
