// This is the implementation of address_limit.h: a sliding window of request times per address.
#include "server/address_limit.h"

namespace server {

std::deque<std::int64_t>& AddressLimit::RecentOf(const std::string& key, std::int64_t now_unix_seconds) {
  if (recent_.size() >= kMaxTrackedAddresses) {
    // Forget addresses with no request in the window; if all are busy, forget them all
    // rather than grow without bound.
    std::erase_if(recent_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now_unix_seconds - window_seconds_;
    });
    if (recent_.size() >= kMaxTrackedAddresses) recent_.clear();
  }
  std::deque<std::int64_t>& times = recent_[key];
  while (!times.empty() && times.front() <= now_unix_seconds - window_seconds_) times.pop_front();
  return times;
}

bool AddressLimit::Allow(const std::string& address, std::int64_t now_unix_seconds) {
  const std::lock_guard lock(mutex_);
  std::deque<std::int64_t>& times = RecentOf(address, now_unix_seconds);
  if (times.size() >= static_cast<std::size_t>(per_window_)) return false;
  times.push_back(now_unix_seconds);
  return true;
}

bool AddressLimit::Full(const std::string& key, std::int64_t now_unix_seconds) {
  const std::lock_guard lock(mutex_);
  return RecentOf(key, now_unix_seconds).size() >= static_cast<std::size_t>(per_window_);
}

void AddressLimit::Add(const std::string& key, std::int64_t now_unix_seconds, int count) {
  const std::lock_guard lock(mutex_);
  std::deque<std::int64_t>& times = RecentOf(key, now_unix_seconds);
  for (int i = 0; i < count; ++i) times.push_back(now_unix_seconds);
}

}  // namespace server
