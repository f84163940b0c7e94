// The sync endpoints as plain functions: GET /api/v1/places and POST /api/v1/sync. Text
// and values in, a Reply out (JSON, or an error whose status core::HttpStatusFor picks).
// The limits a request must keep are here; the rules of storing are in store/server_store.h.
// Start at PostSync. Shapes: see "[SECTION] Wire shapes" in sync_api.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/api_error.h"
#include "core/validation.h"
#include "server/address_limit.h"
#include "server/data_access.h"

namespace server {

// [SECTION] Limits

inline constexpr std::size_t kMaxSyncBodyBytes = 256 * 1024;  // bytes in one POST /api/v1/sync body; more is 413
inline constexpr int kMaxJsonDepth = 16;                      // objects and lists inside each other; ours need 5

inline constexpr int kSyncsPerAddressPerMinute = 600;    // sync requests per client address a minute
inline constexpr int kNewItemsPerDevicePerHour = 200;    // new ratings, suggestions, withdrawals per device an hour
inline constexpr int kNewItemsPerAddressPerHour = 1500;  // the same per client address (a group on one Wi-Fi)

// How much one device and one address may send, so a script cannot flood the officers'
// queue or the database. A young person in a busy group session sends a few a minute; a
// class of 30 on one school Wi-Fi shares an address, hence the generous address figures.
// An answer over a limit is a 429 in words; the phone keeps its items and sends them later.
// The item limits are counted after the write, so one batch may go over by its own size.
struct SyncLimits {
  AddressLimit requests_by_address{kSyncsPerAddressPerMinute, 60};
  AddressLimit items_by_device{kNewItemsPerDevicePerHour, 3600};
  AddressLimit items_by_address{kNewItemsPerAddressPerHour, 3600};
};

// What an endpoint answers: JSON text with 200, or an error.
struct Reply {
  std::string json;
  std::optional<core::ApiError> error;
};

// What the server's own clock and area allow (a visit month up to the latest month
// anywhere on Earth; positions inside the service area).
core::ValidationContext ServerValidationContext(std::int64_t unix_seconds);

// True when no object or list in `text` sits deeper than `max_depth`; JSON strings are
// skipped, so brackets inside text do not count. Safe on any bytes.
bool JsonDepthWithin(std::string_view text, int max_depth);

// A small request's JSON object (restore, staff, sessions): at most `max_bytes` and
// `max_depth` deep, or the plain-words error to answer. `too_big` is what to say when
// it is too long ("Please send only the code.").
std::optional<core::ApiError> ReadSmallObject(std::string_view body, std::size_t max_bytes, int max_depth,
                                              std::string_view too_big, nlohmann::json& doc);

// "Something went wrong on our side": a failure that is not the sender's (500).
core::ApiError OurFault();

// GET /api/v1/places?since=CURSOR&limit=N (both optional).
Reply GetPlaces(ReaderPool& readers, const std::optional<std::string>& since, const std::optional<std::string>& limit);

// POST /api/v1/sync with `body` as sent, from `address`, held to `limits` (none when null).
Reply PostSync(GroupCommitWriter& writer, ReaderPool& readers, std::string_view body, std::int64_t now_unix_seconds,
               SyncLimits* limits = nullptr, const std::string& address = "");

}  // namespace server
