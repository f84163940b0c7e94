// The endpoints that show a co-production session while it runs and after: a member of
// staff's list of sessions, the live board (polled about once a second with ?since=), hiding
// an item, a phone asking how its group is doing, the summary (JSON, CSV, printable HTML)
// and the QR code of the join link. Plain functions, as session_api.h; the route table is
// in server.cpp. Start at GetSessionBoard. Shapes: "[SECTION] Wire shapes" in the .cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/data_access.h"
#include "server/sync_api.h"

namespace server {

// An answer that is a file (CSV, HTML, PNG) rather than JSON; errors are JSON all the same.
struct FileReply {
  std::string bytes;
  std::string content_type;
  std::string download_name;  // "summary.csv": offered for saving; "" to show it
  std::optional<core::ApiError> error;
};

// GET /api/v1/sessions by a youth worker (their own) or an officer (all).
Reply GetSessions(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds);

// GET /api/v1/sessions/{id}/board[?since=VERSION] by its creator or an officer.
Reply GetSessionBoard(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                      const std::optional<std::string>& since, std::int64_t now_unix_seconds);

// POST /api/v1/sessions/{id}/hide {"item_id"} by its creator or an officer.
Reply PostSessionHide(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& session_id, std::string_view body, std::int64_t now_unix_seconds);

// POST /api/v1/sessions/status {"session_id", "device_id"} from a member's phone (no login).
Reply PostSessionStatus(ReaderPool& readers, std::string_view body);

enum class SummaryFormat { Json, Csv, Html };

// GET /api/v1/sessions/{id}/summary, .../summary.csv, .../summary.html by its creator or an
// officer, in any state.
FileReply GetSessionSummary(ReaderPool& readers, std::string_view authorization, const std::string& session_id,
                            SummaryFormat format, std::int64_t now_unix_seconds);

// GET /join-qr/{CODE}.png (no login): the join link's QR code. `public_url` is the
// --public-url option ("" when not given); `host_header` the request's Host.
FileReply GetJoinQr(std::string_view typed_code, std::string_view public_url, std::string_view host_header);

}  // namespace server
