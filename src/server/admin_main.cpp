// safespaces-admin: looks after a Safe Spaces data folder from the command line, for the
// council's technical staff. It works on the same SQLite database as the server (safe while
// the server runs: SQLite locks it) through core and store only, no HTTP.
//   safespaces-admin add-places --data DIR FILE.json   add approved places from a list
//   safespaces-admin approve --data DIR PLACE_ID        put a suggested place on the map
//   safespaces-admin reject --data DIR PLACE_ID REASON  do not add it, saying why (the
//                                                       suggesting device is told)
//   safespaces-admin pending --data DIR                 what waits for an officer
//   safespaces-admin approve-comment --data DIR RATING_ID   show a rating's words on its card
//   safespaces-admin hide-comment --data DIR RATING_ID      never show them
//   safespaces-admin counts --data DIR                  how many places, ratings, ...
//   safespaces-admin add-staff --data DIR --role ROLE USERNAME   a staff account; the
//                                                       password is one line on stdin
//   safespaces-admin export --data DIR --format F [--out FILE]   the approved places as
//                                                       csv, geojson or openreferral
//   safespaces-admin import --data DIR FILE             add a CSV or GeoJSON list, approved
//   safespaces-admin demo --data DIR [...]              a made-up demo set (store/demo_data.h)
//   safespaces-admin backup --data DIR --to FILE        a checked copy, while the server runs
//   safespaces-admin restore --data DIR --from FILE     put a backup back (server stopped)
//   safespaces-admin make-tiles --out FILE [...]        synthetic map tiles (synthetic_tiles.h)
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/place_exports.h"
#include "core/validation.h"
#include "server/synthetic_tiles.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/demo_data.h"
#include "store/place_exchange.h"
#include "store/review_store.h"
#include "store/server_store.h"
#include "store/staff_store.h"

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  safespaces-admin add-places --data DIR FILE.json   add approved places from a JSON list\n"
    "  safespaces-admin approve --data DIR PLACE_ID        put a suggested place on the map\n"
    "  safespaces-admin reject --data DIR PLACE_ID REASON  do not add a suggested place; REASON is one of\n"
    "{reasons}"
    "      (the young person who suggested it is told these words on their device)\n"
    "  safespaces-admin pending --data DIR                 list what waits for an officer: suggested\n"
    "      places (id, name, kind) and comments nobody has looked at (rating id, place, words)\n"
    "  safespaces-admin approve-comment --data DIR RATING_ID  show a rating's comment on its place's card\n"
    "  safespaces-admin hide-comment --data DIR RATING_ID     never show it (it stays here for officers)\n"
    "  safespaces-admin counts --data DIR                  count places and ratings\n"
    "  safespaces-admin add-staff --data DIR --role officer|youth_worker USERNAME\n"
    "      add a staff account (the first officer at install); reads the password as one\n"
    "      line from standard input (at least 10 characters; it is shown as typed)\n"
    "  safespaces-admin export --data DIR --format csv|geojson|openreferral [--out FILE]\n"
    "      write the approved places with their profiles (to standard output without --out)\n"
    "  safespaces-admin import --data DIR FILE            add the places in a CSV file (header\n"
    "      name,category,lat,lon,address) or GeoJSON file (.geojson, .json), approved at once;\n"
    "      rows that break a rule are left out, each with its reason\n"
    "  safespaces-admin demo --data DIR [--places N] [--ratings M] [--seed S] [--words DIR]\n"
    "      add a made-up demo set: fictional places (default 300) inside Coventry, each\n"
    "      saying \"Demo place, not a real venue\", with synthetic ratings (default 2 per\n"
    "      place); the same seed makes the same set. Not for a council's real data.\n"
    "  safespaces-admin backup --data DIR --to FILE [--pages-per-step N]\n"
    "      copy the database to FILE (a new file) while the server keeps running, N pages of\n"
    "      4 KB at a time (default 256), then check the copy and count what it holds\n"
    "  safespaces-admin restore --data DIR --from FILE\n"
    "      put a backup back, with the server stopped: the backup is checked first, and the\n"
    "      database that was there is kept as DIR/safespaces.db.before-restore\n"
    "  safespaces-admin make-tiles --out FILE.mbtiles [--min-zoom 11] [--max-zoom 15]\n"
    "      make synthetic map tiles over Coventry (pale squares showing z/x/y, not a map)\n"
    "      for safespaces-server --tiles\n";

// The usage text, with the reasons an officer can give for not adding a place.
void PrintUsage() {
  std::string reasons;
  for (core::NotAddedReason reason : core::kAllNotAddedReasons) {
    std::string name(core::NotAddedReasonName(reason));
    name.resize(std::max<std::size_t>(name.size(), 22), ' ');
    reasons += "        " + name + " \"" + std::string(core::NotAddedReasonMessage(reason)) + "\"\n";
  }
  std::string usage(kUsage);
  const std::string_view slot = "{reasons}";
  usage.replace(usage.find(slot), slot.size(), reasons);
  std::fputs(usage.c_str(), stderr);
}

constexpr int kDefaultDemoPlaces = 300;
constexpr int kDemoRatingsPerPlace = 2;  // when --ratings is not given
constexpr int kDemoRatingsPerDevice = 15;  // on average, once there are more than 40 devices' worth
constexpr int kDefaultMinZoom = 11;      // all of Coventry on a phone's screen
constexpr int kDefaultMaxZoom = 15;      // streets; a few hundred tiles in all
constexpr int kMaxDemoItems = 1000000;

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

int Reject(store::Database& db, const std::string& place_id, const std::string& reason_name) {
  const std::optional<core::NotAddedReason> reason = core::NotAddedReasonFromName(reason_name);
  if (!reason) {
    std::fprintf(stderr, "'%s' is not a reason we know.\n", reason_name.c_str());
    PrintUsage();
    return 2;
  }
  store::ServerStore places(db);
  if (std::optional<core::ApiError> problem = places.RejectPlace(place_id, *reason)) {
    std::fprintf(stderr, "%s\n", problem->message.c_str());
    return 1;
  }
  std::printf("Not added %s: \"%s\"\n", place_id.c_str(), std::string(core::NotAddedReasonMessage(*reason)).c_str());
  return 0;
}

// Each list is cut at this many, oldest first: an officer works from the top.
constexpr std::size_t kMaxPendingShown = 1000;

// "Comments waiting for a look: 2" ("none"; "more than 1000" once the list is cut).
void PrintCount(const char* what, std::size_t count) {
  if (count == 0) {
    std::printf("%s: none\n", what);
  } else if (count > kMaxPendingShown) {
    std::printf("%s: more than %zu, the oldest first\n", what, kMaxPendingShown);
  } else {
    std::printf("%s: %zu\n", what, count);
  }
}

int Pending(const store::Database& db) {
  constexpr int kAsk = static_cast<int>(kMaxPendingShown) + 1;  // one more, to know if there is more
  std::string error;
  const std::optional<std::vector<store::PendingSuggestion>> places = store::PendingSuggestions(db, kAsk, error);
  const std::optional<std::vector<store::PendingComment>> comments =
      places ? store::PendingComments(db, kAsk, error) : std::nullopt;
  if (!places || !comments) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  PrintCount("Suggested places waiting for a look", places->size());
  for (std::size_t i = 0; i < places->size() && i < kMaxPendingShown; ++i) {
    const store::PendingSuggestion& place = (*places)[i];
    std::printf("  %s  %s (%s)\n", place.id.c_str(), place.name.c_str(),
                std::string(core::CategoryLabel(place.category)).c_str());
  }
  PrintCount("Comments waiting for a look", comments->size());
  for (std::size_t i = 0; i < comments->size() && i < kMaxPendingShown; ++i) {
    const store::PendingComment& comment = (*comments)[i];
    const std::string place =
        comment.place_name.empty() ? "a place not here yet, " + comment.place_id : comment.place_name;
    std::printf("  %s  %s, %s: \"%s\"\n", comment.rating_id.c_str(), place.c_str(), comment.visit_month.c_str(),
                comment.text.c_str());
  }
  return 0;
}

enum class CommentLook { Approve, Hide };

int ReviewComment(store::Database& db, const std::string& rating_id, CommentLook look) {
  store::ServerStore ratings(db);
  const std::optional<core::ApiError> problem =
      look == CommentLook::Approve ? ratings.ApproveComment(rating_id) : ratings.HideComment(rating_id);
  if (problem) {
    std::fprintf(stderr, "%s\n", problem->message.c_str());
    return 1;
  }
  std::printf(look == CommentLook::Approve ? "Approved the comment of %s: its place's card shows it while the place is on the map.\n"
                                           : "Hid the comment of %s: nobody else will see it.\n",
              rating_id.c_str());
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

std::optional<long long> ParseNumber(const std::string& text, long long lo, long long hi) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < lo || value > hi)
    return std::nullopt;
  return value;
}

// Options after the command, "--name value"; nullopt (and a message) for a bad number.
struct Flags {
  std::map<std::string, std::string> values;
  std::optional<long long> Number(const std::string& name, long long fallback, long long lo, long long hi) const {
    const auto found = values.find(name);
    if (found == values.end()) return fallback;
    std::optional<long long> value = ParseNumber(found->second, lo, hi);
    if (!value)
      std::fprintf(stderr, "%s should be a whole number from %lld to %lld, not '%s'.\n", name.c_str(), lo, hi,
                   found->second.c_str());
    return value;
  }
};

int MakeDemo(store::Database& db, const std::string& data_dir, const Flags& flags) {
  const std::optional<long long> places = flags.Number("--places", kDefaultDemoPlaces, 0, kMaxDemoItems);
  if (!places) return 2;
  const std::optional<long long> ratings =
      flags.Number("--ratings", *places * kDemoRatingsPerPlace, 0, kMaxDemoItems * kDemoRatingsPerPlace);
  const std::optional<long long> seed = flags.Number("--seed", 1, 0, std::numeric_limits<long long>::max());
  if (!ratings || !seed) return 2;
  const auto words_dir = flags.values.find("--words");
  std::string error;
  std::optional<store::DemoWords> words =
      store::LoadDemoWords(words_dir == flags.values.end() ? SAFESPACES_DEMO_WORDS_DIR : words_dir->second, error);
  if (!words) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  store::DemoOptions options;
  options.places = static_cast<int>(*places);
  options.ratings = static_cast<int>(*ratings);
  options.seed = static_cast<std::uint64_t>(*seed);
  options.devices = std::max(options.devices, options.ratings / kDemoRatingsPerDevice);
  options.now_unix_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const auto started = std::chrono::steady_clock::now();
  std::optional<store::DemoSummary> made = store::MakeDemoData(db, *words, options, error);
  if (!made) {
    std::fprintf(stderr, "Could not make the demo set: %s\n", error.c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("Demo set (seed %lld) in %s/safespaces.db, made in %.2f s:\n", *seed, data_dir.c_str(), seconds);
  std::printf("  %d demo places added, %d already there:", made->places_added, made->places_already_there);
  for (std::size_t i = 0; i < core::kAllCategories.size(); ++i)
    std::printf("%s %s %d", i == 0 ? "" : ",", std::string(core::CategoryName(core::kAllCategories[i])).c_str(),
                made->places_by_category[i]);
  std::printf("\n  %d synthetic ratings accepted from %d synthetic devices, %d already there, %d refused\n",
              made->ratings_accepted, made->devices, made->ratings_already_there, made->ratings_rejected);
  std::printf("  for example:");
  for (std::size_t i = 0; i < made->sample_names.size(); ++i)
    std::printf("%s %s", i == 0 ? "" : ",", made->sample_names[i].c_str());
  std::printf("\nEvery place is made up; its address says \"%.*s\".\n", static_cast<int>(store::kDemoAddress.size()),
              store::kDemoAddress.data());
  return made->ratings_rejected > 0 ? 1 : 0;
}

int MakeTiles(const Flags& flags) {
  const auto out = flags.values.find("--out");
  if (out == flags.values.end()) {
    PrintUsage();
    return 2;
  }
  const std::optional<long long> min_zoom = flags.Number("--min-zoom", kDefaultMinZoom, core::kMinZoom, core::kMaxZoom);
  const std::optional<long long> max_zoom = flags.Number("--max-zoom", kDefaultMaxZoom, core::kMinZoom, core::kMaxZoom);
  if (!min_zoom || !max_zoom) return 2;
  const core::ServiceArea area = core::DefaultServiceArea();
  server::TilesMade made;
  std::string error;
  if (!server::MakeSyntheticTiles(out->second, area, static_cast<int>(*min_zoom), static_cast<int>(*max_zoom), made,
                                  error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("Made %d synthetic tiles (zoom %lld to %lld) over %s in %s: %.2f MB.\n", made.tiles, *min_zoom, *max_zoom,
              area.name.c_str(), out->second.c_str(), static_cast<double>(made.file_bytes) / 1e6);
  std::printf("They are pale squares with a grid and each tile's z/x/y: not a real map.\n");
  return 0;
}

// The password is one line of standard input (a trailing "\r" dropped), so it can come
// from a terminal or a pipe; nothing is hidden while typing.
int AddStaff(store::Database& db, const Flags& flags, const std::string& username) {
  const auto role_flag = flags.values.find("--role");
  const std::optional<store::StaffRole> role =
      role_flag == flags.values.end() ? std::nullopt : store::StaffRoleFromName(role_flag->second);
  if (!role) {
    std::fprintf(stderr, "Please say --role officer or --role youth_worker.\n");
    return 2;
  }
  std::string password;
  if (!std::getline(std::cin, password)) {
    std::fprintf(stderr, "Please type the password on one line (standard input was empty).\n");
    return 1;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  store::StaffResult<store::StaffMember> added = store::AddStaff(db, username, password, *role, now);
  if (!added) {
    std::fprintf(stderr, "%s\n", added.error.message.c_str());
    return 1;
  }
  std::printf("Added %s (%s).\n", added.value->username.c_str(), std::string(store::StaffRoleName(*role)).c_str());
  return 0;
}

// Exports and imports from the command line are audited as this member of staff (migration
// 0010: staff id '' is safespaces-admin).
const store::StaffMember kCommandLine{"", "safespaces-admin", store::StaffRole::Officer};

std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int Export(store::Database& db, const Flags& flags) {
  const auto format_flag = flags.values.find("--format");
  const std::optional<core::ExportFormat> format =
      format_flag == flags.values.end() ? std::nullopt : core::ExportFormatFromName(format_flag->second);
  if (!format) {
    std::fprintf(stderr, "Please say --format csv, --format geojson or --format openreferral.\n");
    return 2;
  }
  std::string error;
  const std::optional<std::vector<core::PublicPlace>> places = store::ApprovedPlaces(db, error);
  if (!places) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const std::string text = core::ExportPlaces(*places, *format);
  const auto out = flags.values.find("--out");
  if (out == flags.values.end()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    std::ofstream file(out->second, std::ios::binary);
    if (!(file << text)) {
      std::fprintf(stderr, "Could not write %s.\n", out->second.c_str());
      return 1;
    }
    std::printf("Wrote %zu approved places to %s.\n", places->size(), out->second.c_str());
  }
  const nlohmann::json detail = {{"format", core::ExportFormatName(*format)}, {"places", places->size()}};
  if (!store::AddAuditEntry(db, kCommandLine, "export", "", core::DumpJson(detail), UnixNow())) {
    std::fprintf(stderr, "Could not write the audit log.\n");
    return 1;
  }
  return 0;
}

int Import(store::Database& db, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "Could not read %s.\n", file.c_str());
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string body = text.str();
  const core::ImportFormat format = core::ImportFormatOf(file, body);
  const std::int64_t now = UnixNow();
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  const core::PlacesRead read = core::ReadPlaces(body, format, context, store::RandomPlaceId);
  if (read.error) {
    std::fprintf(stderr, "%s\n", read.error->message.c_str());
    return 1;
  }
  store::ServerStore places(db);
  std::optional<store::ImportResult> result;
  if (places.Begin()) {
    result = store::ImportPlaces(places, read);
    const nlohmann::json detail = {{"format", core::ImportFormatName(format)},
                                   {"added", result ? result->added : 0},
                                   {"skipped", result ? result->skipped.size() : 0}};
    if (!result || !store::AddAuditEntry(db, kCommandLine, "import", "", core::DumpJson(detail), now) ||
        !places.Commit()) {
      places.Rollback();
      result.reset();
    }
  }
  if (!result) {
    std::fprintf(stderr, "Could not add the places: %s\n", places.Error().c_str());
    return 1;
  }
  for (const core::SkippedRow& row : result->skipped)
    std::fprintf(stderr, "Left out row %d: %s\n", row.row, row.why.c_str());
  std::printf("Added %d places, approved; left out %zu.\n", result->added, result->skipped.size());
  return result->skipped.empty() ? 0 : 1;
}

std::string CountsLine(const store::ServerCounts& counts) {
  return "places " + std::to_string(counts.places) + " (approved " + std::to_string(counts.approved_places) +
         ", suggested " + std::to_string(counts.suggested_places) + "), ratings " + std::to_string(counts.ratings) +
         " (live " + std::to_string(counts.live_ratings) + "), withdrawals " + std::to_string(counts.withdrawals) +
         ", sync items " + std::to_string(counts.sync_items);
}

std::string DatabasePath(const std::string& data_dir) { return (std::filesystem::path(data_dir) / "safespaces.db").string(); }

// Never through OpenData: a backup must not create or migrate the database it copies.
int Backup(const std::string& data_dir, const Flags& flags) {
  const auto to = flags.values.find("--to");
  if (to == flags.values.end()) {
    PrintUsage();
    return 2;
  }
  store::BackupOptions options;
  const std::optional<long long> pages = flags.Number("--pages-per-step", options.pages_per_step, 1, 1 << 20);
  if (!pages) return 2;
  options.pages_per_step = static_cast<int>(*pages);
  const std::string source = DatabasePath(data_dir);
  std::printf("Copying %s to %s...\n", source.c_str(), to->second.c_str());
  std::fflush(stdout);
  const auto started = std::chrono::steady_clock::now();
  std::string error;
  const std::optional<store::BackupSummary> made = store::BackupDatabase(source, to->second, error, options);
  if (!made) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("Backed up to %s: %.2f MB (%d pages in %d steps, %.2f s), schema %d. The copy passed its integrity "
              "check.\nIt holds %s.\n",
              to->second.c_str(), static_cast<double>(made->bytes) / 1e6, made->pages, made->steps, seconds,
              made->schema_version, CountsLine(made->counts).c_str());
  return 0;
}

// Never through OpenData either: restore looks at both files before it changes anything.
int Restore(const std::string& data_dir, const Flags& flags) {
  const auto from = flags.values.find("--from");
  if (from == flags.values.end()) {
    PrintUsage();
    return 2;
  }
  const std::string target = DatabasePath(data_dir);
  std::string error;
  const std::optional<store::RestoreSummary> restored = store::RestoreDatabase(from->second, target, error);
  if (!restored) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("Restored %s into %s (schema %d; the backup passed its integrity check).\nIt holds %s.\n",
              from->second.c_str(), target.c_str(), restored->schema_version, CountsLine(restored->counts).c_str());
  if (!restored->kept_as.empty())
    std::printf("The database that was there is kept as %s.\n", restored->kept_as.c_str());
  if (restored->schema_version < store::LatestSchemaVersion())
    std::printf("The server brings it up to date (schema %d) when it starts.\n", store::LatestSchemaVersion());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string data_dir;
  Flags flags;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool takes_value = args[i] == "--out" || args[i] == "--min-zoom" || args[i] == "--max-zoom" ||
                             args[i] == "--places" || args[i] == "--ratings" || args[i] == "--seed" ||
                             args[i] == "--words" || args[i] == "--role" || args[i] == "--format" ||
                             args[i] == "--to" || args[i] == "--from" || args[i] == "--pages-per-step";
    if (args[i] == "--data" && i + 1 < args.size()) {
      data_dir = args[++i];
    } else if (takes_value && i + 1 < args.size()) {
      const std::string name = args[i++];
      flags.values[name] = args[i];
    } else {
      rest.push_back(args[i]);
    }
  }
  if (rest.size() == 1 && rest[0] == "make-tiles") return MakeTiles(flags);
  if (rest.empty() || data_dir.empty()) {
    PrintUsage();
    return 2;
  }
  if (rest.size() == 1 && rest[0] == "backup") return Backup(data_dir, flags);
  if (rest.size() == 1 && rest[0] == "restore") return Restore(data_dir, flags);
  std::optional<store::Database> db = OpenData(data_dir);
  if (!db) return 1;
  const std::string& command = rest[0];
  if (command == "add-places" && rest.size() == 2) return AddPlaces(*db, rest[1]);
  if (command == "approve" && rest.size() == 2) return Approve(*db, rest[1]);
  if (command == "reject" && rest.size() == 3) return Reject(*db, rest[1], rest[2]);
  if (command == "counts" && rest.size() == 1) return Counts(*db);
  if (command == "pending" && rest.size() == 1) return Pending(*db);
  if (command == "approve-comment" && rest.size() == 2) return ReviewComment(*db, rest[1], CommentLook::Approve);
  if (command == "hide-comment" && rest.size() == 2) return ReviewComment(*db, rest[1], CommentLook::Hide);
  if (command == "demo" && rest.size() == 1) return MakeDemo(*db, data_dir, flags);
  if (command == "add-staff" && rest.size() == 2) return AddStaff(*db, flags, rest[1]);
  if (command == "export" && rest.size() == 1) return Export(*db, flags);
  if (command == "import" && rest.size() == 2) return Import(*db, rest[1]);
  PrintUsage();
  return 2;
}
