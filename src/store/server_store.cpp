// This is the implementation of server_store.h: the server's places, ratings, withdrawals
// and sync items in SQLite, through statements prepared once per connection.
// Why it is order-independent: every effect is a function of the set of items accepted,
// never of their order. A rating counts iff its place is here and no tombstone from its
// own device names it; a profile is a sum of counts, so adding and removing commute.
// Sections: [SECTION] Packing, [SECTION] ServerStore, [SECTION] Items,
// [SECTION] Officers, [SECTION] Writing the feed, [SECTION] Reading.
#include "store/server_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/codec.h"
#include "core/map_math.h"
#include "core/screening.h"
#include "core/validation.h"
#include "store/screening_lists.h"

namespace store {
namespace {

// [SECTION] Packing
// A profile is stored as its counters in a fixed order, each a 32-bit little-endian
// integer: rating_count, then per scale count and distribution[5], then per facility
// yes, no, not_sure. Reading it is a copy, so updating a profile per rating stays cheap.

constexpr std::size_t kProfileInts = 1 + core::kScaleCount * (1 + core::kMaxFaces) + core::kFacilityCount * 3;

template <class Visit>
void ForEachCounter(core::InclusionProfile& profile, Visit visit) {
  visit(profile.rating_count);
  for (core::ScaleSummary& scale : profile.scales) {
    visit(scale.count);
    for (int& faces : scale.distribution) visit(faces);
  }
  for (core::FacilitySummary& facility : profile.facilities) {
    visit(facility.yes);
    visit(facility.no);
    visit(facility.not_sure);
  }
}

std::string ProfileBlob(core::InclusionProfile profile) {
  std::string bytes;
  bytes.reserve(kProfileInts * 4);
  ForEachCounter(profile, [&](int& value) {
    const auto v = static_cast<std::uint32_t>(value);
    for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>((v >> shift) & 0xFF);
  });
  return bytes;
}

core::InclusionProfile ProfileFromBlob(std::string_view bytes) {
  core::InclusionProfile profile;
  std::size_t at = 0;
  ForEachCounter(profile, [&](int& value) {
    if (at + 4 > bytes.size()) return;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    value = static_cast<int>(v);
    at += 4;
  });
  return profile;
}

std::string ScalesBlob(const core::Rating& rating) {
  return std::string(reinterpret_cast<const char*>(rating.scales.data()), rating.scales.size());
}

std::string FacilitiesBlob(const core::Rating& rating) {
  std::string bytes;
  for (core::Answer answer : rating.facilities) bytes += static_cast<char>(answer);
  return bytes;
}

}  // namespace

void ReadAnswers(core::Rating& rating, std::string_view scales, std::string_view facilities) {
  for (std::size_t i = 0; i < core::kScaleCount && i < scales.size(); ++i)
    rating.scales[i] = static_cast<std::uint8_t>(scales[i]);
  for (std::size_t i = 0; i < core::kFacilityCount && i < facilities.size(); ++i) {
    const auto value = static_cast<std::uint8_t>(facilities[i]);
    rating.facilities[i] = value <= static_cast<std::uint8_t>(core::Answer::NotSure) ? static_cast<core::Answer>(value)
                                                                                     : core::Answer::Unanswered;
  }
}

namespace {

// A suggestion's tapped reasons as stored: wire names joined by commas ("quiet,kind_staff").
std::string ReasonsText(const std::vector<core::SafeReason>& reasons) {
  std::string text;
  for (core::SafeReason reason : reasons) {
    if (!text.empty()) text += ',';
    text += core::SafeReasonName(reason);
  }
  return text;
}

}  // namespace

std::vector<core::SafeReason> ReasonsFromText(std::string_view text) {
  std::vector<core::SafeReason> reasons;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    if (const std::optional<core::SafeReason> reason = core::SafeReasonFromName(text.substr(0, comma)))
      reasons.push_back(*reason);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return reasons;
}

namespace {

core::ApiError AppMistake(std::string field) {
  return {core::ErrorCode::InvalidField,
          "Sorry, something went wrong in the app. Please send this again from a new screen.", std::move(field)};
}

core::ApiError PlaceNotFound() {
  return {core::ErrorCode::NotFound, "We could not find this place. It may have been taken off the map.", "place_id"};
}

// What the public feed sends for a place: everything public, its profile and its approved
// comments while it is approved; only its id and status once it was approved and is not
// any more, so a device drops it and nothing an officer has not approved leaks. Nullopt:
// never public.
std::optional<std::string> FeedEntry(const core::PublicPlace& entry, bool ever_approved) {
  const core::Place& place = entry.place;
  if (place.status == core::PlaceStatus::Approved) return core::DumpJson(core::ToJson(entry));
  if (!ever_approved) return std::nullopt;
  nlohmann::json gone = {{"id", place.id}, {"status", core::PlaceStatusName(place.status)}};
  if (place.status == core::PlaceStatus::Merged && !place.merged_into.empty()) gone["merged_into"] = place.merged_into;
  return core::DumpJson(gone);
}

// A statement, reset and ready to bind.
Statement& Fresh(Statement& statement) {
  statement.Reset();
  return statement;
}

}  // namespace

std::string_view SyncOutcomeName(SyncOutcome outcome) {
  switch (outcome) {
    case SyncOutcome::Accepted:
      return "accepted";
    case SyncOutcome::AlreadyAccepted:
      return "already_accepted";
    case SyncOutcome::Rejected:
      return "rejected";
  }
  return "rejected";
}

// [SECTION] ServerStore

ServerStore::ServerStore(Database& db) : db_(db) {
  const auto prepare = [&](Statement& statement, std::string_view sql) {
    statement = db_.Prepare(sql);
    if (!statement.IsValid() && error_.empty()) error_ = "Could not prepare a query: " + statement.Error();
  };
  prepare(begin_, "BEGIN IMMEDIATE");
  prepare(commit_, "COMMIT");
  prepare(rollback_, "ROLLBACK");
  prepare(seen_, "SELECT 1 FROM sync_items WHERE id = ?1");
  prepare(remember_, "INSERT INTO sync_items (id, device_id, kind, accepted_at) VALUES (?1, ?2, ?3, ?4)");
  prepare(tombstone_, "SELECT 1 FROM withdrawals WHERE target_id = ?1 AND device_id = ?2 LIMIT 1");
  prepare(insert_rating_,
          "INSERT INTO ratings (id, place_id, device_id, scales, facilities, comment, visit_month, session_id, "
          "withdrawn, session_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  prepare(find_rating_,
          "SELECT place_id, device_id, scales, facilities, withdrawn, session_id FROM ratings WHERE id = ?1");
  prepare(withdraw_rating_, "UPDATE ratings SET withdrawn = 1, comment = '' WHERE id = ?1");
  prepare(live_ratings_of_, "SELECT scales, facilities FROM ratings WHERE place_id = ?1 AND withdrawn = 0");
  prepare(find_comment_, "SELECT place_id, comment <> '', withdrawn, comment_state FROM ratings WHERE id = ?1");
  prepare(set_comment_state_, "UPDATE ratings SET comment_state = ?2 WHERE id = ?1");
  // The WHERE is the partial index ratings_approved_comments' (migration 0004).
  prepare(approved_comments_,
          "SELECT comment, visit_month FROM ratings "
          "WHERE place_id = ?1 AND comment_state = 'approved' AND comment <> '' AND withdrawn = 0 "
          "ORDER BY visit_month DESC, id DESC LIMIT ?2");
  prepare(insert_withdrawal_, "INSERT INTO withdrawals (id, device_id, target_id) VALUES (?1, ?2, ?3)");
  prepare(find_place_,
          "SELECT device_id, first_rating_id, approved_seq IS NOT NULL, status, review_reason "
          "FROM places WHERE id = ?1");
  prepare(insert_place_,
          "INSERT INTO places (id, name, category, lat, lon, address, status, device_id, why, session_id, "
          "first_rating_id, profile, change_seq, reasons, session_seq) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'suggested', ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13)");
  prepare(insert_officer_place_,
          "INSERT INTO places (id, name, category, lat, lon, address, opening_notes, status, device_id, why, "
          "session_id, first_rating_id, profile, change_seq) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'suggested', '', '', '', '', ?8, 0) ON CONFLICT (id) DO NOTHING");
  prepare(delete_place_, "DELETE FROM places WHERE id = ?1");
  prepare(clear_words_, "UPDATE places SET why = '', reasons = '' WHERE id = ?1");
  prepare(set_status_, "UPDATE places SET status = ?2, merged_into = '', review_reason = ?3 WHERE id = ?1");
  prepare(read_profile_, "SELECT profile FROM places WHERE id = ?1");
  prepare(next_seq_, "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value");
  prepare(read_place_,
          "SELECT name, category, lat, lon, address, opening_notes, status, merged_into, approved_seq IS NOT NULL, "
          "EXISTS (SELECT 1 FROM place_scheme WHERE place_id = ?1 AND status IN ('agreed', 'sticker', 'trained')) "
          "FROM places WHERE id = ?1");
  prepare(write_place_,
          "UPDATE places SET profile = ?2, change_seq = ?3, feed_json = ?4, "
          "approved_seq = CASE WHEN status = 'approved' AND approved_seq IS NULL THEN ?3 ELSE approved_seq END, "
          "first_in_area = CASE WHEN status = 'approved' AND approved_seq IS NULL THEN ?5 ELSE first_in_area END "
          "WHERE id = ?1");
  prepare(approved_near_, kApprovedInCellSql);
  // Co-production sessions (migrations 0008, 0009): one statement decides and bumps.
  prepare(keep_in_session_,
          "UPDATE co_sessions SET version = version + 1 WHERE id = ?1 AND state = 'open' AND EXISTS "
          "(SELECT 1 FROM session_members WHERE session_id = ?1 AND device_id = ?2 AND left_at IS NULL) "
          "RETURNING version");
  prepare(bump_session_, "UPDATE co_sessions SET version = version + 1 WHERE id = ?1");
  // Text screening's findings wait for an officer (migration 0009's review_flags).
  prepare(insert_flag_,
          "INSERT INTO review_flags (item_id, item_kind, flag, detail, created_by, created_at) "
          "VALUES (?1, ?2, ?3, ?4, '', ?5)");
  prepare(bump_sessions_of_place_,
          "UPDATE co_sessions SET version = version + 1 WHERE id IN "
          "(SELECT session_id FROM places WHERE id = ?1 AND session_id <> '' "
          "UNION SELECT session_id FROM ratings WHERE place_id = ?1 AND session_id <> '')");
}

bool ServerStore::Fail(std::string why) {
  error_ = std::move(why);
  return false;
}

std::nullopt_t ServerStore::FailNone(std::string why) {
  error_ = std::move(why);
  return std::nullopt;
}

bool ServerStore::Begin() {
  profiles_.clear();
  changed_.clear();
  if (Fresh(begin_).Step() != StepResult::Done) return Fail("Could not begin: " + begin_.Error());
  in_transaction_ = true;
  return true;
}

bool ServerStore::Commit() {
  if (!WriteChangedPlaces()) return false;
  if (Fresh(commit_).Step() != StepResult::Done) return Fail("Could not commit: " + commit_.Error());
  in_transaction_ = false;
  profiles_.clear();
  changed_.clear();
  return true;
}

void ServerStore::Rollback() {
  Fresh(rollback_).Step();  // fails only when SQLite already rolled back by itself
  rollback_.Reset();
  in_transaction_ = false;
  profiles_.clear();
  changed_.clear();
}

std::optional<bool> ServerStore::Seen(std::string_view id) {
  Statement& s = Fresh(seen_).BindText(1, id);
  const StepResult result = s.Step();
  if (result == StepResult::Error) return FailNone("Could not look up an item: " + s.Error());
  s.Reset();
  return result == StepResult::Row;
}

std::optional<bool> ServerStore::HasTombstone(std::string_view target_id, std::string_view device_id) {
  Statement& s = Fresh(tombstone_).BindText(1, target_id).BindText(2, device_id);
  const StepResult result = s.Step();
  if (result == StepResult::Error) return FailNone("Could not look up withdrawals: " + s.Error());
  s.Reset();
  return result == StepResult::Row;
}

bool ServerStore::Remember(std::string_view id, std::string_view device_id, core::OutboxKind kind, std::int64_t now) {
  Statement& s =
      Fresh(remember_).BindText(1, id).BindText(2, device_id).BindText(3, core::OutboxKindName(kind)).BindInt64(4, now);
  if (s.Step() != StepResult::Done) return Fail("Could not remember an item: " + s.Error());
  return true;
}

std::optional<ServerStore::SessionPlace> ServerStore::KeepInSession(std::string_view session_id,
                                                                     std::string_view device_id) {
  if (session_id.empty()) return SessionPlace{};
  Statement& keep = Fresh(keep_in_session_).BindText(1, session_id).BindText(2, device_id);
  const StepResult kept = keep.Step();
  if (kept == StepResult::Error) return FailNone("Could not look up a session: " + keep.Error());
  SessionPlace place;
  if (kept == StepResult::Row) place = {std::string(session_id), keep.ColumnInt64(0)};
  keep.Reset();
  return place;
}

bool ServerStore::FlagScreened(std::string_view item_id, core::OutboxKind kind, std::string_view field,
                               std::string_view text, std::int64_t now) {
  for (const core::ScreeningFinding& finding : core::ScreenText(text, ServerScreeningLists())) {
    // A suggestion's address field is where the place's own street and postcode belong.
    const bool expected = field == "address" &&
                          (finding.flag == core::ScreenFlag::Address || finding.flag == core::ScreenFlag::Postcode);
    if (expected) continue;
    Statement& insert = Fresh(insert_flag_)
                            .BindText(1, item_id)
                            .BindText(2, core::OutboxKindName(kind))
                            .BindText(3, core::ScreenFlagName(finding.flag))
                            .BindText(4, core::FindingDetail(field, finding))
                            .BindInt64(5, now);
    if (insert.Step() != StepResult::Done) return Fail("Could not flag words for a look: " + insert.Error());
  }
  return true;
}

bool ServerStore::BumpSession(std::string_view session_id) {
  if (session_id.empty()) return true;
  Statement& bump = Fresh(bump_session_).BindText(1, session_id);
  return bump.Step() == StepResult::Done || Fail("Could not update a session: " + bump.Error());
}

bool ServerStore::BumpSessionsOfPlace(std::string_view place_id) {
  Statement& bump = Fresh(bump_sessions_of_place_).BindText(1, place_id);
  return bump.Step() == StepResult::Done || Fail("Could not update the sessions of a place: " + bump.Error());
}

bool ServerStore::InsertRating(const core::Rating& rating, bool withdrawn, const SessionPlace& session) {
  Statement& s = Fresh(insert_rating_)
                     .BindText(1, rating.id)
                     .BindText(2, rating.place_id)
                     .BindText(3, rating.device_id)
                     .BindBlob(4, ScalesBlob(rating))
                     .BindBlob(5, FacilitiesBlob(rating))
                     .BindText(6, withdrawn ? std::string_view() : std::string_view(rating.comment))
                     .BindText(7, rating.visit_month)
                     .BindText(8, session.session_id)
                     .BindInt64(9, withdrawn ? 1 : 0)
                     .BindInt64(10, session.seq);
  if (s.Step() != StepResult::Done) return Fail("Could not save a rating: " + s.Error());
  return true;
}

bool ServerStore::ProfileOfLiveRatings(std::string_view place_id, core::InclusionProfile& profile) {
  Statement& live = Fresh(live_ratings_of_).BindText(1, place_id);
  StepResult step = StepResult::Row;
  while ((step = live.Step()) == StepResult::Row) {
    core::Rating rating;
    ReadAnswers(rating, live.ColumnBlob(0), live.ColumnBlob(1));
    core::AddRating(profile, rating);
  }
  live.Reset();
  return step != StepResult::Error || Fail("Could not read ratings: " + live.Error());
}

core::InclusionProfile* ServerStore::Profile(const std::string& place_id, bool& failed) {
  failed = false;
  if (auto found = profiles_.find(place_id); found != profiles_.end()) return &found->second;
  Statement& s = Fresh(read_profile_).BindText(1, place_id);
  const StepResult result = s.Step();
  if (result == StepResult::Error) {
    failed = true;
    Fail("Could not read a profile: " + s.Error());
    return nullptr;
  }
  if (result == StepResult::Done) return nullptr;  // the place is not here (yet)
  core::InclusionProfile profile = ProfileFromBlob(s.ColumnBlob(0));
  s.Reset();
  return &profiles_.emplace(place_id, profile).first->second;
}

bool ServerStore::WithdrawRating(std::string_view rating_id, std::string_view device_id) {
  Statement& s = Fresh(find_rating_).BindText(1, rating_id);
  const StepResult result = s.Step();
  if (result == StepResult::Error) return Fail("Could not read a rating: " + s.Error());
  if (result == StepResult::Done) return true;  // not here yet: its tombstone waits for it
  core::Rating rating;
  rating.place_id = std::string(s.ColumnText(0));
  const bool same_device = s.ColumnText(1) == device_id;
  ReadAnswers(rating, s.ColumnBlob(2), s.ColumnBlob(3));
  const bool already_withdrawn = s.ColumnInt64(4) != 0;
  const std::string session_id(s.ColumnText(5));
  s.Reset();
  if (!same_device || already_withdrawn) return true;  // a device can only take back its own

  Statement& update = Fresh(withdraw_rating_).BindText(1, rating_id);
  if (update.Step() != StepResult::Done) return Fail("Could not withdraw a rating: " + update.Error());
  if (!BumpSession(session_id)) return false;
  bool failed = false;
  if (core::InclusionProfile* profile = Profile(rating.place_id, failed)) {
    core::RemoveRating(*profile, rating);
    changed_.insert(rating.place_id);
  }
  return !failed;
}

// [SECTION] Items

std::optional<SyncResult> ServerStore::Apply(const core::OutboxItem& item, const core::ValidationContext& context,
                                             std::int64_t now_unix_seconds) {
  const bool own_transaction = !in_transaction_;
  if (own_transaction && !Begin()) return std::nullopt;
  std::optional<SyncResult> result;
  std::optional<bool> seen = Seen(item.ItemId());
  if (seen && *seen) {
    result = SyncResult{SyncOutcome::AlreadyAccepted, {}};
  } else if (seen) {
    const std::vector<core::FieldError> errors = core::Validate(item, context);
    if (!errors.empty()) {
      result = SyncResult{SyncOutcome::Rejected, core::ToApiError(errors.front())};
    } else if (const auto* rating = std::get_if<core::Rating>(&item.payload)) {
      result = ApplyRating(*rating, now_unix_seconds);
    } else if (const auto* suggestion = std::get_if<core::Suggestion>(&item.payload)) {
      result = ApplySuggestion(*suggestion, now_unix_seconds);
    } else if (const auto* withdrawal = std::get_if<core::Withdrawal>(&item.payload)) {
      result = ApplyWithdrawal(*withdrawal, now_unix_seconds);
    }
  }
  if (own_transaction) {
    if (!result || !Commit()) {
      Rollback();
      return std::nullopt;
    }
  }
  return result;
}

std::optional<SyncResult> ServerStore::ApplyRating(const core::Rating& rating, std::int64_t now) {
  const std::optional<bool> withdrawn = HasTombstone(rating.id, rating.device_id);
  if (!withdrawn) return std::nullopt;
  const std::optional<SessionPlace> session = KeepInSession(rating.session_id, rating.device_id);
  if (!session || !InsertRating(rating, *withdrawn, *session) ||
      !Remember(rating.id, rating.device_id, core::OutboxKind::Rating, now))
    return std::nullopt;
  if (!*withdrawn) {
    bool failed = false;
    if (core::InclusionProfile* profile = Profile(rating.place_id, failed)) {
      core::AddRating(*profile, rating);
      changed_.insert(rating.place_id);
    }
    if (failed) return std::nullopt;
    // Withdrawn on arrival, its words were never kept: nothing to screen.
    if (!FlagScreened(rating.id, core::OutboxKind::Rating, "comment", rating.comment, now)) return std::nullopt;
  }
  return SyncResult{SyncOutcome::Accepted, {}};
}

std::optional<SyncResult> ServerStore::ApplySuggestion(const core::Suggestion& suggestion, std::int64_t now) {
  const core::Rating& first = suggestion.first_rating;
  // Ids are one namespace: the first rating's id must be new and not the suggestion's own.
  if (first.id == suggestion.id) return SyncResult{SyncOutcome::Rejected, AppMistake("first_rating.id")};
  const std::optional<bool> first_seen = Seen(first.id);
  if (!first_seen) return std::nullopt;
  if (*first_seen) return SyncResult{SyncOutcome::Rejected, AppMistake("first_rating.id")};
  Statement& find = Fresh(find_place_).BindText(1, suggestion.id);
  const StepResult found = find.Step();
  if (found == StepResult::Error) return FailNone("Could not look up a place: " + find.Error());
  find.Reset();
  if (found == StepResult::Row) return SyncResult{SyncOutcome::Rejected, AppMistake("id")};

  const std::optional<bool> suggestion_withdrawn = HasTombstone(suggestion.id, suggestion.device_id);
  if (!suggestion_withdrawn) return std::nullopt;
  std::optional<bool> first_withdrawn = *suggestion_withdrawn;
  if (!*first_withdrawn) first_withdrawn = HasTombstone(first.id, first.device_id);
  if (!first_withdrawn) return std::nullopt;
  // The suggestion and its own rating are one contribution: both in its session, or neither.
  const std::optional<SessionPlace> session = KeepInSession(suggestion.session_id, suggestion.device_id);
  if (!session || !InsertRating(first, *first_withdrawn, *session) ||
      !Remember(suggestion.id, suggestion.device_id, core::OutboxKind::Suggestion, now) ||
      !Remember(first.id, first.device_id, core::OutboxKind::Rating, now))
    return std::nullopt;
  // Withdrawn before it got here: it never becomes a place, as if it was never sent.
  if (*suggestion_withdrawn) return SyncResult{SyncOutcome::Accepted, {}};

  // Ratings of this place may have come first; they count from now on.
  core::InclusionProfile profile;
  if (!ProfileOfLiveRatings(suggestion.id, profile)) return std::nullopt;

  Statement& insert = Fresh(insert_place_)
                          .BindText(1, suggestion.id)
                          .BindText(2, suggestion.name)
                          .BindText(3, core::CategoryName(suggestion.category))
                          .BindDouble(4, suggestion.lat)
                          .BindDouble(5, suggestion.lon)
                          .BindText(6, suggestion.address)
                          .BindText(7, suggestion.device_id)
                          .BindText(8, suggestion.why)
                          .BindText(9, session->session_id)
                          .BindText(10, first.id)
                          .BindBlob(11, ProfileBlob(profile))
                          .BindText(12, ReasonsText(suggestion.reasons))
                          .BindInt64(13, session->seq);
  if (insert.Step() != StepResult::Done) return FailNone("Could not save a place: " + insert.Error());
  profiles_[suggestion.id] = profile;
  changed_.insert(suggestion.id);
  // Its words, its own rating's comment too, are flagged against the suggestion: officers
  // see that comment inside the suggestion while it waits (store/review_store.h).
  const std::pair<std::string_view, std::string_view> words[] = {
      {"name", suggestion.name}, {"address", suggestion.address}, {"why", suggestion.why},
      {"first_rating.comment", *first_withdrawn ? std::string_view() : std::string_view(first.comment)}};
  for (const auto& [field, text] : words)
    if (!FlagScreened(suggestion.id, core::OutboxKind::Suggestion, field, text, now)) return std::nullopt;
  return SyncResult{SyncOutcome::Accepted, {}};
}

std::optional<SyncResult> ServerStore::ApplyWithdrawal(const core::Withdrawal& withdrawal, std::int64_t now) {
  Statement& insert = Fresh(insert_withdrawal_)
                          .BindText(1, withdrawal.id)
                          .BindText(2, withdrawal.device_id)
                          .BindText(3, withdrawal.target_id);
  if (insert.Step() != StepResult::Done) return FailNone("Could not save a withdrawal: " + insert.Error());
  if (!Remember(withdrawal.id, withdrawal.device_id, core::OutboxKind::Withdrawal, now)) return std::nullopt;

  // The target may be a rating...
  if (!WithdrawRating(withdrawal.target_id, withdrawal.device_id)) return std::nullopt;
  // ...or a suggestion, which is its place and its first rating.
  Statement& find = Fresh(find_place_).BindText(1, withdrawal.target_id);
  const StepResult found = find.Step();
  if (found == StepResult::Error) return FailNone("Could not look up a place: " + find.Error());
  if (found == StepResult::Done) return SyncResult{SyncOutcome::Accepted, {}};  // not here (yet)
  const bool same_device = find.ColumnText(0) == withdrawal.device_id;
  const std::string first_rating_id(find.ColumnText(1));
  const bool ever_approved = find.ColumnInt64(2) != 0;
  find.Reset();
  // An accepted withdrawal of someone else's item does nothing (and says nothing about it).
  if (!same_device) return SyncResult{SyncOutcome::Accepted, {}};
  // Withdrawing its own rating (in the same session) also takes it off the session's board.
  if (!WithdrawRating(first_rating_id, withdrawal.device_id)) return std::nullopt;
  if (ever_approved) {
    // The council published it: the place stays; only the young person's own words and
    // reasons go.
    Statement& clear = Fresh(clear_words_).BindText(1, withdrawal.target_id);
    if (clear.Step() != StepResult::Done) return FailNone("Could not update a place: " + clear.Error());
  } else {
    Statement& remove = Fresh(delete_place_).BindText(1, withdrawal.target_id);
    if (remove.Step() != StepResult::Done) return FailNone("Could not remove a place: " + remove.Error());
    profiles_.erase(withdrawal.target_id);
    changed_.erase(withdrawal.target_id);
  }
  return SyncResult{SyncOutcome::Accepted, {}};
}

// [SECTION] Officers

std::optional<core::ApiError> ServerStore::OfficerChange(
    const std::function<bool(std::optional<core::ApiError>& outcome)>& change) {
  const core::ApiError database_error = core::OurFault();
  const bool own_transaction = !in_transaction_;
  if (own_transaction && !Begin()) return database_error;
  std::optional<core::ApiError> outcome;
  const bool ok = change(outcome);
  if (own_transaction && (!ok || !Commit())) {
    Rollback();
    return database_error;
  }
  return ok ? outcome : database_error;
}

std::optional<core::ApiError> ServerStore::SetStatus(std::string_view place_id, core::PlaceStatus status,
                                                     std::string_view review_reason) {
  return OfficerChange([&](std::optional<core::ApiError>& outcome) {
    bool ok = true;
    Statement& find = Fresh(find_place_).BindText(1, place_id);
    const StepResult found = find.Step();
    if (found == StepResult::Error) {
      ok = Fail("Could not look up a place: " + find.Error());
    } else if (found == StepResult::Done) {
      outcome = PlaceNotFound();
    } else if (const bool new_status = find.ColumnText(3) != core::PlaceStatusName(status);
               new_status || find.ColumnText(4) != review_reason) {
      find.Reset();
      Statement& update = Fresh(set_status_)
                              .BindText(1, place_id)
                              .BindText(2, core::PlaceStatusName(status))
                              .BindText(3, review_reason);
      if (update.Step() == StepResult::Done) {
        // Only the status shows in the feed; a new reason alone changes nothing public.
        if (new_status) changed_.insert(std::string(place_id));
        // Session boards show it ("waiting", "on the map", "not added").
        if (new_status) ok = BumpSessionsOfPlace(place_id);
      } else {
        ok = Fail("Could not change a place: " + update.Error());
      }
    }
    find.Reset();
    return ok;
  });
}

bool ServerStore::OfficerChangedPlace(std::string_view place_id, bool recount, bool status_changed) {
  if (recount) {
    core::InclusionProfile profile;
    if (!ProfileOfLiveRatings(place_id, profile)) return false;
    profiles_[std::string(place_id)] = profile;
  }
  changed_.insert(std::string(place_id));
  return !status_changed || BumpSessionsOfPlace(place_id);
}

std::optional<core::ApiError> ServerStore::ApprovePlace(std::string_view place_id) {
  return SetStatus(place_id, core::PlaceStatus::Approved);
}

std::optional<core::ApiError> ServerStore::RejectPlace(std::string_view place_id, core::NotAddedReason reason) {
  const std::string_view name = core::NotAddedReasonName(reason);
  if (name.empty())
    return core::ApiError{core::ErrorCode::InvalidField, "Please pick why this place was not added.", "reason"};
  return SetStatus(place_id, core::PlaceStatus::Rejected, name);
}

// A comment's state is 'pending', 'approved' or 'hidden' (migration 0004). Only a change
// to or from 'approved' changes what the public sees, so only then is the place rewritten.
std::optional<core::ApiError> ServerStore::SetCommentState(std::string_view rating_id, std::string_view state) {
  return OfficerChange([&](std::optional<core::ApiError>& outcome) {
    bool ok = true;
    Statement& find = Fresh(find_comment_).BindText(1, rating_id);
    const StepResult found = find.Step();
    if (found == StepResult::Error) {
      ok = Fail("Could not look up a rating: " + find.Error());
    } else if (found == StepResult::Done) {
      outcome = core::ApiError{core::ErrorCode::NotFound, "We could not find this rating.", "rating_id"};
    } else if (find.ColumnInt64(2) != 0) {
      outcome = core::ApiError{core::ErrorCode::Conflict,
                               "The young person took this rating back, so its words are gone.", "rating_id"};
    } else if (find.ColumnInt64(1) == 0) {
      outcome = core::ApiError{core::ErrorCode::Conflict, "This rating has no words to look at.", "rating_id"};
    } else if (const std::string_view before = find.ColumnText(3); before != state) {
      const bool public_change = before == "approved" || state == "approved";
      const std::string place_id(find.ColumnText(0));
      find.Reset();
      Statement& update = Fresh(set_comment_state_).BindText(1, rating_id).BindText(2, state);
      if (update.Step() != StepResult::Done) {
        ok = Fail("Could not change a comment: " + update.Error());
      } else if (public_change) {
        changed_.insert(place_id);  // rewritten at commit, if the place is here
      }
    }
    find.Reset();
    return ok;
  });
}

std::optional<core::ApiError> ServerStore::ApproveComment(std::string_view rating_id) {
  return SetCommentState(rating_id, "approved");
}

std::optional<core::ApiError> ServerStore::HideComment(std::string_view rating_id) {
  return SetCommentState(rating_id, "hidden");
}

std::optional<bool> ServerStore::AddRestoreCode(std::string_view code_hash, std::string_view device_id,
                                                std::int64_t now_unix_seconds) {
  // Rare (once per install), so prepared here rather than with the sync statements.
  Statement insert = db_.Prepare(
      "INSERT INTO device_codes (code_hash, device_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
  insert.BindText(1, code_hash).BindText(2, device_id).BindInt64(3, now_unix_seconds);
  if (insert.Step() != StepResult::Done) return FailNone("Could not save a restore code: " + insert.Error());
  return db_.Changes() > 0;
}

std::optional<ServerStore::Added> ServerStore::AddPlace(const core::Place& place) {
  const bool own_transaction = !in_transaction_;
  if (own_transaction && !Begin()) return std::nullopt;
  Statement& insert = Fresh(insert_officer_place_)
                          .BindText(1, place.id)
                          .BindText(2, place.name)
                          .BindText(3, core::CategoryName(place.category))
                          .BindDouble(4, place.lat)
                          .BindDouble(5, place.lon)
                          .BindText(6, place.address)
                          .BindText(7, place.opening_notes)
                          .BindBlob(8, ProfileBlob(core::InclusionProfile{}));
  bool ok = insert.Step() == StepResult::Done || Fail("Could not add a place: " + insert.Error());
  const bool added = ok && db_.Changes() > 0;
  insert.Reset();
  if (added) {
    // Ratings of this place may have come before it (a device rated it from an old list).
    core::InclusionProfile profile;
    ok = ProfileOfLiveRatings(place.id, profile);
    profiles_[place.id] = profile;
    changed_.insert(place.id);
    ok = ok && !SetStatus(place.id, place.status).has_value();
  }
  if (own_transaction) {
    if (!ok || !Commit()) {
      Rollback();
      return std::nullopt;
    }
  }
  if (!ok) return std::nullopt;
  return added ? Added::New : Added::AlreadyThere;
}

// [SECTION] Writing the feed
// Once per transaction, for each place whose profile, status or approved comments changed:
// store the profile, give the place the next change number, and rewrite the exact text the
// feed will send.
// Doing it at commit, not per rating, means a batch of 100 ratings of one place costs one
// rewrite.

bool ServerStore::ApprovedComments(std::string_view place_id, std::vector<core::PlaceComment>& comments) {
  Statement& select =
      Fresh(approved_comments_).BindText(1, place_id).BindInt64(2, static_cast<std::int64_t>(core::kMaxPlaceComments));
  StepResult step = StepResult::Row;
  while ((step = select.Step()) == StepResult::Row)
    comments.push_back({std::string(select.ColumnText(0)), std::string(select.ColumnText(1))});
  select.Reset();
  return step != StepResult::Error || Fail("Could not read comments: " + select.Error());
}

// The WHERE is the partial index places_approved_by_area's (migration 0013): three columns
// of the grid, then the cell's band of latitude in each.
const char* const kApprovedInCellSql =
    "SELECT lat, lon FROM places WHERE approved_seq IS NOT NULL AND area_column IN (?6, ?7, ?8) "
    "AND lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4 AND id <> ?5";

std::optional<bool> ServerStore::FirstInArea(std::string_view place_id, double lat, double lon) {
  const core::TileId cell = core::AreaCellOf(lat, lon);
  const core::LatLonBounds box = core::TileBounds(cell);
  constexpr double kSlack = 1e-9;  // degrees: a point on the edge is judged by AreaCellOf below
  Statement& near = Fresh(approved_near_)
                        .BindDouble(1, box.south - kSlack)
                        .BindDouble(2, box.north + kSlack)
                        .BindDouble(3, box.west - kSlack)
                        .BindDouble(4, box.east + kSlack)
                        .BindText(5, place_id)
                        .BindInt64(6, cell.x - 1)
                        .BindInt64(7, cell.x)
                        .BindInt64(8, cell.x + 1);
  bool first = true;
  StepResult step = StepResult::Row;
  while (first && (step = near.Step()) == StepResult::Row)
    if (core::AreaCellOf(near.ColumnDouble(0), near.ColumnDouble(1)) == cell) first = false;
  near.Reset();
  if (step == StepResult::Error) return FailNone("Could not look at the places around: " + near.Error());
  return first;
}

bool ServerStore::WriteChangedPlaces() {
  for (const std::string& place_id : changed_) {
    bool failed = false;
    core::InclusionProfile* profile = Profile(place_id, failed);
    if (failed) return false;
    if (!profile) continue;  // removed in this transaction

    Statement& read = Fresh(read_place_).BindText(1, place_id);
    if (read.Step() != StepResult::Row) return Fail("Could not read a place: " + read.Error());
    core::PublicPlace entry{.profile = *profile};
    core::Place& place = entry.place;
    place.id = place_id;
    place.name = std::string(read.ColumnText(0));
    place.category = core::CategoryFromName(read.ColumnText(1)).value_or(core::Category::Other);
    place.lat = read.ColumnDouble(2);
    place.lon = read.ColumnDouble(3);
    place.address = std::string(read.ColumnText(4));
    place.opening_notes = std::string(read.ColumnText(5));
    place.status = core::PlaceStatusFromName(read.ColumnText(6)).value_or(core::PlaceStatus::Suggested);
    place.merged_into = std::string(read.ColumnText(7));
    const bool first_approval = read.ColumnInt64(8) == 0 && place.status == core::PlaceStatus::Approved;
    const bool ever_approved = read.ColumnInt64(8) != 0 || place.status == core::PlaceStatus::Approved;
    entry.scheme_member = read.ColumnInt64(9) != 0;  // migration 0010
    read.Reset();
    std::optional<bool> first_in_area = false;
    if (first_approval) first_in_area = FirstInArea(place_id, place.lat, place.lon);
    if (!first_in_area) return false;
    if (place.status == core::PlaceStatus::Approved && !ApprovedComments(place_id, entry.comments)) return false;

    Statement& seq = Fresh(next_seq_);
    if (seq.Step() != StepResult::Row) return Fail("Could not count a change: " + seq.Error());
    const std::int64_t change_seq = seq.ColumnInt64(0);
    seq.Reset();

    Statement& write = Fresh(write_place_)
                           .BindText(1, place_id)
                           .BindBlob(2, ProfileBlob(*profile))
                           .BindInt64(3, change_seq)
                           .BindInt64(5, *first_in_area ? 1 : 0);
    if (const std::optional<std::string> feed_entry = FeedEntry(entry, ever_approved)) {
      write.BindText(4, *feed_entry);
    } else {
      write.BindNull(4);
    }
    if (write.Step() != StepResult::Done) return Fail("Could not update a place: " + write.Error());
  }
  return true;
}

// [SECTION] Reading

std::optional<std::int64_t> ParseCursor(std::string_view text) {
  if (text.empty()) return 0;
  if (text.size() > 18) return std::nullopt;  // fits an int64 with room to spare
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string FormatCursor(std::int64_t cursor) { return std::to_string(cursor); }

std::optional<PlacesPage> PlacesSince(const Database& db, std::int64_t since, int limit, std::string& error) {
  if (limit < 1) limit = 1;
  if (limit > kMaxPageSize) limit = kMaxPageSize;
  Statement s = db.Prepare(
      "SELECT change_seq, feed_json FROM places WHERE approved_seq IS NOT NULL AND change_seq > ?1 "
      "ORDER BY change_seq LIMIT ?2");
  s.BindInt64(1, since).BindInt64(2, limit + 1);  // one more, to know if there is more
  PlacesPage page;
  page.cursor = since;
  page.places_json = "[";
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row) {
    if (page.count == limit) {
      page.more = true;
      break;
    }
    if (page.count > 0) page.places_json += ',';
    page.places_json += s.ColumnText(1);
    page.cursor = s.ColumnInt64(0);
    ++page.count;
  }
  if (step == StepResult::Error) {
    error = "Could not read the places: " + s.Error();
    return std::nullopt;
  }
  page.places_json += ']';
  return page;
}

std::optional<std::vector<core::SuggestionStatus>> SuggestionStatusesOf(const Database& db, std::string_view device_id,
                                                                        int limit, std::string& error) {
  // "device_id <> ''" matches the partial index places_by_device (migration 0003).
  Statement s = db.Prepare(
      "SELECT id, status, review_reason, merged_into, first_in_area FROM places "
      "WHERE device_id = ?1 AND device_id <> '' ORDER BY id DESC LIMIT ?2");
  s.BindText(1, device_id).BindInt64(2, std::max(limit, 0));
  std::vector<core::SuggestionStatus> statuses;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row) {
    core::SuggestionStatus status;
    status.id = std::string(s.ColumnText(0));
    status.status = core::PlaceStatusFromName(s.ColumnText(1)).value_or(core::PlaceStatus::Suggested);
    if (status.status == core::PlaceStatus::Rejected) status.reason = core::NotAddedReasonFromName(s.ColumnText(2));
    if (status.status == core::PlaceStatus::Merged) status.merged_into = std::string(s.ColumnText(3));
    status.first_in_area = s.ColumnInt64(4) != 0;
    statuses.push_back(std::move(status));
  }
  if (step == StepResult::Error) {
    error = "Could not read a device's suggestions: " + s.Error();
    return std::nullopt;
  }
  return statuses;
}

// ratings_shared_by_device (migration 0012) finds the device's shared comments;
// places_by_device its suggestions, whose first ratings are left out.
const char* const kSharedCommentsSql =
    "SELECT id FROM ratings WHERE device_id = ?1 AND comment_state = 'approved' AND comment <> '' "
    "AND withdrawn = 0 "
    "AND id NOT IN (SELECT first_rating_id FROM places WHERE device_id = ?1 AND device_id <> '') "
    "ORDER BY id DESC LIMIT ?2";

std::optional<std::vector<std::string>> SharedCommentsOf(const Database& db, std::string_view device_id, int limit,
                                                         std::string& error) {
  Statement s = db.Prepare(kSharedCommentsSql);
  s.BindText(1, device_id).BindInt64(2, std::max(limit, 0));
  std::vector<std::string> ids;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row) ids.emplace_back(s.ColumnText(0));
  if (step == StepResult::Error) {
    error = "Could not read a device's shared comments: " + s.Error();
    return std::nullopt;
  }
  return ids;
}

std::optional<ServerCounts> CountRows(const Database& db, std::string& error) {
  Statement s = db.Prepare(
      "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM places WHERE status = 'suggested'), "
      "(SELECT count(*) FROM places WHERE status = 'approved'), (SELECT count(*) FROM ratings), "
      "(SELECT count(*) FROM ratings WHERE withdrawn = 0), (SELECT count(*) FROM withdrawals), "
      "(SELECT count(*) FROM sync_items)");
  if (s.Step() != StepResult::Row) {
    error = "Could not count: " + s.Error();
    return std::nullopt;
  }
  ServerCounts counts;
  int* fields[] = {&counts.places,       &counts.suggested_places, &counts.approved_places, &counts.ratings,
                   &counts.live_ratings, &counts.withdrawals,      &counts.sync_items};
  for (int i = 0; i < 7; ++i) *fields[i] = static_cast<int>(s.ColumnInt64(i));
  return counts;
}

std::optional<std::vector<PendingSuggestion>> PendingSuggestions(const Database& db, int limit, std::string& error) {
  Statement s = db.Prepare("SELECT id, name, category FROM places WHERE status = 'suggested' ORDER BY id LIMIT ?1");
  s.BindInt64(1, std::max(limit, 0));
  std::vector<PendingSuggestion> pending;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row)
    pending.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)),
                       core::CategoryFromName(s.ColumnText(2)).value_or(core::Category::Other)});
  if (step == StepResult::Error) {
    error = "Could not read the suggestions: " + s.Error();
    return std::nullopt;
  }
  return pending;
}

std::optional<std::vector<PendingComment>> PendingComments(const Database& db, int limit, std::string& error) {
  // The WHERE is the partial index ratings_pending_comments' (migration 0004).
  Statement s = db.Prepare(
      "SELECT r.id, r.place_id, coalesce(p.name, ''), r.comment, r.visit_month FROM ratings AS r "
      "LEFT JOIN places AS p ON p.id = r.place_id "
      "WHERE r.comment_state = 'pending' AND r.comment <> '' AND r.withdrawn = 0 ORDER BY r.id LIMIT ?1");
  s.BindInt64(1, std::max(limit, 0));
  std::vector<PendingComment> pending;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row)
    pending.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                       std::string(s.ColumnText(3)), std::string(s.ColumnText(4))});
  if (step == StepResult::Error) {
    error = "Could not read the comments: " + s.Error();
    return std::nullopt;
  }
  return pending;
}

std::optional<StoredPlace> LoadPlace(const Database& db, std::string_view place_id) {
  Statement s = db.Prepare(
      "SELECT name, category, lat, lon, address, opening_notes, status, merged_into, device_id, why, session_id, "
      "approved_seq IS NOT NULL, profile, reasons, review_reason, first_in_area FROM places WHERE id = ?1");
  s.BindText(1, place_id);
  if (s.Step() != StepResult::Row) return std::nullopt;
  StoredPlace stored;
  core::Place& place = stored.place;
  place.id = std::string(place_id);
  place.name = std::string(s.ColumnText(0));
  place.category = core::CategoryFromName(s.ColumnText(1)).value_or(core::Category::Other);
  place.lat = s.ColumnDouble(2);
  place.lon = s.ColumnDouble(3);
  place.address = std::string(s.ColumnText(4));
  place.opening_notes = std::string(s.ColumnText(5));
  place.status = core::PlaceStatusFromName(s.ColumnText(6)).value_or(core::PlaceStatus::Suggested);
  place.merged_into = std::string(s.ColumnText(7));
  stored.device_id = std::string(s.ColumnText(8));
  stored.why = std::string(s.ColumnText(9));
  stored.session_id = std::string(s.ColumnText(10));
  stored.ever_approved = s.ColumnInt64(11) != 0;
  stored.profile = ProfileFromBlob(s.ColumnBlob(12));
  stored.reasons = ReasonsFromText(s.ColumnText(13));
  stored.review_reason = core::NotAddedReasonFromName(s.ColumnText(14));
  stored.first_in_area = s.ColumnInt64(15) != 0;
  return stored;
}

std::vector<std::string> AllPlaceIds(const Database& db) {
  std::vector<std::string> ids;
  Statement s = db.Prepare("SELECT id FROM places ORDER BY id");
  while (s.Step() == StepResult::Row) ids.emplace_back(s.ColumnText(0));
  return ids;
}

namespace {

std::vector<std::pair<core::Rating, bool>> ReadRatings(Statement& s) {
  std::vector<std::pair<core::Rating, bool>> ratings;
  while (s.Step() == StepResult::Row) {
    core::Rating rating;
    rating.id = std::string(s.ColumnText(0));
    rating.place_id = std::string(s.ColumnText(1));
    rating.device_id = std::string(s.ColumnText(2));
    ReadAnswers(rating, s.ColumnBlob(3), s.ColumnBlob(4));
    rating.comment = std::string(s.ColumnText(5));
    rating.visit_month = std::string(s.ColumnText(6));
    rating.session_id = std::string(s.ColumnText(7));
    ratings.emplace_back(std::move(rating), s.ColumnInt64(8) != 0);
  }
  return ratings;
}

// A rating reads back as the event its device sent: the place it named, also after a merge
// moved it (migration 0010's merged_from).
constexpr std::string_view kRatingColumns =
    "SELECT id, CASE WHEN merged_from <> '' THEN merged_from ELSE place_id END, device_id, scales, facilities, "
    "comment, visit_month, session_id, withdrawn FROM ratings ";

}  // namespace

std::vector<core::Rating> LiveRatingsOf(const Database& db, std::string_view place_id) {
  Statement s = db.Prepare(std::string(kRatingColumns) + "WHERE place_id = ?1 AND withdrawn = 0 ORDER BY id");
  s.BindText(1, place_id);
  std::vector<core::Rating> live;
  for (auto& [rating, withdrawn] : ReadRatings(s)) live.push_back(std::move(rating));
  return live;
}

std::vector<std::pair<core::Rating, bool>> AllRatings(const Database& db) {
  Statement s = db.Prepare(std::string(kRatingColumns) + "ORDER BY id");
  return ReadRatings(s);
}

// [SECTION] A device's progress

std::optional<std::vector<core::SentItem>> SentItemsOf(const Database& db, std::string_view device_id,
                                                       std::string& error) {
  std::vector<core::SentItem> items;
  // Its suggestions, each with its first rating (kept in ratings, withdrawn or not: a
  // withdrawal of that rating alone is among the withdrawals below, as on the device).
  Statement places = db.Prepare(
      "SELECT id, name, category, lat, lon, address, why, reasons, session_id, first_rating_id, status, "
      "review_reason, merged_into, first_in_area FROM places WHERE device_id = ?1 AND device_id <> '' ORDER BY id");
  places.BindText(1, device_id);
  std::set<std::string> first_rating_ids;
  StepResult step = StepResult::Row;
  while ((step = places.Step()) == StepResult::Row) {
    core::Suggestion suggestion;
    suggestion.id = std::string(places.ColumnText(0));
    suggestion.device_id = std::string(device_id);
    suggestion.name = std::string(places.ColumnText(1));
    suggestion.category = core::CategoryFromName(places.ColumnText(2)).value_or(core::Category::Other);
    suggestion.lat = places.ColumnDouble(3);
    suggestion.lon = places.ColumnDouble(4);
    suggestion.address = std::string(places.ColumnText(5));
    suggestion.why = std::string(places.ColumnText(6));
    suggestion.reasons = ReasonsFromText(places.ColumnText(7));
    suggestion.session_id = std::string(places.ColumnText(8));
    const std::string first_id(places.ColumnText(9));
    Statement first = db.Prepare(std::string(kRatingColumns) + "WHERE id = ?1");
    first.BindText(1, first_id);
    for (auto& [rating, withdrawn] : ReadRatings(first)) suggestion.first_rating = std::move(rating);
    first_rating_ids.insert(first_id);
    core::SentItem sent{core::OutboxItem{std::move(suggestion)}, std::nullopt, false, false};
    const core::PlaceStatus status = core::PlaceStatusFromName(places.ColumnText(10)).value_or(core::PlaceStatus::Suggested);
    if (status != core::PlaceStatus::Suggested) sent.review = status;
    if (status == core::PlaceStatus::Rejected) sent.review_reason = core::NotAddedReasonFromName(places.ColumnText(11));
    if (status == core::PlaceStatus::Merged) sent.merged_into = std::string(places.ColumnText(12));
    sent.first_in_area = places.ColumnInt64(13) != 0;  // decided at its first approval
    items.push_back(std::move(sent));
  }
  if (step == StepResult::Error) {
    error = "Could not read a device's suggestions: " + places.Error();
    return std::nullopt;
  }

  // Its other ratings still standing. The WHERE matches ratings_by_device (migration 0005).
  Statement ratings = db.Prepare(
      "SELECT id, CASE WHEN merged_from <> '' THEN merged_from ELSE place_id END, device_id, scales, facilities, "
      "comment, visit_month, session_id, withdrawn, comment_state = 'approved' AND comment <> '' FROM ratings "
      "WHERE device_id = ?1 AND withdrawn = 0 ORDER BY id");
  ratings.BindText(1, device_id);
  while ((step = ratings.Step()) == StepResult::Row) {
    const std::string id(ratings.ColumnText(0));
    if (first_rating_ids.contains(id)) continue;
    core::Rating rating;
    rating.id = id;
    rating.place_id = std::string(ratings.ColumnText(1));
    rating.device_id = std::string(ratings.ColumnText(2));
    ReadAnswers(rating, ratings.ColumnBlob(3), ratings.ColumnBlob(4));
    rating.comment = std::string(ratings.ColumnText(5));
    rating.visit_month = std::string(ratings.ColumnText(6));
    rating.session_id = std::string(ratings.ColumnText(7));
    const bool comment_approved = ratings.ColumnInt64(9) != 0;
    items.push_back({core::OutboxItem{std::move(rating)}, std::nullopt, false, comment_approved});
  }
  if (step == StepResult::Error) {
    error = "Could not read a device's ratings: " + ratings.Error();
    return std::nullopt;
  }

  Statement withdrawals = db.Prepare("SELECT id, target_id FROM withdrawals WHERE device_id = ?1 ORDER BY id");
  withdrawals.BindText(1, device_id);
  while ((step = withdrawals.Step()) == StepResult::Row) {
    core::Withdrawal withdrawal{std::string(withdrawals.ColumnText(0)), std::string(device_id),
                                std::string(withdrawals.ColumnText(1))};
    items.push_back({core::OutboxItem{std::move(withdrawal)}, std::nullopt, false, false});
  }
  if (step == StepResult::Error) {
    error = "Could not read a device's withdrawals: " + withdrawals.Error();
    return std::nullopt;
  }
  return items;
}

std::optional<core::Progress> DeviceProgress(const Database& db, std::string_view device_id,
                                             std::string_view this_month, std::string& error) {
  std::optional<std::vector<core::SentItem>> items = SentItemsOf(db, device_id, error);
  if (!items) return std::nullopt;
  Statement category = db.Prepare("SELECT category FROM places WHERE id = ?1 AND status = 'approved'");
  const auto category_of = [&category](std::string_view place_id) {
    category.Reset();
    category.BindText(1, place_id);
    core::Category found = core::Category::Other;
    if (category.Step() == StepResult::Row)
      found = core::CategoryFromName(category.ColumnText(0)).value_or(core::Category::Other);
    category.Reset();
    return found;
  };
  std::vector<core::ProgressEvent> events = core::EventsFromSent(*items, category_of, this_month);
  // The groups it joined count too, in the month it joined each (as the device counts them).
  Statement joined = db.Prepare("SELECT session_id, joined_at FROM session_members WHERE device_id = ?1");
  joined.BindText(1, device_id);
  StepResult step;
  while ((step = joined.Step()) == StepResult::Row) {
    core::ProgressEvent event;
    event.kind = core::ProgressEventKind::JoinedSession;
    event.item_id = std::string(joined.ColumnText(0));
    event.month = core::MonthText(core::YearMonthAt(joined.ColumnInt64(1), 0));
    events.push_back(std::move(event));
  }
  if (step == StepResult::Error) {
    error = "Could not read the groups a device joined: " + joined.Error();
    return std::nullopt;
  }
  return core::ComputeProgress(events);
}

std::optional<std::string> DeviceOfRestoreCode(const Database& db, std::string_view code_hash, std::string& error) {
  Statement s = db.Prepare("SELECT device_id FROM device_codes WHERE code_hash = ?1");
  s.BindText(1, code_hash);
  const StepResult step = s.Step();
  if (step == StepResult::Row) return std::string(s.ColumnText(0));
  if (step == StepResult::Error) error = "Could not look up a restore code: " + s.Error();
  return std::nullopt;
}

}  // namespace store
