// How the server's HTTP threads reach its database: one writer thread that commits many
// requests' work in one transaction (GroupCommitWriter), and a few read-only connections
// for pulls (ReaderPool). No SQL and no rules here: those are in store/server_store.h.
// Start at GroupCommitWriter::Run.
//
// Why group commit: the server runs SQLite in WAL mode with synchronous=FULL, so a device
// is told "accepted" only after COMMIT has synced the log to disk (a crash of the server,
// or a power cut, keeps it). One fsync per request would cap the server at about one
// request per fsync (~120 us here, and one writer at a time anyway); with group commit,
// the requests that arrive while one COMMIT syncs all wait for the next one, so the cost
// of FULL is shared and almost disappears under load (TOOLCHAIN.md, "Native").
#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/server_store.h"

namespace server {

inline constexpr std::size_t kMaxRequestsPerCommit = 64;  // requests sharing one transaction

class GroupCommitWriter {
 public:
  // Takes the database's only writing connection and starts the writer thread. Nullptr
  // (and `error`) if the store's statements could not be prepared.
  static std::unique_ptr<GroupCommitWriter> Start(store::Database db, std::string& error);
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;
  ~GroupCommitWriter();  // finishes the work already queued, then stops the thread

  // Work for the writer: runs inside a transaction it shares with other requests, and
  // may run again (in a transaction of its own) if another request's work failed, so it
  // must start from scratch each time. Returns false on a database failure.
  using Work = std::function<bool(store::ServerStore&)>;

  // Queues `work` and waits until its transaction has committed (true) or failed (false).
  // Called from the HTTP worker threads, any number at once. When it failed because of
  // the storage, TakeStorageFault() on the same thread says so.
  bool Run(Work work);

 private:
  struct Job {
    Work work;
    bool done = false;
    bool committed = false;
    store::StorageFault fault = store::StorageFault::None;  // why it failed, if the disk was the cause
  };

  explicit GroupCommitWriter(store::Database db);
  void Loop();
  bool RunGroup(const std::vector<Job*>& group);  // one transaction for all of `group`
  void NoteStorage(store::StorageFault fault);    // tells the log when saving stops and starts again

  store::Database db_;
  store::ServerStore store_;  // only ever used on the writer thread
  store::StorageFault last_fault_ = store::StorageFault::None;  // of the last RunGroup; writer thread only
  int last_errno_ = 0;
  store::StorageFault logged_fault_ = store::StorageFault::None;  // what the log last said; writer thread only
  std::mutex mutex_;
  std::condition_variable work_queued_;
  std::condition_variable work_done_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

// Why the last GroupCommitWriter::Run() on this thread failed, when the storage was the
// cause (a full disk, a file-size limit, a read-only file); None otherwise. Reading it
// clears it. A request is handled on one HTTP worker thread from routing to answer, so
// its answer can say "the server is full" (503) instead of "our fault" (server.cpp, Errors).
store::StorageFault TakeStorageFault();

// Read-only connections to the same database file, lent one at a time. WAL lets them read
// a consistent snapshot while the writer writes.
class ReaderPool {
 public:
  ReaderPool(std::filesystem::path path, int max_connections);

  // Runs `read` with a connection no other thread is using. False (and `error`) if no
  // connection could be opened.
  bool With(const std::function<void(const store::Database&)>& read, std::string& error);

 private:
  std::filesystem::path path_;
  int max_connections_;
  int opened_ = 0;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<store::Database>> idle_;
};

}  // namespace server
