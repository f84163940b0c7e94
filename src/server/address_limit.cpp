// This is the implementation of address_limit.h: a sliding window of request times per address.
#include "server/address_limit.h"

namespace server {

bool AddressLimit::Allow(const std::string& address, std::int64_t now_unix_seconds) {
  const std::lock_guard lock(mutex_);
  if (recent_.size() >= kMaxTrackedAddresses) {
    // Forget addresses with no request in the window; if all are busy, forget them all
    // rather than grow without bound.
    std::erase_if(recent_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now_unix_seconds - window_seconds_;
    });
    if (recent_.size() >= kMaxTrackedAddresses) recent_.clear();
  }
  std::deque<std::int64_t>& times = recent_[address];
  while (!times.empty() && times.front() <= now_unix_seconds - window_seconds_) times.pop_front();
  if (times.size() >= static_cast<std::size_t>(per_window_)) return false;
  times.push_back(now_unix_seconds);
  return true;
}

}  // namespace server
