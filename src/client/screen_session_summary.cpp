// A session's summary, for the youth worker to take away (after "End session", or from
// their sessions): how many took part, each place with the group's answers (the mean faces
// of each question in words and numbers, the yes / no answers), the reasons they chose and
// the words several of them used; "Save as a spreadsheet (CSV)" and "Open a page to print".
// The numbers are the server's (GET .../summary); staff_data.cpp fetches and saves.
#include <cmath>
#include <cstdio>
#include <string>

#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

// "5 people", "1 person".
std::string Count(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "I felt welcome: 4.2 of 5, Mostly".
std::string ScaleLine(core::Scale scale, double mean) {
  char number[16];
  std::snprintf(number, sizeof(number), "%.1f", mean);
  return std::string(core::ScaleLabel(scale)) + ": " + number + " of 5, " +
         FaceWords(static_cast<int>(std::lround(mean)));
}

// "Step-free way in: 3 yes, 1 no, 1 not sure" (only the answers given).
std::string FacilityLine(core::Facility facility, const FacilityCounts& counts) {
  std::string line = std::string(core::FacilityLabel(facility)) + ":";
  const char* separator = " ";
  for (const auto& [n, words] : {std::pair{counts.yes, "yes"}, {counts.no, "no"}, {counts.not_sure, "not sure"}}) {
    if (n == 0) continue;
    line += separator + std::to_string(n) + " " + words;
    separator = ", ";
  }
  return line;
}

const char* PlaceStatusWords(const SummaryPlace& place) {
  if (!place.suggested) return "On the map.";
  switch (place.status) {
    case BoardItemStatus::Waiting: return "Suggested by the group. Waiting for a check.";
    case BoardItemStatus::NotAdded: return "Suggested by the group. Not added.";
    case BoardItemStatus::OnMap: break;
  }
  return "Suggested by the group. Now on the map!";
}

void DrawPlace(const SummaryPlace& place) {
  ui::Heading(place.name.c_str(), 2, CategoryIcon(place.category));
  ui::Paragraph(PlaceStatusWords(place));
  ui::IconLine(Icon::Star, Count(place.ratings, "set of answers", "sets of answers").c_str());
  for (core::Scale scale : core::kAllScales)
    if (const std::optional<double> mean = place.scales[core::IndexOf(scale)])
      ui::IconLine(Icon::Happy, ScaleLine(scale, *mean).c_str());
  for (core::Facility facility : core::kAllFacilities) {
    const FacilityCounts& counts = place.facilities[core::IndexOf(facility)];
    if (counts.yes + counts.no + counts.not_sure > 0)
      ui::IconLine(FacilityIcon(facility), FacilityLine(facility, counts).c_str());
  }
  ui::Space(8.0f);
}

}  // namespace

void DrawSessionSummaryScreen(const AppState& state, Actions& actions) {
  const StaffState& staff = state.staff;
  const SessionSummary& summary = staff.summary;
  ui::BeginScreen("Session summary");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading(summary.loaded ? summary.name.c_str() : "Session summary", 1, Icon::Summary);
  if (!summary.loaded) {
    if (!staff.summary_message.empty()) {
      ui::StatusLine(Icon::Info, staff.summary_message.c_str());
      if (ui::Button(Icon::Refresh, "Try again", ui::ButtonStyle::Primary, ui::ContentWidth()))
        actions.StaffOpenSummary(staff.session_id);
    } else {
      ui::StatusLine(Icon::Cloud, "Getting the summary...");
    }
    ui::EndScreen();
    return;
  }
  if (!summary.theme.empty()) ui::IconLine(Icon::Star, ("Theme: " + summary.theme).c_str());
  ui::Paragraph(summary.state == SessionState::Ended ? "This session has ended." : "This session is still going.");

  if (ui::Button(Icon::Spreadsheet, "Save as a spreadsheet (CSV)", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.StaffSaveCsv();
  if (ui::Button(Icon::Printer, "Open a page to print", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.StaffPrintPage();
  if (!staff.summary_message.empty()) ui::StatusLine(Icon::Info, staff.summary_message.c_str());

  ui::Heading("In numbers", 2, Icon::Summary);
  ui::IconLine(Icon::Group, (Count(summary.people, "person", "people") + " joined").c_str());
  ui::IconLine(Icon::MapMarkerPlus, (Count(summary.suggestions, "place", "places") + " suggested").c_str());
  ui::IconLine(Icon::Star, Count(summary.ratings, "rating", "ratings").c_str());
  ui::IconLine(Icon::MapMarker, (Count(summary.places_count, "place", "places") + " talked about").c_str());
  if (summary.hidden > 0)
    ui::IconLine(Icon::Hide, (Count(summary.hidden, "thing", "things") + " hidden: not in this summary").c_str());

  if (!summary.places.empty()) ui::Heading("The places", 2, Icon::Map);
  for (const SummaryPlace& place : summary.places) DrawPlace(place);

  ui::Heading("Why places feel safe", 2, Icon::Heart);
  if (summary.reasons.empty()) ui::Paragraph("No reasons were chosen.");
  for (const SessionSummary::Reason& reason : summary.reasons)
    ui::IconLine(Icon::Check, (reason.label + ": " + std::to_string(reason.count)).c_str());

  ui::Heading("Words the group used", 2, Icon::Speech);
  if (summary.common_words.empty()) {
    ui::Paragraph("No word was used by more than one person.");
  } else {
    std::string words;
    for (const SessionSummary::Word& word : summary.common_words)
      words += (words.empty() ? "" : ", ") + word.word + " (" + std::to_string(word.count) + ")";
    ui::Paragraph(words.c_str());
  }
  ui::EndScreen();
}
