// The database schemas as numbered migrations: src/store/migrations/server/0001_init.sql,
// 0002_....sql for the server's database, and migrations/device/ for a device's (its
// outbox and cache of places), embedded into the binary at build time (embed_migrations.cmake).
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

enum class Schema {
  Server,  // the server's database: places, ratings, suggestions, accounts
  Device,  // a young person's device: the outbox of unsent items and the cache of places
};

// Every migration of a schema, in order: Migrations(s)[i].version == i + 1.
std::span<const Migration> Migrations(Schema schema);

}  // namespace store
