// The co-production session endpoints as plain functions: staff start a session
// (POST /api/v1/sessions), see it (GET /api/v1/sessions/{id}) and pause, resume or end it
// (POST /api/v1/sessions/{id}/state); young people join it with its room code
// (POST /api/v1/sessions/join) and leave (POST /api/v1/sessions/leave). Sessions live in
// store/session_store.h; boards and summaries are session_board_api.h. Start at
// PostSession. Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/address_limit.h"
#include "server/data_access.h"
#include "server/sync_api.h"
#include "store/session_store.h"
#include "store/staff_store.h"

namespace server {

inline constexpr std::size_t kMaxSessionBodyBytes = 2048;  // bytes in a session request; more is 413
inline constexpr int kJoinGuessesPerWindow = 120;          // join tries per client address per window
inline constexpr std::int64_t kJoinWindowSeconds = 60;     // seconds
inline constexpr int kJoinTriesPerDevice = 10;             // join tries per device per window

// How many join tries each client address may make in a window: a group on one room's
// Wi-Fi shares an address (30 young people and their slips), so it is more generous than
// restore codes. Guessing stays hopeless: 120 tries a minute against the few open codes
// among 25^6 would take many years to hit one. One device gets far fewer tries: enough for
// a few typos, not for a script.
struct SessionJoinGuesses {
  AddressLimit by_address{kJoinGuessesPerWindow, kJoinWindowSeconds};
  AddressLimit by_device{kJoinTriesPerDevice, kJoinWindowSeconds};
};

// POST /api/v1/sessions {"name", "theme"?, "area"?} by a youth worker or officer.
Reply PostSession(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization, std::string_view body,
                  std::int64_t now_unix_seconds);

// POST /api/v1/sessions/join {"room_code", "device_id", "nickname"} from `address`.
Reply PostSessionJoin(GroupCommitWriter& writer, SessionJoinGuesses& guesses, const std::string& address,
                      std::string_view body, std::int64_t now_unix_seconds);

// POST /api/v1/sessions/leave {"session_id", "device_id"}.
Reply PostSessionLeave(GroupCommitWriter& writer, std::string_view body, std::int64_t now_unix_seconds);

// POST /api/v1/sessions/{id}/state {"state": "open|paused|ended"} by its creator or an officer.
Reply PostSessionState(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                       const std::string& session_id, std::string_view body, std::int64_t now_unix_seconds);

// GET /api/v1/sessions/{id} by its creator or an officer.
Reply GetSession(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                 std::int64_t now_unix_seconds);

// [SECTION] Shared by the session endpoints (here and session_board_api.cpp)

// A session request's JSON object (at most kMaxSessionBodyBytes), or why it cannot be read.
std::optional<core::ApiError> ReadSessionRequest(std::string_view body, nlohmann::json& doc);

// doc[field] as text ("" when absent and not `required`), or the error that says `ask`.
std::optional<core::ApiError> ReadSessionText(const nlohmann::json& doc, const char* field, bool required,
                                              const std::string& ask, std::string& text);

core::ApiError NoSuchSession();  // 404, in words a youth worker understands

struct RunnableSession {
  store::StaffMember staff;
  store::SessionInfo session;
};

// The logged-in member of staff behind `authorization` and the session they may run (its
// creator, or any officer), or the error: Unauthorised, Forbidden, NotFound, Internal.
store::StaffResult<RunnableSession> SessionToRun(ReaderPool& readers, std::string_view authorization,
                                                 const std::string& session_id, std::int64_t now_unix_seconds);

}  // namespace server
