// This is the implementation of staff_data.h: the staff's requests, their answers in
// easy-read words, and reading the server's JSON kindly (an odd answer is never a throw).
//
// [SECTION] Reading answers
// [SECTION] Logging in and out
// [SECTION] Sessions and the board
// [SECTION] The summary
// [SECTION] Actions and the tick
#include "client/staff_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "client/client_data.h"
#include "client/officer_data.h"
#include "client/staff_wire.h"
#include "core/codec.h"
#include "core/validation.h"

namespace {

using nlohmann::json;
using namespace staff_wire;  // reading answers kindly: TextOf, SaidOr, ...

//-----------------------------------------------------------------------------
// [SECTION] Reading answers
//-----------------------------------------------------------------------------

BoardItemStatus StatusFromName(std::string_view name) {
  if (name == "waiting") return BoardItemStatus::Waiting;
  if (name == "not_added") return BoardItemStatus::NotAdded;
  return BoardItemStatus::OnMap;
}

}  // namespace

std::optional<std::vector<StaffSession>> ParseSessions(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("sessions") || !doc["sessions"].is_array()) return std::nullopt;
  std::vector<StaffSession> sessions;
  for (const json& row : doc["sessions"]) {
    if (!row.is_object() || TextOf(row, "id").empty()) continue;
    sessions.push_back({TextOf(row, "id"), TextOf(row, "name"), TextOf(row, "theme"),
                        SessionStateFromName(TextOf(row, "state")), TextOf(row, "room_code"), WholeOf(row, "created_at"),
                        CountOf(row, "members")});
  }
  return sessions;
}

std::optional<Board> ParseBoard(std::string_view body, bool& unchanged) {
  unchanged = false;
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("version") || !doc["version"].is_number_integer()) return std::nullopt;
  Board board;
  board.version = doc["version"].get<int>();
  if (doc.value("unchanged", json(false)) == true) {
    unchanged = true;
    return board;
  }
  if (TextOf(doc, "id").empty()) return std::nullopt;
  board.id = TextOf(doc, "id");
  board.name = TextOf(doc, "name");
  board.theme = TextOf(doc, "theme");
  board.state = SessionStateFromName(TextOf(doc, "state"));
  board.room_code = TextOf(doc, "room_code");
  board.join_path = TextOf(doc, "join_path");
  if (const auto area = doc.find("area"); area != doc.end() && area->is_object())
    board.area = {DegreesOf(*area, "south"), DegreesOf(*area, "west"), DegreesOf(*area, "north"),
                  DegreesOf(*area, "east")};
  for (const json& nickname : ListOf(doc, "members"))
    if (nickname.is_string()) board.members.push_back(nickname.get<std::string>());
  if (const auto goal = doc.find("goal"); goal != doc.end() && goal->is_object()) {
    board.goal_done = CountOf(*goal, "done");
    board.goal_target = CountOf(*goal, "target");
  }
  board.hidden = CountOf(doc, "hidden");
  for (const json& row : ListOf(doc, "items")) {
    if (!row.is_object() || TextOf(row, "id").empty()) continue;
    BoardItem item;
    item.id = TextOf(row, "id");
    item.kind = TextOf(row, "kind") == "suggestion" ? BoardItemKind::Suggestion : BoardItemKind::Rating;
    item.place_id = TextOf(row, "place_id");
    item.place_name = TextOf(row, "place_name", "A place");
    item.category = CategoryOf(row);
    item.lat = DegreesOf(row, "lat");
    item.lon = DegreesOf(row, "lon");
    item.nickname = TextOf(row, "nickname", "Someone");
    item.status = StatusFromName(TextOf(row, "status"));
    item.faces = std::clamp(CountOf(row, "faces"), 0, 5);
    board.items.push_back(std::move(item));
  }
  return board;
}

std::optional<SessionSummary> ParseSummary(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || TextOf(doc, "id").empty()) return std::nullopt;
  SessionSummary summary;
  summary.loaded = true;
  summary.id = TextOf(doc, "id");
  summary.name = TextOf(doc, "name");
  summary.theme = TextOf(doc, "theme");
  summary.state = SessionStateFromName(TextOf(doc, "state"));
  if (const auto counts = doc.find("counts"); counts != doc.end() && counts->is_object()) {
    summary.people = CountOf(*counts, "people");
    summary.suggestions = CountOf(*counts, "suggestions");
    summary.ratings = CountOf(*counts, "ratings");
    summary.places_count = CountOf(*counts, "places");
    summary.hidden = CountOf(*counts, "hidden");
  }
  for (const json& row : ListOf(doc, "places")) {
    if (!row.is_object()) continue;
    SummaryPlace place;
    place.place_id = TextOf(row, "place_id");
    place.name = TextOf(row, "name", "A place");
    place.category = CategoryOf(row);
    place.status = StatusFromName(TextOf(row, "status"));
    place.suggested = row.value("suggested", json(false)) == true;
    place.ratings = CountOf(row, "ratings");
    if (const auto scales = row.find("scales"); scales != row.end() && scales->is_object())
      for (core::Scale scale : core::kAllScales)
        if (const auto mean = scales->find(std::string(core::ScaleName(scale)));
            mean != scales->end() && mean->is_number())
          place.scales[core::IndexOf(scale)] = mean->get<double>();
    if (const auto facilities = row.find("facilities"); facilities != row.end() && facilities->is_object())
      for (core::Facility facility : core::kAllFacilities)
        if (const auto counts = facilities->find(std::string(core::FacilityName(facility)));
            counts != facilities->end() && counts->is_object())
          place.facilities[core::IndexOf(facility)] = {CountOf(*counts, "yes"), CountOf(*counts, "no"),
                                                       CountOf(*counts, "not_sure")};
    summary.places.push_back(std::move(place));
  }
  for (const json& row : ListOf(doc, "reasons")) {
    if (!row.is_object()) continue;
    const std::optional<core::SafeReason> reason = core::SafeReasonFromName(TextOf(row, "reason"));
    std::string label = TextOf(row, "label");
    if (label.empty() && reason) label = std::string(core::SafeReasonLabel(*reason));
    if (!label.empty()) summary.reasons.push_back({std::move(label), CountOf(row, "count")});
  }
  for (const json& row : ListOf(doc, "common_words"))
    if (row.is_object() && !TextOf(row, "word").empty())
      summary.common_words.push_back({TextOf(row, "word"), CountOf(row, "count")});
  return summary;
}

std::string SummaryFileName(std::string_view session_name) {
  std::string name = "session-";
  bool gap = false;
  for (char c : session_name) {
    const auto letter = static_cast<unsigned char>(c);
    if (std::isalnum(letter) && letter < 0x80) {
      if (gap && name.back() != '-') name += '-';
      name += static_cast<char>(std::tolower(letter));
      gap = false;
    } else {
      gap = true;
    }
  }
  if (name.back() == '-') name.pop_back();
  return name.size() > 48 ? name.substr(0, 48) + ".csv" : name + ".csv";
}

//-----------------------------------------------------------------------------
// [SECTION] Logging in and out
//-----------------------------------------------------------------------------

int SendStaff(ClientData& data, const char* method, const std::string& path, const std::string& body) {
  const int id = data.next_request_id++;
  data.ports.staff_http(id, method, path, body, data.staff.token);
  return id;
}

namespace {


// Out of the staff screens, and forgets the login: the token, every request on its way
// (their answers are ignored) and everything the staff screens showed.
void EndLogin(AppState& state, ClientData& data, std::string message) {
  data.staff = StaffConnection{};
  state.staff = StaffState{};
  state.staff.login_message = std::move(message);
  std::erase_if(state.back_stack, IsStaffScreen);
  state.screen = Screen::StaffLogin;
}

}  // namespace

void EndStaffLogin(AppState& state, ClientData& data) { EndLogin(state, data, kLogInAgain); }

namespace {

void StartLogin(AppState& state, ClientData& data) {
  StaffState& staff = state.staff;
  if (staff.logging_in) return;
  const std::string username = core::TrimText(staff.username);
  if (username.empty() || staff.password.empty()) {
    staff.login_message = username.empty() ? "Please type your username." : "Please type your password.";
    return;
  }
  if (!data.ports.online()) {
    staff.login_message = "You need the internet to log in. Try again when you are online.";
    return;
  }
  staff.login_message.clear();
  staff.logging_in = true;
  data.staff.token.clear();
  data.staff.login_request = SendStaff(data, "POST", "/api/v1/staff/login",
                                       core::DumpJson(json{{"username", username}, {"password", staff.password}}));
  staff.password.clear();  // never kept longer than it takes to send
}

void HandleLogin(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.staff.login_request = 0;
  StaffState& staff = state.staff;
  staff.logging_in = false;
  if (answer.status == 200) {
    if (const std::string token = FieldOfAnswer(answer, "token"); !token.empty()) {
      data.staff.token = token;
      staff.logged_in = true;
      staff.role = FieldOfAnswer(answer, "role") == "officer" ? StaffRole::Officer : StaffRole::YouthWorker;
      staff.sessions_loaded = false;
      data.staff.sessions_due = 0.0;
      state.screen = Screen::StaffHome;  // in place of the login: Back goes where they came from
      return;
    }
    staff.login_message = kTryLater;
    return;
  }
  switch (answer.status) {
    case 401:
      staff.login_message = SaidOr(answer, "That username and password do not match. Please check them and try again.");
      break;
    case 423: staff.login_message = SaidOr(answer, "Too many wrong tries. Please wait 15 minutes, or ask an officer."); break;
    case 429:
      staff.login_message =
          SaidOr(answer, "That was a lot of tries in a short time. Please wait a minute, then try again.");
      break;
    case 403: staff.login_message = SaidOr(answer, "This account is switched off. Please ask an officer."); break;
    case 0: staff.login_message = kNotReached; break;
    default: staff.login_message = SaidOr(answer, kTryLater); break;
  }
}

void LogOut(AppState& state, ClientData& data) {
  if (!data.staff.token.empty()) SendStaff(data, "POST", "/api/v1/staff/logout");  // its answer changes nothing
  EndLogin(state, data, "You have logged out. Nothing of your login stays on this device.");
}

//-----------------------------------------------------------------------------
// [SECTION] Sessions and the board
//-----------------------------------------------------------------------------

std::string SessionPath(const std::string& session_id, const char* rest = "") {
  return "/api/v1/sessions/" + session_id + rest;
}

void StartSession(AppState& state, ClientData& data, const core::LatLonBounds& area) {
  StaffState& staff = state.staff;
  if (staff.starting) return;
  const std::string name = core::TrimText(staff.new_name);
  if (name.empty()) {
    staff.start_message = "Please give the session a name.";
    return;
  }
  json body{{"name", name},
            {"area", {{"south", area.south}, {"west", area.west}, {"north", area.north}, {"east", area.east}}}};
  if (const std::string theme = core::TrimText(staff.new_theme); !theme.empty()) body["theme"] = theme;
  staff.start_message.clear();
  staff.starting = true;
  data.staff.start_request = SendStaff(data, "POST", "/api/v1/sessions", core::DumpJson(body));
}

// Shows the board of `session_id` from scratch: its first poll goes now.
void OpenBoard(AppState& state, ClientData& data, const std::string& session_id) {
  StaffState& staff = state.staff;
  staff.session_id = session_id;
  staff.board = Board{};
  staff.connected = true;
  staff.confirm_end = false;
  staff.hiding.clear();
  staff.board_message.clear();
  staff.camera_set = false;
  staff.sessions_loaded = false;  // their list again when they come back: it may have changed
  staff.site = data.ports.site_address ? data.ports.site_address() : std::string();
  data.staff.board_request = 0;  // an answer on its way is for another board
  data.staff.changes.clear();
  data.staff.board_due = 0.0;
}

void HandleStart(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.staff.start_request = 0;
  StaffState& staff = state.staff;
  staff.starting = false;
  if (const std::string id = FieldOfAnswer(answer, "id"); !id.empty()) {
    staff.new_name.clear();
    staff.new_theme.clear();
    OpenBoard(state, data, id);
    state.screen = Screen::StaffBoard;  // in place of the form: Back goes to their sessions
    return;
  }
  staff.start_message = answer.status == 0 ? kNotReached : SaidOr(answer, kTryLater);
}

void HandleSessions(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.staff.sessions_request = 0;
  StaffState& staff = state.staff;
  std::optional<std::vector<StaffSession>> sessions =
      answer.status == 200 ? ParseSessions(answer.body) : std::nullopt;
  if (!sessions) {
    staff.sessions_message = answer.status == 0 ? "Not connected: trying again." : SaidOr(answer, kTryLater);
    data.staff.sessions_due = data.ports.now_seconds() + kSessionsRetrySeconds;
    return;
  }
  staff.sessions = std::move(*sessions);
  staff.sessions_loaded = true;
  staff.sessions_message.clear();
}

void HandleBoard(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.staff.board_request = 0;
  StaffState& staff = state.staff;
  const double now = data.ports.now_seconds();
  bool unchanged = false;
  std::optional<Board> board = answer.status == 200 ? ParseBoard(answer.body, unchanged) : std::nullopt;
  if (board) {
    staff.connected = true;
    data.staff.board_due = now + kBoardPollSeconds;
    if (unchanged) return;
    staff.board = std::move(*board);
    std::erase_if(staff.hiding, [&](const std::string& id) {
      return std::none_of(staff.board.items.begin(), staff.board.items.end(),
                          [&](const BoardItem& item) { return item.id == id; });
    });
    return;
  }
  if (answer.status == 403 || answer.status == 404) {  // not theirs, or gone: said, and asked again slowly
    staff.board_message = SaidOr(answer, "We could not find that session.");
    data.staff.board_due = now + kSessionsRetrySeconds;
    return;
  }
  staff.connected = false;  // "Not connected: trying again"
  data.staff.board_due = now + kBoardRetrySeconds;
}

void OpenSummary(AppState& state, ClientData& data, const std::string& session_id) {
  StaffState& staff = state.staff;
  staff.session_id = session_id;
  staff.summary = SessionSummary{};
  staff.summary_message.clear();
  staff.sessions_loaded = false;
  data.staff.csv_request = data.staff.page_request = 0;
  data.staff.summary_request = SendStaff(data, "GET", SessionPath(session_id, "/summary"));
}

void SendChange(AppState& state, ClientData& data, StaffChange change) {
  StaffState& staff = state.staff;
  if (staff.session_id.empty()) return;
  staff.board_message.clear();
  if (change.kind == StaffChange::Kind::Hide) {
    if (std::find(staff.hiding.begin(), staff.hiding.end(), change.item_id) != staff.hiding.end()) return;
    staff.hiding.push_back(change.item_id);
    change.request_id = SendStaff(data, "POST", SessionPath(staff.session_id, "/hide"),
                                  core::DumpJson(json{{"item_id", change.item_id}}));
  } else {
    staff.confirm_end = false;
    change.request_id = SendStaff(data, "POST", SessionPath(staff.session_id, "/state"),
                                  core::DumpJson(json{{"state", std::string(SessionStateName(change.state))}}));
  }
  data.staff.changes.push_back(std::move(change));
}

void HandleChange(AppState& state, ClientData& data, const StaffChange& change, const HttpAnswer& answer) {
  StaffState& staff = state.staff;
  if (change.kind == StaffChange::Kind::Hide) std::erase(staff.hiding, change.item_id);
  if (answer.status != 200) {
    staff.board_message = answer.status == 0 ? "Not connected: that did not happen. Please try again."
                                             : SaidOr(answer, "Sorry, that did not work. Please try again.");
    return;
  }
  data.staff.board_due = 0.0;  // the board again at once
  staff.sessions_loaded = false;
  if (change.kind == StaffChange::Kind::Hide) {
    std::erase_if(staff.board.items, [&](const BoardItem& item) { return item.id == change.item_id; });
    return;
  }
  staff.board.state = change.state;
  if (change.state == SessionState::Ended && state.screen == Screen::StaffBoard) {
    OpenSummary(state, data, staff.session_id);
    state.screen = Screen::StaffSummary;  // in place of the board: Back goes to their sessions
  }
}

//-----------------------------------------------------------------------------
// [SECTION] The summary
//-----------------------------------------------------------------------------

void HandleSummary(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.staff.summary_request = 0;
  StaffState& staff = state.staff;
  if (std::optional<SessionSummary> summary = answer.status == 200 ? ParseSummary(answer.body) : std::nullopt) {
    staff.summary = std::move(*summary);
    return;
  }
  staff.summary_message = answer.status == 0 ? kNotReached : SaidOr(answer, kTryLater);
}

// "Save as a spreadsheet" and "Open a page to print": the file, or why it did not come.
void HandleDownload(AppState& state, ClientData& data, const HttpAnswer& answer, bool spreadsheet) {
  (spreadsheet ? data.staff.csv_request : data.staff.page_request) = 0;
  StaffState& staff = state.staff;
  if (answer.status != 200) {
    staff.summary_message = answer.status == 0 ? kNotReached : SaidOr(answer, kTryLater);
    return;
  }
  if (spreadsheet) {
    const std::string file = SummaryFileName(staff.summary.name.empty() ? staff.session_id : staff.summary.name);
    data.ports.save_file(file, "text/csv", answer.body);
    staff.summary_message = "Saved as " + file + ". Open it with a spreadsheet program.";
  } else {
    data.ports.open_document(answer.body);
    staff.summary_message = "The page opened in a new tab. Print it from there.";
  }
}

void Download(AppState& state, ClientData& data, bool spreadsheet) {
  StaffState& staff = state.staff;
  int& request = spreadsheet ? data.staff.csv_request : data.staff.page_request;
  if (request != 0 || staff.session_id.empty()) return;
  staff.summary_message = spreadsheet ? "Getting the spreadsheet..." : "Getting the page...";
  request = SendStaff(data, "GET", SessionPath(staff.session_id, spreadsheet ? "/summary.csv" : "/summary.html"));
}

// Which of the staff's requests `answer` is for; false if none.
bool HandleAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  StaffConnection& link = data.staff;
  if (answer.request_id == 0) return false;
  if (answer.request_id == link.login_request) {
    HandleLogin(state, data, answer);
    return true;
  }
  const auto change = std::find_if(link.changes.begin(), link.changes.end(),
                                   [&](const StaffChange& c) { return c.request_id == answer.request_id; });
  const int waiting[] = {link.sessions_request, link.start_request, link.board_request,
                         link.summary_request, link.csv_request, link.page_request};
  const bool ours = change != link.changes.end() ||
                    std::find(std::begin(waiting), std::end(waiting), answer.request_id) != std::end(waiting);
  if (!ours) return false;
  if (answer.status == 401) {  // the login ended (8 hours, or logged out elsewhere)
    EndLogin(state, data, kLogInAgain);
    return true;
  }
  if (change != link.changes.end()) {
    const StaffChange done = *change;
    link.changes.erase(change);
    HandleChange(state, data, done, answer);
  } else if (answer.request_id == link.sessions_request) {
    HandleSessions(state, data, answer);
  } else if (answer.request_id == link.start_request) {
    HandleStart(state, data, answer);
  } else if (answer.request_id == link.board_request) {
    HandleBoard(state, data, answer);
  } else if (answer.request_id == link.summary_request) {
    HandleSummary(state, data, answer);
  } else {
    HandleDownload(state, data, answer, answer.request_id == link.csv_request);
  }
  return true;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Actions and the tick
//-----------------------------------------------------------------------------

bool ApplyStaffAction(AppState& state, ClientData& data, const Action& action) {
  StaffState& staff = state.staff;
  switch (action.kind) {
    case ActionKind::StaffTyped:
      switch (static_cast<StaffField>(action.index)) {
        case StaffField::Username: staff.username = action.text; break;
        case StaffField::Password: staff.password = action.text; break;
        case StaffField::SessionName: staff.new_name = action.text; break;
        case StaffField::SessionTheme: staff.new_theme = action.text; break;
      }
      if (static_cast<StaffField>(action.index) <= StaffField::Password) staff.login_message.clear();
      else staff.start_message.clear();
      return true;
    case ActionKind::StaffLogIn: StartLogin(state, data); return true;
    case ActionKind::StaffLogOut: LogOut(state, data); return true;
    case ActionKind::StaffStart: StartSession(state, data, action.area); return true;
    case ActionKind::StaffOpenBoard:
      OpenBoard(state, data, action.text);
      ApplyNavigation(state, {ActionKind::OpenScreen, Screen::StaffBoard});
      return true;
    case ActionKind::StaffOpenSummary:
      OpenSummary(state, data, action.text);
      ApplyNavigation(state, {ActionKind::OpenScreen, Screen::StaffSummary});
      return true;
    case ActionKind::StaffHide: SendChange(state, data, {0, StaffChange::Kind::Hide, action.text}); return true;
    case ActionKind::StaffSetState:
      SendChange(state, data,
                 {0, StaffChange::Kind::State, {}, static_cast<SessionState>(std::clamp(action.value, 0, 2))});
      return true;
    case ActionKind::StaffAskEnd: staff.confirm_end = action.value != 0; return true;
    case ActionKind::StaffMoveBoard:
      if (std::isfinite(action.lat) && std::isfinite(action.lon) && std::isfinite(action.zoom)) {
        staff.board_lat = core::ClampLatitude(action.lat);
        staff.board_lon = action.lon;
        staff.board_zoom = core::ClampZoom(action.zoom);
        staff.camera_set = true;
      }
      return true;
    case ActionKind::StaffSaveCsv: Download(state, data, true); return true;
    case ActionKind::StaffPrintPage: Download(state, data, false); return true;
    default: return ApplyOfficerAction(state, data, action);
  }
}

void StaffTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers) HandleAnswer(state, data, answer);
  OfficerTick(state, data, answers);
  StaffState& staff = state.staff;
  StaffConnection& link = data.staff;
  if (!staff.logged_in || link.token.empty()) return;
  const double now = data.ports.now_seconds();
  if (state.screen == Screen::StaffHome && !staff.sessions_loaded && link.sessions_request == 0 &&
      now >= link.sessions_due)
    link.sessions_request = SendStaff(data, "GET", "/api/v1/sessions");
  // The board asks what is new only while it is on screen: a projector left on another
  // screen costs the server nothing.
  if (state.screen == Screen::StaffBoard && !staff.session_id.empty() && link.board_request == 0 &&
      now >= link.board_due) {
    std::string path = SessionPath(staff.session_id, "/board");
    if (staff.board.version >= 0) path += "?since=" + std::to_string(staff.board.version);
    link.board_request = SendStaff(data, "GET", path);
    link.board_due = now + kBoardPollSeconds;
  }
}
