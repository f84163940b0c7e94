// This is the implementation of session_api.h: reading the session requests, the join
// guess limit, who may run a session, and the answers.
//
// [SECTION] Wire shapes
//   POST /api/v1/sessions  (Authorization: Bearer TOKEN; youth worker or officer)
//     {"name": "After school, Hillfields", "theme": "places to go after school",   (theme optional)
//      "area": {"south": 52.40, "west": -1.52, "north": 52.42, "east": -1.49}}     (optional: all of it)
//     200 {"id": uuid, "room_code": "KXM-4P7", "join_path": "/join/KXM4P7"}
//     401 not logged in; 422 naming "name", "theme" or "area".
//   POST /api/v1/sessions/join {"room_code": "kxm 4p7", "device_id": uuid, "nickname": "Brave Otter"}
//     200 {"session_id": uuid, "name", "theme", "state"}
//     404 unknown code, 409 ended, 422 a code with look-alikes or the wrong shape, a
//     device id or nickname the app should not send; 429 after kJoinGuessesPerWindow
//     tries in a minute from one address.
//   POST /api/v1/sessions/leave {"session_id": uuid, "device_id": uuid}   200 {"left": true}; 404
//   POST /api/v1/sessions/{id}/state {"state": "open|paused|ended"}  (creator or officer)
//     200 {"state"}; 401, 403, 404; 409 an ended session cannot open again.
//   GET  /api/v1/sessions/{id}  (creator or officer)
//     200 {"id", "name", "theme", "state", "room_code": "KXM-4P7", "members": ["Brave Otter", ...]}
//     (nicknames only: staff never see device ids); 401, 403, 404.
//   Every error is core's {"error": {"code", "message", "field"}}; bodies over
//   kMaxSessionBodyBytes are 413.
#include "server/session_api.h"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/codec.h"
#include "core/room_code.h"
#include "core/uuid.h"
#include "core/validation.h"
#include "server/staff_api.h"
#include "store/session_store.h"

namespace server {
namespace {

using nlohmann::json;

// doc["area"], or the whole service area when there is none.
std::optional<core::ApiError> ReadArea(const json& doc, store::SessionArea& area) {
  const core::ServiceArea service = core::DefaultServiceArea();
  area = {service.south, service.west, service.north, service.east};
  const auto found = doc.find("area");
  if (found == doc.end() || found->is_null()) return std::nullopt;
  const core::ApiError wrong{core::ErrorCode::InvalidField,
                             "The session's area should be {\"south\", \"west\", \"north\", \"east\"} in degrees.",
                             "area"};
  if (!found->is_object()) return wrong;
  for (auto [name, edge] : {std::pair{"south", &area.south}, std::pair{"west", &area.west},
                            std::pair{"north", &area.north}, std::pair{"east", &area.east}}) {
    const auto value = found->find(name);
    if (value == found->end() || !value->is_number()) return wrong;
    *edge = value->get<double>();
  }
  return std::nullopt;
}

}  // namespace

// [SECTION] Shared by the session endpoints

std::optional<core::ApiError> ReadSessionRequest(std::string_view body, json& doc) {
  return ReadSmallObject(body, kMaxSessionBodyBytes, 3, "Please send less.", doc);
}

std::optional<core::ApiError> ReadSessionText(const json& doc, const char* field, bool required,
                                              const std::string& ask, std::string& text) {
  const auto found = doc.find(field);
  if (found == doc.end() || found->is_null()) {
    if (required) return core::ApiError{core::ErrorCode::BadRequest, ask, field};
    text.clear();
    return std::nullopt;
  }
  if (!found->is_string()) return core::ApiError{core::ErrorCode::InvalidField, ask, field};
  text = found->get<std::string>();
  return std::nullopt;
}

core::ApiError NoSuchSession() {
  return {core::ErrorCode::NotFound, "We could not find that session. It may have been removed.", ""};
}

store::StaffResult<RunnableSession> SessionToRun(ReaderPool& readers, std::string_view authorization,
                                                 const std::string& session_id, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(readers, authorization, now_unix_seconds);
  if (!staff) return {std::nullopt, std::move(staff.error)};
  std::optional<store::SessionInfo> session;
  std::string error;
  const bool read =
      readers.With([&](const store::Database& db) { session = store::SessionById(db, session_id, error); }, error);
  if (!read || !error.empty()) return {std::nullopt, OurFault()};
  if (!session) return {std::nullopt, NoSuchSession()};
  if (!store::MayRunSession(*session, staff.value->id, staff.value->role))
    return {std::nullopt,
            {core::ErrorCode::Forbidden,
             "Only the youth worker who started this session, or an officer, can see or change it.", ""}};
  return {RunnableSession{std::move(*staff.value), std::move(*session)}, {}};
}

// [SECTION] Endpoints

Reply PostSession(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization, std::string_view body,
                  std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(
      readers, authorization, now_unix_seconds, {store::StaffRole::YouthWorker, store::StaffRole::Officer});
  if (!staff) return {"", std::move(staff.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string name, theme;
  if (auto error = ReadSessionText(doc, "name", true, "Please give the session a name.", name)) return {"", std::move(*error)};
  if (auto error = ReadSessionText(doc, "theme", false, "A theme should be text.", theme)) return {"", std::move(*error)};
  store::SessionArea area;
  if (auto error = ReadArea(doc, area)) return {"", std::move(*error)};
  if (auto error = store::CheckSessionDetails(name, theme, area)) return {"", std::move(*error)};
  if (!store::SodiumReady()) return {"", OurFault()};

  std::array<std::uint8_t, store::kSessionRandomBytes> random{};
  randombytes_buf(random.data(), random.size());
  store::StaffResult<store::NewSession> created;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    created = store::CreateSession(store.Db(), staff.value->id, name, theme, area, random, now_unix_seconds);
    return created || created.error.code != core::ErrorCode::Internal;
  });
  if (!committed) return {"", OurFault()};
  if (!created) return {"", created.error};
  return {core::DumpJson(json{{"id", created.value->id},
                              {"room_code", core::DisplayRoomCode(created.value->room_code)},
                              {"join_path", "/join/" + created.value->room_code}}),
          std::nullopt};
}

Reply PostSessionJoin(GroupCommitWriter& writer, SessionJoinGuesses& guesses, const std::string& address,
                      std::string_view body, std::int64_t now_unix_seconds) {
  // Every request counts, readable or not: otherwise the limit is easy to step around.
  const core::ApiError too_many{core::ErrorCode::TooManyRequests,
                                "That was a lot of tries in a short time. Please wait a minute, then try again.", ""};
  if (!guesses.by_address.Allow(address, now_unix_seconds)) return {"", too_many};
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string typed, device_id, nickname;
  if (auto error = ReadSessionText(doc, "room_code", true, "Please type the group code your youth worker gave you.", typed))
    return {"", std::move(*error)};
  const core::RoomCodeReading reading = core::NormaliseRoomCode(typed);
  if (!reading.code) return {"", core::ApiError{core::ErrorCode::InvalidField, reading.message, "room_code"}};
  if (auto error = ReadSessionText(doc, "device_id", true, "Please say which device this is (\"device_id\").", device_id))
    return {"", std::move(*error)};
  if (!guesses.by_device.Allow(device_id, now_unix_seconds)) return {"", too_many};
  if (auto error = ReadSessionText(doc, "nickname", true, "Please choose a nickname in the app first.", nickname))
    return {"", std::move(*error)};

  store::StaffResult<store::SessionInfo> joined;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    joined = store::JoinSession(store.Db(), *reading.code, device_id, nickname, now_unix_seconds);
    return joined || joined.error.code != core::ErrorCode::Internal;
  });
  if (!committed) return {"", OurFault()};
  if (!joined) return {"", joined.error};
  return {core::DumpJson(json{{"session_id", joined.value->id},
                              {"name", joined.value->name},
                              {"theme", joined.value->theme},
                              {"state", std::string(store::SessionStateName(joined.value->state))}}),
          std::nullopt};
}

Reply PostSessionLeave(GroupCommitWriter& writer, std::string_view body, std::int64_t now_unix_seconds) {
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string session_id, device_id;
  if (auto error = ReadSessionText(doc, "session_id", true, "Please say which group to leave (\"session_id\").", session_id))
    return {"", std::move(*error)};
  if (auto error = ReadSessionText(doc, "device_id", true, "Please say which device this is (\"device_id\").", device_id))
    return {"", std::move(*error)};
  if (!core::IsUuid(device_id))
    return {"", core::ApiError{core::ErrorCode::InvalidField,
                               "Sorry, something went wrong in the app: it sent a device id we cannot use.", "device_id"}};
  store::StaffResult<bool> left;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    left = store::LeaveSession(store.Db(), session_id, device_id, now_unix_seconds);
    return left || left.error.code != core::ErrorCode::Internal;
  });
  if (!committed) return {"", OurFault()};
  if (!left) return {"", left.error};
  return {core::DumpJson(json{{"left", true}}), std::nullopt};
}

Reply PostSessionState(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                       const std::string& session_id, std::string_view body, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(readers, authorization, now_unix_seconds);
  if (!staff) return {"", std::move(staff.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadSessionRequest(body, doc)) return {"", std::move(*error)};
  std::string name;
  const std::string ask = "Please say \"open\", \"paused\" or \"ended\" (\"state\").";
  if (auto error = ReadSessionText(doc, "state", true, ask, name)) return {"", std::move(*error)};
  const std::optional<store::SessionState> state = store::SessionStateFromName(name);
  if (!state) return {"", core::ApiError{core::ErrorCode::InvalidField, ask, "state"}};

  store::StaffResult<store::SessionState> changed;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    changed =
        store::SetSessionState(store.Db(), staff.value->id, staff.value->role, session_id, *state, now_unix_seconds);
    return changed || changed.error.code != core::ErrorCode::Internal;
  });
  if (!committed) return {"", OurFault()};
  if (!changed) return {"", changed.error};
  return {core::DumpJson(json{{"state", std::string(store::SessionStateName(*changed.value))}}), std::nullopt};
}

Reply GetSession(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                 std::int64_t now_unix_seconds) {
  store::StaffResult<RunnableSession> run = SessionToRun(readers, authorization, session_id, now_unix_seconds);
  if (!run) return {"", std::move(run.error)};
  std::optional<std::vector<std::string>> members;
  std::string error;
  const bool read =
      readers.With([&](const store::Database& db) { members = store::SessionMembers(db, session_id, error); }, error);
  if (!read || !members) return {"", OurFault()};
  const store::SessionInfo& s = run.value->session;
  return {core::DumpJson(json{{"id", s.id},
                              {"name", s.name},
                              {"theme", s.theme},
                              {"state", std::string(store::SessionStateName(s.state))},
                              {"room_code", core::DisplayRoomCode(s.room_code)},
                              {"members", *members}}),
          std::nullopt};
}

}  // namespace server
