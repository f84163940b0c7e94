// This is the implementation of sync_protocol.h: building a device's sync request and
// reading the server's answers, with the model's own codec for every item and place.
#include "core/sync_protocol.h"

namespace core {
namespace {

using nlohmann::json;

ApiError Unreadable(std::string field) {
  return {ErrorCode::BadRequest, "The answer from the server could not be read.", std::move(field)};
}

// Reads "places", "cursor" and "more" from an object (the same in both answers).
bool ReadChanges(const json& doc, PlaceChanges& changes, ApiError& error) {
  const auto places = doc.find("places");
  if (places != doc.end() && !places->is_null()) {
    if (!places->is_array()) return error = Unreadable("places"), false;
    for (const json& entry : *places) {
      if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
        return error = Unreadable("places"), false;
      const std::string status = entry.value("status", std::string());
      if (status != "approved") {
        changes.removed_ids.push_back(entry["id"].get<std::string>());
        continue;
      }
      Parsed<Place> place = FromJson<Place>(entry);
      if (!place) return error = place.error, false;
      InclusionProfile profile;
      if (entry.contains("profile") && !entry["profile"].is_null()) {
        Parsed<InclusionProfile> parsed = FromJson<InclusionProfile>(entry["profile"]);
        if (!parsed) return error = parsed.error, false;
        profile = *parsed.value;
      }
      changes.places.push_back({std::move(*place.value), profile});
    }
  }
  if (doc.contains("cursor")) {
    if (!doc["cursor"].is_string()) return error = Unreadable("cursor"), false;
    changes.cursor = doc["cursor"].get<std::string>();
  }
  if (doc.contains("more")) {
    if (!doc["more"].is_boolean()) return error = Unreadable("more"), false;
    changes.more = doc["more"].get<bool>();
  }
  return true;
}

// Reads "yours", the statuses of this device's own suggestions.
bool ReadYours(const json& doc, std::vector<SuggestionStatus>& yours, ApiError& error) {
  const auto list = doc.find("yours");
  if (list == doc.end() || list->is_null()) return true;
  if (!list->is_array()) return error = Unreadable("yours"), false;
  for (const json& entry : *list) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() || !entry.contains("status") ||
        !entry["status"].is_string())
      return error = Unreadable("yours"), false;
    const std::optional<PlaceStatus> status = PlaceStatusFromName(entry["status"].get_ref<const std::string&>());
    if (!status) continue;  // a status from a newer server: leave what the device knew
    SuggestionStatus mine;
    mine.id = entry["id"].get<std::string>();
    mine.status = *status;
    if (const auto reason = entry.find("reason");
        mine.status == PlaceStatus::Rejected && reason != entry.end() && reason->is_string())
      mine.reason = NotAddedReasonFromName(reason->get_ref<const std::string&>());
    if (const auto merged = entry.find("merged_into");
        mine.status == PlaceStatus::Merged && merged != entry.end() && merged->is_string())
      mine.merged_into = merged->get<std::string>();
    yours.push_back(std::move(mine));
  }
  return true;
}

}  // namespace

nlohmann::json ToJson(const SuggestionStatus& status) {
  json entry = {{"id", status.id}, {"status", PlaceStatusName(status.status)}};
  if (status.status == PlaceStatus::Rejected && status.reason) entry["reason"] = NotAddedReasonName(*status.reason);
  if (status.status == PlaceStatus::Merged && !status.merged_into.empty()) entry["merged_into"] = status.merged_into;
  return entry;
}

std::string BuildSyncRequest(std::string_view device_id, std::string_view cursor, std::span<const OutboxItem> items) {
  json list = json::array();
  for (const OutboxItem& item : items) list.push_back(ToJson(item));
  json body = {{"device_id", device_id}, {"cursor", cursor}, {"items", std::move(list)}};
  return DumpJson(body);
}

Parsed<SyncAnswer> ParseSyncAnswer(std::string_view text) {
  Parsed<json> doc = ParseJsonText(text);
  if (!doc) return {std::nullopt, doc.error};
  if (!doc.value->is_object()) return {std::nullopt, Unreadable("")};
  SyncAnswer answer;
  ApiError error;
  const json& body = *doc.value;
  if (body.contains("results")) {
    if (!body["results"].is_array()) return {std::nullopt, Unreadable("results")};
    for (const json& entry : body["results"]) {
      if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() || !entry.contains("status") ||
          !entry["status"].is_string())
        return {std::nullopt, Unreadable("results")};
      ItemResult result;
      result.id = entry["id"].get<std::string>();
      const std::string status = entry["status"].get<std::string>();
      if (status == "accepted") {
        result.outcome = ItemOutcome::Accepted;
      } else if (status == "already_accepted") {
        result.outcome = ItemOutcome::AlreadyAccepted;
      } else if (status == "rejected") {
        result.outcome = ItemOutcome::Rejected;
        std::optional<ApiError> reason =
            entry.contains("error") ? ErrorFromObject(entry["error"]) : std::nullopt;
        result.error = reason ? *reason : ApiError{ErrorCode::InvalidField, "The server could not take this.", ""};
      } else {
        return {std::nullopt, Unreadable("results")};
      }
      answer.results.push_back(std::move(result));
    }
  }
  if (!ReadChanges(body, answer.changes, error) || !ReadYours(body, answer.yours, error)) return {std::nullopt, error};
  return {std::move(answer), {}};
}

Parsed<PlaceChanges> ParsePlaceChanges(std::string_view text) {
  Parsed<json> doc = ParseJsonText(text);
  if (!doc) return {std::nullopt, doc.error};
  if (!doc.value->is_object()) return {std::nullopt, Unreadable("")};
  PlaceChanges changes;
  ApiError error;
  if (!ReadChanges(*doc.value, changes, error)) return {std::nullopt, error};
  return {std::move(changes), {}};
}

}  // namespace core
