// libFuzzer target for the officers' import (POST /api/v1/import and `safespaces-admin
// import`): core::ImportFormatOf and ReadPlaces (CSV via core/csv.h, or GeoJSON), then
// store::ImportPlaces into a real server database in memory. Checks that what is read is
// valid, survives an export and a second import, and that any CSV cell written reads back.
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/place_exports.h"
#include "core/validation.h"
#include "fuzz_check.h"
#include "server/sync_api.h"
#include "store/place_exchange.h"
#include "store/server_store.h"

namespace {

constexpr int kDepthLimit = 16;  // as server/export_api.cpp's kMaxImportJsonDepth

// Ids for rows without one: counted, so a run can be repeated exactly.
core::MakeId CountingIds() {
  return [n = 0]() mutable {
    char id[40];
    std::snprintf(id, sizeof(id), "00000000-0000-4000-8000-%012x", ++n);
    return std::string(id);
  };
}

// Any cells written with CsvCell and CsvRow (after the byte order mark the export starts
// with) read back as written: formula-like text (after any apostrophes of its own) with the
// apostrophe that disarms it, and CsvCellText gives back the text itself.
void CheckCsvCells(const std::vector<std::vector<std::string>>& rows) {
  std::string text = "\xEF\xBB\xBF";
  std::vector<std::vector<std::string>> expected;
  for (const std::vector<std::string>& row : rows) {
    if (row.empty()) continue;
    std::vector<std::string> cells, shown;
    for (const std::string& cell : row) {
      cells.push_back(core::CsvCell(cell));
      const std::size_t first = cell.find_first_not_of('\'');
      const bool formula =
          first != std::string::npos && std::string_view("=+-@\t\r").find(cell[first]) != std::string_view::npos;
      shown.push_back(formula ? "'" + cell : cell);
    }
    text += core::CsvRow(cells);
    expected.push_back(std::move(shown));
  }
  const std::vector<std::vector<std::string>> read = core::ParseCsv(text);
  FUZZ_CHECK(read == expected);
  std::size_t r = 0;
  for (const std::vector<std::string>& row : rows) {
    if (row.empty()) continue;
    for (std::size_t c = 0; c < row.size(); ++c) FUZZ_CHECK(core::CsvCellText(read[r][c]) == row[c]);
    ++r;
  }
}

bool SameRead(const core::Place& a, const core::Place& b, bool exact_position) {
  const double tolerance = exact_position ? 0.0 : 0.5e-6;  // the CSV export writes 6 decimals
  return a.id == b.id && a.name == b.name && a.category == b.category && a.address == b.address &&
         a.status == b.status && std::abs(a.lat - b.lat) <= tolerance && std::abs(a.lon - b.lon) <= tolerance;
}

void CheckRead(const core::PlacesRead& read, const core::ValidationContext& context) {
  if (read.error) {
    FUZZ_CHECK(core::HttpStatusFor(read.error->code) / 100 == 4 && !read.error->message.empty());
    FUZZ_CHECK(read.places.empty());
    return;
  }
  FUZZ_CHECK(read.places.size() == read.rows.size());
  FUZZ_CHECK(read.places.size() + read.skipped.size() <= core::kMaxImportRows);
  for (std::size_t i = 0; i < read.places.size(); ++i) {
    FUZZ_CHECK(core::Validate(read.places[i], context).empty());
    FUZZ_CHECK(read.places[i].status == core::PlaceStatus::Approved);
    if (i > 0) FUZZ_CHECK(read.rows[i - 1] < read.rows[i]);
  }
  for (const core::SkippedRow& row : read.skipped) FUZZ_CHECK(row.row >= 1 && !row.why.empty());
  if (read.places.empty()) return;

  // Exported by us and imported again: the same places.
  std::vector<core::PublicPlace> entries;
  for (const core::Place& place : read.places) entries.push_back({place, {}, {}, false});
  for (const core::ExportFormat format : {core::ExportFormat::Csv, core::ExportFormat::GeoJson}) {
    const std::string file = core::ExportPlaces(entries, format);
    const core::ImportFormat back = core::ImportFormatOf(core::ExportFileName(format), file);
    const core::PlacesRead again = core::ReadPlaces(file, back, context, CountingIds());
    FUZZ_CHECK(!again.error && again.skipped.empty() && again.places.size() == read.places.size());
    for (std::size_t i = 0; i < read.places.size(); ++i)
      FUZZ_CHECK(SameRead(again.places[i], read.places[i], format == core::ExportFormat::GeoJson));
  }

  // Into a server database: every place is added once and is on the approved map as read.
  std::string error;
  std::optional<store::Database> db = store::Database::Open(":memory:", error);
  FUZZ_CHECK(db);
  store::ServerStore store(*db);
  FUZZ_CHECK(store.Error().empty() && store.Begin());
  const std::optional<store::ImportResult> result = store::ImportPlaces(store, read);
  FUZZ_CHECK(result && store.Commit());
  FUZZ_CHECK(result->added + result->skipped.size() == read.places.size() + read.skipped.size());
  const std::optional<std::vector<core::PublicPlace>> approved = store::ApprovedPlaces(*db, error);
  FUZZ_CHECK(approved && approved->size() == static_cast<std::size_t>(result->added));
  std::map<std::string, const core::Place*> first_of_id;
  for (const core::Place& place : read.places) first_of_id.emplace(place.id, &place);
  for (const core::PublicPlace& entry : *approved) {
    const auto found = first_of_id.find(entry.place.id);
    FUZZ_CHECK(found != first_of_id.end() && SameRead(entry.place, *found->second, true));
  }
  FUZZ_CHECK(store.Begin());
  const std::optional<store::ImportResult> twice = store::ImportPlaces(store, read);
  FUZZ_CHECK(twice && store.Commit() && twice->added == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = InputText(data, size);
  const core::ValidationContext context{core::DefaultServiceArea(), 2026, 11};
  CheckCsvCells(core::ParseCsv(text));

  // As the endpoint reads a body whose Content-Type names neither, and as each format.
  const core::ImportFormat sniffed = core::ImportFormatOf("", text);
  FUZZ_CHECK(sniffed == core::ImportFormatOf("text/plain", text));
  CheckRead(core::ReadPlacesCsv(text, context, CountingIds()), context);
  // The endpoint refuses GeoJSON nested deeper than this before reading it.
  if (server::JsonDepthWithin(text, kDepthLimit))
    CheckRead(core::ReadPlacesGeoJson(text, context, CountingIds()), context);
  return 0;
}
