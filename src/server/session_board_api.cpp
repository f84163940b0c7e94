// This is the implementation of session_board_api.h: the board's answer and its cheap
// "unchanged", hiding, a phone's status, the summary in three formats, and the QR code.
//
// [SECTION] Wire shapes
//   GET  /api/v1/sessions   (staff)
//     200 {"sessions": [{"id", "name", "theme", "state", "room_code": "KXM-4P7",
//                        "created_at": unix, "members": N}...]}   newest first, at most 50;
//     a youth worker's own, or all for an officer (N: in the group now). 401.
//   GET  /api/v1/sessions/{id}/board[?since=VERSION]   (creator or officer)
//     200 {"unchanged": true, "version": V}   when VERSION is the session's version now
//     200 {"version": V, "id", "name", "theme", "state", "room_code", "join_path", "area",
//          "members": [nickname...], "goal": {"done", "target"}, "hidden": H,
//          "items": [{"id", "kind": "rating"|"suggestion", "place_id", "place_name", "category",
//                     "lat", "lon", "nickname", "status": "waiting"|"on_map"|"not_added",
//                     "faces": 0..5}...]}   newest first, hidden items left out, no free text
//     400 "since" not a whole number; 401, 403, 404.
//   POST /api/v1/sessions/{id}/hide {"item_id"}   (creator or officer)
//     200 {"hidden": true} (again: the same); 404 not an item of this session; 401, 403.
//   POST /api/v1/sessions/status {"session_id", "device_id"}   (a phone; no login)
//     200 {"state", "name", "theme", "member": bool, "goal": {"done", "target"}}; 404; 422.
//   GET  /api/v1/sessions/{id}/summary[.csv|.html]   (creator or officer; any state)
//     200 JSON {"id", "name", "theme", "state", "started_at", "ended_at": unix|null,
//               "counts": {"people", "suggestions", "ratings", "places", "hidden"},
//               "places": [{"place_id", "name", "category", "status", "suggested", "ratings",
//                           "scales": {scale: mean with one decimal|null},
//                           "facilities": {facility: {"yes", "no", "not_sure"}}}...],
//               "reasons": [{"reason", "label", "count"}...], "common_words": [{"word", "count"}...]}
//     "ratings" of a place counts every set of answers about it (a suggestion's own too);
//     counts.ratings only ratings of places. .csv: text/csv, a UTF-8 byte order mark (so
//     spreadsheets read accents), one row per place. .html: text/html, printable, no script.
//   GET  /join-qr/{CODE}.png   (no login)   200 image/png of <origin>/join/CODE; 422 a code
//     with look-alikes or the wrong length; 400 no --public-url and no usable Host.
//   Every error is core's {"error": {"code", "message", "field"}}.
#include "server/session_board_api.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "core/codec.h"
#include "core/room_code.h"
#include "core/session_summary.h"
#include "core/uuid.h"
#include "server/join_qr.h"
#include "server/session_api.h"
#include "server/session_report.h"
#include "server/staff_api.h"
#include "store/server_store.h"
#include "store/session_board.h"
#include "store/session_store.h"

namespace server {
namespace {

using nlohmann::json;

json AreaJson(const store::SessionArea& area) {
  return {{"south", area.south}, {"west", area.west}, {"north", area.north}, {"east", area.east}};
}

json GoalJson(const core::SessionGoal& goal) { return {{"done", goal.done}, {"target", goal.target}}; }

// Everything kept in the session, or the error to answer with.
store::StaffResult<store::SessionContents> ReadContents(ReaderPool& readers, const std::string& session_id) {
  std::optional<store::SessionContents> contents;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) { contents = store::ReadSessionContents(db, session_id, error); }, error);
  if (!read || !error.empty()) return {std::nullopt, OurFault()};
  if (!contents) return {std::nullopt, NoSuchSession()};
  return {std::move(contents), {}};
}

std::string BoardJson(const store::SessionContents& contents) {
  const store::SessionInfo& session = contents.session;
  json items = json::array();
  for (const store::BoardItem& item : contents.items) {
    const core::SessionContribution& c = item.contribution;
    items.push_back({{"id", c.item_id},
                     {"kind", core::OutboxKindName(c.kind)},
                     {"place_id", c.place_id},
                     {"place_name", c.place_name},
                     {"category", core::CategoryName(c.category)},
                     {"lat", item.lat},
                     {"lon", item.lon},
                     {"nickname", item.nickname},
                     {"status", core::BoardStatusName(c.status)},
                     {"faces", core::BoardFaces(c.answers)}});
  }
  const core::SessionGoal goal = core::GoalFor(contents.people_ever_joined, static_cast<int>(contents.items.size()));
  return core::DumpJson(json{{"version", session.version},
                             {"id", session.id},
                             {"name", session.name},
                             {"theme", session.theme},
                             {"state", store::SessionStateName(session.state)},
                             {"room_code", core::DisplayRoomCode(session.room_code)},
                             {"join_path", "/join/" + session.room_code},
                             {"area", AreaJson(session.area)},
                             {"members", contents.members},
                             {"goal", GoalJson(goal)},
                             {"hidden", contents.hidden},
                             {"items", std::move(items)}});
}

core::SessionSummary SummaryOf(const store::SessionContents& contents) {
  std::vector<core::SessionContribution> shown;
  shown.reserve(contents.items.size());
  for (const store::BoardItem& item : contents.items) shown.push_back(item.contribution);
  return core::Summarise(shown, contents.people_ever_joined, contents.hidden);
}

}  // namespace

Reply GetSessions(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(readers, authorization, now_unix_seconds);
  if (!staff) return {"", std::move(staff.error)};
  std::optional<std::vector<store::SessionListEntry>> sessions;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) {
        sessions = store::SessionsFor(db, staff.value->id, staff.value->role, store::kMaxSessionsListed, error);
      },
      error);
  if (!read || !sessions) return {"", OurFault()};
  json list = json::array();
  for (const store::SessionListEntry& entry : *sessions)
    list.push_back({{"id", entry.session.id},
                    {"name", entry.session.name},
                    {"theme", entry.session.theme},
                    {"state", store::SessionStateName(entry.session.state)},
                    {"room_code", core::DisplayRoomCode(entry.session.room_code)},
                    {"created_at", entry.session.created_at},
                    {"members", entry.members}});
  return {core::DumpJson(json{{"sessions", std::move(list)}}), std::nullopt};
}

Reply GetSessionBoard(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                      const std::optional<std::string>& since, std::int64_t now_unix_seconds) {
  std::optional<std::int64_t> seen;
  if (since) {
    seen = store::ParseCursor(*since);
    if (!seen || since->empty())
      return {"", core::ApiError{core::ErrorCode::BadRequest,
                                 "We could not read \"since\": please send back the version from the last answer.",
                                 "since"}};
  }
  store::StaffResult<RunnableSession> run = SessionToRun(readers, authorization, session_id, now_unix_seconds);
  if (!run) return {"", std::move(run.error)};
  // The cheap answer most polls get: one row read, nothing else.
  if (seen && *seen == run.value->session.version)
    return {core::DumpJson(json{{"unchanged", true}, {"version", *seen}}), std::nullopt};
  store::StaffResult<store::SessionContents> contents = ReadContents(readers, session_id);
  if (!contents) return {"", std::move(contents.error)};
  return {BoardJson(*contents.value), std::nullopt};
}

Reply PostSessionHide(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& session_id, std::string_view body, std::int64_t now_unix_seconds) {
  store::StaffResult<RunnableSession> run = SessionToRun(readers, authorization, session_id, now_unix_seconds);
  if (!run) return {"", std::move(run.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string item_id;
  if (auto error = ReadSessionText(doc, "item_id", true, "Please say which item to hide (\"item_id\").", item_id))
    return {"", std::move(*error)};

  store::StaffResult<bool> hidden;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    hidden = store::HideSessionItem(store.Db(), run.value->session, run.value->staff.id, item_id, now_unix_seconds);
    return hidden || hidden.error.code != core::ErrorCode::Internal;
  });
  if (!committed) return {"", OurFault()};
  if (!hidden) return {"", hidden.error};
  return {core::DumpJson(json{{"hidden", true}}), std::nullopt};
}

Reply PostSessionStatus(ReaderPool& readers, std::string_view body) {
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string session_id, device_id;
  if (auto error = ReadSessionText(doc, "session_id", true, "Please say which group (\"session_id\").", session_id))
    return {"", std::move(*error)};
  if (auto error =
          ReadSessionText(doc, "device_id", true, "Please say which device this is (\"device_id\").", device_id))
    return {"", std::move(*error)};
  if (!core::IsUuid(device_id))
    return {"",
            core::ApiError{core::ErrorCode::InvalidField,
                           "Sorry, something went wrong in the app: it sent a device id we cannot use.", "device_id"}};

  std::optional<store::SessionInfo> session;
  std::optional<bool> member;
  std::optional<core::SessionGoal> goal;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) {
        session = store::SessionById(db, session_id, error);
        if (!session) return;
        member = store::IsSessionMember(db, session_id, device_id, error);
        goal = store::SessionGoalOf(db, session_id, error);
      },
      error);
  if (!read || !error.empty()) return {"", OurFault()};
  if (!session)
    return {"", core::ApiError{core::ErrorCode::NotFound,
                               "We could not find your group. Check the code with your youth worker.", "session_id"}};
  if (!member || !goal) return {"", OurFault()};
  return {core::DumpJson(json{{"state", store::SessionStateName(session->state)},
                              {"name", session->name},
                              {"theme", session->theme},
                              {"member", *member},
                              {"goal", GoalJson(*goal)}}),
          std::nullopt};
}

FileReply GetSessionSummary(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                            SummaryFormat format, std::int64_t now_unix_seconds) {
  store::StaffResult<RunnableSession> run = SessionToRun(readers, authorization, session_id, now_unix_seconds);
  if (!run) return {"", "", "", std::move(run.error)};
  store::StaffResult<store::SessionContents> contents = ReadContents(readers, session_id);
  if (!contents) return {"", "", "", std::move(contents.error)};
  const store::SessionInfo& session = contents.value->session;
  const core::SessionSummary summary = SummaryOf(*contents.value);
  switch (format) {
    case SummaryFormat::Csv:
      return {"\xEF\xBB\xBF" + SummaryCsv(summary), "text/csv; charset=utf-8",
              "session-" + session.room_code + "-summary.csv", std::nullopt};
    case SummaryFormat::Html:
      return {SummaryHtml(session, summary), "text/html; charset=utf-8", "", std::nullopt};
    case SummaryFormat::Json:
      break;
  }
  return {SummaryJson(session, summary), "application/json", "", std::nullopt};
}

FileReply GetJoinQr(std::string_view typed_code, std::string_view public_url, std::string_view host_header) {
  const core::RoomCodeReading reading = core::NormaliseRoomCode(typed_code);
  if (!reading.code) return {"", "", "", core::ApiError{core::ErrorCode::InvalidField, reading.message, "room_code"}};
  const std::optional<std::string> origin = JoinOrigin(public_url, host_header);
  if (!origin)
    return {"", "", "",
            core::ApiError{core::ErrorCode::BadRequest,
                           "We could not tell this server's address for the link. Please ask whoever runs the "
                           "server to start it with --public-url.",
                           ""}};
  std::string png = QrPng(*origin + "/join/" + *reading.code);
  if (png.empty()) return {"", "", "", OurFault()};
  return {std::move(png), "image/png", "", std::nullopt};
}

}  // namespace server
