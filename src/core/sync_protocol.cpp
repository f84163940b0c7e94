// This is the implementation of sync_protocol.h: building a device's sync request and
// reading the server's answers, with the model's own codec for every item and place.
#include "core/sync_protocol.h"

#include "core/validation.h"

namespace core {
namespace {

using nlohmann::json;

ApiError Unreadable(std::string field) {
  return {ErrorCode::BadRequest, "The answer from the server could not be read.", std::move(field)};
}

// "2026-10": four digits, a dash, a month from 01 to 12.
bool IsYearMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (text[i] < '0' || text[i] > '9') return false;
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

// The first `max_chars` code points of UTF-8 `text` (all of it when shorter).
std::string FirstCharacters(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const bool starts_char = (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) return std::string(text.substr(0, at));
  }
  return std::string(text);
}

// "comments" of a place's entry: whatever can be read of it, and no more than a card shows.
std::vector<PlaceComment> ReadComments(const json& entry) {
  std::vector<PlaceComment> comments;
  const auto list = entry.find("comments");
  if (list == entry.end() || !list->is_array()) return comments;
  for (const json& item : *list) {
    if (comments.size() == kMaxPlaceComments) break;
    if (!item.is_object()) continue;
    const auto text = item.find("text");
    const auto month = item.find("month");
    if (text == item.end() || !text->is_string() || month == item.end() || !month->is_string()) continue;
    const std::string& words = text->get_ref<const std::string&>();
    if (TrimText(words).empty() || !IsYearMonth(month->get_ref<const std::string&>())) continue;
    comments.push_back({FirstCharacters(words, kCommentMaxChars), month->get<std::string>()});
  }
  return comments;
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
      Parsed<PublicPlace> place = ReadPublicPlace(entry);
      if (!place) return error = place.error, false;
      changes.places.push_back(std::move(*place.value));
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
    if (const auto first = entry.find("first_in_area"); first != entry.end() && first->is_boolean())
      mine.first_in_area = first->get<bool>();
    yours.push_back(std::move(mine));
  }
  return true;
}

// Reads "shared_comments", the ids of this device's ratings whose comment is shared.
bool ReadSharedComments(const json& doc, std::optional<std::vector<std::string>>& shared, ApiError& error) {
  const auto list = doc.find("shared_comments");
  if (list == doc.end() || list->is_null()) return true;
  if (!list->is_array()) return error = Unreadable("shared_comments"), false;
  shared.emplace();
  for (const json& id : *list)
    if (id.is_string()) shared->push_back(id.get<std::string>());
  return true;
}

}  // namespace

nlohmann::json ToJson(const PublicPlace& entry) {
  json doc = ToJson(entry.place);
  doc["profile"] = ToJson(entry.profile);
  if (!entry.comments.empty()) {
    json comments = json::array();
    for (const PlaceComment& comment : entry.comments)
      comments.push_back({{"text", comment.text}, {"month", comment.month}});
    doc["comments"] = std::move(comments);
  }
  if (entry.scheme_member) doc["scheme_member"] = true;
  return doc;
}

Parsed<PublicPlace> ReadPublicPlace(const nlohmann::json& entry) {
  Parsed<Place> place = FromJson<Place>(entry);
  if (!place) return {std::nullopt, place.error};
  PublicPlace read{std::move(*place.value), {}, ReadComments(entry)};
  if (const auto member = entry.find("scheme_member"); member != entry.end() && member->is_boolean())
    read.scheme_member = member->get<bool>();
  if (const auto profile = entry.find("profile"); profile != entry.end() && !profile->is_null()) {
    Parsed<InclusionProfile> parsed = FromJson<InclusionProfile>(*profile);
    if (!parsed) return {std::nullopt, parsed.error};
    read.profile = *parsed.value;
  }
  return {std::move(read), {}};
}

nlohmann::json ToJson(const SuggestionStatus& status) {
  json entry = {{"id", status.id}, {"status", PlaceStatusName(status.status)}};
  if (status.status == PlaceStatus::Rejected && status.reason) entry["reason"] = NotAddedReasonName(*status.reason);
  if (status.status == PlaceStatus::Merged && !status.merged_into.empty()) entry["merged_into"] = status.merged_into;
  if (status.first_in_area) entry["first_in_area"] = true;
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
  if (!ReadChanges(body, answer.changes, error) || !ReadYours(body, answer.yours, error) ||
      !ReadSharedComments(body, answer.shared_comments, error))
    return {std::nullopt, error};
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
