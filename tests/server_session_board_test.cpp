// Tests of a co-production session's life over real HTTP (server/session_board_api.h,
// store/session_board.h): a youth worker an officer added logs in and starts a session;
// three phones join with nicknames and send ratings and suggestions through
// POST /api/v1/sync with the session's id; the board shows them with nicknames and
// "waiting", and ?since= answers "unchanged" until something changes; while paused, and
// from a phone not in the group, contributions are still accepted but kept with no
// session; hiding takes an item off the board and summary and flags it for officers;
// leaving takes a nickname off the members; after the end, the summary as JSON, CSV (read
// back) and HTML (escaped); the QR code is a PNG; the join link serves the app.
// Every staff endpoint: anonymous is 401, another youth worker 403; no input is a 5xx.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/csv.h"
#include "core/sync_protocol.h"
#include "in_process_server.h"
#include "staff_http.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/staff_store.h"
#include "store_sync_samples.h"
#include "test_temp_dir.h"

namespace {

using nlohmann::json;
using staff_http::AddApprovedPlace;
using staff_http::Answer;
using staff_http::Call;
using staff_http::Fetch;
using staff_http::LogIn;
using staff_http::OpenData;
using store::StaffRole;
using sync_samples::Uuid;

const std::string kDeviceA = Uuid(0xA1);  // Brave Otter
const std::string kDeviceB = Uuid(0xB1);  // Kind Puffin
const std::string kDeviceC = Uuid(0xC1);  // Calm Fox
const std::string kDeviceD = Uuid(0xD1);  // never joins
const std::string kLibrary = Uuid(0x1001);
const std::string kOddPlace = Uuid(0x1002);
const std::string kOddName = "<b>&\"x\"";
const std::string kFormulaName = "=HYPERLINK(\"http://evil.example\",\"x\")";

// The session a rating or suggestion's own rating is kept in ("" for none).
std::string StoredSessionOf(const InProcessServer& server, const std::string& rating_id) {
  const store::Database db = OpenData(server);
  for (const auto& [rating, withdrawn] : store::AllRatings(db))
    if (rating.id == rating_id) return rating.session_id;
  FAIL("no rating " << rating_id);
  return "";
}

core::OutboxItem RatingOf(const std::string& id, const std::string& place, const std::string& device,
                          const std::string& session, unsigned seed) {
  core::Rating rating = sync_samples::MakeRating(id, place, device, seed);
  rating.session_id = session;
  return {rating};
}

// A suggestion whose own rating has id + 1.
core::OutboxItem SuggestionOf(std::uint64_t id, const std::string& device, const std::string& session,
                              const std::string& name, const std::string& why) {
  core::Suggestion suggestion = sync_samples::MakeSuggestion(Uuid(id), device, Uuid(id + 1));
  suggestion.name = name;
  suggestion.why = why;
  suggestion.reasons = {core::SafeReason::Quiet, core::SafeReason::KindStaff};
  suggestion.session_id = session;
  suggestion.first_rating.session_id = session;
  return {suggestion};
}

// Sends the items as a phone does; every one must be accepted.
void Sync(const InProcessServer& server, const std::string& device, const std::vector<core::OutboxItem>& items) {
  const Answer answer = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(device, "", items));
  REQUIRE(answer.status == 200);
  for (const json& result : answer.body["results"]) {
    INFO(result.dump());
    CHECK(result["status"] == "accepted");
  }
}

std::string JoinBody(const std::string& code, const std::string& device, const std::string& nickname) {
  return json{{"room_code", code}, {"device_id", device}, {"nickname", nickname}}.dump();
}

// A board after `since`, with the staff member's token.
Answer Board(const InProcessServer& server, const std::string& id, const std::string& token,
             std::optional<std::int64_t> since = std::nullopt) {
  std::string path = "/api/v1/sessions/" + id + "/board";
  if (since) path += "?since=" + std::to_string(*since);
  const Answer board = Call(server, "GET", path, "", token);
  REQUIRE(board.status == 200);
  return board;
}

std::vector<std::string> ItemIds(const json& board) {
  std::vector<std::string> ids;
  for (const json& item : board["items"]) ids.push_back(item["id"]);
  return ids;
}

const json* PlaceNamed(const json& summary, const std::string& name) {
  for (const json& place : summary["places"])
    if (place["name"] == name) return &place;
  return nullptr;
}

// PNG width and height from its IHDR chunk, after checking the signature.
std::pair<std::uint32_t, std::uint32_t> PngSize(const std::string& png) {
  REQUIRE(png.size() > 24);
  REQUIRE(png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
  REQUIRE(png.compare(12, 4, "IHDR") == 0);
  auto u32 = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(png[at + i]);
    return value;
  };
  return {u32(16), u32(20)};
}

}  // namespace

TEST_CASE("a session from start to summary, with three phones", "[server][session][board]") {
  TempDir web;
  WriteFile(web.Path() / "index.html", "<!doctype html><title>Safe Spaces</title>");
  server::Options options;
  options.web_dir = web.Path();
  InProcessServer server(options);
  AddApprovedPlace(server, kLibrary, "Central Library", core::Category::Library);
  AddApprovedPlace(server, kOddPlace, kOddName, core::Category::Cafe);
  const std::string worker = LogIn(server, "ria.worker", StaffRole::YouthWorker);
  const std::string other = LogIn(server, "tom.worker", StaffRole::YouthWorker);
  const std::string officer = LogIn(server, "sam.officer", StaffRole::Officer);

  // [start] A session with an area; its board is empty and says so cheaply after.
  const json area = {{"south", 52.40}, {"west", -1.52}, {"north", 52.42}, {"east", -1.49}};
  const Answer created =
      Call(server, "POST", "/api/v1/sessions",
           json{{"name", "After school, Hillfields"}, {"theme", "quiet places"}, {"area", area}}.dump(), worker);
  REQUIRE(created.status == 200);
  const std::string id = created.body["id"];
  const std::string shown_code = created.body["room_code"];
  const std::string code = std::string(created.body["join_path"]).substr(6);
  const std::string board_path = "/api/v1/sessions/" + id + "/board";

  const Answer empty = Board(server, id, worker);
  CHECK(empty.body["state"] == "open");
  CHECK(empty.body["room_code"] == shown_code);
  CHECK(empty.body["join_path"] == "/join/" + code);
  CHECK(empty.body["area"] == area);
  CHECK(empty.body["items"] == json::array());
  CHECK(empty.body["members"] == json::array());
  CHECK(empty.body["goal"] == json{{"done", 0}, {"target", 10}});
  CHECK(empty.body["hidden"] == 0);
  std::int64_t version = empty.body["version"];
  CHECK(Board(server, id, worker, version).body == json{{"unchanged", true}, {"version", version}});

  // [join] Three phones join with nicknames; the board changes.
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join", JoinBody(code, kDeviceA, "Brave Otter")).status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join", JoinBody(shown_code, kDeviceB, "Kind Puffin")).status == 200);
  REQUIRE(Call(server, "POST", "/api/v1/sessions/join", JoinBody(code, kDeviceC, "Calm Fox")).status == 200);
  Answer board = Board(server, id, worker, version);
  CHECK_FALSE(board.body.contains("unchanged"));
  CHECK(board.body["members"] == json{"Brave Otter", "Kind Puffin", "Calm Fox"});
  CHECK(board.body["version"] > version);
  version = board.body["version"];

  const Answer status =
      Call(server, "POST", "/api/v1/sessions/status", json{{"session_id", id}, {"device_id", kDeviceA}}.dump());
  REQUIRE(status.status == 200);
  CHECK(status.body == json{{"state", "open"},
                            {"name", "After school, Hillfields"},
                            {"theme", "quiet places"},
                            {"member", true},
                            {"goal", {{"done", 0}, {"target", 10}}}});
  CHECK(Call(server, "POST", "/api/v1/sessions/status", json{{"session_id", id}, {"device_id", kDeviceD}}.dump())
            .body["member"] == false);

  // [contribute] Ratings and suggestions arrive through sync with the session's id.
  Sync(server, kDeviceA, {RatingOf(Uuid(0xA01), kOddPlace, kDeviceA, id, 2)});
  Sync(server, kDeviceB, {RatingOf(Uuid(0xB01), kLibrary, kDeviceB, id, 3)});
  Sync(server, kDeviceC, {SuggestionOf(0xC00, kDeviceC, id, kFormulaName, "A quiet room and kind staff")});
  Sync(server, kDeviceB,
       {SuggestionOf(0xB10, kDeviceB, id, "Hill Street Youth Hub", "It's quiet. The staff are KIND.")});
  board = Board(server, id, worker, version);
  CHECK(ItemIds(board.body) == std::vector<std::string>{Uuid(0xB10), Uuid(0xC00), Uuid(0xB01), Uuid(0xA01)});
  const json& newest = board.body["items"][0];
  CHECK(newest["kind"] == "suggestion");
  CHECK(newest["place_id"] == Uuid(0xB10));
  CHECK(newest["place_name"] == "Hill Street Youth Hub");
  CHECK(newest["category"] == "cafe");
  CHECK(newest["nickname"] == "Kind Puffin");
  CHECK(newest["status"] == "waiting");
  CHECK(newest["faces"].get<int>() >= 1);
  const json& oldest = board.body["items"][3];
  CHECK(oldest["kind"] == "rating");
  CHECK(oldest["place_name"] == kOddName);
  CHECK(oldest["nickname"] == "Brave Otter");
  CHECK(oldest["status"] == "on_map");
  CHECK(oldest["lat"] == 52.408);
  CHECK(board.body["goal"] == json{{"done", 4}, {"target", 10}});
  // No free text but place names: never a "why", a comment or a device id.
  CHECK(board.text.find("kind staff") == std::string::npos);
  CHECK(board.text.find("The staff were kind") == std::string::npos);
  CHECK(board.text.find(kDeviceA) == std::string::npos);
  version = board.body["version"];
  CHECK(Board(server, id, worker, version).body["unchanged"] == true);
  CHECK(StoredSessionOf(server, Uuid(0xA01)) == id);

  // [not a member] Accepted, kept with no session, and the board does not change.
  Sync(server, kDeviceD, {RatingOf(Uuid(0xD01), kLibrary, kDeviceD, id, 4)});
  CHECK(StoredSessionOf(server, Uuid(0xD01)).empty());
  CHECK(Board(server, id, worker, version).body["unchanged"] == true);

  // [pause] New contributions arrive without the session; resume, and they count again.
  CHECK(Call(server, "POST", "/api/v1/sessions/" + id + "/state", json{{"state", "paused"}}.dump(), worker)
            .body["state"] == "paused");
  board = Board(server, id, worker, version);
  CHECK(board.body["state"] == "paused");
  version = board.body["version"];
  Sync(server, kDeviceA, {RatingOf(Uuid(0xA02), kLibrary, kDeviceA, id, 5)});
  CHECK(StoredSessionOf(server, Uuid(0xA02)).empty());
  CHECK(Board(server, id, worker, version).body["unchanged"] == true);
  CHECK(
      Call(server, "POST", "/api/v1/sessions/" + id + "/state", json{{"state", "open"}}.dump(), worker).body["state"] ==
      "open");
  Sync(server, kDeviceA, {RatingOf(Uuid(0xA03), kLibrary, kDeviceA, id, 6)});
  CHECK(StoredSessionOf(server, Uuid(0xA03)) == id);
  board = Board(server, id, worker, version);
  CHECK(board.body["items"].size() == 5);

  // [withdraw] A phone taking its rating back takes it off the board.
  Sync(server, kDeviceA, {core::OutboxItem{sync_samples::MakeWithdrawal(Uuid(0xA04), kDeviceA, Uuid(0xA03))}});
  board = Board(server, id, worker, board.body["version"].get<std::int64_t>());
  CHECK(ItemIds(board.body).size() == 4);
  version = board.body["version"];

  // [hide] Off the board at once, counted as hidden, and flagged for the officers.
  const std::string hide_path = "/api/v1/sessions/" + id + "/hide";
  const Answer hidden = Call(server, "POST", hide_path, json{{"item_id", Uuid(0xB01)}}.dump(), worker);
  CHECK(hidden.status == 200);
  CHECK(hidden.body == json{{"hidden", true}});
  CHECK(Call(server, "POST", hide_path, json{{"item_id", Uuid(0xB01)}}.dump(), worker).status == 200);  // again
  const Answer not_here = Call(server, "POST", hide_path, json{{"item_id", Uuid(0xD01)}}.dump(), worker);
  CHECK(not_here.status == 404);
  CHECK(not_here.body["error"]["field"] == "item_id");
  CHECK(Call(server, "POST", hide_path, json{{"item_id", "nothing"}}.dump(), worker).status == 404);
  board = Board(server, id, worker, version);
  CHECK(ItemIds(board.body) == std::vector<std::string>{Uuid(0xB10), Uuid(0xC00), Uuid(0xA01)});
  CHECK(board.body["hidden"] == 1);
  CHECK(board.body["goal"]["done"] == 3);
  {
    const store::Database db = OpenData(server);
    store::Statement flags = db.Prepare(
        "SELECT item_kind, flag, detail, resolved_at IS NULL FROM review_flags "
        "WHERE item_id = ?1");
    flags.BindText(1, Uuid(0xB01));
    REQUIRE(flags.Step() == store::StepResult::Row);
    CHECK(flags.ColumnText(0) == "rating");
    CHECK(flags.ColumnText(1) == "hidden_in_session");
    CHECK(flags.ColumnText(2).find("After school, Hillfields") != std::string_view::npos);
    CHECK(flags.ColumnInt64(3) == 1);
    CHECK(flags.Step() == store::StepResult::Done);  // hiding twice flagged once
  }

  // [leave] The nickname leaves the members; what they made stays.
  REQUIRE(
      Call(server, "POST", "/api/v1/sessions/leave", json{{"session_id", id}, {"device_id", kDeviceC}}.dump()).status ==
      200);
  board = Board(server, id, worker, board.body["version"].get<std::int64_t>());
  CHECK(board.body["members"] == json{"Brave Otter", "Kind Puffin"});
  CHECK(board.body["items"][1]["nickname"] == "Calm Fox");
  CHECK(board.body["goal"]["target"] == 10);  // three people ever joined: max(10, 9)

  // [end] The phone hears it; the summary is there in every format.
  CHECK(Call(server, "POST", "/api/v1/sessions/" + id + "/state", json{{"state", "ended"}}.dump(), worker)
            .body["state"] == "ended");
  CHECK(Call(server, "POST", "/api/v1/sessions/status", json{{"session_id", id}, {"device_id", kDeviceA}}.dump())
            .body["state"] == "ended");

  const Answer summary = Call(server, "GET", "/api/v1/sessions/" + id + "/summary", "", worker);
  REQUIRE(summary.status == 200);
  const json& s = summary.body;
  CHECK(s["id"] == id);
  CHECK(s["state"] == "ended");
  CHECK(s["ended_at"].is_number());
  CHECK(s["started_at"].get<std::int64_t>() <= s["ended_at"].get<std::int64_t>());
  CHECK(s["counts"] == json{{"people", 3}, {"suggestions", 2}, {"ratings", 1}, {"places", 3}, {"hidden", 1}});
  const json* odd = PlaceNamed(s, kOddName);
  REQUIRE(odd);
  CHECK((*odd)["status"] == "on_map");
  CHECK((*odd)["suggested"] == false);
  CHECK((*odd)["ratings"] == 1);
  CHECK((*odd)["scales"].size() == core::kScaleCount);
  CHECK((*odd)["facilities"]["step_free"].contains("not_sure"));
  const json* formula = PlaceNamed(s, kFormulaName);
  REQUIRE(formula);
  CHECK((*formula)["suggested"] == true);
  CHECK((*formula)["status"] == "waiting");
  CHECK_FALSE(PlaceNamed(s, "Central Library"));  // only rated in the hidden rating
  CHECK(s["reasons"][0] == json{{"reason", "quiet"}, {"label", "It is quiet"}, {"count", 2}});
  CHECK(s["common_words"] ==
        json{{{"word", "kind"}, {"count", 2}}, {{"word", "quiet"}, {"count", 2}}, {{"word", "staff"}, {"count", 2}}});

  const Answer csv = Fetch(server, "GET", "/api/v1/sessions/" + id + "/summary.csv", "", worker);
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type.starts_with("text/csv"));
  const std::vector<std::vector<std::string>> rows = core::ParseCsv(csv.text);
  REQUIRE(rows.size() == 4);  // a header and three places
  CHECK(rows[0][0] == "place_id");
  CHECK(rows[0][1] == "name");
  CHECK(std::find(rows[0].begin(), rows[0].end(), "step_free_not_sure") != rows[0].end());
  std::vector<std::string> names;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i].size() == rows[0].size());
    names.push_back(rows[i][1]);
  }
  CHECK(std::find(names.begin(), names.end(), "'" + kFormulaName) != names.end());  // neutralised
  CHECK(std::find(names.begin(), names.end(), kOddName) != names.end());
  for (const auto& row : rows)
    for (const std::string& cell : row) CHECK_FALSE((!cell.empty() && (cell[0] == '=' || cell[0] == '@')));

  const Answer html = Fetch(server, "GET", "/api/v1/sessions/" + id + "/summary.html", "", worker);
  REQUIRE(html.status == 200);
  CHECK(html.content_type.starts_with("text/html"));
  CHECK(html.text.find("&lt;b&gt;&amp;&quot;x&quot;") != std::string::npos);
  CHECK(html.text.find(kOddName) == std::string::npos);
  CHECK(html.text.find("<script") == std::string::npos);
  CHECK(html.text.find("After school, Hillfields") != std::string::npos);

  // [qr] The join link's QR code: a PNG of whole modules with its quiet zone.
  const Answer qr = Fetch(server, "GET", "/join-qr/" + shown_code + ".png");
  REQUIRE(qr.status == 200);
  CHECK(qr.content_type == "image/png");
  const auto [width, height] = PngSize(qr.text);
  CHECK(width == height);
  CHECK(width % 8 == 0);
  const std::uint32_t modules = width / 8 - 2 * 4;
  CHECK(modules >= 21);
  CHECK((modules - 17) % 4 == 0);  // a QR code is 17 + 4 x its version modules wide
  const Answer slip = Fetch(server, "GET", "/join-qr/KXM-4P0.png");
  CHECK(slip.status == 422);
  CHECK(slip.body["error"]["field"] == "room_code");
  CHECK(Fetch(server, "GET", "/join-qr/KX.png").status == 422);

  // [join link] The app's page, which reads the code from its address.
  const Answer page = Fetch(server, "GET", "/join/" + code);
  CHECK(page.status == 200);
  CHECK(page.content_type.starts_with("text/html"));
  CHECK(page.text == "<!doctype html><title>Safe Spaces</title>");
  CHECK(Fetch(server, "GET", "/join/" + code + "/more").status == 404);
}

TEST_CASE("every new staff endpoint: 401 without login, 403 for another youth worker", "[server][session][board]") {
  InProcessServer server;
  const std::string worker = LogIn(server, "ria.worker", StaffRole::YouthWorker);
  const std::string other = LogIn(server, "tom.worker", StaffRole::YouthWorker);
  const std::string officer = LogIn(server, "sam.officer", StaffRole::Officer);
  const std::string id =
      Call(server, "POST", "/api/v1/sessions", json{{"name", "Ria's group"}}.dump(), worker).body["id"];
  REQUIRE(Call(server, "POST", "/api/v1/sessions", json{{"name", "Tom's group"}}.dump(), other).status == 200);

  struct Endpoint {
    std::string method, path, body;
  };
  const std::vector<Endpoint> endpoints = {
      {"GET", "/api/v1/sessions/" + id + "/board", ""},
      {"GET", "/api/v1/sessions/" + id + "/board?since=3", ""},
      {"POST", "/api/v1/sessions/" + id + "/hide", json{{"item_id", Uuid(1)}}.dump()},
      {"GET", "/api/v1/sessions/" + id + "/summary", ""},
      {"GET", "/api/v1/sessions/" + id + "/summary.csv", ""},
      {"GET", "/api/v1/sessions/" + id + "/summary.html", ""},
  };
  for (const Endpoint& e : endpoints) {
    INFO(e.method << " " << e.path);
    const Answer anonymous = Call(server, e.method, e.path, e.body);
    CHECK(anonymous.status == 401);
    CHECK(anonymous.body["error"]["message"] == "Please log in first.");
    const Answer forbidden = Call(server, e.method, e.path, e.body, other);
    CHECK(forbidden.status == 403);
    CHECK(forbidden.body["error"]["message"] ==
          "Only the youth worker who started this session, or an officer, can see or change it.");
    const int expected = e.path.ends_with("/hide") ? 404 : 200;  // nothing to hide, but allowed
    CHECK(Fetch(server, e.method, e.path, e.body, officer).status == expected);
    CHECK(Fetch(server, e.method, e.path, e.body, worker).status == expected);
  }

  // The list: one's own sessions, newest first; an officer sees all; nobody else any.
  CHECK(Call(server, "GET", "/api/v1/sessions").status == 401);
  const Answer mine = Call(server, "GET", "/api/v1/sessions", "", worker);
  REQUIRE(mine.body["sessions"].size() == 1);
  CHECK(mine.body["sessions"][0]["name"] == "Ria's group");
  CHECK(mine.body["sessions"][0]["members"] == 0);
  CHECK(mine.body["sessions"][0]["state"] == "open");
  CHECK(mine.body["sessions"][0]["room_code"].get<std::string>().size() == 7);
  CHECK(mine.body["sessions"][0]["created_at"].is_number());
  CHECK(Call(server, "GET", "/api/v1/sessions", "", officer).body["sessions"].size() == 2);
}

TEST_CASE("no input to the new session endpoints gives a 5xx", "[server][session][board]") {
  InProcessServer server;
  const std::string worker = LogIn(server, "ria.worker", StaffRole::YouthWorker);
  const std::string id = Call(server, "POST", "/api/v1/sessions", json{{"name", "Group"}}.dump(), worker).body["id"];
  const std::vector<std::string> bodies = {"",
                                           "not json",
                                           "[]",
                                           "{}",
                                           "null",
                                           json{{"item_id", 7}}.dump(),
                                           json{{"session_id", id}, {"device_id", "not-a-uuid"}}.dump(),
                                           json{{"session_id", 3}, {"device_id", kDeviceA}}.dump(),
                                           json{{"session_id", "nope"}, {"device_id", kDeviceA}}.dump(),
                                           std::string(100, '[') + std::string(100, ']'),
                                           std::string(5000, 'x')};
  for (const std::string& body : bodies) {
    INFO(body.substr(0, 60));
    for (const std::string& path :
         std::vector<std::string>{"/api/v1/sessions/" + id + "/hide", "/api/v1/sessions/status"}) {
      const Answer answer = Call(server, "POST", path, body, worker);
      CHECK(answer.status >= 400);
      CHECK(answer.body["error"]["message"].get<std::string>().size() > 10);
    }
  }
  for (const std::string since : {"-1", "abc", "", "1e3", "99999999999999999999"})
    CHECK(Call(server, "GET", "/api/v1/sessions/" + id + "/board?since=" + since, "", worker).status == 400);
  CHECK(Call(server, "GET", "/api/v1/sessions/" + id + "/board?since=999", "", worker).status == 200);
  CHECK(Call(server, "GET", "/api/v1/sessions/nope/board", "", worker).status == 404);
  CHECK(Call(server, "GET", "/api/v1/sessions/nope/summary.csv", "", worker).status == 404);
  CHECK(Call(server, "POST", "/api/v1/sessions/status", json{{"session_id", "nope"}, {"device_id", kDeviceA}}.dump())
            .status == 404);
  for (const std::string& code : std::vector<std::string>{"%00", "..", "KXM4P7KXM4P7", "KXM-4P", std::string(300, 'A')})
    CHECK(Fetch(server, "GET", "/join-qr/" + code + ".png").status == 422);
}

TEST_CASE("the app's page works from a join link: its addresses start at the root", "[server][session][board]") {
  std::ifstream file(std::string(SAFESPACES_WEB_SOURCE_DIR) + "/index.html");
  REQUIRE(file);
  std::stringstream text;
  text << file.rdbuf();
  const std::string html = text.str();
  CHECK(html.find("<base href=\"/\">") != std::string::npos);
  const std::regex address(R"re((?:src|href)="([^"]*)")re");
  int seen = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), address); it != std::sregex_iterator(); ++it) {
    INFO((*it)[1].str());
    CHECK((*it)[1].str().starts_with("/"));
    ++seen;
  }
  CHECK(seen >= 5);
}
