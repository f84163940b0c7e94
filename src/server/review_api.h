// The officers' review endpoints as plain functions: the queue of suggestions and comments,
// approving (with an optional edit), rejecting with a reason, merging, approving or hiding a
// comment, and undoing one's last action. Officers only (RequireStaff with
// StaffRole::Officer: no login 401, a youth worker 403). The rules are in
// store/review_store.h; the scheme, audit log, city picture and staff accounts are in
// officer_api.h. Start at GetReviewQueue. Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/data_access.h"
#include "server/sync_api.h"
#include "store/review_store.h"
#include "store/staff_store.h"

namespace server {

inline constexpr std::size_t kMaxReviewBodyBytes = 4096;  // bytes in one officer's request; more is 413

// The officer behind `authorization`, or the error to answer with (401, 403, 500).
store::StaffResult<store::StaffMember> RequireOfficer(ReaderPool& readers, std::string_view authorization,
                                                      std::int64_t now_unix_seconds);

// Runs an officer's change on the writer: nullopt when done, or the error to answer (a
// database failure is rolled back and answered as our fault). `change` may run again.
std::optional<core::ApiError> RunOfficerChange(
    GroupCommitWriter& writer, const std::function<std::optional<core::ApiError>(store::ServerStore&)>& change);

// An officer's request body: {} when empty, else a small JSON object (or the error).
std::optional<core::ApiError> ReadOfficerRequest(std::string_view body, nlohmann::json& doc);

struct QueueQuery {  // GET /api/v1/review/queue's parameters as sent
  std::optional<std::string> kind, category, session, flagged, area, limit;
};

// GET /api/v1/review/queue?kind=&category=&session=&flagged=1&area=&limit=
Reply GetReviewQueue(ReaderPool& readers, std::string_view authorization, const QueueQuery& query,
                     std::int64_t now_unix_seconds);

enum class SuggestionAction { Approve, Reject, Merge };

// POST /api/v1/review/suggestions/{id}/approve|reject|merge
Reply PostReviewSuggestion(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                           const std::string& place_id, SuggestionAction action, std::string_view body,
                           std::int64_t now_unix_seconds);

// POST /api/v1/review/comments/{rating_id}/approve|hide
Reply PostReviewComment(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                        const std::string& rating_id, store::CommentLook look, std::int64_t now_unix_seconds);

// POST /api/v1/review/undo
Reply PostReviewUndo(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                     std::int64_t now_unix_seconds);

}  // namespace server
