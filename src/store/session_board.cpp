// This is the implementation of session_board.h: the two queries that find a session's
// items (its own ratings, and its suggestions with their first rating), shared by the
// board, the summary and the goal so they always agree; membership; and hiding.
// Sections: [SECTION] Queries, [SECTION] Reading, [SECTION] Hiding.
#include "store/session_board.h"

#include <algorithm>

#include "core/room_code.h"
#include "store/server_store.h"

namespace store {
namespace {

// [SECTION] Queries
// A session's ratings are its own ratings of places, not a suggestion's first rating (that
// one is the suggestion's item); a suggestion counts while its first rating is not
// withdrawn (a young person who takes it back takes it off the board). Each FROM joins
// session_hidden as h; the WHERE ends so that more can follow with AND. "session_id <> ''"
// lets SQLite use the partial indexes of migration 0009.

constexpr std::string_view kRatingsFrom =
    "FROM ratings AS r LEFT JOIN places AS p ON p.id = r.place_id "
    "LEFT JOIN session_hidden AS h ON h.session_id = r.session_id AND h.item_id = r.id ";
constexpr std::string_view kRatingsWhere =
    "WHERE r.session_id = ?1 AND r.session_id <> '' AND r.withdrawn = 0 "
    "AND (p.id IS NULL OR p.first_rating_id <> r.id) "
    // a suggestion's own rating that a merge moved to another place (migration 0010)
    "AND (r.merged_from = '' OR r.id NOT IN (SELECT first_rating_id FROM places WHERE id = r.merged_from)) ";

constexpr std::string_view kSuggestionsFrom =
    "FROM places AS p JOIN ratings AS r ON r.id = p.first_rating_id "
    "LEFT JOIN session_hidden AS h ON h.session_id = p.session_id AND h.item_id = p.id ";
constexpr std::string_view kSuggestionsWhere = "WHERE p.session_id = ?1 AND p.session_id <> '' AND r.withdrawn = 0 ";

std::string Sql(std::initializer_list<std::string_view> parts) {
  std::string sql;
  for (std::string_view part : parts) sql += part;
  return sql;
}

using core::OurFault;

// Reads in one snapshot: a savepoint outside a transaction is a read transaction of its own.
class Snapshot {
 public:
  explicit Snapshot(const Database& db, std::string& error) : db_(db) {
    ok_ = db_.Exec("SAVEPOINT session_read", error);
  }
  ~Snapshot() {
    std::string ignored;
    if (ok_) db_.Exec("RELEASE session_read", ignored);
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  bool Ok() const { return ok_; }

 private:
  const Database& db_;
  bool ok_ = false;
};

// One row of either query: the columns they share, from `first` on.
void ReadShared(Statement& row, int first, BoardItem& item) {
  core::SessionContribution& c = item.contribution;
  c.place_name = std::string(row.ColumnText(first));
  c.category = core::CategoryFromName(row.ColumnText(first + 1)).value_or(core::Category::Other);
  item.lat = row.ColumnDouble(first + 2);
  item.lon = row.ColumnDouble(first + 3);
  c.status = core::BoardStatusOf(row.ColumnIsNull(first + 4) ? std::nullopt
                                                             : core::PlaceStatusFromName(row.ColumnText(first + 4)));
  c.contributor = std::string(row.ColumnText(first + 5));
  ReadAnswers(c.answers, row.ColumnBlob(first + 6), row.ColumnBlob(first + 7));
  item.nickname = std::string(row.ColumnText(first + 8));
  item.seq = row.ColumnInt64(first + 9);
}

// Adds every row of `rows` to `contents` (hidden ones only to the count).
bool ReadItems(Statement& rows, core::OutboxKind kind, SessionContents& contents, std::string& error) {
  StepResult step = StepResult::Row;
  while ((step = rows.Step()) == StepResult::Row) {
    if (rows.ColumnInt64(0) != 0) {
      ++contents.hidden;
      continue;
    }
    BoardItem item;
    item.contribution.kind = kind;
    item.contribution.item_id = std::string(rows.ColumnText(1));
    item.contribution.place_id = std::string(rows.ColumnText(2));
    ReadShared(rows, 3, item);
    if (kind == core::OutboxKind::Suggestion) {
      item.contribution.why = std::string(rows.ColumnText(13));
      item.contribution.reasons = ReasonsFromText(rows.ColumnText(14));
    }
    contents.items.push_back(std::move(item));
  }
  if (step == StepResult::Error) error = "Could not read a session's items: " + rows.Error();
  return step != StepResult::Error;
}

}  // namespace

// [SECTION] Reading

std::optional<SessionContents> ReadSessionContents(const Database& db, std::string_view session_id,
                                                   std::string& error) {
  Snapshot snapshot(db, error);
  if (!snapshot.Ok()) return std::nullopt;
  std::optional<SessionInfo> session = SessionById(db, session_id, error);
  if (!session) return std::nullopt;
  SessionContents contents;
  contents.session = std::move(*session);
  std::optional<std::vector<std::string>> members = SessionMembers(db, session_id, error);
  if (!members) return std::nullopt;
  contents.members = std::move(*members);

  // Columns: hidden, item id, place id, then ReadShared's ten, then (suggestions) why, reasons.
  const std::string_view nickname_join =
      "LEFT JOIN session_members AS m ON m.session_id = ?1 AND m.device_id = r.device_id ";
  Statement ratings =
      db.Prepare(Sql({"SELECT h.item_id IS NOT NULL, r.id, r.place_id, coalesce(p.name, ''), "
                      "coalesce(p.category, ''), coalesce(p.lat, 0), coalesce(p.lon, 0), p.status, "
                      "r.device_id, r.scales, r.facilities, coalesce(m.nickname, ''), r.session_seq ",
                      kRatingsFrom, nickname_join, kRatingsWhere}));
  ratings.BindText(1, session_id);
  Statement suggestions =
      db.Prepare(Sql({"SELECT h.item_id IS NOT NULL, p.id, p.id, p.name, p.category, p.lat, "
                      "p.lon, p.status, p.device_id, r.scales, r.facilities, "
                      "coalesce(m.nickname, ''), p.session_seq, p.why, p.reasons ",
                      kSuggestionsFrom, nickname_join, kSuggestionsWhere}));
  suggestions.BindText(1, session_id);
  if (!ReadItems(ratings, core::OutboxKind::Rating, contents, error) ||
      !ReadItems(suggestions, core::OutboxKind::Suggestion, contents, error))
    return std::nullopt;
  std::sort(contents.items.begin(), contents.items.end(),
            [](const BoardItem& a, const BoardItem& b) { return a.seq > b.seq; });

  Statement people = db.Prepare("SELECT count(*) FROM session_members WHERE session_id = ?1");
  people.BindText(1, session_id);
  if (people.Step() != StepResult::Row) {
    error = "Could not count a session's people: " + people.Error();
    return std::nullopt;
  }
  contents.people_ever_joined = static_cast<int>(people.ColumnInt64(0));
  return contents;
}

std::optional<core::SessionGoal> SessionGoalOf(const Database& db, std::string_view session_id, std::string& error) {
  Statement count = db.Prepare(Sql({"SELECT (SELECT count(*) ", kRatingsFrom, kRatingsWhere,
                                    "AND h.item_id IS NULL) + (SELECT count(*) ", kSuggestionsFrom, kSuggestionsWhere,
                                    "AND h.item_id IS NULL), "
                                    "(SELECT count(*) FROM session_members WHERE session_id = ?1)"}));
  count.BindText(1, session_id);
  if (count.Step() != StepResult::Row) {
    error = "Could not count a session's items: " + count.Error();
    return std::nullopt;
  }
  return core::GoalFor(static_cast<int>(count.ColumnInt64(1)), static_cast<int>(count.ColumnInt64(0)));
}

std::optional<bool> IsSessionMember(const Database& db, std::string_view session_id, std::string_view device_id,
                                    std::string& error) {
  Statement member =
      db.Prepare("SELECT 1 FROM session_members WHERE session_id = ?1 AND device_id = ?2 AND left_at IS NULL");
  member.BindText(1, session_id).BindText(2, device_id);
  const StepResult step = member.Step();
  if (step == StepResult::Error) {
    error = "Could not look up a member: " + member.Error();
    return std::nullopt;
  }
  return step == StepResult::Row;
}

// [SECTION] Hiding

StaffResult<bool> HideSessionItem(Database& db, const SessionInfo& session, std::string_view staff_id,
                                  std::string_view item_id, std::int64_t now_unix_seconds) {
  // Which kind of item it is, if the session kept it (hidden or withdrawn ones too).
  Statement find = db.Prepare(
      "SELECT 'rating' FROM ratings AS r LEFT JOIN places AS p ON p.id = r.place_id "
      "WHERE r.id = ?2 AND r.session_id = ?1 AND r.session_id <> '' AND (p.id IS NULL OR p.first_rating_id <> r.id) "
      "UNION ALL SELECT 'suggestion' FROM places WHERE id = ?2 AND session_id = ?1 AND session_id <> ''");
  find.BindText(1, session.id).BindText(2, item_id);
  const StepResult found = find.Step();
  if (found == StepResult::Error) return {std::nullopt, OurFault()};
  if (found == StepResult::Done)
    return {std::nullopt,
            {core::ErrorCode::NotFound,
             "We could not find that item on this session's board. It may have been taken back already.", "item_id"}};
  const std::string kind(find.ColumnText(0));
  find.Reset();

  Statement hide = db.Prepare(
      "INSERT INTO session_hidden (session_id, item_id, item_kind, hidden_by, hidden_at) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT DO NOTHING");
  hide.BindText(1, session.id).BindText(2, item_id).BindText(3, kind).BindText(4, staff_id);
  hide.BindInt64(5, now_unix_seconds);
  if (hide.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  if (db.Changes() == 0) return {true, {}};  // hidden before

  Statement flag = db.Prepare(
      "INSERT INTO review_flags (item_id, item_kind, flag, detail, created_by, created_at) "
      "VALUES (?1, ?2, 'hidden_in_session', ?3, ?4, ?5)");
  flag.BindText(1, item_id).BindText(2, kind);
  flag.BindText(3, "Hidden from the board of the session \"" + session.name + "\" (" +
                       core::DisplayRoomCode(session.room_code) + ") by the person running it.");
  flag.BindText(4, staff_id).BindInt64(5, now_unix_seconds);
  if (flag.Step() != StepResult::Done || !BumpSessionVersion(db, session.id)) return {std::nullopt, OurFault()};
  return {true, {}};
}

}  // namespace store
