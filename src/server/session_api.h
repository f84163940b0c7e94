// The co-production session endpoints as plain functions: staff start a session
// (POST /api/v1/sessions), see it (GET /api/v1/sessions/{id}) and pause, resume or end it
// (POST /api/v1/sessions/{id}/state); young people join it with its room code
// (POST /api/v1/sessions/join) and leave (POST /api/v1/sessions/leave). Sessions live in
// store/session_store.h. Start at PostSession. Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "server/address_limit.h"
#include "server/data_access.h"
#include "server/sync_api.h"

namespace server {

inline constexpr std::size_t kMaxSessionBodyBytes = 2048;  // bytes in a session request; more is 413
inline constexpr int kJoinGuessesPerWindow = 30;           // join tries per client address per window
inline constexpr std::int64_t kJoinWindowSeconds = 60;     // seconds

// How many join tries each client address may make in a window: a group on one room's
// Wi-Fi shares an address, so it is more generous than restore codes.
class SessionJoinGuesses : public AddressLimit {
 public:
  SessionJoinGuesses() : AddressLimit(kJoinGuessesPerWindow, kJoinWindowSeconds) {}
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

}  // namespace server
