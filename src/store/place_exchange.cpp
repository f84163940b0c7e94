// This is the implementation of place_exchange.h.
#include "store/place_exchange.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "core/codec.h"
#include "core/uuid.h"

namespace store {

std::optional<std::vector<core::PublicPlace>> ApprovedPlaces(const Database& db, std::string& error) {
  // feed_json is exactly what the public map shows of an approved place: nothing more leaves.
  Statement s = db.Prepare("SELECT feed_json FROM places WHERE status = 'approved' ORDER BY name, id");
  std::vector<core::PublicPlace> places;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row) {
    core::Parsed<nlohmann::json> entry = core::ParseJsonText(s.ColumnText(0));
    if (!entry) continue;
    core::Parsed<core::PublicPlace> place = core::ReadPublicPlace(*entry.value);
    if (place) places.push_back(std::move(*place.value));
  }
  if (step == StepResult::Error) {
    error = "Could not read the approved places: " + s.Error();
    return std::nullopt;
  }
  return places;
}

std::string RandomPlaceId() {
  std::array<std::uint8_t, 16> random{};
  randombytes_buf(random.data(), random.size());
  return core::MakeUuidV4(random);
}

std::optional<ImportResult> ImportPlaces(ServerStore& store, const core::PlacesRead& read) {
  ImportResult result;
  result.skipped = read.skipped;
  for (std::size_t i = 0; i < read.places.size(); ++i) {
    const std::optional<ServerStore::Added> added = store.AddPlace(read.places[i]);
    if (!added) return std::nullopt;
    if (*added == ServerStore::Added::New) {
      ++result.added;
    } else {
      const int row = i < read.rows.size() ? read.rows[i] : 0;
      result.skipped.push_back({row, "A place with this id is already here, so it was left as it is."});
    }
  }
  std::stable_sort(result.skipped.begin(), result.skipped.end(),
                   [](const core::SkippedRow& a, const core::SkippedRow& b) { return a.row < b.row; });
  return result;
}

}  // namespace store
