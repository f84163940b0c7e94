// This is the implementation of sync_api.h: reading a sync request, handing its items to
// the writer, and writing the answers.
//
// [SECTION] Wire shapes
//   GET /api/v1/places?since=CURSOR&limit=N
//     200 {"places": [entry...], "cursor": "123", "more": false}
//     entry: an approved place (core ToJson(Place)) plus "profile": core ToJson(InclusionProfile)
//            and "comments": [{"text", "month": "2026-10"}...] (officer-approved words, newest
//            visit first, at most 20, never who wrote them; left out when none): core
//            ToJson(PublicPlace); or {"id", "status"} (and "merged_into" when merged) for a place that was on the
//            map and is not any more: a device drops it.
//     400 with field "since" or "limit" when they cannot be read (limit is 1..1000, default 500).
//   POST /api/v1/sync {"device_id": uuid, "cursor": "123" (optional), "items": [outbox item...]}
//     200 {"results": [{"id", "status": "accepted" | "already_accepted" | "rejected",
//                       "error": {"code", "message", "field"} (only when rejected)}...],
//          "yours": [{"id", "status": "suggested" | "approved" | "rejected" | "merged",
//                     "reason": "already_on_map" | ... (only when rejected with a reason),
//                     "merged_into": uuid (only when merged),
//                     "first_in_area": true (only when true)}...],
//          "shared_comments": ["<rating id>"...],
//          "places": [entry...], "cursor": "...", "more": bool}   (places changed since "cursor")
//     "yours" is what became of every suggestion this device sent (the 500 newest, by id;
//     a withdrawn one never approved is gone): always the asking device's own, never
//     another's. Reasons are core::NotAddedReason names; the device shows their words.
//     "first_in_area" says officers' first approval found no place before it in its area.
//     "shared_comments" are the ids of this device's ratings whose comment officers shared
//     (the 500 newest; a shorter list is all of them). With "yours" they let the device
//     work out the progress the server does (store::DeviceProgress).
//     A fault in one item rejects that item only. A fault in the request itself is an
//     error for the whole request: 413 (too big), 400 (not JSON, too deep, wrong shape),
//     422 (device_id not an id, too many items), each naming the field.
// [SECTION] Reading the request
// [SECTION] Endpoints
#include "server/sync_api.h"

#include "core/sync_protocol.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/codec.h"
#include "core/model.h"
#include "core/uuid.h"
#include "store/server_store.h"

namespace server {
namespace {

using nlohmann::json;

core::ApiError BadRequest(std::string message, std::string field) {
  return {core::ErrorCode::BadRequest, std::move(message), std::move(field)};
}

// [SECTION] Reading the request

struct SyncRequest {
  std::string device_id;
  std::int64_t cursor = 0;
  struct Entry {
    std::string id;  // as sent, when it was text: the device finds its item by it
    std::optional<core::OutboxItem> item;
    core::ApiError error;  // why it is rejected, when there is no item
  };
  std::vector<Entry> entries;
};

std::optional<core::ApiError> ReadSyncRequest(std::string_view body, SyncRequest& request) {
  if (body.size() > kMaxSyncBodyBytes)
    return core::ApiError{core::ErrorCode::PayloadTooLarge,
                          "That is too much to send at once. Please send fewer things together.", ""};
  if (!JsonDepthWithin(body, kMaxJsonDepth))
    return BadRequest("We could not read what was sent: it has too many layers inside each other.", "");
  core::Parsed<json> parsed = core::ParseJsonText(body);
  if (!parsed) return parsed.error;
  const json& doc = *parsed.value;
  if (!doc.is_object())
    return BadRequest("We could not read what was sent: it should be an object with \"device_id\" and \"items\".", "");

  const auto device_id = doc.find("device_id");
  if (device_id == doc.end() || device_id->is_null())
    return BadRequest("Please say which device is sending (\"device_id\").", "device_id");
  if (!device_id->is_string() || !core::IsUuid(device_id->get_ref<const std::string&>()))
    return core::ApiError{core::ErrorCode::InvalidField,
                          "Sorry, something went wrong in the app: it sent a device id we cannot use.", "device_id"};
  request.device_id = device_id->get<std::string>();

  if (const auto cursor = doc.find("cursor"); cursor != doc.end() && !cursor->is_null()) {
    std::optional<std::int64_t> value =
        cursor->is_string() ? store::ParseCursor(cursor->get_ref<const std::string&>()) : std::nullopt;
    if (!value)
      return BadRequest("We could not read \"cursor\": please send back the one from the last answer.", "cursor");
    request.cursor = *value;
  }

  const auto items = doc.find("items");
  if (items == doc.end() || !items->is_array())
    return BadRequest("Please send \"items\" as a list (it may be empty).", "items");
  if (items->size() > static_cast<std::size_t>(core::kMaxItemsPerSync))
    return core::ApiError{
        core::ErrorCode::InvalidField,
        "That is too many things at once. Please send at most " + std::to_string(core::kMaxItemsPerSync) + " together.",
        "items"};

  for (const json& item : *items) {
    SyncRequest::Entry entry;
    if (item.is_object())
      if (const auto id = item.find("id"); id != item.end() && id->is_string()) entry.id = id->get<std::string>();
    core::Parsed<core::OutboxItem> read = core::FromJson<core::OutboxItem>(item);
    if (!read) {
      entry.error = read.error;
    } else if (read.value->DeviceId() != request.device_id) {
      entry.error = {core::ErrorCode::InvalidField,
                     "Sorry, something went wrong in the app: this was made on another device.", "device_id"};
    } else {
      entry.item = std::move(read.value);
    }
    request.entries.push_back(std::move(entry));
  }
  return std::nullopt;
}

json ResultJson(const std::string& id, const store::SyncResult& result) {
  json entry = {{"id", id}, {"status", store::SyncOutcomeName(result.outcome)}};
  if (result.outcome == store::SyncOutcome::Rejected) {
    json error = {{"code", core::ErrorCodeName(result.error.code)}, {"message", result.error.message}};
    if (!result.error.field.empty()) error["field"] = result.error.field;
    entry["error"] = std::move(error);
  }
  return entry;
}

// `head` then `"places":[...],"cursor":"...","more":false}`, the tail both answers share,
// in one string sized once: a page of 500 places is ~450 KB, and each copy of it made by
// joining temporaries showed in the pull benchmark's profile.
std::string PageAnswer(std::string_view head, const store::PlacesPage& page) {
  const std::string cursor = store::FormatCursor(page.cursor);
  std::string answer;
  answer.reserve(head.size() + page.places_json.size() + cursor.size() + 48);
  answer += head;
  answer += "\"places\":";
  answer += page.places_json;
  answer += ",\"cursor\":\"";
  answer += cursor;
  answer += "\",\"more\":";
  answer += page.more ? "true}" : "false}";
  return answer;
}

// "yours": the statuses of the asking device's own suggestions, as a JSON list.
std::optional<json> ReadYours(ReaderPool& readers, const std::string& device_id) {
  std::optional<std::vector<core::SuggestionStatus>> statuses;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) {
        statuses = store::SuggestionStatusesOf(db, device_id, core::kMaxSuggestionStatuses, error);
      },
      error);
  (void)read;  // as ReadPage: no connection and a failed query both leave it empty
  if (!statuses) return std::nullopt;
  json list = json::array();
  for (const core::SuggestionStatus& status : *statuses) list.push_back(core::ToJson(status));
  return list;
}

// "shared_comments": the ids of the asking device's ratings whose comment is shared.
std::optional<json> ReadSharedComments(ReaderPool& readers, const std::string& device_id) {
  std::optional<std::vector<std::string>> ids;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) { ids = store::SharedCommentsOf(db, device_id, core::kMaxSharedComments, error); },
      error);
  (void)read;  // as ReadPage: no connection and a failed query both leave it empty
  if (!ids) return std::nullopt;
  return json(*ids);
}

std::optional<store::PlacesPage> ReadPage(ReaderPool& readers, std::int64_t since, int limit) {
  std::optional<store::PlacesPage> page;
  std::string error;
  const bool read =
      readers.With([&](const store::Database& db) { page = store::PlacesSince(db, since, limit, error); }, error);
  (void)read;  // no connection and a failed query both leave `page` empty
  return page;
}

}  // namespace

core::ValidationContext ServerValidationContext(std::int64_t unix_seconds) {
  const core::YearMonth now = core::YearMonthAt(unix_seconds, core::kLatestUtcOffsetMinutes);
  return {core::DefaultServiceArea(), now.year, now.month};
}

std::optional<core::ApiError> ReadSmallObject(std::string_view body, std::size_t max_bytes, int max_depth,
                                              std::string_view too_big, nlohmann::json& doc) {
  if (body.size() > max_bytes)
    return core::ApiError{core::ErrorCode::PayloadTooLarge, "That is too much to send at once. " + std::string(too_big),
                          ""};
  if (!JsonDepthWithin(body, max_depth))
    return core::ApiError{core::ErrorCode::BadRequest, "We could not read what was sent.", ""};
  core::Parsed<nlohmann::json> parsed = core::ParseJsonText(body);
  if (!parsed) return parsed.error;
  if (!parsed.value->is_object())
    return core::ApiError{core::ErrorCode::BadRequest, "We could not read what was sent: it should be an object.", ""};
  doc = std::move(*parsed.value);
  return std::nullopt;
}

core::ApiError OurFault() { return core::OurFault(); }

bool JsonDepthWithin(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

// [SECTION] Endpoints

Reply GetPlaces(ReaderPool& readers, const std::optional<std::string>& since, const std::optional<std::string>& limit) {
  const std::optional<std::int64_t> cursor = store::ParseCursor(since.value_or(""));
  if (!cursor)
    return {"", BadRequest("We could not read \"since\": please send back the cursor from the last answer.", "since")};
  int page_size = store::kDefaultPageSize;
  if (limit) {
    const std::optional<std::int64_t> asked = limit->empty() ? std::nullopt : store::ParseCursor(*limit);
    if (!asked || *asked < 1 || *asked > store::kMaxPageSize)
      return {"",
              BadRequest("\"limit\" should be a whole number from 1 to " + std::to_string(store::kMaxPageSize) + ".",
                         "limit")};
    page_size = static_cast<int>(*asked);
  }
  const std::optional<store::PlacesPage> page = ReadPage(readers, *cursor, page_size);
  if (!page) return {"", OurFault()};
  return {PageAnswer("{", *page), std::nullopt};
}

Reply PostSync(GroupCommitWriter& writer, ReaderPool& readers, std::string_view body, std::int64_t now_unix_seconds,
               SyncLimits* limits, const std::string& address) {
  // Every request counts, readable or not, as for the guessing endpoints.
  if (limits && !limits->requests_by_address.Allow(address, now_unix_seconds))
    return {"", core::ApiError{core::ErrorCode::TooManyRequests,
                               "The server is very busy with this Wi-Fi just now. Your places are saved on this "
                               "device and will be sent in a minute.",
                               ""}};
  SyncRequest request;
  if (std::optional<core::ApiError> error = ReadSyncRequest(body, request)) return {"", std::move(*error)};
  const bool sends_items = std::any_of(request.entries.begin(), request.entries.end(),
                                       [](const SyncRequest::Entry& entry) { return entry.item.has_value(); });
  if (limits && sends_items &&
      (limits->items_by_device.Full(request.device_id, now_unix_seconds) ||
       limits->items_by_address.Full(address, now_unix_seconds)))
    return {"", core::ApiError{core::ErrorCode::TooManyRequests,
                               "You have sent a lot in a short time. Thank you! Your places are saved on this device "
                               "and will be sent a bit later.",
                               ""}};

  // Rejected-on-sight items keep their result; the rest are decided by the store, in order.
  std::vector<store::SyncResult> results(request.entries.size());
  for (std::size_t i = 0; i < request.entries.size(); ++i)
    if (!request.entries[i].item) results[i] = {store::SyncOutcome::Rejected, request.entries[i].error};
  const core::ValidationContext context = ServerValidationContext(now_unix_seconds);
  const bool committed = writer.Run([&](store::ServerStore& store) {
    for (std::size_t i = 0; i < request.entries.size(); ++i) {
      if (!request.entries[i].item) continue;
      std::optional<store::SyncResult> result = store.Apply(*request.entries[i].item, context, now_unix_seconds);
      if (!result) return false;
      results[i] = std::move(*result);
    }
    return true;
  });
  if (!committed) return {"", OurFault()};
  if (limits) {
    const int accepted = static_cast<int>(std::count_if(results.begin(), results.end(), [](const store::SyncResult& r) {
      return r.outcome == store::SyncOutcome::Accepted;
    }));
    limits->items_by_device.Add(request.device_id, now_unix_seconds, accepted);
    limits->items_by_address.Add(address, now_unix_seconds, accepted);
  }

  // Every "accepted" below is already on disk.
  json list = json::array();
  for (std::size_t i = 0; i < results.size(); ++i) list.push_back(ResultJson(request.entries[i].id, results[i]));
  const std::optional<json> yours = ReadYours(readers, request.device_id);
  const std::optional<json> shared = ReadSharedComments(readers, request.device_id);
  const std::optional<store::PlacesPage> page = ReadPage(readers, request.cursor, store::kDefaultPageSize);
  if (!yours || !shared || !page) return {"", OurFault()};
  std::string head = "{\"results\":";
  head += core::DumpJson(list);
  head += ",\"yours\":";
  head += core::DumpJson(*yours);
  head += ",\"shared_comments\":";
  head += core::DumpJson(*shared);
  head += ',';
  return {PageAnswer(head, *page), std::nullopt};
}

}  // namespace server
