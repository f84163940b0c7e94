// A council officer's side of the data (issue 8): the review queue asked for with its
// filters, approve / edit and approve / not added / merge / hide / undo sent one at a time,
// the city picture, places and the Safe Spaces scheme, exports saved as files, and staff
// accounts. Every request goes through SendStaff (staff_data.h) with the login's token; a
// 401 ends the login. Screens draw AppState::staff.officer (officer_state.h); these run
// after each frame, called by staff_data.cpp. Start at ApplyOfficerAction, then OfficerTick.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "client/app.h"

struct ClientData;
struct HttpAnswer;

inline constexpr int kQueueLimit = 50;               // items asked for at once
inline constexpr double kOfficerRetrySeconds = 5.0;  // after a list did not come

// The officer's requests in flight (0 if none), part of StaffConnection.
struct OfficerConnection {
  int queue_request = 0;
  double queue_due = 0.0;
  int action_request = 0;      // an action on the selected item, or an undo
  std::string action_item_id;  // the item acted on ("" for an undo)
  std::string action_done;     // what the answer says when it worked: "Approved: Hillfields Park."
  std::vector<std::pair<std::string, std::string>> acted;  // (id, name) of items acted on, for undo's words
  int stats_request = 0;
  double stats_due = 0.0;
  int places_request = 0;
  double places_due = 0.0;
  int scheme_request = 0;
  int export_request = 0;
  ExportKind export_kind = ExportKind::PlacesCsv;
  int accounts_request = 0;
  double accounts_due = 0.0;
  int add_request = 0;
  std::vector<std::pair<int, std::string>> active_requests;  // (request, account id)
};

// The officer's actions (ActionKind::Officer); false for any other action.
bool ApplyOfficerAction(AppState& state, ClientData& data, const Action& action);

// Handles the answers to the officer's requests and asks for what a screen on show lacks.
void OfficerTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers);

// [SECTION] The wire, read kindly: nullopt when a body is not that shape.
struct ReviewQueue {
  ReviewCounts counts;
  std::vector<ReviewItem> items;
};
std::optional<ReviewQueue> ParseReviewQueue(std::string_view body);
std::optional<core::CityPicture> ParseCityPicture(std::string_view body);
std::optional<std::vector<SchemePlace>> ParseSchemePlaces(std::string_view body);
std::optional<std::vector<StaffAccount>> ParseStaffAccounts(std::string_view body);

// "/api/v1/review/queue?kind=all&limit=50" with the filters that are set.
std::string ReviewQueuePath(const ReviewFilter& filter);

// A screening finding's name in words: "phone" -> "Phone number"; "" for one it does not know.
std::string_view FlagLabel(std::string_view flag);
// A scheme status in words: "Sticker displayed".
std::string_view SchemeStatusLabel(core::SchemeStatus status);

// What Exports downloads: its path, the file's name on `date` ("YYYY-MM-DD") and its type.
struct ExportFile {
  const char* path;       // "/api/v1/export/places.csv"
  std::string file_name;  // "safe-spaces-places-2026-11-27.csv"
  const char* mime_type;  // "text/csv"
};
ExportFile ExportFileOf(ExportKind kind, std::string_view date);
