// libFuzzer target for the JSON wire format (core/codec.h, sync_protocol.h,
// restore_protocol.h, api_error.h) and the answers the app reads (client/*_data.h).
// Each input is one JSON text, read as every message type; whatever reads must come back
// equal after writing and reading again. Not the server's request handling: fuzz_sync_batch.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "client/client_data.h"
#include "client/officer_data.h"
#include "client/staff_data.h"
#include "core/api_error.h"
#include "core/codec.h"
#include "core/restore_protocol.h"
#include "core/sync_protocol.h"
#include "fuzz_check.h"

namespace {

using nlohmann::json;

// Read as T, write, read again: the same value, whether through the JSON value or its text.
template <class T>
void CheckRoundTrip(const json& doc) {
  const core::Parsed<T> read = core::FromJson<T>(doc);
  if (!read) {
    FUZZ_CHECK(!read.error.message.empty());  // a refusal always says why
    return;
  }
  const json written = core::ToJson(*read.value);
  const core::Parsed<T> again = core::FromJson<T>(written);
  FUZZ_CHECK(again && *again.value == *read.value);
  const core::Parsed<T> from_text = core::ParseJson<T>(core::DumpJson(written));
  FUZZ_CHECK(from_text && *from_text.value == *read.value);
}

void CheckPublicPlace(const core::PublicPlace& entry) {
  const json written = core::ToJson(entry);
  const core::Parsed<core::PublicPlace> again = core::ReadPublicPlace(written);
  FUZZ_CHECK(again);
  FUZZ_CHECK(core::ToJson(*again.value) == written);
  FUZZ_CHECK(again.value->comments.size() <= core::kMaxPlaceComments);
}

void CheckRestoreAnswer(const core::RestoreAnswer& answer) {
  json written = {{"device_id", answer.device_id}};
  core::WriteRestoreItems(answer.items, written);
  const core::Parsed<core::RestoreAnswer> again = core::ParseRestoreAnswer(core::DumpJson(written));
  FUZZ_CHECK(again);
  FUZZ_CHECK(again.value->device_id == answer.device_id);
  json rewritten = {{"device_id", answer.device_id}};
  core::WriteRestoreItems(again.value->items, rewritten);
  FUZZ_CHECK(rewritten == written);
}

// The app's readers of staff and officers' answers: they must refuse kindly, never crash.
void ReadAsClient(std::string_view text) {
  bool unchanged = false;
  (void)ParseMapConfig(text);
  (void)ParseSessions(text);
  (void)ParseBoard(text, unchanged);
  (void)ParseSummary(text);
  (void)ParseReviewQueue(text);
  (void)ParseCityPicture(text);
  (void)ParseSchemePlaces(text);
  (void)ParseStaffAccounts(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = InputText(data, size);
  ReadAsClient(text);

  if (const std::optional<core::ApiError> error = core::ErrorFromJson(text)) {
    const std::optional<core::ApiError> again = core::ErrorFromJson(core::ErrorToJson(*error));
    FUZZ_CHECK(again && again->code == error->code && again->message == error->message && again->field == error->field);
  }
  if (const core::Parsed<core::SyncAnswer> answer = core::ParseSyncAnswer(text))
    for (const core::PublicPlace& entry : answer.value->changes.places) CheckPublicPlace(entry);
  if (const core::Parsed<core::PlaceChanges> changes = core::ParsePlaceChanges(text))
    for (const core::PublicPlace& entry : changes.value->places) CheckPublicPlace(entry);
  if (const core::Parsed<core::RestoreAnswer> answer = core::ParseRestoreAnswer(text))
    CheckRestoreAnswer(*answer.value);

  const core::Parsed<json> doc = core::ParseJsonText(text);
  if (!doc) {
    // Text that is not JSON is refused the same way by every typed reader.
    FUZZ_CHECK(doc.error.code == core::ErrorCode::BadRequest);
    FUZZ_CHECK(!core::ParseJson<core::Rating>(text));
    FUZZ_CHECK(!core::ParseJson<core::OutboxItem>(text));
    return 0;
  }
  // Our own writer's text reads back as the same value (never throws on odd bytes).
  const core::Parsed<json> reread = core::ParseJsonText(core::DumpJson(*doc.value));
  FUZZ_CHECK(reread && *reread.value == *doc.value);

  CheckRoundTrip<core::Rating>(*doc.value);
  CheckRoundTrip<core::Place>(*doc.value);
  CheckRoundTrip<core::Suggestion>(*doc.value);
  CheckRoundTrip<core::Withdrawal>(*doc.value);
  CheckRoundTrip<core::OutboxItem>(*doc.value);
  CheckRoundTrip<core::InclusionProfile>(*doc.value);
  if (const core::Parsed<core::PublicPlace> entry = core::ReadPublicPlace(*doc.value)) CheckPublicPlace(*entry.value);
  // The same readers on every element of a list: the shape the feeds and batches use.
  if (doc.value->is_array())
    for (const json& element : *doc.value) {
      CheckRoundTrip<core::OutboxItem>(element);
      if (const core::Parsed<core::PublicPlace> entry = core::ReadPublicPlace(element)) CheckPublicPlace(*entry.value);
    }
  return 0;
}
