// This is the implementation of privacy_store.h: erasing a device's contributions and the
// retention purge, as SQL run inside one ServerStore transaction each.
// [SECTION] Helpers
// [SECTION] Erasing a device
// [SECTION] Retention
#include "store/privacy_store.h"

#include <set>
#include <string>
#include <vector>

namespace store {
namespace {

// [SECTION] Helpers

// Runs statements one after another until one fails: each call answers the rows it changed
// (0 once something has failed); `ok` says whether all went well, `error` what did not.
// ?1 is bound to the text given, ?2 to the number.
class Steps {
 public:
  Steps(Database& db, std::string& error) : db_(db), error_(error) {}
  bool ok() const { return ok_; }

  int operator()(const std::string& sql, std::string_view text = {}, std::int64_t number = 0) {
    if (!ok_) return 0;
    Statement statement = db_.Prepare(sql);
    if (statement.IsValid() && sql.find("?1") != std::string::npos) statement.BindText(1, text);
    if (statement.IsValid() && sql.find("?2") != std::string::npos) statement.BindInt64(2, number);
    if (!statement.IsValid() || statement.Step() != StepResult::Done) {
      error_ = statement.Error();
      ok_ = false;
      return 0;
    }
    return db_.Changes();
  }

  // The first column of every row of `sql`, ?1 bound to `text`.
  std::vector<std::string> Column(const std::string& sql, std::string_view text) {
    std::vector<std::string> values;
    if (!ok_) return values;
    Statement statement = db_.Prepare(sql);
    statement.BindText(1, text);
    for (StepResult step = statement.Step(); ok_ && step != StepResult::Done; step = statement.Step()) {
      if (step == StepResult::Row) {
        values.emplace_back(statement.ColumnText(0));
      } else {
        error_ = statement.Error();
        ok_ = false;
      }
    }
    return values;
  }

 private:
  Database& db_;
  std::string& error_;
  bool ok_ = true;
};

// [SECTION] Erasing a device

// The ids of everything the device sent that may have review flags, hides or audit rows.
const std::string kItemsOfDevice =
    "(SELECT id FROM ratings WHERE device_id = ?1 UNION ALL SELECT id FROM places WHERE device_id = ?1)";

// A suggestion that stays as a place: the council put it on the map, or others rated it.
const std::string kKeptSuggestion =
    "(approved_seq IS NOT NULL OR EXISTS (SELECT 1 FROM ratings r WHERE r.place_id = places.id "
    "AND r.device_id <> ?1))";

}  // namespace

std::optional<EraseReport> EraseDevice(ServerStore& store, std::string_view device_id, std::string& error) {
  EraseReport report;
  const std::optional<core::ApiError> failed = store.OfficerChange([&](std::optional<core::ApiError>&) {
    Steps run(store.Db(), error);
    // What must be recounted or refreshed once its rows are gone.
    const std::vector<std::string> places = run.Column(
        "SELECT DISTINCT place_id FROM ratings WHERE device_id = ?1 UNION SELECT id FROM places WHERE device_id = ?1",
        device_id);
    const std::vector<std::string> sessions =
        run.Column("SELECT session_id FROM ratings WHERE device_id = ?1 AND session_id <> '' UNION "
                   "SELECT session_id FROM places WHERE device_id = ?1 AND session_id <> '' UNION "
                   "SELECT session_id FROM session_members WHERE device_id = ?1",
                   device_id);

    run("DELETE FROM review_flags WHERE item_id IN " + kItemsOfDevice, device_id);
    run("DELETE FROM session_hidden WHERE item_id IN " + kItemsOfDevice, device_id);
    run("UPDATE audit_log SET detail = '{\"note\":\"deleted when the young person asked\"}', undo_json = NULL "
        "WHERE item_id IN " + kItemsOfDevice,
        device_id);
    report.suggestions = run("UPDATE places SET device_id = '', why = '', reasons = '', session_id = '', "
                             "session_seq = 0, first_rating_id = '' WHERE device_id = ?1 AND " + kKeptSuggestion,
                             device_id);
    report.suggestions += run("DELETE FROM places WHERE device_id = ?1", device_id);
    report.ratings = run("DELETE FROM ratings WHERE device_id = ?1", device_id);
    report.withdrawals = run("DELETE FROM withdrawals WHERE device_id = ?1", device_id);
    run("DELETE FROM sync_items WHERE device_id = ?1", device_id);
    report.restore_code = run("DELETE FROM device_codes WHERE device_id = ?1", device_id) > 0;
    report.groups = run("DELETE FROM session_members WHERE device_id = ?1", device_id);
    for (const std::string& session : sessions) run("UPDATE co_sessions SET version = version + 1 WHERE id = ?1", session);
    // Places still here are recounted and their feed entries rewritten; gone ones need nothing.
    for (const std::string& place : places)
      if (run.ok() && !run.Column("SELECT id FROM places WHERE id = ?1", place).empty() &&
          !store.OfficerChangedPlace(place, /*recount=*/true, /*status_changed=*/false)) {
        error = store.Error();
        return false;
      }
    return run.ok();
  });
  if (failed) return std::nullopt;
  return report;
}

// [SECTION] Retention

std::optional<PurgeReport> PurgeExpired(ServerStore& store, std::int64_t now_unix_seconds, int keep_rejected_days,
                                        std::string& error) {
  PurgeReport report;
  const std::int64_t cut = now_unix_seconds - static_cast<std::int64_t>(keep_rejected_days) * kSecondsPerDay;
  const std::optional<core::ApiError> failed = store.OfficerChange([&](std::optional<core::ApiError>&) {
    Steps run(store.Db(), error);
    // Suggestions not added long enough ago that were never public, and their items.
    const std::string gone_where = "status = 'rejected' AND status_changed_at <= ?2 AND approved_seq IS NULL";
    const std::string gone = "(SELECT id FROM places WHERE " + gone_where + ")";
    const std::string gone_items =
        "(SELECT id FROM ratings WHERE place_id IN " + gone + " UNION ALL SELECT id FROM places WHERE " + gone_where + ")";
    report.rejected_places = run(
        "UPDATE places SET why = '', reasons = '' WHERE status = 'rejected' AND status_changed_at <= ?2 "
        "AND approved_seq IS NOT NULL AND (why <> '' OR reasons <> '')",
        {}, cut);
    run("UPDATE audit_log SET detail = '{\"note\":\"deleted after the days kept\"}', undo_json = NULL "
        "WHERE item_id IN " + gone_items,
        {}, cut);
    run("DELETE FROM review_flags WHERE item_id IN " + gone_items, {}, cut);
    run("DELETE FROM session_hidden WHERE item_id IN " + gone_items, {}, cut);
    run("DELETE FROM ratings WHERE place_id IN " + gone, {}, cut);
    report.rejected_places += run("DELETE FROM places WHERE " + gone_where, {}, cut);
    report.hidden_comments = run(
        "UPDATE ratings SET comment = '' WHERE comment_state = 'hidden' AND comment <> '' AND comment_state_at <= ?2",
        {}, cut);
    report.withdrawn_words = run("UPDATE ratings SET comment = '' WHERE withdrawn = 1 AND comment <> ''");
    report.staff_logins = run("DELETE FROM staff_sessions WHERE expires_at <= ?2", {}, now_unix_seconds);
    return run.ok();
  });
  if (failed) return std::nullopt;
  return report;
}

}  // namespace store
