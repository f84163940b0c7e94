// The sync protocol as a device sees it: the body of POST /api/v1/sync, and reading the
// answers of that call and of GET /api/v1/places. Plain data and JSON only; when to call
// is sync_engine.h's job, and the HTTP itself is the platform's. Shapes: DESIGN.md "Sync
// and API" and "[SECTION] Wire shapes" in src/server/sync_api.cpp; the server's side of
// them lives in src/server and src/store.
// A sync answer also carries "yours": what became of each suggestion this device sent
//   "yours": [{"id": uuid, "status": "suggested" | "approved" | "rejected" | "merged",
//              "reason": "already_on_map" (only when rejected with a reason),
//              "merged_into": uuid (only when merged),
//              "first_in_area": true (only when true: the first place approved in its
//                                     area, decided at its first approval)}...]
// (the 500 most recent; only ever the asking device's own, never anyone else's), and
// "shared_comments": the ids of this device's ratings whose comment officers shared
//   "shared_comments": ["<rating id>"...]
// (the 500 newest; a suggestion's own first rating is not among them, as progress.h's
// SentItem does not count it). Both are what the device needs to work out the same
// progress as the server (store::DeviceProgress).
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.h"
#include "core/codec.h"
#include "core/model.h"
#include "core/profile.h"

namespace core {

// Words a young person wrote about a place (a rating's comment), once an officer approved
// them. Only the words and the visit's month: never who wrote them (no rating, device or
// session id), since the map is public.
struct PlaceComment {
  std::string text;   // at most kCommentMaxChars characters (validation.h)
  std::string month;  // "YYYY-MM": the month of the visit

  bool operator==(const PlaceComment&) const = default;
};

// Comments a place's entry carries: the newest only, so a card stays short enough to read
// and a much-rated place's entry stays small on a phone's data.
inline constexpr std::size_t kMaxPlaceComments = 20;

// An approved place as the public map shows it.
struct PublicPlace {
  Place place;
  InclusionProfile profile;
  std::vector<PlaceComment> comments;  // approved, newest visit first (then newest rating); may be empty
  bool scheme_member = false;          // in the city's Safe Spaces scheme (agreed, sticker or trained)
};

// One entry of the feed, as the server writes it and a device keeps it:
//   the place (codec.h) plus "profile": profile (codec.h)
//   and ["comments": [{"text": "...", "month": "2026-10"}...]] (left out when none)
//   and ["scheme_member": true] (left out when false).
nlohmann::json ToJson(const PublicPlace& entry);
// Reads an approved place's entry. The place and its profile must be whole (a missing
// profile reads as nobody rated it); comments are read kindly: an entry that is not
// {"text": words, "month": "YYYY-MM"} is skipped, longer words are cut at kCommentMaxChars
// and at most kMaxPlaceComments are kept.
Parsed<PublicPlace> ReadPublicPlace(const nlohmann::json& entry);

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

// What became of one suggestion this device sent: waiting for a check (Suggested), on the
// map (Approved, or Merged into another place), or not added (Rejected, with the officer's
// reason when one was given).
struct SuggestionStatus {
  std::string id;  // the suggestion's id, which is its place's id
  PlaceStatus status = PlaceStatus::Suggested;
  std::optional<NotAddedReason> reason;  // only when Rejected
  std::string merged_into;               // only when Merged
  bool first_in_area = false;            // officers' first approval found no place before it in its area

  bool operator==(const SuggestionStatus&) const = default;
};

// Most statuses in one answer, newest suggestions first: a device sends few suggestions.
inline constexpr int kMaxSuggestionStatuses = 500;
// Most shared comment ids in one answer, newest ratings first. A list shorter than this is
// the whole of them, so a device may forget a share it has not been told again.
inline constexpr int kMaxSharedComments = 500;

struct SyncAnswer {
  std::vector<ItemResult> results;
  PlaceChanges changes;
  std::vector<SuggestionStatus> yours;  // this device's suggestions; empty when it sent none
  // Ids of this device's ratings whose comment is shared; nullopt when the answer did not
  // say (an older server): then the device keeps what it knew.
  std::optional<std::vector<std::string>> shared_comments;
};

// Items per request: devices send at most this many, and the server refuses bigger batches (422).
inline constexpr int kMaxItemsPerSync = 100;

std::string BuildSyncRequest(std::string_view device_id, std::string_view cursor, std::span<const OutboxItem> items);
Parsed<SyncAnswer> ParseSyncAnswer(std::string_view text);
// One entry of "yours", as the server writes it. Reading skips an entry whose status a
// newer server made up, and forgets a reason it does not know (still "not added").
// "shared_comments" is read kindly: an entry that is not text is skipped.
nlohmann::json ToJson(const SuggestionStatus& status);
Parsed<PlaceChanges> ParsePlaceChanges(std::string_view text);

}  // namespace core
