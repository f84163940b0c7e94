// Tests of officers' review over real HTTP (server/review_api.h, server/officer_api.h,
// store/review_store.h): each action's effect on the public map (GET /api/v1/places) and on
// the suggesting phone's "yours" in POST /api/v1/sync (approve, edit and approve, reject
// with a reason, merge moving ratings and the profile, comments approved and hidden), undo
// of each putting both back, the queue's order (safeguarding first, then oldest) and
// filters, the scheme and "scheme_member" in the feed, the city picture on a small known
// set, the audit log as JSON and CSV, and staff accounts. The role matrix over every
// endpoint is server_authz_test.cpp.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/map_math.h"
#include "core/progress.h"
#include "core/sync_protocol.h"
#include "in_process_server.h"
#include "staff_http.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/staff_store.h"
#include "store_sync_samples.h"

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

const std::string kPhoneA = Uuid(0xA1);
const std::string kPhoneB = Uuid(0xB1);

// Sends the items as a phone does (every one accepted); the answer.
json Sync(const InProcessServer& server, const std::string& device, const std::vector<core::OutboxItem>& items = {},
          const std::string& cursor = "") {
  const Answer answer = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(device, cursor, items));
  REQUIRE(answer.status == 200);
  for (const json& result : answer.body["results"]) {
    INFO(result.dump());
    CHECK(result["status"] == "accepted");
  }
  return answer.body;
}

// The phone's "yours", by suggestion id.
std::map<std::string, json> Yours(const InProcessServer& server, const std::string& device) {
  std::map<std::string, json> yours;
  const json answer = Sync(server, device);
  for (const json& entry : answer["yours"]) yours[entry["id"].get<std::string>()] = entry;
  return yours;
}

// The public map after `since`: each place's newest entry, by id.
std::map<std::string, json> Map(const InProcessServer& server, const std::string& since = "") {
  const Answer answer = Call(server, "GET", "/api/v1/places?since=" + since);
  REQUIRE(answer.status == 200);
  std::map<std::string, json> places;
  for (const json& entry : answer.body["places"]) places[entry["id"]] = entry;
  return places;
}

std::string Cursor(const InProcessServer& server) {
  const Answer answer = Call(server, "GET", "/api/v1/places?limit=1000");
  REQUIRE(answer.status == 200);
  return answer.body["cursor"];
}

bool OnMap(const InProcessServer& server, const std::string& id) {
  const std::map<std::string, json> map = Map(server);
  const auto found = map.find(id);
  return found != map.end() && found->second.contains("profile");
}

core::OutboxItem SuggestionOf(std::uint64_t id, const std::string& device, unsigned seed) {
  return {sync_samples::MakeSuggestion(Uuid(id), device, Uuid(id + 1), seed)};
}

Answer Post(const InProcessServer& server, const std::string& path, const std::string& token, const json& body = {}) {
  return Call(server, "POST", path, body.is_null() ? "" : body.dump(), token);
}

std::vector<std::string> QueueIds(const InProcessServer& server, const std::string& token,
                                  const std::string& query = "") {
  const Answer answer = Call(server, "GET", "/api/v1/review/queue" + query, "", token);
  REQUIRE(answer.status == 200);
  std::vector<std::string> ids;
  for (const json& item : answer.body["items"]) ids.push_back(item["id"]);
  return ids;
}

void Exec(const InProcessServer& server, const std::string& sql) {
  store::Database db = OpenData(server);
  std::string error;
  INFO(error);
  REQUIRE(db.Exec(sql, error));
}

bool Contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

TEST_CASE("approve, edit and approve, reject: the map and 'yours' follow, and undo puts each back",
          "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string s1 = Uuid(0x100), s2 = Uuid(0x200), s3 = Uuid(0x300);
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 1), SuggestionOf(0x200, kPhoneA, 2), SuggestionOf(0x300, kPhoneA, 3)});

  const Answer queue = Call(server, "GET", "/api/v1/review/queue", "", officer);
  REQUIRE(queue.status == 200);
  CHECK(queue.body["counts"]["suggestions"] == 3);
  REQUIRE(queue.body["items"].size() == 3);
  const json& first = queue.body["items"][0];
  CHECK(first["kind"] == "suggestion");
  CHECK(first["id"] == s1);
  CHECK(first["place"]["name"] == "Quiet Cafe 1");
  CHECK(first["why"] == "The staff know me and it is calm.");
  CHECK(first["first_rating"]["visit_month"] == "2024-05");
  CHECK(first["session"].is_null());
  CHECK_FALSE(first["first_rating"].contains("device_id"));

  CHECK(Post(server, "/api/v1/review/suggestions/" + s1 + "/approve", officer).body == json{{"status", "approved"}});
  CHECK(OnMap(server, s1));
  CHECK(Yours(server, kPhoneA)[s1]["status"] == "approved");
  CHECK(Post(server, "/api/v1/review/suggestions/" + s1 + "/approve", officer).status == 409);

  const Answer edited = Post(server, "/api/v1/review/suggestions/" + s2 + "/approve", officer,
                             {{"edit", {{"name", "Riverside Library"}, {"category", "library"}}}});
  CHECK(edited.status == 200);
  CHECK(Map(server)[s2]["name"] == "Riverside Library");
  CHECK(Map(server)[s2]["category"] == "library");

  CHECK(Post(server, "/api/v1/review/suggestions/" + s3 + "/reject", officer, {{"reason", "nope"}}).status == 422);
  CHECK(Post(server, "/api/v1/review/suggestions/" + s3 + "/reject", officer, {{"reason", "already_on_map"}}).body ==
        json{{"status", "rejected"}});
  std::map<std::string, json> yours = Yours(server, kPhoneA);
  CHECK(yours[s3]["status"] == "rejected");
  CHECK(yours[s3]["reason"] == "already_on_map");
  CHECK_FALSE(OnMap(server, s3));
  CHECK(QueueIds(server, officer, "?kind=suggestion").empty());
  // The first approved place's own first rating had words: they wait as a comment now.
  CHECK(QueueIds(server, officer, "?kind=comment") == std::vector<std::string>{Uuid(0x101)});

  const Answer audit = Call(server, "GET", "/api/v1/audit", "", officer);
  REQUIRE(audit.body["entries"].size() == 3);
  CHECK(audit.body["entries"][0]["action"] == "reject");
  CHECK(audit.body["entries"][1]["action"] == "edit_approve");
  CHECK(audit.body["entries"][2]["action"] == "approve");
  CHECK(audit.body["entries"][0]["username"] == "olive.officer");

  // Undo, newest first: each puts the suggestion back in the queue, the map and "yours".
  CHECK(Post(server, "/api/v1/review/undo", officer).body == json{{"undone", {{"action", "reject"}, {"item_id", s3}}}});
  CHECK(Yours(server, kPhoneA)[s3]["status"] == "suggested");
  CHECK_FALSE(Yours(server, kPhoneA)[s3].contains("reason"));
  CHECK(Contains(QueueIds(server, officer, "?kind=suggestion"), s3));

  const std::string before_undo = Cursor(server);
  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "edit_approve");
  const std::map<std::string, json> changes = Map(server, before_undo);  // what a phone's next sync gets
  REQUIRE(changes.contains(s2));
  CHECK(changes.at(s2) == json{{"id", s2}, {"status", "suggested"}});
  CHECK(Yours(server, kPhoneA)[s2]["status"] == "suggested");
  {
    const store::Database db = OpenData(server);
    CHECK(store::LoadPlace(db, s2)->place.name == "Quiet Cafe 2");
    CHECK(store::LoadPlace(db, s2)->place.category == core::Category::Cafe);
  }

  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "approve");
  CHECK_FALSE(OnMap(server, s1));
  CHECK(Yours(server, kPhoneA)[s1]["status"] == "suggested");
  const Answer nothing = Post(server, "/api/v1/review/undo", officer);
  CHECK(nothing.status == 409);
  CHECK(nothing.body["error"]["message"] == "Nothing to undo.");
  CHECK(QueueIds(server, officer, "?kind=suggestion").size() == 3);
  CHECK(QueueIds(server, officer, "?kind=comment").empty());

  // And again after the undo: approving works, and the undo log says what happened.
  CHECK(Post(server, "/api/v1/review/suggestions/" + s1 + "/approve", officer).status == 200);
  CHECK(OnMap(server, s1));
  const Answer log = Call(server, "GET", "/api/v1/audit?limit=2", "", officer);
  REQUIRE(log.body["entries"].size() == 2);
  CHECK(log.body["entries"][1]["action"] == "undo");
}

TEST_CASE("approving checks the edit in an officer's words; unknown items are 404", "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 1)});
  const std::string path = "/api/v1/review/suggestions/" + Uuid(0x100) + "/approve";
  const Answer far = Post(server, path, officer, {{"edit", {{"lat", 10.0}}}});
  CHECK(far.status == 422);
  CHECK(far.body["error"]["field"] == "edit.lat");
  CHECK(Post(server, path, officer, {{"edit", {{"name", "x"}}}}).body["error"]["field"] == "edit.name");
  CHECK(Post(server, path, officer, {{"edit", {{"colour", "red"}}}}).body["error"]["field"] == "edit.colour");
  CHECK(Post(server, path, officer, {{"edit", {{"category", "zoo"}}}}).body["error"]["field"] == "edit.category");
  CHECK(Call(server, "POST", path, "{not json", officer).status == 400);
  CHECK(Call(server, "POST", path, std::string(5000, ' ') + "{}", officer).status == 413);
  CHECK(Post(server, "/api/v1/review/suggestions/nope/approve", officer).status == 404);
  CHECK(Post(server, "/api/v1/review/comments/nope/approve", officer).status == 404);
  CHECK(Call(server, "GET", "/api/v1/review/queue?area=middle", "", officer).status == 422);
  CHECK(Call(server, "GET", "/api/v1/review/queue?limit=0", "", officer).status == 422);
  CHECK(Call(server, "GET", "/api/v1/review/queue?kind=photos", "", officer).status == 422);
  CHECK_FALSE(OnMap(server, Uuid(0x100)));
}

TEST_CASE("the places near a suggestion are every approved place within 250 m, across the map's grid",
          "[server][review]") {
  // They are read through the area grid's columns (migration 0013): a place in the column
  // beside, or two columns away, must still be found, and one 300 m away must not.
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const core::TileId cell = core::AreaCellOf(52.40, -1.51);
  const double edge = core::TileBounds(cell).west;  // a column's west edge
  constexpr double kMetresPerDegreeLat = 111320.0;
  const double metre_lon = 1.0 / (kMetresPerDegreeLat * std::cos(52.40 * 3.14159265358979323846 / 180.0));
  const double lat = 52.40, lon = edge + 5 * metre_lon;  // 5 m east of the edge
  struct Near {
    std::uint64_t id;
    double east_m, north_m;
    bool listed;
  };
  const Near places[] = {{0x2001, -60, 0, true},    // the column to the west
                         {0x2002, 200, 0, true},    // east, maybe the next column
                         {0x2003, 0, 240, true},    // north, the same column
                         {0x2004, -170, 170, true}, // north-west, 240 m
                         {0x2005, -300, 0, false},  // too far
                         {0x2006, 0, -300, false}};
  for (const Near& near : places)
    AddApprovedPlace(server, Uuid(near.id), "Place " + std::to_string(near.id), core::Category::Park,
                     lat + near.north_m / kMetresPerDegreeLat, lon + near.east_m * metre_lon);
  core::Suggestion suggestion = sync_samples::MakeSuggestion(Uuid(0x100), kPhoneA, Uuid(0x101), 1);
  suggestion.lat = lat;
  suggestion.lon = lon;
  Sync(server, kPhoneA, {core::OutboxItem{suggestion}});

  const Answer queue = Call(server, "GET", "/api/v1/review/queue?kind=suggestion", "", officer);
  REQUIRE(queue.body["items"].size() == 1);
  std::vector<std::string> listed;
  for (const json& near : queue.body["items"][0]["nearby"]) listed.push_back(near["id"].get<std::string>());
  for (const Near& near : places) {
    INFO(near.id);
    CHECK(Contains(listed, Uuid(near.id)) == near.listed);
  }
  CHECK(listed.front() == Uuid(0x2001));  // nearest first
}

TEST_CASE("merge moves the suggestion's ratings and profile to the place; undo moves them back", "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string library = Uuid(0x1001), other = Uuid(0x1002);
  AddApprovedPlace(server, library, "Central Library", core::Category::Library, 52.4035, -1.507);  // ~60 m away
  Sync(server, kPhoneB, {core::OutboxItem{sync_samples::MakeRating(Uuid(0x50), library, kPhoneB, 2)}});
  const std::string suggestion = Uuid(0x100);
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 3)});
  CHECK(Map(server)[library]["profile"]["rating_count"] == 1);

  const Answer queue = Call(server, "GET", "/api/v1/review/queue?kind=suggestion", "", officer);
  REQUIRE(queue.body["items"].size() == 1);
  REQUIRE(queue.body["items"][0]["nearby"].size() == 1);  // the library is a few metres away
  CHECK(queue.body["items"][0]["nearby"][0]["id"] == library);
  CHECK(queue.body["items"][0]["nearby"][0]["distance_m"].get<int>() < 250);

  const std::string path = "/api/v1/review/suggestions/" + suggestion + "/merge";
  CHECK(Post(server, path, officer, {{"into", suggestion}}).status == 422);
  CHECK(Post(server, path, officer, {{"into", other}}).body["error"]["field"] == "into");
  CHECK(Post(server, path, officer, json::object()).status == 422);
  CHECK(Post(server, path, officer, {{"into", library}}).body == json{{"status", "merged"}});

  std::map<std::string, json> map = Map(server);
  CHECK(map[library]["profile"]["rating_count"] == 2);
  CHECK_FALSE(map.contains(suggestion));  // never public
  std::map<std::string, json> yours = Yours(server, kPhoneA);
  CHECK(yours[suggestion]["status"] == "merged");
  CHECK(yours[suggestion]["merged_into"] == library);
  {
    // The phone's own history still has its rating of the place it named.
    const store::Database db = OpenData(server);
    std::string error;
    const auto sent = store::SentItemsOf(db, kPhoneA, error);
    REQUIRE(sent);
    REQUIRE(sent->size() == 1);
    CHECK(std::get<core::Suggestion>(sent->front().item.payload).first_rating.place_id == suggestion);
  }

  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "merge");
  CHECK(Map(server)[library]["profile"]["rating_count"] == 1);
  CHECK(Yours(server, kPhoneA)[suggestion]["status"] == "suggested");
  const store::Database db = OpenData(server);
  CHECK(store::LoadPlace(db, suggestion)->profile.rating_count == 1);
}

TEST_CASE("comments: approving shows the words on the card, hiding keeps them out; undo puts each back",
          "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string library = Uuid(0x1001), rating = Uuid(0x51);
  AddApprovedPlace(server, library, "Central Library", core::Category::Library);
  Sync(server, kPhoneB, {core::OutboxItem{sync_samples::MakeRating(rating, library, kPhoneB, 1)}});  // with words

  const Answer queue = Call(server, "GET", "/api/v1/review/queue?kind=comment", "", officer);
  REQUIRE(queue.body["items"].size() == 1);
  CHECK(queue.body["items"][0]["id"] == rating);
  CHECK(queue.body["items"][0]["text"] == "The staff were kind to me.");
  CHECK(queue.body["items"][0]["place"]["name"] == "Central Library");
  CHECK(queue.body["counts"]["comments"] == 1);

  CHECK(Post(server, "/api/v1/review/comments/" + rating + "/approve", officer).body == json{{"comment", "approved"}});
  CHECK(Map(server)[library]["comments"][0]["text"] == "The staff were kind to me.");
  CHECK(Sync(server, kPhoneB)["shared_comments"] == json::array({rating}));
  CHECK(QueueIds(server, officer).empty());

  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "approve_comment");
  CHECK_FALSE(Map(server)[library].contains("comments"));
  CHECK(Sync(server, kPhoneB)["shared_comments"] == json::array());
  CHECK(QueueIds(server, officer) == std::vector<std::string>{rating});

  CHECK(Post(server, "/api/v1/review/comments/" + rating + "/hide", officer).body == json{{"comment", "hidden"}});
  CHECK(QueueIds(server, officer).empty());
  CHECK_FALSE(Map(server)[library].contains("comments"));
  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "hide_comment");
  CHECK(QueueIds(server, officer) == std::vector<std::string>{rating});
}

TEST_CASE("the queue: safeguarding first, then oldest; filters; an action resolves its flags and undo re-opens them",
          "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string library = Uuid(0x1001), rating = Uuid(0x51);
  AddApprovedPlace(server, library, "Central Library", core::Category::Library);
  Sync(server, kPhoneB, {core::OutboxItem{sync_samples::MakeRating(rating, library, kPhoneB, 1)}});
  core::Suggestion park = sync_samples::MakeSuggestion(Uuid(0x200), kPhoneA, Uuid(0x201), 4);
  park.category = core::Category::Park;
  park.lat = 52.45;  // the north west of Coventry
  park.lon = -1.60;
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 1), core::OutboxItem{park}});
  // Arrival times: the comment first, then the cafe, then the park.
  Exec(server, "UPDATE sync_items SET accepted_at = 1000 WHERE id = '" + rating + "'");
  Exec(server, "UPDATE sync_items SET accepted_at = 2000 WHERE id = '" + Uuid(0x100) + "'");
  Exec(server, "UPDATE sync_items SET accepted_at = 3000 WHERE id = '" + Uuid(0x200) + "'");
  CHECK(QueueIds(server, officer) == std::vector<std::string>{rating, Uuid(0x100), Uuid(0x200)});

  // Screening found worrying words in the park's "why": it goes to the top.
  Exec(server,
       "INSERT INTO review_flags (item_id, item_kind, flag, detail, created_at) VALUES ('" + Uuid(0x200) +
           "', 'suggestion', 'safeguarding', 'why: unsafe at home', 5000), ('" + rating +
           "', 'rating', 'phone', 'comment: 07700 900123', 5000)");
  const Answer queue = Call(server, "GET", "/api/v1/review/queue", "", officer);
  CHECK(queue.body["counts"] == json{{"suggestions", 2}, {"comments", 1}, {"flagged", 2}, {"safeguarding", 1}});
  REQUIRE(queue.body["items"].size() == 3);
  CHECK(queue.body["items"][0]["id"] == Uuid(0x200));
  CHECK(queue.body["items"][0]["safeguarding"] == true);
  CHECK(queue.body["items"][0]["flags"] == json::array({{{"flag", "safeguarding"}, {"detail", "why: unsafe at home"}}}));
  CHECK(queue.body["items"][1]["id"] == rating);

  CHECK(QueueIds(server, officer, "?kind=comment") == std::vector<std::string>{rating});
  CHECK(QueueIds(server, officer, "?kind=suggestion") == std::vector<std::string>{Uuid(0x200), Uuid(0x100)});
  CHECK(QueueIds(server, officer, "?category=park") == std::vector<std::string>{Uuid(0x200)});
  CHECK(QueueIds(server, officer, "?area=nw") == std::vector<std::string>{Uuid(0x200)});
  CHECK(QueueIds(server, officer, "?area=c&kind=suggestion") == std::vector<std::string>{Uuid(0x100)});
  CHECK(QueueIds(server, officer, "?flagged=1") == std::vector<std::string>{Uuid(0x200), rating});
  CHECK(QueueIds(server, officer, "?session=" + Uuid(0x999)).empty());
  CHECK(QueueIds(server, officer, "?limit=1") == std::vector<std::string>{Uuid(0x200)});

  const auto waiting = [&server] {
    const store::Database db = OpenData(server);
    store::Statement s = db.Prepare("SELECT count(*) FROM review_flags WHERE resolved_at IS NULL");
    REQUIRE(s.Step() == store::StepResult::Row);
    return s.ColumnInt64(0);
  };
  CHECK(Post(server, "/api/v1/review/suggestions/" + Uuid(0x200) + "/reject", officer, {{"reason", "not_safe_to_show"}})
            .status == 200);
  CHECK(waiting() == 1);
  CHECK(Post(server, "/api/v1/review/undo", officer).status == 200);
  CHECK(waiting() == 2);
  CHECK(QueueIds(server, officer, "?flagged=1") == std::vector<std::string>{Uuid(0x200), rating});
}

TEST_CASE("the scheme: set and read; members carry scheme_member in the feed; due checks", "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string library = Uuid(0x1001), park = Uuid(0x1002);
  AddApprovedPlace(server, library, "Central Library", core::Category::Library);
  AddApprovedPlace(server, park, "War Memorial Park", core::Category::Park);
  CHECK_FALSE(Map(server)[library].contains("scheme_member"));

  const std::string path = "/api/v1/places/" + library + "/scheme";
  std::string cursor = Cursor(server);
  const Answer agreed =
      Post(server, path, officer, {{"status", "agreed"}, {"checked_on", "2024-05-01"}, {"check_again_on", "2020-01-01"}});
  CHECK(agreed.status == 200);
  CHECK(agreed.body["scheme"]["status"] == "agreed");
  std::map<std::string, json> changes = Map(server, cursor);  // a phone's next pull gets it
  REQUIRE(changes.contains(library));
  CHECK(changes[library]["scheme_member"] == true);
  CHECK_FALSE(changes.contains(park));
  {
    const Answer sync = Call(server, "POST", "/api/v1/sync", core::BuildSyncRequest(kPhoneA, cursor, {}));
    core::Parsed<core::SyncAnswer> parsed = core::ParseSyncAnswer(sync.text);
    REQUIRE(parsed);
    REQUIRE(parsed.value->changes.places.size() == 1);
    CHECK(parsed.value->changes.places[0].scheme_member);
  }

  const Answer due = Call(server, "GET", "/api/v1/review/places?due=1", "", officer);
  REQUIRE(due.body["places"].size() == 1);
  CHECK(due.body["places"][0]["id"] == library);
  CHECK(due.body["places"][0]["scheme"] ==
        json{{"status", "agreed"}, {"checked_on", "2024-05-01"}, {"check_again_on", "2020-01-01"}});
  const Answer search = Call(server, "GET", "/api/v1/review/places?search=MEMORIAL", "", officer);
  REQUIRE(search.body["places"].size() == 1);
  CHECK(search.body["places"][0]["scheme"]["status"] == "not_contacted");
  CHECK(Call(server, "GET", "/api/v1/review/places", "", officer).body["places"].size() == 2);

  cursor = Cursor(server);
  CHECK(Post(server, path, officer, {{"status", "contacted"}}).status == 200);
  changes = Map(server, cursor);
  REQUIRE(changes.contains(library));
  CHECK_FALSE(changes[library].contains("scheme_member"));
  CHECK(Post(server, "/api/v1/review/undo", officer).body["undone"]["action"] == "scheme");
  CHECK(Map(server)[library]["scheme_member"] == true);

  CHECK(Post(server, path, officer, {{"status", "gold"}}).body["error"]["field"] == "status");
  CHECK(Post(server, path, officer, {{"status", "trained"}, {"checked_on", "2026-02-30"}}).body["error"]["field"] ==
        "checked_on");
  CHECK(Post(server, path, officer, {{"status", "trained"}, {"check_again_on", 20260101}}).status == 422);
  CHECK(Post(server, "/api/v1/places/" + Uuid(0x9999) + "/scheme", officer, {{"status", "agreed"}}).status == 404);
  CHECK(Call(server, "GET", "/api/v1/review/places?due=yes", "", officer).status == 422);
}

TEST_CASE("the city picture on a small known set", "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const std::string library = Uuid(0x1001), park = Uuid(0x1002);
  AddApprovedPlace(server, library, "Central Library", core::Category::Library, 52.41, -1.51);  // centre
  AddApprovedPlace(server, park, "Coundon Park", core::Category::Park, 52.45, -1.60);          // north west
  const auto rating = [](std::uint64_t id, const std::string& place, int welcome, int quiet, int staff) {
    core::Rating r = sync_samples::MakeRating(Uuid(id), place, kPhoneB, 0);
    r.scales = {};
    r.scales[core::IndexOf(core::Scale::Welcome)] = static_cast<std::uint8_t>(welcome);
    r.scales[core::IndexOf(core::Scale::Quiet)] = static_cast<std::uint8_t>(quiet);
    r.scales[core::IndexOf(core::Scale::StaffUnderstand)] = static_cast<std::uint8_t>(staff);
    return core::OutboxItem{r};
  };
  Sync(server, kPhoneB, {rating(0x51, library, 5, 1, 2), rating(0x52, library, 3, 4, 5), rating(0x53, park, 4, 2, 0)});
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 1)});  // waiting: not in the picture, but sent this month

  const Answer stats = Call(server, "GET", "/api/v1/stats", "", officer);
  REQUIRE(stats.status == 200);
  const json& s = stats.body;
  CHECK(s["by_category"] == json::array({{{"category", "library"}, {"count", 1}}, {{"category", "park"}, {"count", 1}}}));
  REQUIRE(s["by_area"].size() == 9);
  CHECK(s["by_area"][0] == json{{"area", "nw"}, {"label", "North west"}, {"count", 1}});
  CHECK(s["by_area"][4] == json{{"area", "c"}, {"label", "Centre"}, {"count", 1}});
  CHECK(s["by_area"][8]["count"] == 0);
  const auto scale = [&s](const char* key, const std::string& name) {
    for (const json& entry : s[key])
      if (entry["scale"] == name) return entry;
    FAIL("no scale " << name);
    return json();
  };
  CHECK(scale("scales", "welcome")["histogram"] == json::array({0, 0, 1, 1, 1}));
  CHECK(scale("scales", "welcome")["mean"] == 4.0);
  CHECK(scale("scales", "quiet")["histogram"] == json::array({1, 1, 0, 1, 0}));
  CHECK(scale("scales", "quiet")["mean"] == Approx(2.33));
  CHECK(scale("scales", "gentle_lighting")["mean"].is_null());
  CHECK(scale("place_spread", "welcome")["buckets"] == json::array({0, 0, 0, 2}));     // 4.0 and 4.0
  CHECK(scale("place_spread", "quiet")["buckets"] == json::array({0, 2, 0, 0}));       // 2.5 and 2.0
  CHECK(scale("place_spread", "staff_understand")["buckets"] == json::array({0, 0, 1, 0}));  // 3.5
  REQUIRE(s["concerns"].size() == 2);
  CHECK(s["concerns"][0] == json{{"place_id", library}, {"name", "Central Library"}, {"ratings", 2},
                                 {"not_quiet", 1}, {"staff_dont_understand", 1}});
  CHECK(s["concerns"][1]["place_id"] == park);
  REQUIRE(s["over_time"].size() == 12);
  CHECK(s["over_time"][11]["ratings"] == 3);
  CHECK(s["over_time"][11]["suggestions"] == 1);
  CHECK(s["over_time"][10]["ratings"] == 0);
}

TEST_CASE("staff accounts, the audit log as CSV, and undo only within 30 minutes", "[server][review]") {
  InProcessServer server;
  const std::string officer = LogIn(server, "olive.officer", StaffRole::Officer);
  const Answer added = Post(server, "/api/v1/staff", officer,
                            {{"username", "yusuf.worker"}, {"password", "a long enough pass"}, {"role", "youth_worker"}});
  REQUIRE(added.status == 200);
  CHECK(added.body["username"] == "yusuf.worker");
  CHECK(added.body["role"] == "youth_worker");
  const std::string worker_id = added.body["id"];
  CHECK(Post(server, "/api/v1/staff", officer,
             {{"username", "Yusuf.Worker"}, {"password", "another long pass"}, {"role", "officer"}})
            .status == 409);
  CHECK(Post(server, "/api/v1/staff", officer, {{"username", "ab"}, {"password", "a long enough pass"}, {"role", "officer"}})
            .body["error"]["field"] == "username");
  CHECK(Post(server, "/api/v1/staff", officer, {{"username", "abc.def"}, {"password", "short"}, {"role", "officer"}})
            .body["error"]["field"] == "password");
  CHECK(Post(server, "/api/v1/staff", officer,
             {{"username", "abc.def"}, {"password", "a long enough pass"}, {"role", "boss"}})
            .body["error"]["field"] == "role");

  const json login = {{"username", "yusuf.worker"}, {"password", "a long enough pass"}};
  CHECK(Call(server, "POST", "/api/v1/staff/login", login.dump()).status == 200);
  const Answer list = Call(server, "GET", "/api/v1/staff", "", officer);
  REQUIRE(list.body["staff"].size() == 2);
  CHECK(list.body["staff"][1] == json{{"id", worker_id}, {"username", "yusuf.worker"}, {"role", "youth_worker"},
                                      {"active", true}});
  CHECK(Post(server, "/api/v1/staff/" + worker_id + "/active", officer, {{"active", false}}).body["active"] == false);
  CHECK(Call(server, "POST", "/api/v1/staff/login", login.dump()).status == 403);
  CHECK(Post(server, "/api/v1/staff/" + worker_id + "/active", officer, {{"active", "no"}}).status == 422);
  CHECK(Post(server, "/api/v1/staff/nobody/active", officer, {{"active", true}}).status == 404);
  const std::string my_id = list.body["staff"][0]["id"];
  CHECK(Post(server, "/api/v1/staff/" + my_id + "/active", officer, {{"active", false}}).status == 409);

  // An approval, then the log as CSV: newest first, formula-safe cells.
  Sync(server, kPhoneA, {SuggestionOf(0x100, kPhoneA, 1)});
  CHECK(Post(server, "/api/v1/review/suggestions/" + Uuid(0x100) + "/approve", officer,
             {{"edit", {{"name", "=HYPERLINK(\"x\")"}}}})
            .status == 200);
  const Answer csv = Fetch(server, "GET", "/api/v1/audit.csv", "", officer);
  CHECK(csv.status == 200);
  CHECK(csv.content_type.starts_with("text/csv"));
  const std::vector<std::vector<std::string>> rows = core::ParseCsv(csv.text);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"at", "username", "action", "item_id", "detail"});
  CHECK(rows[1][2] == "edit_approve");
  CHECK(rows[1][1] == "olive.officer");
  CHECK(rows[2][2] == "set_staff_active");
  CHECK(rows[3][2] == "add_staff");
  CHECK(rows[3][3] == worker_id);
  CHECK(rows[1][0].size() == 19);  // "YYYY-MM-DD HH:MM:SS"
  const json detail = json::parse(rows[1][4]);
  CHECK(detail["name"] == "=HYPERLINK(\"x\")");  // inside JSON text, which starts with "{"
  CHECK(Call(server, "GET", "/api/v1/audit?limit=abc", "", officer).status == 422);

  // Half an hour later there is nothing to undo.
  Exec(server, "UPDATE audit_log SET at = at - 1801");
  CHECK(Post(server, "/api/v1/review/undo", officer).status == 409);
  CHECK(OnMap(server, Uuid(0x100)));
}
