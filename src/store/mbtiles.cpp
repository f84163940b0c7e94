// This is the implementation of mbtiles.h: reading and writing MBTiles with plain sqlite3.
#include "store/mbtiles.h"

#include <sqlite3.h>

#include <filesystem>

namespace store {
namespace {

std::string SqliteError(sqlite3* db, std::string_view doing) {
  return std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

}  // namespace

std::int64_t TmsRow(int z, std::int64_t y) { return ((std::int64_t{1} << z) - 1) - y; }

// [SECTION] Reading

std::unique_ptr<MbTilesReader> MbTilesReader::Open(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    error = "The map tiles file " + path + " does not exist (or is not a file).";
    return nullptr;
  }
  std::unique_ptr<MbTilesReader> reader(new MbTilesReader());
  // NOMUTEX: our own mutex guards the one statement; READONLY: the server never writes it.
  if (sqlite3_open_v2(path.c_str(), &reader->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    error = "Could not open the map tiles file " + path + ". " + SqliteError(reader->db_, "SQLite says");
    return nullptr;
  }
  sqlite3_busy_timeout(reader->db_, 2000);
  constexpr const char* kSql =
      "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3";
  if (sqlite3_prepare_v2(reader->db_, kSql, -1, &reader->tile_, nullptr) != SQLITE_OK) {
    error = "The file " + path + " is not an MBTiles file of map tiles (" + SqliteError(reader->db_, "no tiles table") +
            ").";
    return nullptr;
  }
  return reader;
}

MbTilesReader::~MbTilesReader() {
  sqlite3_finalize(tile_);
  sqlite3_close(db_);
}

MbTilesReader::TileResult MbTilesReader::Tile(int z, std::int64_t x, std::int64_t y) const {
  TileResult result;
  if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (std::int64_t{1} << z) || y >= (std::int64_t{1} << z)) {
    result.found = Found::Missing;
    return result;
  }
  std::lock_guard lock(mutex_);
  sqlite3_reset(tile_);
  sqlite3_bind_int(tile_, 1, z);
  sqlite3_bind_int64(tile_, 2, x);
  sqlite3_bind_int64(tile_, 3, TmsRow(z, y));
  const int step = sqlite3_step(tile_);
  if (step == SQLITE_ROW) {
    const void* blob = sqlite3_column_blob(tile_, 0);
    const int size = sqlite3_column_bytes(tile_, 0);
    result.found = Found::Tile;
    if (blob && size > 0) result.bytes.assign(static_cast<const char*>(blob), static_cast<std::size_t>(size));
  } else if (step == SQLITE_DONE) {
    result.found = Found::Missing;
  } else {
    result.found = Found::Error;
    result.error = SqliteError(db_, "reading a map tile");
  }
  sqlite3_reset(tile_);
  return result;
}

std::map<std::string, std::string> MbTilesReader::Metadata() const {
  std::map<std::string, std::string> metadata;
  std::lock_guard lock(mutex_);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT name, value FROM metadata", -1, &stmt, nullptr) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* name = sqlite3_column_text(stmt, 0);
      const unsigned char* value = sqlite3_column_text(stmt, 1);
      if (name) metadata[reinterpret_cast<const char*>(name)] = value ? reinterpret_cast<const char*>(value) : "";
    }
  }
  sqlite3_finalize(stmt);
  return metadata;
}

// [SECTION] Writing

std::unique_ptr<MbTilesWriter> MbTilesWriter::Create(const std::string& path,
                                                     const std::map<std::string, std::string>& metadata,
                                                     std::string& error) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    error = "The file " + path + " is already there; choose another name or remove it first.";
    return nullptr;
  }
  std::unique_ptr<MbTilesWriter> writer(new MbTilesWriter());
  if (sqlite3_open_v2(path.c_str(), &writer->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    error = "Could not create " + path + ". " + SqliteError(writer->db_, "SQLite says");
    return nullptr;
  }
  const bool made = writer->Exec("PRAGMA page_size = 4096") && writer->Exec("BEGIN") &&
                    writer->Exec("CREATE TABLE metadata (name TEXT, value TEXT)") &&
                    writer->Exec("CREATE UNIQUE INDEX name ON metadata (name)") &&
                    writer->Exec(
                        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                        "tile_data BLOB)") &&
                    writer->Exec("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
  if (!made) {
    error = writer->error_;
    return nullptr;
  }
  sqlite3_stmt* meta = nullptr;
  if (sqlite3_prepare_v2(writer->db_, "INSERT INTO metadata (name, value) VALUES (?1, ?2)", -1, &meta, nullptr) !=
      SQLITE_OK) {
    error = SqliteError(writer->db_, "preparing the metadata");
    return nullptr;
  }
  for (const auto& [name, value] : metadata) {
    sqlite3_reset(meta);
    sqlite3_bind_text(meta, 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(meta, 2, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(meta) != SQLITE_DONE) {
      error = SqliteError(writer->db_, "writing the metadata");
      sqlite3_finalize(meta);
      return nullptr;
    }
  }
  sqlite3_finalize(meta);
  if (sqlite3_prepare_v2(writer->db_,
                         "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?1, ?2, ?3, ?4)", -1,
                         &writer->put_, nullptr) != SQLITE_OK) {
    error = SqliteError(writer->db_, "preparing the tiles");
    return nullptr;
  }
  return writer;
}

MbTilesWriter::~MbTilesWriter() {
  sqlite3_finalize(put_);
  if (db_ && !finished_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

bool MbTilesWriter::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  error_ = std::string(sql) + ": " + (message ? message : "failed");
  sqlite3_free(message);
  return false;
}

bool MbTilesWriter::Put(int z, std::int64_t x, std::int64_t y, std::string_view bytes) {
  if (z < 0 || z > 30) {
    error_ = "zoom " + std::to_string(z) + " is not a map zoom";
    return false;
  }
  sqlite3_reset(put_);
  sqlite3_bind_int(put_, 1, z);
  sqlite3_bind_int64(put_, 2, x);
  sqlite3_bind_int64(put_, 3, TmsRow(z, y));
  sqlite3_bind_blob(put_, 4, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(put_) != SQLITE_DONE) {
    error_ = SqliteError(db_, "writing tile " + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y));
    return false;
  }
  return true;
}

bool MbTilesWriter::Finish() {
  if (finished_) return true;
  if (!Exec("COMMIT")) return false;
  finished_ = true;
  return true;
}

}  // namespace store
