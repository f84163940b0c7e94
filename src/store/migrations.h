// The database schema as numbered migrations: src/store/migrations/0001_init.sql,
// 0002_....sql, embedded into the binary at build time (see embed_migrations.cmake).
// To change the schema, add the next numbered file; never edit one that has shipped,
// since databases out there have already run it. A migration must not contain
// BEGIN/COMMIT: Database::Open runs each one inside its own transaction.
#pragma once
#include <span>
#include <string_view>

namespace store {

struct Migration {
  int version;            // 1, 2, ...: the database's user_version once this has run
  std::string_view name;  // file name, e.g. "0001_init.sql", for messages
  std::string_view sql;
};

// Every migration, in order: Migrations()[i].version == i + 1.
std::span<const Migration> Migrations();

}  // namespace store
