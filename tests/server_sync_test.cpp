// Tests of GET /api/v1/places and POST /api/v1/sync over real HTTP, against server::Server
// in this process on a free port: answers item by item, idempotency across batches,
// suggestions private until approved, every limit a clear 4xx, and a barrage of
// malformed bodies that must never get a 5xx. Start at SyncServer.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/api_error.h"
#include "core/codec.h"
#include "core/sync_protocol.h"
#include "server/options.h"
#include "server/sync_api.h"
#include "server/server.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"
#include "in_process_server.h"
#include "test_gunzip.h"
#include "test_temp_dir.h"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

const std::string kDevice = Uuid(0xD1);
const std::string kOtherDevice = Uuid(0xD2);
const std::string kPlace = Uuid(0x100);

class SyncServer {
 public:
  SyncServer() : client_(server_.Client()) {}
  httplib::Client Client() const { return server_.Client(); }  // a new connection

  struct Answer {
    int status = 0;
    json body;
  };

  Answer Post(const std::string& body) {
    auto res = client_.Post("/api/v1/sync", body, "application/json");
    REQUIRE(res);
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  Answer Sync(const std::vector<core::OutboxItem>& items, const std::string& device = kDevice,
              const std::string& cursor = "") {
    json list = json::array();
    for (const core::OutboxItem& item : items) list.push_back(core::ToJson(item));
    return Post(core::DumpJson({{"device_id", device}, {"cursor", cursor}, {"items", list}}));
  }
  Answer Get(const std::string& path) {
    auto res = client_.Get(path.c_str());
    REQUIRE(res);
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  bool Healthy() {
    auto res = server_.Client().Get("/api/v1/health");  // a new connection
    return res && res->status == 200;
  }

  // A second connection to the server's database, as an officer's tool would use.
  store::Database OpenDatabase() {
    std::string error;
    std::optional<store::Database> db =
        store::Database::Open((server_.DataDir() / "safespaces.db").string(), error);
    INFO(error);
    REQUIRE(db);
    return std::move(*db);
  }
  store::ServerCounts Counts() {
    store::Database db = OpenDatabase();
    std::string error;
    std::optional<store::ServerCounts> counts = store::CountRows(db, error);
    REQUIRE(counts);
    return *counts;
  }

 private:
  InProcessServer server_;  // first: the client below connects to it
  httplib::Client client_;
};

core::OutboxItem Item(core::Rating rating) { return {std::move(rating)}; }
core::OutboxItem Item(core::Suggestion suggestion) { return {std::move(suggestion)}; }
core::OutboxItem Item(core::Withdrawal withdrawal) { return {std::move(withdrawal)}; }

// A rating from this month, whatever month the test runs in.
core::Rating RatingNow(const std::string& id, const std::string& place, const std::string& device, unsigned seed = 0) {
  core::Rating rating = MakeRating(id, place, device, seed);
  rating.visit_month = "2024-05";  // in the past for any clock this test will meet
  return rating;
}

void CheckError(const SyncServer::Answer& answer, int status, const std::string& field) {
  INFO(answer.body.dump());
  CHECK(answer.status == status);
  const std::optional<core::ApiError> error = core::ErrorFromJson(answer.body.dump());
  REQUIRE(error);
  CHECK(error->field == field);
  CHECK_FALSE(error->message.empty());
}

}  // namespace

TEST_CASE("a sync batch is answered item by item: accepted, already accepted, rejected with a reason",
          "[server][sync]") {
  SyncServer server;
  core::Rating too_early = RatingNow(Uuid(3), kPlace, kDevice);
  too_early.visit_month = "2019-12";
  json items = json::array({core::ToJson(Item(MakeSuggestion(kPlace, kDevice, Uuid(1)))),
                            core::ToJson(Item(RatingNow(Uuid(2), kPlace, kDevice))),
                            core::ToJson(Item(RatingNow(Uuid(2), kPlace, kDevice))),  // twice in one batch
                            core::ToJson(Item(too_early)),
                            core::ToJson(Item(RatingNow(Uuid(4), kPlace, kOtherDevice))),  // not this device's
                            json{{"kind", "rating"}, {"id", Uuid(5)}},                     // half an item
                            json{{"kind", "party"}, {"id", Uuid(6)}}, json(42)});
  const SyncServer::Answer answer = server.Post(core::DumpJson({{"device_id", kDevice}, {"items", items}}));
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  const json& results = answer.body["results"];
  REQUIRE(results.size() == items.size());
  const std::vector<std::string> statuses = {"accepted", "accepted", "already_accepted", "rejected",
                                             "rejected", "rejected", "rejected",         "rejected"};
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    INFO("item " << i);
    CHECK(results[i]["status"] == statuses[i]);
    CHECK(results[i].contains("error") == (statuses[i] == "rejected"));
  }
  CHECK(results[0]["id"] == kPlace);
  CHECK(results[3]["id"] == Uuid(3));
  CHECK(results[3]["error"]["field"] == "visit_month");
  CHECK(results[3]["error"]["code"] == "invalid_field");
  CHECK(results[4]["error"]["field"] == "device_id");
  CHECK(results[5]["id"] == Uuid(5));
  CHECK(results[7]["id"] == "");
  CHECK(answer.body["places"] == json::array());
  CHECK(answer.body["cursor"].is_string());
  CHECK(answer.body["more"] == false);
  CHECK(server.Counts().ratings == 2);
}

TEST_CASE("an item sent again in a later batch is already accepted and stored once", "[server][sync]") {
  SyncServer server;
  const std::vector<core::OutboxItem> batch = {Item(RatingNow(Uuid(1), kPlace, kDevice, 1)),
                                               Item(RatingNow(Uuid(2), kPlace, kDevice, 2))};
  REQUIRE(server.Sync(batch).body["results"][1]["status"] == "accepted");
  const SyncServer::Answer again = server.Sync({batch[1], Item(RatingNow(Uuid(3), kPlace, kDevice, 3)), batch[0]});
  REQUIRE(again.status == 200);
  CHECK(again.body["results"][0]["status"] == "already_accepted");
  CHECK(again.body["results"][1]["status"] == "accepted");
  CHECK(again.body["results"][2]["status"] == "already_accepted");
  CHECK(server.Counts().ratings == 3);
  CHECK(server.Counts().sync_items == 3);

  // A withdrawal goes the same way, and the device's own rating stops counting.
  REQUIRE(server.Sync({Item(MakeWithdrawal(Uuid(9), kDevice, Uuid(2)))}).body["results"][0]["status"] == "accepted");
  CHECK(server.Counts().live_ratings == 2);
}

TEST_CASE("a suggestion is not on the public map until an officer approves it", "[server][sync][approval]") {
  SyncServer server;
  const core::Suggestion suggestion = MakeSuggestion(kPlace, kDevice, Uuid(1), 3);
  const SyncServer::Answer sent = server.Sync({Item(suggestion)});
  REQUIRE(sent.body["results"][0]["status"] == "accepted");
  CHECK(sent.body["places"].empty());
  CHECK(server.Get("/api/v1/places").body["places"].empty());
  CHECK(server.Sync({Item(RatingNow(Uuid(2), kPlace, kOtherDevice, 4))}, kOtherDevice).body["places"].empty());

  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.ApprovePlace(kPlace));
  }
  const SyncServer::Answer map = server.Get("/api/v1/places");
  REQUIRE(map.status == 200);
  REQUIRE(map.body["places"].size() == 1);
  const json& place = map.body["places"][0];
  CHECK(place["id"] == kPlace);
  CHECK(place["name"] == suggestion.name);
  CHECK(place["status"] == "approved");
  CHECK(place["profile"]["rating_count"] == 2);
  CHECK_FALSE(place.contains("why"));
  CHECK(map.body["more"] == false);

  // The same change reaches a device in its sync answer, once: then its cursor is past it.
  const SyncServer::Answer first = server.Sync({}, kDevice, "");
  REQUIRE(first.body["places"].size() == 1);
  const SyncServer::Answer next = server.Sync({}, kDevice, first.body["cursor"]);
  CHECK(next.body["places"].empty());
  CHECK(next.body["cursor"] == first.body["cursor"]);
  CHECK(server.Get("/api/v1/places?since=" + first.body["cursor"].get<std::string>()).body["places"].empty());
}

TEST_CASE("the map shows a place's comments only once an officer approves them", "[server][places][comments]") {
  SyncServer server;
  core::Suggestion suggestion = MakeSuggestion(kPlace, kDevice, Uuid(1), 3);
  suggestion.first_rating.comment = "They let me sit by the window.";
  core::Rating other = RatingNow(Uuid(2), kPlace, kOtherDevice, 4);
  other.comment = "Too loud on Saturdays.";
  REQUIRE(server.Sync({Item(suggestion)}).status == 200);
  REQUIRE(server.Sync({Item(other)}, kOtherDevice).status == 200);
  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.ApprovePlace(kPlace));
  }
  const SyncServer::Answer before = server.Get("/api/v1/places");
  REQUIRE(before.body["places"].size() == 1);
  CHECK_FALSE(before.body["places"][0].contains("comments"));
  CHECK(before.body.dump().find("window") == std::string::npos);

  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.ApproveComment(Uuid(1)));
    REQUIRE_FALSE(officer.HideComment(Uuid(2)));
  }
  const SyncServer::Answer after = server.Get("/api/v1/places?since=" + before.body["cursor"].get<std::string>());
  REQUIRE(after.status == 200);
  REQUIRE(after.body["places"].size() == 1);
  CHECK(after.body["places"][0]["comments"] ==
        json::parse(R"([{"text": "They let me sit by the window.", "month": "2024-05"}])"));
  CHECK(after.body.dump().find("Saturdays") == std::string::npos);
  CHECK(after.body.dump().find(kDevice) == std::string::npos);
  CHECK(after.body.dump().find(Uuid(1)) == std::string::npos);
  const core::Parsed<core::PlaceChanges> read = core::ParsePlaceChanges(after.body.dump());
  REQUIRE(read);
  REQUIRE(read.value->places.size() == 1);
  CHECK(read.value->places[0].comments == std::vector<core::PlaceComment>{{"They let me sit by the window.", "2024-05"}});
}

TEST_CASE("a device is told what became of its own suggestions, and no other device is", "[server][sync][yours]") {
  SyncServer server;
  core::Suggestion suggestion = MakeSuggestion(kPlace, kDevice, Uuid(1), 3);
  suggestion.reasons = {core::SafeReason::Quiet, core::SafeReason::KindStaff};
  const SyncServer::Answer sent = server.Sync({Item(suggestion)});
  REQUIRE(sent.body["results"][0]["status"] == "accepted");
  CHECK(sent.body["yours"] == json::array({{{"id", kPlace}, {"status", "suggested"}}}));
  CHECK(server.Sync({}, kOtherDevice).body["yours"] == json::array());

  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.RejectPlace(kPlace, core::NotAddedReason::OutsideArea));
  }
  const SyncServer::Answer mine = server.Sync({}, kDevice, sent.body["cursor"]);
  INFO(mine.body.dump());
  REQUIRE(mine.status == 200);
  CHECK(mine.body["yours"] == json::array({{{"id", kPlace}, {"status", "rejected"}, {"reason", "outside_area"}}}));
  const core::Parsed<core::SyncAnswer> read = core::ParseSyncAnswer(mine.body.dump());
  REQUIRE(read);
  REQUIRE(read.value->yours.size() == 1);
  CHECK(read.value->yours[0].reason == core::NotAddedReason::OutsideArea);

  // Another device, even one that rated the same place, learns nothing of it.
  const SyncServer::Answer theirs = server.Sync({Item(RatingNow(Uuid(2), kPlace, kOtherDevice))}, kOtherDevice);
  INFO(theirs.body.dump());
  CHECK(theirs.body["results"][0]["status"] == "accepted");
  CHECK(theirs.body["yours"] == json::array());
  CHECK(theirs.body.dump().find("outside_area") == std::string::npos);
  CHECK(theirs.body["places"].empty());
  // Nor does the public map, which never shows a rejected suggestion or its reasons.
  CHECK(server.Get("/api/v1/places").body["places"].empty());

  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.ApprovePlace(kPlace));
  }
  const SyncServer::Answer approved = server.Sync({}, kDevice, mine.body["cursor"]);
  // Nothing was approved near it before: the first place in its area.
  CHECK(approved.body["yours"] == json::array({{{"id", kPlace}, {"status", "approved"}, {"first_in_area", true}}}));
  REQUIRE(approved.body["places"].size() == 1);
  CHECK_FALSE(approved.body["places"][0].contains("reasons"));
}

TEST_CASE("a device is told its first place in an area and its shared comments, and no other device's",
          "[server][sync][yours][comments]") {
  SyncServer server;
  core::Rating mine = RatingNow(Uuid(2), kPlace, kDevice, 1);
  mine.comment = "They let me sit by the window.";
  core::Rating theirs = RatingNow(Uuid(3), kPlace, kOtherDevice, 1);
  theirs.comment = "Kind staff.";
  const SyncServer::Answer sent = server.Sync({Item(MakeSuggestion(kPlace, kDevice, Uuid(1), 3)), Item(mine)});
  REQUIRE(sent.status == 200);
  CHECK(sent.body["shared_comments"] == json::array());
  REQUIRE(server.Sync({Item(theirs)}, kOtherDevice).body["results"][0]["status"] == "accepted");
  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    REQUIRE_FALSE(officer.ApprovePlace(kPlace));
    REQUIRE_FALSE(officer.ApproveComment(Uuid(2)));
    REQUIRE_FALSE(officer.ApproveComment(Uuid(3)));
  }
  const SyncServer::Answer answer = server.Sync({}, kDevice);
  INFO(answer.body.dump());
  CHECK(answer.body["yours"] == json::array({{{"id", kPlace}, {"status", "approved"}, {"first_in_area", true}}}));
  CHECK(answer.body["shared_comments"] == json::array({Uuid(2)}));
  const core::Parsed<core::SyncAnswer> read = core::ParseSyncAnswer(answer.body.dump());
  REQUIRE(read);
  REQUIRE(read.value->yours.size() == 1);
  CHECK(read.value->yours[0].first_in_area);
  CHECK(read.value->shared_comments == std::vector<std::string>{Uuid(2)});

  const SyncServer::Answer other = server.Sync({}, kOtherDevice);
  CHECK(other.body["yours"] == json::array());
  CHECK(other.body["shared_comments"] == json::array({Uuid(3)}));
}

TEST_CASE("the map pages with limit, cursor and more", "[server][places]") {
  SyncServer server;
  std::vector<core::OutboxItem> items;
  for (int i = 0; i < 5; ++i) items.push_back(Item(MakeSuggestion(Uuid(0x200 + i), kDevice, Uuid(0x300 + i), i)));
  REQUIRE(server.Sync(items).status == 200);
  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    for (int i = 0; i < 5; ++i) REQUIRE_FALSE(officer.ApprovePlace(Uuid(0x200 + i)));
  }
  std::string cursor;
  std::vector<std::string> ids;
  for (int page = 0; page < 3; ++page) {
    const SyncServer::Answer answer = server.Get("/api/v1/places?limit=2&since=" + cursor);
    REQUIRE(answer.status == 200);
    for (const json& place : answer.body["places"]) ids.push_back(place["id"]);
    CHECK(answer.body["more"] == (page < 2));
    cursor = answer.body["cursor"];
  }
  CHECK(ids.size() == 5);
}

TEST_CASE("a bad cursor or limit on the map is a 400 naming it", "[server][places][limits]") {
  SyncServer server;
  CheckError(server.Get("/api/v1/places?since=abc"), 400, "since");
  CheckError(server.Get("/api/v1/places?since=-5"), 400, "since");
  CheckError(server.Get("/api/v1/places?limit=0"), 400, "limit");
  CheckError(server.Get("/api/v1/places?limit=1001"), 400, "limit");
  CheckError(server.Get("/api/v1/places?limit=ten"), 400, "limit");
  CheckError(server.Get("/api/v1/places?limit="), 400, "limit");
  CHECK(server.Get("/api/v1/places?limit=1000&since=").status == 200);
}

TEST_CASE("a problem with the whole sync request is a 4xx JSON error in plain words", "[server][sync][limits]") {
  SyncServer server;
  const std::string ok_device = "\"device_id\":\"" + kDevice + "\"";
  CheckError(server.Post("this is not json"), 400, "");
  CheckError(server.Post(""), 400, "");
  CheckError(server.Post("[1,2,3]"), 400, "");
  CheckError(server.Post("{\"items\":[]}"), 400, "device_id");
  CheckError(server.Post("{\"device_id\":42,\"items\":[]}"), 422, "device_id");
  CheckError(server.Post("{\"device_id\":\"ABC\",\"items\":[]}"), 422, "device_id");
  CheckError(server.Post("{" + ok_device + "}"), 400, "items");
  CheckError(server.Post("{" + ok_device + ",\"items\":{}}"), 400, "items");
  CheckError(server.Post("{" + ok_device + ",\"cursor\":\"soon\",\"items\":[]}"), 400, "cursor");
  CheckError(server.Post("{" + ok_device + ",\"cursor\":7,\"items\":[]}"), 400, "cursor");

  SECTION("more than 100 items") {
    std::vector<core::OutboxItem> items;
    for (int i = 0; i < 101; ++i) items.push_back(Item(RatingNow(Uuid(1000 + i), kPlace, kDevice)));
    CheckError(server.Sync(items), 422, "items");
    items.pop_back();
    CHECK(server.Sync(items).status == 200);
    CHECK(server.Counts().ratings == 100);
  }
  SECTION("a body over 256 KiB, and one over the server's 4 MiB for any request") {
    const std::string padding(300 * 1024, ' ');
    CheckError(server.Post("{" + ok_device + ",\"items\":[]" + padding + "}"), 413, "");
    CheckError(server.Post("{" + ok_device + ",\"items\":[]" + std::string(5 << 20, ' ') + "}"), 413, "");
  }
  SECTION("lists inside lists, deeper than any real request") {
    CheckError(server.Post(std::string(100000, '[') + std::string(100000, ']')), 400, "");
    CheckError(server.Post("{" + ok_device + ",\"items\":[" + std::string(20, '[') + std::string(20, ']') + "]}"), 400,
               "");
    // Brackets inside text are only text.
    json item = core::ToJson(Item(RatingNow(Uuid(7), kPlace, kDevice)));
    item["comment"] = std::string(50, '[');
    const SyncServer::Answer answer = server.Post(core::DumpJson({{"device_id", kDevice}, {"items", {item}}}));
    CHECK(answer.status == 200);
  }
  SECTION("text too long in an item rejects only that item") {
    core::Rating rating = RatingNow(Uuid(8), kPlace, kDevice);
    rating.comment = std::string(2000, 'a');
    const SyncServer::Answer answer = server.Sync({Item(rating), Item(RatingNow(Uuid(9), kPlace, kDevice))});
    REQUIRE(answer.status == 200);
    CHECK(answer.body["results"][0]["error"]["field"] == "comment");
    CHECK(answer.body["results"][1]["status"] == "accepted");
  }
  CHECK(server.Healthy());
}

TEST_CASE("hundreds of malformed and random sync bodies never get a 5xx, and the server still answers",
          "[server][sync][fuzz]") {
  SyncServer server;
  std::mt19937 random(4242);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };

  // Valid bodies to break: a suggestion, ratings, a withdrawal.
  json good_items = json::array({core::ToJson(Item(MakeSuggestion(kPlace, kDevice, Uuid(1), 1))),
                                 core::ToJson(Item(RatingNow(Uuid(2), kPlace, kDevice, 2))),
                                 core::ToJson(Item(MakeWithdrawal(Uuid(3), kDevice, Uuid(2))))});
  const json good = {{"device_id", kDevice}, {"cursor", ""}, {"items", good_items}};
  const std::string good_text = core::DumpJson(good);

  const std::vector<json> odd_values = {nullptr,
                                        true,
                                        -1,
                                        0,
                                        1e308,
                                        -1e308,
                                        18446744073709551615ull,
                                        -9223372036854775807ll,
                                        0.5,
                                        "",
                                        std::string(3000, 'x'),
                                        "\xF0\x9F\x98\x80 emoji",
                                        "2024-13",
                                        "0000-00",
                                        "not-a-uuid",
                                        Uuid(1),
                                        json::array(),
                                        json::object(),
                                        json::array({1, "two", nullptr}),
                                        {{"kind", "rating"}}};
  // Replaces one value anywhere in `doc`, found by walking a random path.
  std::function<void(json&, int)> mutate = [&](json& doc, int depth) {
    if ((doc.is_object() || doc.is_array()) && !doc.empty() && depth < 6 && random() % 4 != 0) {
      auto it = doc.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(pick(doc.size())));
      mutate(*it, depth + 1);
      return;
    }
    doc = odd_values[pick(odd_values.size())];
  };

  std::vector<std::string> bodies;
  for (int i = 0; i < 150; ++i) {  // structured: valid JSON with a value swapped somewhere
    json doc = good;
    for (int m = 0, n = 1 + static_cast<int>(pick(3)); m < n; ++m) mutate(doc, 0);
    bodies.push_back(core::DumpJson(doc));
  }
  for (int i = 0; i < 100; ++i) {  // byte-level: flipped, cut, and spliced text
    std::string text = good_text;
    switch (i % 4) {
      case 0:
        for (int f = 0; f < 1 + i % 5; ++f) text[pick(text.size())] = static_cast<char>(random());
        break;
      case 1:
        text.resize(pick(text.size()));
        break;
      case 2:
        text.insert(pick(text.size()), good_text.substr(pick(good_text.size())));
        break;
      default:
        text.erase(pick(text.size()), 1 + pick(20));
        break;
    }
    bodies.push_back(text);
  }
  for (int i = 0; i < 100; ++i) {  // random bytes, and random runs of JSON's own characters
    std::string text;
    const std::string alphabet = i % 2 ? std::string("{}[]\",:0123456789.eE-+truefalsn \\u") : std::string();
    for (std::size_t n = pick(400); n > 0; --n)
      text += alphabet.empty() ? static_cast<char>(random()) : alphabet[pick(alphabet.size())];
    bodies.push_back(text);
  }
  bodies.push_back(std::string(1 << 16, '{'));
  bodies.push_back("{\"device_id\":\"" + kDevice + "\",\"items\":[" + std::string(100, '{') + "]}");
  bodies.push_back("{\"device_id\":\"" + kDevice + "\",\"items\":[\"\\ud800\"]}");     // a lone surrogate
  bodies.push_back("{\"device_id\":\"" + kDevice + "\",\"items\":[],\"items\":[1]}");  // a repeated key
  bodies.push_back(std::string("{\"device_id\":\"\xC0\xAF\",\"items\":[]}"));          // an overlong slash

  int accepted_somewhere = 0;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    INFO("body " << i << ": " << bodies[i].substr(0, 300));
    const SyncServer::Answer answer = server.Post(bodies[i]);
    CHECK(((answer.status >= 400 && answer.status < 500) || answer.status == 200));
    CHECK_FALSE(answer.body.is_discarded());  // always JSON
    if (answer.status == 200) {
      CHECK(answer.body["results"].is_array());
      ++accepted_somewhere;
    } else {
      CHECK(core::ErrorFromJson(answer.body.dump()));
    }
  }
  CHECK(accepted_somewhere > 20);  // the barrage also reached the item-by-item path
  CHECK(bodies.size() >= 350);
  CHECK(server.Healthy());
  CHECK(server.Sync({Item(RatingNow(Uuid(99), kPlace, kDevice))}).status == 200);
}

TEST_CASE("a big page of places goes gzipped to a phone that accepts it, and unpacks to the same", "[server][sync][gzip]") {
  SyncServer server;
  std::vector<core::OutboxItem> items;
  for (int i = 0; i < 20; ++i) items.push_back(Item(MakeSuggestion(Uuid(0x200 + i), kDevice, Uuid(0x300 + i), 4)));
  REQUIRE(server.Sync(items).status == 200);
  {
    store::Database db = server.OpenDatabase();
    store::ServerStore officer(db);
    for (int i = 0; i < 20; ++i) REQUIRE_FALSE(officer.ApprovePlace(Uuid(0x200 + i)));
  }
  httplib::Client client = server.Client();
  client.set_decompress(false);  // see the bytes as they travel
  const auto plain = client.Get("/api/v1/places");
  REQUIRE(plain);
  REQUIRE(plain->body.size() > 1024);
  CHECK_FALSE(plain->has_header("Content-Encoding"));
  const auto packed = client.Get("/api/v1/places", {{"Accept-Encoding", "gzip, deflate, br"}});
  REQUIRE(packed);
  CHECK(packed->status == 200);
  CHECK(packed->get_header_value("Content-Encoding") == "gzip");
  CHECK(packed->get_header_value("Vary") == "Accept-Encoding");
  CHECK(packed->body.size() < plain->body.size() / 3);
  CHECK(Gunzip(packed->body) == plain->body);
}

namespace {

// A sync of `count` new ratings from `device` (ids from `first_id` on), from `address` when
// given (the server trusts X-Real-IP only with --trust-proxy).
httplib::Result SyncRatings(httplib::Client& http, const std::string& device, std::uint64_t first_id, int count,
                            const std::string& address = "") {
  json list = json::array();
  for (int i = 0; i < count; ++i)
    list.push_back(core::ToJson(Item(RatingNow(Uuid(first_id + static_cast<std::uint64_t>(i)), kPlace, device))));
  httplib::Headers headers;
  if (!address.empty()) headers.emplace("X-Real-IP", address);
  return http.Post("/api/v1/sync", headers, core::DumpJson({{"device_id", device}, {"items", list}}),
                   "application/json");
}

void CheckTooMany(const httplib::Result& res) {
  REQUIRE(res);
  INFO(res->body);
  CHECK(res->status == 429);
  CHECK(res->get_header_value("Retry-After") == "60");
  const std::optional<core::ApiError> error = core::ErrorFromJson(res->body);
  REQUIRE(error);
  CHECK(error->code == core::ErrorCode::TooManyRequests);
  CHECK(error->message.find("saved on this device") != std::string::npos);  // nothing is lost: it says so
}

}  // namespace

TEST_CASE("a device that sends very many new things in an hour is asked to wait, in words, and nothing of it is kept",
          "[server][sync][limits]") {
  SyncServer server;
  REQUIRE(server.Sync({Item(MakeSuggestion(kPlace, kOtherDevice, Uuid(0x900), 1))}, kOtherDevice).status == 200);
  httplib::Client http = server.Client();
  const int per_batch = core::kMaxItemsPerSync;
  int sent = 0;
  for (; sent < server::kNewItemsPerDevicePerHour; sent += per_batch) {
    auto res = SyncRatings(http, kDevice, 0x10000 + static_cast<std::uint64_t>(sent), per_batch);
    REQUIRE(res);
    REQUIRE(res->status == 200);
  }
  const int counted = server.Counts().ratings;
  CheckTooMany(SyncRatings(http, kDevice, 0x20000, 5));
  CHECK(server.Counts().ratings == counted);  // the refused batch left nothing behind

  // The same device may still pull the map; another device on the same Wi-Fi may still send.
  CHECK(server.Sync({}, kDevice).status == 200);
  auto other = SyncRatings(http, Uuid(0xD3), 0x30000, 3);
  REQUIRE(other);
  CHECK(other->status == 200);
}

TEST_CASE("sync requests per address are limited; behind a trusted proxy each client counts alone, "
          "and a forged address header helps nobody",
          "[server][sync][limits]") {
  SECTION("straight to the server: X-Real-IP is ignored") {
    InProcessServer server;
    httplib::Client http = server.Client();
    for (int i = 0; i < server::kSyncsPerAddressPerMinute; ++i) {
      auto res = SyncRatings(http, kDevice, 0, 0, "10.0.0." + std::to_string(i % 250));
      REQUIRE(res);
      REQUIRE(res->status == 200);
    }
    CheckTooMany(SyncRatings(http, kDevice, 0, 0, "10.9.9.9"));
  }
  SECTION("behind a proxy started with --trust-proxy") {
    server::Options options;
    options.trust_proxy = true;
    InProcessServer server(options);
    httplib::Client http = server.Client();
    for (int i = 0; i < server::kSyncsPerAddressPerMinute; ++i) {
      auto res = SyncRatings(http, kDevice, 0, 0, "10.0.0.1");
      REQUIRE(res);
      REQUIRE(res->status == 200);
    }
    CheckTooMany(SyncRatings(http, kDevice, 0, 0, "10.0.0.1"));
    auto neighbour = SyncRatings(http, kOtherDevice, 0, 0, "10.0.0.2");
    REQUIRE(neighbour);
    CHECK(neighbour->status == 200);
  }
}

TEST_CASE("a server started for load tests has no sync limits", "[server][sync][limits]") {
  server::Options options;
  options.sync_limits = false;
  InProcessServer server(options);
  httplib::Client http = server.Client();
  for (int sent = 0; sent <= server::kNewItemsPerDevicePerHour; sent += core::kMaxItemsPerSync) {
    auto res = SyncRatings(http, kDevice, 0x10000 + static_cast<std::uint64_t>(sent), core::kMaxItemsPerSync);
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}
