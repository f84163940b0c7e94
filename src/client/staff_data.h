// The staff side of co-production sessions, on the data side: a youth worker's or officer's
// login (its token in memory only, never in the device database: tablets are shared),
// their sessions, starting one, the board polled about once a second while it shows, hide,
// pause, resume and end, and the summary as a spreadsheet or a page to print. Every request
// goes through ClientPorts::staff_http with the token; a 401 on any of them ends the login
// ("Please log in again."). Screens draw AppState::staff; these run after each frame,
// called by client_data.cpp. Start at ApplyStaffAction, then StaffTick.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "client/app.h"
#include "client/officer_data.h"

struct ClientData;
struct HttpAnswer;

inline constexpr double kBoardPollSeconds = 1.0;   // how often a board on screen asks what is new
inline constexpr double kBoardRetrySeconds = 2.0;  // after a poll that did not get through
inline constexpr double kSessionsRetrySeconds = 5.0;  // after the list of sessions did not come

// A change to the board on its way: which, and to what.
struct StaffChange {
  int request_id = 0;
  enum class Kind { Hide, State } kind = Kind::Hide;
  std::string item_id;  // Hide
  SessionState state = SessionState::Open;  // State
};

// The staff side's part of ClientData: the login's token and the requests in flight (0 if none).
struct StaffConnection {
  std::string token;  // the bearer token of the login: memory only
  int login_request = 0;
  int sessions_request = 0;
  double sessions_due = 0.0;  // when to ask for the list (again)
  int start_request = 0;
  int board_request = 0;
  double board_due = 0.0;  // when the board asks what is new
  std::vector<StaffChange> changes;
  int summary_request = 0;
  int csv_request = 0;
  int page_request = 0;
  OfficerConnection officer;  // a council officer's requests (officer_data.h)
};

// A request of the logged-in member of staff, with their token; its id.
int SendStaff(ClientData& data, const char* method, const std::string& path, const std::string& body = {});
// After a 401: out of the staff screens, the login forgotten, "Please log in again."
void EndStaffLogin(AppState& state, ClientData& data);

// The staff's actions (ActionKind::Staff*, and Officer through officer_data.h); false for any other action.
bool ApplyStaffAction(AppState& state, ClientData& data, const Action& action);

// Handles the answers to the staff's requests, asks for the sessions when the home screen
// shows without them, and polls the board while it is on screen.
void StaffTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers);

// The server's answers, read; nullopt when a body is not that shape. ParseBoard reads both
// the whole board and {"unchanged": true, "version": V} (then only `version` is set and
// `unchanged` is true).
std::optional<std::vector<StaffSession>> ParseSessions(std::string_view body);
std::optional<Board> ParseBoard(std::string_view body, bool& unchanged);
std::optional<SessionSummary> ParseSummary(std::string_view body);

// "session-tuesday-group.csv": a file name from a session's name (letters and digits only).
std::string SummaryFileName(std::string_view session_name);
