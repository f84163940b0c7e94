// A co-production session's summary written out three ways: JSON for the app, CSV for a
// spreadsheet (core/csv.h neutralises every cell from people's words) and a printable
// HTML page (inline CSS, no script, every text escaped). What the summary says is core's
// (core/session_summary.h); reading it is store/session_board.h. Start at SummaryJson.
#pragma once
#include <string>
#include <string_view>

#include "core/session_summary.h"
#include "store/session_store.h"

namespace server {

// {"id","name","theme","state","started_at","ended_at","counts","places","reasons","common_words"}
std::string SummaryJson(const store::SessionInfo& session, const core::SessionSummary& summary);

// A header row, then one row per place: place_id, name, category, status, suggested,
// ratings, each scale's mean, then each facility's yes, no and not_sure counts. CRLF rows.
std::string SummaryCsv(const core::SessionSummary& summary);

// The whole page, in UTF-8.
std::string SummaryHtml(const store::SessionInfo& session, const core::SessionSummary& summary);

// Text made safe to put inside HTML elements and attribute values: & < > " ' escaped.
std::string HtmlEscape(std::string_view text);

}  // namespace server
