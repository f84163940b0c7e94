// The sync protocol as a device sees it: the body of POST /api/v1/sync, and reading the
// answers of that call and of GET /api/v1/places. Plain data and JSON only; when to call
// is sync_engine.h's job, and the HTTP itself is the platform's. Shapes: DESIGN.md "Sync
// and API"; the server's side of them lives in src/server and src/store.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.h"
#include "core/codec.h"
#include "core/model.h"
#include "core/profile.h"

namespace core {

// An approved place as the public map shows it.
struct PublicPlace {
  Place place;
  InclusionProfile profile;
};

// One page of changes to the public map since a cursor.
struct PlaceChanges {
  std::vector<PublicPlace> places;        // approved places, new or changed
  std::vector<std::string> removed_ids;   // places no longer on the map (merged, taken off)
  std::string cursor;                     // opaque: send it back to get what changed after
  bool more = false;                      // another page is waiting
};

enum class ItemOutcome { Accepted, AlreadyAccepted, Rejected };

struct ItemResult {
  std::string id;
  ItemOutcome outcome = ItemOutcome::Rejected;
  ApiError error;  // why, when rejected: its message is for the young person
};

struct SyncAnswer {
  std::vector<ItemResult> results;
  PlaceChanges changes;
};

// Items per request: devices send at most this many, and the server refuses bigger batches (422).
inline constexpr int kMaxItemsPerSync = 100;

std::string BuildSyncRequest(std::string_view device_id, std::string_view cursor, std::span<const OutboxItem> items);
Parsed<SyncAnswer> ParseSyncAnswer(std::string_view text);
Parsed<PlaceChanges> ParsePlaceChanges(std::string_view text);

}  // namespace core
