// Tests of a device's progress as the server recomputes it, and of restore codes over real
// HTTP: the server's progress equals the device's own computation over the same items;
// register then restore gives back the device and its progress; a wrong code is a kind
// 404; bad bodies are 4xx; the 11th guess in a minute is 429; only a hash is stored; the
// answer carries the device's items, and a fresh app (the real client data side) that
// restores with the code works out the same progress as the server; and an app told by
// sync that a comment was shared and a suggestion was first in its area has the same
// progress as the server, badges and all.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <array>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/progress.h"
#include "client/client_data.h"
#include "core/restore_code.h"
#include "core/restore_protocol.h"
#include "store/device_store.h"
#include "core_samples.h"
#include "in_process_server.h"
#include "silent_ports.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store/session_store.h"
#include "store/staff_store.h"
#include "core/room_code.h"
#include "core/validation.h"
#include "store_sync_samples.h"

namespace {

using nlohmann::json;
using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

const std::string kDevice = Uuid(0xD1);
const std::string kOtherDevice = Uuid(0xD2);
constexpr std::int64_t kNow = 1715000000;  // unix seconds, May 2024

// What one device made, with what became of it, as the device keeps it.
struct DeviceStory {
  std::vector<core::OutboxItem> sent;  // in the order sent
  std::vector<core::SentItem> known;   // the device's SentItems after syncing
};

DeviceStory MakeStory() {
  DeviceStory story;
  auto add = [&](core::OutboxItem item, std::optional<core::PlaceStatus> review = std::nullopt,
                 bool comment_approved = false) {
    story.sent.push_back(item);
    story.known.push_back({std::move(item), review, false, comment_approved});
  };
  const std::string approved = Uuid(0x200), rejected = Uuid(0x201), withdrawn = Uuid(0x202);
  add({MakeSuggestion(approved, kDevice, Uuid(0x300), 0)}, core::PlaceStatus::Approved);
  add({MakeSuggestion(rejected, kDevice, Uuid(0x301), 2)}, core::PlaceStatus::Rejected);
  add({MakeSuggestion(withdrawn, kDevice, Uuid(0x302), 3)});
  core::Rating commented = MakeRating(Uuid(0x400), approved, kDevice, 1);  // seed 1 has a comment
  REQUIRE_FALSE(commented.comment.empty());
  commented.visit_month = "2024-03";  // two months after nothing: counts next to the first rating
  add({commented}, std::nullopt, true);
  add({MakeRating(Uuid(0x401), Uuid(0x100), kDevice, 4)});
  add({MakeRating(Uuid(0x402), Uuid(0x100), kDevice, 5)});  // same place, same month: no more points
  add({MakeRating(Uuid(0x403), Uuid(0x101), kDevice, 6)});
  add({MakeRating(Uuid(0x404), Uuid(0x102), kDevice, 7)});
  add({MakeWithdrawal(Uuid(0x500), kDevice, Uuid(0x404))});
  add({MakeWithdrawal(Uuid(0x501), kDevice, withdrawn)});
  story.known[0].first_in_area = true;  // the approved one: nothing was approved near it before
  return story;
}

// The device's own computation: the public map it knows has the approved place only.
core::Progress DeviceComputes(const DeviceStory& story) {
  const auto category_of = [](std::string_view place_id) {
    return place_id == Uuid(0x200) ? core::Category::Cafe : core::Category::Other;
  };
  return core::ComputeProgress(core::EventsFromSent(story.known, category_of, "2024-05"));
}

store::Database OpenMemory() {
  std::string error;
  std::optional<store::Database> db = store::Database::Open(":memory:", error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

struct Answer {
  int status = 0;
  json body;
};

Answer Post(const InProcessServer& server, const std::string& path, const std::string& body) {
  auto res = server.Client().Post(path.c_str(), body, "application/json");
  REQUIRE(res);
  return {res->status, json::parse(res->body, nullptr, false)};
}

std::string CodeFrom(std::uint8_t seed) {
  const std::array<std::uint8_t, core::kRestoreCodeBytes> bytes = {seed, 0x5A, 0xC3, 0x17, 0x99};
  return core::MakeRestoreCode(bytes);
}

// The ports of a real client's data side in May 2024, its HTTP answered by `server`: each
// answer is appended to `answers`, for the next SyncTick. `now` is its clock, in seconds.
ClientPorts PortsOf(const InProcessServer& server, std::vector<HttpAnswer>& answers, double& now) {
  ClientPorts ports = SilentPorts(kNow);
  ports.now_seconds = [&now] { return now; };
  ports.online = [] { return true; };
  ports.http = [&server, &answers](int id, const char* method, const std::string& path, const std::string& body) {
    httplib::Client client = server.Client();
    auto res =
        std::string(method) == "GET" ? client.Get(path.c_str()) : client.Post(path.c_str(), body, "application/json");
    answers.push_back({id, res ? res->status : 0, res ? res->body : ""});
  };
  return ports;
}

// Runs the app's SyncTick once a (fake) second, each time with the server's answers since
// the last, until `done` says so or `ticks` have passed.
void TickUntil(AppState& state, ClientData& device, std::vector<HttpAnswer>& answers, double& now, int ticks,
               const std::function<bool()>& done = [] { return false; }) {
  for (int tick = 0; tick < ticks && !done(); ++tick) {
    std::vector<HttpAnswer> delivered;
    delivered.swap(answers);
    SyncTick(state, device, delivered);
    now += 1.0;
  }
}

bool Earned(const core::Progress& progress, std::string_view badge_id) {
  for (const core::BadgeProgress& badge : progress.badges)
    if (badge.id == badge_id) return badge.earned;
  return false;
}

}  // namespace

TEST_CASE("server_restore: the server's progress of a device equals the device's own after sync") {
  store::Database db = OpenMemory();
  store::ServerStore server(db);
  REQUIRE(server.Error().empty());
  const DeviceStory story = MakeStory();
  for (const core::OutboxItem& item : story.sent) {
    std::optional<store::SyncResult> result = server.Apply(item, samples::Today(), kNow);
    INFO(server.Error());
    REQUIRE(result);
    REQUIRE(result->outcome == store::SyncOutcome::Accepted);
  }
  // Someone else's rating of the same place changes nothing for this device.
  REQUIRE(server.Apply({MakeRating(Uuid(0x600), Uuid(0x100), kOtherDevice, 1)}, samples::Today(), kNow));
  REQUIRE_FALSE(server.ApprovePlace(Uuid(0x200)));
  REQUIRE_FALSE(server.RejectPlace(Uuid(0x201), core::NotAddedReason::AlreadyOnMap));
  REQUIRE_FALSE(server.ApproveComment(Uuid(0x400)));

  std::string error;
  const std::optional<core::Progress> on_server = store::DeviceProgress(db, kDevice, "2024-05", error);
  INFO(error);
  REQUIRE(on_server);
  const core::Progress on_device = DeviceComputes(story);
  CHECK(*on_server == on_device);
  // The story is not empty of meaning: something counted, and the comment bonus with it.
  CHECK(on_device.points > 0);
  CHECK(on_device.counts.places_on_map == 1);
  CHECK(on_device.counts.comments_shared == 1);
  CHECK(Earned(on_device, "trailblazer"));
  CHECK(Earned(on_device, "kind_words"));

  const std::optional<core::Progress> stranger = store::DeviceProgress(db, Uuid(0xEE), "2024-05", error);
  REQUIRE(stranger);
  CHECK(stranger->points == 0);
}

TEST_CASE("server_restore: register a code, then restoring it gives the same device and progress") {
  InProcessServer server;
  const DeviceStory story = MakeStory();
  json items = json::array();
  for (const core::OutboxItem& item : story.sent) items.push_back(core::ToJson(item));
  const Answer synced =
      Post(server, "/api/v1/sync", core::DumpJson({{"device_id", kDevice}, {"cursor", ""}, {"items", items}}));
  REQUIRE(synced.status == 200);

  const std::string code = CodeFrom(1);
  const Answer registered =
      Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", code}}));
  INFO(registered.body.dump());
  REQUIRE(registered.status == 200);
  CHECK(registered.body["device_id"] == kDevice);
  // Once per device: a second code for it is a conflict, and so is the same code for another.
  CHECK(Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", CodeFrom(2)}})).status ==
        409);
  CHECK(Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kOtherDevice}, {"code", code}})).status ==
        409);

  // Typed back in capitals with spaces.
  std::string typed;
  for (char c : code) typed += c == '-' ? ' ' : static_cast<char>(c - 'a' + 'A');
  const Answer restored = Post(server, "/api/v1/restore", core::DumpJson({{"code", typed}}));
  INFO(restored.body.dump());
  REQUIRE(restored.status == 200);
  CHECK(restored.body["device_id"] == kDevice);
  // Nothing is approved here, so the device's map knows no places: all Other, no reviews.
  DeviceStory unreviewed = story;
  for (core::SentItem& item : unreviewed.known) item.review.reset(), item.comment_approved = item.first_in_area = false;
  const core::Progress expected = core::ComputeProgress(
      core::EventsFromSent(unreviewed.known, [](std::string_view) { return core::Category::Other; }, "2024-05"));
  CHECK(restored.body["progress"]["points"] == expected.points);
  CHECK(restored.body["progress"]["level"] == expected.level.number);
  json earned = json::array();
  for (const core::BadgeProgress& badge : expected.badges)
    if (badge.earned) earned.push_back(std::string(badge.id));
  CHECK(restored.body["progress"]["badges"] == earned);
  CHECK(expected.points > 0);

  // What the device sent comes back with it, each as core's codec writes it, with reviews.
  REQUIRE(restored.body["items"].is_array());
  CHECK(restored.body["items_complete"] == true);
  std::map<std::string, json> back;
  for (const json& entry : restored.body["items"]) back[entry["item"]["id"].get<std::string>()] = entry;
  for (const core::OutboxItem& item : story.sent) {
    // What was withdrawn is left out (its withdrawal comes back): it no longer counts.
    const bool withdrawn = item.ItemId() == Uuid(0x404) || item.ItemId() == Uuid(0x202);
    INFO(item.ItemId());
    REQUIRE(back.contains(item.ItemId()) != withdrawn);
    if (withdrawn) continue;
    const json& entry = back[item.ItemId()];
    CHECK(entry["item"] == core::ToJson(item));
    if (item.Kind() == core::OutboxKind::Suggestion) CHECK(entry["review"] == "suggested");
    if (item.Kind() == core::OutboxKind::Rating) CHECK(entry["comment_approved"] == false);
  }
  const core::Parsed<core::RestoreAnswer> parsed = core::ParseRestoreAnswer(restored.body.dump());
  REQUIRE(parsed);
  CHECK(parsed.value->device_id == kDevice);
  CHECK(parsed.value->items.size() == back.size());

  // Only the hash is kept.
  std::string error;
  std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
  REQUIRE(db);
  store::Statement rows = db->Prepare("SELECT code_hash, device_id FROM device_codes");
  REQUIRE(rows.Step() == store::StepResult::Row);
  CHECK(rows.ColumnText(0) == core::RestoreCodeHash(code));
  CHECK(rows.ColumnText(0).find(code.substr(0, code.find('-'))) == std::string_view::npos);
  CHECK(rows.ColumnText(1) == kDevice);
  CHECK(rows.Step() == store::StepResult::Done);
}

TEST_CASE("server_restore: a wrong code is a kind 404, and bad requests are 4xx") {
  InProcessServer server;
  const Answer wrong = Post(server, "/api/v1/restore", core::DumpJson({{"code", CodeFrom(9)}}));
  CHECK(wrong.status == 404);
  CHECK(wrong.body["error"]["message"] == "We could not find that code. Check the words and try again.");

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"/api/v1/restore", "not json"},
      {"/api/v1/restore", "[]"},
      {"/api/v1/restore", "{}"},
      {"/api/v1/restore", R"({"code": 42})"},
      {"/api/v1/restore", R"({"code": ["a"]})"},
      {"/api/v1/restore", R"({"code": "one two three"})"},
      {"/api/v1/restore", R"({"code": {"x": {"y": 1}}})"},
      {"/api/v1/restore-code", "{}"},
      {"/api/v1/restore-code", R"({"device_id": "me", "code": "a-b-c-d"})"},
      {"/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}})},
      {"/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", 7}})},
      {"/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", "cat dog"}})},
      {"/api/v1/restore-code", "{\"code\": \"" + std::string(5000, 'a') + "\"}"},
  };
  for (const auto& [path, body] : bad) {
    const Answer answer = Post(server, path, body);
    INFO(path << " " << body.substr(0, 80) << " -> " << answer.status);
    CHECK(answer.status >= 400);
    CHECK(answer.status < 500);
    CHECK(answer.body["error"]["message"].is_string());
  }
}

TEST_CASE("server_restore: the 11th guess in a minute from one address is 429") {
  InProcessServer server;
  for (int i = 0; i < 10; ++i) {
    INFO(i);
    CHECK(Post(server, "/api/v1/restore", core::DumpJson({{"code", CodeFrom(static_cast<std::uint8_t>(i))}})).status ==
          404);
  }
  const Answer eleventh = Post(server, "/api/v1/restore", core::DumpJson({{"code", CodeFrom(77)}}));
  CHECK(eleventh.status == 429);
  CHECK(eleventh.body["error"]["message"].get<std::string>().find("wait a minute") != std::string::npos);
  // Registering is not a guess.
  CHECK(Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", CodeFrom(1)}})).status ==
        200);
}

TEST_CASE("server_restore: the answer says a suggestion's review, with its reason or merged place") {
  core::SentItem rejected{core::OutboxItem{MakeSuggestion(Uuid(0x10), kDevice, Uuid(0x11), 0)},
                          core::PlaceStatus::Rejected};
  rejected.review_reason = core::NotAddedReason::AlreadyOnMap;
  core::SentItem merged{core::OutboxItem{MakeSuggestion(Uuid(0x12), kDevice, Uuid(0x13), 1)}, core::PlaceStatus::Merged};
  merged.merged_into = Uuid(0x99);
  core::SentItem rating{core::OutboxItem{MakeRating(Uuid(0x14), Uuid(0x100), kDevice, 1)}};
  rating.comment_approved = true;
  const std::vector<core::SentItem> items = {merged, rating, rejected};
  json answer = {{"device_id", kDevice}};
  core::WriteRestoreItems(items, answer);
  CHECK(answer["items"][0]["review"] == "rejected");  // oldest id first
  CHECK(answer["items"][0]["reason"] == "already_on_map");
  CHECK(answer["items"][1]["merged_into"] == Uuid(0x99));
  CHECK(answer["items"][2]["comment_approved"] == true);
  const core::Parsed<core::RestoreAnswer> parsed = core::ParseRestoreAnswer(answer.dump());
  REQUIRE(parsed);
  REQUIRE(parsed.value->items.size() == 3);
  CHECK(parsed.value->items[0].review_reason == core::NotAddedReason::AlreadyOnMap);
  CHECK(parsed.value->items[1].merged_into == Uuid(0x99));
  CHECK(parsed.value->items[2].comment_approved);

  // Bounded: a device with more items than kMaxRestoreItems gets the oldest, and is told.
  std::vector<core::SentItem> many;
  for (std::size_t i = 0; i < core::kMaxRestoreItems + 5; ++i)
    many.push_back({core::OutboxItem{MakeWithdrawal(Uuid(0x100000 + i), kDevice, Uuid(0x1))}});
  json big = {{"device_id", kDevice}};
  core::WriteRestoreItems(many, big);
  CHECK(big["items"].size() == core::kMaxRestoreItems);
  CHECK(big["items_complete"] == false);
}

TEST_CASE("server_restore: a fresh app restoring a device's code works out the server's progress") {
  InProcessServer server;
  const DeviceStory story = MakeStory();
  json items = json::array();
  for (const core::OutboxItem& item : story.sent) items.push_back(core::ToJson(item));
  REQUIRE(Post(server, "/api/v1/sync", core::DumpJson({{"device_id", kDevice}, {"cursor", ""}, {"items", items}}))
              .status == 200);
  const std::string code = CodeFrom(3);
  REQUIRE(Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", code}})).status ==
          200);

  // Device B: the real client data side, its HTTP answered by the real server.
  std::vector<HttpAnswer> answers;
  double now = 1000.0;
  std::string error;
  std::optional<ClientData> device = OpenClientData(":memory:", PortsOf(server, answers, now), error);
  INFO(error);
  REQUIRE(device);
  AppState state;
  RefreshState(state, *device);
  REQUIRE(state.can_restore);
  const std::string own_id = device->device_id;

  Actions actions;
  actions.RestoreTyped(code);
  actions.Restore();
  ApplyActions(state, actions, *device);
  TickUntil(state, *device, answers, now, 20, [&] { return state.restore.step == RestoreStep::Done; });
  INFO(state.restore.message);
  REQUIRE(state.restore.step == RestoreStep::Done);
  CHECK(device->device_id == kDevice);
  CHECK(device->device_id != own_id);
  CHECK_FALSE(state.celebration.showing);

  std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
  REQUIRE(db);
  const std::optional<core::Progress> on_server = store::DeviceProgress(*db, kDevice, "2024-05", error);
  REQUIRE(on_server);
  CHECK(state.progress == *on_server);
  CHECK(state.progress.points > 0);
}

TEST_CASE("server_restore: told of a shared comment and a first place, the app's progress is the server's") {
  InProcessServer server;
  std::vector<HttpAnswer> answers;
  double now = 1000.0;
  std::string error;
  std::optional<ClientData> device = OpenClientData(":memory:", PortsOf(server, answers, now), error);
  INFO(error);
  REQUIRE(device);
  AppState state;
  const auto tick_until_quiet = [&] { TickUntil(state, *device, answers, now, 20); };

  // What the young person sent from this app: a suggestion and a rating with words.
  const std::string me = device->device_id;
  const std::string place = Uuid(0x200), rating = Uuid(0x400);
  core::Rating commented = MakeRating(rating, Uuid(0x100), me, 1);  // seed 1 has a comment
  REQUIRE_FALSE(commented.comment.empty());
  for (const core::OutboxItem& item :
       {core::OutboxItem{MakeSuggestion(place, me, Uuid(0x300), 0)}, core::OutboxItem{commented}})
    REQUIRE(store::AddContribution(device->db, item, error));
  RefreshState(state, *device);
  tick_until_quiet();
  REQUIRE(state.waiting_count == 0);
  CHECK_FALSE(Earned(state.progress, "trailblazer"));
  CHECK_FALSE(Earned(state.progress, "kind_words"));

  {
    std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
    REQUIRE(db);
    store::ServerStore officer(*db);
    REQUIRE_FALSE(officer.ApprovePlace(place));
    REQUIRE_FALSE(officer.ApproveComment(rating));
  }
  now += 600.0;  // the app looks for changes every few minutes
  tick_until_quiet();

  std::vector<store::Contribution> made = store::Contributions(device->db);
  REQUIRE(made.size() == 2);
  CHECK(made[0].comment_approved);  // newest first: the rating, then the suggestion
  CHECK(made[1].first_in_area);
  CHECK(Earned(state.progress, "trailblazer"));
  CHECK(Earned(state.progress, "kind_words"));
  std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
  REQUIRE(db);
  const std::optional<core::Progress> on_server = store::DeviceProgress(*db, me, "2024-05", error);
  REQUIRE(on_server);
  CHECK(state.progress == *on_server);
  CHECK(state.celebration.showing);  // earned just now, so celebrated

  // An officer hides the words again: the next answer's whole list leaves them out, and
  // the app counts what the server counts.
  {
    store::ServerStore officer(*db);
    REQUIRE_FALSE(officer.HideComment(rating));
  }
  now += 600.0;
  tick_until_quiet();
  CHECK_FALSE(Earned(state.progress, "kind_words"));
  CHECK(Earned(state.progress, "trailblazer"));
  CHECK(state.progress == *store::DeviceProgress(*db, me, "2024-05", error));
}

TEST_CASE("server_restore: a group joined through the app counts the same on the device and on the server") {
  InProcessServer server;
  std::string error;
  std::string room_code;
  {
    std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
    REQUIRE(db);
    const store::StaffResult<store::StaffMember> worker =
        store::AddStaff(*db, "jo.worker", "a long enough password", store::StaffRole::YouthWorker, kNow);
    REQUIRE(worker);
    std::array<std::uint8_t, store::kSessionRandomBytes> random{};
    for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(i * 29 + 3);
    const store::StaffResult<store::NewSession> session =
        store::CreateSession(*db, worker.value->id, "After school", "", {52.38, -1.56, 52.44, -1.46}, random, kNow);
    REQUIRE(session);
    room_code = session.value->room_code;
  }
  std::vector<HttpAnswer> answers;
  double now = 1000.0;
  std::optional<ClientData> device = OpenClientData(":memory:", PortsOf(server, answers, now), error);
  INFO(error);
  REQUIRE(device);
  AppState state;
  LoadIdentity(state, *device);
  RefreshState(state, *device);
  CHECK(state.progress.counts.sessions == 0);
  Actions actions;
  actions.JoinTyped(core::DisplayRoomCode(room_code));
  actions.JoinGroup();
  ApplyActions(state, actions, *device);
  TickUntil(state, *device, answers, now, 10, [&] { return state.group.step == GroupStep::In; });
  INFO(state.group.message);
  REQUIRE(state.group.step == GroupStep::In);
  CHECK(state.progress.counts.sessions == 1);

  std::optional<store::Database> db = store::Database::Open((server.DataDir() / "safespaces.db").string(), error);
  REQUIRE(db);
  const std::optional<core::Progress> on_server =
      store::DeviceProgress(*db, device->device_id, core::MonthText(core::YearMonthAt(kNow, 0)), error);
  REQUIRE(on_server);
  CHECK(on_server->counts.sessions == 1);
  CHECK(state.progress == *on_server);
}

TEST_CASE("server_restore: the server never takes a device's word for its points, badges or role") {
  InProcessServer server;
  // One honest rating, dressed up with everything a tampered app might claim.
  const core::Rating rating = MakeRating(Uuid(0x400), Uuid(0x100), kDevice, 4);
  json item = core::ToJson(core::OutboxItem{rating});
  item["points"] = 100000;
  item["badges"] = json::array({"explorer", "team_player"});
  const json body = {{"device_id", kDevice}, {"items", json::array({item})},       {"points", 100000},
                     {"level", 99},          {"role", "officer"},                  {"progress", {{"points", 100000}}}};
  const Answer synced = Post(server, "/api/v1/sync", body.dump());
  INFO(synced.body.dump());
  REQUIRE(synced.status == 200);

  REQUIRE(Post(server, "/api/v1/restore-code", core::DumpJson({{"device_id", kDevice}, {"code", CodeFrom(7)}})).status ==
          200);
  const Answer restored = Post(server, "/api/v1/restore", core::DumpJson({{"code", CodeFrom(7)}}));
  REQUIRE(restored.status == 200);
  // What the server counts is what it holds: at most the one rating, never the claim.
  const bool kept = synced.body["results"][0]["status"] == "accepted";
  const std::vector<core::SentItem> known =
      kept ? std::vector<core::SentItem>{{core::OutboxItem{rating}, std::nullopt, false, false}}
           : std::vector<core::SentItem>{};
  const core::Progress expected = core::ComputeProgress(
      core::EventsFromSent(known, [](std::string_view) { return core::Category::Other; }, "2024-05"));
  CHECK(restored.body["progress"]["points"] == expected.points);
  CHECK(restored.body["progress"]["points"] < 1000);

  // A made-up role opens nothing: the officers' queue still wants a real officer's login.
  httplib::Client http = server.Client();
  auto queue = http.Get("/api/v1/review/queue", {{"X-Role", "officer"}, {"Authorization", "Bearer officer"}});
  REQUIRE(queue);
  CHECK(queue->status == 401);
}
