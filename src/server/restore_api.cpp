// This is the implementation of restore_api.h: reading the two restore requests, the
// guess limit, and the answers.
//
// [SECTION] Wire shapes
//   POST /api/v1/restore {"code": "otter-maple-lantern-cocoa"}  (any case; spaces or hyphens)
//     200 {"device_id": uuid,
//          "progress": {"points": 120, "level": 3, "level_name": "Map Maker",
//                       "badges": ["first_rating", ...]},   (earned badge ids, in Badges() order)
//          "items": [{"item": {...outbox item as core/codec.h writes it...},
//                     "review": "suggested|approved|rejected|merged",  (suggestions only)
//                     "reason": "already_on_map", "merged_into": uuid,  (when rejected / merged)
//                     "first_in_area": true,                            (suggestions, only when true)
//                     "comment_approved": true}, ...],                  (ratings only)
//          "items_complete": true}
//     "items" is what the device sent and the server kept (store::SentItemsOf), so the
//     app gets its history back and works out the same badges itself; at most
//     core::kMaxRestoreItems of them, oldest first ("items_complete": false if more).
//     Shapes in core/restore_protocol.h.
//     404 when no device has that code; 429 after kRestoreGuessesPerWindow guesses in a
//     minute from one address; 400 when the body cannot be read; 422 when "code" is not
//     four of our words.
//   POST /api/v1/restore-code {"device_id": uuid, "code": "otter-maple-lantern-cocoa"}
//     200 {"device_id": uuid}; 409 when that device already has a code (or, very rarely,
//     the code is another device's: the app makes a new one); 400 / 422 as above.
//   Every error is core's {"error": {"code", "message", "field"}}; bodies over
//   kMaxRestoreBodyBytes are 413.
#include "server/restore_api.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/codec.h"
#include "core/progress.h"
#include "core/restore_code.h"
#include "core/restore_protocol.h"
#include "core/uuid.h"
#include "core/validation.h"
#include "store/server_store.h"

namespace server {
namespace {

using nlohmann::json;

// The request's object, or why it cannot be read.
std::optional<core::ApiError> ReadObject(std::string_view body, json& doc) {
  return ReadSmallObject(body, kMaxRestoreBodyBytes, 2, "Please send only the code.", doc);
}

// The normalised code in doc["code"], or why not.
std::optional<core::ApiError> ReadCode(const json& doc, std::string& code) {
  const auto found = doc.find("code");
  if (found == doc.end() || found->is_null())
    return core::ApiError{core::ErrorCode::BadRequest, "Please type your restore code.", "code"};
  std::optional<std::string> normalised =
      found->is_string() ? core::NormaliseRestoreCode(found->get_ref<const std::string&>()) : std::nullopt;
  if (!normalised)
    return core::ApiError{core::ErrorCode::InvalidField,
                          "A restore code is four words, like \"otter maple lantern cocoa\". Check the words and try "
                          "again.",
                          "code"};
  code = std::move(*normalised);
  return std::nullopt;
}

std::string ThisMonth(std::int64_t now_unix_seconds) {
  return core::MonthText(core::YearMonthAt(now_unix_seconds, 0));
}

json ProgressJson(const core::Progress& progress) {
  json badges = json::array();
  for (const core::BadgeProgress& badge : progress.badges)
    if (badge.earned) badges.push_back(std::string(badge.id));
  return {{"points", progress.points},
          {"level", progress.level.number},
          {"level_name", std::string(progress.level.name)},
          {"badges", std::move(badges)}};
}

}  // namespace

Reply PostRestore(ReaderPool& readers, RestoreGuesses& guesses, const std::string& address, std::string_view body,
                  std::int64_t now_unix_seconds) {
  // Every request counts, readable or not: otherwise the limit is easy to step around.
  if (!guesses.Allow(address, now_unix_seconds))
    return {"", core::ApiError{core::ErrorCode::TooManyRequests,
                               "That was a lot of tries in a short time. Please wait a minute, then try again.", ""}};
  json doc;
  if (std::optional<core::ApiError> error = ReadObject(body, doc)) return {"", std::move(*error)};
  std::string code;
  if (std::optional<core::ApiError> error = ReadCode(doc, code)) return {"", std::move(*error)};

  std::optional<std::string> device_id;
  std::optional<core::Progress> progress;
  std::optional<std::vector<core::SentItem>> items;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) {
        device_id = store::DeviceOfRestoreCode(db, core::RestoreCodeHash(code), error);
        if (device_id) progress = store::DeviceProgress(db, *device_id, ThisMonth(now_unix_seconds), error);
        if (progress) items = store::SentItemsOf(db, *device_id, error);
      },
      error);
  if (!read || !error.empty()) return {"", OurFault()};
  if (!device_id)
    return {"", core::ApiError{core::ErrorCode::NotFound,
                               "We could not find that code. Check the words and try again.", "code"}};
  if (!progress || !items) return {"", OurFault()};
  json answer = {{"device_id", *device_id}, {"progress", ProgressJson(*progress)}};
  core::WriteRestoreItems(*items, answer);
  return {core::DumpJson(answer), std::nullopt};
}

Reply PostRestoreCode(GroupCommitWriter& writer, std::string_view body, std::int64_t now_unix_seconds) {
  json doc;
  if (std::optional<core::ApiError> error = ReadObject(body, doc)) return {"", std::move(*error)};
  const auto device_id = doc.find("device_id");
  if (device_id == doc.end() || device_id->is_null())
    return {"", core::ApiError{core::ErrorCode::BadRequest, "Please say which device this is (\"device_id\").",
                               "device_id"}};
  if (!device_id->is_string() || !core::IsUuid(device_id->get_ref<const std::string&>()))
    return {"", core::ApiError{core::ErrorCode::InvalidField,
                               "Sorry, something went wrong in the app: it sent a device id we cannot use.",
                               "device_id"}};
  std::string code;
  if (std::optional<core::ApiError> error = ReadCode(doc, code)) return {"", std::move(*error)};

  const std::string device = device_id->get<std::string>();
  const std::string hash = core::RestoreCodeHash(code);
  std::optional<bool> added;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    added = store.AddRestoreCode(hash, device, now_unix_seconds);
    return added.has_value();
  });
  if (!committed || !added) return {"", OurFault()};
  if (!*added)
    return {"", core::ApiError{core::ErrorCode::Conflict,
                               "This device already has a restore code. Use the one shown under settings.", ""}};
  return {core::DumpJson(json{{"device_id", device}}), std::nullopt};
}

}  // namespace server
