// The client's state and the one way it changes. Screens draw from AppState and append
// intents to Actions; after the frame, ApplyActions (client_data.cpp) changes the state and
// writes to the device's store (STYLE.md rule 3). AppState is a plain struct a test can
// build. Start with DrawApp, then client_data.h.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "client/staff_state.h"
#include "client/ui/record.h"
#include "client/ui/theme.h"
#include "core/map_places.h"
#include "core/model.h"
#include "core/nickname.h"
#include "core/progress.h"
#include "core/sync_engine.h"
#include "core/sync_protocol.h"

class TileCache;  // client/map_tiles.h

// Where the map's pictures come from and the area it is about: GET /api/v1/config, kept on
// the device so the map works offline. Until a first visit has the server's answer the map
// is over Coventry with its places and no pictures: the device asks no tile server the
// council did not choose (a young person's address would reach it; the page's
// Content-Security-Policy would refuse it anyway).
struct MapConfig {
  std::string tile_url;  // "" fetches nothing
  std::string attribution = "Map pictures will show when you are online.";
  double home_lat = 52.4068, home_lon = -1.5197;  // "back to my area"
  double home_zoom = 13.0;
  int tile_min_zoom = 0, tile_max_zoom = 19;  // tiles that exist: deeper ones are stretched
  bool tile_bounded = false;                  // true: tiles exist only inside tile_bounds
  core::LatLonBounds tile_bounds;
  bool operator==(const MapConfig&) const = default;
};

enum class Screen {
  Welcome,        // first run: what this is, what happens to what you share, nickname, buddy
  Home,
  Map,            // the picture map
  PlaceList,      // the same places as a list, nearest the map's middle first
  RatePickPlace,  // "Which place did you go to?"
  RateQuestion,   // one question of a rating at a time
  RateDone,       // "Thank you!"
  PlaceCard,      // one place: what young people said about it
  MapFilters,     // "Choose what to show"
  SuggestPlace,   // one question of a suggestion at a time (SuggestionDraft::step)
  SuggestDone,    // "Thank you! A council worker will check your place"
  MyPlaces,
  JoinGroup,
  Settings,
  Progress,       // "My progress": the buddy, the level, badges earned and still to find
  Restore,        // "I have a restore code": type the four words, get your badges back
  Privacy,        // "Your privacy": what is kept, who sees it, for how long, your choices
  DeleteSent,     // "Delete everything I sent": what happens, "No, keep it" or "Yes, delete everything"
  // Staff (co-production sessions): reached from Settings, drawn on the whole window
  StaffLogin,     // "I am a youth worker or council officer": username and password
  StaffHome,      // "Start a group session" and their sessions
  StaffStart,     // a new session's name, theme and area
  StaffBoard,     // one session's board, for a projector
  StaffSummary,   // what the group said, to save or print
  // Council officers (issue 8): reached from the staff home after an officer's login
  OfficerReview,    // the review queue: suggestions and comments, one at a time beside a map
  OfficerCity,      // the city picture: charts of what young people say across the city
  OfficerScheme,    // places and the Safe Spaces scheme
  OfficerExports,   // the approved places and the audit log as files
  OfficerAccounts,  // staff accounts
};

// Staff (co-production sessions): the screens a young person never reaches by accident.
inline bool IsStaffScreen(Screen screen) {
  return screen == Screen::StaffLogin || screen == Screen::StaffHome || screen == Screen::StaffStart ||
         screen == Screen::StaffBoard || screen == Screen::StaffSummary || screen == Screen::OfficerReview ||
         screen == Screen::OfficerCity || screen == Screen::OfficerScheme || screen == Screen::OfficerExports ||
         screen == Screen::OfficerAccounts;
}

inline constexpr int kListPage = 30;  // places per page of the list

// Every screen, for tests that draw them all.
inline constexpr Screen kAllScreens[] = {Screen::Welcome, Screen::Home,         Screen::Map,       Screen::PlaceList,
                                         Screen::RatePickPlace,
                                         Screen::RateQuestion, Screen::RateDone,  Screen::PlaceCard,
                                         Screen::MapFilters,   Screen::SuggestPlace, Screen::SuggestDone,
                                         Screen::MyPlaces,
                                         Screen::JoinGroup,    Screen::Settings,
                                         Screen::Progress,     Screen::Restore,
                                         Screen::Privacy,      Screen::DeleteSent,
                                         // Staff (co-production sessions)
                                         Screen::StaffLogin, Screen::StaffHome, Screen::StaffStart,
                                         Screen::StaffBoard, Screen::StaffSummary,
                                         // Council officers
                                         Screen::OfficerReview, Screen::OfficerCity, Screen::OfficerScheme,
                                         Screen::OfficerExports, Screen::OfficerAccounts};

// Something this device sent, as "My places" shows it.
enum class SentState {
  Waiting,   // on this device, not sent yet
  Sent,      // a rating: sent; a suggestion: sent, waiting for a council worker's check
  OnTheMap,  // a suggestion approved (or merged into a place already on the map)
  NotAdded,  // refused by the server's rules, or not added by an officer: see message
};
struct MyContribution {
  core::OutboxKind kind = core::OutboxKind::Rating;
  std::string place_id;    // the place rated or suggested; for a merged suggestion, the place it became
  std::string place_name;  // as the device knows it ("a place" if not on its map)
  SentState state = SentState::Waiting;
  std::string message;     // when not added: the easy-read reason ("It is already on the map."), or ""
};

// A rating being answered, one question per screen: steps 0..5 are the scales, 6..13 the
// facilities, 14 an optional comment, 15 "when did you go?", 16 the summary to check and
// send. UI-only until it is sent.
struct RatingDraft {
  std::string place_id;
  std::string place_name;
  int step = 0;
  std::array<std::uint8_t, core::kScaleCount> scales{};
  std::array<core::Answer, core::kFacilityCount> facilities{};
  std::string comment;
  int months_ago = 0;  // when they went: 0 this month, 1 last month, 2 before that
};
inline constexpr int kRatingCommentStep = static_cast<int>(core::kScaleCount + core::kFacilityCount);
inline constexpr int kRatingWhenStep = kRatingCommentStep + 1;
inline constexpr int kRatingCheckStep = kRatingWhenStep + 1;
inline constexpr int kRatingSteps = kRatingCheckStep + 1;

// Which rating draft a rating question's answer goes to: the rating being answered, or the
// first rating of the place being suggested (both flows draw the same questions).
enum class RatingFor : std::uint8_t { Rating, Suggestion };

// A new place being suggested, one question per screen (screen_suggest.cpp). UI-only until
// it is sent; it stays while the young person goes elsewhere and comes back.
enum class SuggestStep : std::uint8_t {
  Where,   // the map with a pin in its middle: "This is the place", or "Use where I am"
  Nearby,  // "Is it one of these?": places on the map within kNearbyMetres; skipped if none.
           // Straight after the pin, so nobody answers questions about a place already there.
  Name,    // "What is it called?"
  Kind,    // "What kind of place is it?"
  Why,     // "Why is it a safe space?": reasons to tap, and words
  Rating,  // their first rating: the rating flow's questions (rating.step)
  Check,   // the summary to check, change and send
};
inline constexpr double kNearbyMetres = 100.0;  // metres: a place this close may be the same one
inline constexpr double kFoundMeZoom = 17.0;    // the map's zoom once "Use where I am" found them

// "Use where I am": off until asked; first a short explanation, then the phone's question.
enum class FindMe : std::uint8_t { Off, Explaining, Asking };

struct SuggestionDraft {
  SuggestStep step = SuggestStep::Where;
  bool changing = false;        // came from Check by "Change": Next and Back return there
  FindMe find_me = FindMe::Off;
  std::string where_message;    // the answer to "Use where I am", or why the pin can't go there
  bool placed = false;          // "This is the place" was tapped
  double lat = 0, lon = 0;      // the pin they chose (never the device's own position)
  std::string name;
  std::string name_problem;     // why "Next" was refused, shown under the field
  bool kind_chosen = false;
  core::Category category = core::Category::Other;
  std::vector<core::SafeReason> reasons;  // in the order of core::kAllSafeReasons
  std::string why;
  RatingDraft rating;           // their first rating of it
};

// How the young person likes the app; remembered on the device (client_data.cpp).
struct Preferences {
  ui::LookSettings look;       // text size, letters, contrast
  bool reduce_motion = false;  // first set from the browser's prefers-reduced-motion
  bool sounds = true;
  bool read_aloud = true;      // show "Read aloud" buttons
  bool operator==(const Preferences&) const = default;
};

// "I have a restore code" (screen_restore.cpp). UI-only, except what a restore writes.
enum class RestoreStep : std::uint8_t {
  Typing,   // the field and "Get my badges back"
  Asking,   // the request is on its way
  Done,     // "Welcome back! Your badges are here."
};
struct RestoreDraft {
  RestoreStep step = RestoreStep::Typing;
  std::string typed;    // "Your four words", as typed
  std::string message;  // why it did not work, in easy-read words; "" if nothing went wrong
};

// "Join a group" (screen_join.cpp, client_group.cpp): a youth worker's co-production
// session, joined with the room code from the big screen. While the group is open, what the
// young person adds carries the session's id and shows on the group's screen.
enum class GroupStep : std::uint8_t {
  Typing,   // not in a group: the code field and "Join"
  Asking,   // the join request is on its way
  In,       // in a group (open, paused or ended: see GroupState::state)
};
using GroupOpen = SessionState;  // open, paused or ended (staff_state.h: the same for staff)
struct GroupState {
  GroupStep step = GroupStep::Typing;
  std::string typed;       // the code as typed (or from the join link)
  std::string message;     // why joining did not work, in easy-read words; "" if nothing went wrong
  std::string session_id;  // when In
  std::string name;        // "After school, Hillfields"
  std::string theme;       // "places to go after school", or ""
  GroupOpen state = GroupOpen::Open;
  int goal_done = 0, goal_target = 0;  // the group's goal, from the server (0 target: not known yet)
};

// "Delete everything I sent" (screen_privacy.cpp; client_data.cpp sends it and forgets).
enum class EraseStep : std::uint8_t {
  Asking,    // what happens, "No, keep it" and "Yes, delete everything"
  Deleting,  // waiting for a sync in flight to end, then for the server's answer
  Done,      // "Done. Everything you sent is deleted."
};
struct EraseState {
  EraseStep step = EraseStep::Asking;
  std::string message;  // why nothing was deleted, in easy-read words; "" if nothing went wrong
};

struct AppState {
  Screen screen = Screen::Home;
  std::vector<Screen> back_stack;  // screens to return to, most recent last
  ui::FrameRecord ui_record;       // what the last frame showed

  // From the device's store, refreshed after every change (client_data.cpp).
  std::vector<core::PublicPlace> places;  // the public map, sorted by name
  int places_version = 0;                 // grows whenever `places` is read again
  int waiting_count = 0;                  // contributions not yet sent
  core::SyncStatus sync_status = core::SyncStatus::AllSent;
  int this_year = 2026, this_month = 1;  // the device's month now, for "When did you go?"

  Preferences preferences;

  // Who the young person is here: a nickname from word lists and a buddy, nothing more.
  std::string nickname;
  core::Companion companion = core::Companion::Cat;
  bool first_run_done = false;
  int welcome_step = 0;                       // 0 hello, 1 what happens, 2 nickname, 3 buddy
  std::array<std::string, 3> nickname_choices;
  std::vector<std::string> saved_place_ids;   // "My places", most recent first
  std::vector<MyContribution> contributions;  // what this device made, newest first
  std::string open_place_id;                  // the place card on screen
  core::MapFilter map_filter;                 // what the map and its list show
  int list_length = 30;                       // places the list shows before "Show more"
  double map_lat = 52.4068, map_lon = -1.5197;  // the middle of the map (Coventry's centre)
  double map_zoom = 13.0;                       // the map's zoom (fractional while pinching)
  MapConfig map_config;                         // tile source and area, from the server
  TileCache* tiles = nullptr;                   // the map's pictures (runtime owns it; null in most tests)

  RatingDraft rating;          // the rating being answered
  SuggestionDraft suggestion;  // the place being suggested
  std::string problem;         // something that went wrong, in easy-read words; "" if none

  // The four words that get this device's badges back on a new phone (never personal data),
  // "otter-maple-lantern-cocoa"; and whether a restore code may still be typed in: only
  // while this device has sent nothing of its own (what waits to send moves with it).
  std::string restore_code;
  bool can_restore = false;
  RestoreDraft restore;

  GroupState group;  // the co-production group this device is in, if any
  EraseState erase;  // "Delete everything I sent"

  // Staff (co-production sessions): a youth worker's or officer's login, sessions, board
  // and summary (staff_state.h); in memory only, never on the device.
  StaffState staff;

  // The game (core/progress.h), worked out on the device from what it sent, so it works
  // offline. A celebration shows over any screen when something new was earned.
  core::Progress progress;
  bool progress_known = false;  // false until first worked out: the first is not celebrated
  struct Celebration {
    bool showing = false;
    bool seen = false;                     // drawn once: it ends when they leave that screen
    double seen_at = 0.0;                  // ImGui's clock when first drawn, for its short entrance
    bool on_the_map = false;               // "Your place is on the map!"
    std::vector<std::string> badge_ids;    // new badges
    int level = 0;                         // a new level's number, 0 if none
  } celebration;
};

enum class ActionKind {
  OpenScreen,
  Back,
  GoHome,
  StartRating,    // place_id
  AnswerScale,    // index, value (0 = skip)
  AnswerFacility, // index, answer
  RatingStep,     // value: the step to show
  RatingComment,  // text
  RatingWhen,     // value: months ago
  SendRating,
  SetPreferences,  // preferences
  ReadAloud,       // text
  OpenPlace,       // place_id
  SavePlace,       // place_id, value 1 to save, 0 to take off the list
  Directions,      // place_id
  SetMapFilter,    // filter
  ShowMorePlaces,
  WelcomeStep,       // value
  ChooseNickname,    // text
  ShuffleNicknames,
  ChooseCompanion,   // value
  FinishWelcome,
  CloseCelebration,
  CelebrationSeen,
  MoveMap,         // lat, lon, zoom: the map's new middle and zoom
  SuggestGoTo,     // value: the SuggestStep to show ("Change" on the summary)
  SuggestNext,     // the next question, once this one is answered
  SuggestBack,     // the question before (or out of the journey)
  SuggestHere,     // "This is the place": the middle of the map becomes the pin
  SuggestFindMe,   // value: the FindMe state wanted (Asking asks the phone)
  SuggestName,     // text
  SuggestKind,     // value: the category
  SuggestReason,   // index: the SafeReason, value 1 to choose it, 0 to take it off
  SuggestWhy,      // text
  SendSuggestion,
  RestoreTyped,    // text: "Your four words" as typed
  Restore,         // "Get my badges back" with the typed words
  JoinTyped,       // text: the group code as typed
  JoinGroup,       // "Join" with the typed code
  LeaveGroup,      // "Leave the group" (also "OK" once a group has ended)
  AskErase,        // opens "Delete everything I sent" (a new question unless one is on its way)
  EraseEverything, // "Yes, delete everything"
  // Staff (co-production sessions): applied by staff_data.cpp
  StaffTyped,        // index: the StaffField, text
  StaffLogIn,
  StaffLogOut,
  StaffStart,        // area: the map's visible bounds
  StaffOpenBoard,    // text: the session id
  StaffOpenSummary,  // text: the session id
  StaffHide,         // text: the item id
  StaffSetState,     // value: the SessionState wanted
  StaffAskEnd,       // value 1: ask "End the session for everyone?"; 0: do not
  StaffMoveBoard,    // lat, lon, zoom: the board's map
  StaffSaveCsv,
  StaffPrintPage,
  Officer,  // index: the OfficerVerb; its details in text, value, review and lat/lon/zoom (officer_data.cpp)
};

struct Action {
  ActionKind kind = ActionKind::Back;
  Screen screen = Screen::Home;
  std::string place_id;
  int index = 0;
  int value = 0;
  core::Answer answer = core::Answer::Unanswered;
  Preferences preferences;
  std::string text;
  core::MapFilter filter;
  double lat = 0, lon = 0, zoom = 0;  // MoveMap
  RatingFor draft = RatingFor::Rating;  // AnswerScale, AnswerFacility, RatingStep, RatingComment, RatingWhen
  core::LatLonBounds area;              // StaffStart (staff: co-production sessions)
  ReviewFilter review;                  // Officer SetFilter
};

struct Actions {
  std::vector<Action> items;
  void OpenScreen(Screen screen) { items.push_back({ActionKind::OpenScreen, screen}); }
  void Back() { items.push_back({ActionKind::Back}); }
  void GoHome() { items.push_back({ActionKind::GoHome}); }
  void StartRating(const std::string& place_id) { items.push_back({ActionKind::StartRating, {}, place_id}); }
  void AnswerScale(int index, int value, RatingFor draft = RatingFor::Rating) {
    Rated({ActionKind::AnswerScale, {}, {}, index, value}, draft);
  }
  void AnswerFacility(int index, core::Answer answer, RatingFor draft = RatingFor::Rating) {
    Rated({ActionKind::AnswerFacility, {}, {}, index, 0, answer}, draft);
  }
  void RatingStep(int step, RatingFor draft = RatingFor::Rating) {
    Rated({ActionKind::RatingStep, {}, {}, 0, step}, draft);
  }
  void RatingWhen(int months_ago, RatingFor draft = RatingFor::Rating) {
    Rated({ActionKind::RatingWhen, {}, {}, 0, months_ago}, draft);
  }
  void RatingComment(std::string text, RatingFor draft = RatingFor::Rating) {
    Action action{ActionKind::RatingComment};
    action.text = std::move(text);
    Rated(std::move(action), draft);
  }
  void Rated(Action action, RatingFor draft) {
    action.draft = draft;
    items.push_back(std::move(action));
  }
  void SendRating() { items.push_back({ActionKind::SendRating}); }
  void SetPreferences(const Preferences& preferences) {
    Action action{ActionKind::SetPreferences};
    action.preferences = preferences;
    items.push_back(std::move(action));
  }
  void OpenPlace(const std::string& place_id) { items.push_back({ActionKind::OpenPlace, {}, place_id}); }
  void SavePlace(const std::string& place_id, bool saved) {
    items.push_back({ActionKind::SavePlace, {}, place_id, 0, saved ? 1 : 0});
  }
  void Directions(const std::string& place_id) { items.push_back({ActionKind::Directions, {}, place_id}); }
  void ShowMorePlaces() { items.push_back({ActionKind::ShowMorePlaces}); }
  void WelcomeStep(int step) { items.push_back({ActionKind::WelcomeStep, {}, {}, 0, step}); }
  void ChooseNickname(std::string nickname) {
    Action action{ActionKind::ChooseNickname};
    action.text = std::move(nickname);
    items.push_back(std::move(action));
  }
  void ShuffleNicknames() { items.push_back({ActionKind::ShuffleNicknames}); }
  void ChooseCompanion(core::Companion companion) {
    items.push_back({ActionKind::ChooseCompanion, {}, {}, 0, static_cast<int>(companion)});
  }
  void FinishWelcome() { items.push_back({ActionKind::FinishWelcome}); }
  void CloseCelebration() { items.push_back({ActionKind::CloseCelebration}); }
  void CelebrationSeen(double at) {
    Action action{ActionKind::CelebrationSeen};
    action.lat = at;  // (the one number it needs: ImGui's clock)
    items.push_back(std::move(action));
  }
  void SetMapFilter(const core::MapFilter& filter) {
    Action action{ActionKind::SetMapFilter};
    action.filter = filter;
    items.push_back(std::move(action));
  }
  void MoveMap(double lat, double lon, double zoom) { Camera(ActionKind::MoveMap, lat, lon, zoom); }
  void Camera(ActionKind kind, double lat, double lon, double zoom) {  // a map's new middle and zoom
    Action action{kind};
    action.lat = lat;
    action.lon = lon;
    action.zoom = zoom;
    items.push_back(std::move(action));
  }
  void ReadAloud(std::string text) {
    Action action{ActionKind::ReadAloud};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void SuggestGoTo(SuggestStep step) { items.push_back({ActionKind::SuggestGoTo, {}, {}, 0, static_cast<int>(step)}); }
  void SuggestNext() { items.push_back({ActionKind::SuggestNext}); }
  void SuggestBack() { items.push_back({ActionKind::SuggestBack}); }
  void SuggestHere() { items.push_back({ActionKind::SuggestHere}); }
  void SuggestFindMe(FindMe find_me) {
    items.push_back({ActionKind::SuggestFindMe, {}, {}, 0, static_cast<int>(find_me)});
  }
  void SuggestName(std::string text) {
    Action action{ActionKind::SuggestName};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void SuggestKind(core::Category category) {
    items.push_back({ActionKind::SuggestKind, {}, {}, 0, static_cast<int>(category)});
  }
  void SuggestReason(core::SafeReason reason, bool chosen) {
    items.push_back({ActionKind::SuggestReason, {}, {}, static_cast<int>(reason), chosen ? 1 : 0});
  }
  void SuggestWhy(std::string text) {
    Action action{ActionKind::SuggestWhy};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void SendSuggestion() { items.push_back({ActionKind::SendSuggestion}); }
  void RestoreTyped(std::string text) {
    Action action{ActionKind::RestoreTyped};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void Restore() { items.push_back({ActionKind::Restore}); }
  void JoinTyped(std::string text) {
    Action action{ActionKind::JoinTyped};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void JoinGroup() { items.push_back({ActionKind::JoinGroup}); }
  void LeaveGroup() { items.push_back({ActionKind::LeaveGroup}); }
  void AskErase() { items.push_back({ActionKind::AskErase}); }
  void EraseEverything() { items.push_back({ActionKind::EraseEverything}); }
  // Staff (co-production sessions)
  void StaffTyped(StaffField field, std::string text) {
    Action action{ActionKind::StaffTyped, {}, {}, static_cast<int>(field)};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void StaffLogIn() { items.push_back({ActionKind::StaffLogIn}); }
  void StaffLogOut() { items.push_back({ActionKind::StaffLogOut}); }
  void StaffStart(const core::LatLonBounds& area) {
    Action action{ActionKind::StaffStart};
    action.area = area;
    items.push_back(std::move(action));
  }
  void StaffOpenBoard(const std::string& session_id) { Staff(ActionKind::StaffOpenBoard, session_id); }
  void StaffOpenSummary(const std::string& session_id) { Staff(ActionKind::StaffOpenSummary, session_id); }
  void StaffHide(const std::string& item_id) { Staff(ActionKind::StaffHide, item_id); }
  void StaffSetState(SessionState state) {
    items.push_back({ActionKind::StaffSetState, {}, {}, 0, static_cast<int>(state)});
  }
  void StaffAskEnd(bool ask) { items.push_back({ActionKind::StaffAskEnd, {}, {}, 0, ask ? 1 : 0}); }
  void StaffMoveBoard(double lat, double lon, double zoom) { Camera(ActionKind::StaffMoveBoard, lat, lon, zoom); }
  void StaffSaveCsv() { items.push_back({ActionKind::StaffSaveCsv}); }
  void StaffPrintPage() { items.push_back({ActionKind::StaffPrintPage}); }
  void Staff(ActionKind kind, std::string text) {
    Action action{kind};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  // Council officers (issue 8)
  void Officer(OfficerVerb verb, std::string text = {}, int value = 0) {
    Action action{ActionKind::Officer, {}, {}, static_cast<int>(verb), value};
    action.text = std::move(text);
    items.push_back(std::move(action));
  }
  void Officer(OfficerVerb verb, int value) { Officer(verb, {}, value); }
  void OfficerTyped(OfficerField field, std::string text) {
    Officer(OfficerVerb::Typed, std::move(text), static_cast<int>(field));
  }
  void OfficerFilter(const ReviewFilter& filter) {
    Action action{ActionKind::Officer, {}, {}, static_cast<int>(OfficerVerb::SetFilter)};
    action.review = filter;
    items.push_back(std::move(action));
  }
  void OfficerMoveMap(double lat, double lon, double zoom) {
    Camera(ActionKind::Officer, lat, lon, zoom);
    items.back().index = static_cast<int>(OfficerVerb::MoveMap);
  }
};

// The place with this id on the device's map, or nullptr.
const core::PublicPlace* FindPlace(const AppState& state, const std::string& place_id);

// Draws the current screen (inside an ImGui frame) and records it into state.ui_record.
void DrawApp(AppState& state, Actions& actions);

// Applies the navigation intents that need no store (the rest: client_data.h).
// Returns false for an action it does not handle.
bool ApplyNavigation(AppState& state, const Action& action);
