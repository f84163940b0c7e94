// This is the implementation of city_picture.h: sums over places and ratings in one pass
// each, and the twelve months before this one counted back on the calendar.
#include "core/city_picture.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/review.h"

namespace core {
namespace {

// The month `back` months before "YYYY-MM".
std::string MonthBefore(std::string_view month, int back) {
  int year = 0, number = 0;
  if (month.size() != 7 || std::sscanf(std::string(month).c_str(), "%4d-%2d", &year, &number) != 2) return "";
  int index = year * 12 + (number - 1) - back;
  return MonthText({index / 12, index % 12 + 1});
}

double Rounded(double value) { return std::round(value * 100.0) / 100.0; }  // two decimals

}  // namespace

CityPicture PictureOfCity(std::span<const PicturePlace> places, std::span<const PictureRating> ratings,
                          const ServiceArea& area, std::span<const MonthCount> months, std::string_view this_month) {
  CityPicture picture;
  for (std::size_t i = 0; i < kScaleCount; ++i) picture.scales[i].scale = kAllScales[i];

  std::unordered_map<std::string, std::size_t> index_of;
  std::array<int, kAllCategories.size()> per_category{};
  for (std::size_t i = 0; i < places.size(); ++i) {
    index_of.emplace(places[i].id, i);
    ++per_category[static_cast<std::size_t>(places[i].category) % per_category.size()];
    const std::string_view name = AreaOf(places[i].lat, places[i].lon, area);
    for (std::size_t a = 0; a < kAreaNames.size(); ++a)
      if (kAreaNames[a] == name) ++picture.by_area[a];
  }
  for (Category category : kAllCategories)
    if (const int count = per_category[static_cast<std::size_t>(category)]; count > 0)
      picture.by_category.emplace_back(category, count);
  std::stable_sort(picture.by_category.begin(), picture.by_category.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });

  // Per place and scale: the sum and count of answers; per place, its ratings and worries.
  struct PlaceSums {
    std::array<int, kScaleCount> sum{}, count{};
    Concern concern;
  };
  std::vector<PlaceSums> sums(places.size());
  for (const PictureRating& rating : ratings) {
    const auto found = index_of.find(rating.place_id);
    if (found == index_of.end()) continue;
    PlaceSums& place = sums[found->second];
    ++place.concern.ratings;
    for (std::size_t i = 0; i < kScaleCount; ++i) {
      const std::uint8_t faces = rating.scales[i];
      if (faces < 1 || faces > kMaxFaces) continue;
      ++picture.scales[i].histogram[faces - 1];
      place.sum[i] += faces;
      ++place.count[i];
    }
    if (const std::uint8_t quiet = rating.scales[IndexOf(Scale::Quiet)]; quiet >= 1 && quiet <= kWorryingFaces)
      ++place.concern.not_quiet;
    if (const std::uint8_t staff = rating.scales[IndexOf(Scale::StaffUnderstand)];
        staff >= 1 && staff <= kWorryingFaces)
      ++place.concern.staff_dont_understand;
  }

  for (ScalePicture& scale : picture.scales) {
    int answers = 0, total = 0;
    for (int faces = 1; faces <= kMaxFaces; ++faces) {
      answers += scale.histogram[faces - 1];
      total += faces * scale.histogram[faces - 1];
    }
    if (answers > 0) scale.mean = Rounded(static_cast<double>(total) / answers);
  }
  for (std::size_t p = 0; p < places.size(); ++p) {
    PlaceSums& place = sums[p];
    for (std::size_t i = 0; i < kScaleCount; ++i) {
      if (place.count[i] == 0) continue;
      const double mean = static_cast<double>(place.sum[i]) / place.count[i];
      ++picture.scales[i].spread[static_cast<std::size_t>(std::clamp(static_cast<int>(mean) - 1, 0, 3))];
    }
    place.concern.place_id = places[p].id;
    place.concern.name = places[p].name;
    if (place.concern.not_quiet + place.concern.staff_dont_understand > 0)
      picture.concerns.push_back(std::move(place.concern));
  }
  std::sort(picture.concerns.begin(), picture.concerns.end(), [](const Concern& a, const Concern& b) {
    const int worries_a = a.not_quiet + a.staff_dont_understand, worries_b = b.not_quiet + b.staff_dont_understand;
    if (worries_a != worries_b) return worries_a > worries_b;
    if (a.ratings != b.ratings) return a.ratings > b.ratings;
    return a.name != b.name ? a.name < b.name : a.place_id < b.place_id;
  });
  if (picture.concerns.size() > kMaxConcerns) picture.concerns.resize(kMaxConcerns);

  for (int back = kPictureMonths - 1; back >= 0; --back) {
    MonthCount month{MonthBefore(this_month, back), 0, 0};
    for (const MonthCount& counted : months)
      if (counted.month == month.month) {
        month.ratings += counted.ratings;
        month.suggestions += counted.suggestions;
      }
    picture.over_time.push_back(std::move(month));
  }
  return picture;
}

nlohmann::json ToJson(const CityPicture& picture) {
  using nlohmann::json;
  json by_category = json::array();
  for (const auto& [category, count] : picture.by_category)
    by_category.push_back({{"category", CategoryName(category)}, {"count", count}});
  json by_area = json::array();
  for (std::size_t a = 0; a < kAreaNames.size(); ++a)
    by_area.push_back({{"area", kAreaNames[a]}, {"label", AreaLabel(kAreaNames[a])}, {"count", picture.by_area[a]}});
  json scales = json::array(), spread = json::array();
  for (const ScalePicture& scale : picture.scales) {
    scales.push_back({{"scale", ScaleName(scale.scale)},
                      {"label", ScaleLabel(scale.scale)},
                      {"histogram", scale.histogram},
                      {"mean", scale.mean ? json(*scale.mean) : json(nullptr)}});
    spread.push_back({{"scale", ScaleName(scale.scale)}, {"buckets", scale.spread}});
  }
  json concerns = json::array();
  for (const Concern& concern : picture.concerns)
    concerns.push_back({{"place_id", concern.place_id},
                        {"name", concern.name},
                        {"ratings", concern.ratings},
                        {"not_quiet", concern.not_quiet},
                        {"staff_dont_understand", concern.staff_dont_understand}});
  json over_time = json::array();
  for (const MonthCount& month : picture.over_time)
    over_time.push_back({{"month", month.month}, {"ratings", month.ratings}, {"suggestions", month.suggestions}});
  return {{"by_category", std::move(by_category)}, {"by_area", std::move(by_area)},
          {"scales", std::move(scales)},           {"place_spread", std::move(spread)},
          {"concerns", std::move(concerns)},       {"over_time", std::move(over_time)}};
}

}  // namespace core
