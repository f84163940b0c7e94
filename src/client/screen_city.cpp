// The city picture, for a council officer: what young people say across the city, as
// charts drawn by the widget layer (each with a sentence for screen readers and its numbers
// as words): places by kind and by area, each question's answers, places by their mean
// answer, the places with many "not quiet" or "staff don't understand" answers (each opens
// the place), and ratings and suggestions over the last 12 months. The numbers are the
// server's (GET /api/v1/stats, read by officer_data.cpp).
#include <cstdio>
#include <string>
#include <vector>

#include "client/officer_data.h"
#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kSpreadLabels[] = {"1 to 2", "2 to 3", "3 to 4", "4 to 5"};

// "Places by kind: Library 12, Park 8." from the bars.
std::string Described(const char* title, const std::vector<ui::ChartBar>& bars) {
  std::string words = std::string(title) + ":";
  for (std::size_t i = 0; i < bars.size(); ++i)
    words += (i == 0 ? " " : ", ") + bars[i].label + " " + std::to_string(bars[i].value);
  return words + (bars.empty() ? " none yet." : ".");
}

// "2026-11" -> "Nov 2026"; the text itself if it is not that shape.
std::string MonthLabel(const std::string& month) {
  int year = 0, number = 0;
  if (month.size() != 7 || std::sscanf(month.c_str(), "%4d-%2d", &year, &number) != 2 || number < 1 || number > 12)
    return month;
  return std::string(kMonthNames[number - 1]) + " " + std::to_string(year);
}

void DrawScale(const core::ScalePicture& scale) {
  const std::string label(core::ScaleLabel(scale.scale));
  ui::Heading(label.c_str(), 3, Icon::Happy);
  std::vector<ui::ChartBar> answers;
  for (int faces = 1; faces <= 5; ++faces)
    answers.push_back({std::to_string(faces) + " " + FaceWords(faces), scale.histogram[static_cast<std::size_t>(faces - 1)],
                       std::to_string(scale.histogram[static_cast<std::size_t>(faces - 1)]) + " answered \"" +
                           FaceWords(faces) + "\""});
  std::string description = Described(("Answers to \"" + label + "\"").c_str(), answers);
  if (scale.mean) {
    char mean[16];
    std::snprintf(mean, sizeof(mean), "%.1f", *scale.mean);
    description += std::string(" The mean is ") + mean + " of 5.";
  }
  ui::Histogram(description.c_str(), answers);
  std::vector<ui::ChartBar> spread;
  for (std::size_t i = 0; i < scale.spread.size(); ++i)
    spread.push_back({kSpreadLabels[i], scale.spread[i],
                      std::to_string(scale.spread[i]) + " places with a mean of " + kSpreadLabels[i]});
  ui::Histogram(Described(("Places by their mean for \"" + label + "\"").c_str(), spread).c_str(), spread);
}

}  // namespace

void DrawCityScreen(const AppState& state, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  const core::CityPicture& city = officer.stats;
  ui::BeginScreen("City picture");
  if (ui::Button(Icon::ArrowLeft, "Staff home", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("City picture", 1, Icon::Summary);
  if (!officer.stats_message.empty()) ui::StatusLine(Icon::NoConnection, officer.stats_message.c_str());
  if (!officer.stats_loaded) {
    if (officer.stats_message.empty()) ui::StatusLine(Icon::Cloud, "Getting the numbers...");
    ui::EndScreen();
    return;
  }
  if (ui::Button(Icon::Refresh, "Get the latest numbers", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::AskStats);

  ui::Heading("Places by kind", 2, Icon::MapMarker);
  std::vector<ui::ChartBar> kinds;
  for (const auto& [category, count] : city.by_category) kinds.push_back({std::string(core::CategoryLabel(category)), count});
  ui::BarChart(Described("Places by kind", kinds).c_str(), kinds);

  ui::Heading("Places by area", 2, Icon::Map);
  std::vector<ui::ChartBar> areas;
  for (std::size_t i = 0; i < core::kAreaNames.size(); ++i)
    areas.push_back({std::string(core::AreaLabel(core::kAreaNames[i])), city.by_area[i]});
  ui::BarChart(Described("Places by area", areas).c_str(), areas);

  ui::Heading("Places to look at", 2, Icon::Alert);
  ui::Paragraph("Places where several young people said it is not quiet, or that the staff do not understand.");
  if (city.concerns.empty()) ui::Paragraph("None at the moment.");
  for (const core::Concern& concern : city.concerns) {
    const std::string detail = std::to_string(concern.not_quiet) + " said not quiet, " +
                               std::to_string(concern.staff_dont_understand) + " said staff don't understand, of " +
                               std::to_string(concern.ratings) + " ratings";
    if (ui::ListButton(Icon::MapMarker, concern.name.c_str(), detail.c_str())) actions.OpenPlace(concern.place_id);
  }

  ui::Heading("Over the last 12 months", 2, Icon::Clock);
  std::vector<ui::ChartBar> months;
  for (const core::MonthCount& month : city.over_time)
    months.push_back({MonthLabel(month.month), month.ratings + month.suggestions,
                      MonthLabel(month.month) + ": " + std::to_string(month.ratings) + " ratings, " +
                          std::to_string(month.suggestions) + " suggestions"});
  ui::Histogram(Described("Ratings and suggestions by month", months).c_str(), months);

  ui::Heading("Each question across the city", 2, Icon::Happy);
  for (const core::ScalePicture& scale : city.scales) DrawScale(scale);
  ui::EndScreen();
}
