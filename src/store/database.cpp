// This is the implementation of database.h: opening SQLite with our pragmas, running the
// numbered migrations, and the prepared-statement wrapper.
// Sections: [SECTION] Statement, [SECTION] Opening and migrating, [SECTION] Database.
#include "store/database.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "store/migrations.h"

namespace store {

// [SECTION] Statement

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string error)
    : db_(db), stmt_(stmt), error_(std::move(error)) {}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      error_(std::move(other.error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    error_ = std::move(other.error_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

bool Statement::CheckBind(int result_code, int index) {
  if (result_code == SQLITE_OK) return true;
  if (error_.empty())
    error_ = "Could not use value " + std::to_string(index) + " in the query: " + sqlite3_errstr(result_code);
  return false;
}

Statement& Statement::BindInt64(int index, std::int64_t value) {
  if (stmt_) CheckBind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  if (stmt_) CheckBind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::BindText(int index, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would store as NULL: bind "" instead.
  const char* data = text.data() ? text.data() : "";
  if (stmt_) CheckBind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  const char* data = bytes.data() ? bytes.data() : "";  // as in BindText: empty, never NULL
  if (stmt_) CheckBind(sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (stmt_) CheckBind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

StepResult Statement::Step() {
  if (!stmt_) {
    if (error_.empty()) error_ = "There is no query to run.";
    return StepResult::Error;
  }
  if (!error_.empty()) return StepResult::Error;  // a bind failed: never run half-bound SQL
  const int result = sqlite3_step(stmt_);
  if (result == SQLITE_ROW) return StepResult::Row;
  if (result == SQLITE_DONE) return StepResult::Done;
  error_ = sqlite3_errmsg(db_);
  return StepResult::Error;
}

int Statement::ColumnCount() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }

bool Statement::ColumnIsNull(int column) const { return !stmt_ || sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::ColumnInt64(int column) const { return stmt_ ? sqlite3_column_int64(stmt_, column) : 0; }

double Statement::ColumnDouble(int column) const { return stmt_ ? sqlite3_column_double(stmt_, column) : 0.0; }

std::string_view Statement::ColumnText(int column) const {
  if (!stmt_) return {};
  const unsigned char* text = sqlite3_column_text(stmt_, column);  // before _bytes, as SQLite asks
  const int size = sqlite3_column_bytes(stmt_, column);
  if (!text) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::string_view Statement::ColumnBlob(int column) const {
  if (!stmt_) return {};
  const void* bytes = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (!bytes) return {};
  return {static_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

void Statement::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  error_.clear();
}

// [SECTION] Opening and migrating

namespace {

bool IsInMemory(const std::string& path) { return path == ":memory:" || path.empty(); }

// Reads a pragma's single value, e.g. "user_version" or "journal_mode".
std::optional<std::string> ReadPragma(const Database& db, std::string_view sql, std::string& error) {
  Statement statement = db.Prepare(sql);
  if (statement.Step() != StepResult::Row) {
    error = statement.Error();
    return std::nullopt;
  }
  return std::string(statement.ColumnText(0));
}

std::optional<int> ReadUserVersion(const Database& db, std::string& error) {
  Statement statement = db.Prepare("PRAGMA user_version");
  if (statement.Step() != StepResult::Row) {
    error = statement.Error();
    return std::nullopt;
  }
  return static_cast<int>(statement.ColumnInt64(0));
}

// PRAGMA journal_mode = `mode` ("wal", "memory"), and that SQLite took it.
bool SetJournalMode(const Database& db, const std::string& mode, std::string& error) {
  std::optional<std::string> now = ReadPragma(db, "PRAGMA journal_mode = " + mode, error);
  if (!now) return false;
  if (*now != mode) {
    error = "it stayed in journal mode '" + *now + "' instead of " + mode;
    return false;
  }
  return true;
}

bool SetPragmas(const Database& db, const std::string& path, const OpenOptions& options, std::string& error) {
  if (!db.Exec("PRAGMA foreign_keys = ON", error)) return false;
  const bool file = !IsInMemory(path) && options.access == Access::ReadWrite;
  if (file && options.journal == Journal::Wal && !SetJournalMode(db, "wal", error)) return false;
  // 16 MB of pages: a page of 500 places changes some hundreds of pages, which would
  // otherwise spill to the file before the commit.
  if (file && options.journal == Journal::Memory &&
      (!SetJournalMode(db, "memory", error) || !db.Exec("PRAGMA cache_size = -16384", error)))
    return false;
  // NORMAL with WAL: a power cut can lose the last commits, but never corrupts the file.
  // FULL also syncs the log at every COMMIT (the server; see Durability).
  return db.Exec(options.durability == Durability::Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                 error);
}

bool ApplyMigration(const Database& db, const Migration& migration, std::string& error) {
  // IMMEDIATE takes the write lock now, so two programs opening the same new file at once
  // cannot both run a migration: the second waits, then sees it done.
  if (!db.Exec("BEGIN IMMEDIATE", error)) return false;
  std::optional<int> version = ReadUserVersion(db, error);
  bool ok = version.has_value();
  if (ok && *version < migration.version) {
    // PRAGMA takes no bound values; this number comes from our own file name, never input.
    ok = db.Exec(migration.sql, error) && db.Exec("PRAGMA user_version = " + std::to_string(migration.version), error);
  }
  if (ok && db.Exec("COMMIT", error)) return true;
  std::string ignored;
  db.Exec("ROLLBACK", ignored);
  return false;
}

}  // namespace

int LatestSchemaVersion(Schema schema) { return static_cast<int>(Migrations(schema).size()); }

std::optional<Database> Database::Open(const std::string& path, std::string& error, const OpenOptions& options) {
  const std::string where = IsInMemory(path) ? std::string("in memory") : "at " + path;
  sqlite3* handle = nullptr;
  const bool read_only = options.access == Access::ReadOnly;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int result = sqlite3_open_v2(path.empty() ? ":memory:" : path.c_str(), &handle, flags, nullptr);
  if (result != SQLITE_OK) {
    error = "Could not open the database " + where + ": " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(result));
    sqlite3_close_v2(handle);
    return std::nullopt;
  }
  Database db(handle);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  // SQLite quietly opens a file it may not write read-only; say so now, in words, rather
  // than fail later at the first write with "attempt to write a readonly database".
  if (options.access == Access::ReadWrite && sqlite3_db_readonly(handle, "main") == 1) {
    error = "Safe Spaces cannot write to the database " + where +
            " (it is read-only for this user). Give the user that runs Safe Spaces write access to it, "
            "or use another data folder.";
    return std::nullopt;
  }

  // Look before changing anything: a database from a newer program is left as it is.
  std::string reason;
  std::optional<int> version = ReadUserVersion(db, reason);
  if (!version) {
    error = "Could not read the database " + where + ": " + reason;
    return std::nullopt;
  }
  const int latest = LatestSchemaVersion(options.schema);
  if (*version > latest) {
    error = "The database " + where + " was made by a newer version of Safe Spaces (schema " +
            std::to_string(*version) + "; this program knows up to " + std::to_string(latest) +
            "). Please update Safe Spaces, or use another data folder.";
    return std::nullopt;
  }
  if (read_only && *version != latest) {
    error = "The database " + where + " is not ready to read yet (schema " + std::to_string(*version) + ", expected " +
            std::to_string(latest) + ").";
    return std::nullopt;
  }
  if (options.access == Access::AsItIs) {
    if (!db.Exec("PRAGMA foreign_keys = ON", reason)) {
      error = "Could not set up the database " + where + ": " + reason;
      return std::nullopt;
    }
    return db;
  }
  if (!SetPragmas(db, path, options, reason)) {
    error = "Could not set up the database " + where + ": " + reason;
    return std::nullopt;
  }
  for (const Migration& migration : Migrations(options.schema)) {
    if (migration.version <= *version) continue;
    if (!ApplyMigration(db, migration, reason)) {
      error = "Could not update the database " + where + " to schema " + std::to_string(migration.version) + " (" +
              std::string(migration.name) + "): " + reason;
      return std::nullopt;
    }
  }
  return db;
}

// [SECTION] Database

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

// close_v2: statements still alive keep the connection until they are finalized.
Database::~Database() { sqlite3_close_v2(db_); }

int Database::Changes() const { return sqlite3_changes(db_); }

std::string Database::FilePath() const {
  const char* path = db_ ? sqlite3_db_filename(db_, "main") : nullptr;
  return path ? std::string(path) : std::string();
}

namespace {

constexpr std::uintmax_t kRoomBytes = 8u << 20;  // bytes: less room than this, and a big commit may not fit

// Why a write of the database at `path` failed, asked of the system when SQLite kept no
// errno: EFBIG when one of its files is within kRoomBytes of the process's file-size limit
// (RLIMIT_FSIZE), ENOSPC when its disk has less than that free; 0 when neither.
int NoRoomErrno(const std::string& path) {
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    for (const char* suffix : {"", "-wal", "-journal"}) {
      struct stat file {};
      if (stat((path + suffix).c_str(), &file) == 0 &&
          static_cast<std::uintmax_t>(file.st_size) + kRoomBytes >= static_cast<std::uintmax_t>(limit.rlim_cur))
        return EFBIG;
    }
  }
  struct statvfs disk {};
  if (statvfs(path.c_str(), &disk) == 0 &&
      static_cast<std::uintmax_t>(disk.f_bavail) * disk.f_frsize < kRoomBytes)
    return ENOSPC;
  return 0;
}

}  // namespace

int Database::LastSystemErrno() const {
  if (!db_) return 0;
  // SQLite says SQLITE_FULL only when write() gave ENOSPC; a short write, EFBIG (a
  // file-size limit) or EDQUOT (a quota) come back as SQLITE_IOERR_WRITE, often with the
  // errno already lost (sqlite3_system_errno() reads errno after other calls). Then ask
  // the system whether there is room.
  if (const int os_errno = sqlite3_system_errno(db_); os_errno != 0) return os_errno;
  const int primary = sqlite3_extended_errcode(db_) & 0xFF;
  if (primary != SQLITE_IOERR && primary != SQLITE_FULL) return 0;
  return RoomProblem();
}

int Database::RoomProblem() const {
  const std::string path = FilePath();
  return path.empty() ? 0 : NoRoomErrno(path);
}

StorageFault Database::LastStorageFault() const {
  if (!db_) return StorageFault::None;
  const int os_errno = LastSystemErrno();
  switch (sqlite3_extended_errcode(db_) & 0xFF) {  // the primary code: SQLITE_IOERR_WRITE is an SQLITE_IOERR
    case SQLITE_FULL:
      return StorageFault::Full;
    case SQLITE_READONLY:
      return StorageFault::ReadOnly;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      // A file-size limit (EFBIG) or a quota (EDQUOT) is a full disk to whoever wrote:
      // SQLite itself says SQLITE_FULL only for ENOSPC.
      if (os_errno == ENOSPC || os_errno == EFBIG || os_errno == EDQUOT) return StorageFault::Full;
      if (os_errno == EROFS || os_errno == EACCES || os_errno == EPERM) return StorageFault::ReadOnly;
      return StorageFault::Failed;
    default:
      return StorageFault::None;
  }
}

std::string StorageFaultWords(StorageFault fault, const std::string& path, int os_errno) {
  const std::string system = os_errno > 0 ? std::string(" (the system says: ") + std::strerror(os_errno) + ")" : "";
  switch (fault) {
    case StorageFault::Full:
      return "The disk holding " + path + " is full, or a limit on file sizes or disk space was reached" + system +
             ". Nothing new can be saved until there is room; everything saved before is safe, and phones keep "
             "what they could not send. Free some space or raise the limit: saving starts again by itself.";
    case StorageFault::ReadOnly:
      return "Safe Spaces may not write to " + path + " any more" + system +
             ". Nothing new can be saved; everything saved before is safe, and phones keep what they could not "
             "send. Give the user that runs the server write access again: saving starts again by itself.";
    case StorageFault::Failed:
      return "The disk holding " + path + " failed while saving" + system +
             ". Nothing new can be saved just now; everything saved before is safe, and phones keep what they "
             "could not send. Check the disk.";
    case StorageFault::None:
      break;
  }
  return "";
}

int Database::SchemaVersion() const {
  std::string ignored;
  return ReadUserVersion(*this, ignored).value_or(-1);
}

Statement Database::Prepare(std::string_view sql) const {
  if (!db_) return Statement(nullptr, nullptr, "The database is not open.");
  sqlite3_stmt* stmt = nullptr;
  const int result = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (result != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Statement(db_, nullptr, sqlite3_errmsg(db_));
  }
  if (!stmt) return Statement(db_, nullptr, "The query is empty.");
  return Statement(db_, stmt, "");
}

bool Database::Exec(std::string_view sql, std::string& error) const {
  if (!db_) {
    error = "The database is not open.";
    return false;
  }
  // One statement at a time through prepare, so even our own SQL takes the same path.
  const char* cursor = sql.data();
  const char* const end = sql.data() + sql.size();
  while (cursor < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, cursor, static_cast<int>(end - cursor), &stmt, &tail) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      return false;
    }
    if (stmt) {
      int result = SQLITE_ROW;
      while (result == SQLITE_ROW) result = sqlite3_step(stmt);
      if (result != SQLITE_DONE) error = sqlite3_errmsg(db_);
      sqlite3_finalize(stmt);
      if (result != SQLITE_DONE) return false;
    }
    if (tail == nullptr || tail <= cursor) break;  // only whitespace or comments were left
    cursor = tail;
  }
  return true;
}

}  // namespace store
