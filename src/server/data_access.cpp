// This is the implementation of data_access.h: the group-commit writer thread and the
// pool of read-only connections.
// Sections: [SECTION] GroupCommitWriter, [SECTION] ReaderPool.
#include "server/data_access.h"

#include <algorithm>
#include <utility>

#include "server/log.h"

namespace server {

// [SECTION] GroupCommitWriter

namespace {
thread_local store::StorageFault t_storage_fault = store::StorageFault::None;  // see TakeStorageFault
}  // namespace

store::StorageFault TakeStorageFault() { return std::exchange(t_storage_fault, store::StorageFault::None); }

GroupCommitWriter::GroupCommitWriter(store::Database db) : db_(std::move(db)), store_(db_) {}

std::unique_ptr<GroupCommitWriter> GroupCommitWriter::Start(store::Database db, std::string& error) {
  std::unique_ptr<GroupCommitWriter> writer(new GroupCommitWriter(std::move(db)));
  if (!writer->store_.Error().empty()) {
    error = "Could not get the database ready: " + writer->store_.Error();
    return nullptr;
  }
  writer->thread_ = std::thread([w = writer.get()] { w->Loop(); });
  return writer;
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_queued_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool GroupCommitWriter::Run(Work work) {
  Job job{std::move(work)};
  std::unique_lock lock(mutex_);
  if (stopping_) return false;
  queue_.push_back(&job);
  work_queued_.notify_one();
  work_done_.wait(lock, [&] { return job.done; });
  t_storage_fault = job.committed ? store::StorageFault::None : job.fault;
  return job.committed;
}

void GroupCommitWriter::Loop() {
  for (;;) {
    std::vector<Job*> group;
    {
      std::unique_lock lock(mutex_);
      work_queued_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, and nothing left to answer
      // Everything that queued while the last COMMIT was syncing goes into this one.
      const std::size_t take = std::min(queue_.size(), kMaxRequestsPerCommit);
      group.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
    }
    if (RunGroup(group)) {
      for (Job* job : group) job->committed = true;
    } else if (group.size() > 1 && last_fault_ == store::StorageFault::None) {
      // One request's failure must not cost the others theirs: each alone, once more.
      // (Not when the disk failed: each alone would fail the same way.)
      for (Job* job : group) {
        job->committed = RunGroup({job});
        job->fault = last_fault_;
      }
    } else {
      for (Job* job : group) job->fault = last_fault_;
    }
    NoteStorage(last_fault_);
    {
      std::lock_guard lock(mutex_);
      for (Job* job : group) job->done = true;
    }
    work_done_.notify_all();
  }
}

void GroupCommitWriter::NoteStorage(store::StorageFault fault) {
  if (fault == logged_fault_) return;  // one line when saving stops, one when it starts again
  // A small commit can fit where a big one did not: "again" only once the system sees room.
  if (fault == store::StorageFault::None && db_.RoomProblem() != 0) return;
  if (fault != store::StorageFault::None)
    LogLine("error: " + store::StorageFaultWords(fault, db_.FilePath(), last_errno_) +
            " Until then phones and officers are told so (503), and reading the map goes on.");
  else
    LogLine("The database can save again: what phones kept will now be sent.");
  logged_fault_ = fault;
}

bool GroupCommitWriter::RunGroup(const std::vector<Job*>& group) {
  last_fault_ = store::StorageFault::None;
  // Read before the rollback, which replaces SQLite's last error; logged once by NoteStorage.
  auto storage_failed = [&] {
    last_fault_ = db_.LastStorageFault();
    last_errno_ = db_.LastSystemErrno();
    return last_fault_ != store::StorageFault::None;
  };
  if (!store_.Begin()) {
    if (!storage_failed()) LogLine("error: the database could not begin a transaction: " + store_.Error());
    return false;
  }
  for (Job* job : group) {
    bool worked = false;
    try {
      worked = job->work(store_);
    } catch (const std::exception& e) {  // out of memory: fail this group, keep the thread
      LogLine(std::string("error: saving a request failed: ") + e.what());
    }
    if (!worked) {
      if (!storage_failed()) LogLine("error: the database could not save a request: " + store_.Error());
      store_.Rollback();
      return false;
    }
  }
  // Only now is anything durable; the requests are answered after this returns.
  if (!store_.Commit()) {
    if (!storage_failed()) LogLine("error: the database could not commit: " + store_.Error());
    store_.Rollback();
    return false;
  }
  return true;
}

// [SECTION] ReaderPool

namespace {

constexpr std::int64_t kMapBytes = 256ll << 20;  // bytes of the database file a reader maps, at most

// Pulls read the same pages of the feed again and again. Mapped, they come straight from
// the operating system's cache; through read() each 4 KB page was copied into SQLite's
// 2 MB cache per connection, which the pages of 5,000 places overflow: about a third of a
// pull's CPU time in bench/sync_bench.cpp. (The writer gained nothing measurable from it,
// so it reads as before.) Mapped pages count in the resident size, as shared file pages
// the system can take back.
void MapFile(const store::Database& db) {
  std::string ignored;  // without it SQLite just reads as before
  db.Exec("PRAGMA mmap_size = " + std::to_string(kMapBytes), ignored);
}

}  // namespace

ReaderPool::ReaderPool(std::filesystem::path path, int max_connections)
    : path_(std::move(path)), max_connections_(std::max(1, max_connections)) {}

bool ReaderPool::With(const std::function<void(const store::Database&)>& read, std::string& error) {
  std::unique_ptr<store::Database> db;
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || opened_ < max_connections_; });
    if (!idle_.empty()) {
      db = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++opened_;  // counted before opening, so no more than the maximum are ever opened
    }
  }
  if (!db) {
    store::OpenOptions options;
    options.access = store::Access::ReadOnly;
    std::optional<store::Database> opened = store::Database::Open(path_.string(), error, options);
    if (!opened) {
      std::lock_guard lock(mutex_);
      --opened_;
      returned_.notify_one();
      return false;
    }
    MapFile(*opened);
    db = std::make_unique<store::Database>(std::move(*opened));
  }
  read(*db);
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  returned_.notify_one();
  return true;
}

}  // namespace server
