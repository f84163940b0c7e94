// Every screen of the client, one file each (screen_*.cpp), each a free function that draws
// from the app state and appends intents to `actions`. Screens never do I/O.
#pragma once
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
void DrawSettingsScreen(const AppState& state, Actions& actions);
void DrawPlaceCardScreen(const AppState& state, Actions& actions);
void DrawPlaceListScreen(const AppState& state, Actions& actions);
void DrawMapFiltersScreen(const AppState& state, Actions& actions);
void DrawMyPlacesScreen(const AppState& state, Actions& actions);
// The picture map (screen_map.cpp), full screen with its controls.
void DrawMapScreen(const AppState& state, Actions& actions);
// The map with a fixed pin in its middle, `height` CSS px tall across the column: moving the
// map moves the place under the pin (state.map_lat/map_lon). For "Suggest a place".
void DrawMapPicker(const AppState& state, Actions& actions, float height);
void DrawComingSoonScreen(const AppState& state, Actions& actions);

// The sync status line ("Saved on this device. It will send when you are online."), drawn
// by every screen that shows what the young person made.
void DrawSyncStatus(const AppState& state);
