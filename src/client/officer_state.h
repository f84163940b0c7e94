// What a council officer's screens show (issue 8): the review queue with its filters and the
// item being looked at, the city picture, places and the Safe Spaces scheme, exports and
// staff accounts. Plain data, filled by officer_data.cpp from the server's answers (wire
// shapes: the issue 8 contract, server/review_api.cpp and the routes beside it); in memory
// only, like the rest of a login (staff_state.h). Start at OfficerState.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/city_picture.h"
#include "core/model.h"
#include "core/review.h"

// [SECTION] The review queue

enum class ReviewKind : std::uint8_t { Suggestion, Comment };

// A finding of the text screening: which (the wire's "phone", "email", ...) and where.
struct ReviewFlag {
  std::string flag;    // "phone" | "email" | "postcode" | "address" | "full_name" | "link" | "rude" | "safeguarding"
  std::string detail;  // "why: 07700 900123": the field and the words that matched
};

// An approved place near a suggestion (within 250 m, nearest first): what it may duplicate.
struct NearbyPlace {
  std::string id;
  std::string name;
  core::Category category = core::Category::Other;
  double lat = 0, lon = 0;
  int distance_m = 0;
};

// One waiting item: a suggested place, or a rating's comment.
struct ReviewItem {
  ReviewKind kind = ReviewKind::Suggestion;
  std::string id;  // the suggestion's id; for a comment, its rating's id
  std::int64_t submitted_at = 0;  // unix seconds
  std::string place_id;
  std::string name;
  core::Category category = core::Category::Other;
  double lat = 0, lon = 0;
  std::string address;
  std::string why;                          // a suggestion's words
  std::vector<core::SafeReason> reasons;    // a suggestion's tapped reasons
  std::string text;                         // a comment's words
  std::string visit_month;                  // "2026-11"
  std::array<std::uint8_t, core::kScaleCount> scales{};    // the first rating (or the comment's rating): 0 skipped
  std::array<core::Answer, core::kFacilityCount> facilities{};
  std::string session_id, session_name;     // the co-production session, or ""
  std::vector<ReviewFlag> flags;
  bool safeguarding = false;
  std::vector<NearbyPlace> nearby;          // suggestions only
};

struct ReviewCounts {
  int suggestions = 0, comments = 0, flagged = 0, safeguarding = 0;
};

// The queue's filters, as GET /review/queue's query string says them.
enum class ReviewKindFilter : std::uint8_t { All, Suggestions, Comments };
struct ReviewFilter {
  ReviewKindFilter kind = ReviewKindFilter::All;
  std::string area;        // "" for every area, else one of core::kAreaNames
  std::optional<core::Category> category;
  std::string session_id;  // "" for every session
  bool flagged_only = false;
  bool operator==(const ReviewFilter&) const = default;
};

// What the details panel of the selected item is doing.
enum class ReviewMode : std::uint8_t {
  Look,     // the item and its actions
  Edit,     // "Edit and approve": name, kind, address
  NotAdded, // choosing the reason the young person will see
  Merge,    // choosing the nearby place it is the same as
};

// [SECTION] Places and the scheme

struct SchemePlace {
  std::string id;
  std::string name;
  core::Category category = core::Category::Other;
  core::SchemeStatus status = core::SchemeStatus::NotContacted;
  std::string checked_on, check_again_on;  // "YYYY-MM-DD" or ""
};

// [SECTION] Staff accounts

struct StaffAccount {
  std::string id;
  std::string username;
  bool officer = false;  // else a youth worker
  bool active = true;
};

// The officer's text fields.
enum class OfficerField : std::uint8_t {
  EditName, EditAddress,            // "Edit and approve"
  SchemeSearch, CheckedOn, CheckAgainOn,
  NewUsername, NewPassword,
};

struct OfficerState {
  // The review queue (screen_review.cpp).
  ReviewFilter filter;
  bool show_filters = false;
  bool queue_loaded = false;         // false: asked for when the screen shows
  ReviewCounts counts;
  std::vector<ReviewItem> queue;     // safeguarding first, then oldest first
  std::string selected_id;           // the item being looked at ("" none)
  ReviewMode mode = ReviewMode::Look;
  std::string edit_name, edit_address;
  core::Category edit_category = core::Category::Other;
  std::optional<core::NotAddedReason> reason;  // chosen for "Not added"
  std::string merge_into;            // chosen nearby place
  bool acting = false;               // an action or an undo is on its way
  std::string review_message;        // what the last action did ("Approved: Hillfields Park."), or why not
  bool camera_set = false;           // the map was moved by hand: keep it
  double map_lat = 0, map_lon = 0, map_zoom = 16.0;

  // The city picture (screen_city.cpp).
  core::CityPicture stats;  // GET /stats, read
  bool stats_loaded = false;
  std::string stats_message;

  // Places and the scheme (screen_scheme.cpp).
  std::string search;
  bool due_only = false;
  bool places_loaded = false;
  std::vector<SchemePlace> places;
  std::string scheme_place_id;       // the place being changed ("" none)
  core::SchemeStatus scheme_status = core::SchemeStatus::NotContacted;
  std::string checked_on, check_again_on;
  std::string scheme_message;

  // Exports (screen_exports.cpp).
  std::string export_message;

  // Staff accounts (screen_staff_accounts.cpp).
  bool accounts_loaded = false;
  std::vector<StaffAccount> accounts;
  std::string new_username, new_password;
  bool new_officer = false;
  std::string accounts_message;
};

// What an officer asked for (ActionKind::Officer; Action::value, text and index carry the rest).
enum class OfficerVerb : std::uint8_t {
  Typed,          // index: the OfficerField, text
  SetFilter,      // filter
  ShowFilters,    // value 1 shows them, 0 hides them
  Select,         // text: the item's id
  SelectNext,     // value +1 the next item, -1 the one before
  SetMode,        // value: the ReviewMode
  EditCategory,   // value: the category
  ChooseReason,   // value: the NotAddedReason
  ChooseMerge,    // text: the nearby place's id
  Approve,        // a suggestion or a comment, as it is
  EditApprove,    // with the edited name, kind and address
  Reject,         // "Not added", with the reason chosen
  Merge,          // into the nearby place chosen
  HideComment,
  Undo,
  MoveMap,        // lat, lon, zoom: the review's map
  AskStats,
  AskPlaces,      // the search and "due for a check"
  DueOnly,        // value 1: only places due for a check
  OpenScheme,     // text: the place's id ("" closes it)
  SetScheme,      // value: the core::SchemeStatus
  SaveScheme,
  Export,         // value: the ExportKind
  AddAccount,
  NewRole,        // value 1: a council officer, 0: a youth worker
  SetActive,      // text: the account's id, value 1 on, 0 off
};

// What "Exports" downloads.
enum class ExportKind : std::uint8_t { PlacesCsv, PlacesGeoJson, PlacesOpenReferral, AuditCsv };
