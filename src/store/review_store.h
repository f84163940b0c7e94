// Council officers' review in the server's database: the queue of suggestions and comments
// (with their waiting review_flags, the approved places near a suggestion, and filters),
// the actions (approve with an optional edit, reject with a reason, merge, approve or hide
// a comment), the audit log of every action with undo of an officer's last one, a place's
// standing in the Safe Spaces scheme, and the city picture's rows. Each action runs through
// ServerStore's officer functions in its transaction, so the public feed and each device's
// "yours" follow it. Schema: migrations/server/0010_*.sql. HTTP: server/review_api.h.
// Start at ReadReviewQueue, then ApproveSuggestion and UndoLastAction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/city_picture.h"
#include "core/model.h"
#include "core/review.h"
#include "core/validation.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/staff_store.h"

namespace store {

// [SECTION] The queue

inline constexpr int kDefaultQueueItems = 50;      // items in one answer when not asked
inline constexpr int kMaxQueueItems = 200;         // items in one answer at most
inline constexpr double kNearbyMetres = 250.0;     // metres: "is it one of these?"
inline constexpr std::size_t kMaxNearbyPlaces = 10;  // approved places listed beside a suggestion

enum class QueueKind { All, Suggestion, Comment };

struct QueueFilter {
  QueueKind kind = QueueKind::All;
  std::optional<core::Category> category;  // the place's
  std::string session_id;                  // "" for any (or none)
  bool flagged_only = false;               // only items with a waiting flag
  std::string area;                        // core::kAreaNames; "" for the whole city
  int limit = kDefaultQueueItems;
};

struct QueueFlag {
  std::string flag;  // "phone", "safeguarding", "hidden_in_session", ...
  std::string detail;
};

struct NearbyPlace {
  std::string id;
  std::string name;
  core::Category category = core::Category::Other;
  double lat = 0.0;
  double lon = 0.0;
  double distance_m = 0.0;
};

struct QueueItem {
  QueueKind kind = QueueKind::Suggestion;  // Suggestion (id: the place's) or Comment (id: the rating's)
  std::string id;
  std::int64_t submitted_at = 0;  // unix seconds it arrived; 0 for an officer's own place
  core::Place place;              // id, name, category, lat, lon, address ("" name: not here yet)
  std::string why;                // a suggestion's
  std::vector<core::SafeReason> reasons;
  core::Rating rating;  // a suggestion's first rating, or the comment's rating
  std::string session_id;
  std::string session_name;
  std::vector<QueueFlag> flags;  // waiting, oldest first
  bool safeguarding = false;     // a waiting "safeguarding" flag
  std::vector<NearbyPlace> nearby;  // a suggestion's: approved, within kNearbyMetres, nearest first
};

struct QueueCounts {  // of everything waiting, whatever the filter
  int suggestions = 0;
  int comments = 0;
  int flagged = 0;
  int safeguarding = 0;
};

struct ReviewQueue {
  QueueCounts counts;
  std::vector<QueueItem> items;  // safeguarding first, then oldest first, at most filter.limit
};

// What waits for an officer: suggested places, and ratings whose comment nobody looked at
// or that have a waiting flag (a suggestion's own first rating is inside the suggestion
// while it waits). Nullopt on a database failure, with `error` saying why.
std::optional<ReviewQueue> ReadReviewQueue(const Database& db, const QueueFilter& filter,
                                           const core::ServiceArea& area, std::string& error);

// Approved places within `metres` of (lat, lon), other than `except_id`, nearest first, at
// most `limit`. Nullopt on a database failure.
std::optional<std::vector<NearbyPlace>> ApprovedPlacesNear(const Database& db, double lat, double lon, double metres,
                                                           std::string_view except_id, std::size_t limit,
                                                           std::string& error);

// [SECTION] Actions
// Each: nullopt when done, or the error to show (NotFound, Conflict, InvalidField with the
// field); Internal on a database failure (the caller rolls back). Each resolves the item's
// waiting flags and writes its audit row (with what undo needs) as `officer` at `now`.

struct PlaceEdit {  // what an officer corrects while approving; unset fields stay
  std::optional<std::string> name;
  std::optional<core::Category> category;
  std::optional<std::string> address;
  std::optional<double> lat;
  std::optional<double> lon;
  bool Empty() const { return !name && !category && !address && !lat && !lon; }
};

std::optional<core::ApiError> ApproveSuggestion(ServerStore& store, const StaffMember& officer,
                                                std::string_view place_id, const PlaceEdit& edit,
                                                const core::ValidationContext& context, std::int64_t now);
std::optional<core::ApiError> RejectSuggestion(ServerStore& store, const StaffMember& officer,
                                               std::string_view place_id, core::NotAddedReason reason,
                                               std::int64_t now);
// The suggestion becomes "merged" into `into` (an approved place); its ratings, its own
// first rating too, move there and count in that place's profile.
std::optional<core::ApiError> MergeSuggestion(ServerStore& store, const StaffMember& officer,
                                              std::string_view place_id, std::string_view into, std::int64_t now);

enum class CommentLook { Approve, Hide };
std::optional<core::ApiError> ReviewComment(ServerStore& store, const StaffMember& officer,
                                            std::string_view rating_id, CommentLook look, std::int64_t now);

// [SECTION] Undo

struct UndoneAction {
  std::string action;  // "approve", "merge", ...
  std::string item_id;
};

// Undoes `officer`'s newest action that can be undone and is not yet, when it is at most
// core::kUndoSeconds old: the item goes back exactly as it was (the public feed drops or
// brings back the place, "yours" follows) and its flags wait again. Conflict "Nothing to
// undo." when there is none, or when someone changed the item since.
StaffResult<UndoneAction> UndoLastAction(ServerStore& store, const StaffMember& officer, std::int64_t now);

// [SECTION] The Safe Spaces scheme

struct SchemeStanding {
  core::SchemeStatus status = core::SchemeStatus::NotContacted;
  std::string checked_on;      // "YYYY-MM-DD" or ""
  std::string check_again_on;  // "YYYY-MM-DD" or ""
};

// Records an approved place's standing (the dates already checked by core::IsCalendarDate);
// the place's feed entry is written again, with "scheme_member" when it is one. Audited
// and undoable.
std::optional<core::ApiError> SetScheme(ServerStore& store, const StaffMember& officer, std::string_view place_id,
                                        const SchemeStanding& standing, std::int64_t now);

struct ReviewPlace {
  std::string id;
  std::string name;
  core::Category category = core::Category::Other;
  SchemeStanding scheme;
};

inline constexpr int kMaxReviewPlaces = 200;  // places in one answer

// Approved places whose name holds `search` (any case; "" for all), by name; with
// `due_only`, only those whose next check is on or before `today` ("YYYY-MM-DD"), soonest
// first. At most kMaxReviewPlaces. Nullopt on a database failure.
std::optional<std::vector<ReviewPlace>> ReadReviewPlaces(const Database& db, std::string_view search, bool due_only,
                                                         std::string_view today, std::string& error);

// [SECTION] The audit log

struct AuditEntry {
  std::int64_t at = 0;  // unix seconds
  std::string username;
  std::string action;
  std::string item_id;
  std::string detail;  // JSON text
};

inline constexpr int kDefaultAuditEntries = 200;
inline constexpr int kMaxAuditEntries = 5000;

// Writes one row of the log, not undoable (add_staff, set_staff_active, import, export):
// `detail` is JSON text an officer may read. False on a database failure.
bool AddAuditEntry(Database& db, const StaffMember& staff, std::string_view action, std::string_view item_id,
                   std::string_view detail, std::int64_t now);

// The newest `limit` rows, newest first. Nullopt on a database failure.
std::optional<std::vector<AuditEntry>> ReadAudit(const Database& db, int limit, std::string& error);

// [SECTION] The city picture

// Approved places, their live ratings and the months' counts of ratings and suggestions
// sent (by when they arrived), summed by core::PictureOfCity up to the month of `now`.
std::optional<core::CityPicture> ReadCityPicture(const Database& db, const core::ServiceArea& area, std::int64_t now,
                                                 std::string& error);

}  // namespace store
