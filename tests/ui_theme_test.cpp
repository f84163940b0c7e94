// Tests of the look and the settings: colours that everyone can read (4.5:1, and 7:1 in
// high contrast), text that grows to 200% without anything cut off or broken mid-word,
// both letter styles with every icon, and choices remembered on the device.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "client/icons.h"
#include "client/ui/theme.h"
#include "store/device_store.h"
#include "ui_harness.h"

namespace {

struct Pair {
  const char* what;
  ImU32 front;
  ImU32 back;
  bool is_text;
};

std::vector<Pair> PairsOf(const ui::Palette& p) {
  return {{"text on the page", p.text, p.background, true},
          {"text on a card", p.text, p.card, true},
          {"hints on the page", p.muted_text, p.background, true},
          {"hints on a card", p.muted_text, p.card, true},
          {"words on a main button", p.on_primary, p.primary, true},
          {"words on a pressed main button", p.on_primary, p.primary_active, true},
          {"words on an outlined button", p.primary, p.card, true},
          {"words on a button that deletes", p.danger, p.card, true},
          {"words on a button that deletes, pressed", p.on_primary, p.danger, true},
          {"words on a chosen option", p.text, p.chosen, true},
          {"icon on the map disc", p.text, p.tint_map, true},
          {"icon on the rate disc", p.text, p.tint_rate, true},
          {"icon on the suggest disc", p.text, p.tint_suggest, true},
          {"icon on the mine disc", p.text, p.tint_mine, true},
          {"icon on the group disc", p.text, p.tint_group, true},
          {"face lines", p.text, p.face, true},
          {"focus ring on the page", p.focus, p.background, false},
          {"focus ring on a card", p.focus, p.card, false}};
}

// Every word of `label` at the button font's size, measured alone.
float LongestWord(const std::string& label) {
  const ui::Fonts& fonts = ui::GetFonts();
  std::istringstream words(label);
  std::string word;
  float longest = 0.0f;
  while (words >> word)
    longest = std::max(longest, fonts.bold->CalcTextSizeA(ui::Scaled(ui::kBodySize), FLT_MAX, 0.0f, word.c_str()).x);
  return longest;
}

}  // namespace

TEST_CASE("every colour pair is readable: 4.5:1 as standard, 7:1 in high contrast", "[ui][theme]") {
  for (const auto& [contrast, text_minimum] : {std::pair{ui::Contrast::Standard, 4.5f}, {ui::Contrast::High, 7.0f}}) {
    for (const Pair& pair : PairsOf(ui::PaletteFor(contrast))) {
      const float ratio = ui::ContrastRatio(pair.front, pair.back);
      INFO((contrast == ui::Contrast::High ? "high contrast: " : "standard: ") << pair.what << " is " << ratio << ":1");
      CHECK(ratio >= (pair.is_text ? text_minimum : 3.0f));
    }
  }
}

TEST_CASE("the contrast sum is the WCAG one", "[ui][theme]") {
  CHECK(ui::ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0f).epsilon(0.01));
  CHECK(ui::ContrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
        Approx(4.48f).epsilon(0.01));
}

TEST_CASE("at 200% text on a phone, no screen is cut off and no word is broken", "[ui][theme][size]") {
  for (ui::FontFamily font : {ui::FontFamily::Atkinson, ui::FontFamily::OpenDyslexic}) {
    UiHarness ui;
    ui.state.preferences.look.text_percent = 200;
    ui.state.preferences.look.font = font;
    ui.state.rating.place_name = "Coventry Central Library";
    for (Screen screen : kAllScreens) {
      for (int step : {0, 8, kRatingCommentStep, kRatingWhenStep, kRatingCheckStep}) {
        ui.state.screen = screen;
        ui.state.rating.step = step;
        ui.Frame();
        ui.Frame();
        REQUIRE(ui.fonts_loaded);
        const ui::FrameRecord& record = ui.state.ui_record;
        INFO("screen " << record.screen_name << ", step " << step
                       << (font == ui::FontFamily::OpenDyslexic ? ", OpenDyslexic" : ", Atkinson"));
        for (const ui::Item& item : record.items) {
          INFO(item.name);
          CHECK(item.rect.x >= 0.0f);
          CHECK(item.rect.x + item.rect.w <= 390.5f);
          if (item.role == ui::Role::Button) CHECK(LongestWord(item.name) <= item.rect.w - 20.0f);
          if (item.role != ui::Role::Text && item.role != ui::Role::Heading && item.role != ui::Role::Status) {
            CHECK(item.rect.w >= ui::kMinTarget);
            CHECK(item.rect.h >= ui::kMinTarget);
          }
        }
        CHECK(record.raw_items.empty());
      }
    }
  }
}

TEST_CASE("OpenDyslexic letters load with every icon, at the size chosen", "[ui][theme][fonts]") {
  UiHarness ui;
  ui.state.preferences.look.font = ui::FontFamily::OpenDyslexic;
  ui.state.preferences.look.text_percent = 150;
  ui.Frame();
  REQUIRE(ui.fonts_loaded);
  for (Icon icon : kAllIcons) CHECK(ui::GetFonts().body->FindGlyphNoFallback(static_cast<ImWchar>(icon)));
  CHECK(ImGui::GetFontSize() == Approx(ui::kBodySize * 1.5f));
  CHECK(ImGui::GetIO().Fonts->TexWidth <= 4096);
  CHECK(ImGui::GetIO().Fonts->TexHeight <= 4096);
}

namespace {

// The names a TrueType file's name table gives for `name_id` (1: family, 4: full, 6:
// PostScript), each as ASCII (Windows' UTF-16 names with their high bytes dropped).
std::vector<std::string> FontNames(const std::string& ttf, int name_id) {
  const auto u16 = [&](std::size_t at) {
    return at + 2 <= ttf.size() ? (static_cast<unsigned char>(ttf[at]) << 8) | static_cast<unsigned char>(ttf[at + 1]) : 0;
  };
  const auto u32 = [&](std::size_t at) { return (static_cast<std::size_t>(u16(at)) << 16) | u16(at + 2); };
  std::vector<std::string> names;
  for (std::size_t table = 0, count = u16(4); table < count; ++table) {
    const std::size_t entry = 12 + 16 * table;
    if (ttf.compare(entry, 4, "name") != 0) continue;
    const std::size_t start = u32(entry + 8), records = u16(start + 2), strings = start + u16(start + 4);
    for (std::size_t r = 0; r < records; ++r) {
      const std::size_t record = start + 6 + 12 * r;
      if (u16(record + 6) != name_id) continue;
      const std::size_t length = u16(record + 8), offset = strings + u16(record + 10);
      const bool wide = u16(record) == 3;  // Windows: UTF-16BE
      std::string name;
      for (std::size_t i = wide ? 1 : 0; i < length && offset + i < ttf.size(); i += wide ? 2 : 1) name += ttf[offset + i];
      names.push_back(name);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("the icon font is our subset, under its own name as the licence asks", "[ui][theme][fonts]") {
  // Material Design Icons' Reserved Font Name may not be the name of a modified version;
  // the subset keeps only the icons icons.h names (every one loads: the test above).
  std::ifstream file(std::string(SAFESPACES_TEST_ASSETS_DIR) + "fonts/SafeSpacesIcons.ttf", std::ios::binary);
  REQUIRE(file);
  const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  for (const int name_id : {1, 4}) {
    const std::vector<std::string> names = FontNames(bytes, name_id);
    REQUIRE(names.size() == 2);  // Macintosh and Windows
    for (const std::string& name : names) CHECK(name == "Safe Spaces Icons");
  }
  for (const std::string& name : FontNames(bytes, 6)) CHECK(name == "SafeSpacesIcons");
  CHECK(bytes.size() < 20000);  // 92 icons; the whole font is 236 KB
}

TEST_CASE("the biggest text on the densest screen still fits the font texture", "[ui][theme][fonts]") {
  UiHarness ui(390.0f, 844.0f, 3.0f);
  ui.state.preferences.look.text_percent = 200;
  ui.Frame();
  REQUIRE(ui.fonts_loaded);
  CHECK(ImGui::GetIO().Fonts->TexWidth <= 4096);
  CHECK(ImGui::GetIO().Fonts->TexHeight <= 4096);
}

TEST_CASE("settings change at once and are remembered on the device", "[ui][settings]") {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Settings"));
  REQUIRE(ui.Tap("Bigger text"));
  CHECK(ui.state.preferences.look.text_percent == 125);
  CHECK(ui.state.ui_record.Find(ui::Role::Text, "Your text size is 125%."));
  REQUIRE(ui.Tap("High contrast colours"));
  CHECK(ui.state.preferences.look.contrast == ui::Contrast::High);
  const ui::Item* high = ui.state.ui_record.Find(ui::Role::Switch, "High contrast colours");
  REQUIRE(high);
  CHECK(high->checked);
  REQUIRE(ui.Tap("Letters for dyslexia (OpenDyslexic)"));
  CHECK(ui.state.preferences.look.font == ui::FontFamily::OpenDyslexic);
  REQUIRE(ui.Tap("Read aloud buttons"));
  CHECK_FALSE(ui.state.preferences.read_aloud);

  const Preferences saved = LoadPreferences(*ui.data);
  CHECK(saved == ui.state.preferences);
}

TEST_CASE("text size stops at 100% and at 200%", "[ui][settings]") {
  UiHarness ui;
  ui.state.screen = Screen::Settings;
  ui.Frame();
  REQUIRE(ui.Tap("Smaller text"));
  CHECK(ui.state.preferences.look.text_percent == 100);
  for (int i = 0; i < 6; ++i) REQUIRE(ui.Tap("Bigger text"));
  CHECK(ui.state.preferences.look.text_percent == 200);
}

TEST_CASE("Read aloud says the welcome, and can be turned off", "[ui][speech]") {
  UiHarness ui;
  ui.Frame();
  REQUIRE(ui.Tap("Read aloud"));
  REQUIRE(ui.spoken.size() == 1);
  CHECK_THAT(ui.spoken[0], Catch::StartsWith("Find places where you feel safe and welcome."));
  ui.state.preferences.read_aloud = false;
  ui.Frame();
  CHECK_FALSE(ui.state.ui_record.Find(ui::Role::Button, "Read aloud"));
}

TEST_CASE("four quick presses from a screen reader in one frame are four presses", "[ui][settings][mirror]") {
  UiHarness ui;
  ui.state.screen = Screen::Settings;
  ui.Frame();
  const ui::Item* bigger = ui.state.ui_record.Find(ui::Role::Button, "Bigger text");
  REQUIRE(bigger);
  for (int i = 0; i < 4; ++i) ui::QueueActivation(bigger->id);
  for (int frame = 0; frame < 6; ++frame) ui.Frame();
  CHECK(ui.state.preferences.look.text_percent == 200);
}
