// A place's card: what it is, and what young people said about it, in words and numbers
// rather than an average ("5 of 7 said it is quiet: Mostly or Yes, a lot"), so Amira can
// tell before she goes, and what they wrote (only words an officer approved; the feed
// brings no others). Then: rate it, save it, read it aloud, directions.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/widgets.h"
#include "core/profile.h"

namespace {

constexpr const char* kMonthWords[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

// "October 2026" for "2026-10"; "" for anything else (the feed's reader lets only that shape in).
std::string MonthInWords(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return "";
  const int number = (month[5] - '0') * 10 + (month[6] - '0');
  if (number < 1 || number > 12) return "";
  return std::string(kMonthWords[number - 1]) + " " + month.substr(0, 4);
}

std::string People(int count) { return std::to_string(count) + (count == 1 ? " young person" : " young people"); }

// "It is quiet: 7 young people answered. 5 said Mostly or Yes, a lot. 1 said No."
std::string ScaleSummary(core::Scale scale, const core::ScaleSummary& summary) {
  std::string text = std::string(core::ScaleLabel(scale)) + ": " + People(summary.count) + " answered.";
  const int yes = summary.distribution[3] + summary.distribution[4];
  const int no = summary.distribution[0] + summary.distribution[1];
  const int middle = summary.distribution[2];
  if (yes > 0) text += " " + std::to_string(yes) + " said Mostly or Yes, a lot.";
  if (middle > 0) text += " " + std::to_string(middle) + " said A bit.";
  if (no > 0) text += " " + std::to_string(no) + " said No or Not really.";
  return text;
}

// "Step-free way in: 4 said yes, 1 said no, 1 not sure."
std::string FacilitySummary(core::Facility facility, const core::FacilitySummary& summary) {
  std::string text = std::string(core::FacilityLabel(facility)) + ": ";
  std::string parts;
  auto add = [&](int count, const char* words) {
    if (count == 0) return;
    parts += (parts.empty() ? "" : ", ") + std::to_string(count) + " " + words;
  };
  add(summary.yes, "said yes");
  add(summary.no, "said no");
  add(summary.not_sure, "not sure");
  return text + parts + ".";
}

}  // namespace

void DrawPlaceCardScreen(const AppState& state, Actions& actions) {
  const core::PublicPlace* entry = FindPlace(state, state.open_place_id);
  ui::BeginScreen(entry ? entry->place.name.c_str() : "A place");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  if (!entry) {
    ui::Heading("This place is not on the map any more", 1);
    ui::Paragraph("It may have been taken off the map. You can go back and choose another.");
    ui::EndScreen();
    return;
  }
  const core::Place& place = entry->place;
  const core::InclusionProfile& profile = entry->profile;
  ui::Heading(place.name.c_str(), 1, CategoryIcon(place.category));
  std::string about(core::CategoryLabel(place.category));
  if (!place.address.empty()) about += ". " + place.address;
  ui::Paragraph(about.c_str());
  if (!place.opening_notes.empty()) ui::Paragraph(place.opening_notes.c_str());
  if (entry->scheme_member)
    ui::IconLine(Icon::CheckCircle, "Part of the Safe Spaces scheme: the staff here have agreed to welcome you.");

  // What young people said, built once for the screen and for "Read aloud".
  std::vector<std::string> said;
  for (core::Scale scale : core::kAllScales) {
    const core::ScaleSummary& summary = profile.scales[core::IndexOf(scale)];
    if (summary.count > 0) said.push_back(ScaleSummary(scale, summary));
  }
  std::vector<std::string> has;
  for (core::Facility facility : core::kAllFacilities) {
    const core::FacilitySummary& summary = profile.facilities[core::IndexOf(facility)];
    if (summary.yes + summary.no + summary.not_sure > 0) has.push_back(FacilitySummary(facility, summary));
  }

  // "They let me sit by the window." (October 2026)
  std::vector<std::string> wrote;
  for (const core::PlaceComment& comment : entry->comments) {
    const std::string month = MonthInWords(comment.month);
    wrote.push_back("\"" + comment.text + "\"" + (month.empty() ? "" : " (" + month + ")"));
  }

  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary)) {
    std::string all = place.name + ". " + about + ".";
    if (said.empty() && has.empty()) all += " Nobody has rated this place yet.";
    for (const std::string& line : said) all += " " + line;
    for (const std::string& line : has) all += " " + line;
    if (!entry->comments.empty()) all += " What young people wrote.";
    for (const core::PlaceComment& comment : entry->comments) {
      const std::string month = MonthInWords(comment.month);
      const char last = comment.text.empty() ? '.' : comment.text.back();
      all += (month.empty() ? " " : " In " + month + ": ") + comment.text;
      if (last != '.' && last != '!' && last != '?') all += '.';  // so each is said as its own sentence
    }
    actions.ReadAloud(all);
  }

  const bool saved =
      std::find(state.saved_place_ids.begin(), state.saved_place_ids.end(), place.id) != state.saved_place_ids.end();
  if (ui::Button(Icon::Star, "I have been here: rate it", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.StartRating(place.id);
  if (ui::Button(saved ? Icon::Bookmark : Icon::BookmarkEmpty, saved ? "Saved in my places: take it off" : "Save to my places",
                 ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.SavePlace(place.id, !saved);
  if (ui::Button(Icon::Directions, "Directions", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Directions(place.id);

  ui::Heading("What young people said", 2, Icon::Happy);
  if (said.empty() && has.empty()) ui::Paragraph("Nobody has rated this place yet. You could be the first!");
  for (const std::string& line : said) ui::Paragraph(line.c_str());
  if (!has.empty()) ui::Heading("What it has", 2, Icon::Wheelchair);
  for (std::size_t i = 0, f = 0; f < core::kAllFacilities.size(); ++f) {
    const core::Facility facility = core::kAllFacilities[f];
    const core::FacilitySummary& summary = profile.facilities[core::IndexOf(facility)];
    if (summary.yes + summary.no + summary.not_sure == 0) continue;
    ui::StatusLine(FacilityIcon(facility), has[i++].c_str());
  }

  ui::Heading("What young people wrote", 2, Icon::Speech);
  if (wrote.empty()) ui::Paragraph("Nobody has written about this place yet.");
  for (const std::string& line : wrote) ui::Paragraph(line.c_str());
  ui::EndScreen();
}
