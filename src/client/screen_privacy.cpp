// "Your privacy": what Safe Spaces keeps about a young person, who sees it, for how long,
// and their choices, one short line each with an icon (read aloud as one text). Then
// "Delete everything I sent": what it does, a calm choice, the wait and "Done". The screens
// only draw and ask (actions.EraseEverything); client_data.cpp sends it and forgets.
// The facts here must stay true of the server: see the README's privacy section.
#include <span>
#include <string>

#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

struct Line {
  Icon icon;
  const char* words;
};

struct Part {
  const char* heading;
  Icon icon;
  std::span<const Line> lines;
};

// What the page says, in the order it says it. Neutral words: nothing here nudges.
constexpr Line kWhatWeKeep[] = {
    {Icon::Phone, "Your nickname and your buddy stay on this device."},
    {Icon::Send, "Places you rate or suggest go to the council's Safe Spaces computer."},
    {Icon::Star, "Your answers about them go there too."},
    {Icon::Calendar, "We keep the month you went. Never the day or the time."},
    {Icon::Key, "This device gets a random number. It is not your phone number."},
    {Icon::Close, "We never ask for your name, email, phone number or photo."},
    {Icon::NoLocation, "We never keep where you are."},
    {Icon::WhereIAm, "The map only finds you when you tap \"Use where I am\"."},
};
constexpr Line kWhoSees[] = {
    {Icon::CheckCircle, "A council worker checks new places and words first."},
    {Icon::Map, "Then everyone can see them in Safe Spaces."},
    {Icon::Hide, "Nobody can see who sent them."},
    {Icon::Group, "In a group, your youth worker's big screen shows your nickname."},
};
// The server deletes places not added, and hidden words, after --keep-rejected-days (90 by default).
constexpr Line kHowLong[] = {
    {Icon::Clock, "Places that were not added are deleted after 3 months."},
    {Icon::Hide, "Words a council worker hid are deleted after 3 months too."},
    {Icon::Saved, "Everything else stays until you delete it."},
};
constexpr Part kParts[] = {
    {"What we keep", Icon::Saved, kWhatWeKeep},
    {"Who sees it", Icon::Eye, kWhoSees},
    {"How long we keep it", Icon::Calendar, kHowLong},
};

constexpr float kPartGap = 16.0f;  // CSS px above each part's heading
constexpr const char* kIntro = "What Safe Spaces keeps about you, who sees it, and for how long.";
constexpr const char* kChoices = "Your choices";
constexpr const char* kCanAsk = "You can ask about your data. Ask your youth worker or the council.";

std::string PrivacyWords() {
  std::string words = std::string("Your privacy. ") + kIntro;
  for (const Part& part : kParts) {
    words += std::string(" ") + part.heading + ".";
    for (const Line& line : part.lines) words += std::string(" ") + line.words;
  }
  return words + " " + kChoices + ". You can delete everything you sent. " + kCanAsk;
}

// What "Yes, delete everything" does, one idea a line.
const Line kWhatHappens[] = {
    {Icon::Delete, "This deletes the places you rated and suggested from Safe Spaces."},
    {Icon::Trophy, "Your badges and points go back to the start."},
    {Icon::Map, "Places the council already added stay on the map."},
    {Icon::Hide, "But nothing says you sent them."},
    {Icon::Phone, "Your nickname, buddy and settings stay on this device."},
    {Icon::Alert, "You cannot get it back."},
};

void ReadAloudButton(const AppState& state, Actions& actions, std::string words) {
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(std::move(words));
}

}  // namespace

void DrawPrivacyScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Your privacy");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Your privacy", 1, Icon::Shield);
  ui::Paragraph(kIntro);
  ReadAloudButton(state, actions, PrivacyWords());
  for (const Part& part : kParts) {
    ui::Space(kPartGap);  // each part a block of its own, so the eye finds where one ends
    ui::Heading(part.heading, 2, part.icon);
    for (const Line& line : part.lines) ui::IconLine(line.icon, line.words);
  }
  ui::Space(kPartGap);
  ui::Heading(kChoices, 2, Icon::Check);
  if (ui::Button(Icon::Delete, "Delete everything I sent", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.AskErase();
  ui::Space(8.0f);
  ui::IconLine(Icon::Greeting, kCanAsk);
  ui::EndScreen();
}

void DrawDeleteSentScreen(const AppState& state, Actions& actions) {
  const EraseState& erase = state.erase;
  ui::BeginScreen("Delete everything I sent");
  if (erase.step == EraseStep::Done) {
    ui::Heading("Delete everything I sent", 1, Icon::Delete);
    ui::StatusLine(Icon::CheckCircle, "Done. Everything you sent is deleted.");
    ui::IconLine(Icon::Phone, "Your nickname, buddy and settings are still here.");
    ui::Space(8.0f);
    if (ui::Button(Icon::Home, "Back to home", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.GoHome();
    ui::EndScreen();
    return;
  }
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Delete everything I sent", 1, Icon::Delete);
  std::string words = "Delete everything I sent.";
  for (const Line& line : kWhatHappens) words += std::string(" ") + line.words;
  ReadAloudButton(state, actions, std::move(words));
  for (const Line& line : kWhatHappens) ui::IconLine(line.icon, line.words);
  ui::Space(8.0f);
  if (erase.step == EraseStep::Deleting) {
    ui::StatusLine(Icon::Hourglass, "Deleting what you sent. Please wait.");
    ui::EndScreen();
    return;
  }
  if (!erase.message.empty()) ui::StatusLine(Icon::Info, erase.message.c_str());
  // The choice that keeps things comes first and is the filled one; deleting is outlined in red.
  if (ui::Button(Icon::ArrowLeft, "No, keep it", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.Back();
  ui::Space(8.0f);
  if (ui::Button(Icon::Delete, "Yes, delete everything", ui::ButtonStyle::Danger, ui::ContentWidth()))
    actions.EraseEverything();
  ui::EndScreen();
}
