// What a co-production session shows, read from the server's database: everything kept
// in one session (its board and summary), the
// goal and membership a phone asks about, and a facilitator hiding an item (which also
// puts it in the officers' queue, review_flags). Schema: migrations/server/0009_*.sql.
// Which items belong to a session is decided when they arrive (store/server_store.h,
// KeepInSession). The rules of what a board and summary say are core's
// (core/session_summary.h); HTTP is server/session_board_api.h. Start at ReadSessionContents.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/session_summary.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/staff_store.h"

namespace store {

// [SECTION] A session's contents

struct BoardItem {
  core::SessionContribution contribution;
  double lat = 0.0;  // the place's; 0 when the place is not here (yet)
  double lon = 0.0;
  std::string nickname;  // of whoever sent it, when they joined (kept after they leave)
  std::int64_t seq = 0;  // the session's version when it was kept: newest is highest
};

struct SessionContents {
  SessionInfo session;               // as it was when the rest was read
  std::vector<std::string> members;  // nicknames of those in the group now, in the order joined
  int people_ever_joined = 0;
  int hidden = 0;                // items hidden by the facilitator (left out of `items`)
  std::vector<BoardItem> items;  // the rest, newest first; withdrawn items are gone
};

// Everything kept in the session, read in one snapshot so the version matches the rest.
// Nullopt with an empty `error` for an unknown session; with `error` on a failure.
std::optional<SessionContents> ReadSessionContents(const Database& db, std::string_view session_id, std::string& error);

// The group's goal without reading every item (a phone asks for it often). Nullopt on a
// database failure, with `error`.
std::optional<core::SessionGoal> SessionGoalOf(const Database& db, std::string_view session_id, std::string& error);

// Whether the device is in the group now. Nullopt on a database failure, with `error`.
std::optional<bool> IsSessionMember(const Database& db, std::string_view session_id, std::string_view device_id,
                                    std::string& error);

// [SECTION] Hiding

// Takes an item (a rating or suggestion kept in `session`, by id) off its board and out of
// its summary, and flags it for the officers ('hidden_in_session'); bumps the version.
// Hiding it again changes nothing. NotFound when no such item was kept in the session,
// Internal on a database failure (the caller rolls back).
StaffResult<bool> HideSessionItem(Database& db, const SessionInfo& session, std::string_view staff_id,
                                  std::string_view item_id, std::int64_t now_unix_seconds);

}  // namespace store
