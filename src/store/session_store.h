// Co-production sessions in the server's database (migrations/server/0008_co_sessions.sql):
// a youth worker or officer starts a session and gets a room code; young people join it
// with the code and their nickname, and leave with one tap. Members are shown by nickname
// only; device ids never leave this file's tables. Each change bumps the session's version
// (0009), which its board polls. Not here: HTTP and login (server/session_api.h), making
// codes (core/room_code.h), the board and summary (store/session_board.h).
// Start at CreateSession.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/room_code.h"
#include "store/database.h"
#include "store/staff_store.h"

namespace store {

inline constexpr std::size_t kMaxSessionNameChars = 80;    // characters (UTF-8 code points)
inline constexpr std::size_t kMaxSessionThemeChars = 120;  // characters
inline constexpr int kRoomCodeTries = 4;                   // new codes tried when one is taken
// Random bytes CreateSession needs: 16 for the id, then one code's worth per try.
inline constexpr std::size_t kSessionRandomBytes = 16 + kRoomCodeTries * core::kRoomCodeBytes;

enum class SessionState { Open, Paused, Ended };
std::string_view SessionStateName(SessionState state);  // "open", "paused", "ended"
std::optional<SessionState> SessionStateFromName(std::string_view name);

// The part of the map a session is about; inside core::DefaultServiceArea().
struct SessionArea {
  double south = 0.0;  // degrees north
  double west = 0.0;   // degrees east
  double north = 0.0;
  double east = 0.0;
};

struct NewSession {
  std::string id;         // a UUID
  std::string room_code;  // "KXM4P7"
};

struct SessionInfo {
  std::string id;
  std::string room_code;
  std::string name;
  std::string theme;
  SessionArea area;
  std::string created_by;  // staff id
  SessionState state = SessionState::Open;
  std::int64_t created_at = 0;            // unix seconds
  std::optional<std::int64_t> ended_at;   // unix seconds, once ended
  std::int64_t version = 0;               // grows with every change its board can show
};

// Nullopt when the name, theme and area are allowed; otherwise the error to show
// (InvalidField naming "name", "theme" or "area").
std::optional<core::ApiError> CheckSessionDetails(std::string_view name, std::string_view theme,
                                                  const SessionArea& area);

// A new open session started by `staff_id`, with a room code no other session has.
// InvalidField (see CheckSessionDetails), Internal on a database failure or (very rarely)
// when every try's code was taken.
StaffResult<NewSession> CreateSession(Database& db, std::string_view staff_id, std::string_view name,
                                      std::string_view theme, const SessionArea& area,
                                      std::span<const std::uint8_t, kSessionRandomBytes> random,
                                      std::int64_t now_unix_seconds);

// The session with room code `room_code` (normalised, "KXM4P7") or id `session_id`;
// nullopt with an empty `error` when there is none.
std::optional<SessionInfo> SessionByCode(const Database& db, std::string_view room_code, std::string& error);
std::optional<SessionInfo> SessionById(const Database& db, std::string_view session_id, std::string& error);

// Joins (or joins again) the session with room code `room_code` (normalised). NotFound
// for an unknown code, Conflict when it has ended, InvalidField for a device id that is
// not a UUID or a nickname that is not one of ours.
StaffResult<SessionInfo> JoinSession(Database& db, std::string_view room_code, std::string_view device_id,
                                     std::string_view nickname, std::int64_t now_unix_seconds);

// Leaves the session (nothing when the device was not in it). NotFound for an unknown
// session, Internal on a database failure.
StaffResult<bool> LeaveSession(Database& db, std::string_view session_id, std::string_view device_id,
                               std::int64_t now_unix_seconds);

// Pauses, resumes or ends a session; only the member of staff who started it, or an
// officer. NotFound, Forbidden, Conflict (an ended session stays ended), Internal.
StaffResult<SessionState> SetSessionState(Database& db, std::string_view staff_id, StaffRole role,
                                          std::string_view session_id, SessionState state,
                                          std::int64_t now_unix_seconds);

// One more change the session's board must show: its new version, or nullopt on a
// database failure.
std::optional<std::int64_t> BumpSessionVersion(Database& db, std::string_view session_id);

// Whether `staff_id` with `role` may run the session: its creator or an officer.
bool MayRunSession(const SessionInfo& session, std::string_view staff_id, StaffRole role);

inline constexpr int kMaxSessionsListed = 50;  // sessions in a list, newest first

struct SessionListEntry {
  SessionInfo session;
  int members = 0;  // in the group now
};

// A youth worker's own sessions, or every session for an officer; newest first, at most
// `limit`. Nullopt on a database failure, with `error`.
std::optional<std::vector<SessionListEntry>> SessionsFor(const Database& db, std::string_view staff_id,
                                                         StaffRole role, int limit, std::string& error);

// The nicknames of those in the session now, in the order they joined. Never device ids.
std::optional<std::vector<std::string>> SessionMembers(const Database& db, std::string_view session_id,
                                                       std::string& error);

}  // namespace store
