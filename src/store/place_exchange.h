// The approved map out of the server's database and a council's list of places into it,
// for the officers' exports and imports (the formats are core/place_exports.h; the
// endpoints server/export_api.h; safespaces-admin export and import). SQL and ids only.
// Start at ApprovedPlaces, then ImportPlaces.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/place_exports.h"
#include "core/sync_protocol.h"
#include "store/database.h"
#include "store/server_store.h"

namespace store {

// Every approved place with its profile (as the public feed has it), by name then id.
// Nullopt on a database failure, with `error` saying why.
std::optional<std::vector<core::PublicPlace>> ApprovedPlaces(const Database& db, std::string& error);

// A new random place id (UUIDv4, from libsodium's generator).
std::string RandomPlaceId();

struct ImportResult {
  int added = 0;
  std::vector<core::SkippedRow> skipped;  // the reader's and those already here, by row
};

// Adds each place read (`read.error` must be empty) as approved, through ServerStore::AddPlace
// inside the caller's Begin()..Commit() (all of a file or none), so the public feed has them
// at commit. A place whose id is here already is left as it is and skipped, saying so.
// Nullopt on a database failure (store.Error() says why; the caller rolls back).
std::optional<ImportResult> ImportPlaces(ServerStore& store, const core::PlacesRead& read);

}  // namespace store
