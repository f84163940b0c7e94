// This is the implementation of review_store.h. Officers' actions are rare, so statements
// are prepared where they are used. An action first reads the item as it is (its "before"),
// refuses before writing anything, changes it through ServerStore, then writes the audit
// row with {"before", "after", "flags"} so undo can check nobody changed it since and put
// it back exactly.
// Sections: [SECTION] Snapshots, [SECTION] Queue, [SECTION] Flags and audit,
// [SECTION] Actions, [SECTION] Undo, [SECTION] Scheme, [SECTION] Audit log,
// [SECTION] City picture.
#include "store/review_store.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/map_math.h"
#include "core/progress.h"

namespace store {
namespace {

using nlohmann::json;

// Reads every row of `s` with `read`; false (and `error`) on a failure.
template <class Read>
bool EachRow(Statement& s, std::string& error, Read read) {
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row) read(s);
  if (step == StepResult::Error) error = "Could not read for the review: " + s.Error();
  return step != StepResult::Error;
}

core::ApiError NoSuchSuggestion() {
  return {core::ErrorCode::NotFound, "We could not find this suggestion. It may have been taken back.", "id"};
}

// [SECTION] Snapshots
// An item as an action found or left it: what undo compares and puts back.

// A place's row as officers change it; nullopt when it is not here (or on a failure).
std::optional<json> PlaceSnapshot(const Database& db, std::string_view place_id) {
  Statement s = db.Prepare(
      "SELECT status, merged_into, review_reason, name, category, lat, lon, address FROM places WHERE id = ?1");
  s.BindText(1, place_id);
  if (s.Step() != StepResult::Row) return std::nullopt;
  return json{{"status", s.ColumnText(0)},   {"merged_into", s.ColumnText(1)}, {"review_reason", s.ColumnText(2)},
              {"name", s.ColumnText(3)},     {"category", s.ColumnText(4)},    {"lat", s.ColumnDouble(5)},
              {"lon", s.ColumnDouble(6)},    {"address", s.ColumnText(7)}};
}

bool WritePlaceSnapshot(Database& db, std::string_view place_id, const json& place) {
  Statement s = db.Prepare(
      "UPDATE places SET status = ?2, merged_into = ?3, review_reason = ?4, name = ?5, category = ?6, lat = ?7, "
      "lon = ?8, address = ?9 WHERE id = ?1");
  s.BindText(1, place_id)
      .BindText(2, place.value("status", ""))
      .BindText(3, place.value("merged_into", ""))
      .BindText(4, place.value("review_reason", ""))
      .BindText(5, place.value("name", ""))
      .BindText(6, place.value("category", ""))
      .BindDouble(7, place.value("lat", 0.0))
      .BindDouble(8, place.value("lon", 0.0))
      .BindText(9, place.value("address", ""));
  return s.Step() == StepResult::Done;
}

// A rating's comment: {"comment_state", "place_id"}; nullopt when not here.
struct CommentRow {
  std::string place_id;
  std::string state;
  bool has_words = false;
  bool withdrawn = false;
};
std::optional<CommentRow> ReadCommentRow(const Database& db, std::string_view rating_id) {
  Statement s = db.Prepare("SELECT place_id, comment_state, comment <> '', withdrawn FROM ratings WHERE id = ?1");
  s.BindText(1, rating_id);
  if (s.Step() != StepResult::Row) return std::nullopt;
  return CommentRow{std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), s.ColumnInt64(2) != 0,
                    s.ColumnInt64(3) != 0};
}

// A place's scheme row, or null for none (not contacted).
json SchemeSnapshot(const Database& db, std::string_view place_id) {
  Statement s = db.Prepare("SELECT status, checked_on, check_again_on FROM place_scheme WHERE place_id = ?1");
  s.BindText(1, place_id);
  if (s.Step() != StepResult::Row) return nullptr;
  return json{{"status", s.ColumnText(0)}, {"checked_on", s.ColumnText(1)}, {"check_again_on", s.ColumnText(2)}};
}

bool WriteSchemeSnapshot(Database& db, std::string_view place_id, const json& scheme, std::int64_t now) {
  if (scheme.is_null()) {
    Statement remove = db.Prepare("DELETE FROM place_scheme WHERE place_id = ?1");
    remove.BindText(1, place_id);
    return remove.Step() == StepResult::Done;
  }
  Statement s = db.Prepare(
      "INSERT INTO place_scheme (place_id, status, checked_on, check_again_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (place_id) DO UPDATE SET status = ?2, checked_on = ?3, check_again_on = ?4, updated_at = ?5");
  s.BindText(1, place_id)
      .BindText(2, scheme.value("status", "not_contacted"))
      .BindText(3, scheme.value("checked_on", ""))
      .BindText(4, scheme.value("check_again_on", ""))
      .BindInt64(5, now);
  return s.Step() == StepResult::Done;
}

// [SECTION] Queue

// Waiting flags by item id, oldest first.
bool ReadWaitingFlags(const Database& db, std::map<std::string, std::vector<QueueFlag>>& flags, std::string& error) {
  Statement s = db.Prepare("SELECT item_id, flag, detail FROM review_flags WHERE resolved_at IS NULL ORDER BY id");
  return EachRow(s, error, [&](Statement& row) {
    flags[std::string(row.ColumnText(0))].push_back({std::string(row.ColumnText(1)), std::string(row.ColumnText(2))});
  });
}

void AttachFlags(const std::map<std::string, std::vector<QueueFlag>>& flags, std::string_view id, QueueItem& item) {
  if (id.empty()) return;
  const auto found = flags.find(std::string(id));
  if (found == flags.end()) return;
  for (const QueueFlag& flag : found->second) {
    item.flags.push_back(flag);
    if (flag.flag == "safeguarding") item.safeguarding = true;
  }
}

void ReadPlaceColumns(Statement& row, int first, core::Place& place) {
  place.name = std::string(row.ColumnText(first));
  place.category = core::CategoryFromName(row.ColumnText(first + 1)).value_or(core::Category::Other);
  place.lat = row.ColumnDouble(first + 2);
  place.lon = row.ColumnDouble(first + 3);
  place.address = std::string(row.ColumnText(first + 4));
}

bool ReadSuggestions(const Database& db, const std::map<std::string, std::vector<QueueFlag>>& flags,
                     std::vector<QueueItem>& items, std::string& error) {
  Statement s = db.Prepare(
      "SELECT p.id, p.name, p.category, p.lat, p.lon, p.address, p.why, p.reasons, p.session_id, "
      "coalesce(c.name, ''), coalesce(i.accepted_at, 0), p.first_rating_id, coalesce(r.scales, x''), "
      "coalesce(r.facilities, x''), coalesce(r.comment, ''), coalesce(r.visit_month, '') "
      "FROM places AS p LEFT JOIN ratings AS r ON r.id = p.first_rating_id "
      "LEFT JOIN co_sessions AS c ON c.id = p.session_id LEFT JOIN sync_items AS i ON i.id = p.id "
      "WHERE p.status = 'suggested'");
  return EachRow(s, error, [&](Statement& row) {
    QueueItem item;
    item.kind = QueueKind::Suggestion;
    item.id = std::string(row.ColumnText(0));
    item.place.id = item.id;
    ReadPlaceColumns(row, 1, item.place);
    item.why = std::string(row.ColumnText(6));
    item.reasons = ReasonsFromText(row.ColumnText(7));
    item.session_id = std::string(row.ColumnText(8));
    item.session_name = std::string(row.ColumnText(9));
    item.submitted_at = row.ColumnInt64(10);
    item.rating.id = std::string(row.ColumnText(11));
    ReadAnswers(item.rating, row.ColumnBlob(12), row.ColumnBlob(13));
    item.rating.comment = std::string(row.ColumnText(14));
    item.rating.visit_month = std::string(row.ColumnText(15));
    AttachFlags(flags, item.id, item);
    AttachFlags(flags, item.rating.id, item);
    items.push_back(std::move(item));
  });
}

bool ReadComments(const Database& db, const std::map<std::string, std::vector<QueueFlag>>& flags,
                  std::vector<QueueItem>& items, std::string& error) {
  // The first part is the partial index ratings_pending_comments' (migration 0004).
  Statement s = db.Prepare(
      "WITH waiting AS (SELECT id FROM ratings WHERE comment_state = 'pending' AND comment <> '' AND withdrawn = 0 "
      "UNION SELECT item_id FROM review_flags WHERE resolved_at IS NULL AND item_kind = 'rating') "
      "SELECT r.id, r.place_id, coalesce(p.name, ''), coalesce(p.category, 'other'), coalesce(p.lat, 0.0), "
      "coalesce(p.lon, 0.0), coalesce(p.address, ''), r.comment, r.visit_month, r.scales, r.facilities, "
      "r.session_id, coalesce(c.name, ''), coalesce(i.accepted_at, 0) "
      "FROM waiting AS w JOIN ratings AS r ON r.id = w.id LEFT JOIN places AS p ON p.id = r.place_id "
      "LEFT JOIN co_sessions AS c ON c.id = r.session_id LEFT JOIN sync_items AS i ON i.id = r.id "
      "WHERE r.comment <> '' AND r.withdrawn = 0 "
      "AND NOT (coalesce(p.status, '') = 'suggested' AND p.first_rating_id = r.id)");
  return EachRow(s, error, [&](Statement& row) {
    QueueItem item;
    item.kind = QueueKind::Comment;
    item.id = std::string(row.ColumnText(0));
    item.place.id = std::string(row.ColumnText(1));
    ReadPlaceColumns(row, 2, item.place);
    item.rating.id = item.id;
    item.rating.place_id = item.place.id;
    item.rating.comment = std::string(row.ColumnText(7));
    item.rating.visit_month = std::string(row.ColumnText(8));
    ReadAnswers(item.rating, row.ColumnBlob(9), row.ColumnBlob(10));
    item.session_id = std::string(row.ColumnText(11));
    item.session_name = std::string(row.ColumnText(12));
    item.submitted_at = row.ColumnInt64(13);
    AttachFlags(flags, item.id, item);
    items.push_back(std::move(item));
  });
}

bool Passes(const QueueItem& item, const QueueFilter& filter, const core::ServiceArea& area) {
  if (filter.kind != QueueKind::All && item.kind != filter.kind) return false;
  if (filter.category && item.place.category != *filter.category) return false;
  if (!filter.session_id.empty() && item.session_id != filter.session_id) return false;
  if (filter.flagged_only && item.flags.empty()) return false;
  if (!filter.area.empty() && core::AreaOf(item.place.lat, item.place.lon, area) != filter.area) return false;
  return true;
}

}  // namespace

std::optional<std::vector<NearbyPlace>> ApprovedPlacesNear(const Database& db, double lat, double lon, double metres,
                                                           std::string_view except_id, std::size_t limit,
                                                           std::string& error) {
  constexpr double kMetresPerDegree = 111320.0;  // of latitude, and of longitude at the equator
  const double dlat = metres / kMetresPerDegree * 1.01;
  const double dlon = dlat / std::max(0.01, std::cos(lat * 3.14159265358979323846 / 180.0));
  // The index places_approved_by_area (migration 0013) reaches the circle's few columns of
  // the area grid, and its band of latitude in each: through places_approved_by_lat (0006)
  // it read a band across the whole city, looking up each row's longitude. One column more
  // each side: SQLite works a column out itself, and may round apart from this.
  constexpr double kColumns = 1 << core::kAreaCellZoom;
  const auto column = [&](double x) { return static_cast<long long>(std::floor((x + 180.0) / 360.0 * kColumns)); };
  const long long first = column(lon - dlon) - 1, last = column(lon + dlon) + 1;
  constexpr long long kMostColumns = 16;  // more (a huge circle, or near a pole): the band of latitude
  const bool by_column = last - first < kMostColumns;
  std::string columns;
  for (long long c = first; by_column && c <= last; ++c) columns += (columns.empty() ? "?" : ", ?") + std::to_string(6 + c - first);
  Statement s = db.Prepare(
      "SELECT id, name, category, lat, lon FROM places WHERE approved_seq IS NOT NULL " +
      (by_column ? "AND area_column IN (" + columns + ") " : std::string()) +
      "AND lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4 AND status = 'approved' AND id <> ?5");
  s.BindDouble(1, lat - dlat).BindDouble(2, lat + dlat).BindDouble(3, lon - dlon).BindDouble(4, lon + dlon);
  s.BindText(5, except_id);
  for (long long c = first; by_column && c <= last; ++c) s.BindInt64(static_cast<int>(6 + c - first), c);
  std::vector<NearbyPlace> near;
  if (!EachRow(s, error, [&](Statement& row) {
        NearbyPlace place{std::string(row.ColumnText(0)), std::string(row.ColumnText(1)),
                          core::CategoryFromName(row.ColumnText(2)).value_or(core::Category::Other),
                          row.ColumnDouble(3), row.ColumnDouble(4), 0.0};
        place.distance_m = core::DistanceMetres(lat, lon, place.lat, place.lon);
        if (place.distance_m <= metres) near.push_back(std::move(place));
      }))
    return std::nullopt;
  std::sort(near.begin(), near.end(), [](const NearbyPlace& a, const NearbyPlace& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  });
  if (near.size() > limit) near.resize(limit);
  return near;
}

std::optional<ReviewQueue> ReadReviewQueue(const Database& db, const QueueFilter& filter,
                                           const core::ServiceArea& area, std::string& error) {
  std::string ignored;
  if (!db.Exec("SAVEPOINT review_queue", error)) return std::nullopt;  // one snapshot for all three reads
  std::map<std::string, std::vector<QueueFlag>> flags;
  std::vector<QueueItem> all;
  const bool read = ReadWaitingFlags(db, flags, error) && ReadSuggestions(db, flags, all, error) &&
                    ReadComments(db, flags, all, error);
  db.Exec("RELEASE review_queue", ignored);
  if (!read) return std::nullopt;

  ReviewQueue queue;
  for (QueueItem& item : all) {
    ++(item.kind == QueueKind::Suggestion ? queue.counts.suggestions : queue.counts.comments);
    if (!item.flags.empty()) ++queue.counts.flagged;
    if (item.safeguarding) ++queue.counts.safeguarding;
    if (Passes(item, filter, area)) queue.items.push_back(std::move(item));
  }
  std::sort(queue.items.begin(), queue.items.end(), [](const QueueItem& a, const QueueItem& b) {
    if (a.safeguarding != b.safeguarding) return a.safeguarding;
    if (a.submitted_at != b.submitted_at) return a.submitted_at < b.submitted_at;
    return a.id < b.id;
  });
  const auto limit = static_cast<std::size_t>(std::clamp(filter.limit, 1, kMaxQueueItems));
  if (queue.items.size() > limit) queue.items.resize(limit);
  for (QueueItem& item : queue.items) {
    if (item.kind != QueueKind::Suggestion) continue;
    std::optional<std::vector<NearbyPlace>> near =
        ApprovedPlacesNear(db, item.place.lat, item.place.lon, kNearbyMetres, item.id, kMaxNearbyPlaces, error);
    if (!near) return std::nullopt;
    item.nearby = std::move(*near);
  }
  return queue;
}

namespace {

// [SECTION] Flags and audit

// Resolves the waiting flags of `item_ids` as `officer`: the ids of those it resolved, or
// nullopt on a failure.
std::optional<std::vector<std::int64_t>> ResolveFlags(Database& db, std::initializer_list<std::string_view> item_ids,
                                                      const StaffMember& officer, std::int64_t now) {
  std::vector<std::int64_t> resolved;
  for (std::string_view item_id : item_ids) {
    if (item_id.empty()) continue;
    Statement s = db.Prepare(
        "UPDATE review_flags SET resolved_by = ?2, resolved_at = ?3 WHERE item_id = ?1 AND resolved_at IS NULL "
        "RETURNING id");
    s.BindText(1, item_id).BindText(2, officer.id).BindInt64(3, now);
    std::string error;
    if (!EachRow(s, error, [&](Statement& row) { resolved.push_back(row.ColumnInt64(0)); })) return std::nullopt;
  }
  return resolved;
}

// One audit row; `undo` is null for an action that cannot be undone.
bool WriteAudit(Database& db, const StaffMember& staff, std::string_view action, std::string_view item_id,
                const json& detail, const json& undo, std::int64_t now) {
  Statement s = db.Prepare(
      "INSERT INTO audit_log (at, staff_id, username, action, item_id, detail, undo_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.BindInt64(1, now).BindText(2, staff.id).BindText(3, staff.username).BindText(4, action).BindText(5, item_id);
  s.BindText(6, core::DumpJson(detail));
  if (undo.is_null()) {
    s.BindNull(7);
  } else {
    s.BindText(7, core::DumpJson(undo));
  }
  return s.Step() == StepResult::Done;
}

// Finishes an action on one item: resolves its flags and writes its audit row.
bool Record(ServerStore& store, const StaffMember& officer, std::string_view action, std::string_view item_id,
            std::initializer_list<std::string_view> flagged_ids, json detail, json before, json after,
            std::int64_t now) {
  const std::optional<std::vector<std::int64_t>> flags = ResolveFlags(store.Db(), flagged_ids, officer, now);
  if (!flags) return false;
  const json undo = {{"before", std::move(before)}, {"after", std::move(after)}, {"flags", *flags}};
  return WriteAudit(store.Db(), officer, action, item_id, detail, undo, now);
}

// A suggestion still waiting for a look, or why not (in `outcome`). Nullopt either way
// when it cannot be acted on.
std::optional<json> WaitingSuggestion(const Database& db, std::string_view place_id,
                                      std::optional<core::ApiError>& outcome) {
  std::optional<json> before = PlaceSnapshot(db, place_id);
  if (!before) {
    outcome = NoSuchSuggestion();
    return std::nullopt;
  }
  const std::string status = (*before)["status"];
  if (status != "suggested") {
    outcome = core::ApiError{core::ErrorCode::Conflict,
                             status == "approved" ? "This place is already on the map."
                             : status == "merged" ? "This suggestion was already merged with a place on the map."
                                                  : "This suggestion was already not added.",
                             "id"};
    return std::nullopt;
  }
  return before;
}

std::string FirstRatingOf(const Database& db, std::string_view place_id) {
  Statement s = db.Prepare("SELECT first_rating_id FROM places WHERE id = ?1");
  s.BindText(1, place_id);
  return s.Step() == StepResult::Row ? std::string(s.ColumnText(0)) : std::string();
}

}  // namespace

// [SECTION] Actions

std::optional<core::ApiError> ApproveSuggestion(ServerStore& store, const StaffMember& officer,
                                                std::string_view place_id, const PlaceEdit& edit,
                                                const core::ValidationContext& context, std::int64_t now) {
  return store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    const std::optional<json> before = WaitingSuggestion(store.Db(), place_id, outcome);
    if (!before) return true;
    core::Place place;
    place.id = std::string(place_id);
    place.name = edit.name.value_or((*before)["name"].get<std::string>());
    place.category = edit.category.value_or(
        core::CategoryFromName((*before)["category"].get<std::string>()).value_or(core::Category::Other));
    place.address = edit.address.value_or((*before)["address"].get<std::string>());
    place.lat = edit.lat.value_or((*before)["lat"].get<double>());
    place.lon = edit.lon.value_or((*before)["lon"].get<double>());
    if (const std::vector<core::FieldError> errors = core::Validate(place, context); !errors.empty()) {
      outcome = core::ApiError{core::ErrorCode::InvalidField, errors.front().message, "edit." + errors.front().field};
      return true;
    }
    json changed = json::object();
    if (!edit.Empty()) {
      Statement update =
          store.Db().Prepare("UPDATE places SET name = ?2, category = ?3, address = ?4, lat = ?5, lon = ?6 WHERE id = ?1");
      update.BindText(1, place_id).BindText(2, place.name).BindText(3, core::CategoryName(place.category));
      update.BindText(4, place.address).BindDouble(5, place.lat).BindDouble(6, place.lon);
      if (update.Step() != StepResult::Done) return false;
      const std::optional<json> edited = PlaceSnapshot(store.Db(), place_id);
      if (!edited) return false;
      for (const char* field : {"name", "category", "address", "lat", "lon"})
        if ((*edited)[field] != (*before)[field]) changed[field] = {{"from", (*before)[field]}, {"to", (*edited)[field]}};
    }
    if (std::optional<core::ApiError> refused = store.ApprovePlace(place_id)) {
      if (refused->code == core::ErrorCode::Internal) return false;
      outcome = std::move(refused);
      return true;
    }
    const std::optional<json> after = PlaceSnapshot(store.Db(), place_id);
    if (!after) return false;
    const bool edited = !changed.empty();
    json detail = {{"name", place.name}};
    if (edited) detail["changed"] = std::move(changed);
    return Record(store, officer, edited ? "edit_approve" : "approve", place_id,
                  {place_id, FirstRatingOf(store.Db(), place_id)}, std::move(detail), *before, *after, now);
  });
}

std::optional<core::ApiError> RejectSuggestion(ServerStore& store, const StaffMember& officer,
                                               std::string_view place_id, core::NotAddedReason reason,
                                               std::int64_t now) {
  return store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    const std::optional<json> before = WaitingSuggestion(store.Db(), place_id, outcome);
    if (!before) return true;
    if (std::optional<core::ApiError> refused = store.RejectPlace(place_id, reason)) {
      if (refused->code == core::ErrorCode::Internal) return false;
      outcome = std::move(refused);
      return true;
    }
    const std::optional<json> after = PlaceSnapshot(store.Db(), place_id);
    if (!after) return false;
    return Record(store, officer, "reject", place_id, {place_id, FirstRatingOf(store.Db(), place_id)},
                  {{"name", (*before)["name"]}, {"reason", core::NotAddedReasonName(reason)}}, *before, *after, now);
  });
}

std::optional<core::ApiError> MergeSuggestion(ServerStore& store, const StaffMember& officer,
                                              std::string_view place_id, std::string_view into, std::int64_t now) {
  return store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    const std::optional<json> before = WaitingSuggestion(store.Db(), place_id, outcome);
    if (!before) return true;
    const std::optional<json> target = PlaceSnapshot(store.Db(), into);
    if (into == place_id || !target || (*target)["status"] != "approved") {
      outcome = core::ApiError{core::ErrorCode::InvalidField,
                               into == place_id ? "A suggestion cannot be merged into itself. Please pick a place on "
                                                  "the map."
                                                : "Please pick a place that is on the map to merge this into.",
                               "into"};
      return true;
    }
    Database& db = store.Db();
    Statement move = db.Prepare(
        "UPDATE ratings SET merged_from = place_id, place_id = ?2 WHERE place_id = ?1 RETURNING id");
    move.BindText(1, place_id).BindText(2, into);
    int moved = 0;
    std::string error;
    if (!EachRow(move, error, [&](Statement&) { ++moved; })) return false;
    Statement merge = db.Prepare("UPDATE places SET status = 'merged', merged_into = ?2, review_reason = '' WHERE id = ?1");
    merge.BindText(1, place_id).BindText(2, into);
    if (merge.Step() != StepResult::Done) return false;
    if (!store.OfficerChangedPlace(place_id, true, true) || !store.OfficerChangedPlace(into, true, false)) return false;
    const std::optional<json> after = PlaceSnapshot(db, place_id);
    if (!after) return false;
    return Record(store, officer, "merge", place_id, {place_id, FirstRatingOf(db, place_id)},
                  {{"name", (*before)["name"]}, {"into", into}, {"into_name", (*target)["name"]}, {"ratings_moved", moved}},
                  *before, *after, now);
  });
}

std::optional<core::ApiError> ReviewComment(ServerStore& store, const StaffMember& officer,
                                            std::string_view rating_id, CommentLook look, std::int64_t now) {
  return store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    const std::optional<CommentRow> before = ReadCommentRow(store.Db(), rating_id);
    std::optional<core::ApiError> refused = look == CommentLook::Approve ? store.ApproveComment(rating_id)
                                                                         : store.HideComment(rating_id);
    if (refused) {
      if (refused->code == core::ErrorCode::Internal) return false;
      outcome = std::move(refused);
      return true;
    }
    if (!before) return false;  // ApproveComment found it, so this read failed
    const std::optional<CommentRow> after = ReadCommentRow(store.Db(), rating_id);
    if (!after) return false;
    return Record(store, officer, look == CommentLook::Approve ? "approve_comment" : "hide_comment", rating_id,
                  {rating_id}, {{"place_id", before->place_id}}, {{"comment_state", before->state}},
                  {{"comment_state", after->state}}, now);
  });
}

// [SECTION] Undo

namespace {

core::ApiError NothingToUndo() { return {core::ErrorCode::Conflict, "Nothing to undo.", ""}; }

// The item's state now, in the shape its action's snapshots have.
std::optional<json> CurrentState(const Database& db, std::string_view action, std::string_view item_id) {
  if (action == "approve_comment" || action == "hide_comment") {
    const std::optional<CommentRow> row = ReadCommentRow(db, item_id);
    if (!row) return std::nullopt;
    return json{{"comment_state", row->state}};
  }
  if (action == "scheme") return SchemeSnapshot(db, item_id);
  return PlaceSnapshot(db, item_id);
}

// Puts the item back as `before`; false on a failure.
bool PutBack(ServerStore& store, std::string_view action, std::string_view item_id, const json& before,
             const json& after, std::int64_t now) {
  Database& db = store.Db();
  if (action == "approve_comment" || action == "hide_comment") {
    const std::optional<CommentRow> row = ReadCommentRow(db, item_id);
    if (!row) return false;
    Statement s = db.Prepare("UPDATE ratings SET comment_state = ?2 WHERE id = ?1");
    s.BindText(1, item_id).BindText(2, before.value("comment_state", "pending"));
    if (s.Step() != StepResult::Done) return false;
    return store.OfficerChangedPlace(row->place_id, false, false);
  }
  if (action == "scheme") return WriteSchemeSnapshot(db, item_id, before, now) && store.OfficerChangedPlace(item_id, false, false);
  const std::string merged_into = after.value("merged_into", "");
  if (action == "merge" && !merged_into.empty()) {
    Statement back = db.Prepare(
        "UPDATE ratings SET place_id = merged_from, merged_from = '' WHERE place_id = ?2 AND merged_from = ?1");
    back.BindText(1, item_id).BindText(2, merged_into);
    if (back.Step() != StepResult::Done) return false;
    if (!store.OfficerChangedPlace(merged_into, true, false)) return false;
  }
  return WritePlaceSnapshot(db, item_id, before) && store.OfficerChangedPlace(item_id, action == "merge", true);
}

}  // namespace

StaffResult<UndoneAction> UndoLastAction(ServerStore& store, const StaffMember& officer, std::int64_t now) {
  StaffResult<UndoneAction> result;
  const std::optional<core::ApiError> refused = store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    result = {};  // the writer may run this again
    Database& db = store.Db();
    // The WHERE is the partial index audit_undoable's (migration 0010).
    Statement last = db.Prepare(
        "SELECT id, at, action, item_id, undo_json FROM audit_log WHERE staff_id = ?1 AND undo_json IS NOT NULL "
        "AND undone_at IS NULL ORDER BY id DESC LIMIT 1");
    last.BindText(1, officer.id);
    const StepResult step = last.Step();
    if (step == StepResult::Error) return false;
    if (step == StepResult::Done || last.ColumnInt64(1) < now - core::kUndoSeconds) {
      outcome = NothingToUndo();
      return true;
    }
    const std::int64_t entry = last.ColumnInt64(0);
    UndoneAction undone{std::string(last.ColumnText(2)), std::string(last.ColumnText(3))};
    const json undo = json::parse(last.ColumnText(4), nullptr, false);
    last.Reset();
    if (undo.is_discarded() || !undo.contains("before") || !undo.contains("after")) return false;
    // Someone else (or the young person, taking it back) changed it since: putting it back
    // would undo their change too.
    const std::optional<json> now_state = CurrentState(db, undone.action, undone.item_id);
    if (!now_state || *now_state != undo["after"]) {
      outcome = core::ApiError{core::ErrorCode::Conflict,
                               "This was changed again since, so it cannot be undone. Please look at it again.", ""};
      return true;
    }
    if (!PutBack(store, undone.action, undone.item_id, undo["before"], undo["after"], now)) return false;
    for (const json& flag : undo.value("flags", json::array())) {
      Statement reopen = db.Prepare("UPDATE review_flags SET resolved_by = '', resolved_at = NULL WHERE id = ?1");
      reopen.BindInt64(1, flag.is_number_integer() ? flag.get<std::int64_t>() : 0);
      if (reopen.Step() != StepResult::Done) return false;
    }
    Statement mark = db.Prepare("UPDATE audit_log SET undone_at = ?2 WHERE id = ?1");
    mark.BindInt64(1, entry).BindInt64(2, now);
    if (mark.Step() != StepResult::Done) return false;
    if (!WriteAudit(db, officer, "undo", undone.item_id, {{"undid", undone.action}, {"entry", entry}}, nullptr, now))
      return false;
    result.value = std::move(undone);
    return true;
  });
  if (refused) return {std::nullopt, *refused};
  return result;
}

// [SECTION] Scheme

std::optional<core::ApiError> SetScheme(ServerStore& store, const StaffMember& officer, std::string_view place_id,
                                        const SchemeStanding& standing, std::int64_t now) {
  return store.OfficerChange([&](std::optional<core::ApiError>& outcome) {
    Database& db = store.Db();
    const std::optional<json> place = PlaceSnapshot(db, place_id);
    if (!place || (*place)["status"] != "approved") {
      outcome = core::ApiError{core::ErrorCode::NotFound,
                               "We could not find this place on the map. Only places on the map can be in the scheme.",
                               "id"};
      return true;
    }
    const json before = SchemeSnapshot(db, place_id);
    const json after = {{"status", core::SchemeStatusName(standing.status)},
                        {"checked_on", standing.checked_on},
                        {"check_again_on", standing.check_again_on}};
    if (!WriteSchemeSnapshot(db, place_id, after, now) || !store.OfficerChangedPlace(place_id, false, false))
      return false;
    json detail = after;
    detail["name"] = (*place)["name"];
    return Record(store, officer, "scheme", place_id, {}, std::move(detail), before, after, now);
  });
}

std::optional<std::vector<ReviewPlace>> ReadReviewPlaces(const Database& db, std::string_view search, bool due_only,
                                                         std::string_view today, std::string& error) {
  // instr on lower() finds the words anywhere, with no LIKE wildcards to escape.
  Statement s = db.Prepare(
      "SELECT p.id, p.name, p.category, coalesce(k.status, 'not_contacted'), coalesce(k.checked_on, ''), "
      "coalesce(k.check_again_on, '') FROM places AS p LEFT JOIN place_scheme AS k ON k.place_id = p.id "
      "WHERE p.status = 'approved' AND (?1 = '' OR instr(lower(p.name), lower(?1)) > 0) "
      "AND (?2 = 0 OR (k.check_again_on <> '' AND k.check_again_on <= ?3)) "
      "ORDER BY CASE WHEN ?2 = 0 THEN '' ELSE k.check_again_on END, p.name, p.id LIMIT ?4");
  s.BindText(1, search).BindInt64(2, due_only ? 1 : 0).BindText(3, today).BindInt64(4, kMaxReviewPlaces);
  std::vector<ReviewPlace> places;
  if (!EachRow(s, error, [&](Statement& row) {
        places.push_back({std::string(row.ColumnText(0)), std::string(row.ColumnText(1)),
                          core::CategoryFromName(row.ColumnText(2)).value_or(core::Category::Other),
                          {core::SchemeStatusFromName(row.ColumnText(3)).value_or(core::SchemeStatus::NotContacted),
                           std::string(row.ColumnText(4)), std::string(row.ColumnText(5))}});
      }))
    return std::nullopt;
  return places;
}

// [SECTION] Audit log

bool AddAuditEntry(Database& db, const StaffMember& staff, std::string_view action, std::string_view item_id,
                   std::string_view detail, std::int64_t now) {
  json parsed = json::parse(detail, nullptr, false);
  if (parsed.is_discarded()) parsed = json{{"text", detail}};
  return WriteAudit(db, staff, action, item_id, parsed, nullptr, now);
}

std::optional<std::vector<AuditEntry>> ReadAudit(const Database& db, int limit, std::string& error) {
  Statement s = db.Prepare("SELECT at, username, action, item_id, detail FROM audit_log ORDER BY id DESC LIMIT ?1");
  s.BindInt64(1, std::clamp(limit, 1, kMaxAuditEntries));
  std::vector<AuditEntry> entries;
  if (!EachRow(s, error, [&](Statement& row) {
        entries.push_back({row.ColumnInt64(0), std::string(row.ColumnText(1)), std::string(row.ColumnText(2)),
                           std::string(row.ColumnText(3)), std::string(row.ColumnText(4))});
      }))
    return std::nullopt;
  return entries;
}

// [SECTION] City picture

std::optional<core::CityPicture> ReadCityPicture(const Database& db, const core::ServiceArea& area, std::int64_t now,
                                                 std::string& error) {
  std::string ignored;
  if (!db.Exec("SAVEPOINT city_picture", error)) return std::nullopt;
  std::vector<core::PicturePlace> places;
  std::vector<core::PictureRating> ratings;
  std::vector<core::MonthCount> months;
  Statement approved = db.Prepare("SELECT id, name, category, lat, lon FROM places WHERE status = 'approved'");
  bool ok = EachRow(approved, error, [&](Statement& row) {
    places.push_back({std::string(row.ColumnText(0)), std::string(row.ColumnText(1)),
                      core::CategoryFromName(row.ColumnText(2)).value_or(core::Category::Other), row.ColumnDouble(3),
                      row.ColumnDouble(4)});
  });
  Statement live = db.Prepare(
      "SELECT r.place_id, r.scales FROM ratings AS r JOIN places AS p ON p.id = r.place_id "
      "WHERE r.withdrawn = 0 AND p.status = 'approved'");
  ok = ok && EachRow(live, error, [&](Statement& row) {
         core::PictureRating rating;
         rating.place_id = std::string(row.ColumnText(0));
         const std::string_view scales = row.ColumnBlob(1);
         for (std::size_t i = 0; i < core::kScaleCount && i < scales.size(); ++i)
           rating.scales[i] = static_cast<std::uint8_t>(scales[i]);
         ratings.push_back(std::move(rating));
       });
  // By the month they arrived: ratings kept (not withdrawn; a suggestion's own rating is
  // part of its suggestion) and suggestions still here.
  Statement by_month = db.Prepare(
      "SELECT strftime('%Y-%m', i.accepted_at, 'unixepoch') AS month, "
      "sum(i.kind = 'rating'), sum(i.kind = 'suggestion') FROM sync_items AS i "
      "LEFT JOIN ratings AS r ON r.id = i.id LEFT JOIN places AS p ON p.id = i.id "
      "WHERE i.accepted_at >= ?1 AND ((i.kind = 'rating' AND r.withdrawn = 0 "
      "AND i.id NOT IN (SELECT first_rating_id FROM places)) OR (i.kind = 'suggestion' AND p.id IS NOT NULL)) "
      "GROUP BY month");
  by_month.BindInt64(1, now - 400 * 86400);  // seconds: a little more than the twelve months shown
  ok = ok && EachRow(by_month, error, [&](Statement& row) {
         months.push_back({std::string(row.ColumnText(0)), static_cast<int>(row.ColumnInt64(1)),
                           static_cast<int>(row.ColumnInt64(2))});
       });
  db.Exec("RELEASE city_picture", ignored);
  if (!ok) return std::nullopt;
  return core::PictureOfCity(places, ratings, area, months, core::MonthText(core::YearMonthAt(now, 0)));
}

}  // namespace store
