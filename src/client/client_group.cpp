// This is the implementation of client_group.h: the group kept on the device, the join,
// status and leave requests, and their answers in easy-read words.
//
// [SECTION] Kept on the device
// [SECTION] Joining and leaving
// [SECTION] Asking how the group is
#include "client/client_group.h"

#include <nlohmann/json.hpp>

#include "client/client_data.h"
#include "core/api_error.h"
#include "core/codec.h"
#include "core/room_code.h"
#include "core/validation.h"
#include "store/device_store.h"

namespace {

using nlohmann::json;

using store::kGroupKey;         // the group this device is in now
using store::kJoinedGroupsKey;  // every group it joined, for the game
constexpr std::string_view kJoinPathPrefix = "/join/";

// body[key] when it is text, else "" (a server's answer is read kindly: never a throw).
std::string Text(const json& body, const char* key) {
  const auto found = body.find(key);
  return found != body.end() && found->is_string() ? found->get<std::string>() : std::string();
}

int Whole(const json& body, const char* key) {
  const auto found = body.find(key);
  return found != body.end() && found->is_number_integer() ? found->get<int>() : 0;
}

const char* const kTryLater = "Sorry, something went wrong. Please try again in a little while.";

// [SECTION] Kept on the device

void SaveGroup(const AppState& state, ClientData& data) {
  const GroupState& group = state.group;
  const std::string saved =
      group.step == GroupStep::In
          ? core::DumpJson(json{{"session_id", group.session_id},
                                {"name", group.name},
                                {"theme", group.theme},
                                {"state", std::string(SessionStateName(group.state))}})
          : std::string();
  std::string error;
  if (store::SetDeviceMeta(data.db, kGroupKey, saved, error)) data.ports.persist();
}

// Adds the group to the groups this device joined (once each), for the game.
void RememberJoined(const std::string& session_id, ClientData& data) {
  json joined = json::parse(store::DeviceMeta(data.db, kJoinedGroupsKey), nullptr, false);
  if (!joined.is_array()) joined = json::array();
  for (const json& entry : joined)
    if (entry.is_object() && Text(entry, "id") == session_id) return;
  const std::string month =
      core::MonthText(core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes()));
  joined.push_back(json{{"id", session_id}, {"month", month}});
  std::string error;
  if (store::SetDeviceMeta(data.db, kJoinedGroupsKey, core::DumpJson(joined), error)) data.ports.persist();
}

// The error's own words when the server gave some, else `fallback`.
std::string ServerWords(const HttpAnswer& answer, const char* fallback) {
  const std::optional<core::ApiError> said = core::ErrorFromJson(answer.body);
  return said && !said->message.empty() ? said->message : fallback;
}

// [SECTION] Joining and leaving

void StartJoin(AppState& state, ClientData& data) {
  GroupState& group = state.group;
  if (group.step != GroupStep::Typing) return;
  const core::RoomCodeReading reading = core::NormaliseRoomCode(group.typed);
  if (!reading.code) {
    group.message = reading.message;
    return;
  }
  if (!data.ports.online()) {
    group.message = "You need the internet to join a group. Try again when you are online.";
    return;
  }
  group.message.clear();
  group.step = GroupStep::Asking;
  data.group_join_request_id = data.next_request_id++;
  data.ports.http(data.group_join_request_id, "POST", "/api/v1/sessions/join",
                  core::DumpJson(json{{"room_code", *reading.code},
                                      {"device_id", data.device_id},
                                      {"nickname", state.nickname}}));
}

void HandleJoinAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.group_join_request_id = 0;
  GroupState& group = state.group;
  group.step = GroupStep::Typing;
  if (answer.status == 200) {
    const json body = json::parse(answer.body, nullptr, false);
    if (body.is_object() && body.contains("session_id") && body["session_id"].is_string()) {
      group.session_id = body["session_id"].get<std::string>();
      group.name = Text(body, "name");
      group.theme = Text(body, "theme");
      group.state = SessionStateFromName(Text(body, "state"));
      group.goal_done = group.goal_target = 0;
      group.step = GroupStep::In;
      group.typed.clear();
      SaveGroup(state, data);
      RememberJoined(group.session_id, data);
      data.group_status_due = data.ports.now_seconds();  // the goal, straight away
      RefreshMine(state, data);                         // joining counts in the game
      if (state.preferences.sounds) data.ports.chime();
      return;
    }
    group.message = kTryLater;
  } else if (answer.status == 404) {
    group.message = "We could not find a group with that code. Check the code on the big screen and try again.";
  } else if (answer.status == 409) {
    group.message = "This group has ended. Ask your youth worker for the new code.";
  } else if (answer.status == 422 || answer.status == 429) {
    group.message = ServerWords(answer, kTryLater);
  } else if (answer.status == 0) {
    group.message = "You need the internet to join a group. Try again when you are online.";
  } else {
    group.message = kTryLater;
  }
}

// Leaving is one tap and happens at once on the device; the server is told if it can be.
// If it is not (offline), the server still lists the device until the group ends, but
// nothing more it sends carries the group's id.
void Leave(AppState& state, ClientData& data) {
  GroupState& group = state.group;
  if (group.step != GroupStep::In) return;
  if (group.state != GroupOpen::Ended)
    data.ports.http(data.next_request_id++, "POST", "/api/v1/sessions/leave",
                    core::DumpJson(json{{"session_id", group.session_id}, {"device_id", data.device_id}}));
  data.group_status_request_id = 0;  // an answer still on its way is for the group left
  group = GroupState{};
  SaveGroup(state, data);
}

// [SECTION] Asking how the group is

void HandleStatusAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.group_status_request_id = 0;
  data.group_status_due = data.ports.now_seconds() + kGroupStatusSeconds;
  GroupState& group = state.group;
  if (group.step != GroupStep::In) return;
  const GroupState before = group;
  if (answer.status == 404) {
    group.state = GroupOpen::Ended;  // removed: for the young person, it has ended
  } else if (answer.status == 200) {
    const json body = json::parse(answer.body, nullptr, false);
    if (!body.is_object()) return;
    group.state = SessionStateFromName(Text(body, "state"));
    if (body.find("member") != body.end() && body["member"] == false && group.state != GroupOpen::Ended) {
      group = GroupState{};  // left on another screen or removed: not in it any more
      group.message = "You are not in the group any more. You can join again with the code.";
    } else if (const auto goal = body.find("goal"); goal != body.end() && goal->is_object()) {
      group.goal_done = Whole(*goal, "done");
      group.goal_target = Whole(*goal, "target");
    }
  } else {
    return;  // offline or a fault: ask again later, keep what we knew
  }
  if (group.step != before.step || group.state != before.state) SaveGroup(state, data);
}

}  // namespace

void LoadGroup(AppState& state, ClientData& data) {
  GroupState& group = state.group;
  const json saved = json::parse(store::DeviceMeta(data.db, kGroupKey), nullptr, false);
  if (saved.is_object() && saved.contains("session_id") && saved["session_id"].is_string()) {
    group = GroupState{};
    group.step = GroupStep::In;
    group.session_id = saved["session_id"].get<std::string>();
    group.name = Text(saved, "name");
    group.theme = Text(saved, "theme");
    group.state = SessionStateFromName(Text(saved, "state"));
  }
  const std::string path = data.ports.start_path ? data.ports.start_path() : std::string();
  if (path.rfind(kJoinPathPrefix, 0) != 0 || group.step == GroupStep::In) return;
  group.typed = path.substr(kJoinPathPrefix.size(), core::kMaxRoomCodeText);
  if (state.first_run_done) {  // otherwise the welcome comes first, then this screen
    state.back_stack = {Screen::Home};
    state.screen = Screen::JoinGroup;
  }
}

bool ApplyGroupAction(AppState& state, ClientData& data, const Action& action) {
  switch (action.kind) {
    case ActionKind::JoinTyped:
      if (state.group.step == GroupStep::Typing) {
        state.group.typed = action.text.substr(0, core::kMaxRoomCodeText);
        state.group.message.clear();
      }
      return true;
    case ActionKind::JoinGroup: StartJoin(state, data); return true;
    case ActionKind::LeaveGroup: Leave(state, data); return true;
    default: return false;
  }
}

void GroupTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers) {
    if (answer.request_id == 0) continue;
    if (answer.request_id == data.group_join_request_id) HandleJoinAnswer(state, data, answer);
    if (answer.request_id == data.group_status_request_id) HandleStatusAnswer(state, data, answer);
  }
  const GroupState& group = state.group;
  if (group.step != GroupStep::In || group.state == GroupOpen::Ended || data.group_status_request_id != 0 ||
      !data.ports.online() || data.ports.now_seconds() < data.group_status_due)
    return;
  data.group_status_request_id = data.next_request_id++;
  data.ports.http(data.group_status_request_id, "POST", "/api/v1/sessions/status",
                  core::DumpJson(json{{"session_id", group.session_id}, {"device_id", data.device_id}}));
}

std::string SessionIdForNewItem(const AppState& state) {
  const GroupState& group = state.group;
  return group.step == GroupStep::In && group.state == GroupOpen::Open ? group.session_id : std::string();
}

std::vector<core::ProgressEvent> JoinedGroupEvents(ClientData& data) {
  std::vector<core::ProgressEvent> events;
  const json joined = json::parse(store::DeviceMeta(data.db, kJoinedGroupsKey), nullptr, false);
  if (!joined.is_array()) return events;
  for (const json& entry : joined) {
    if (!entry.is_object()) continue;
    core::ProgressEvent event;
    event.kind = core::ProgressEventKind::JoinedSession;
    event.item_id = Text(entry, "id");
    event.month = Text(entry, "month");
    if (!event.item_id.empty()) events.push_back(std::move(event));
  }
  return events;
}
