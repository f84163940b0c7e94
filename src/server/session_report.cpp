// This is the implementation of session_report.h. Sections: [SECTION] JSON,
// [SECTION] CSV, [SECTION] HTML. All three walk the same summary in the same order.
#include "server/session_report.h"

#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/codec.h"
#include "core/csv.h"
#include "core/model.h"
#include "core/place_exports.h"

namespace server {
namespace {

using nlohmann::json;

std::string_view YesNo(bool value) { return value ? "yes" : "no"; }

}  // namespace

// [SECTION] JSON

std::string SummaryJson(const store::SessionInfo& session, const core::SessionSummary& summary) {
  json places = json::array();
  for (const core::PlaceSummary& place : summary.places) {
    places.push_back({{"place_id", place.place_id},
                      {"name", place.name},
                      {"category", core::CategoryName(place.category)},
                      {"status", core::BoardStatusName(place.status)},
                      {"suggested", place.suggested},
                      {"ratings", place.ratings},
                      {"scales", core::ScaleMeansJson(place.answers)},
                      {"facilities", core::FacilityCountsJson(place.answers)}});
  }
  json reasons = json::array();
  for (const core::ReasonCount& reason : summary.reasons)
    reasons.push_back({{"reason", core::SafeReasonName(reason.reason)},
                       {"label", core::SafeReasonLabel(reason.reason)},
                       {"count", reason.count}});
  json words = json::array();
  for (const core::WordCount& word : summary.common_words)
    words.push_back({{"word", word.word}, {"count", word.count}});
  return core::DumpJson(json{
      {"id", session.id},
      {"name", session.name},
      {"theme", session.theme},
      {"state", store::SessionStateName(session.state)},
      {"started_at", session.created_at},
      {"ended_at", session.ended_at ? json(*session.ended_at) : json(nullptr)},
      {"counts",
       {{"people", summary.people},
        {"suggestions", summary.suggestions},
        {"ratings", summary.ratings},
        {"places", summary.places.size()},
        {"hidden", summary.hidden}}},
      {"places", std::move(places)},
      {"reasons", std::move(reasons)},
      {"common_words", std::move(words)},
  });
}

// [SECTION] CSV

std::string SummaryCsv(const core::SessionSummary& summary) {
  std::vector<std::string> header = {"place_id", "name", "category", "status", "suggested", "ratings"};
  for (std::string& column : core::ProfileCsvHeader()) header.push_back(std::move(column));
  for (std::string& cell : header) cell = core::CsvCell(cell);
  std::string csv = core::CsvRow(header);

  for (const core::PlaceSummary& place : summary.places) {
    std::vector<std::string> row = {core::CsvCell(place.place_id),
                                    core::CsvCell(place.name),
                                    core::CsvCell(core::CategoryName(place.category)),
                                    core::CsvCell(core::BoardStatusName(place.status)),
                                    core::CsvCell(YesNo(place.suggested)),
                                    core::CsvNumberCell(place.ratings, 0)};
    for (std::string& cell : core::ProfileCsvCells(place.answers)) row.push_back(std::move(cell));
    csv += core::CsvRow(row);
  }
  return csv;
}

// [SECTION] HTML

std::string HtmlEscape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

namespace {

// Calm, readable and printable: a column of text, tables with clear lines, nothing moving.
constexpr std::string_view kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:17px;line-height:1.5;"
    "color:#1b1b1b;background:#fff;max-width:62rem;margin:2rem auto;padding:0 1rem}"
    "h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1f6a73}"
    ".meta{color:#444;margin:.2rem 0}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#e8f1f1}ul.answers{margin:0;padding-left:1.1rem}.none{color:#555;font-style:italic}"
    "@media print{body{margin:0;max-width:none;font-size:12pt}h2{break-after:avoid}tr{break-inside:avoid}}";

// "6 May 2024, 14:05 UTC".
std::string DateText(std::int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[64];
  std::strftime(text, sizeof(text), "%e %B %Y, %H:%M UTC", &parts);
  std::string_view trimmed(text);
  while (trimmed.starts_with(' ')) trimmed.remove_prefix(1);
  return std::string(trimmed);
}

std::string WhenText(const store::SessionInfo& session) {
  std::string when = "Started " + DateText(session.created_at);
  if (session.ended_at) return when + ". Ended " + DateText(*session.ended_at) + ".";
  return when + (session.state == store::SessionState::Paused ? ". Paused now." : ". Still running.");
}

std::string Counted(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// `items` (lines of "<li>...</li>") as a list, or `none` in quiet words when there are none.
std::string ListOrNone(const std::string& items, std::string_view none) {
  if (items.empty()) return "<p class=\"none\">" + std::string(none) + "</p>\n";
  return "<ul>\n" + items + "</ul>\n";
}

// What the answers about one place say, as a list: scales first, then facilities.
std::string AnswersHtml(const core::InclusionProfile& answers) {
  std::string html;
  for (core::Scale scale : core::kAllScales) {
    const std::optional<double> mean = core::OneDecimalMean(answers.scales[core::IndexOf(scale)]);
    if (!mean) continue;
    char faces[16];
    std::snprintf(faces, sizeof(faces), "%.1f", *mean);
    html += "<li>" + HtmlEscape(core::ScaleLabel(scale)) + ": " + faces + " faces of 5</li>";
  }
  for (core::Facility facility : core::kAllFacilities) {
    const core::FacilitySummary& counts = answers.facilities[core::IndexOf(facility)];
    if (counts.yes + counts.no + counts.not_sure == 0) continue;
    html += "<li>" + HtmlEscape(core::FacilityLabel(facility)) + ": " + std::to_string(counts.yes) + " yes, " +
            std::to_string(counts.no) + " no, " + std::to_string(counts.not_sure) + " not sure</li>";
  }
  return html.empty() ? "<span class=\"none\">No answers</span>" : "<ul class=\"answers\">" + html + "</ul>";
}

}  // namespace

std::string SummaryHtml(const store::SessionInfo& session, const core::SessionSummary& summary) {
  std::string html =
      "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Session summary: " +
      HtmlEscape(session.name) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>" +
      HtmlEscape(session.name) + "</h1>\n";
  if (!session.theme.empty()) html += "<p class=\"meta\">Theme: " + HtmlEscape(session.theme) + "</p>\n";
  html += "<p class=\"meta\">" + HtmlEscape(WhenText(session)) + "</p>\n";

  html += "<h2>In numbers</h2>\n<ul>\n<li>" + Counted(summary.people, "person joined", "people joined") +
          "</li>\n<li>" + Counted(summary.suggestions, "new place suggested", "new places suggested") + "</li>\n<li>" +
          Counted(summary.ratings, "rating", "ratings") + " of places</li>\n<li>" +
          Counted(static_cast<int>(summary.places.size()), "place", "places") + " in all</li>\n";
  if (summary.hidden > 0)
    html += "<li>" + Counted(summary.hidden, "item", "items") + " hidden by the person running the session</li>\n";
  html += "</ul>\n";

  html += "<h2>Places</h2>\n";
  if (summary.places.empty()) {
    html += "<p class=\"none\">Nothing was shared in this session.</p>\n";
  } else {
    html +=
        "<table>\n<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Kind</th><th scope=\"col\">Now</th>"
        "<th scope=\"col\">Ratings</th><th scope=\"col\">What people said</th></tr></thead>\n<tbody>\n";
    for (const core::PlaceSummary& place : summary.places) {
      html += "<tr><td>" + HtmlEscape(place.name) + (place.suggested ? "<br>(suggested in this session)" : "") +
              "</td><td>" + HtmlEscape(core::CategoryLabel(place.category)) + "</td><td>" +
              HtmlEscape(core::BoardStatusLabel(place.status)) + "</td><td>" + std::to_string(place.ratings) +
              "</td><td>" + AnswersHtml(place.answers) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n";
  }

  std::string reasons;
  for (const core::ReasonCount& reason : summary.reasons)
    reasons += "<li>" + HtmlEscape(core::SafeReasonLabel(reason.reason)) + ": " +
               Counted(reason.count, "time", "times") + "</li>\n";
  html += "<h2>Why the new places feel safe</h2>\n" + ListOrNone(reasons, "No reasons were chosen.");

  std::string words;
  for (const core::WordCount& word : summary.common_words)
    words += "<li>" + HtmlEscape(word.word) + ": " + Counted(word.count, "person", "people") + "</li>\n";
  html += "<h2>Words several people used</h2>\n" + ListOrNone(words, "No word was used by more than one person.");
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace server
