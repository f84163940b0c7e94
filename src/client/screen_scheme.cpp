// Places and the Safe Spaces scheme, for a council officer: search the approved places,
// show only those due for a check, and for one place set how far it has come in the
// scheme (not contacted, contacted, agreed, sticker displayed, staff trained) with the
// day it was checked and the day to check it again (YYYY-MM-DD, checked before sending).
// Places that agreed or further get a badge on the young people's map. officer_data.cpp
// asks GET /api/v1/review/places and sends POST /api/v1/places/{id}/scheme.
#include <string>

#include "client/officer_data.h"
#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

void DrawForm(const OfficerState& officer, const SchemePlace& place, Actions& actions) {
  ui::Heading(place.name.c_str(), 2, CategoryIcon(place.category));
  for (core::SchemeStatus status : core::kAllSchemeStatuses) {
    const std::string label(SchemeStatusLabel(status));
    if (ui::ChoiceButton(core::IsSchemeMember(status) ? Icon::Star : Icon::Clock, label.c_str(), "In the scheme",
                         officer.scheme_status == status))
      actions.Officer(OfficerVerb::SetScheme, static_cast<int>(status));
  }
  ui::TextFieldOptions options;
  options.max_chars = 10;
  options.input_mode = "numeric";
  options.hint = "YYYY-MM-DD";
  std::string checked = officer.checked_on;
  if (ui::TextField("Checked on (year-month-day)", &checked, options))
    actions.OfficerTyped(OfficerField::CheckedOn, checked);
  std::string again = officer.check_again_on;
  if (ui::TextField("Check again on (year-month-day)", &again, options))
    actions.OfficerTyped(OfficerField::CheckAgainOn, again);
  if (ui::Button(Icon::Saved, "Save", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.Officer(OfficerVerb::SaveScheme);
  if (ui::Button(Icon::ArrowLeft, "Cancel", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::OpenScheme, std::string());
}

}  // namespace

void DrawSchemeScreen(const AppState& state, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  ui::BeginScreen("Places and the scheme");
  if (ui::Button(Icon::ArrowLeft, "Staff home", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Places and the scheme", 1, Icon::Star);
  ui::Paragraph("Places that agreed, show the sticker or trained their staff get a star on the young people's map.");
  if (!officer.scheme_message.empty()) ui::StatusLine(Icon::Info, officer.scheme_message.c_str());
  for (const SchemePlace& place : officer.places)
    if (place.id == officer.scheme_place_id) {
      DrawForm(officer, place, actions);
      ui::EndScreen();
      return;
    }

  ui::TextFieldOptions options;
  options.max_chars = 80;
  options.hint = "A place's name";
  std::string search = officer.search;
  bool submitted = false;
  if (ui::TextField("Search the places", &search, options, &submitted))
    actions.OfficerTyped(OfficerField::SchemeSearch, search);
  if (ui::Button(Icon::Search, "Search", ui::ButtonStyle::Primary, ui::ContentWidth()) || submitted)
    actions.Officer(OfficerVerb::AskPlaces);
  if (ui::Toggle(Icon::Clock, "Only places due for a check", officer.due_only))
    actions.Officer(OfficerVerb::DueOnly, officer.due_only ? 0 : 1);

  if (!officer.places_loaded) {
    ui::StatusLine(Icon::Cloud, "Getting the places...");
  } else if (officer.places.empty()) {
    ui::Paragraph(officer.due_only ? "No place is due for a check." : "No place matches.");
  }
  for (const SchemePlace& place : officer.places) {
    std::string detail(SchemeStatusLabel(place.status));
    if (!place.checked_on.empty()) detail += ". Checked " + place.checked_on;
    if (!place.check_again_on.empty()) detail += ". Check again " + place.check_again_on;
    if (ui::ListButton(CategoryIcon(place.category), place.name.c_str(), detail.c_str()))
      actions.Officer(OfficerVerb::OpenScheme, place.id);
  }
  ui::EndScreen();
}
