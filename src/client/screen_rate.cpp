// The rating journey: pick the place you went to, answer one question per screen (six rows
// of faces, then eight yes / no / not sure questions; every one can be skipped), send, and
// see honestly where it is ("Saved on this device", "Sent!"). No timer, always a way back.
// The questions themselves (DrawRatingQuestion) also ask for a suggested place's first rating.
#include <string>

#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "core/model.h"
#include "core/validation.h"

namespace {

constexpr int kScaleSteps = static_cast<int>(core::kScaleCount);
constexpr int kSendStep = kRatingCheckStep;
constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kFaceWords[] = {"No", "Not really", "A bit", "Mostly", "Yes, a lot"};

const char* MonthName(int month_1_to_12, int months_back) {
  return kMonthNames[((month_1_to_12 - 1 - months_back) % 12 + 12) % 12];
}

const char* AnswerWords(core::Answer answer) {
  switch (answer) {
    case core::Answer::Yes: return "Yes";
    case core::Answer::No: return "No";
    case core::Answer::NotSure: return "Not sure";
    case core::Answer::Unanswered: break;
  }
  return "";
}

// The summary: each answer, with a button to go back and change it.
void DrawCheckAnswers(const AppState& state, Actions& actions) {
  const RatingDraft& draft = state.rating;
  ui::Heading("Check your answers", 1, Icon::Check);
  ui::Paragraph("Is this right? You can change anything before you send.");
  bool any = false;
  auto row = [&](const std::string& question, const std::string& answer, int step) {
    any = true;
    const std::string line = question + ": " + answer;
    ui::Paragraph(line.c_str());
    const std::string change = "Change: " + question;
    ImGui::PushID(step);
    if (ui::Button(Icon::Undo, change.c_str(), ui::ButtonStyle::Secondary)) actions.RatingStep(step);
    ImGui::PopID();
  };
  for (std::size_t i = 0; i < core::kScaleCount; ++i)
    if (draft.scales[i] > 0) row(std::string(core::ScaleLabel(core::kAllScales[i])), kFaceWords[draft.scales[i] - 1], static_cast<int>(i));
  for (std::size_t i = 0; i < core::kFacilityCount; ++i)
    if (draft.facilities[i] != core::Answer::Unanswered)
      row(std::string(core::FacilityLabel(core::kAllFacilities[i])), AnswerWords(draft.facilities[i]),
          static_cast<int>(core::kScaleCount + i));
  if (!draft.comment.empty()) row("Your words", draft.comment, kRatingCommentStep);
  ui::Paragraph(("When you went: " + VisitWords(state, draft.months_ago)).c_str());
  if (!any) ui::Paragraph("You have not answered any questions yet. Please go back and answer one.");
  ui::Paragraph("We keep it on this device first, then send it. Nobody sees your name.");
}

ui::Answer3 ToAnswer3(core::Answer answer) {
  switch (answer) {
    case core::Answer::Yes: return ui::Answer3::Yes;
    case core::Answer::No: return ui::Answer3::No;
    case core::Answer::NotSure: return ui::Answer3::NotSure;
    case core::Answer::Unanswered: break;
  }
  return ui::Answer3::None;
}

core::Answer FromAnswer3(ui::Answer3 answer) {
  switch (answer) {
    case ui::Answer3::Yes: return core::Answer::Yes;
    case ui::Answer3::No: return core::Answer::No;
    case ui::Answer3::NotSure: return core::Answer::NotSure;
    case ui::Answer3::None: break;
  }
  return core::Answer::Unanswered;
}

// "Is there a step-free way in?": the facility's label turned into a question.
std::string FacilityQuestion(core::Facility facility) {
  switch (facility) {
    case core::Facility::QuietSpace: return "Is there a quiet room or space?";
    case core::Facility::AccessibleToilet: return "Is there an accessible toilet?";
    case core::Facility::ChangingPlaces: return "Is there a Changing Places toilet?";
    case core::Facility::StepFree: return "Is there a step-free way in?";
    case core::Facility::HearingLoop: return "Is there a hearing loop?";
    case core::Facility::PlacesToSit: return "Are there places to sit?";
    case core::Facility::OutsideSpace: return "Is there outside space?";
    case core::Facility::QuietTimes: return "Are there quiet or sensory-friendly times?";
  }
  return "";
}

}  // namespace

void DrawRatePickPlaceScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Rate a place");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Rate a place", 1, Icon::Star);
  if (state.places.empty()) {
    ui::Paragraph("There are no places on the map yet.");
    ui::Paragraph("You can suggest a place you like!");
    if (ui::Button(Icon::MapMarkerPlus, "Suggest a place", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.OpenScreen(Screen::SuggestPlace);
  } else {
    ui::Paragraph("Which place did you go to?");
    for (const core::PublicPlace& entry : state.places) {
      ImGui::PushID(entry.place.id.c_str());
      const std::string detail(core::CategoryLabel(entry.place.category));
      if (ui::ListButton(Icon::MapMarker, entry.place.name.c_str(), detail.c_str()))
        actions.StartRating(entry.place.id);
      ImGui::PopID();
    }
  }
  ui::EndScreen();
}

void DrawRatingQuestion(const AppState& state, const RatingDraft& draft, RatingFor which, const char* finish_label,
                        Actions& actions) {
  const bool read_aloud = state.preferences.read_aloud;
  if (draft.step < kScaleSteps) {
    const auto scale = core::kAllScales[static_cast<std::size_t>(draft.step)];
    const std::string question(core::ScaleLabel(scale));
    ui::Heading(question.c_str(), 1);
    if (read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
      actions.ReadAloud(question + ". Choose a face: No. Not really. A bit. Mostly. Yes, a lot.");
    const int tapped = ui::FaceChoice(question.c_str(), draft.scales[static_cast<std::size_t>(draft.step)]);
    if (tapped > 0) {
      actions.AnswerScale(draft.step, tapped, which);
      actions.RatingStep(draft.step + 1, which);
    }
  } else if (draft.step < kRatingCommentStep) {
    const std::size_t index = static_cast<std::size_t>(draft.step - kScaleSteps);
    const std::string question = FacilityQuestion(core::kAllFacilities[index]);
    ui::Heading(question.c_str(), 1);
    if (read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
      actions.ReadAloud(question + " Yes. No. Or not sure.");
    const ui::Answer3 tapped = ui::YesNoChoice(question.c_str(), ToAnswer3(draft.facilities[index]));
    if (tapped != ui::Answer3::None) {
      actions.AnswerFacility(static_cast<int>(index), FromAnswer3(tapped), which);
      actions.RatingStep(draft.step + 1, which);
    }
  } else if (draft.step == kRatingCommentStep) {
    constexpr const char* kAsk = "Anything else you want to tell us?";
    constexpr const char* kEmptyOk = "You can leave this empty.";
    constexpr const char* kCare = "Please do not write names, phone numbers or addresses. A council worker reads it first.";
    ui::Heading(kAsk, 1);
    if (read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
      actions.ReadAloud(std::string(kAsk) + " " + kEmptyOk + " " + kCare);
    ui::Paragraph(kEmptyOk);
    ui::Paragraph(kCare);
    std::string comment = draft.comment;
    ui::TextFieldOptions options;
    options.multiline = true;
    options.max_chars = static_cast<int>(core::kCommentMaxChars);
    if (ui::TextField("Your words (you do not have to write anything)", &comment, options))
      actions.RatingComment(std::move(comment), which);
  } else {
    constexpr const char* kAsk = "When did you go?";
    ui::Heading(kAsk, 1, Icon::Clock);
    const std::string options[] = {std::string("This month (") + MonthName(state.this_month, 0) + ")",
                                   std::string("Last month (") + MonthName(state.this_month, 1) + ")",
                                   std::string("Before that (") + MonthName(state.this_month, 2) + " or earlier)"};
    if (read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
      actions.ReadAloud(std::string(kAsk) + " " + options[0] + ". " + options[1] + ". " + options[2] + ".");
    for (int i = 0; i < 3; ++i) {
      if (ui::ChoiceButton(Icon::Clock, options[i].c_str(), kAsk, draft.months_ago == i)) {
        actions.RatingWhen(i, which);
        actions.RatingStep(draft.step + 1, which);
      }
    }
  }

  ui::Space(8.0f);
  if (!state.problem.empty()) ui::StatusLine(Icon::Info, state.problem.c_str());
  if (draft.step == kRatingCommentStep) {
    if (ui::Button(Icon::Check, "Next", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.RatingStep(draft.step + 1, which);
  } else {
    if (ui::Button(Icon::Skip, "Skip this question", ui::ButtonStyle::Secondary, ui::ContentWidth()))
      actions.RatingStep(draft.step + 1, which);
  }
  if (ui::Button(Icon::Send, finish_label, ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.RatingStep(kRatingCheckStep, which);
}

void DrawRateQuestionScreen(const AppState& state, Actions& actions) {
  const RatingDraft& draft = state.rating;
  ui::BeginScreen("Rate a place: a question");
  ImGui::PushID(draft.step);
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) {
    if (draft.step == 0) actions.Back();
    else actions.RatingStep(draft.step - 1);
  }
  const std::string progress = draft.step < kSendStep ? draft.place_name + "  -  question " +
                                                          std::to_string(draft.step + 1) + " of " + std::to_string(kSendStep)
                                                    : draft.place_name;
  ui::Paragraph(progress.c_str());

  if (draft.step < kSendStep) {
    DrawRatingQuestion(state, draft, RatingFor::Rating, "Finish: check and send", actions);
  } else {
    DrawCheckAnswers(state, actions);
    ui::Space(8.0f);
    if (!state.problem.empty()) ui::StatusLine(Icon::Info, state.problem.c_str());
    if (ui::Button(Icon::Send, "Send", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.SendRating();
  }
  ImGui::PopID();
  ui::EndScreen();
}

void DrawRateDoneScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Thank you");
  ui::Heading("Thank you!", 1, Icon::Happy);
  DrawCelebration(state, actions);
  ui::Paragraph("Your rating helps other young people find places that suit them.");
  DrawSyncStatus(state);
  ui::Space(8.0f);
  if (ui::Button(Icon::Star, "Rate another place", ui::ButtonStyle::Secondary, ui::ContentWidth())) {
    actions.GoHome();
    actions.OpenScreen(Screen::RatePickPlace);
  }
  if (ui::Button(Icon::Home, "Go to the start", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.GoHome();
  ui::EndScreen();
}

std::string VisitWords(const AppState& state, int months_ago) {
  return std::string(MonthName(state.this_month, months_ago)) + (months_ago >= 2 ? " or before" : "");
}

const char* FaceWords(int faces) { return faces >= 1 && faces <= 5 ? kFaceWords[faces - 1] : ""; }

void DrawSyncStatus(const AppState& state) {
  const std::string_view text = core::SyncStatusText(state.sync_status);
  if (text.empty()) return;
  const Icon icon = state.sync_status == core::SyncStatus::JustSent ? Icon::Cloud : Icon::Saved;
  ui::StatusLine(icon, std::string(text).c_str());
  // The buddy cheers when something went (unless a celebration already has it cheering).
  if (state.sync_status == core::SyncStatus::JustSent && !state.celebration.showing) {
    const std::string cheer = "Your " + std::string(core::CompanionName(state.companion)) + " cheers: it went!";
    ui::IconLine(CompanionIcon(state.companion), cheer.c_str());
  }
}
