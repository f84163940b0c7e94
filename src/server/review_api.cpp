// This is the implementation of review_api.h: reading an officer's request and the queue's
// filters in words an officer understands, the queue as JSON, and each action on the writer.
//
// [SECTION] Wire shapes (officer only; see also the issue 8 contract, sections B and C)
//   GET  /api/v1/review/queue?kind=all|suggestion|comment&category=park&session=ID&flagged=1
//                            &area=nw|n|ne|w|c|e|sw|s|se&limit=50   (limit 1..200)
//     200 {"counts": {"suggestions", "comments", "flagged", "safeguarding"},   (all waiting)
//          "items": [{"kind": "suggestion", "id", "submitted_at", "place": {"id", "name",
//                     "category", "lat", "lon", "address"}, "why", "reasons": [...],
//                     "first_rating": {"scales", "facilities", "comment", "visit_month"},
//                     "session": {"id", "name"} | null, "flags": [{"flag", "detail"}],
//                     "safeguarding": bool, "nearby": [{"id", "name", "category", "lat",
//                     "lon", "distance_m"}]}
//                  | {"kind": "comment", "id": rating id, "submitted_at", "place": {...},
//                     "text", "visit_month", "scales", "session", "flags", "safeguarding"}]}
//     safeguarding first, then oldest first. 422 a filter it cannot use.
//   POST /api/v1/review/suggestions/{id}/approve {"edit"?: {"name"?, "category"?, "address"?,
//        "lat"?, "lon"?}}  200 {"status": "approved"}
//   POST /api/v1/review/suggestions/{id}/reject {"reason": NotAddedReason}  200 {"status": "rejected"}
//   POST /api/v1/review/suggestions/{id}/merge {"into": place id}  200 {"status": "merged"}
//   POST /api/v1/review/comments/{rating_id}/approve  200 {"comment": "approved"}; .../hide {"comment": "hidden"}
//   POST /api/v1/review/undo  200 {"undone": {"action", "item_id"}}; 409 "Nothing to undo."
//   404 no such suggestion or rating; 409 already looked at; 422 a field (named) not allowed;
//   413 over kMaxReviewBodyBytes; 401 no login; 403 not an officer.
#include "server/review_api.h"

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/review.h"
#include "server/staff_api.h"

namespace server {
namespace {

using nlohmann::json;

core::ApiError Invalid(std::string message, std::string field) {
  return {core::ErrorCode::InvalidField, std::move(message), std::move(field)};
}

json PlaceJson(const core::Place& place) {
  return {{"id", place.id},   {"name", place.name}, {"category", core::CategoryName(place.category)},
          {"lat", place.lat}, {"lon", place.lon},   {"address", place.address}};
}

json SessionJson(const store::QueueItem& item) {
  if (item.session_id.empty()) return nullptr;
  return {{"id", item.session_id}, {"name", item.session_name}};
}

json FlagsJson(const store::QueueItem& item) {
  json flags = json::array();
  for (const store::QueueFlag& flag : item.flags) flags.push_back({{"flag", flag.flag}, {"detail", flag.detail}});
  return flags;
}

json ItemJson(const store::QueueItem& item) {
  // The answers as the wire writes a rating (answered ones only), never its device.
  const json rating = core::ToJson(item.rating);
  const json scales = rating.value("scales", json::object());
  if (item.kind == store::QueueKind::Comment)
    return {{"kind", "comment"},        {"id", item.id},
            {"submitted_at", item.submitted_at}, {"place", PlaceJson(item.place)},
            {"text", item.rating.comment},       {"visit_month", item.rating.visit_month},
            {"scales", scales},                  {"session", SessionJson(item)},
            {"flags", FlagsJson(item)},          {"safeguarding", item.safeguarding}};
  json reasons = json::array();
  for (core::SafeReason reason : item.reasons) reasons.push_back(core::SafeReasonName(reason));
  json nearby = json::array();
  for (const store::NearbyPlace& place : item.nearby)
    nearby.push_back({{"id", place.id},
                      {"name", place.name},
                      {"category", core::CategoryName(place.category)},
                      {"lat", place.lat},
                      {"lon", place.lon},
                      {"distance_m", static_cast<int>(place.distance_m + 0.5)}});
  return {{"kind", "suggestion"},
          {"id", item.id},
          {"submitted_at", item.submitted_at},
          {"place", PlaceJson(item.place)},
          {"why", item.why},
          {"reasons", std::move(reasons)},
          {"first_rating",
           {{"scales", scales},
            {"facilities", rating.value("facilities", json::object())},
            {"comment", item.rating.comment},
            {"visit_month", item.rating.visit_month}}},
          {"session", SessionJson(item)},
          {"flags", FlagsJson(item)},
          {"safeguarding", item.safeguarding},
          {"nearby", std::move(nearby)}};
}

// The queue's filters, or the first one it cannot use.
std::optional<core::ApiError> ReadFilter(const QueueQuery& query, store::QueueFilter& filter) {
  if (query.kind && *query.kind != "all") {
    if (*query.kind == "suggestion") {
      filter.kind = store::QueueKind::Suggestion;
    } else if (*query.kind == "comment") {
      filter.kind = store::QueueKind::Comment;
    } else {
      return Invalid("Please choose to see all, suggestions or comments.", "kind");
    }
  }
  if (query.category && !query.category->empty()) {
    filter.category = core::CategoryFromName(*query.category);
    if (!filter.category) return Invalid("We do not know that kind of place. Please pick one from the list.", "category");
  }
  if (query.session) filter.session_id = *query.session;
  if (query.flagged) {
    if (*query.flagged != "1" && *query.flagged != "0" && !query.flagged->empty())
      return Invalid("\"flagged\" is 1 (only flagged items) or 0.", "flagged");
    filter.flagged_only = *query.flagged == "1";
  }
  if (query.area && !query.area->empty()) {
    if (!core::IsAreaName(*query.area)) return Invalid("Please pick a part of the city from the list.", "area");
    filter.area = *query.area;
  }
  if (query.limit) {
    const std::optional<std::int64_t> limit = store::ParseCursor(*query.limit);
    if (!limit || *limit < 1 || *limit > store::kMaxQueueItems)
      return Invalid("Please ask for between 1 and 200 items at a time.", "limit");
    filter.limit = static_cast<int>(*limit);
  }
  return std::nullopt;
}

std::optional<core::ApiError> ReadText(const json& doc, const char* field, std::string ask, std::string& text) {
  const auto found = doc.find(field);
  if (found == doc.end() || !found->is_string() || found->get_ref<const std::string&>().empty())
    return Invalid(std::move(ask), field);
  text = found->get<std::string>();
  return std::nullopt;
}

// The "edit" of an approval: only the fields an officer may correct, each of the right kind.
std::optional<core::ApiError> ReadEdit(const json& doc, store::PlaceEdit& edit) {
  const auto found = doc.find("edit");
  if (found == doc.end() || found->is_null()) return std::nullopt;
  if (!found->is_object()) return Invalid("We could not read the changes to the place.", "edit");
  for (const auto& [key, value] : found->items()) {
    const std::string field = "edit." + key;
    if (key == "name" || key == "address") {
      if (!value.is_string()) return Invalid("Please type the " + key + " as words.", field);
      (key == "name" ? edit.name : edit.address) = core::TrimText(value.get<std::string>());
    } else if (key == "category") {
      if (value.is_string()) edit.category = core::CategoryFromName(value.get<std::string>());
      if (!edit.category) return Invalid("We do not know that kind of place. Please pick one from the list.", field);
    } else if (key == "lat" || key == "lon") {
      if (!value.is_number()) return Invalid("Please give the place's position as numbers.", field);
      (key == "lat" ? edit.lat : edit.lon) = value.get<double>();
    } else {
      return Invalid("Only the name, kind of place, address and position can be changed here.", field);
    }
  }
  return std::nullopt;
}

Reply Done(json answer) { return {core::DumpJson(answer), std::nullopt}; }

}  // namespace

store::StaffResult<store::StaffMember> RequireOfficer(ReaderPool& readers, std::string_view authorization,
                                                      std::int64_t now_unix_seconds) {
  return RequireStaff(readers, authorization, now_unix_seconds, {store::StaffRole::Officer});
}

std::optional<core::ApiError> RunOfficerChange(
    GroupCommitWriter& writer, const std::function<std::optional<core::ApiError>(store::ServerStore&)>& change) {
  std::optional<core::ApiError> outcome;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    outcome = change(store);
    return !outcome || outcome->code != core::ErrorCode::Internal;
  });
  if (!committed) return OurFault();
  return outcome;
}

std::optional<core::ApiError> ReadOfficerRequest(std::string_view body, json& doc) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    doc = json::object();
    return std::nullopt;
  }
  return ReadSmallObject(body, kMaxReviewBodyBytes, 4, "Please send one change at a time.", doc);
}

Reply GetReviewQueue(ReaderPool& readers, std::string_view authorization, const QueueQuery& query,
                     std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  store::QueueFilter filter;
  if (std::optional<core::ApiError> error = ReadFilter(query, filter)) return {"", std::move(*error)};
  std::optional<store::ReviewQueue> queue;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) {
        queue = store::ReadReviewQueue(db, filter, core::DefaultServiceArea(), error);
      },
      error);
  if (!read || !queue) return {"", OurFault()};
  json items = json::array();
  for (const store::QueueItem& item : queue->items) items.push_back(ItemJson(item));
  const store::QueueCounts& counts = queue->counts;
  return Done({{"counts",
                {{"suggestions", counts.suggestions},
                 {"comments", counts.comments},
                 {"flagged", counts.flagged},
                 {"safeguarding", counts.safeguarding}}},
               {"items", std::move(items)}});
}

Reply PostReviewSuggestion(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                           const std::string& place_id, SuggestionAction action, std::string_view body,
                           std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadOfficerRequest(body, doc)) return {"", std::move(*error)};
  const store::StaffMember& who = *officer.value;

  std::optional<core::ApiError> outcome;
  std::string status;
  switch (action) {
    case SuggestionAction::Approve: {
      store::PlaceEdit edit;
      if (std::optional<core::ApiError> error = ReadEdit(doc, edit)) return {"", std::move(*error)};
      const core::ValidationContext context = ServerValidationContext(now_unix_seconds);
      outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
        return store::ApproveSuggestion(store, who, place_id, edit, context, now_unix_seconds);
      });
      status = "approved";
      break;
    }
    case SuggestionAction::Reject: {
      std::string name;
      if (auto error = ReadText(doc, "reason", "Please pick why this place was not added.", name))
        return {"", std::move(*error)};
      const std::optional<core::NotAddedReason> reason = core::NotAddedReasonFromName(name);
      if (!reason) return {"", Invalid("Please pick why this place was not added, from the list.", "reason")};
      outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
        return store::RejectSuggestion(store, who, place_id, *reason, now_unix_seconds);
      });
      status = "rejected";
      break;
    }
    case SuggestionAction::Merge: {
      std::string into;
      if (auto error = ReadText(doc, "into", "Please pick the place on the map to merge this into.", into))
        return {"", std::move(*error)};
      outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
        return store::MergeSuggestion(store, who, place_id, into, now_unix_seconds);
      });
      status = "merged";
      break;
    }
  }
  if (outcome) return {"", std::move(*outcome)};
  return Done({{"status", status}});
}

Reply PostReviewComment(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                        const std::string& rating_id, store::CommentLook look, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  std::optional<core::ApiError> outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
    return store::ReviewComment(store, *officer.value, rating_id, look, now_unix_seconds);
  });
  if (outcome) return {"", std::move(*outcome)};
  return Done({{"comment", look == store::CommentLook::Approve ? "approved" : "hidden"}});
}

Reply PostReviewUndo(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                     std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  store::StaffResult<store::UndoneAction> undone;
  std::optional<core::ApiError> outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
    undone = store::UndoLastAction(store, *officer.value, now_unix_seconds);
    return undone ? std::nullopt : std::optional<core::ApiError>(undone.error);
  });
  if (outcome) return {"", std::move(*outcome)};
  return Done({{"undone", {{"action", undone.value->action}, {"item_id", undone.value->item_id}}}});
}

}  // namespace server
