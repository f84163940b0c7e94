// This is the implementation of review.h: the 3x3 grid of areas, the scheme's names and
// calendar dates (std::chrono's civil calendar, UTC).
// Sections: [SECTION] Areas, [SECTION] The Safe Spaces scheme, [SECTION] Dates.
#include "core/review.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace core {

// [SECTION] Areas

namespace {

constexpr std::array<std::string_view, 9> kAreaLabels = {"North west", "North",      "North east",
                                                         "West",       "Centre",     "East",
                                                         "South west", "South",      "South east"};

// Which third of [low, high] holds `value`: 0, 1 or 2 (outside: the nearest one).
int Third(double value, double low, double high) {
  if (!(high > low) || std::isnan(value)) return 1;
  const int third = static_cast<int>(std::floor((value - low) / (high - low) * 3.0));
  return std::clamp(third, 0, 2);
}

}  // namespace

std::string_view AreaOf(double lat, double lon, const ServiceArea& area) {
  const int row = 2 - Third(lat, area.south, area.north);  // row 0 is the north
  const int column = Third(lon, area.west, area.east);
  return kAreaNames[static_cast<std::size_t>(row * 3 + column)];
}

bool IsAreaName(std::string_view name) { return !AreaLabel(name).empty(); }

std::string_view AreaLabel(std::string_view name) {
  for (std::size_t i = 0; i < kAreaNames.size(); ++i)
    if (kAreaNames[i] == name) return kAreaLabels[i];
  return {};
}

// [SECTION] The Safe Spaces scheme

std::string_view SchemeStatusName(SchemeStatus status) {
  switch (status) {
    case SchemeStatus::NotContacted:
      return "not_contacted";
    case SchemeStatus::Contacted:
      return "contacted";
    case SchemeStatus::Agreed:
      return "agreed";
    case SchemeStatus::Sticker:
      return "sticker";
    case SchemeStatus::Trained:
      return "trained";
  }
  return {};
}

std::optional<SchemeStatus> SchemeStatusFromName(std::string_view name) {
  for (SchemeStatus status : kAllSchemeStatuses)
    if (SchemeStatusName(status) == name) return status;
  return std::nullopt;
}

bool IsSchemeMember(SchemeStatus status) {
  return status == SchemeStatus::Agreed || status == SchemeStatus::Sticker || status == SchemeStatus::Trained;
}

// [SECTION] Dates

bool IsCalendarDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  if (parts[0] < 2000 || parts[0] > 2100) return false;
  const std::chrono::year_month_day day{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  return day.ok();
}

std::string DateText(std::int64_t unix_seconds) { return DateTimeText(unix_seconds).substr(0, 10); }

std::string DateTimeText(std::int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds at{seconds{unix_seconds}};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss time{at - day};
  char text[32];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02u %02d:%02d:%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

}  // namespace core
