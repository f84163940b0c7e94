// What the staff screens show of co-production sessions: the login form, a member of staff's
// sessions, a new session's form, one session's board and its summary. Plain data, filled by
// staff_data.cpp from the server's answers (wire shapes: src/server/session_api.cpp and the
// board and summary routes beside it). Nothing here is kept on the device: tablets are
// shared, so a login lives in memory only, and its token not even here (ClientData holds it,
// out of the screens' reach). Start at StaffState.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/officer_state.h"
#include "core/map_math.h"
#include "core/model.h"

enum class StaffRole : std::uint8_t { YouthWorker, Officer };
// A session's state, for its youth worker and for a young person in its group.
enum class SessionState : std::uint8_t { Open, Paused, Ended };

// As the server names it: "open", "paused", "ended"; a name it does not know reads as open.
inline std::string_view SessionStateName(SessionState state) {
  return state == SessionState::Paused ? "paused" : state == SessionState::Ended ? "ended" : "open";
}
inline SessionState SessionStateFromName(std::string_view name) {
  return name == "paused" ? SessionState::Paused : name == "ended" ? SessionState::Ended : SessionState::Open;
}

// One of a member of staff's sessions (GET /api/v1/sessions), newest first.
struct StaffSession {
  std::string id;
  std::string name;
  std::string theme;
  SessionState state = SessionState::Open;
  std::string room_code;        // "KXM-4P7"
  std::int64_t created_at = 0;  // unix seconds
  int members = 0;              // in the group now
};

// One thing a young person added in the session, as the board shows it.
enum class BoardItemKind : std::uint8_t { Rating, Suggestion };
enum class BoardItemStatus : std::uint8_t {
  Waiting,   // a suggestion waiting for an officer's check
  OnMap,     // a rating of a place on the map, or a suggestion an officer approved
  NotAdded,  // a suggestion an officer did not add
};
struct BoardItem {
  std::string id;  // the rating's or suggestion's id: what "Hide" names
  BoardItemKind kind = BoardItemKind::Rating;
  std::string place_id;
  std::string place_name;
  core::Category category = core::Category::Other;
  double lat = 0, lon = 0;
  std::string nickname;  // "Brave Otter"
  BoardItemStatus status = BoardItemStatus::OnMap;
  int faces = 0;  // 1..5: the mean of the scales answered; 0 when none was
};

// GET /api/v1/sessions/{id}/board: the whole board at `version`.
struct Board {
  int version = -1;  // -1 until the first answer
  std::string id;
  std::string name;
  std::string theme;
  SessionState state = SessionState::Open;
  std::string room_code;  // "KXM-4P7"
  std::string join_path;  // "/join/KXM4P7"
  core::LatLonBounds area;
  std::vector<std::string> members;  // nicknames, in the order they joined
  int goal_done = 0, goal_target = 0;
  int hidden = 0;                    // items the facilitator hid
  std::vector<BoardItem> items;      // newest first, hidden ones left out
};

// GET /api/v1/sessions/{id}/summary: what the group said, to take away.
struct FacilityCounts {
  int yes = 0, no = 0, not_sure = 0;
};
struct SummaryPlace {
  std::string place_id;
  std::string name;
  core::Category category = core::Category::Other;
  BoardItemStatus status = BoardItemStatus::OnMap;
  bool suggested = false;  // suggested in this session
  int ratings = 0;
  std::array<std::optional<double>, core::kScaleCount> scales{};  // mean faces, one decimal; by core::IndexOf
  std::array<FacilityCounts, core::kFacilityCount> facilities{};  // by core::IndexOf
};
struct SessionSummary {
  bool loaded = false;
  std::string id;
  std::string name;
  std::string theme;
  SessionState state = SessionState::Open;
  int people = 0, suggestions = 0, ratings = 0, places_count = 0, hidden = 0;
  std::vector<SummaryPlace> places;  // most ratings first
  struct Reason {
    std::string label;  // "The staff are kind"
    int count = 0;
  };
  std::vector<Reason> reasons;  // most first
  struct Word {
    std::string word;
    int count = 0;
  };
  std::vector<Word> common_words;  // most first
};

// The staff screens' text fields.
enum class StaffField : std::uint8_t { Username, Password, SessionName, SessionTheme };

struct StaffState {
  // Logging in (screen_staff_login.cpp).
  bool logged_in = false;
  StaffRole role = StaffRole::YouthWorker;
  std::string username;       // as typed
  std::string password;       // as typed; emptied as soon as it is sent
  bool logging_in = false;    // the login is on its way
  std::string login_message;  // why it did not work, or "Please log in again."; "" if nothing

  // Their sessions (screen_staff_home.cpp).
  std::vector<StaffSession> sessions;
  bool sessions_loaded = false;  // false: asked for when the home screen shows
  std::string sessions_message;  // why the list is not here; "" if nothing went wrong

  // A new session (screen_staff_start.cpp); its area is what the map shows.
  std::string new_name, new_theme;
  bool starting = false;      // the request is on its way
  std::string start_message;  // why it did not start; "" if nothing went wrong

  // The board of `session_id` (screen_board.cpp), asked for about once a second while it shows.
  std::string session_id;  // the session on the board or the summary
  Board board;
  bool connected = true;             // false after a failed poll, until one works
  bool confirm_end = false;          // "End the session for everyone?" is asked
  std::vector<std::string> hiding;   // items whose "Hide" is on its way
  std::string board_message;         // a change that did not work; "" if nothing went wrong
  bool camera_set = false;           // the board's map was fitted to the session's area
  double board_lat = 0, board_lon = 0, board_zoom = 13.0;  // the board's map
  std::string site;                  // "safespaces.example.org": where young people go to join

  // The summary of `session_id` (screen_session_summary.cpp).
  SessionSummary summary;
  std::string summary_message;  // a download that worked or did not; "" if none

  // A council officer's review, city picture, scheme, exports and accounts (officer_state.h).
  OfficerState officer;
};
