// MBTiles files (map tiles in SQLite, https://github.com/mapbox/mbtiles-spec 1.3): reading
// one tile through a read-only connection (the server's /tiles/{z}/{x}/{y}.png), and
// writing a new file (safespaces-admin make-tiles). Not our schema, so not store::Database
// with its migrations: plain sqlite3 prepared statements. Start at MbTilesReader::Open.
// MBTiles rows count from the south (TMS); every function here takes XYZ rows, as URLs do.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace store {

// The TMS row of an XYZ row at zoom z: 2^z - 1 - y (the same formula turns it back).
std::int64_t TmsRow(int z, std::int64_t y);

// Read-only; safe to share between threads (one statement, behind a mutex: a tile read
// takes microseconds).
class MbTilesReader {
 public:
  // Opens an existing file read-only and checks it has a `tiles` table (or view). Nullptr
  // and `error` (in plain words) when it cannot.
  static std::unique_ptr<MbTilesReader> Open(const std::string& path, std::string& error);
  MbTilesReader(const MbTilesReader&) = delete;
  MbTilesReader& operator=(const MbTilesReader&) = delete;
  ~MbTilesReader();

  enum class Found { Tile, Missing, Error };
  struct TileResult {
    Found found = Found::Error;
    std::string bytes;  // the tile's image, when found
    std::string error;  // when Error
  };
  // The tile at XYZ address z/x/y. Any numbers may be asked; out of range is Missing.
  TileResult Tile(int z, std::int64_t x, std::int64_t y) const;

  // The metadata table as name -> value (empty if it has none).
  std::map<std::string, std::string> Metadata() const;

 private:
  MbTilesReader() = default;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* tile_ = nullptr;
  mutable std::mutex mutex_;
};

// Writes a new MBTiles file in one transaction: Create, Put each tile, Finish.
class MbTilesWriter {
 public:
  // Creates `path`, which must not exist yet, with the MBTiles tables and `metadata`
  // (name, format, bounds, minzoom, ... as the spec names them).
  static std::unique_ptr<MbTilesWriter> Create(const std::string& path,
                                               const std::map<std::string, std::string>& metadata, std::string& error);
  MbTilesWriter(const MbTilesWriter&) = delete;
  MbTilesWriter& operator=(const MbTilesWriter&) = delete;
  ~MbTilesWriter();  // without Finish, nothing is kept

  bool Put(int z, std::int64_t x, std::int64_t y, std::string_view bytes);  // XYZ address
  bool Finish();                                                            // COMMIT
  const std::string& Error() const { return error_; }

 private:
  MbTilesWriter() = default;
  bool Exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* put_ = nullptr;
  bool finished_ = false;
  std::string error_;
};

}  // namespace store
