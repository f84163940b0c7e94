// This is the implementation of demo_data.h: word lists, made-up places and made-up
// ratings. Only our own small random helpers on top of std::mt19937_64 (whose output the
// standard fixes), so a seed gives the same set with any standard library.
#include "store/demo_data.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <unordered_map>

#include "core/uuid.h"
#include "core/validation.h"
#include "store/server_store.h"

namespace store {
namespace {

constexpr int kItemsPerTransaction = 500;  // places or ratings per COMMIT
constexpr int kNeighbourhoods = 12;        // most places gather round a few made-up centres
constexpr double kNeighbourhoodShare = 0.7;
constexpr double kNeighbourhoodSpreadDegrees = 0.008;  // about 900 m: one standard deviation
constexpr double kEdgeInsetDegrees = 0.002;            // keep places off the very edge of the area
constexpr double kScaleAnswered = 0.75;                // chance a synthetic rating answers a scale
constexpr double kFacilityAnswered = 0.45;
constexpr int kSampleNames = 5;

// How often each category comes up, by its position in core::kAllCategories.
constexpr std::array<int, core::kAllCategories.size()> kCategoryWeights = {10, 14, 10, 14, 8, 12, 5, 10, 4, 3};

// [SECTION] Randomness

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Bits() { return engine_(); }
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  int Below(int n) { return n <= 0 ? 0 : static_cast<int>(engine_() % static_cast<std::uint64_t>(n)); }
  bool Chance(double p) { return Unit() < p; }
  double Between(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  double Normal() {  // Box-Muller
    const double u1 = 1.0 - Unit();
    const double u2 = Unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  std::string Uuid() {
    std::array<std::uint8_t, 16> bytes{};
    for (std::uint8_t& b : bytes) b = static_cast<std::uint8_t>(engine_() >> 56);
    return core::MakeUuidV4(bytes);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& list) {
    return list[static_cast<std::size_t>(Below(static_cast<int>(list.size())))];
  }

 private:
  std::mt19937_64 engine_;
};

// [SECTION] Word lists

std::optional<std::vector<std::string>> ReadLines(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "Could not read the word list " + path.string() + ".";
    return std::nullopt;
  }
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    const std::string trimmed = core::TrimText(line);
    if (!trimmed.empty() && trimmed.front() != '#') lines.push_back(trimmed);
  }
  if (lines.empty()) {
    error = "The word list " + path.string() + " is empty.";
    return std::nullopt;
  }
  return lines;
}

// What a made-up place is like, so its ratings agree with each other (mostly).
struct Character {
  std::array<int, core::kScaleCount> faces{};            // the usual answer, 1..5
  std::array<double, core::kFacilityCount> yes_share{};  // chance a "yes" when answered
};

Character MakeCharacter(Random& random) {
  Character c;
  for (int& faces : c.faces) faces = 1 + random.Below(5);
  for (double& share : c.yes_share) share = random.Chance(0.5) ? random.Between(0.6, 0.95) : random.Between(0.05, 0.4);
  return c;
}

core::Category PickCategory(Random& random) {
  int total = 0;
  for (int weight : kCategoryWeights) total += weight;
  int roll = random.Below(total);
  for (std::size_t i = 0; i < kCategoryWeights.size(); ++i) {
    if (roll < kCategoryWeights[i]) return core::kAllCategories[i];
    roll -= kCategoryWeights[i];
  }
  return core::Category::Other;
}

std::string VisitMonth(core::YearMonth today, int months_back) {
  int index = today.year * 12 + (today.month - 1) - months_back;
  index = std::max(index, core::kFirstVisitYear * 12);
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d", index / 12, index % 12 + 1);
  return text;
}

}  // namespace

std::optional<DemoWords> LoadDemoWords(const std::filesystem::path& dir, std::string& error) {
  DemoWords words;
  std::optional<std::vector<std::string>> names = ReadLines(dir / "demo_name_words.txt", error);
  if (!names) return std::nullopt;
  std::optional<std::vector<std::string>> streets = ReadLines(dir / "demo_street_words.txt", error);
  if (!streets) return std::nullopt;
  std::optional<std::vector<std::string>> kinds = ReadLines(dir / "demo_kind_words.txt", error);
  if (!kinds) return std::nullopt;
  words.names = std::move(*names);
  words.streets = std::move(*streets);
  for (const std::string& line : *kinds) {
    const std::size_t colon = line.find(':');
    const std::optional<core::Category> category =
        colon == std::string::npos ? std::nullopt : core::CategoryFromName(core::TrimText(line.substr(0, colon)));
    if (!category) {
      error = "In demo_kind_words.txt, '" + line + "' should start with a category's wire name and a colon.";
      return std::nullopt;
    }
    std::vector<std::string>& list = words.kinds[static_cast<std::size_t>(*category)];
    std::string rest = line.substr(colon + 1);
    for (std::size_t start = 0; start <= rest.size();) {
      const std::size_t bar = std::min(rest.find('|', start), rest.size());
      std::string word = core::TrimText(rest.substr(start, bar - start));
      if (!word.empty()) list.push_back(std::move(word));
      start = bar + 1;
    }
  }
  for (core::Category category : core::kAllCategories) {
    if (words.kinds[static_cast<std::size_t>(category)].empty()) {
      error = "demo_kind_words.txt has no words for the category " + std::string(core::CategoryName(category)) + ".";
      return std::nullopt;
    }
  }
  return words;
}

std::optional<DemoSummary> MakeDemoData(Database& db, const DemoWords& words, const DemoOptions& options,
                                        std::string& error) {
  Random random(options.seed);
  const core::ServiceArea area = core::DefaultServiceArea();
  const core::YearMonth today = core::YearMonthAt(options.now_unix_seconds, 0);
  core::ValidationContext context;
  context.area = area;
  const core::YearMonth latest = core::YearMonthAt(options.now_unix_seconds, core::kLatestUtcOffsetMinutes);
  context.current_year = latest.year;
  context.current_month = latest.month;

  DemoSummary summary;
  ServerStore store(db);
  if (!store.Error().empty()) {
    error = store.Error();
    return std::nullopt;
  }
  auto fail = [&](const std::string& doing) {
    error = doing + ": " + store.Error();
    store.Rollback();
    return std::nullopt;
  };

  // Places: most round a few made-up neighbourhood centres, the rest anywhere.
  const double south = area.south + kEdgeInsetDegrees, north = area.north - kEdgeInsetDegrees;
  const double west = area.west + kEdgeInsetDegrees, east = area.east - kEdgeInsetDegrees;
  std::array<std::pair<double, double>, kNeighbourhoods> centres{};
  for (auto& [lat, lon] : centres) {
    lat = random.Between(south + 0.01, north - 0.01);
    lon = random.Between(west + 0.015, east - 0.015);
  }
  const int place_count = std::max(0, options.places);
  std::vector<std::string> place_ids;
  std::vector<Character> characters;
  std::unordered_map<std::string, int> names_used;
  if (!store.Begin()) return fail("starting to add places");
  for (int i = 0; i < place_count; ++i) {
    core::Place place;
    place.id = random.Uuid();
    place.category = PickCategory(random);
    const std::size_t category_index = static_cast<std::size_t>(place.category);
    std::string name = random.Pick(words.names);
    if (random.Chance(0.5)) name.append(" ").append(random.Pick(words.streets));
    name.append(" ").append(random.Pick(words.kinds[category_index]));
    if (const int seen = names_used[name]++; seen > 0) name.append(" ").append(std::to_string(seen + 1));
    place.name = std::move(name);
    if (random.Chance(kNeighbourhoodShare)) {
      const auto [lat, lon] = centres[static_cast<std::size_t>(random.Below(kNeighbourhoods))];
      // Degrees of longitude are shorter here: spread them wider to spread metres evenly.
      place.lat = std::clamp(lat + random.Normal() * kNeighbourhoodSpreadDegrees, south, north);
      place.lon = std::clamp(lon + random.Normal() * kNeighbourhoodSpreadDegrees * 1.6, west, east);
    } else {
      place.lat = random.Between(south, north);
      place.lon = random.Between(west, east);
    }
    place.address = std::string(kDemoAddress);
    place.status = core::PlaceStatus::Approved;
    const std::optional<ServerStore::Added> added = store.AddPlace(place);
    if (!added) return fail("adding a demo place");
    (*added == ServerStore::Added::New ? summary.places_added : summary.places_already_there)++;
    summary.places_by_category[category_index]++;
    if (static_cast<int>(summary.sample_names.size()) < kSampleNames) summary.sample_names.push_back(place.name);
    place_ids.push_back(place.id);
    characters.push_back(MakeCharacter(random));
    if ((i + 1) % kItemsPerTransaction == 0 && !(store.Commit() && store.Begin())) return fail("adding demo places");
  }
  if (!store.Commit()) return fail("adding demo places");

  // Ratings, from a pool of synthetic devices, each mostly agreeing with its place's character.
  const int device_count = std::max(1, options.devices);
  std::vector<std::string> devices;
  for (int i = 0; i < device_count; ++i) devices.push_back(random.Uuid());
  const int rating_count = place_ids.empty() ? 0 : std::max(0, options.ratings);
  std::vector<bool> device_used(devices.size(), false);
  if (!store.Begin()) return fail("starting to add ratings");
  for (int i = 0; i < rating_count; ++i) {
    const std::size_t place = static_cast<std::size_t>(random.Below(static_cast<int>(place_ids.size())));
    const std::size_t device = static_cast<std::size_t>(random.Below(device_count));
    const Character& character = characters[place];
    core::Rating rating;
    rating.id = random.Uuid();
    rating.place_id = place_ids[place];
    rating.device_id = devices[device];
    for (std::size_t s = 0; s < core::kScaleCount; ++s) {
      if (!random.Chance(kScaleAnswered)) continue;
      const int roll = random.Below(10);
      const int nudge = roll < 2 ? -1 : roll < 8 ? 0 : 1;
      rating.scales[s] = static_cast<std::uint8_t>(std::clamp(character.faces[s] + nudge, 1, int{core::kMaxFaces}));
    }
    for (std::size_t f = 0; f < core::kFacilityCount; ++f) {
      if (!random.Chance(kFacilityAnswered)) continue;
      rating.facilities[f] = random.Chance(character.yes_share[f]) ? core::Answer::Yes
                             : random.Chance(0.8)                  ? core::Answer::No
                                                                   : core::Answer::NotSure;
    }
    if (!core::HasAnyAnswer(rating)) rating.scales[core::IndexOf(core::Scale::Welcome)] = 4;
    rating.visit_month = VisitMonth(today, random.Below(12));
    const std::optional<SyncResult> result = store.Apply(core::OutboxItem{rating}, context, options.now_unix_seconds);
    if (!result) return fail("adding a demo rating");
    switch (result->outcome) {
      case SyncOutcome::Accepted:
        ++summary.ratings_accepted;
        break;
      case SyncOutcome::AlreadyAccepted:
        ++summary.ratings_already_there;
        break;
      case SyncOutcome::Rejected:
        ++summary.ratings_rejected;
        break;
    }
    device_used[device] = true;
    if ((i + 1) % kItemsPerTransaction == 0 && !(store.Commit() && store.Begin())) return fail("adding demo ratings");
  }
  if (!store.Commit()) return fail("adding demo ratings");
  summary.devices = static_cast<int>(std::count(device_used.begin(), device_used.end(), true));
  return summary;
}

}  // namespace store
