// How many requests (or items) of one kind each client address, or each device, made in the
// last window, so guessing endpoints (restore codes, staff logins, room codes) and sync can
// say "please wait" instead of dropping anything silently. In memory only: never logged,
// gone at restart. Start at AddressLimit::Allow.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace server {

inline constexpr std::size_t kMaxTrackedAddresses = 10000;  // addresses remembered at once; the oldest go first

class AddressLimit {
 public:
  AddressLimit(int per_window, std::int64_t window_seconds)
      : per_window_(per_window), window_seconds_(window_seconds) {}

  // Counts a request from `address` at `now`; false when it is one too many.
  bool Allow(const std::string& address, std::int64_t now_unix_seconds);

  // For things counted after they happen (items a sync accepted): Full says whether `key`
  // has used its window up, Add counts `count` more at `now`.
  bool Full(const std::string& key, std::int64_t now_unix_seconds);
  void Add(const std::string& key, std::int64_t now_unix_seconds, int count);

 private:
  // The times in the window of `key`'s requests, oldest first; call with mutex_ held.
  std::deque<std::int64_t>& RecentOf(const std::string& key, std::int64_t now_unix_seconds);

  const int per_window_;
  const std::int64_t window_seconds_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> recent_;  // address -> times of its requests in the window
};

}  // namespace server
