// A headless ImGui context for ui_* tests: the real fonts and style, a display of a chosen
// size and pixel ratio, no window. Frame() draws the app once; Tap(name) presses a button
// found by its accessible name the way a finger would (move, press, release).
#pragma once
#include <imgui.h>

#include <string>

#include "client/app.h"
#include "client/ui/theme.h"

struct UiHarness {
  AppState state;
  Actions actions;

  explicit UiHarness(float width = 390.0f, float height = 844.0f, float pixel_ratio = 3.0f) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
    io.DeltaTime = 1.0f / 60.0f;
    ui::ApplyStyle();
    fonts_loaded = ui::LoadFonts(SAFESPACES_TEST_ASSETS_DIR, pixel_ratio);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~UiHarness() { ImGui::DestroyContext(); }
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  void Frame() {
    ImGui::NewFrame();
    DrawApp(state, actions);
    ImGui::Render();
    ApplyActions(state, actions);
  }

  // Returns false when no button of that name is on screen.
  bool Tap(const std::string& name) {
    const ui::Item* item = state.ui_record.Find(ui::Role::Button, name);
    if (!item) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(item->rect.CenterX(), item->rect.CenterY());
    Frame();  // finger arrives: the item is hovered
    io.MouseDown[0] = true;
    Frame();  // press
    io.MouseDown[0] = false;
    Frame();  // release: the button reports its press
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // finger lifted: nothing stays hovered
    Frame();
    return true;
  }

  bool fonts_loaded = false;
};
