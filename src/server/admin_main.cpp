// safespaces-admin: looks after a Safe Spaces data folder from the command line, for the
// council's technical staff. It works on the same SQLite database as the server (safe while
// the server runs: SQLite locks it) through core and store only, no HTTP.
//   safespaces-admin add-places --data DIR FILE.json   add approved places from a list
//   safespaces-admin approve --data DIR PLACE_ID        put a suggested place on the map
//   safespaces-admin counts --data DIR                  how many places, ratings, ...
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/validation.h"
#include "store/database.h"
#include "store/server_store.h"

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  safespaces-admin add-places --data DIR FILE.json   add approved places from a JSON list\n"
    "  safespaces-admin approve --data DIR PLACE_ID        put a suggested place on the map\n"
    "  safespaces-admin counts --data DIR                  count places and ratings\n";

std::optional<store::Database> OpenData(const std::string& dir) {
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  store::OpenOptions options;
  options.durability = store::Durability::Full;  // as the server: what is added is on disk
  std::string error;
  std::optional<store::Database> db = store::Database::Open(dir + "/safespaces.db", error, options);
  if (!db) std::fprintf(stderr, "%s\n", error.c_str());
  return db;
}

int AddPlaces(store::Database& db, const std::string& file) {
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "Could not read %s.\n", file.c_str());
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  core::Parsed<nlohmann::json> doc = core::ParseJsonText(text.str());
  if (!doc || !doc.value->is_array()) {
    std::fprintf(stderr, "%s should hold a JSON list of places.\n", file.c_str());
    return 1;
  }
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  store::ServerStore places(db);
  int added = 0, kept = 0, refused = 0;
  for (const nlohmann::json& entry : *doc.value) {
    core::Parsed<core::Place> place = core::FromJson<core::Place>(entry);
    std::vector<core::FieldError> problems;
    if (place) problems = core::Validate(*place.value, context);
    if (!place || !problems.empty()) {
      const std::string why = !place ? place.error.message : problems.front().field + ": " + problems.front().message;
      std::fprintf(stderr, "Left out %s: %s\n", entry.value("name", std::string("a place")).c_str(), why.c_str());
      ++refused;
      continue;
    }
    std::optional<store::ServerStore::Added> result = places.AddPlace(*place.value);
    if (!result) {
      std::fprintf(stderr, "Could not add %s: %s\n", place.value->name.c_str(), places.Error().c_str());
      return 1;
    }
    (*result == store::ServerStore::Added::New ? added : kept)++;
  }
  std::printf("Added %d places; %d were already there; %d left out.\n", added, kept, refused);
  return refused > 0 ? 1 : 0;
}

int Approve(store::Database& db, const std::string& place_id) {
  store::ServerStore places(db);
  if (std::optional<core::ApiError> problem = places.ApprovePlace(place_id)) {
    std::fprintf(stderr, "%s\n", problem->message.c_str());
    return 1;
  }
  std::printf("Approved %s.\n", place_id.c_str());
  return 0;
}

int Counts(const store::Database& db) {
  std::string error;
  std::optional<store::ServerCounts> counts = store::CountRows(db, error);
  if (!counts) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("places %d (suggested %d, approved %d)\nratings %d (live %d)\nwithdrawals %d\nsync items %d\n",
              counts->places, counts->suggested_places, counts->approved_places, counts->ratings,
              counts->live_ratings, counts->withdrawals, counts->sync_items);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string data_dir;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data" && i + 1 < args.size()) data_dir = args[++i];
    else rest.push_back(args[i]);
  }
  if (rest.empty() || data_dir.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::optional<store::Database> db = OpenData(data_dir);
  if (!db) return 1;
  const std::string& command = rest[0];
  if (command == "add-places" && rest.size() == 2) return AddPlaces(*db, rest[1]);
  if (command == "approve" && rest.size() == 2) return Approve(*db, rest[1]);
  if (command == "counts" && rest.size() == 1) return Counts(*db);
  std::fputs(kUsage, stderr);
  return 2;
}
