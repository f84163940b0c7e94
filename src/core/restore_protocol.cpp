// This is the implementation of restore_protocol.h.
#include "core/restore_protocol.h"

#include <algorithm>

#include "core/uuid.h"

namespace core {
namespace {

using nlohmann::json;

ApiError Unreadable(std::string field) {
  return {ErrorCode::BadRequest, "The answer from the server could not be read.", std::move(field)};
}

}  // namespace

json RestoreItemJson(const SentItem& sent) {
  json entry = {{"item", ToJson(sent.item)}};
  switch (sent.item.Kind()) {
    case OutboxKind::Suggestion:
      entry["review"] = std::string(PlaceStatusName(sent.review.value_or(PlaceStatus::Suggested)));
      if (sent.review == PlaceStatus::Rejected && sent.review_reason)
        entry["reason"] = std::string(NotAddedReasonName(*sent.review_reason));
      if (sent.review == PlaceStatus::Merged && !sent.merged_into.empty()) entry["merged_into"] = sent.merged_into;
      if (sent.first_in_area) entry["first_in_area"] = true;
      break;
    case OutboxKind::Rating: entry["comment_approved"] = sent.comment_approved; break;
    case OutboxKind::Withdrawal: break;
  }
  return entry;
}

void WriteRestoreItems(std::span<const SentItem> sent, json& answer) {
  std::vector<const SentItem*> order;
  order.reserve(sent.size());
  for (const SentItem& item : sent) order.push_back(&item);
  std::sort(order.begin(), order.end(),
            [](const SentItem* a, const SentItem* b) { return a->item.ItemId() < b->item.ItemId(); });
  json items = json::array();
  for (std::size_t i = 0; i < order.size() && i < kMaxRestoreItems; ++i) items.push_back(RestoreItemJson(*order[i]));
  answer["items"] = std::move(items);
  answer["items_complete"] = order.size() <= kMaxRestoreItems;
}

Parsed<RestoreAnswer> ParseRestoreAnswer(std::string_view text) {
  Parsed<json> doc = ParseJsonText(text);
  if (!doc) return {std::nullopt, doc.error};
  const json& body = *doc.value;
  if (!body.is_object()) return {std::nullopt, Unreadable("")};
  RestoreAnswer answer;
  const auto device = body.find("device_id");
  if (device == body.end() || !device->is_string() || !IsUuid(device->get_ref<const std::string&>()))
    return {std::nullopt, Unreadable("device_id")};
  answer.device_id = device->get<std::string>();
  if (const auto complete = body.find("items_complete"); complete != body.end() && complete->is_boolean())
    answer.items_complete = complete->get<bool>();
  const auto items = body.find("items");
  if (items == body.end()) return {std::move(answer), {}};
  if (!items->is_array() || items->size() > kMaxRestoreItems) return {std::nullopt, Unreadable("items")};
  for (const json& entry : *items) {
    if (!entry.is_object() || !entry.contains("item")) return {std::nullopt, Unreadable("items")};
    Parsed<OutboxItem> item = FromJson<OutboxItem>(entry["item"]);
    if (!item) return {std::nullopt, Unreadable("items")};
    SentItem sent{std::move(*item.value)};
    if (const auto review = entry.find("review"); review != entry.end() && review->is_string()) {
      const std::optional<PlaceStatus> status = PlaceStatusFromName(review->get_ref<const std::string&>());
      if (status && *status != PlaceStatus::Suggested) sent.review = status;
    }
    if (const auto reason = entry.find("reason"); reason != entry.end() && reason->is_string())
      sent.review_reason = NotAddedReasonFromName(reason->get_ref<const std::string&>());
    if (const auto merged = entry.find("merged_into"); merged != entry.end() && merged->is_string())
      sent.merged_into = merged->get<std::string>();
    if (const auto comment = entry.find("comment_approved"); comment != entry.end() && comment->is_boolean())
      sent.comment_approved = comment->get<bool>();
    if (const auto first = entry.find("first_in_area"); first != entry.end() && first->is_boolean())
      sent.first_in_area = first->get<bool>();
    answer.items.push_back(std::move(sent));
  }
  return {std::move(answer), {}};
}

}  // namespace core
