// Settings: text size, letters, colours, movement, sounds and read aloud. Every change
// shows at once and is remembered on this device; nothing here needs an account. Then
// privacy ("Your privacy" and "Delete everything I sent": screen_privacy.cpp) and the
// restore code: four random words that bring the badges back on a new phone. Last, the
// way in for staff (screen_staff_login.cpp).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"

namespace {

constexpr int kTextStep = 25;  // percent per tap of Bigger / Smaller

}  // namespace

void DrawSettingsScreen(const AppState& state, Actions& actions) {
  const Preferences& now = state.preferences;
  Preferences next = now;
  ui::BeginScreen("Settings");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Settings", 1, Icon::Settings);
  ui::Paragraph("Change how Safe Spaces looks and sounds. This device remembers your choices.");

  ui::Heading("Text size", 2, Icon::TextSize);
  const std::string size_now = "Your text size is " + std::to_string(now.look.text_percent) + "%.";
  ui::Paragraph(size_now.c_str());
  // Side by side while both fit on one line; one above the other at big text sizes.
  const float half = (ui::ContentWidth() - 12.0f) * 0.5f;
  const bool side_by_side = ui::ButtonNaturalWidth(Icon::Minus, "Smaller text") <= half &&
                            ui::ButtonNaturalWidth(Icon::Plus, "Bigger text") <= half;
  const float width = side_by_side ? half : ui::ContentWidth();
  if (ui::Button(Icon::Minus, "Smaller text", ui::ButtonStyle::Secondary, width))
    next.look.text_percent = std::max(ui::kMinTextPercent, now.look.text_percent - kTextStep);
  if (side_by_side) ImGui::SameLine(0.0f, 12.0f);
  if (ui::Button(Icon::Plus, "Bigger text", ui::ButtonStyle::Secondary, width))
    next.look.text_percent = std::min(ui::kMaxTextPercent, now.look.text_percent + kTextStep);

  ui::Heading("Letters", 2, Icon::Letters);
  if (ui::ChoiceButton(Icon::Letters, "Clear letters (Atkinson Hyperlegible)", "Letters",
                       now.look.font == ui::FontFamily::Atkinson))
    next.look.font = ui::FontFamily::Atkinson;
  if (ui::ChoiceButton(Icon::Letters, "Letters for dyslexia (OpenDyslexic)", "Letters",
                       now.look.font == ui::FontFamily::OpenDyslexic))
    next.look.font = ui::FontFamily::OpenDyslexic;

  ui::Heading("Colours, movement and sound", 2, Icon::Contrast);
  if (ui::Toggle(Icon::Contrast, "High contrast colours", now.look.contrast == ui::Contrast::High))
    next.look.contrast = now.look.contrast == ui::Contrast::High ? ui::Contrast::Standard : ui::Contrast::High;
  if (ui::Toggle(Icon::Calm, "Less movement", now.reduce_motion)) next.reduce_motion = !now.reduce_motion;
  if (ui::Toggle(Icon::Sound, "Sounds", now.sounds)) next.sounds = !now.sounds;
  if (ui::Toggle(Icon::Speech, "Read aloud buttons", now.read_aloud)) next.read_aloud = !now.read_aloud;

  if (!(next == now)) actions.SetPreferences(next);

  // What Safe Spaces keeps and who sees it, and the way to delete what this device sent.
  ui::Heading("Privacy", 2, Icon::Shield);
  if (ui::Button(Icon::Info, "Your privacy", ui::ButtonStyle::Secondary)) actions.OpenScreen(Screen::Privacy);
  if (ui::Button(Icon::Delete, "Delete everything I sent", ui::ButtonStyle::Secondary)) actions.AskErase();

  // The four words that bring this device's badges back on a new phone. They are random,
  // never the young person's name, so they can be shown and read aloud freely.
  ui::Heading("Your restore code", 2, Icon::Saved);
  if (!state.restore_code.empty()) {
    const std::string words = RestoreCodeWords(state.restore_code);
    ui::IconLine(Icon::Star, words.c_str());
    constexpr const char* kWhy =
        "If you get a new phone, type these words to get your badges back. Keep them safe. They are not your name.";
    ui::Paragraph(kWhy);
    if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
      actions.ReadAloud("Your restore code is: " + words + ". " + kWhy);
  }
  if (ui::Button(Icon::Undo, "I have a restore code", ui::ButtonStyle::Secondary)) actions.OpenScreen(Screen::Restore);

  // Staff (co-production sessions): the way in for youth workers and officers, at the end
  // of Settings, where young people do not stumble on it.
  ui::Heading("For staff", 2, Icon::Key);
  if (ui::Button(Icon::Key, "I am a youth worker or council officer", ui::ButtonStyle::Secondary))
    actions.OpenScreen(state.staff.logged_in ? Screen::StaffHome : Screen::StaffLogin);
  ui::EndScreen();
}
