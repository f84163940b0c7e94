// The made-up demo set: fictional places inside the service area, with synthetic ratings
// from synthetic devices applied through ServerStore::Apply (so every profile is a real
// aggregate). For the run command, tests and benchmarks; never for a council's real data.
// Deterministic for a seed. Used by `safespaces-admin demo`; start at MakeDemoData.
// The word lists are assets/demo/demo_*_words.txt (see assets/demo/README.md).
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "store/database.h"

namespace store {

inline constexpr std::string_view kDemoAddress = "Demo place, not a real venue";

struct DemoWords {
  std::vector<std::string> names;    // "Willow", "Kingfisher"
  std::vector<std::string> streets;  // "Lane", "Road"
  // By the category's position in core::kAllCategories: "Library", "Youth Club"
  std::array<std::vector<std::string>, core::kAllCategories.size()> kinds;
};

// Reads demo_name_words.txt, demo_street_words.txt and demo_kind_words.txt from `dir`.
std::optional<DemoWords> LoadDemoWords(const std::filesystem::path& dir, std::string& error);

struct DemoOptions {
  int places = 300;
  int ratings = 600;
  int devices = 40;  // synthetic devices the ratings come from
  std::uint64_t seed = 1;
  std::int64_t now_unix_seconds = 0;  // "today": visit months are in the year before it
};

struct DemoSummary {
  int places_added = 0;
  int places_already_there = 0;  // the same seed run again adds nothing twice
  int ratings_accepted = 0;
  int ratings_already_there = 0;
  int ratings_rejected = 0;  // always 0 unless a rule changed: the caller should say so
  int devices = 0;
  std::array<int, core::kAllCategories.size()> places_by_category{};
  std::vector<std::string> sample_names;  // the first few, to show
};

// Adds the demo set to `db` (a server database). Nullopt and `error` on a database failure.
std::optional<DemoSummary> MakeDemoData(Database& db, const DemoWords& words, const DemoOptions& options,
                                        std::string& error);

}  // namespace store
