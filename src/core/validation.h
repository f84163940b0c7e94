// The rules every rating, suggestion, withdrawal and place must follow, checked the same
// way on the device (before anything is queued) and on the server (before anything is
// stored). Each broken rule gives a FieldError: the wire name of the field and a message
// a 12-year-old can read, kind and never blaming. Start with Validate(const Rating&, ...).
// Not here: whether a device may withdraw an item (needs the store), text screening.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.h"
#include "core/model.h"

namespace core {

// [SECTION] Limits (in characters, i.e. Unicode code points, after TrimText)

inline constexpr std::size_t kNameMinChars = 2;
inline constexpr std::size_t kNameMaxChars = 80;
inline constexpr std::size_t kAddressMaxChars = 200;
inline constexpr std::size_t kOpeningNotesMaxChars = 300;
inline constexpr std::size_t kCommentMaxChars = 280;
inline constexpr std::size_t kWhyMaxChars = 280;
inline constexpr int kFirstVisitYear = 2020;  // Safe Spaces did not exist before
inline constexpr int kLastVisitYear = 2100;

// [SECTION] Where and when

// The box of latitude and longitude the council maps. Edges count as inside.
struct ServiceArea {
  std::string name;    // said to young people: "This place is outside Coventry."
  double south = 0.0;  // degrees north
  double west = 0.0;   // degrees east
  double north = 0.0;
  double east = 0.0;

  bool Contains(double lat, double lon) const;  // false for NaN and infinities
};

ServiceArea DefaultServiceArea();  // Coventry, UK

struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12
};

// The calendar month at `unix_seconds` in the time zone `utc_offset_minutes` ahead of UTC.
// A device passes its own offset. The server passes kLatestUtcOffsetMinutes: it must accept
// a visit in June from a device where it is already 1 June, while it is still May in UTC.
YearMonth YearMonthAt(std::int64_t unix_seconds, int utc_offset_minutes);
inline constexpr int kLatestUtcOffsetMinutes = 14 * 60;  // UTC+14, the first place a month begins

// "2026-11": a month as the wire, the store and the game write it.
std::string MonthText(YearMonth month);

// Everything a rule needs from outside: core has no clock and no configuration.
struct ValidationContext {
  ServiceArea area;
  int current_year = 0;   // "today", so a visit month can't be in the future
  int current_month = 0;  // 1..12
};

// [SECTION] The rules

struct FieldError {
  std::string field;    // wire name, e.g. "name", "first_rating.scales.quiet", "visit_month"
  std::string message;  // for the young person or officer, e.g. "Please give the place a name ..."

  bool operator==(const FieldError&) const = default;
};

// Each returns every broken rule, at most one per field, in wire order; empty means valid.
std::vector<FieldError> Validate(const Rating& rating, const ValidationContext& context);
std::vector<FieldError> Validate(const Suggestion& suggestion, const ValidationContext& context);
std::vector<FieldError> Validate(const Withdrawal& withdrawal, const ValidationContext& context);
std::vector<FieldError> Validate(const Place& place, const ValidationContext& context);
std::vector<FieldError> Validate(const OutboxItem& item, const ValidationContext& context);

// The API's shape of one broken rule: ErrorCode::InvalidField with its field and message.
ApiError ToApiError(const FieldError& error);

// [SECTION] Text

// True when `text` is well-formed UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no stray or missing continuation bytes.
bool IsValidUtf8(std::string_view text);
// Code points in `text`; each byte that is not part of valid UTF-8 counts as one.
std::size_t CountCharacters(std::string_view utf8);
// `text` without white space (Unicode White_Space: spaces, tabs, new lines, no-break
// spaces, ...) at either end. Clients trim before sending; the rules measure trimmed text.
std::string TrimText(std::string_view text);

}  // namespace core
