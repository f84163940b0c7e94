// The officers' endpoints beside the review queue (review_api.h): a place's standing in the
// Safe Spaces scheme and the places list to find it, the audit log (JSON and CSV), the
// city picture, and staff accounts (list, add, switch on or off). Officers only. The rules
// are in store/review_store.h and store/staff_store.h. Start at PostPlaceScheme.
// Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/data_access.h"
#include "server/session_board_api.h"
#include "server/sync_api.h"

namespace server {

// POST /api/v1/places/{id}/scheme {"status", "checked_on", "check_again_on"}
Reply PostPlaceScheme(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& place_id, std::string_view body, std::int64_t now_unix_seconds);

// GET /api/v1/review/places?search=TEXT&due=1
Reply GetReviewPlaces(ReaderPool& readers, std::string_view authorization, const std::optional<std::string>& search,
                      const std::optional<std::string>& due, std::int64_t now_unix_seconds);

// GET /api/v1/audit?limit=N, and GET /api/v1/audit.csv (every row up to store::kMaxAuditEntries).
Reply GetAudit(ReaderPool& readers, std::string_view authorization, const std::optional<std::string>& limit,
               std::int64_t now_unix_seconds);
FileReply GetAuditCsv(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds);

// GET /api/v1/stats
Reply GetStats(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds);

// GET /api/v1/staff, POST /api/v1/staff {"username", "password", "role"},
// POST /api/v1/staff/{id}/active {"active": bool}
Reply GetStaffList(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds);
Reply PostStaff(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization, std::string_view body,
                std::int64_t now_unix_seconds);
Reply PostStaffActive(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& staff_id, std::string_view body, std::int64_t now_unix_seconds);

}  // namespace server
