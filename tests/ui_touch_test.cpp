// Tests of touch: a finger that moves scrolls the screen and presses nothing; a finger held
// still on an item reads it aloud and presses nothing; a tap is one press.
#include <catch2/catch.hpp>
#include <imgui.h>

#include "ui_harness.h"

namespace {

struct TouchHarness : UiHarness {
  TouchHarness() : UiHarness(390.0f, 500.0f) {  // a short screen, so home scrolls
    ui::Pointer pointer;
    pointer.is_touch = true;
    ui::SetPointer(pointer);
  }
  ~TouchHarness() { ui::SetPointer({}); }
};

}  // namespace

TEST_CASE("a finger dragging up scrolls the screen and presses nothing", "[ui][touch]") {
  TouchHarness ui;
  ui.Frame();
  const ui::Item* start = ui.state.ui_record.Find(ui::Role::Button, "Rate a place");
  REQUIRE(start);
  const float y_before = start->rect.y;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(start->rect.CenterX(), start->rect.CenterY());
  ui.Frame();
  io.MouseDown[0] = true;
  ui.Frame();
  for (int i = 0; i < 10; ++i) {  // 150 px up, in steps
    io.MousePos.y -= 15.0f;
    ui.Frame();
  }
  io.MouseDown[0] = false;
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.screen == Screen::Home);  // the drag did not press "Rate a place"
  const ui::Item* after = ui.state.ui_record.Find(ui::Role::Button, "Rate a place");
  REQUIRE(after);
  CHECK(after->rect.y < y_before - 100.0f);  // the content moved with the finger
}

TEST_CASE("a finger held still on a button reads it aloud instead of pressing it", "[ui][touch][speech]") {
  TouchHarness ui;
  ui.Frame();
  const ui::Item* item = ui.state.ui_record.Find(ui::Role::Button, "Explore the map");
  REQUIRE(item);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(item->rect.CenterX(), item->rect.CenterY());
  ui.Frame();
  io.MouseDown[0] = true;
  io.DeltaTime = 0.1f;
  for (int i = 0; i < 10; ++i) ui.Frame();  // one second
  io.MouseDown[0] = false;
  ui.Frame();
  io.DeltaTime = 1.0f / 60.0f;
  CHECK(ui.state.screen == Screen::Home);
  REQUIRE(ui.spoken.size() == 1);
  CHECK(ui.spoken[0] == "Explore the map. See safe places near you");
}

TEST_CASE("a quick tap with a finger is exactly one press", "[ui][touch]") {
  TouchHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Explore the map"));
  CHECK(ui.state.screen == Screen::Map);
  CHECK(ui.state.back_stack.size() == 1);
  CHECK(ui.spoken.empty());
}
