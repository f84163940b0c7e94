// The device's own database: its id, what it made (contributions; the outbox is those still
// waiting to send) and its copy of the public map. Used by the web and native clients; the
// server's database is server_store.h. Free functions over a store::Database opened with
// Schema::Device. Nothing here talks to the network: the client's sync code does.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/progress.h"
#include "core/sync_protocol.h"
#include "store/database.h"

namespace store {

enum class ContributionState { Waiting, Sent, Rejected };

struct Contribution {
  core::OutboxItem item;
  ContributionState state = ContributionState::Waiting;
  std::string message;  // the server's reason, when rejected
  // A sent suggestion's review, as the last sync answer said: nullopt until it says.
  std::optional<core::PlaceStatus> review;
  std::optional<core::NotAddedReason> review_reason;  // when the review is Rejected, with a reason
  std::string merged_into;                            // when the review is Merged
  bool first_in_area = false;                         // a suggestion's: the first place approved in its area
  bool comment_approved = false;                      // a rating's: officers shared its comment
};

// Keys in the device's meta table.
inline constexpr std::string_view kDeviceIdKey = "device_id";    // this device's random UUID
inline constexpr std::string_view kMapCursorKey = "map_cursor";  // where the map's changes were read up to
inline constexpr std::string_view kRestoreCodeKey = "restore_code";  // the four words shown under settings
inline constexpr std::string_view kRestoreCodeRegisteredKey = "restore_code_registered";  // "yes" once the server has it
inline constexpr std::string_view kGroupKey = "group";                  // the group this device is in now (JSON)
inline constexpr std::string_view kJoinedGroupsKey = "joined_groups";  // every group it joined: [{"id", "month"}]

// The value stored under `key` in meta, or "" if none.
std::string DeviceMeta(const Database& db, std::string_view key);
bool SetDeviceMeta(const Database& db, std::string_view key, std::string_view value, std::string& error);

// Keeps a new contribution, waiting to be sent. Its id must be new.
bool AddContribution(const Database& db, const core::OutboxItem& item, std::string& error);

// Up to `limit` waiting items, oldest first.
std::vector<core::OutboxItem> WaitingItems(const Database& db, int limit);
int CountWaiting(const Database& db);

// Everything this device made, newest first.
std::vector<Contribution> Contributions(const Database& db);
// The ids of everything this device made (waiting, sent or turned away).
std::vector<std::string> ContributionIds(const Database& db);

// Records the server's answers: accepted and already-accepted items become Sent, rejected
// ones Rejected with the server's message. Unknown ids are ignored. One transaction.
bool RecordResults(const Database& db, std::span<const core::ItemResult> results, std::string& error);

// Records what became of this device's suggestions ("yours" in a sync answer), with
// whether each was first in its area. Ids that are not this device's suggestions are
// ignored. One transaction.
bool RecordReviews(const Database& db, std::span<const core::SuggestionStatus> yours, std::string& error);

// Records which of this device's ratings have their comment shared ("shared_comments" in
// a sync answer). When `whole_list` (the answer's list was shorter than its bound), a
// rating not named is not shared (an officer may hide words again); otherwise only the
// named ones change. Ids that are not this device's ratings are ignored. One transaction.
bool RecordSharedComments(const Database& db, std::span<const std::string> rating_ids, bool whole_list,
                          std::string& error);

// Keeps what the server gave back for a restore code (core/restore_protocol.h) as this
// device's own contributions: already Sent, each suggestion with its review and whether it
// was first in its area, each rating with whether its comment is shared. An id this
// device already has is left as it is. One transaction.
bool AddRestoredContributions(const Database& db, std::span<const core::SentItem> items, std::string& error);

// Gives every waiting item this device id (after a restore adopted another one), so they
// are sent as the restored device's. One transaction.
bool SetWaitingDeviceId(const Database& db, std::string_view device_id, std::string& error);

// "Delete everything I sent", once the server has deleted it: forgets the contributions
// `item_ids` (waiting or sent, with their reviews and shared-comment records), the restore
// code, and the group this device is in and the groups it joined, so its progress starts
// again. Keeps the device id, nickname, buddy, preferences, the public map and the places
// saved on the device. One transaction.
bool ForgetContributions(const Database& db, std::span<const std::string> item_ids, std::string& error);

// Applies a page of map changes and remembers its cursor, in one transaction.
bool ApplyPlaceChanges(const Database& db, const core::PlaceChanges& changes, std::string& error);

// The device's copy of the public map.
std::vector<core::PublicPlace> CachedPlaces(const Database& db);

// "My places": saved on this device only.
bool SetPlaceSaved(const Database& db, std::string_view place_id, bool saved, std::string& error);
std::vector<std::string> SavedPlaceIds(const Database& db);  // most recently saved first

}  // namespace store
