// Tests of the staff side of group sessions, drawn headless with the real data side and
// fake server answers (the server's own tests: server_session_test.cpp): the way in from
// Settings, login and each of its errors in plain words, the token sent as bearer and kept
// nowhere on the device, a new session sending the map's visible edges, the board drawn from
// an answer and polled with ?since= once a second only while it shows, hide, pause, resume
// and end, the summary saved as a spreadsheet and opened as a page, a 401 ending the login,
// and every item finger-sized with an icon and words, on a projector and a tablet.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "client/map_tiles.h"
#include "client/staff_data.h"
#include "ui_harness.h"
#include "ui_staff_helpers.h"

namespace {

using nlohmann::json;
using namespace staff_test;

std::string SessionsBody() {
  return json{{"sessions",
               {{{"id", "S1"}, {"name", "Tuesday group"}, {"theme", "places to go after school"}, {"state", "open"},
                 {"room_code", "KXM-4P7"}, {"created_at", 1795737600}, {"members", 5}},
                {{"id", "S0"}, {"name", "Half term"}, {"theme", ""}, {"state", "ended"}, {"room_code", "HWT-9QA"},
                 {"created_at", 1795000000}, {"members", 0}}}}}
      .dump();
}

json BoardJson(int version) {
  return {{"version", version},
          {"id", "S1"},
          {"name", "Tuesday group"},
          {"theme", "places to go after school"},
          {"state", "open"},
          {"room_code", "KXM-4P7"},
          {"join_path", "/join/KXM4P7"},
          {"area", {{"south", 52.39}, {"west", -1.54}, {"north", 52.42}, {"east", -1.49}}},
          {"members", {"Brave Otter", "Calm Fox"}},
          {"goal", {{"done", 12}, {"target", 30}}},
          {"hidden", 0},
          {"items",
           {{{"id", "r1"}, {"kind", "rating"}, {"place_id", "p1"}, {"place_name", "Central Library"},
             {"category", "library"}, {"lat", 52.4071}, {"lon", -1.5190}, {"nickname", "Brave Otter"},
             {"status", "on_map"}, {"faces", 4}},
            {{"id", "s1"}, {"kind", "suggestion"}, {"place_id", "s1"}, {"place_name", "Hillfields Park"},
             {"category", "park"}, {"lat", 52.4100}, {"lon", -1.5000}, {"nickname", "Calm Fox"},
             {"status", "waiting"}, {"faces", 0}},
            {{"id", "r2"}, {"kind", "rating"}, {"place_id", "p1"}, {"place_name", "Central Library"},
             {"category", "library"}, {"lat", 52.4071}, {"lon", -1.5190}, {"nickname", "Calm Fox"},
             {"status", "on_map"}, {"faces", 5}}}}};
}

// Logged in, on the board of S1 drawn from BoardJson(7).
void OpenBoard(UiHarness& ui) {
  LogIn(ui);
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Open board"));
  REQUIRE(ui.state.screen == Screen::StaffBoard);
  const SentRequest poll = AnswerStaff(ui, 200, BoardJson(7).dump());
  REQUIRE(poll.path == "/api/v1/sessions/S1/board");
  ui.Frame();
}

std::string SummaryBody() {
  json scales = json::object();
  for (core::Scale scale : core::kAllScales) scales[std::string(core::ScaleName(scale))] = nullptr;
  scales["welcome"] = 4.2;
  scales["quiet"] = 2.5;
  return json{{"id", "S1"},
              {"name", "Tuesday group"},
              {"theme", "places to go after school"},
              {"state", "ended"},
              {"started_at", 1795737600},
              {"ended_at", 1795741200},
              {"counts", {{"people", 5}, {"suggestions", 1}, {"ratings", 2}, {"places", 2}, {"hidden", 1}}},
              {"places",
               {{{"place_id", "p1"}, {"name", "Central Library"}, {"category", "library"}, {"status", "on_map"},
                 {"suggested", false}, {"ratings", 2}, {"scales", scales},
                 {"facilities", {{"step_free", {{"yes", 2}, {"no", 0}, {"not_sure", 1}}}}}},
                {{"place_id", "s1"}, {"name", "Hillfields Park"}, {"category", "park"}, {"status", "waiting"},
                 {"suggested", true}, {"ratings", 1}, {"scales", json::object()}, {"facilities", json::object()}}}},
              {"reasons", {{{"reason", "kind_staff"}, {"label", "The staff are kind"}, {"count", 3}}}},
              {"common_words", {{{"word", "quiet"}, {"count", 3}}, {{"word", "friendly"}, {"count", 2}}}}}
      .dump();
}

// Every value of every table of the device's database, as text.
std::string EverythingOnTheDevice(UiHarness& ui) {
  std::string all;
  store::Statement tables = ui.data->db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  std::vector<std::string> names;
  while (tables.Step() == store::StepResult::Row) names.emplace_back(tables.ColumnText(0));
  for (const std::string& table : names) {
    store::Statement rows = ui.data->db.Prepare("SELECT * FROM \"" + table + "\"");
    while (rows.Step() == store::StepResult::Row)
      for (int column = 0; column < rows.ColumnCount(); ++column)
        if (!rows.ColumnIsNull(column)) all += std::string(rows.ColumnBlob(column)) + "\n";
  }
  return all;
}

}  // namespace

TEST_CASE("staff log in from Settings; the token goes as bearer and is kept nowhere on the device",
          "[ui][staff][login]") {
  UiHarness ui;
  OpenLogin(ui);
  TypeLogin(ui);
  // The password shows as dots, and the record (the page's mirror) never holds it.
  const ui::Item* field = ui.state.ui_record.Find(ui::Role::TextBox, "Password");
  REQUIRE(field);
  CHECK(field->password);
  CHECK(field->value == ui::kHiddenText);
  CHECK(ui::RecordToJson(ui.state.ui_record).find(kPassword) == std::string::npos);

  REQUIRE(ui.Tap("Log in"));
  REQUIRE(ui.staff_requests.size() == 1);
  const SentRequest& login = ui.staff_requests[0];
  CHECK(login.method == std::string("POST"));
  CHECK(login.path == "/api/v1/staff/login");
  CHECK(login.bearer_token.empty());
  CHECK(json::parse(login.body) == json{{"username", "sam.jones"}, {"password", kPassword}});
  CHECK(ui.state.staff.password.empty());  // not kept once sent
  AnswerStaff(ui, 200, json{{"token", kToken}, {"role", "youth_worker"}, {"expires_at", 1795766400}}.dump());
  CHECK(ui.state.screen == Screen::StaffHome);
  CHECK(ui.Shows(ui::Role::Text, "You are logged in as a youth worker."));

  // The next request (their sessions) carries the token; nothing of the login is on the device.
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].method == std::string("GET"));
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions");
  CHECK(ui.staff_requests[0].bearer_token == kToken);
  const std::string device = EverythingOnTheDevice(ui);
  CHECK_FALSE(device.empty());  // the device's id and restore code are there
  CHECK(device.find(kToken) == std::string::npos);
  CHECK(device.find(kPassword) == std::string::npos);
  CHECK(ui.state.ui_record.raw_items.empty());
}

TEST_CASE("a login that does not work says why in plain words", "[ui][staff][login]") {
  UiHarness ui;
  OpenLogin(ui);
  // Nothing typed: asked for, and nothing sent.
  REQUIRE(ui.Tap("Log in"));
  CHECK(ui.staff_requests.empty());
  CHECK(ui.Shows(ui::Role::Status, "Please type your username."));

  struct Case {
    int status;
    std::string body;
    std::string said;
  };
  const Case cases[] = {
      {401, ErrorBody("unauthorised", "That username and password do not match. Please check them and try again."),
       "That username and password do not match. Please check them and try again."},
      {423, ErrorBody("locked", "Too many wrong tries. Please wait 15 minutes, or ask an officer."),
       "Too many wrong tries. Please wait 15 minutes, or ask an officer."},
      {423, "", "Too many wrong tries. Please wait 15 minutes, or ask an officer."},  // our words if the server has none
      {429, ErrorBody("too_many_requests", "That was a lot of tries in a short time. Please wait a minute, then try again."),
       "That was a lot of tries in a short time. Please wait a minute, then try again."},
      {403, "", "This account is switched off. Please ask an officer."},
      {0, "", "We could not reach Safe Spaces. Check the internet, then try again."},
  };
  for (const Case& c : cases) {
    INFO("status " << c.status);
    TypeLogin(ui);
    REQUIRE(ui.Tap("Log in"));
    AnswerStaff(ui, c.status, c.body);
    CHECK(ui.state.screen == Screen::StaffLogin);
    CHECK(ui.Shows(ui::Role::Status, c.said));
    CHECK(ui.state.staff.password.empty());  // typed again for the next try
    CHECK_FALSE(ui.state.staff.logged_in);
  }
}

TEST_CASE("their sessions are listed with Open board and Summary; Log out ends the login", "[ui][staff][home]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  LogIn(ui);
  CHECK(ui.Shows(ui::Role::Status, "Getting your sessions..."));
  AnswerStaff(ui, 200, SessionsBody());
  CHECK(ui.Shows(ui::Role::Heading, "Tuesday group"));
  CHECK(ui.Shows(ui::Role::Heading, "Half term"));
  CHECK(ShowsStarting(ui, "Open. Code KXM-4P7. 5 people in it now."));
  CHECK(ui.staff_requests.empty());  // asked once

  REQUIRE(TapItem(ui, "Summary"));
  CHECK(ui.state.screen == Screen::StaffSummary);
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/summary");
  CHECK(ui.staff_requests[0].bearer_token == kToken);
  AnswerStaff(ui, 200, SummaryBody());
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.state.screen == Screen::StaffHome);
  // Back on their sessions, the list is asked for again (it may have changed), and the old
  // one shows meanwhile.
  CHECK(ui.Shows(ui::Role::Heading, "Tuesday group"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(AnswerStaff(ui, 200, SessionsBody()).path == "/api/v1/sessions");

  REQUIRE(TapItem(ui, "Log out"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].method == std::string("POST"));
  CHECK(ui.staff_requests[0].path == "/api/v1/staff/logout");
  CHECK(ui.staff_requests[0].bearer_token == kToken);
  CHECK(ui.state.screen == Screen::StaffLogin);
  CHECK_FALSE(ui.state.staff.logged_in);
  CHECK(ui.data->staff.token.empty());
  CHECK(ui.state.staff.sessions.empty());
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.state.screen == Screen::Settings);  // no staff screen is left to go back to
}

TEST_CASE("a new session sends its name, theme and the map's visible edges, and opens its board",
          "[ui][staff][start]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  LogIn(ui);
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(ui.Tap("Start a group session"));
  REQUIRE(ui.state.screen == Screen::StaffStart);
  REQUIRE(TapItem(ui, "Start"));
  CHECK(ui.staff_requests.empty());
  CHECK(ui.Shows(ui::Role::Status, "Please give the session a name."));

  ui.Type("Name of the session", "  Tuesday group ");
  ui.Type("Theme (you can leave this empty)", "places to go after school");
  // Zoomed in once with the map's own button: the area is what the map shows now.
  REQUIRE(TapItem(ui, "Zoom in"));
  const double zoom = ui.state.map_zoom;
  REQUIRE(TapItem(ui, "Start"));
  REQUIRE(ui.staff_requests.size() == 1);
  const SentRequest& start = ui.staff_requests[0];
  CHECK(start.path == "/api/v1/sessions");
  CHECK(start.bearer_token == kToken);
  const json body = json::parse(start.body);
  CHECK(body["name"] == "Tuesday group");
  CHECK(body["theme"] == "places to go after school");
  const json& area = body["area"];
  const double south = area["south"], west = area["west"], north = area["north"], east = area["east"];
  CHECK(south < ui.state.map_lat);
  CHECK(north > ui.state.map_lat);
  CHECK((west + east) / 2.0 == Approx(ui.state.map_lon));
  // Exactly the map box's width: its picture's item in the record.
  const ui::Item* map = nullptr;
  for (const ui::Item& item : ui.state.ui_record.items)
    if (item.name.rfind("The map. Move it and zoom it", 0) == 0) map = &item;
  REQUIRE(map);
  CHECK(east - west == Approx(map->rect.w / (256.0 * std::exp2(zoom)) * 360.0));

  AnswerStaff(ui, 200, json{{"id", "S9"}, {"room_code", "KXM-4P7"}, {"join_path", "/join/KXM4P7"}}.dump());
  CHECK(ui.state.screen == Screen::StaffBoard);
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S9/board");
  REQUIRE(ui.Tap("My sessions"));
  CHECK(ui.state.screen == Screen::StaffHome);  // the form is not in the way back
}

TEST_CASE("the board draws the group's places, nicknames and goal, and polls with ?since= once a second",
          "[ui][staff][board]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  std::vector<std::string> fetched;
  TileCache pictures(TilePorts{[&](int, const std::string& url) { fetched.push_back(url); },
                               [](const std::uint8_t*, int, int) { return TextureId{1}; }, [](TextureId) {}});
  ui.state.tiles = &pictures;
  OpenBoard(ui);
  CHECK(ui.Shows(ui::Role::Heading, "Tuesday group"));
  CHECK(ui.Shows(ui::Role::Text, "The code is K X M 4 P 7"));
  CHECK(ui.Shows(ui::Role::Text, "Go to safespaces.example.org/join and type the code."));
  CHECK(ui.Shows(ui::Role::Text, "Brave Otter, Calm Fox"));
  CHECK(ui.Shows(ui::Role::Text, "12 of 30"));
  CHECK(ui.Shows(ui::Role::Text, "Calm Fox rated Central Library: Yes, a lot"));
  CHECK(ui.Shows(ui::Role::Text, "Calm Fox suggested Hillfields Park"));
  CHECK(ui.Shows(ui::Role::Text, "Waiting for a check"));
  // One pin a place: the library with both ratings' faces, the park waiting for a check.
  CHECK(ui.Shows(ui::Role::Text,
              "Central Library, Library. Rated by Brave Otter and Calm Fox. Yes, a lot."));  // (4 + 5) / 2 rounds up
  CHECK(ui.Shows(ui::Role::Text, "Hillfields Park, Park. Suggested by Calm Fox. Waiting for a check."));
  // The QR code comes through the pictures' path, as tiles do.
  CHECK(std::find(fetched.begin(), fetched.end(), "/join-qr/KXM4P7.png") != fetched.end());
  CHECK(ui.Shows(ui::Role::Text, "The QR code is on its way."));
  // The map shows the session's area.
  CHECK(ui.state.staff.camera_set);
  CHECK(ui.state.staff.board_lat == Approx(52.405).margin(0.01));

  // About once a second, by the ports' clock, with the version it has.
  ui.Frame();
  CHECK(ui.staff_requests.empty());
  ui.now += kBoardPollSeconds;
  ui.Frame();
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/board?since=7");
  CHECK(ui.staff_requests[0].bearer_token == kToken);
  AnswerStaff(ui, 200, R"({"unchanged": true, "version": 7})");
  CHECK(ui.Shows(ui::Role::Text, "Brave Otter, Calm Fox"));  // kept as it was

  // Someone new, and a new version.
  ui.now += kBoardPollSeconds;
  ui.Frame();
  json more = BoardJson(8);
  more["members"].push_back("Happy Heron");
  AnswerStaff(ui, 200, more.dump());
  CHECK(ui.Shows(ui::Role::Text, "Brave Otter, Calm Fox, Happy Heron"));
  CHECK(ui.Shows(ui::Role::Heading, "Who is here (3)"));

  // Not on screen: not asked.
  REQUIRE(ui.Tap("My sessions"));
  AnswerStaff(ui, 200, SessionsBody());
  ui.now += 10.0;
  ui.Frame();
  ui.Frame();
  CHECK(ui.staff_requests.empty());
  ui.state.tiles = nullptr;
}

TEST_CASE("a board that loses its connection says so honestly and tries again", "[ui][staff][board]") {
  UiHarness ui(820.0f, 1180.0f, 2.0f);
  OpenBoard(ui);
  ui.now += kBoardPollSeconds;
  ui.Frame();
  AnswerStaff(ui, 0, "");
  CHECK(ui.Shows(ui::Role::Status, "Not connected: trying again."));
  CHECK(ui.Shows(ui::Role::Text, "Brave Otter, Calm Fox"));  // what it had stays
  ui.now += kBoardPollSeconds;
  ui.Frame();
  CHECK(ui.staff_requests.empty());  // a little longer after a failure
  ui.now += kBoardRetrySeconds;
  ui.Frame();
  REQUIRE(ui.staff_requests.size() == 1);
  AnswerStaff(ui, 200, R"({"unchanged": true, "version": 7})");
  CHECK_FALSE(ui.Shows(ui::Role::Status, "Not connected: trying again."));
}

TEST_CASE("Hide, Pause, Resume and End send the right requests; End asks first and leads to the summary",
          "[ui][staff][board]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenBoard(ui);

  REQUIRE(TapItem(ui, "Hide"));  // the newest: Brave Otter's rating
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].method == std::string("POST"));
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/hide");
  CHECK(json::parse(ui.staff_requests[0].body) == json{{"item_id", "r1"}});
  CHECK(ui.Shows(ui::Role::Status, "Hiding..."));
  AnswerStaff(ui, 200, R"({"hidden": true})");
  CHECK_FALSE(ui.Shows(ui::Role::Text, "Brave Otter rated Central Library: Mostly"));
  REQUIRE(ui.staff_requests.size() == 1);  // the board again at once
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/board?since=7");
  AnswerStaff(ui, 200, R"({"unchanged": true, "version": 7})");

  REQUIRE(ui.Tap("Pause"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/state");
  CHECK(json::parse(ui.staff_requests[0].body) == json{{"state", "paused"}});
  AnswerStaff(ui, 200, R"({"state": "paused"})");
  CHECK(ShowsStarting(ui, "Paused."));
  AnswerStaff(ui, 200, R"({"unchanged": true, "version": 7})");
  REQUIRE(ui.Tap("Resume"));
  CHECK(json::parse(ui.staff_requests.back().body) == json{{"state", "open"}});
  AnswerStaff(ui, 200, R"({"state": "open"})");
  AnswerStaff(ui, 200, R"({"unchanged": true, "version": 7})");

  // End asks first; "No" changes nothing.
  REQUIRE(ui.Tap("End session"));
  CHECK(ui.staff_requests.empty());
  CHECK(ui.Shows(ui::Role::Status, "End the session for everyone? Nobody can add to it after this."));
  REQUIRE(ui.Tap("No, keep going"));
  CHECK_FALSE(ShowsStarting(ui, "End the session for everyone?"));
  CHECK(ui.staff_requests.empty());
  REQUIRE(ui.Tap("End session"));
  REQUIRE(ui.Tap("Yes, end it"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(json::parse(ui.staff_requests[0].body) == json{{"state", "ended"}});
  AnswerStaff(ui, 200, R"({"state": "ended"})");
  CHECK(ui.state.screen == Screen::StaffSummary);
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/summary");
  REQUIRE(ui.Tap("Back"));
  CHECK(ui.state.screen == Screen::StaffHome);  // the board of an ended session is not in the way back
}

TEST_CASE("the summary shows the group's answers in words and numbers, saves a CSV and opens a page to print",
          "[ui][staff][summary]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  LogIn(ui);
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Summary"));
  AnswerStaff(ui, 200, SummaryBody());
  CHECK(ui.Shows(ui::Role::Heading, "Tuesday group"));
  CHECK(ui.Shows(ui::Role::Text, "5 people joined"));
  CHECK(ui.Shows(ui::Role::Text, "1 thing hidden: not in this summary"));
  CHECK(ui.Shows(ui::Role::Text, "I felt welcome: 4.2 of 5, Mostly"));
  CHECK(ui.Shows(ui::Role::Text, std::string(core::ScaleLabel(core::Scale::Quiet)) + ": 2.5 of 5, A bit"));
  CHECK(ui.Shows(ui::Role::Text, std::string(core::FacilityLabel(core::Facility::StepFree)) + ": 2 yes, 1 not sure"));
  CHECK(ui.Shows(ui::Role::Text, "Suggested by the group. Waiting for a check."));
  CHECK(ui.Shows(ui::Role::Text, "The staff are kind: 3"));
  CHECK(ui.Shows(ui::Role::Text, "quiet (3), friendly (2)"));

  REQUIRE(TapItem(ui, "Save as a spreadsheet (CSV)"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/summary.csv");
  CHECK(ui.staff_requests[0].bearer_token == kToken);
  AnswerStaff(ui, 200, "place,name\np1,Central Library\n");
  REQUIRE(ui.saved.size() == 1);
  CHECK(ui.saved[0].name == "session-tuesday-group.csv");
  CHECK(ui.saved[0].mime_type == "text/csv");
  CHECK(ui.saved[0].bytes == "place,name\np1,Central Library\n");
  CHECK(ui.Shows(ui::Role::Status, "Saved as session-tuesday-group.csv. Open it with a spreadsheet program."));

  REQUIRE(TapItem(ui, "Open a page to print"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/sessions/S1/summary.html");
  AnswerStaff(ui, 200, "<!doctype html><title>Tuesday group</title>");
  REQUIRE(ui.documents.size() == 1);
  CHECK(ui.documents[0] == "<!doctype html><title>Tuesday group</title>");

  // A download that does not come says so, and saves nothing.
  REQUIRE(TapItem(ui, "Save as a spreadsheet (CSV)"));
  AnswerStaff(ui, 0, "");
  CHECK(ui.saved.size() == 1);
  CHECK(ui.Shows(ui::Role::Status, "We could not reach Safe Spaces. Check the internet, then try again."));
}

TEST_CASE("a 401 on any staff request ends the login: back to the login with Please log in again",
          "[ui][staff][login]") {
  SECTION("the list of sessions") {
    UiHarness ui;
    LogIn(ui);
    AnswerStaff(ui, 401, ErrorBody("unauthorised", "Please log in again: your login has ended."));
    CHECK(ui.state.screen == Screen::StaffLogin);
    CHECK(ui.Shows(ui::Role::Status, "Please log in again."));
    CHECK(ui.data->staff.token.empty());
    for (Screen screen : ui.state.back_stack) CHECK_FALSE(IsStaffScreen(screen));
    // Logging in again sends no old token.
    TypeLogin(ui);
    REQUIRE(ui.Tap("Log in"));
    CHECK(ui.staff_requests.back().bearer_token.empty());
  }
  SECTION("the board's poll") {
    UiHarness ui(1280.0f, 720.0f, 1.0f);
    OpenBoard(ui);
    ui.now += kBoardPollSeconds;
    ui.Frame();
    AnswerStaff(ui, 401, "");
    CHECK(ui.state.screen == Screen::StaffLogin);
    CHECK(ui.Shows(ui::Role::Status, "Please log in again."));
    CHECK(ui.state.staff.board.version == -1);  // nothing of the board stays on screen
  }
  SECTION("a hide") {
    UiHarness ui(1280.0f, 720.0f, 1.0f);
    OpenBoard(ui);
    REQUIRE(TapItem(ui, "Hide"));
    AnswerStaff(ui, 401, "");
    CHECK(ui.state.screen == Screen::StaffLogin);
  }
}

TEST_CASE("every item on the staff screens is finger-sized with an icon and words, on a projector and a tablet",
          "[ui][staff][layout]") {
  struct Size {
    float width, height, ratio;
    int text_percent;
  };
  for (const Size& size : {Size{1280.0f, 720.0f, 1.0f, 100}, Size{1440.0f, 900.0f, 1.0f, 100},
                           Size{820.0f, 1180.0f, 2.0f, 100}, Size{1280.0f, 720.0f, 1.0f, 200},
                           Size{390.0f, 844.0f, 3.0f, 100}}) {
    UiHarness ui(size.width, size.height, size.ratio);
    ui.state.preferences.look.text_percent = size.text_percent;
    OpenBoard(ui);
    ui.state.staff.confirm_end = true;  // the question too
    ui.state.staff.connected = false;   // and the notice
    const auto check = [&](Screen screen) {
      ui.state.screen = screen;
      ui.Frame();
      ui.Frame();
      INFO("text " << size.text_percent << "%");
      CheckFingerSized(ui);
    };
    check(Screen::StaffBoard);
    ui.state.staff.logged_in = true;
    check(Screen::StaffHome);
    check(Screen::StaffStart);
    ui.state.staff.summary = *ParseSummary(SummaryBody());
    check(Screen::StaffSummary);
    check(Screen::StaffLogin);
    check(Screen::Settings);
  }
}

TEST_CASE("the server's answers are read kindly: odd ones are refused, never thrown", "[ui][staff][wire]") {
  bool unchanged = false;
  for (const char* odd : {"", "[]", "{}", R"({"version": "7"})", R"({"version": 7, "unchanged": "yes"})",
                          R"({"version": 7, "items": 3})"})
    CHECK_FALSE(ParseBoard(odd, unchanged));
  const std::optional<Board> board = ParseBoard(BoardJson(3).dump(), unchanged);
  REQUIRE(board);
  CHECK_FALSE(unchanged);
  CHECK(board->items.size() == 3);
  CHECK(board->items[1].status == BoardItemStatus::Waiting);
  CHECK(board->items[1].category == core::Category::Park);
  CHECK(board->area.north == 52.42);
  json odd_items = BoardJson(3);
  odd_items["items"] = {1, "two", {{"id", 3}}, {{"id", "x"}, {"faces", 99}, {"lat", "north"}}};
  const std::optional<Board> kind = ParseBoard(odd_items.dump(), unchanged);
  REQUIRE(kind);
  REQUIRE(kind->items.size() == 1);
  CHECK(kind->items[0].faces == 5);
  CHECK(kind->items[0].nickname == "Someone");
  CHECK_FALSE(ParseSessions(R"({"sessions": 1})"));
  CHECK(ParseSessions(R"({"sessions": []})")->empty());
  CHECK_FALSE(ParseSummary(R"({"name": "no id"})"));

  CHECK(SummaryFileName("Tuesday group") == "session-tuesday-group.csv");
  CHECK(SummaryFileName("  After school, Hillfields!  ") == "session-after-school-hillfields.csv");
  CHECK(SummaryFileName("../../etc/passwd") == "session-etc-passwd.csv");
  CHECK(SummaryFileName("Café ☕") == "session-caf.csv");
  CHECK(SummaryFileName("") == "session.csv");
}

TEST_CASE("a picture by its address is fetched once through the tiles' ports, and kept apart from the tiles",
          "[ui][staff][tiles]") {
  std::vector<std::pair<int, std::string>> fetched;
  int freed = 0;
  TileCache cache(TilePorts{[&](int id, const std::string& url) { fetched.emplace_back(id, url); },
                            [](const std::uint8_t*, int, int) { return TextureId{7}; }, [&](TextureId) { ++freed; }});
  cache.SetUrlTemplate("/tiles/{z}/{x}/{y}.png");
  cache.BeginFrame(0.0);
  CHECK(cache.FindPicture("/join-qr/KXM4P7.png") == 0);
  CHECK(cache.FindPicture("/join-qr/KXM4P7.png") == 0);
  REQUIRE(fetched.size() == 1);
  static const std::uint8_t pixel[4] = {0, 0, 0, 255};
  cache.Deliver({fetched[0].first, true, 1, 1, pixel});
  CHECK(cache.FindPicture("/join-qr/KXM4P7.png") == 7);
  CHECK(cache.TextureCount() == 0);  // the tiles' counts are the tiles'
  // A new tile source keeps it.
  cache.SetUrlTemplate("/other/{z}/{x}/{y}.png");
  CHECK(cache.FindPicture("/join-qr/KXM4P7.png") == 7);
  CHECK(freed == 0);
  // A failed one is tried again later, not at once.
  CHECK(cache.FindPicture("/join-qr/HWT9QA.png") == 0);
  cache.Deliver({fetched.back().first, false, 0, 0, {}});
  CHECK(cache.FindPicture("/join-qr/HWT9QA.png") == 0);
  CHECK(fetched.size() == 2);
  cache.BeginFrame(TileCache::kRetrySeconds);
  cache.FindPicture("/join-qr/HWT9QA.png");
  CHECK(fetched.size() == 3);
  // Beyond kMaxPictures, the least recently drawn go.
  for (int i = 0; i < 6; ++i) {
    cache.BeginFrame(100.0 + i);
    const std::string url = "/join-qr/CODE" + std::to_string(i) + ".png";
    cache.FindPicture(url);
    cache.Deliver({fetched.back().first, true, 1, 1, pixel});
    cache.EndFrame();
  }
  CHECK(freed >= 1);
}
