// This is the implementation of backup.h: the health check, the stepped online backup of a
// live database, and a restore that takes the database's lock before it changes anything.
// Sections: [SECTION] Checking, [SECTION] Backup, [SECTION] Restore.
#include "store/backup.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

namespace store {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxProblemsShown = 5;       // lines of SQLite's findings repeated to the reader
constexpr auto kMaxBusyWait = std::chrono::seconds(30);  // a backup step waits this long for a lock, at most

// SQLite's words end without a full stop; ours always end with one.
std::string Sentence(std::string words) {
  if (!words.empty() && words.back() != '.') words += '.';
  return words;
}

OpenOptions AsItIs() {
  OpenOptions options;
  options.access = Access::AsItIs;
  return options;
}

// Reads one value of a pragma or query; nullopt (and `error`) if it gave no row.
std::optional<std::string> ReadText(const Database& db, std::string_view sql, std::string& error) {
  Statement statement = db.Prepare(sql);
  if (statement.Step() != StepResult::Row) {
    error = statement.Error().empty() ? "no answer" : statement.Error();
    return std::nullopt;
  }
  return std::string(statement.ColumnText(0));
}

// A single self-contained file: no -wal beside it that the copy would need.
bool MakeOneFile(const Database& db, std::string& error) {
  std::optional<std::string> mode = ReadText(db, "PRAGMA journal_mode = DELETE", error);
  if (mode && *mode != "delete") error = "it stayed in journal mode '" + *mode + "'";
  return mode && *mode == "delete";
}

// Copies all of `from` into `to` in one step, for copies nobody else is writing to.
bool CopyAll(const Database& from, const Database& to, std::string& error) {
  sqlite3_backup* backup = sqlite3_backup_init(to.Handle(), "main", from.Handle(), "main");
  if (!backup) {
    error = sqlite3_errmsg(to.Handle());
    return false;
  }
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped == SQLITE_DONE && finished == SQLITE_OK) return true;
  error = sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished);
  return false;
}

}  // namespace

// [SECTION] Checking

std::string IntegrityProblems(const Database& db) {
  std::string problems;
  Statement check = db.Prepare("PRAGMA integrity_check(" + std::to_string(kMaxProblemsShown) + ")");
  StepResult step = StepResult::Row;
  while ((step = check.Step()) == StepResult::Row) {
    const std::string_view line = check.ColumnText(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + std::string(line);
  }
  if (step == StepResult::Error) return "the integrity check could not run: " + check.Error();

  Statement keys = db.Prepare("PRAGMA foreign_key_check");
  int broken = 0;
  while ((step = keys.Step()) == StepResult::Row) {
    if (++broken > kMaxProblemsShown) continue;
    problems += (problems.empty() ? "" : "; ") + std::string("a row of ") + std::string(keys.ColumnText(0)) +
                " points to a missing row of " + std::string(keys.ColumnText(2));
  }
  if (step == StepResult::Error) return "the foreign key check could not run: " + keys.Error();
  if (broken > kMaxProblemsShown) problems += "; " + std::to_string(broken) + " such rows in all";
  return problems;
}

// [SECTION] Backup

std::optional<BackupSummary> BackupDatabase(const std::string& source, const std::string& target, std::string& error,
                                            const BackupOptions& options) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) {
    error = "There is no database at " + source + ". Is --data the server's data folder?";
    return std::nullopt;
  }
  if (fs::exists(target, ec)) {
    error = target + " is there already. Choose another name, or move the old file away first.";
    return std::nullopt;
  }
  const std::string partial = target + ".partial";  // never mistaken for a finished backup
  fs::remove(partial, ec);

  std::string reason;
  std::optional<Database> from = Database::Open(source, reason, AsItIs());
  if (!from) {
    error = reason;
    return std::nullopt;
  }
  // One read transaction for the whole copy, so every step reads the same snapshot while
  // the server writes beside it (WAL). Without it, SQLite starts a copy from the beginning
  // whenever another program writes between two steps: under steady syncs, for ever.
  if (!from->Exec("BEGIN", reason) || !ReadText(*from, "SELECT count(*) FROM sqlite_schema", reason)) {
    error = "Could not read " + source + ": " + reason;
    return std::nullopt;
  }
  std::optional<Database> to = Database::Open(partial, reason, AsItIs());
  if (!to) {
    error = "Could not make " + partial + ": " + reason;
    return std::nullopt;
  }

  BackupSummary summary;
  sqlite3_backup* backup = sqlite3_backup_init(to->Handle(), "main", from->Handle(), "main");
  if (!backup) {
    error = "Could not start the copy: " + std::string(sqlite3_errmsg(to->Handle()));
    to.reset();
    fs::remove(partial, ec);
    return std::nullopt;
  }
  auto busy_since = std::chrono::steady_clock::now();
  int stepped = SQLITE_OK;
  for (;;) {
    stepped = sqlite3_backup_step(backup, options.pages_per_step);
    ++summary.steps;
    if (stepped == SQLITE_OK) busy_since = std::chrono::steady_clock::now();
    const bool busy = stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED;
    if (stepped != SQLITE_OK && !busy) break;
    if (busy && std::chrono::steady_clock::now() - busy_since > kMaxBusyWait) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(options.pause_ms));
  }
  summary.pages = sqlite3_backup_pagecount(backup);
  const int finished = sqlite3_backup_finish(backup);
  from->Exec("COMMIT", reason);  // ends the snapshot; the server's checkpoints may go on
  from.reset();

  std::string problems;
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    problems = std::string("the copy stopped: ") + sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished);
  } else if (!MakeOneFile(*to, reason)) {
    problems = "the copy could not be made one file: " + reason;
  } else if (problems = IntegrityProblems(*to); !problems.empty()) {
    problems = "the copy failed its check: " + problems;
  } else if (std::optional<ServerCounts> counts = CountRows(*to, reason)) {
    summary.counts = *counts;
    summary.schema_version = to->SchemaVersion();
  } else {
    problems = "the copy could not be counted: " + reason;
  }
  to.reset();  // closed before it gets its name
  if (problems.empty()) fs::rename(partial, target, ec);
  if (problems.empty() && ec) problems = "could not name it " + target + ": " + ec.message();
  if (!problems.empty()) {
    fs::remove(partial, ec);
    error = "The backup was not made: " + problems + ".";
    return std::nullopt;
  }
  summary.bytes = static_cast<std::int64_t>(fs::file_size(target, ec));
  return summary;
}

// [SECTION] Restore

namespace {

// safespaces.db.before-restore, or -2, -3, ... when an earlier restore left one.
std::string FreeKeepName(const std::string& database_path) {
  const std::string base = database_path + ".before-restore";
  std::error_code ec;
  if (!fs::exists(base, ec)) return base;
  for (int n = 2;; ++n)
    if (const std::string name = base + "-" + std::to_string(n); !fs::exists(name, ec)) return name;
}

// Takes the database's lock and keeps it until `db` closes: locking_mode EXCLUSIVE keeps
// it after COMMIT. Every connection a server has open holds a shared lock on a database in
// WAL mode, so this fails at once (busy_timeout 0) while a server runs on it.
bool LockForRestore(const Database& db, std::string& error) {
  sqlite3_busy_timeout(db.Handle(), 0);
  return db.Exec("PRAGMA locking_mode = EXCLUSIVE", error) && db.Exec("BEGIN EXCLUSIVE", error) &&
         db.Exec("COMMIT", error);
}

}  // namespace

std::optional<RestoreSummary> RestoreDatabase(const std::string& backup, const std::string& database_path,
                                              std::string& error) {
  const std::string nothing_changed = " Nothing was changed.";
  std::error_code ec;
  if (!fs::is_regular_file(backup, ec)) {
    error = "There is no backup at " + backup + "." + nothing_changed;
    return std::nullopt;
  }
  // Look at the backup before anything else: a newer one is refused by Open, in words.
  std::string reason;
  std::optional<Database> from = Database::Open(backup, reason, AsItIs());
  if (!from) {
    error = "Cannot restore " + backup + ": " + Sentence(reason) + nothing_changed;
    return std::nullopt;
  }
  std::optional<std::string> tables =
      ReadText(*from, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('places', 'sync_items')",
               reason);
  if (!tables || *tables != "2") {
    error = backup + " is not a Safe Spaces database (it has no places or sync items)." + nothing_changed;
    return std::nullopt;
  }
  if (const std::string problems = IntegrityProblems(*from); !problems.empty()) {
    error = "The backup " + backup + " is damaged: " + problems + "." + nothing_changed;
    return std::nullopt;
  }
  RestoreSummary summary;
  summary.schema_version = from->SchemaVersion();

  fs::create_directories(fs::path(database_path).parent_path(), ec);
  const bool replacing = fs::exists(database_path, ec);
  std::optional<Database> to = Database::Open(database_path, reason, AsItIs());
  if (!to) {
    error = "Cannot restore into " + database_path + ": " + Sentence(reason) + nothing_changed;
    return std::nullopt;
  }
  if (!LockForRestore(*to, reason)) {
    error = "A Safe Spaces server (or another program) is using " + database_path +
            ". Stop the server first, then restore again." + nothing_changed;
    return std::nullopt;
  }
  if (replacing) {
    const std::string keep = FreeKeepName(database_path);
    std::optional<Database> kept = Database::Open(keep, reason, AsItIs());
    if (!kept || !CopyAll(*to, *kept, reason) || !MakeOneFile(*kept, reason)) {
      kept.reset();
      fs::remove(keep, ec);
      error = "Could not keep the database that is there as " + keep + ": " + Sentence(reason) + nothing_changed;
      return std::nullopt;
    }
    summary.kept_as = keep;
  }
  // One write transaction on the locked database: it holds the backup, or (on failure)
  // what it held before.
  if (!CopyAll(*from, *to, reason)) {
    error = "Could not copy the backup into " + database_path + ": " + reason + ". The database there is as it was" +
            (summary.kept_as.empty() ? "." : ", and a copy of it is in " + summary.kept_as + ".");
    return std::nullopt;
  }
  if (const std::string problems = IntegrityProblems(*to); !problems.empty()) {
    error = "The restored database failed its check: " + problems +
            (summary.kept_as.empty() ? "." : ". The database that was there is in " + summary.kept_as + ".");
    return std::nullopt;
  }
  std::optional<ServerCounts> counts = CountRows(*to, reason);
  if (counts) summary.counts = *counts;
  return summary;
}

}  // namespace store
