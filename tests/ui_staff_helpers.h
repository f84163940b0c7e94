// What the staff ui tests share (ui_staff_test.cpp, ui_officer_test.cpp): logging in with
// fake answers, answering the oldest staff request, tapping an item anywhere on the screen
// (a side panel too), and the check that every item of a frame is named, inside the
// window, finger-sized with an icon and words, under one title, and drawn through the
// widget layer. Start at LogIn.
#pragma once
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "ui_harness.h"

namespace staff_test {

using nlohmann::json;

inline constexpr const char* kToken = "b7e1c0ffee5a1e0f00d5a11edbadc0de1234567890abcdef1234567890abcd";
inline constexpr const char* kPassword = "correct horse battery";

inline bool ShowsStarting(const UiHarness& ui, const std::string& start) {
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.name.rfind(start, 0) == 0) return true;
  return false;
}

// The oldest staff request, answered: it arrives after one frame and shows in the next.
inline SentRequest AnswerStaff(UiHarness& ui, int status, std::string body) {
  REQUIRE_FALSE(ui.staff_requests.empty());
  SentRequest sent = ui.staff_requests.front();
  ui.staff_requests.erase(ui.staff_requests.begin());
  ui.answers.push_back({sent.id, status, std::move(body)});
  ui.Frame();
  ui.Frame();
  return sent;
}

inline std::string ErrorBody(const char* code, const char* message) {
  return json{{"error", {{"code", code}, {"message", message}, {"field", ""}}}}.dump();
}

// Taps an item anywhere on the screen (a side panel too): scrolled into view by the wheel
// over the item itself, so the board's map is not zoomed instead.
inline bool TapItem(UiHarness& ui, const std::string& name) {
  ImGuiIO& io = ImGui::GetIO();
  const ui::Item* item = ui.FindTappable(name);
  for (int tries = 0; tries < 40 && item; ++tries) {
    const bool below = item->rect.y + item->rect.h > io.DisplaySize.y;
    if (!below && item->rect.y >= 0.0f) break;
    io.MousePos = ImVec2(item->rect.CenterX(), io.DisplaySize.y - 20.0f);
    io.MouseWheel = below ? -1.0f : 1.0f;
    ui.Frame();
    io.MouseWheel = 0.0f;
    item = ui.FindTappable(name);
  }
  return item && ui.Tap(name);
}

inline void OpenLogin(UiHarness& ui) {
  ui.state.screen = Screen::Settings;
  ui.Frame();
  REQUIRE(ui.Tap("I am a youth worker or council officer"));
  REQUIRE(ui.state.screen == Screen::StaffLogin);
}

inline void TypeLogin(UiHarness& ui) {
  ui.Type("Username", "sam.jones");
  ui.Type("Password", kPassword);
}

// Logs in as a youth worker (or an officer) and lands on their sessions.
inline void LogIn(UiHarness& ui, const char* role = "youth_worker") {
  OpenLogin(ui);
  TypeLogin(ui);
  REQUIRE(ui.Tap("Log in"));
  REQUIRE(ui.staff_requests.size() == 1);
  AnswerStaff(ui, 200, json{{"token", kToken}, {"role", role}, {"expires_at", 1795766400}}.dump());
  REQUIRE(ui.state.screen == Screen::StaffHome);
}

// Every item of the last frame: named, inside the window, buttons and choices at least
// kMinTarget with an icon, text fields as tall, one screen title, nothing raw.
inline void CheckFingerSized(const UiHarness& ui) {
  const ui::FrameRecord& record = ui.state.ui_record;
  const float width = ImGui::GetIO().DisplaySize.x;
  INFO("screen " << record.screen_name << " at " << width << "x" << ImGui::GetIO().DisplaySize.y);
  int titles = 0;
  for (const ui::Item& item : record.items) {
    INFO(ui::RoleName(item.role) << " '" << item.name << "' at " << item.rect.x << "," << item.rect.y << " size "
                                 << item.rect.w << "x" << item.rect.h);
    CHECK_FALSE(item.name.empty());
    CHECK(item.rect.x >= -0.5f);
    CHECK(item.rect.x + item.rect.w <= width + 0.5f);
    if (item.role == ui::Role::Heading && item.level == 1) ++titles;
    if (item.role == ui::Role::Button || item.role == ui::Role::Radio || item.role == ui::Role::Switch) {
      CHECK(item.icon != Icon::None);
      CHECK(item.rect.w >= ui::kMinTarget);
      CHECK(item.rect.h >= ui::kMinTarget);
    }
    if (item.role == ui::Role::TextBox) CHECK(item.rect.h >= ui::kMinTarget);
  }
  CHECK(titles == 1);
  for (const ui::RawItem& raw : record.raw_items) FAIL_CHECK("drawn without the widget layer: " << raw.label);
}

}  // namespace staff_test
