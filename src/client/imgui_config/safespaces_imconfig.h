// Dear ImGui build options for Safe Spaces (passed as IMGUI_USER_CONFIG by cmake/ThirdParty.cmake).
// The test-engine item hooks let the widget layer see every item ImGui draws (ui/item_hooks.cpp),
// so tests and the screen-reader mirror can tell when an item bypasses our widgets.
#pragma once
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_ENABLE_TEST_ENGINE
