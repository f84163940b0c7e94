// libFuzzer target for POST /api/v1/sync as the server runs it (server/sync_api.h PostSync):
// the body is the input; reading, validation, screening and the group-commit writer run on
// a real SQLite file. After each input: a refusal is a 4xx (never "our fault"), the app can
// read the answer, every accepted item reads back as sent, sending again changes nothing,
// and PRAGMA quick_check passes. Start at LLVMFuzzerTestOneInput.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/codec.h"
#include "core/sync_protocol.h"
#include "fuzz_check.h"
#include "server/data_access.h"
#include "server/sync_api.h"
#include "store/server_store.h"

namespace {

using nlohmann::json;

constexpr std::int64_t kNow = 1794744000;  // 2026-11-15 12:00 UTC: "today" for every input
constexpr int kInputsPerDatabase = 4096;   // a fresh database after this many, so it stays small

// Approved places the corpus's ratings name (ids as in tests/core_samples.h), so ratings
// also reach the profile and feed code, not only the queue of unknown places.
const char* const kKnownPlaces[] = {"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60"};

// The server's database in a folder of its own (in memory when /dev/shm is there: the
// target tests our code, not the disk), with its writer thread and readers.
struct Server {
  std::filesystem::path dir;
  std::unique_ptr<server::GroupCommitWriter> writer;
  std::unique_ptr<server::ReaderPool> readers;
  int inputs = 0;

  void Open() {
    const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                                           : std::filesystem::temp_directory_path();
    std::string pattern = (base / "safespaces-fuzz-XXXXXX").string();
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    std::string error;
    std::optional<store::Database> db = store::Database::Open((dir / "safespaces.db").string(), error);
    FUZZ_CHECK(db);
    writer = server::GroupCommitWriter::Start(std::move(*db), error);
    FUZZ_CHECK(writer);
    readers = std::make_unique<server::ReaderPool>(dir / "safespaces.db", 1);
    FUZZ_CHECK(writer->Run([](store::ServerStore& store) {
      for (const char* id : kKnownPlaces) {
        core::Place place{
            id, "Central Library", core::Category::Library, 52.4081, -1.5106, "", "", core::PlaceStatus::Approved, ""};
        if (!store.AddPlace(place)) return false;
      }
      return true;
    }));
  }

  void Close() {
    readers.reset();
    writer.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

Server& TheServer() {
  static Server* server = [] {
    auto* s = new Server;  // lives for the whole run; removed at exit
    s->Open();
    atexit([] { TheServer().Close(); });
    return s;
  }();
  return *server;
}

// How deep objects and lists nest in JSON text, as nlohmann's own parser meets them. Its
// events, not the value it builds: a repeated key keeps one value, and the text of the
// other still counts.
struct DepthCounter : nlohmann::json_sax<json> {
  int depth = 0, deepest = 0;
  bool Open() {
    deepest = std::max(deepest, ++depth);
    return true;
  }
  bool Close() {
    --depth;
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// What the store keeps of an item: everything but a session it was not let into.
json Kept(core::OutboxItem item) {
  if (auto* rating = std::get_if<core::Rating>(&item.payload)) rating->session_id.clear();
  if (auto* suggestion = std::get_if<core::Suggestion>(&item.payload)) {
    suggestion->session_id.clear();
    suggestion->first_rating.session_id.clear();
  }
  return core::ToJson(item);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Server& s = TheServer();
  if (++s.inputs % kInputsPerDatabase == 0) {
    s.Close();
    s.Open();
  }
  const std::string_view body = InputText(data, size);

  // The depth check must agree with the real depth of anything that is JSON.
  const core::Parsed<json> doc = core::ParseJsonText(body);
  if (doc) {
    DepthCounter counter;
    FUZZ_CHECK(json::sax_parse(body, &counter));
    FUZZ_CHECK(server::JsonDepthWithin(body, counter.deepest));
    if (counter.deepest > 0) FUZZ_CHECK(!server::JsonDepthWithin(body, counter.deepest - 1));
  }

  const server::Reply reply = server::PostSync(*s.writer, *s.readers, body, kNow);
  if (reply.error) {
    FUZZ_CHECK(core::HttpStatusFor(reply.error->code) / 100 == 4);
    FUZZ_CHECK(!reply.error->message.empty());
    return 0;
  }
  FUZZ_CHECK(doc && doc.value->is_object());
  const json& items = doc.value->at("items");
  const std::string device_id = doc.value->at("device_id");

  // The app reads the answer, one result per item sent, in order.
  const core::Parsed<core::SyncAnswer> answer = core::ParseSyncAnswer(reply.json);
  FUZZ_CHECK(answer);
  FUZZ_CHECK(answer.value->results.size() == items.size());

  // Every accepted rating and suggestion is kept as sent, unless a withdrawal took it back.
  std::string error;
  std::optional<std::vector<core::SentItem>> kept;
  FUZZ_CHECK(
      s.readers->With([&](const store::Database& db) { kept = store::SentItemsOf(db, device_id, error); }, error));
  FUZZ_CHECK(kept);
  std::set<std::string> withdrawn;
  std::map<std::string, json> kept_by_id;
  for (const core::SentItem& sent : *kept) {
    if (const auto* withdrawal = std::get_if<core::Withdrawal>(&sent.item.payload))
      withdrawn.insert(withdrawal->target_id);
    kept_by_id[sent.item.ItemId()] = Kept(sent.item);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (answer.value->results[i].outcome != core::ItemOutcome::Accepted) continue;
    const core::Parsed<core::OutboxItem> sent = core::FromJson<core::OutboxItem>(items[i]);
    FUZZ_CHECK(sent);
    FUZZ_CHECK(sent.value->DeviceId() == device_id);
    FUZZ_CHECK(core::Validate(*sent.value, server::ServerValidationContext(kNow)).empty());
    if (sent.value->Kind() == core::OutboxKind::Withdrawal || withdrawn.contains(sent.value->ItemId())) continue;
    const auto found = kept_by_id.find(sent.value->ItemId());
    FUZZ_CHECK(found != kept_by_id.end());
    FUZZ_CHECK(found->second == Kept(*sent.value));
  }

  // Sending the same again: whatever was accepted is recognised, never counted twice.
  const server::Reply again = server::PostSync(*s.writer, *s.readers, body, kNow);
  FUZZ_CHECK(!again.error);
  const core::Parsed<core::SyncAnswer> second = core::ParseSyncAnswer(again.json);
  FUZZ_CHECK(second && second.value->results.size() == items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    if (answer.value->results[i].outcome == core::ItemOutcome::Accepted)
      FUZZ_CHECK(second.value->results[i].outcome == core::ItemOutcome::AlreadyAccepted);

  std::string check;
  FUZZ_CHECK(s.readers->With(
      [&](const store::Database& db) {
        store::Statement quick = db.Prepare("PRAGMA quick_check");
        check = quick.Step() == store::StepResult::Row ? std::string(quick.ColumnText(0)) : "no answer";
      },
      error));
  FUZZ_CHECK(check == "ok");
  return 0;
}
