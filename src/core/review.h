// The rules of officers' review that are not SQL: the city cut into a 3x3 grid of areas
// (the queue's filter and the city picture), a place's standing in the city's Safe Spaces
// scheme, calendar dates as officers type them, and how long an action can be undone.
// Plain C++; the store (store/review_store.h) and the server (server/review_api.h) use it.
// Start at AreaOf.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/validation.h"

namespace core {

// [SECTION] Areas

// The service area cut into three bands of latitude and three of longitude, named by
// compass point ("nw", "n", "ne", "w", "c", "e", "sw", "s", "se"), in reading order.
inline constexpr std::array<std::string_view, 9> kAreaNames = {"nw", "n", "ne", "w", "c", "e", "sw", "s", "se"};

// The area holding (lat, lon). A point on a line between two areas belongs to the one
// north or east of it; the service area's own edges belong to the areas inside them. A
// point outside the service area counts in the nearest area; NaN counts as the centre.
std::string_view AreaOf(double lat, double lon, const ServiceArea& area);
bool IsAreaName(std::string_view name);
std::string_view AreaLabel(std::string_view name);  // "North west", "Centre", ...; "" for no area

// [SECTION] The Safe Spaces scheme

// How far a venue has come: asked (contacted), said yes (agreed), shows the sticker, and
// its staff are trained. Agreed and after make it a member, marked on the public map.
enum class SchemeStatus : std::uint8_t { NotContacted, Contacted, Agreed, Sticker, Trained };

inline constexpr std::array kAllSchemeStatuses = {SchemeStatus::NotContacted, SchemeStatus::Contacted,
                                                  SchemeStatus::Agreed, SchemeStatus::Sticker, SchemeStatus::Trained};

std::string_view SchemeStatusName(SchemeStatus status);  // "not_contacted", ..., "trained"
std::optional<SchemeStatus> SchemeStatusFromName(std::string_view name);
bool IsSchemeMember(SchemeStatus status);

// [SECTION] Dates

// True for a real calendar day written "YYYY-MM-DD" (2026-02-30 is not one), years 2000 to 2100.
bool IsCalendarDate(std::string_view text);
// The day (UTC) at `unix_seconds`, as "YYYY-MM-DD".
std::string DateText(std::int64_t unix_seconds);
// The moment as "YYYY-MM-DD HH:MM:SS" in UTC, for files people read (the audit log's CSV).
std::string DateTimeText(std::int64_t unix_seconds);

// [SECTION] Undo

inline constexpr std::int64_t kUndoSeconds = 30 * 60;  // seconds an officer's action can be undone

}  // namespace core
