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
#include "server/data_access.h"

namespace server {

// [SECTION] Limits

inline constexpr std::size_t kMaxSyncBodyBytes = 256 * 1024;  // bytes in one POST /api/v1/sync body; more is 413
inline constexpr int kMaxJsonDepth = 16;                      // objects and lists inside each other; ours need 5

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

// POST /api/v1/sync with `body` as sent.
Reply PostSync(GroupCommitWriter& writer, ReaderPool& readers, std::string_view body, std::int64_t now_unix_seconds);

}  // namespace server
