// The server's places, ratings and sync items: applying a device's outbox items (the write
// side, one ServerStore per writing connection) and reading the public feed of places
// (free functions, for any connection). SQL and rules of order only; HTTP, threads and
// group commit are in src/server. Start at ServerStore::Apply, then PlacesSince.
// The device's database is device_store.h; the schema is migrations/server/0002_*.sql
// and the files after it.
#pragma once
#include <cstdint>
#include <map>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.h"
#include "core/model.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core/sync_protocol.h"
#include "core/validation.h"
#include "store/database.h"

namespace store {

// [SECTION] Applying items

enum class SyncOutcome { Accepted, AlreadyAccepted, Rejected };

std::string_view SyncOutcomeName(SyncOutcome outcome);  // "accepted", "already_accepted", "rejected"

struct SyncResult {
  SyncOutcome outcome = SyncOutcome::Rejected;
  core::ApiError error;  // why, when Rejected; its message is for the young person
};

// Writes through one connection. Every method runs inside the caller's Begin()..Commit(),
// or, called outside one, in a transaction of its own. Anything returning nullopt or false
// failed in the database (never because of what a device sent): Error() says why, and the
// caller must Rollback() a transaction it began.
class ServerStore {
 public:
  explicit ServerStore(Database& db);  // prepares its statements; check Error()
  ServerStore(const ServerStore&) = delete;
  ServerStore& operator=(const ServerStore&) = delete;

  const std::string& Error() const { return error_; }
  // The connection, for other stores' functions (staff_store.h) in the same transaction.
  Database& Db() { return db_; }

  bool Begin();
  bool Commit();  // writes the profiles and feed entries this transaction changed, then COMMIT
  void Rollback();

  // Accepts, recognises or rejects one item. The rules, each order-independent:
  //  - an id accepted before is AlreadyAccepted and changes nothing (the first copy wins);
  //  - an item that breaks a rule of core::Validate is Rejected and not kept;
  //  - a rating counts in its place's profile once the place is known, until withdrawn;
  //  - a suggestion makes a "suggested" place (not public) with its first rating; its
  //    "why" words and tapped reasons are kept for officers, never made public;
  //  - a withdrawal is a tombstone: whenever its target (a rating or suggestion) is here,
  //    and came from the same device, the target is withdrawn. A withdrawn suggestion
  //    that was never approved disappears; one approved before keeps its place;
  //  - a rating or suggestion keeps its session id only when that co-production session
  //    is open and the device is in it now (joined, not left); otherwise it is kept
  //    with no session, since nothing a young person made is lost. One kept in its
  //    session bumps the session's version (store/session_board.h), as does withdrawing
  //    it or an officer's decision about its place.
  std::optional<SyncResult> Apply(const core::OutboxItem& item, const core::ValidationContext& context,
                                  std::int64_t now_unix_seconds);

  // Officer actions. Nullopt when done, or the error to show (NotFound, Conflict); a
  // database failure is an Internal error. Rejecting keeps the officer's reason, which the
  // suggesting device is told (SuggestionStatusesOf); approving clears it. The first
  // approval of a place also decides, once and for good, whether it is the first in its
  // area (core::AreaCellOf): no place approved before it lies in the same cell. A place
  // approved in the same transaction earlier (in id order) counts as before it.
  std::optional<core::ApiError> ApprovePlace(std::string_view place_id);
  std::optional<core::ApiError> RejectPlace(std::string_view place_id, core::NotAddedReason reason);
  // A place an officer adds themself (or a council's list, imported): it has no suggesting
  // device and takes the status given. An id already here is left as it is (AlreadyThere).
  enum class Added { New, AlreadyThere };
  std::optional<Added> AddPlace(const core::Place& place);
  // An officer's look at a rating's comment (it waits as "pending" until then). Approved
  // words go into the place's public entry (newest core::kMaxPlaceComments, with the visit
  // month and nothing that says who wrote them); hidden ones never do. Either changes the
  // place's entry, so devices pull it again. Nullopt when done (or already so), or the error
  // to show: NotFound (no such rating), Conflict (no comment, or withdrawn: its words are
  // gone); a database failure is an Internal error.
  std::optional<core::ApiError> ApproveComment(std::string_view rating_id);
  std::optional<core::ApiError> HideComment(std::string_view rating_id);

  // Officers' changes made elsewhere (store/review_store.h) run through these, in this
  // transaction. OfficerChange runs `change` in its own transaction (or the caller's):
  // `change` sets its refusal, if any, in `outcome` (having written nothing) and returns
  // false on a database failure (rolled back). After changing a place's row (details,
  // status, scheme) or moving ratings to or from it, OfficerChangedPlace recounts its
  // profile from its live ratings (when `recount`), rewrites its feed entry at Commit and,
  // when its status changed, bumps the session boards showing it. False on a failure.
  std::optional<core::ApiError> OfficerChange(const std::function<bool(std::optional<core::ApiError>& outcome)>& change);
  bool OfficerChangedPlace(std::string_view place_id, bool recount, bool status_changed);

  // Keeps the hash of a device's restore code (core::RestoreCodeHash, never the words).
  // One code per device, and a hash names one device: false (and no error) when either is
  // taken already; nullopt on a database failure.
  std::optional<bool> AddRestoreCode(std::string_view code_hash, std::string_view device_id,
                                     std::int64_t now_unix_seconds);

 private:
  std::optional<SyncResult> ApplyRating(const core::Rating& rating, std::int64_t now);
  std::optional<SyncResult> ApplySuggestion(const core::Suggestion& suggestion, std::int64_t now);
  std::optional<SyncResult> ApplyWithdrawal(const core::Withdrawal& withdrawal, std::int64_t now);
  std::optional<core::ApiError> SetStatus(std::string_view place_id, core::PlaceStatus status,
                                          std::string_view review_reason = {});
  std::optional<core::ApiError> SetCommentState(std::string_view rating_id, std::string_view state);
  // Whether a place being approved for the first time at (lat, lon) is the first in its
  // area: no other place approved before it in core::AreaCellOf. Nullopt on a failure.
  std::optional<bool> FirstInArea(std::string_view place_id, double lat, double lon);
  // The place's approved comments for its feed entry, newest visit first.
  bool ApprovedComments(std::string_view place_id, std::vector<core::PlaceComment>& comments);
  std::optional<bool> Seen(std::string_view id);
  std::optional<bool> HasTombstone(std::string_view target_id, std::string_view device_id);
  bool Remember(std::string_view id, std::string_view device_id, core::OutboxKind kind, std::int64_t now);
  // Screens young people's words as they first arrive (core/screening.h, with the lists
  // embedded in the server: store/screening_lists.h): one waiting review_flags row per
  // finding, against the item, detail "why: 07700 900123". Empty text finds nothing; in
  // the "address" field a street address or postcode is expected and not flagged.
  bool FlagScreened(std::string_view item_id, core::OutboxKind kind, std::string_view field, std::string_view text,
                    std::int64_t now);
  // Where an item from `device_id` that names `session_id` is kept: in that session (its
  // id, and the session's bumped version as the item's place on the board) when it is open
  // and the device is in it now, otherwise in none ("" and 0). Nullopt on a failure.
  struct SessionPlace {
    std::string session_id;
    std::int64_t seq = 0;
  };
  std::optional<SessionPlace> KeepInSession(std::string_view session_id, std::string_view device_id);
  // Bumps the version of the session (none for ""), or of every session with an item about
  // the place, so their boards show the change.
  bool BumpSession(std::string_view session_id);
  bool BumpSessionsOfPlace(std::string_view place_id);
  bool InsertRating(const core::Rating& rating, bool withdrawn, const SessionPlace& session);
  bool WithdrawRating(std::string_view rating_id, std::string_view device_id);
  // The place's profile for this transaction, loaded once; nullopt (and no error) when
  // the place is not here (yet).
  core::InclusionProfile* Profile(const std::string& place_id, bool& failed);
  // Adds up the place's ratings that are not withdrawn (they may have come before it).
  bool ProfileOfLiveRatings(std::string_view place_id, core::InclusionProfile& profile);
  bool WriteChangedPlaces();
  bool Fail(std::string why);
  std::nullopt_t FailNone(std::string why);

  Database& db_;
  std::string error_;
  bool in_transaction_ = false;
  std::map<std::string, core::InclusionProfile> profiles_;  // places touched in this transaction
  std::set<std::string> changed_;                           // places whose feed entry must be rewritten

  Statement begin_, commit_, rollback_;
  Statement seen_, remember_, tombstone_;
  Statement insert_rating_, find_rating_, withdraw_rating_, live_ratings_of_;
  Statement find_comment_, set_comment_state_, approved_comments_;
  Statement insert_withdrawal_;
  Statement find_place_, insert_place_, insert_officer_place_, delete_place_, clear_words_, set_status_;
  Statement read_profile_, read_place_, next_seq_, write_place_, approved_near_;
  Statement keep_in_session_, bump_session_, bump_sessions_of_place_;
  Statement insert_flag_;
};

// [SECTION] Reading

// The public feed's position: an opaque decimal string on the wire, "" for the start.
std::optional<std::int64_t> ParseCursor(std::string_view text);
std::string FormatCursor(std::int64_t cursor);

inline constexpr int kDefaultPageSize = 500;  // places per page when the client does not say
inline constexpr int kMaxPageSize = 1000;

struct PlacesPage {
  std::string places_json;  // a JSON array, ready to send: approved places with "profile",
                            // and {"id","status"} for places approved once and not any more
  int count = 0;            // entries in places_json
  std::int64_t cursor = 0;  // where the next page starts
  bool more = false;        // another page is waiting
};

// Places that entered, changed in or left the public map after `since`, oldest change
// first, at most `limit`. Nullopt on a database failure, with `error` saying why.
std::optional<PlacesPage> PlacesSince(const Database& db, std::int64_t since, int limit, std::string& error);

// What became of the suggestions `device_id` sent and still has here (a withdrawn one that
// was never approved is gone), newest first, at most `limit`: the "yours" of its sync
// answer. Only that device's own. Nullopt on a database failure, with `error` saying why.
std::optional<std::vector<core::SuggestionStatus>> SuggestionStatusesOf(const Database& db, std::string_view device_id,
                                                                        int limit, std::string& error);

// The ids of `device_id`'s ratings (not its suggestions' first ratings, which SentItemsOf
// does not count either) whose comment officers shared and that are not withdrawn, newest
// first, at most `limit`: the "shared_comments" of its sync answer. Only that device's own.
std::optional<std::vector<std::string>> SharedCommentsOf(const Database& db, std::string_view device_id, int limit,
                                                         std::string& error);
// Its query (?1 the device, ?2 the limit): every sync runs it, so it must read only shared
// comments (index ratings_shared_by_device), never every rating the device sent.
extern const char* const kSharedCommentsSql;

// The places approved before, in and beside a place's area cell (ServerStore::FirstInArea);
// exported for a test of its query plan.
extern const char* const kApprovedInCellSql;

// [SECTION] A device's progress, and finding it again

// What `device_id` sent that is kept here, as the device keeps it (core::SentItem): its
// suggestions (their status as `review`, with its reason or merged place, and whether it
// was first in its area; their first rating inside), its other ratings that are not
// withdrawn (whether their comment is shared), and its withdrawals; each kind by id. A withdrawn rating is
// left out rather than paired with its withdrawal: neither counts, so the progress is
// the same. Nullopt on a database failure, with `error` saying why.
std::optional<std::vector<core::SentItem>> SentItemsOf(const Database& db, std::string_view device_id,
                                                       std::string& error);

// The device's progress as the device computes it (core::EventsFromSent, then
// core::ComputeProgress) over SentItemsOf; a rated place's category is the approved place's
// here (Other when unknown, as on a device that only knows the public map); withdrawals
// are dated `this_month` ("YYYY-MM"). Nullopt on a database failure.
std::optional<core::Progress> DeviceProgress(const Database& db, std::string_view device_id,
                                             std::string_view this_month, std::string& error);

// The device whose restore code has this hash; nullopt with an empty `error` when none.
std::optional<std::string> DeviceOfRestoreCode(const Database& db, std::string_view code_hash, std::string& error);

// [SECTION] Stored forms, for other readers of these tables (store/session_board.cpp)

// A rating's packed answers (the `scales` and `facilities` blobs) into `rating`.
void ReadAnswers(core::Rating& rating, std::string_view scales, std::string_view facilities);
// A suggestion's stored reasons ("quiet,kind_staff"); unknown names are left out.
std::vector<core::SafeReason> ReasonsFromText(std::string_view text);

// [SECTION] Looking inside (tests, tools, officers' screens later)

struct ServerCounts {
  int places = 0;  // every place here, whatever its status
  int suggested_places = 0;
  int approved_places = 0;
  int ratings = 0;  // every rating kept, withdrawn ones too
  int live_ratings = 0;
  int withdrawals = 0;
  int sync_items = 0;
};

std::optional<ServerCounts> CountRows(const Database& db, std::string& error);

struct StoredPlace {
  core::Place place;
  std::string device_id;  // the suggesting device, "" for an officer's place
  std::string why;
  std::vector<core::SafeReason> reasons;              // tapped with the suggestion, in the order sent
  std::optional<core::NotAddedReason> review_reason;  // the officer's, when rejected with one
  std::string session_id;
  bool ever_approved = false;
  bool first_in_area = false;      // decided at its first approval (migration 0006)
  core::InclusionProfile profile;  // the cached one
};

// What waits for an officer (safespaces-admin pending, the review screens later), oldest
// first, at most `limit` of each. Nullopt on a database failure, with `error` saying why.
struct PendingSuggestion {
  std::string id;  // the place's id
  std::string name;
  core::Category category = core::Category::Other;
};
std::optional<std::vector<PendingSuggestion>> PendingSuggestions(const Database& db, int limit, std::string& error);

// A comment nobody has looked at yet, of a rating not withdrawn.
struct PendingComment {
  std::string rating_id;
  std::string place_id;
  std::string place_name;  // "" when the place is not here (yet)
  std::string text;
  std::string visit_month;
};
std::optional<std::vector<PendingComment>> PendingComments(const Database& db, int limit, std::string& error);

std::optional<StoredPlace> LoadPlace(const Database& db, std::string_view place_id);
std::vector<std::string> AllPlaceIds(const Database& db);  // sorted
// Ratings of a place that are not withdrawn, whether or not the place is here; by id.
std::vector<core::Rating> LiveRatingsOf(const Database& db, std::string_view place_id);
// Every rating kept, with its withdrawn flag; by id.
std::vector<std::pair<core::Rating, bool>> AllRatings(const Database& db);

}  // namespace store
