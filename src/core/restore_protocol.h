// The wire shape of a restore answer's "items": what one device sent, with what became of
// it (core::SentItem), written by the server (server/restore_api.cpp) and read by the app
// (client/client_data.cpp) so a reinstalled app gets its history, and so its badges, back.
// Not the restore code itself (core/restore_code.h). Start at ParseRestoreAnswer.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.h"
#include "core/progress.h"

namespace core {

// Items in one restore answer, at most: the oldest by id (ids are time-ordered, and a
// withdrawal comes after what it takes back). A device that sent more gets the first
// kMaxRestoreItems and "items_complete": false; the answer's "progress" still counts all.
inline constexpr std::size_t kMaxRestoreItems = 2000;  // items

struct RestoreAnswer {
  std::string device_id;
  std::vector<SentItem> items;  // in the answer's order (oldest id first)
  bool items_complete = true;   // false when more than kMaxRestoreItems were left out
};

// {"item": <ToJson(item)>, "review": "suggested|approved|rejected|merged" (suggestions only),
//  "reason": "already_on_map" (a rejected suggestion's, when known),
//  "merged_into": uuid (a merged suggestion's), "first_in_area": true (a suggestion's, only
//  when true: see sync_protocol.h), "comment_approved": true|false (ratings only)}
nlohmann::json RestoreItemJson(const SentItem& sent);

// "items" and "items_complete" of the answer: up to kMaxRestoreItems of `sent`, oldest id first.
void WriteRestoreItems(std::span<const SentItem> sent, nlohmann::json& answer);

// {"device_id": uuid, "items": [...], "items_complete": bool, ...}; other fields are
// ignored (the app works progress out again from the items). An answer with no "items"
// (an older server) is read as none.
Parsed<RestoreAnswer> ParseRestoreAnswer(std::string_view text);

}  // namespace core
