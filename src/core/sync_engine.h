// When a device talks to the server, and what it tells the young person about it. A small
// state machine with no clock, network or storage of its own: the client feeds it the time,
// the connection state and the outbox size, asks ShouldSync(), and reports how each try went.
// Retries back off (2 s, 4 s, ... up to 2 minutes, with jitter) and never give up;
// nothing is ever dropped here. Start with ShouldSync and Status.
#pragma once
#include <string_view>

namespace core {

enum class SyncStatus {
  AllSent,           // nothing waiting
  SavingOnDevice,    // waiting items are not yet safely stored on this device
  WaitingForOnline,  // saved on the device; no connection
  Sending,           // a request is on its way
  WillRetry,         // saved on the device; the last try failed, another is planned
  SlowDown,          // saved on the device; the server asked it to wait (too much sent at once)
  JustSent,          // the last items went a moment ago
};

struct SyncTiming {
  double first_retry_seconds = 2.0;
  double max_retry_seconds = 120.0;
  double pull_every_seconds = 300.0;     // look for map changes this often when idle
  double just_sent_seconds = 8.0;        // how long "Sent!" stays
};

class SyncEngine {
 public:
  explicit SyncEngine(SyncTiming timing = {}) : timing_(timing) {}

  void SetOnline(bool online);
  void SetWaitingCount(int waiting) { waiting_ = waiting; }
  void SetSavedOnDevice(bool saved) { saved_on_device_ = saved; }

  // True when a sync request should start now: online, none in flight, the retry time has
  // come, and there is something to send or the map is due a look for changes.
  bool ShouldSync(double now) const;

  void Started(double now);
  // The server answered. `sent` items were taken (or were already there); `more` says
  // another round is needed straight away (more items, or another page of changes).
  void Succeeded(double now, int sent, bool more);
  // No answer, or an answer that was not a success. `jitter01` in [0,1) spreads retries of
  // many devices in one room. `server_wait_seconds` > 0: the server said to wait that long
  // (429), so the next try is no sooner, and the status says why.
  void Failed(double now, double jitter01, double server_wait_seconds = 0.0);

  SyncStatus Status(double now) const;
  bool InFlight() const { return in_flight_; }
  double NextAttemptAt() const { return next_attempt_; }
  int ConsecutiveFailures() const { return failures_; }

 private:
  SyncTiming timing_;
  bool online_ = true;
  bool in_flight_ = false;
  bool saved_on_device_ = true;
  bool pull_now_ = true;          // pull once at start
  int waiting_ = 0;
  int failures_ = 0;
  bool told_to_wait_ = false;     // the last failure was the server asking to slow down
  double next_attempt_ = 0.0;     // seconds, on the caller's clock
  double last_success_ = -1e9;
  double last_sent_at_ = -1e9;
};

// What to show, in easy-read words; "" when there is nothing worth saying.
std::string_view SyncStatusText(SyncStatus status);

}  // namespace core
