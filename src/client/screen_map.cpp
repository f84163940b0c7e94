// The picture map: tiles, pins and clusters, with buttons for everything a drag or a pinch
// can do. (Being written: for now the list stands in for it.)
#include "client/screens.h"
#include "client/ui/widgets.h"

void DrawMapScreen(const AppState& state, Actions& actions) { DrawPlaceListScreen(state, actions); }

void DrawMapPicker(const AppState& state, Actions& actions, float height) {
  (void)state;
  (void)actions;
  ui::Space(height);
}
