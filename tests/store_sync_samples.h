// Ready-made sync items for the store_* and server_* sync tests: numbered ids, ratings,
// suggestions and withdrawals that pass core::Validate on samples::Today() (May 2024,
// Coventry), and a canonical dump of a server database to compare two of them.
// Not a test itself; start with Uuid() and MakeRating().
#pragma once
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "core/codec.h"
#include "core/model.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/server_store.h"

namespace sync_samples {

// A well-formed UUID made from a number: Uuid(1) == "00000000-0000-7000-8000-000000000001".
inline std::string Uuid(std::uint64_t n) {
  char text[40];
  std::snprintf(text, sizeof(text), "00000000-0000-7000-8000-%012llx",
                static_cast<unsigned long long>(n & 0xFFFFFFFFFFFFull));
  return text;
}

// A valid rating whose answers follow from `seed`, so different ratings count differently.
inline core::Rating MakeRating(const std::string& id, const std::string& place_id, const std::string& device_id,
                               unsigned seed = 0) {
  core::Rating rating;
  rating.id = id;
  rating.place_id = place_id;
  rating.device_id = device_id;
  for (std::size_t i = 0; i < core::kScaleCount; ++i) rating.scales[i] = static_cast<std::uint8_t>((seed + i) % 6);
  for (std::size_t i = 0; i < core::kFacilityCount; ++i)
    rating.facilities[i] = static_cast<core::Answer>((seed / 3 + i) % 4);
  rating.scales[0] = static_cast<std::uint8_t>(1 + seed % 5);  // never an empty rating
  if (seed % 4 == 1) rating.comment = "The staff were kind to me.";
  rating.visit_month = "2024-05";
  return rating;
}

inline core::Suggestion MakeSuggestion(const std::string& id, const std::string& device_id,
                                       const std::string& first_rating_id, unsigned seed = 0) {
  core::Suggestion suggestion;
  suggestion.id = id;
  suggestion.device_id = device_id;
  suggestion.name = "Quiet Cafe " + std::to_string(seed);
  suggestion.category = core::Category::Cafe;
  suggestion.lat = 52.40 + 0.001 * (seed % 50);
  suggestion.lon = -1.51 + 0.001 * (seed % 50);
  suggestion.address = "1 High Street, Coventry";
  suggestion.why = "The staff know me and it is calm.";
  if (seed % 3 != 1) {  // some with tapped reasons, some with words only
    suggestion.reasons = {core::kAllSafeReasons[seed % core::kAllSafeReasons.size()]};
    if (suggestion.reasons[0] != core::SafeReason::FeelSafe) suggestion.reasons.push_back(core::SafeReason::FeelSafe);
  }
  suggestion.first_rating = MakeRating(first_rating_id, id, device_id, seed);
  return suggestion;
}

inline core::Withdrawal MakeWithdrawal(const std::string& id, const std::string& device_id, const std::string& target) {
  return {id, device_id, target};
}

inline nlohmann::json ReasonNames(const std::vector<core::SafeReason>& reasons) {
  nlohmann::json names = nlohmann::json::array();
  for (core::SafeReason reason : reasons) names.push_back(core::SafeReasonName(reason));
  return names;
}

// Everything a server database holds that sync can change, in a fixed order, without the
// change numbers (those follow the order of arrival by design): each place with its
// profile, every rating with its withdrawn flag, the tombstones' and items' counts, and
// the public feed sorted by id.
inline nlohmann::json CanonicalDump(const store::Database& db) {
  nlohmann::json dump;
  nlohmann::json places = nlohmann::json::array();
  for (const std::string& id : store::AllPlaceIds(db)) {
    const std::optional<store::StoredPlace> stored = store::LoadPlace(db, id);
    if (!stored) continue;
    places.push_back({{"place", core::ToJson(stored->place)},
                      {"device_id", stored->device_id},
                      {"why", stored->why},
                      {"reasons", ReasonNames(stored->reasons)},
                      {"review_reason", stored->review_reason ? core::NotAddedReasonName(*stored->review_reason) : ""},
                      {"ever_approved", stored->ever_approved},
                      {"profile", core::ToJson(stored->profile)}});
  }
  dump["places"] = places;
  nlohmann::json ratings = nlohmann::json::array();
  for (const auto& [rating, withdrawn] : store::AllRatings(db))
    ratings.push_back({{"rating", core::ToJson(rating)}, {"withdrawn", withdrawn}});
  dump["ratings"] = ratings;
  std::string error;
  if (const std::optional<store::ServerCounts> counts = store::CountRows(db, error))
    dump["counts"] = {counts->places,       counts->suggested_places, counts->approved_places, counts->ratings,
                      counts->live_ratings, counts->withdrawals,      counts->sync_items};
  nlohmann::json feed = nlohmann::json::array();
  if (const std::optional<store::PlacesPage> page = store::PlacesSince(db, 0, store::kMaxPageSize, error))
    feed = nlohmann::json::parse(page->places_json);
  std::sort(feed.begin(), feed.end(),
            [](const nlohmann::json& a, const nlohmann::json& b) { return a["id"] < b["id"]; });
  dump["feed"] = feed;
  return dump;
}

}  // namespace sync_samples
