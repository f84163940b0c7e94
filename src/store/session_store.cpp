// This is the implementation of session_store.h: checking a new session's details,
// choosing a free room code, joining and leaving, and the facilitator's states.
#include "store/session_store.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/nickname.h"
#include "core/uuid.h"
#include "core/validation.h"

namespace store {
namespace {

constexpr const char* kSessionColumns =
    "SELECT id, room_code, name, theme, area_south, area_west, area_north, area_east, created_by, state, "
    "created_at, ended_at, version FROM co_sessions ";

using core::OurFault;

core::ApiError NoSuchGroup() {
  return {core::ErrorCode::NotFound, "We could not find that group. Check the code with your youth worker.", ""};
}

core::ApiError GroupEnded() { return {core::ErrorCode::Conflict, "This group has ended.", ""}; }

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

bool HasControl(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  return false;
}

std::optional<SessionInfo> ReadSession(Statement& find, std::string& error) {
  const StepResult step = find.Step();
  if (step == StepResult::Error) error = find.Error();
  if (step != StepResult::Row) return std::nullopt;
  SessionInfo session;
  session.id = find.ColumnText(0);
  session.room_code = find.ColumnText(1);
  session.name = find.ColumnText(2);
  session.theme = find.ColumnText(3);
  session.area = {find.ColumnDouble(4), find.ColumnDouble(5), find.ColumnDouble(6), find.ColumnDouble(7)};
  session.created_by = find.ColumnText(8);
  session.state = SessionStateFromName(find.ColumnText(9)).value_or(SessionState::Ended);
  session.created_at = find.ColumnInt64(10);
  if (!find.ColumnIsNull(11)) session.ended_at = find.ColumnInt64(11);
  session.version = find.ColumnInt64(12);
  return session;
}

}  // namespace

std::string_view SessionStateName(SessionState state) {
  switch (state) {
    case SessionState::Open:
      return "open";
    case SessionState::Paused:
      return "paused";
    case SessionState::Ended:
      return "ended";
  }
  return "ended";
}

std::optional<SessionState> SessionStateFromName(std::string_view name) {
  if (name == "open") return SessionState::Open;
  if (name == "paused") return SessionState::Paused;
  if (name == "ended") return SessionState::Ended;
  return std::nullopt;
}

std::optional<core::ApiError> CheckSessionDetails(std::string_view name, std::string_view theme,
                                                  const SessionArea& area) {
  const std::size_t name_chars = CodePoints(name);
  if (name_chars == 0 || name_chars > kMaxSessionNameChars || HasControl(name))
    return core::ApiError{core::ErrorCode::InvalidField, "Please give the session a name of up to 80 characters.",
                          "name"};
  if (CodePoints(theme) > kMaxSessionThemeChars || HasControl(theme))
    return core::ApiError{core::ErrorCode::InvalidField, "A theme can be up to 120 characters.", "theme"};
  const core::ServiceArea service = core::DefaultServiceArea();
  const bool inside = std::isfinite(area.south) && std::isfinite(area.north) && std::isfinite(area.west) &&
                      std::isfinite(area.east) && area.south < area.north && area.west < area.east &&
                      service.Contains(area.south, area.west) && service.Contains(area.north, area.east);
  if (!inside)
    return core::ApiError{core::ErrorCode::InvalidField,
                          "Please choose a part of the map inside " + service.name + " for the session.", "area"};
  return std::nullopt;
}

StaffResult<NewSession> CreateSession(Database& db, std::string_view staff_id, std::string_view name,
                                      std::string_view theme, const SessionArea& area,
                                      std::span<const std::uint8_t, kSessionRandomBytes> random,
                                      std::int64_t now_unix_seconds) {
  if (std::optional<core::ApiError> problem = CheckSessionDetails(name, theme, area))
    return {std::nullopt, std::move(*problem)};
  std::array<std::uint8_t, 16> id_bytes{};
  std::copy_n(random.begin(), id_bytes.size(), id_bytes.begin());
  NewSession session{core::MakeUuidV4(id_bytes), ""};

  Statement taken = db.Prepare("SELECT 1 FROM co_sessions WHERE room_code = ?1");
  for (int attempt = 0; attempt < kRoomCodeTries && session.room_code.empty(); ++attempt) {
    const std::string code =
        core::MakeRoomCode(random.subspan(16 + attempt * core::kRoomCodeBytes).first<core::kRoomCodeBytes>());
    taken.Reset();
    taken.BindText(1, code);
    const StepResult found = taken.Step();
    if (found == StepResult::Error) return {std::nullopt, OurFault()};
    if (found == StepResult::Done) session.room_code = code;
  }
  if (session.room_code.empty()) return {std::nullopt, OurFault()};

  Statement insert = db.Prepare(
      "INSERT INTO co_sessions (id, room_code, name, theme, area_south, area_west, area_north, area_east, "
      "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.BindText(1, session.id).BindText(2, session.room_code).BindText(3, name).BindText(4, theme);
  insert.BindDouble(5, area.south).BindDouble(6, area.west).BindDouble(7, area.north).BindDouble(8, area.east);
  insert.BindText(9, staff_id).BindInt64(10, now_unix_seconds);
  if (insert.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  return {std::move(session), {}};
}

std::optional<SessionInfo> SessionByCode(const Database& db, std::string_view room_code, std::string& error) {
  Statement find = db.Prepare(std::string(kSessionColumns) + "WHERE room_code = ?1");
  find.BindText(1, room_code);
  return ReadSession(find, error);
}

std::optional<SessionInfo> SessionById(const Database& db, std::string_view session_id, std::string& error) {
  Statement find = db.Prepare(std::string(kSessionColumns) + "WHERE id = ?1");
  find.BindText(1, session_id);
  return ReadSession(find, error);
}

StaffResult<SessionInfo> JoinSession(Database& db, std::string_view room_code, std::string_view device_id,
                                     std::string_view nickname, std::int64_t now_unix_seconds) {
  if (!core::IsUuid(device_id))
    return {std::nullopt,
            {core::ErrorCode::InvalidField,
             "Sorry, something went wrong in the app: it sent a device id we cannot use.", "device_id"}};
  if (!core::IsNickname(nickname))
    return {std::nullopt,
            {core::ErrorCode::InvalidField, "Please choose a nickname in the app first, then join again.", "nickname"}};
  std::string error;
  std::optional<SessionInfo> session = SessionByCode(db, room_code, error);
  if (!error.empty()) return {std::nullopt, OurFault()};
  if (!session) return {std::nullopt, NoSuchGroup()};
  if (session->state == SessionState::Ended) return {std::nullopt, GroupEnded()};
  const std::optional<std::int64_t> version = BumpSessionVersion(db, session->id);
  if (!version) return {std::nullopt, OurFault()};
  // Joining again while in the group keeps one's place in the list; after leaving, it is new.
  Statement join = db.Prepare(
      "INSERT INTO session_members (session_id, device_id, nickname, joined_at, joined_seq) "
      "VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (session_id, device_id) DO UPDATE SET nickname = excluded.nickname, left_at = NULL, "
      "joined_at = CASE WHEN left_at IS NULL THEN joined_at ELSE excluded.joined_at END, "
      "joined_seq = CASE WHEN left_at IS NULL THEN joined_seq ELSE excluded.joined_seq END");
  join.BindText(1, session->id).BindText(2, device_id).BindText(3, nickname).BindInt64(4, now_unix_seconds);
  join.BindInt64(5, *version);
  if (join.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  session->version = *version;
  return {std::move(session), {}};
}

StaffResult<bool> LeaveSession(Database& db, std::string_view session_id, std::string_view device_id,
                               std::int64_t now_unix_seconds) {
  std::string error;
  const std::optional<SessionInfo> session = SessionById(db, session_id, error);
  if (!error.empty()) return {std::nullopt, OurFault()};
  if (!session) return {std::nullopt, NoSuchGroup()};
  Statement leave = db.Prepare(
      "UPDATE session_members SET left_at = ?3 WHERE session_id = ?1 AND device_id = ?2 AND left_at IS NULL");
  leave.BindText(1, session_id).BindText(2, device_id).BindInt64(3, now_unix_seconds);
  if (leave.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  if (db.Changes() > 0 && !BumpSessionVersion(db, session_id)) return {std::nullopt, OurFault()};
  return {true, {}};
}

std::optional<std::int64_t> BumpSessionVersion(Database& db, std::string_view session_id) {
  Statement bump = db.Prepare("UPDATE co_sessions SET version = version + 1 WHERE id = ?1 RETURNING version");
  bump.BindText(1, session_id);
  if (bump.Step() != StepResult::Row) return std::nullopt;
  return bump.ColumnInt64(0);
}

bool MayRunSession(const SessionInfo& session, std::string_view staff_id, StaffRole role) {
  return role == StaffRole::Officer || session.created_by == staff_id;
}

StaffResult<SessionState> SetSessionState(Database& db, std::string_view staff_id, StaffRole role,
                                          std::string_view session_id, SessionState state,
                                          std::int64_t now_unix_seconds) {
  std::string error;
  const std::optional<SessionInfo> session = SessionById(db, session_id, error);
  if (!error.empty()) return {std::nullopt, OurFault()};
  if (!session)
    return {std::nullopt, {core::ErrorCode::NotFound, "We could not find that session. It may have been removed.", ""}};
  if (!MayRunSession(*session, staff_id, role))
    return {std::nullopt,
            {core::ErrorCode::Forbidden, "Only the youth worker who started this session, or an officer, can do that.",
             ""}};
  if (session->state == SessionState::Ended && state != SessionState::Ended)
    return {std::nullopt,
            {core::ErrorCode::Conflict,
             "This session has ended, so it cannot start again. "
             "Please start a new session.",
             "state"}};
  if (session->state == state) return {state, {}};
  Statement update = db.Prepare(
      "UPDATE co_sessions SET state = ?2, version = version + 1, "
      "ended_at = CASE WHEN ?2 = 'ended' THEN ?3 ELSE ended_at END WHERE id = ?1");
  update.BindText(1, session_id).BindText(2, SessionStateName(state)).BindInt64(3, now_unix_seconds);
  if (update.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  return {state, {}};
}

std::optional<std::vector<SessionListEntry>> SessionsFor(const Database& db, std::string_view staff_id,
                                                         StaffRole role, int limit, std::string& error) {
  // The member count is the last column, after ReadSession's.
  const std::string members =
      ", (SELECT count(*) FROM session_members AS m WHERE m.session_id = co_sessions.id AND m.left_at IS NULL) ";
  std::string sql = kSessionColumns;
  sql.insert(sql.find(" FROM co_sessions"), members);
  const bool everyone = role == StaffRole::Officer;
  if (!everyone) sql += "WHERE created_by = ?2 ";
  sql += "ORDER BY created_at DESC, id DESC LIMIT ?1";
  Statement list = db.Prepare(sql);
  list.BindInt64(1, std::max(limit, 0));
  if (!everyone) list.BindText(2, staff_id);
  std::vector<SessionListEntry> sessions;
  for (;;) {
    std::optional<SessionInfo> session = ReadSession(list, error);
    if (!session) break;
    sessions.push_back({std::move(*session), static_cast<int>(list.ColumnInt64(13))});
  }
  if (!error.empty()) return std::nullopt;
  return sessions;
}

std::optional<std::vector<std::string>> SessionMembers(const Database& db, std::string_view session_id,
                                                       std::string& error) {
  Statement members = db.Prepare(
      "SELECT nickname FROM session_members WHERE session_id = ?1 AND left_at IS NULL "
      "ORDER BY joined_seq, joined_at, nickname");
  members.BindText(1, session_id);
  std::vector<std::string> nicknames;
  for (;;) {
    const StepResult step = members.Step();
    if (step == StepResult::Done) return nicknames;
    if (step == StepResult::Error) {
      error = members.Error();
      return std::nullopt;
    }
    nicknames.emplace_back(members.ColumnText(0));
  }
}

}  // namespace store
