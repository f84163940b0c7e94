// "I have a restore code": a young person with a new phone types the four words shown
// under Settings on their old one, and their badges and what they sent come back. The
// screen only draws and asks (actions.Restore); client_data.cpp sends and keeps the answer.
#include "client/screens.h"
#include "client/ui/widgets.h"

#include "core/restore_code.h"

std::string RestoreCodeWords(const std::string& code) {
  std::string words = code;
  for (char& c : words)
    if (c == '-') c = ' ';
  return words;
}

void DrawRestoreScreen(const AppState& state, Actions& actions) {
  const RestoreDraft& draft = state.restore;
  ui::BeginScreen("I have a restore code");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("I have a restore code", 1, Icon::Undo);

  if (draft.step == RestoreStep::Done) {
    ui::StatusLine(Icon::CheckCircle, "Welcome back! Your badges are here.");
    ui::Space(8.0f);
    if (ui::Button(Icon::Trophy, "See my progress", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.OpenScreen(Screen::Progress);
    ui::EndScreen();
    return;
  }
  if (!state.can_restore) {
    ui::Paragraph("This phone has already sent things of its own, so it keeps its own badges.");
    ui::Paragraph("Your restore code for this phone is under Settings.");
    ui::EndScreen();
    return;
  }

  constexpr const char* kHow = "Type the four words from your old phone. You find them under Settings.";
  ui::Paragraph(kHow);
  std::string typed = draft.typed;
  ui::TextFieldOptions options;
  options.max_chars = static_cast<int>(core::kMaxRestoreCodeText);
  options.hint = "For example: otter maple lantern cocoa";
  bool submitted = false;
  if (ui::TextField("Your four words", &typed, options, &submitted)) actions.RestoreTyped(typed);
  if (!draft.message.empty()) ui::StatusLine(Icon::Info, draft.message.c_str());
  ui::Space(8.0f);
  if (draft.step == RestoreStep::Asking) {
    ui::StatusLine(Icon::Cloud, "Looking for your badges...");
  } else if (ui::Button(Icon::Trophy, "Get my badges back", ui::ButtonStyle::Primary, ui::ContentWidth()) ||
             submitted) {
    actions.Restore();
  }
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(kHow);
  ui::EndScreen();
}
