// store::Database and store::Statement: a thin RAII layer over SQLite, shared by the
// server and the client (native and WebAssembly). Start at Database::Open, which sets
// the pragmas and brings the schema up to date (migrations.h).
// Not here: queries about places or ratings (they will sit beside this, one file per
// area). Errors never throw: calls return a result and say why in plain words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/migrations.h"

struct sqlite3;
struct sqlite3_stmt;

namespace store {

enum class StepResult { Row, Done, Error };

// Why the last call on a connection failed, when the cause is the storage under the
// database rather than the SQL: what an officer has to fix (free space, permissions) and
// what a client is told (a 503 "try later", never "our fault").
enum class StorageFault {
  None,      // no failure, or one that is not about the storage (a constraint, a bug)
  Full,      // the disk is full, a quota or the process's file-size limit is reached
  ReadOnly,  // the file, its folder or the whole file system may not be written
  Failed,    // any other input/output error from the operating system
};

// A prepared statement: the only way we run SQL with values in it. Values are bound,
// never pasted into the SQL text. Bind indexes start at 1 (as in SQLite's "?1"), column
// indexes at 0. A failed bind is remembered and reported by the next Step().
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  bool IsValid() const { return stmt_ != nullptr; }
  const std::string& Error() const { return error_; }  // empty while all is well

  Statement& BindInt64(int index, std::int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindText(int index, std::string_view text);   // copied into SQLite
  Statement& BindBlob(int index, std::string_view bytes);  // copied into SQLite
  Statement& BindNull(int index);

  StepResult Step();

  // Read the current row, after Step() gave StepResult::Row. Text and blob views stay
  // valid until the next Step() or Reset().
  int ColumnCount() const;
  bool ColumnIsNull(int column) const;
  std::int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  std::string_view ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;

  // Back to the start with no values bound, ready to bind and step again.
  void Reset();

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string error);
  bool CheckBind(int result_code, int index);

  sqlite3* db_ = nullptr;  // owned by the Database; used for error messages
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

enum class Journal {
  Wal,       // write-ahead log: readers never wait for the writer (server, native client)
  Rollback,  // SQLite's classic journal, for file systems without shared memory
  // The journal in memory, and a bigger page cache: for a file system that lives in memory
  // and is copied to lasting storage only between transactions (the browser's, where the
  // copy is the only thing a closed tab keeps, so a journal file could only slow it down).
  Memory,
};

// How hard a COMMIT works to survive a power cut (SQLite's PRAGMA synchronous). Both
// survive a crash of the program itself: a commit is in the operating system's hands.
enum class Durability {
  Normal,  // WAL with NORMAL: a power cut can lose the last commits, never corrupts the file
  Full,    // fsync on every COMMIT: once COMMIT returns, it survives a power cut (the server)
};

enum class Access {
  ReadWrite,  // creates the file if missing and brings the schema up to date
  ReadOnly,   // for extra reader connections: never writes, never migrates
  AsItIs,     // creates the file if missing, but sets no journal mode and runs no migration, at
              // any schema up to the latest: for copying and checking (store/backup.h)
};

struct OpenOptions {
  Schema schema = Schema::Server;  // which set of migrations this database follows
  Journal journal = Journal::Wal;  // ignored for ":memory:"
  int busy_timeout_ms = 5000;      // how long to wait for another connection's lock
  Durability durability = Durability::Normal;
  Access access = Access::ReadWrite;  // ReadOnly needs a file already at the latest schema
};

class Database {
 public:
  // Opens the file at `path` (created if missing) or ":memory:", sets foreign_keys=ON,
  // busy_timeout, synchronous (options.durability) and the journal mode, then applies the
  // migrations this program has and the database lacks, each in its own transaction.
  // Refuses a database made by a newer program, and one it could only read (in words that
  // say so). With Access::ReadOnly it changes nothing and refuses a database whose schema
  // is not the latest; Access::AsItIs sets only foreign_keys and busy_timeout. On
  // failure: nullopt, and `error` says why.
  static std::optional<Database> Open(const std::string& path, std::string& error, const OpenOptions& options = {});

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // The schema version (PRAGMA user_version): the number of migrations applied.
  int SchemaVersion() const;

  // Prepares one SQL statement; check IsValid(), or Error() for why not.
  Statement Prepare(std::string_view sql) const;

  // Runs SQL text we wrote ourselves (one or more statements, no values: schema changes,
  // BEGIN/COMMIT). Anything with a value in it goes through Prepare() and Bind*().
  bool Exec(std::string_view sql, std::string& error) const;

  // Rows changed by the last INSERT, UPDATE or DELETE (sqlite3_changes).
  int Changes() const;

  // The file's full path as SQLite sees it; "" in memory.
  std::string FilePath() const;

  // Whether the last failed call on this connection failed because of the storage
  // (sqlite3_extended_errcode and the operating system's errno behind it). Read it before
  // the next call, which replaces it.
  StorageFault LastStorageFault() const;
  // The errno behind the last input/output error: sqlite3_system_errno(), or when SQLite
  // lost it, EFBIG or ENOSPC if the system says the file-size limit or the disk is nearly reached.
  int LastSystemErrno() const;
  // EFBIG when one of the database's files is near the process's file-size limit, ENOSPC
  // when its disk is nearly full, 0 when the system sees room: whether a fault has passed.
  int RoomProblem() const;

  sqlite3* Handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// The newest schema version this program knows: the number of migration files.
int LatestSchemaVersion(Schema schema = Schema::Server);

// One sentence for the log of whoever runs the program: what happened to the storage
// under the database at `path` and what to do, e.g. "The disk holding ... is full".
// `os_errno` (0: unknown) adds the system's own words, such as "File too large".
std::string StorageFaultWords(StorageFault fault, const std::string& path, int os_errno = 0);

}  // namespace store
