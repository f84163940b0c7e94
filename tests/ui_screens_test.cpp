// Tests of the client's screens, drawn headless with the real fonts at phone size: every
// screen has a title, named buttons big enough for a finger, nothing drawn past the edge,
// no widget that bypasses our widget layer; and taps lead where their words say.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>

#include "client/icons.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "ui_harness.h"

namespace {

std::string Describe(const ui::Item& item) {
  return std::string(ui::RoleName(item.role)) + " '" + item.name + "' at " + std::to_string(item.rect.x) + "," +
         std::to_string(item.rect.y) + " size " + std::to_string(item.rect.w) + "x" + std::to_string(item.rect.h);
}

}  // namespace

TEST_CASE("the real fonts load, with every icon the app uses", "[ui][fonts]") {
  UiHarness ui;
  REQUIRE(ui.fonts_loaded);
  const ui::Fonts& fonts = ui::GetFonts();
  REQUIRE(fonts.from_files);
  for (Icon icon : kAllIcons) {
    INFO("icon U+" << std::hex << static_cast<unsigned>(icon));
    CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(icon)) != nullptr);
    CHECK(fonts.big_icon->FindGlyphNoFallback(static_cast<ImWchar>(icon)) != nullptr);
  }
  // Text is rasterised at device pixels (sharp at devicePixelRatio 3) and drawn at CSS size.
  CHECK(fonts.body->FontSize == Approx(ui::kBodySize * 3.0f));
  CHECK(ImGui::GetIO().FontGlobalScale == Approx(1.0f / 3.0f));
  // WebGL2 promises textures of 4096 pixels on every phone; a bigger atlas draws nothing.
  CHECK(ImGui::GetIO().Fonts->TexWidth <= 4096);
  CHECK(ImGui::GetIO().Fonts->TexHeight <= 4096);
}

TEST_CASE("every screen has a title and finger-sized, named buttons inside the screen", "[ui][screens]") {
  for (const auto& [width, height] : {std::pair{390.0f, 844.0f}, {820.0f, 1180.0f}, {1440.0f, 900.0f}}) {
    UiHarness ui(width, height);
    for (Screen screen : kAllScreens) {
      ui.state.screen = screen;
      ui.Frame();
      ui.Frame();
      const ui::FrameRecord& record = ui.state.ui_record;
      INFO("screen " << record.screen_name << " at " << width << "x" << height);
      CHECK_FALSE(record.screen_name.empty());
      int titles = 0, buttons = 0;
      for (const ui::Item& item : record.items) {
        INFO(Describe(item));
        CHECK_FALSE(item.name.empty());
        CHECK(item.rect.x >= 0.0f);
        CHECK(item.rect.x + item.rect.w <= width + 0.5f);
        if (item.role == ui::Role::Heading && item.level == 1) ++titles;
        if (item.role == ui::Role::Button) {
          ++buttons;
          CHECK(item.rect.w >= ui::kMinTarget);
          CHECK(item.rect.h >= ui::kMinTarget);
        }
      }
      CHECK(titles == 1);
      CHECK(buttons >= 1);
      for (const ui::RawItem& raw : record.raw_items) FAIL_CHECK("drawn without the widget layer: " << raw.label);
    }
  }
}

TEST_CASE("the home screen offers each journey, and each button opens it", "[ui][home]") {
  const std::pair<const char*, Screen> journeys[] = {
      {"Explore the map", Screen::Map},   {"Rate a place", Screen::RatePickPlace},
      {"Suggest a place", Screen::SuggestPlace}, {"My places", Screen::MyPlaces},
      {"Join a group", Screen::JoinGroup}, {"Settings", Screen::Settings},
  };
  UiHarness ui;
  for (const auto& [name, screen] : journeys) {
    INFO(name);
    ui.Frame();
    REQUIRE(ui.state.screen == Screen::Home);
    REQUIRE(ui.Tap(name));
    CHECK(ui.state.screen == screen);
    REQUIRE(ui.Tap("Back"));
    CHECK(ui.state.screen == Screen::Home);
  }
}

TEST_CASE("one tap is one press: a second frame does not press again", "[ui][touch]") {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Rate a place"));
  REQUIRE(ui.state.screen == Screen::RatePickPlace);
  ui.Frame();
  ui.Frame();
  CHECK(ui.state.screen == Screen::RatePickPlace);
  CHECK(ui.state.back_stack.size() == 1);
}

TEST_CASE("on a laptop the journeys sit in a pane beside the screen, which stays narrow", "[ui][layout]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  ui.Frame();
  ui.Frame();
  const ui::Item* map = ui.state.ui_record.Find(ui::Role::Button, "Explore the map");
  REQUIRE(map);
  CHECK(map->rect.x + map->rect.w <= ui::kNavPaneWidth);
  const ui::Item* welcome = ui.state.ui_record.Find(ui::Role::Text, "Find places where you feel safe and welcome.");
  REQUIRE(welcome);
  CHECK(welcome->rect.x > ui::kNavPaneWidth);
  REQUIRE(ui.Tap("Rate a place"));
  CHECK(ui.state.screen == Screen::RatePickPlace);
  const ui::Item* current = ui.state.ui_record.Find(ui::Role::Button, "Rate a place");
  REQUIRE(current);
  CHECK(current->checked);  // the pane shows where you are
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.rect.x > ui::kNavPaneWidth) CHECK(item.rect.w <= ui::kMaxContentWidth + 0.5f);
}

TEST_CASE("a phone has one pane, with the journeys on the home screen", "[ui][layout]") {
  UiHarness ui(390.0f, 844.0f, 3.0f);
  ui.Frame();
  CHECK_FALSE(ui::ComputeLayout().two_pane);
  const ui::Item* map = ui.state.ui_record.Find(ui::Role::Button, "Explore the map");
  REQUIRE(map);
  CHECK(map->rect.w > 300.0f);
  ui.state.screen = Screen::Settings;
  ui.Frame();
  CHECK_FALSE(ui.state.ui_record.Find(ui::Role::Button, "Explore the map"));
}

TEST_CASE("the record the page receives names every item with its role and place", "[ui][record]") {
  UiHarness ui;
  ui.Frame();
  const std::string json = ui::RecordToJson(ui.state.ui_record);
  CHECK(json.find("\"screen\":\"Safe Spaces: home\"") != std::string::npos);
  CHECK(json.find("\"role\":\"button\"") != std::string::npos);
  CHECK(json.find("\"name\":\"Explore the map\"") != std::string::npos);
  CHECK(json.find("\"role\":\"heading\"") != std::string::npos);
}

TEST_CASE("the welcome can be skipped, and a nickname and buddy chosen, with no typing", "[ui][welcome]") {
  UiHarness ui;
  LoadIdentity(ui.state, *ui.data);
  REQUIRE(ui.state.screen == Screen::Welcome);
  CHECK(core::IsNickname(ui.state.nickname));
  ui.Frame();
  REQUIRE(ui.Tap("Next"));
  REQUIRE(ui.Tap("Next"));
  CHECK(ui.state.ui_record.Find(ui::Role::Heading, "Pick a nickname"));
  const std::string other = ui.state.nickname_choices[2];
  REQUIRE(ui.Tap(other));
  CHECK(ui.state.nickname == other);
  REQUIRE(ui.Tap("Next"));
  REQUIRE(ui.Tap("Panda"));
  CHECK(ui.state.companion == core::Companion::Panda);
  REQUIRE(ui.Tap("Let's go, " + other + "!"));
  CHECK(ui.state.screen == Screen::Home);
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Hello, " + other + "!"));

  AppState again;  // the app opened again on this device
  LoadIdentity(again, *ui.data);
  CHECK(again.screen == Screen::Home);
  CHECK(again.nickname == other);
  CHECK(again.companion == core::Companion::Panda);
}

TEST_CASE("Skip on the first page goes straight home, with a nickname already made", "[ui][welcome]") {
  UiHarness ui;
  LoadIdentity(ui.state, *ui.data);
  ui.Frame();
  REQUIRE(ui.Tap("Skip"));
  CHECK(ui.state.screen == Screen::Home);
  CHECK(ui.state.first_run_done);
  CHECK(core::IsNickname(ui.state.nickname));
}

TEST_CASE("only two words from the friendly lists make a nickname", "[core][nickname]") {
  CHECK(core::IsNickname("Brave Otter"));
  CHECK(core::IsNickname(core::MakeNickname(5, 17)));
  CHECK_FALSE(core::IsNickname("brave otter"));
  CHECK_FALSE(core::IsNickname("Brave"));
  CHECK_FALSE(core::IsNickname("Brave Otter Smith"));
  CHECK_FALSE(core::IsNickname("Jamie Smith"));
  CHECK_FALSE(core::IsNickname(""));
}
