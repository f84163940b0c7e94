// Tests of the frame fingerprint (ui/frame_fingerprint.h): the runtime leaves the screen as
// it is when a frame would draw the same picture, so an idle screen costs the phone nothing.
// A screen left alone must give the same fingerprint frame after frame, and anything a young
// person would see change (another screen, a pressed button, new words, another size) must
// give another, or the app would show an old picture.
#include <catch2/catch.hpp>

#include <set>

#include "client/ui/frame_fingerprint.h"
#include "ui_harness.h"

namespace {

std::uint64_t Fingerprint(int width = 1170, int height = 2532) {
  return ui::FrameFingerprint(*ImGui::GetDrawData(), width, height);
}

// Draws `frames` more frames of whatever is on screen, a sixtieth of a second apart, and
// gives each one's fingerprint.
std::vector<std::uint64_t> Settle(UiHarness& ui, int frames) {
  std::vector<std::uint64_t> seen;
  for (int i = 0; i < frames; ++i) {
    ui.now += 1.0 / 60.0;
    ui.Frame();
    seen.push_back(Fingerprint());
  }
  return seen;
}

}  // namespace

TEST_CASE("a screen left alone draws the same picture every frame, so it is not drawn again") {
  UiHarness ui;
  REQUIRE(ui.fonts_loaded);
  for (const char* screen : {"home", "rate", "privacy"}) {
    INFO(screen);
    if (std::string(screen) == "rate") REQUIRE(ui.Tap("Rate a place"));
    if (std::string(screen) == "privacy") ui.state.screen = Screen::Privacy;
    Settle(ui, 3);  // a tap and the new screen's first layout
    const std::vector<std::uint64_t> seen = Settle(ui, 30);
    CHECK(std::set<std::uint64_t>(seen.begin(), seen.end()).size() == 1);
  }
}

TEST_CASE("what a young person would see change gives another fingerprint") {
  UiHarness ui;
  REQUIRE(ui.fonts_loaded);
  Settle(ui, 3);
  const std::uint64_t home = Fingerprint();

  SECTION("another screen") {
    REQUIRE(ui.Tap("Rate a place"));
    Settle(ui, 3);
    CHECK(Fingerprint() != home);
  }
  SECTION("the same screen at another size, or with the window's pixels resized") {
    CHECK(Fingerprint(1170, 2531) != home);
    CHECK(Fingerprint(780, 1688) != home);
    ImGui::GetIO().DisplaySize = ImVec2(391.0f, 844.0f);
    Settle(ui, 2);
    CHECK(Fingerprint() != home);
  }
  SECTION("a finger on a button shows it pressed") {
    const ui::Item* rate = ui.state.ui_record.Find(ui::Role::Button, "Rate a place");
    REQUIRE(rate != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(rate->rect.CenterX(), rate->rect.CenterY());
    io.MouseDown[0] = true;
    Settle(ui, 2);
    CHECK(Fingerprint() != home);
    io.MouseDown[0] = false;
  }
  SECTION("new words: one letter of a name") {
    ui.state.nickname = "Sam";
    Settle(ui, 2);
    const std::uint64_t sam = Fingerprint();
    ui.state.nickname = "Sal";
    Settle(ui, 2);
    CHECK(Fingerprint() != sam);
  }
}
