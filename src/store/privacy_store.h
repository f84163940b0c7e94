// Young people's rights over what they sent, in the server's database: "Delete everything
// I sent" (EraseDevice) and the retention rules that delete what is no longer needed
// (PurgeExpired). SQL only; the endpoint is server/privacy_api.h, the schedule server.cpp.
// What is kept, why and for how long is the README's "Privacy: what the server keeps".
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/api_error.h"
#include "store/server_store.h"

namespace store {

struct EraseReport {
  int ratings = 0;      // rows deleted (live, withdrawn and merged alike)
  int suggestions = 0;  // places it suggested: deleted, or kept on the map without any link to it
  int withdrawals = 0;
  int groups = 0;       // co-production sessions it was a member of (with its nickname there)
  bool restore_code = false;
};

// Deletes everything `device_id` sent and what the server worked out from it, in one
// transaction of `store`: its ratings (the places' profiles and feed entries are recounted),
// its suggestions, withdrawals, the record of its sync items (so its progress is back at the
// start), its restore code, its group memberships, and the review flags and in-session hides
// of its items. A suggestion the council has put on the map (or that others have rated)
// stays as a place, with nothing linking it to the device and without its "why" words.
// Audit rows about its items keep the officer's action but lose their details and undo.
// Erasing a device that sent nothing is done, with zeros. Nullopt on a database failure
// (`error` says what; the caller must roll back a transaction it began).
std::optional<EraseReport> EraseDevice(ServerStore& store, std::string_view device_id, std::string& error);

inline constexpr std::int64_t kSecondsPerDay = 86400;

struct PurgeReport {
  int rejected_places = 0;  // suggestions not added, deleted (or their words cleared)
  int hidden_comments = 0;  // hidden comments whose words were cleared
  int withdrawn_words = 0;  // withdrawn ratings whose words were cleared
  int staff_logins = 0;     // expired staff logins deleted
  bool Any() const { return rejected_places + hidden_comments + withdrawn_words + staff_logins > 0; }
};

// The retention rules, run by the server at start and every hour:
//  - a suggestion officers did not add ("rejected") more than `keep_rejected_days` ago is
//    deleted with its ratings; one that was on the map before keeps its row (devices must
//    still hear it went), without its "why" words and reasons;
//  - a comment officers hid more than `keep_rejected_days` ago loses its words (the
//    rating's faces still count);
//  - a rating its author took back loses its words at once;
//  - staff logins past their end are deleted.
// Nullopt on a database failure, as EraseDevice.
std::optional<PurgeReport> PurgeExpired(ServerStore& store, std::int64_t now_unix_seconds, int keep_rejected_days,
                                        std::string& error);

}  // namespace store
