// The rules of the game: points, levels, badges, quests, the companion's growth and team
// goals, all computed from the list of things one device has done (ProgressEvent). Pure and
// deterministic, so the client offline and the server after sync get the same answer, in
// whatever order the events arrive. Kind by design (DESIGN.md principle 4): nothing here
// ranks children, counts days in a row or sets a deadline, and nothing earned is taken
// away except quietly, when the item that earned it is withdrawn or not added.
// Start with ProgressEvent and ComputeProgress(); the catalogues are in progress.cpp.
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/map_math.h"
#include "core/model.h"

namespace core {

// [SECTION] Points and levels

inline constexpr int kPointsRating = 10;              // points, each rating that counts (see ComputeProgress)
inline constexpr int kPointsFullSensoryRating = 5;    // points, extra when all 6 face questions are answered
inline constexpr int kPointsSuggestion = 15;          // points, each suggested place still standing
inline constexpr int kPointsSuggestionApproved = 20;  // points, extra when officers put it on the map
inline constexpr int kPointsCommentApproved = 5;      // points, extra when a rating's comment is shared
inline constexpr int kPointsJoinedSession = 10;       // points, each group session joined

// A rating of a place counts again only this many months after the last one that counted:
// January then March counts twice; January then February counts once.
inline constexpr int kMonthsBetweenRatingsOfAPlace = 2;  // months, by "YYYY-MM" (2024-12 to 2025-02 is 2)

struct LevelInfo {
  std::string_view name;  // "Map Maker"
  int points_needed;      // points, to reach this level
};

// Level 1 is kLevels[0]. The thresholds grow gently: one group session with a few
// ratings reaches level 2.
inline constexpr std::array<LevelInfo, 7> kLevels = {{
    {"Explorer", 0},
    {"Pathfinder", 40},
    {"Map Maker", 100},
    {"Trail Guide", 200},
    {"Safe Space Scout", 350},
    {"City Champion", 550},
    {"Guiding Star", 800},
}};

struct Level {
  int number = 1;              // 1 .. kLevels.size()
  std::string_view name;       // a view into kLevels
  int points_needed = 0;       // points, to reach this level
  int next_points_needed = 0;  // points, to reach the next level; 0 at the top level
  int points_to_next = 0;      // points still to get for the next level; 0 at the top level

  bool operator==(const Level&) const = default;
};

Level LevelForPoints(int points);

// [SECTION] The companion grows with the level

// One stage per level; the companion keeps every accessory it has gained so far (a client
// draws all of kCompanionAccessories[1..stage]). Stage 0 is the companion as first picked.
struct CompanionAccessory {
  std::string_view id;     // "scarf": the client maps it to a picture; "" at stage 0
  std::string_view label;  // "a scarf", for "Your cat has a scarf now!"; "" at stage 0

  bool operator==(const CompanionAccessory&) const = default;
};
inline constexpr std::array<CompanionAccessory, kLevels.size()> kCompanionAccessories = {{
    {"", ""},
    {"tie", "a smart tie"},
    {"travel_bag", "a travel bag"},
    {"map", "a map"},
    {"torch", "a torch"},
    {"compass", "a compass"},
    {"crown", "a crown"},
}};

struct CompanionGrowth {
  int stage = 0;                // 0 .. kCompanionAccessories.size() - 1
  CompanionAccessory newest{};  // the accessory gained at this stage

  bool operator==(const CompanionGrowth&) const = default;
};

CompanionGrowth CompanionForLevel(int level_number);

// [SECTION] What a device has done

enum class ProgressEventKind : std::uint8_t {
  Rated,               // the device rated a place (a suggestion's first rating is one too)
  Suggested,           // the device suggested a new place
  SuggestionApproved,  // officers put the device's suggestion on the map
  SuggestionMerged,    // officers found it was a place already known and joined the two
  SuggestionRejected,  // officers did not add it (for any reason: no blame, just no reward)
  CommentApproved,     // officers shared the comment of the device's rating
  JoinedSession,       // the device joined a co-production group session
  Withdrawn,           // the device took back one of its ratings or suggestions
};

// One thing a device did, or one thing that happened to what it sent. Which fields matter
// depends on `kind`; the others are ignored:
//
//   kind                 item_id               also read
//   Rated                the rating's id       month (visit month), place_id, category,
//                                              session_id, scales, facilities
//   Suggested            the suggestion's id   month (sent), category, session_id, reasons
//   SuggestionApproved   the suggestion's id   month (decided), first_in_area
//   SuggestionMerged     the suggestion's id   month (decided)
//   SuggestionRejected   the suggestion's id   month (decided)
//   CommentApproved      the rating's id       month (decided)
//   JoinedSession        the session's id      month (joined)
//   Withdrawn            the id taken back     month (sent)
//
// `first_in_area` is decided once, by the server, when officers first approve a
// suggestion: true when no place approved before it lies in the same AreaCellOf. The
// device is told the flag (sync_protocol.h, "yours"); core only reads it, so client and
// server agree because they pass the same one.
struct ProgressEvent {
  ProgressEventKind kind = ProgressEventKind::Rated;
  std::string item_id;
  std::string month;  // "YYYY-MM"; an event without a real month is not counted
  std::string place_id;
  Category category = Category::Other;
  std::string session_id;                           // UUID, or empty
  std::array<std::uint8_t, kScaleCount> scales{};   // by IndexOf(Scale): 0 = skipped, 1..5 faces
  std::array<Answer, kFacilityCount> facilities{};  // by IndexOf(Facility)
  std::vector<SafeReason> reasons;
  bool first_in_area = false;

  bool operator==(const ProgressEvent&) const = default;
};

// The ~1 km grid cell of "a new area": the map tile at kAreaCellZoom holding the point
// (map_math.h's TileAt; about 1.2 km across in the UK). Two places are in the same area
// when their cells are equal.
inline constexpr int kAreaCellZoom = 15;  // zoom level of the tile grid
TileId AreaCellOf(double lat, double lon);

// The event for a rating the device made, of a place of this category.
ProgressEvent RatedEvent(const Rating& rating, Category category);
// The event for a suggestion sent in `month_sent`. Its first rating is a separate event:
// RatedEvent(suggestion.first_rating, suggestion.category).
ProgressEvent SuggestedEvent(const Suggestion& suggestion, std::string_view month_sent);

// What one device sent, with what became of it: the same list on the device (its
// contributions and the reviews sync told it) and on the server (what it accepted).
struct SentItem {
  OutboxItem item;
  std::optional<PlaceStatus> review;  // a suggestion's, once officers decided (Suggested: not yet)
  bool first_in_area = false;         // an approved suggestion that was first in its area
  bool comment_approved = false;      // a rating whose comment officers shared
  // What the young person is told of a suggestion's review (the rules do not read these).
  std::optional<NotAddedReason> review_reason;  // a rejected suggestion's, when known
  std::string merged_into;                      // a merged suggestion's place
};

// The events of those items, the same way everywhere: a suggestion is "sent" in its first
// rating's visit month (the month it is about), and its outcome is dated the same, so only
// the outcome itself matters; a withdrawal is dated `this_month`. `category_of` gives a
// rated place's category (Category::Other when unknown); a suggestion's first rating takes
// the suggestion's own.
std::vector<ProgressEvent> EventsFromSent(std::span<const SentItem> items,
                                          const std::function<Category(std::string_view place_id)>& category_of,
                                          std::string_view this_month);

// [SECTION] Badges

struct BadgeInfo {
  std::string_view id;         // stable: "first_rating"; never changes once shipped
  std::string_view name;       // easy-read: "First rating"
  std::string_view how;        // easy-read, how to earn it: "Rate your first place"
  std::string_view icon_hint;  // a concept the client maps to one of its icons: "star", "library"
  int need;                    // how many of the counted things earn it
};

// Every badge, in the order a screen lists them.
std::span<const BadgeInfo> Badges();
// nullptr for an unknown id.
const BadgeInfo* FindBadge(std::string_view id);

struct BadgeProgress {
  std::string_view id;  // a view into Badges()
  bool earned = false;
  int have = 0;  // 0 .. need: "2 of 5"
  int need = 1;

  bool operator==(const BadgeProgress&) const = default;
};

// "2 of 5".
std::string BadgeProgressText(const BadgeProgress& badge);

// [SECTION] Quests: a gentle next step, never a deadline

struct Quest {
  std::string_view id;         // stable: "rate_park"
  std::string_view text;       // easy-read: "Rate a park"
  std::string_view icon_hint;  // as for badges
  std::string_view badge_id;   // the badge it leads toward; "" for an open-ended step
  int have = 0;                // the badge's progress, for "2 of 5"
  int need = 0;

  bool operator==(const Quest&) const = default;
};

inline constexpr std::size_t kMaxQuests = 3;

// [SECTION] Progress

// What counted, for sentences like "You rated 12 places".
struct ProgressCounts {
  int ratings = 0;          // ratings that counted
  int places_rated = 0;     // different places among them
  int suggestions = 0;      // suggestions still standing (not withdrawn or rejected)
  int places_on_map = 0;    // suggestions officers approved
  int comments_shared = 0;  // comments officers approved, on ratings that counted
  int sessions = 0;         // group sessions joined

  bool operator==(const ProgressCounts&) const = default;
};

struct Progress {
  int points = 0;
  Level level;
  CompanionGrowth companion;
  ProgressCounts counts;
  std::vector<BadgeProgress> badges;  // every badge of Badges(), in its order, earned or not
  std::vector<Quest> quests;          // up to kMaxQuests, nearly-earned badges first

  bool operator==(const Progress&) const = default;
};

// The rules, in order:
// 1. An event whose month is not "YYYY-MM" is ignored; the same (kind, item_id) given twice
//    counts once (a retried send never doubles anything).
// 2. A withdrawn item no longer counts, nor does a suggestion whose latest outcome is
//    Rejected; either way the ratings of that suggested place go with it. The latest
//    outcome is the one of the latest month; in the same month Approved beats Merged
//    beats Rejected.
// 3. A rating counts when it answers at least one question, and no earlier rating of the
//    same place counted in the same or the previous month (earlier: by visit month, then
//    by rating id, which the device makes time-ordered).
// 4. A suggestion counts while it stands; its approval bonus and "first in a new area"
//    need a SuggestionApproved outcome. A comment bonus needs the rating to count.
// Points are sums over what counts, so they are never below zero and never depend on order.
Progress ComputeProgress(std::span<const ProgressEvent> events);

// [SECTION] Celebrations

// What to celebrate between two progress values. Only gains: a badge no longer earned,
// fewer points or a lower level is simply not reported.
struct ProgressChange {
  std::vector<std::string_view> new_badges;  // ids, in Badges() order
  bool level_up = false;
  Level level;  // the level after
  bool companion_grew = false;
  CompanionGrowth companion;  // the companion after
  int points_gained = 0;      // 0 when points went down

  bool Any() const { return !new_badges.empty() || level_up || companion_grew || points_gained > 0; }
  bool operator==(const ProgressChange&) const = default;
};

ProgressChange DiffProgress(const Progress& before, const Progress& after);

// [SECTION] Team goals: celebrating together

// Goals step through 10, 25, 50, 100, 150, 200, 300, 500, 750, 1000, then every 500.
struct TeamGoal {
  int count = 0;         // safe spaces mapped together
  int last_reached = 0;  // the biggest goal already reached; 0 before the first
  int next = 0;          // the next goal, always above count
  std::string sentence;  // "Together we've mapped 134 safe spaces. Next goal: 150"

  bool operator==(const TeamGoal&) const = default;
};

TeamGoal NextTeamGoal(int mapped_places);

}  // namespace core
