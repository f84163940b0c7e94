// Backing up a live server database and putting a backup back (safespaces-admin backup
// and restore). A backup is a consistent copy made with SQLite's online backup API while
// the server keeps writing; a restore checks the copy first and keeps the database it
// replaces. Also the health check both use. Not here: the command line (admin_main.cpp).
// Start at BackupDatabase.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/server_store.h"

namespace store {

// PRAGMA integrity_check and foreign_key_check: "" when both find nothing wrong, else
// SQLite's own words (the first few problems).
std::string IntegrityProblems(const Database& db);

struct BackupOptions {
  int pages_per_step = 256;  // pages (4 KB each) copied per step; between steps the server may write
  int pause_ms = 2;          // ms between two steps, so a copy never hogs the disk
};

struct BackupSummary {
  std::int64_t bytes = 0;  // the copy's size
  int pages = 0;
  int steps = 0;           // backup steps it took
  int schema_version = 0;
  ServerCounts counts;     // read from the copy, after its check
};

// Copies the database at `source` to a new file `target` (which must not exist yet): one
// snapshot of the database as it was when the copy began, whatever the server writes
// meanwhile. The copy is a single self-contained file, checked with IntegrityProblems
// before it gets its name (until then it is `target`.partial). nullopt and `error` on failure.
std::optional<BackupSummary> BackupDatabase(const std::string& source, const std::string& target, std::string& error,
                                            const BackupOptions& options = {});

struct RestoreSummary {
  std::string kept_as;     // where the database that was there is now; "" if there was none
  int schema_version = 0;  // the restored database's (the server migrates an older one on start)
  ServerCounts counts;
};

// Puts the backup `backup` in place as the database at `database_path`. Refuses, changing
// nothing, when the backup is damaged, not a Safe Spaces database or from a newer version,
// or when a server (or any other program) has the database open. The database that was
// there is kept beside it as safespaces.db.before-restore (or -2, -3, ...).
std::optional<RestoreSummary> RestoreDatabase(const std::string& backup, const std::string& database_path,
                                              std::string& error);

}  // namespace store
