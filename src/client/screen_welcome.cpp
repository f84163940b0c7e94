// The first run: a short, skippable welcome in easy-read words. What Safe Spaces is for,
// what happens to what you share, then a nickname from friendly word lists (never typed,
// never a real name) and a buddy. Every page can be skipped; nothing here is sent.
#include <algorithm>
#include <string>
#include <vector>

#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

void NextAndSkip(const AppState& state, Actions& actions, const char* next_label) {
  ui::Space(8.0f);
  if (ui::Button(Icon::Check, next_label, ui::ButtonStyle::Primary, ui::ContentWidth())) {
    if (state.welcome_step >= 3) actions.FinishWelcome();
    else actions.WelcomeStep(state.welcome_step + 1);
  }
  if (state.welcome_step < 3 && ui::Button(Icon::Skip, "Skip", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.FinishWelcome();
}

void ReadAloudButton(const AppState& state, Actions& actions, std::string text) {
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(std::move(text));
}

}  // namespace

Icon CompanionIcon(core::Companion companion) {
  switch (companion) {
    case core::Companion::Cat: return Icon::Cat;
    case core::Companion::Owl: return Icon::Owl;
    case core::Companion::Duck: return Icon::Duck;
    case core::Companion::Panda: return Icon::Panda;
    case core::Companion::Fish: return Icon::Fish;
  }
  return Icon::Cat;
}

void DrawWelcomeScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Welcome to Safe Spaces");
  if (state.welcome_step > 0 && ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary))
    actions.WelcomeStep(state.welcome_step - 1);
  switch (state.welcome_step) {
    case 0: {
      constexpr const char* kLines[] = {"Find places where young people feel safe and welcome.",
                                        "Rate places you go to. Tell us about new ones.",
                                        "It is free, and you do not need an account."};
      ui::Heading("Welcome to Safe Spaces!", 1, Icon::MapMarker);
      ReadAloudButton(state, actions, std::string(kLines[0]) + " " + kLines[1] + " " + kLines[2]);
      for (const char* line : kLines) ui::Paragraph(line);
      NextAndSkip(state, actions, "Next");
      break;
    }
    case 1: {
      constexpr const char* kLines[] = {"We never ask for your name, email or phone number.",
                                        "A council worker checks every idea and every comment first. Nobody else sees "
                                        "your words until then.",
                                        "You can take back anything you sent."};
      ui::Heading("What happens to what you share", 1, Icon::Info);
      ReadAloudButton(state, actions, std::string(kLines[0]) + " " + kLines[1] + " " + kLines[2]);
      for (const char* line : kLines) ui::Paragraph(line);
      NextAndSkip(state, actions, "Next");
      break;
    }
    case 2: {
      ui::Heading("Pick a nickname", 1, Icon::Happy);
      ReadAloudButton(state, actions, "Pick a nickname. Your nickname is " + state.nickname + ".");
      ui::Paragraph("This is how Safe Spaces will call you. It is not your real name.");
      // The name you have now stays on the list while you look at others.
      std::vector<std::string> choices(state.nickname_choices.begin(), state.nickname_choices.end());
      if (std::find(choices.begin(), choices.end(), state.nickname) == choices.end())
        choices.insert(choices.begin(), state.nickname);
      for (const std::string& choice : choices)
        if (ui::ChoiceButton(Icon::Happy, choice.c_str(), "Pick a nickname", choice == state.nickname))
          actions.ChooseNickname(choice);
      if (ui::Button(Icon::Undo, "Show me other names", ui::ButtonStyle::Secondary, ui::ContentWidth()))
        actions.ShuffleNicknames();
      NextAndSkip(state, actions, "Next");
      break;
    }
    default: {
      ui::Heading("Pick a buddy", 1, CompanionIcon(state.companion));
      ReadAloudButton(state, actions, "Pick a buddy. Your buddy will cheer you on.");
      ui::Paragraph("Your buddy will cheer you on.");
      for (core::Companion companion : core::kAllCompanions) {
        const std::string label(core::CompanionLabel(companion));
        if (ui::ChoiceButton(CompanionIcon(companion), label.c_str(), "Pick a buddy", companion == state.companion))
          actions.ChooseCompanion(companion);
      }
      const std::string go = "Let's go, " + state.nickname + "!";
      NextAndSkip(state, actions, go.c_str());
      break;
    }
  }
  ui::EndScreen();
}
