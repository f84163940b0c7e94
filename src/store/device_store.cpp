// This is the implementation of device_store.h. Items and places are kept as the JSON of
// core/codec.h, so the device stores exactly what it sends and what it was sent.
#include "store/device_store.h"

#include "core/codec.h"

#include <functional>
#include <initializer_list>
#include <set>
#include <type_traits>
#include <variant>

namespace store {
namespace {

std::string_view StateName(ContributionState state) {
  switch (state) {
    case ContributionState::Waiting: return "waiting";
    case ContributionState::Sent: return "sent";
    case ContributionState::Rejected: return "rejected";
  }
  return "waiting";
}

ContributionState StateFromName(std::string_view name) {
  if (name == "sent") return ContributionState::Sent;
  if (name == "rejected") return ContributionState::Rejected;
  return ContributionState::Waiting;
}

std::optional<core::OutboxItem> ReadItem(std::string_view body) {
  core::Parsed<core::OutboxItem> parsed = core::ParseJson<core::OutboxItem>(body);
  if (!parsed) return std::nullopt;
  return std::move(*parsed.value);
}

// Runs `work` inside BEGIN/COMMIT, rolling back if it fails.
template <class Work>
bool InTransaction(const Database& db, std::string& error, Work&& work) {
  if (!db.Exec("BEGIN IMMEDIATE", error)) return false;
  if (work() && db.Exec("COMMIT", error)) return true;
  std::string ignored;
  db.Exec("ROLLBACK", ignored);
  return false;
}

bool StepDone(Statement& statement, std::string& error) {
  if (statement.Step() == StepResult::Done) {
    statement.Reset();
    return true;
  }
  error = statement.Error();
  return false;
}

}  // namespace

std::string DeviceMeta(const Database& db, std::string_view key) {
  Statement select = db.Prepare("SELECT value FROM meta WHERE key = ?1");
  select.BindText(1, key);
  if (select.Step() != StepResult::Row) return "";
  return std::string(select.ColumnText(0));
}

bool SetDeviceMeta(const Database& db, std::string_view key, std::string_view value, std::string& error) {
  Statement upsert =
      db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.BindText(1, key).BindText(2, value);
  return StepDone(upsert, error);
}

bool AddContribution(const Database& db, const core::OutboxItem& item, std::string& error) {
  Statement insert = db.Prepare("INSERT INTO contributions (id, kind, body) VALUES (?1, ?2, ?3)");
  insert.BindText(1, item.ItemId())
      .BindText(2, core::OutboxKindName(item.Kind()))
      .BindText(3, core::DumpJson(core::ToJson(item)));
  return StepDone(insert, error);
}

std::vector<core::OutboxItem> WaitingItems(const Database& db, int limit) {
  std::vector<core::OutboxItem> items;
  Statement select = db.Prepare("SELECT body FROM contributions WHERE state = 'waiting' ORDER BY id LIMIT ?1");
  select.BindInt64(1, limit);
  while (select.Step() == StepResult::Row)
    if (std::optional<core::OutboxItem> item = ReadItem(select.ColumnText(0))) items.push_back(std::move(*item));
  return items;
}

int CountWaiting(const Database& db) {
  Statement count = db.Prepare("SELECT count(*) FROM contributions WHERE state = 'waiting'");
  return count.Step() == StepResult::Row ? static_cast<int>(count.ColumnInt64(0)) : 0;
}

std::vector<Contribution> Contributions(const Database& db) {
  std::vector<Contribution> list;
  Statement select = db.Prepare(
      "SELECT body, state, message, review, review_reason, merged_into, first_in_area, comment_approved "
      "FROM contributions ORDER BY id DESC");
  while (select.Step() == StepResult::Row) {
    std::optional<core::OutboxItem> item = ReadItem(select.ColumnText(0));
    if (!item) continue;
    Contribution made{std::move(*item), StateFromName(select.ColumnText(1)), std::string(select.ColumnText(2))};
    made.review = core::PlaceStatusFromName(select.ColumnText(3));
    made.review_reason = core::NotAddedReasonFromName(select.ColumnText(4));
    made.merged_into = std::string(select.ColumnText(5));
    made.first_in_area = select.ColumnInt64(6) != 0;
    made.comment_approved = select.ColumnInt64(7) != 0;
    list.push_back(std::move(made));
  }
  return list;
}

std::vector<std::string> ContributionIds(const Database& db) {
  std::vector<std::string> ids;
  Statement select = db.Prepare("SELECT id FROM contributions ORDER BY id");
  while (select.Step() == StepResult::Row) ids.emplace_back(select.ColumnText(0));
  return ids;
}

bool RecordResults(const Database& db, std::span<const core::ItemResult> results, std::string& error) {
  return InTransaction(db, error, [&] {
    Statement update = db.Prepare("UPDATE contributions SET state = ?2, message = ?3 WHERE id = ?1");
    for (const core::ItemResult& result : results) {
      const bool taken = result.outcome != core::ItemOutcome::Rejected;
      update.BindText(1, result.id)
          .BindText(2, StateName(taken ? ContributionState::Sent : ContributionState::Rejected))
          .BindText(3, taken ? std::string_view() : std::string_view(result.error.message));
      if (!StepDone(update, error)) return false;
    }
    return true;
  });
}

bool RecordReviews(const Database& db, std::span<const core::SuggestionStatus> yours, std::string& error) {
  if (yours.empty()) return true;
  return InTransaction(db, error, [&] {
    // The last condition skips rows already so: most syncs change nothing.
    Statement update = db.Prepare(
        "UPDATE contributions SET review = ?2, review_reason = ?3, merged_into = ?4, first_in_area = ?5 "
        "WHERE id = ?1 AND kind = 'suggestion' "
        "AND (review <> ?2 OR review_reason <> ?3 OR merged_into <> ?4 OR first_in_area <> ?5)");
    for (const core::SuggestionStatus& status : yours) {
      update.BindText(1, status.id)
          .BindText(2, core::PlaceStatusName(status.status))
          .BindText(3, status.reason ? core::NotAddedReasonName(*status.reason) : std::string_view())
          .BindText(4, status.merged_into)
          .BindInt64(5, status.first_in_area ? 1 : 0);
      if (!StepDone(update, error)) return false;
    }
    return true;
  });
}

bool RecordSharedComments(const Database& db, std::span<const std::string> rating_ids, bool whole_list,
                          std::string& error) {
  if (rating_ids.empty() && !whole_list) return true;
  return InTransaction(db, error, [&] {
    const std::set<std::string, std::less<>> named(rating_ids.begin(), rating_ids.end());
    std::vector<std::string> no_longer;
    if (whole_list) {
      Statement shared = db.Prepare("SELECT id FROM contributions WHERE kind = 'rating' AND comment_approved = 1");
      while (shared.Step() == StepResult::Row)
        if (!named.contains(shared.ColumnText(0))) no_longer.emplace_back(shared.ColumnText(0));
    }
    Statement update = db.Prepare(
        "UPDATE contributions SET comment_approved = ?2 WHERE id = ?1 AND kind = 'rating' AND comment_approved <> ?2");
    for (const std::string& id : named) {
      update.BindText(1, id).BindInt64(2, 1);
      if (!StepDone(update, error)) return false;
    }
    for (const std::string& id : no_longer) {
      update.BindText(1, id).BindInt64(2, 0);
      if (!StepDone(update, error)) return false;
    }
    return true;
  });
}

bool AddRestoredContributions(const Database& db, std::span<const core::SentItem> items, std::string& error) {
  return InTransaction(db, error, [&] {
    Statement insert = db.Prepare(
        "INSERT INTO contributions (id, kind, body, state, review, review_reason, merged_into, first_in_area, "
        "comment_approved) VALUES (?1, ?2, ?3, 'sent', ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING");
    for (const core::SentItem& sent : items) {
      insert.BindText(1, sent.item.ItemId())
          .BindText(2, core::OutboxKindName(sent.item.Kind()))
          .BindText(3, core::DumpJson(core::ToJson(sent.item)))
          .BindText(4, sent.review ? core::PlaceStatusName(*sent.review) : std::string_view())
          .BindText(5, sent.review_reason ? core::NotAddedReasonName(*sent.review_reason) : std::string_view())
          .BindText(6, sent.merged_into)
          .BindInt64(7, sent.first_in_area && sent.item.Kind() == core::OutboxKind::Suggestion ? 1 : 0)
          .BindInt64(8, sent.comment_approved && sent.item.Kind() == core::OutboxKind::Rating ? 1 : 0);
      if (!StepDone(insert, error)) return false;
    }
    return true;
  });
}

bool SetWaitingDeviceId(const Database& db, std::string_view device_id, std::string& error) {
  return InTransaction(db, error, [&] {
    std::vector<core::OutboxItem> waiting = WaitingItems(db, -1);  // LIMIT -1: all of them
    Statement update = db.Prepare("UPDATE contributions SET body = ?2 WHERE id = ?1");
    for (core::OutboxItem& item : waiting) {
      std::visit(
          [&](auto& payload) {
            payload.device_id = std::string(device_id);
            if constexpr (std::is_same_v<std::decay_t<decltype(payload)>, core::Suggestion>)
              payload.first_rating.device_id = std::string(device_id);
          },
          item.payload);
      update.BindText(1, item.ItemId()).BindText(2, core::DumpJson(core::ToJson(item)));
      if (!StepDone(update, error)) return false;
    }
    return true;
  });
}

bool ForgetContributions(const Database& db, std::span<const std::string> item_ids, std::string& error) {
  return InTransaction(db, error, [&] {
    Statement remove = db.Prepare("DELETE FROM contributions WHERE id = ?1");
    for (const std::string& id : item_ids) {
      remove.BindText(1, id);
      if (!StepDone(remove, error)) return false;
    }
    Statement forget = db.Prepare("DELETE FROM meta WHERE key = ?1");
    for (std::string_view key : {kRestoreCodeKey, kRestoreCodeRegisteredKey, kGroupKey, kJoinedGroupsKey}) {
      forget.BindText(1, key);
      if (!StepDone(forget, error)) return false;
    }
    return true;
  });
}

bool ApplyPlaceChanges(const Database& db, const core::PlaceChanges& changes, std::string& error) {
  return InTransaction(db, error, [&] {
    Statement upsert = db.Prepare(
        "INSERT INTO places (id, body) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET body = excluded.body");
    for (const core::PublicPlace& entry : changes.places) {
      upsert.BindText(1, entry.place.id).BindText(2, core::DumpJson(core::ToJson(entry)));
      if (!StepDone(upsert, error)) return false;
    }
    Statement remove = db.Prepare("DELETE FROM places WHERE id = ?1");
    for (const std::string& id : changes.removed_ids) {
      remove.BindText(1, id);
      if (!StepDone(remove, error)) return false;
    }
    return changes.cursor.empty() || SetDeviceMeta(db, kMapCursorKey, changes.cursor, error);
  });
}

std::vector<core::PublicPlace> CachedPlaces(const Database& db) {
  std::vector<core::PublicPlace> places;
  Statement select = db.Prepare("SELECT body FROM places");
  while (select.Step() == StepResult::Row) {
    core::Parsed<nlohmann::json> doc = core::ParseJsonText(select.ColumnText(0));
    if (!doc) continue;
    core::Parsed<core::PublicPlace> entry = core::ReadPublicPlace(*doc.value);
    if (entry) places.push_back(std::move(*entry.value));
  }
  return places;
}

bool SetPlaceSaved(const Database& db, std::string_view place_id, bool saved, std::string& error) {
  Statement change = db.Prepare(saved ? "INSERT INTO saved_places (place_id) VALUES (?1) ON CONFLICT DO NOTHING"
                                      : "DELETE FROM saved_places WHERE place_id = ?1");
  change.BindText(1, place_id);
  return StepDone(change, error);
}

std::vector<std::string> SavedPlaceIds(const Database& db) {
  std::vector<std::string> ids;
  Statement select = db.Prepare("SELECT place_id FROM saved_places ORDER BY saved_at DESC, place_id");
  while (select.Step() == StepResult::Row) ids.emplace_back(select.ColumnText(0));
  return ids;
}

}  // namespace store
