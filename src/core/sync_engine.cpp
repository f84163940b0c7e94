// This is the implementation of sync_engine.h.
#include "core/sync_engine.h"

#include <algorithm>
#include <cmath>

namespace core {

void SyncEngine::SetOnline(bool online) {
  if (online && !online_) {
    next_attempt_ = 0.0;  // the connection is back: try at once, whatever the back-off said
    failures_ = 0;
  }
  online_ = online;
}

bool SyncEngine::ShouldSync(double now) const {
  if (!online_ || in_flight_ || now < next_attempt_) return false;
  const bool pull_due = pull_now_ || now - last_success_ >= timing_.pull_every_seconds;
  return waiting_ > 0 || pull_due;
}

void SyncEngine::Started(double) { in_flight_ = true; }

void SyncEngine::Succeeded(double now, int sent, bool more) {
  in_flight_ = false;
  failures_ = 0;
  told_to_wait_ = false;
  pull_now_ = more;
  last_success_ = now;
  next_attempt_ = now;
  if (sent > 0) last_sent_at_ = now;
}

void SyncEngine::Failed(double now, double jitter01, double server_wait_seconds) {
  in_flight_ = false;
  ++failures_;
  const double base = timing_.first_retry_seconds * std::pow(2.0, std::min(failures_ - 1, 16));
  const double delay = std::min(base, timing_.max_retry_seconds) * (0.75 + 0.5 * std::clamp(jitter01, 0.0, 1.0));
  told_to_wait_ = server_wait_seconds > 0.0;
  next_attempt_ = now + std::max(delay, server_wait_seconds * (1.0 + 0.5 * std::clamp(jitter01, 0.0, 1.0)));
}

SyncStatus SyncEngine::Status(double now) const {
  if (waiting_ > 0) {
    if (!saved_on_device_) return SyncStatus::SavingOnDevice;
    if (in_flight_) return SyncStatus::Sending;
    if (!online_) return SyncStatus::WaitingForOnline;
    if (failures_ > 0) return told_to_wait_ ? SyncStatus::SlowDown : SyncStatus::WillRetry;
    return SyncStatus::Sending;  // about to start
  }
  if (now - last_sent_at_ < timing_.just_sent_seconds) return SyncStatus::JustSent;
  return SyncStatus::AllSent;
}

std::string_view SyncStatusText(SyncStatus status) {
  switch (status) {
    case SyncStatus::AllSent: return "";
    case SyncStatus::SavingOnDevice: return "Saving on this device...";
    case SyncStatus::WaitingForOnline: return "Saved on this device. It will send when you are online.";
    case SyncStatus::Sending: return "Saved on this device. Sending now...";
    case SyncStatus::WillRetry: return "Saved on this device. We will try to send it again soon.";
    case SyncStatus::SlowDown: return "Saved on this device. Lots was sent just now, so it will send in a few minutes.";
    case SyncStatus::JustSent: return "Sent! Thank you.";
  }
  return "";
}

}  // namespace core
