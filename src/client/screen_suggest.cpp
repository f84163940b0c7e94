// The "Suggest a place" journey, one question per screen: where it is (the map with a pin,
// or "Use where I am" after a short explanation), what it is called, what kind of place it
// is, why it is a safe space, their first rating (the rating flow's own questions), "Is it
// one of these?" when places on the map are near the pin, then a summary to check, change
// and send. Then "Thank you!" with the honest state of sending. The steps and their rules
// are in client_data.cpp (SuggestNext, SuggestBack); this file only draws them.
#include <imgui.h>

#include <string>

#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "core/map_places.h"
#include "core/validation.h"

namespace {

constexpr int kMainSteps = 6;            // where, name, kind, why, rating, check ("Is it one of these?" is extra)
constexpr float kMinMapHeight = 240.0f;  // CSS px: the picker never gets smaller than this

// "Step 2 of 6": where they are in the journey.
int StepNumber(SuggestStep step) {
  switch (step) {
    case SuggestStep::Where:
    case SuggestStep::Nearby:  // still finding where it is
      return 1;
    case SuggestStep::Name:
      return 2;
    case SuggestStep::Kind:
      return 3;
    case SuggestStep::Why:
      return 4;
    case SuggestStep::Rating:
      return 5;
    case SuggestStep::Check:
      return 6;
  }
  return 1;
}

// Each question is a screen of its own to a screen reader, which says its title when it
// changes (and a new title starts the screen at its top).
std::string ScreenTitle(const SuggestionDraft& draft) {
  switch (draft.step) {
    case SuggestStep::Where:
      return draft.find_me == FindMe::Explaining ? "Suggest a place: use where I am?" : "Suggest a place: where is it?";
    case SuggestStep::Name:
      return "Suggest a place: what is it called?";
    case SuggestStep::Kind:
      return "Suggest a place: what kind of place is it?";
    case SuggestStep::Why:
      return "Suggest a place: why is it a safe space?";
    case SuggestStep::Rating:
      return "Suggest a place: question " + std::to_string(draft.rating.step + 1) + " of " +
             std::to_string(kRatingCheckStep);
    case SuggestStep::Nearby:
      return "Suggest a place: is it one of these?";
    case SuggestStep::Check:
      return "Suggest a place: check and send";
  }
  return "Suggest a place";
}

Icon ReasonIcon(core::SafeReason reason) {
  switch (reason) {
    case core::SafeReason::Quiet:
      return Icon::QuietRoom;
    case core::SafeReason::KindStaff:
      return Icon::Happy;
    case core::SafeReason::BeMyself:
      return Icon::Heart;
    case core::SafeReason::NotTooBusy:
      return Icon::Group;
    case core::SafeReason::EasyToGetTo:
      return Icon::Directions;
    case core::SafeReason::CalmSpace:
      return Icon::Calm;
    case core::SafeReason::FeelSafe:
      return Icon::CheckCircle;
  }
  return Icon::Check;
}

bool HasReason(const SuggestionDraft& draft, core::SafeReason reason) {
  for (core::SafeReason chosen : draft.reasons)
    if (chosen == reason) return true;
  return false;
}

int AnsweredCount(const RatingDraft& rating) {
  int answered = 0;
  for (std::uint8_t faces : rating.scales) answered += faces > 0;
  for (core::Answer answer : rating.facilities) answered += answer != core::Answer::Unanswered;
  return answered;
}

// The top of every step: Back, where they are, and "Read aloud" (beside Back when both fit).
void DrawTop(const AppState& state, Actions& actions, const std::string& read_aloud) {
  const bool both = !read_aloud.empty() && state.preferences.read_aloud;
  const float back_w = ui::ButtonNaturalWidth(Icon::ArrowLeft, "Back");
  const float read_w = ui::ButtonNaturalWidth(Icon::ReadAloud, "Read aloud");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary, back_w)) actions.SuggestBack();
  if (both) {
    if (back_w + read_w + ImGui::GetStyle().ItemSpacing.x <= ui::ContentWidth()) ImGui::SameLine();
    if (ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary, read_w)) actions.ReadAloud(read_aloud);
  }
  const SuggestionDraft& draft = state.suggestion;
  std::string progress =
      "Suggest a place  -  step " + std::to_string(StepNumber(draft.step)) + " of " + std::to_string(kMainSteps);
  if (draft.step == SuggestStep::Rating)
    progress += ", question " + std::to_string(draft.rating.step + 1) + " of " + std::to_string(kRatingCheckStep);
  ui::Paragraph(progress.c_str());
}

// [SECTION] 1. Where is it?

void DrawFindMeExplained(const AppState& state, Actions& actions) {
  constexpr const char* kTitle = "Use where I am?";
  constexpr const char* kAsk = "Your phone will ask if Safe Spaces can see where you are.";
  constexpr const char* kUse = "We only use it to move the map. We never keep it.";
  constexpr const char* kOr = "You can say no and move the map yourself.";
  DrawTop(state, actions, std::string(kTitle) + " " + kAsk + " " + kUse + " " + kOr);
  ui::Heading(kTitle, 1, Icon::WhereIAm);
  ui::Paragraph(kAsk);
  ui::Paragraph(kUse);
  ui::Paragraph(kOr);
  ui::Space(8.0f);
  if (ui::Button(Icon::WhereIAm, "Yes, find where I am", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.SuggestFindMe(FindMe::Asking);
  if (ui::Button(Icon::Map, "No, I will move the map", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.SuggestFindMe(FindMe::Off);
}

void DrawWhere(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  if (draft.find_me == FindMe::Explaining) {
    DrawFindMeExplained(state, actions);
    return;
  }
  constexpr const char* kTitle = "Where is it?";
  constexpr const char* kHow = "Move the map until the pin is on the place.";
  DrawTop(state, actions, std::string(kTitle) + " " + kHow);
  ui::Heading(kTitle, 1, Icon::MapMarker);
  ui::Paragraph(kHow);
  const std::string message =
      draft.find_me == FindMe::Asking ? std::string("Looking for where you are...") : draft.where_message;

  // The map takes what the buttons under it leave of the visible screen.
  const float button_h = std::max(ui::kMinTarget, ui::Scaled(ui::kBodySize) * 1.25f + 22.0f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  // Under the map: the picker's own row of arrows, then our two buttons.
  float below = ui::ToolButtonHeight() + 2.0f * spacing + 2.0f * (button_h + spacing) + ui::kScreenPadding;
  if (!message.empty()) below += ui::Scaled(ui::kBodySize) * 1.3f * 3.0f + spacing;
  const float height = std::max(kMinMapHeight, ImGui::GetContentRegionAvail().y - below);
  DrawMapPicker(state, actions, height);

  if (!message.empty()) ui::StatusLine(Icon::Info, message.c_str());
  if (ui::Button(Icon::MapMarker, "This is the place", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.SuggestHere();
  if (ui::Button(Icon::WhereIAm, "Use where I am", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.SuggestFindMe(FindMe::Explaining);
}

// [SECTION] 2. What is it called?

void DrawName(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  constexpr const char* kTitle = "What is it called?";
  constexpr const char* kHow = "Write the name on its sign, or the name people call it.";
  DrawTop(state, actions, std::string(kTitle) + " " + kHow);
  ui::Heading(kTitle, 1, Icon::Letters);
  ui::Paragraph(kHow);
  std::string name = draft.name;
  ui::TextFieldOptions options;
  options.max_chars = static_cast<int>(core::kNameMaxChars);
  options.hint = "For example: Central Library";
  bool submitted = false;
  if (ui::TextField("The name of the place", &name, options, &submitted)) actions.SuggestName(name);
  if (!draft.name_problem.empty()) ui::StatusLine(Icon::Info, draft.name_problem.c_str());
  ui::Space(8.0f);
  if (ui::Button(Icon::Check, "Next", ui::ButtonStyle::Primary, ui::ContentWidth()) || submitted) actions.SuggestNext();
}

// [SECTION] 3. What kind of place is it?

void DrawKind(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  constexpr const char* kTitle = "What kind of place is it?";
  std::string read = kTitle;
  for (core::Category category : core::kAllCategories)
    read.append(" ").append(core::CategoryLabel(category)).append(".");
  DrawTop(state, actions, read);
  ui::Heading(kTitle, 1, Icon::MapMarker);
  for (core::Category category : core::kAllCategories) {
    const std::string label(core::CategoryLabel(category));
    if (ui::ChoiceButton(CategoryIcon(category), label.c_str(), kTitle,
                         draft.kind_chosen && draft.category == category)) {
      actions.SuggestKind(category);
      actions.SuggestNext();
    }
  }
  if (draft.kind_chosen) {
    ui::Space(8.0f);
    if (ui::Button(Icon::Check, "Next", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.SuggestNext();
  }
}

// [SECTION] 4. Why is it a safe space?

void DrawWhy(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  constexpr const char* kTitle = "Why is it a safe space?";
  constexpr const char* kHow = "Turn on all that are true for you.";
  constexpr const char* kCare =
      "Please do not write names, phone numbers or addresses. A council worker reads it first.";
  std::string read = std::string(kTitle) + " " + kHow;
  for (core::SafeReason reason : core::kAllSafeReasons)
    read.append(" ").append(core::SafeReasonLabel(reason)).append(".");
  DrawTop(state, actions, read);
  ui::Heading(kTitle, 1, Icon::Heart);
  ui::Paragraph(kHow);
  for (core::SafeReason reason : core::kAllSafeReasons) {
    const std::string label(core::SafeReasonLabel(reason));
    const bool on = HasReason(draft, reason);
    if (ui::Toggle(ReasonIcon(reason), label.c_str(), on)) actions.SuggestReason(reason, !on);
  }
  ui::Space(8.0f);
  ui::Paragraph(kCare);
  std::string why = draft.why;
  ui::TextFieldOptions options;
  options.multiline = true;
  options.max_chars = static_cast<int>(core::kWhyMaxChars);
  if (ui::TextField("In your own words (you do not have to write anything)", &why, options)) actions.SuggestWhy(why);
  if (!state.problem.empty()) ui::StatusLine(Icon::Info, state.problem.c_str());
  ui::Space(8.0f);
  if (ui::Button(Icon::Check, "Next", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.SuggestNext();
}

// [SECTION] 5. Your first rating (the rating flow's questions)

void DrawFirstRating(const AppState& state, Actions& actions) {
  DrawTop(state, actions, "");  // each question has its own "Read aloud"
  if (state.suggestion.rating.step == 0) ui::Paragraph("Now tell us how it felt when you went.");
  DrawRatingQuestion(state, state.suggestion.rating, RatingFor::Suggestion, "Finish the questions", actions);
}

// [SECTION] 1b. Is it one of these? (straight after the pin)

void DrawNearby(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  constexpr const char* kTitle = "Is it one of these?";
  constexpr const char* kWhat = "These places are on the map already, close to your pin.";
  constexpr const char* kTap = "Tap one to see it. If it is your place, you can rate it there.";
  DrawTop(state, actions, std::string(kTitle) + " " + kWhat + " " + kTap);
  ui::Heading(kTitle, 1, Icon::MapMarker);
  ui::Paragraph(kWhat);
  ui::Paragraph(kTap);
  for (const core::PlaceDistance& near : core::PlacesWithin(state.places, draft.lat, draft.lon, kNearbyMetres)) {
    const core::Place& place = state.places[near.index].place;
    const std::string detail =
        std::string(core::CategoryLabel(place.category)) + " - " + core::DistanceText(near.metres) + " from your pin";
    ImGui::PushID(place.id.c_str());
    if (ui::ListButton(CategoryIcon(place.category), place.name.c_str(), detail.c_str())) actions.OpenPlace(place.id);
    ImGui::PopID();
  }
  ui::Space(8.0f);
  if (ui::Button(Icon::Plus, "No, mine is new", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.SuggestNext();
}

// [SECTION] 7. Check and send

// "40 m from Central Library", or honestly only that it is where they put the pin.
std::string WhereWords(const AppState& state) {
  const SuggestionDraft& draft = state.suggestion;
  if (!draft.placed) return "Not chosen yet";
  constexpr double kLandmarkMetres = 1000.0;  // metres: further than this, a place is no help
  const std::vector<core::PlaceDistance> near = core::PlacesWithin(state.places, draft.lat, draft.lon, kLandmarkMetres);
  if (near.empty()) return "Where you put the pin on the map";
  return core::DistanceText(near.front().metres) + " from " + state.places[near.front().index].place.name;
}

void DrawCheck(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  constexpr const char* kTitle = "Check your place";
  constexpr const char* kHow = "Is this right? You can change anything before you send.";
  struct Row {
    std::string question, answer;
    SuggestStep step;
  };
  // "It is quiet. The staff are kind. Your words: ..."
  std::string reasons;
  for (core::SafeReason reason : draft.reasons)
    reasons.append(reasons.empty() ? "" : " ").append(core::SafeReasonLabel(reason)).append(".");
  const std::string why_words = core::TrimText(draft.why);
  if (!why_words.empty()) reasons.append(reasons.empty() ? "" : " ").append("Your words: ").append(why_words);
  if (reasons.empty()) reasons = "Nothing chosen";
  const int answered = AnsweredCount(draft.rating);
  const std::string rating = (answered == 0   ? std::string("No questions answered yet")
                              : answered == 1 ? std::string("1 question answered")
                                              : std::to_string(answered) + " questions answered") +
                             ". You went: " + VisitWords(state, draft.rating.months_ago) + ".";
  const Row rows[] = {
      {"Where it is", WhereWords(state), SuggestStep::Where},
      {"Name", core::TrimText(draft.name), SuggestStep::Name},
      {"Kind of place", draft.kind_chosen ? std::string(core::CategoryLabel(draft.category)) : "Not chosen yet",
       SuggestStep::Kind},
      {"Why it is a safe space", reasons, SuggestStep::Why},
      {"Your rating", rating, SuggestStep::Rating},
  };
  std::string read = std::string(kTitle) + ". " + kHow;
  for (const Row& row : rows) read += " " + row.question + ": " + row.answer + ".";
  DrawTop(state, actions, read);
  ui::Heading(kTitle, 1, Icon::Check);
  ui::Paragraph(kHow);
  for (const Row& row : rows) {
    const std::string line = row.question + ": " + row.answer;
    ui::Paragraph(line.c_str());
    const std::string change = "Change: " + row.question;
    if (ui::Button(Icon::Undo, change.c_str(), ui::ButtonStyle::Secondary)) actions.SuggestGoTo(row.step);
  }
  ui::Space(8.0f);
  ui::Paragraph("We keep it on this device first, then send it. Nobody sees your name.");
  if (!state.problem.empty()) ui::StatusLine(Icon::Info, state.problem.c_str());
  if (ui::Button(Icon::Send, "Send", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.SendSuggestion();
}

}  // namespace

void DrawSuggestPlaceScreen(const AppState& state, Actions& actions) {
  const SuggestionDraft& draft = state.suggestion;
  ui::BeginScreen(ScreenTitle(draft).c_str());
  // A new id for each question, so a tap on one never presses what takes its place.
  ImGui::PushID(static_cast<int>(draft.step) * 100 + (draft.step == SuggestStep::Rating ? draft.rating.step : 0) +
                (draft.find_me == FindMe::Explaining ? 50 : 0));
  switch (draft.step) {
    case SuggestStep::Where:
      DrawWhere(state, actions);
      break;
    case SuggestStep::Name:
      DrawName(state, actions);
      break;
    case SuggestStep::Kind:
      DrawKind(state, actions);
      break;
    case SuggestStep::Why:
      DrawWhy(state, actions);
      break;
    case SuggestStep::Rating:
      DrawFirstRating(state, actions);
      break;
    case SuggestStep::Nearby:
      DrawNearby(state, actions);
      break;
    case SuggestStep::Check:
      DrawCheck(state, actions);
      break;
  }
  ImGui::PopID();
  ui::EndScreen();
}

void DrawSuggestDoneScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Thank you for your place");
  ui::Heading("Thank you!", 1, Icon::Happy);
  DrawCelebration(state, actions);
  constexpr const char* kCheck = "A council worker will check your place before it goes on the map.";
  ui::Paragraph(kCheck);
  ui::Paragraph("You can see how it is going in My places.");
  DrawSyncStatus(state);
  ui::Space(8.0f);
  if (ui::Button(Icon::Heart, "My places", ui::ButtonStyle::Secondary, ui::ContentWidth())) {
    actions.GoHome();
    actions.OpenScreen(Screen::MyPlaces);
  }
  if (ui::Button(Icon::Home, "Go to the start", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.GoHome();
  ui::EndScreen();
}
