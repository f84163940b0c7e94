// The restore-code endpoints as plain functions: a device registers the code it shows
// under settings (POST /api/v1/restore-code), and a reinstalled app finds its device and
// progress again by typing it (POST /api/v1/restore). The words live in core/restore_code.h;
// only their hash is stored (store/server_store.h). Start at PostRestore.
// Shapes: see "[SECTION] Wire shapes" in restore_api.cpp.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "server/data_access.h"
#include "server/sync_api.h"

namespace server {

inline constexpr std::size_t kMaxRestoreBodyBytes = 1024;  // bytes in a restore request; more is 413
inline constexpr int kRestoreGuessesPerWindow = 10;        // guesses per client address per window
inline constexpr std::int64_t kRestoreWindowSeconds = 60;  // seconds
inline constexpr std::size_t kMaxTrackedAddresses = 10000; // addresses remembered at once; the oldest go first

// How many restore guesses each client address made in the last minute. In memory only
// (never logged, gone at restart): enough to make guessing 40 bits hopeless.
class RestoreGuesses {
 public:
  // Counts a guess from `address` at `now`; false when it is one too many.
  bool Allow(const std::string& address, std::int64_t now_unix_seconds);

 private:
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> recent_;  // address -> times of its guesses in the window
};

// POST /api/v1/restore {"code": "otter maple lantern cocoa"} from `address`.
Reply PostRestore(ReaderPool& readers, RestoreGuesses& guesses, const std::string& address, std::string_view body,
                  std::int64_t now_unix_seconds);

// POST /api/v1/restore-code {"device_id": uuid, "code": "otter-maple-lantern-cocoa"}.
Reply PostRestoreCode(GroupCommitWriter& writer, std::string_view body, std::int64_t now_unix_seconds);

}  // namespace server
