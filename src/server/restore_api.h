// The restore-code endpoints as plain functions: a device registers the code it shows
// under settings (POST /api/v1/restore-code), and a reinstalled app finds its device and
// progress again by typing it (POST /api/v1/restore). The words live in core/restore_code.h;
// only their hash is stored (store/server_store.h). Start at PostRestore.
// Shapes: see "[SECTION] Wire shapes" in restore_api.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "server/address_limit.h"
#include "server/data_access.h"
#include "server/sync_api.h"

namespace server {

inline constexpr std::size_t kMaxRestoreBodyBytes = 1024;  // bytes in a restore request; more is 413
inline constexpr int kRestoreGuessesPerWindow = 10;        // guesses per client address per window
inline constexpr std::int64_t kRestoreWindowSeconds = 60;  // seconds

// How many restore guesses each client address may make in a window: enough to make
// guessing 40 bits hopeless.
class RestoreGuesses : public AddressLimit {
 public:
  RestoreGuesses() : AddressLimit(kRestoreGuessesPerWindow, kRestoreWindowSeconds) {}
};

// POST /api/v1/restore {"code": "otter maple lantern cocoa"} from `address`.
Reply PostRestore(ReaderPool& readers, RestoreGuesses& guesses, const std::string& address, std::string_view body,
                  std::int64_t now_unix_seconds);

// POST /api/v1/restore-code {"device_id": uuid, "code": "otter-maple-lantern-cocoa"}.
Reply PostRestoreCode(GroupCommitWriter& writer, std::string_view body, std::int64_t now_unix_seconds);

}  // namespace server
