// What young people say across the city, for council officers (GET /api/v1/stats): places
// by category and area, each question's answers as a histogram and its mean, how places
// spread by their mean, the places with most worrying answers, and ratings and
// suggestions month by month. The store selects the rows (store/review_store.h); the sums
// are here, so they can be checked on a small known set. Start at PictureOfCity.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/validation.h"

namespace core {

inline constexpr std::size_t kMaxConcerns = 10;   // places listed under "concerns"
inline constexpr int kPictureMonths = 12;         // months in "over_time", this one last
inline constexpr std::uint8_t kWorryingFaces = 2;  // an answer of 1 or 2 faces is a worry

struct PicturePlace {  // an approved place
  std::string id;
  std::string name;
  Category category = Category::Other;
  double lat = 0.0;
  double lon = 0.0;
};

struct PictureRating {  // a rating not withdrawn, of an approved place
  std::string place_id;
  std::array<std::uint8_t, kScaleCount> scales{};  // by IndexOf(Scale): 0 = skipped
};

struct MonthCount {
  std::string month;  // "YYYY-MM"
  int ratings = 0;
  int suggestions = 0;
};

struct ScalePicture {
  Scale scale = Scale::Welcome;
  std::array<int, kMaxFaces> histogram{};  // answers of 1 .. 5 faces
  std::optional<double> mean;              // none when nobody answered
  std::array<int, 4> spread{};             // places whose mean is in [1,2), [2,3), [3,4), [4,5]
};

struct Concern {
  std::string place_id;
  std::string name;
  int ratings = 0;
  int not_quiet = 0;              // answers of 1-2 faces to "quiet"
  int staff_dont_understand = 0;  // answers of 1-2 faces to "staff understand"
};

struct CityPicture {
  std::vector<std::pair<Category, int>> by_category;  // most first; categories with none left out
  std::array<int, 9> by_area{};                       // in kAreaNames' order
  std::array<ScalePicture, kScaleCount> scales{};     // by IndexOf(Scale)
  std::vector<Concern> concerns;                      // most worries first, at most kMaxConcerns
  std::vector<MonthCount> over_time;                  // kPictureMonths, oldest first
};

// The picture of `places` and their `ratings` (a rating of a place not in `places` is left
// out) in `area`; `months` are the counts the store found by month (any order, any months),
// of which the kPictureMonths up to `this_month` ("YYYY-MM") are kept, zero when missing.
CityPicture PictureOfCity(std::span<const PicturePlace> places, std::span<const PictureRating> ratings,
                          const ServiceArea& area, std::span<const MonthCount> months, std::string_view this_month);

// The wire shape of GET /api/v1/stats (the contract's section E).
nlohmann::json ToJson(const CityPicture& picture);

}  // namespace core
