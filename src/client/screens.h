// Every screen of the client, one file each (screen_*.cpp), each a free function that draws
// from the app state and appends intents to `actions`. Screens never do I/O.
#pragma once
#include "client/app.h"

void DrawHomeScreen(const AppState& state, Actions& actions);
void DrawComingSoonScreen(const AppState& state, Actions& actions);
