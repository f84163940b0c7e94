// The data model of Safe Spaces: places, the ratings young people give them, their
// suggestions of new places, and the items a device queues to send (its outbox).
// Plain structs and enums only: no rules here (see validation.h), no JSON (see codec.h),
// no totals (see profile.h). Start with `Rating` and `Place`.
// Each enum has a stable wire name ("youth_club") for JSON and storage, and an easy-read
// label ("Youth club") for screens; wire names never change once shipped.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace core {

// [SECTION] Kinds of place

enum class Category : std::uint8_t {
  Library,
  Cafe,
  YouthClub,
  Park,
  LeisureCentre,
  Shop,
  Museum,
  CommunityCentre,
  Cinema,
  Other,
};

inline constexpr std::array kAllCategories = {
    Category::Library, Category::Cafe,   Category::YouthClub,       Category::Park,   Category::LeisureCentre,
    Category::Shop,    Category::Museum, Category::CommunityCentre, Category::Cinema, Category::Other,
};

std::string_view CategoryName(Category category);  // "youth_club"; "" for a value outside the enum
std::optional<Category> CategoryFromName(std::string_view name);
std::string_view CategoryLabel(Category category);  // "Youth club"

// [SECTION] The questions of a rating

// A row of faces, 1 to 5. In a Rating, 0 means the young person skipped the question.
enum class Scale : std::uint8_t {
  Welcome,
  Quiet,
  GentleLighting,
  NotTooBusy,
  StaffUnderstand,
  EasyToGetAround,
};
inline constexpr std::size_t kScaleCount = 6;
inline constexpr std::uint8_t kMaxFaces = 5;  // faces in a row; a scale answer is 1..kMaxFaces
inline constexpr std::array kAllScales = {
    Scale::Welcome,    Scale::Quiet,           Scale::GentleLighting,
    Scale::NotTooBusy, Scale::StaffUnderstand, Scale::EasyToGetAround,
};

std::string_view ScaleName(Scale scale);  // "gentle_lighting"
std::optional<Scale> ScaleFromName(std::string_view name);
std::string_view ScaleLabel(Scale scale);  // "The lighting is gentle"

// Yes / no / not sure questions about what a place has.
enum class Facility : std::uint8_t {
  QuietSpace,
  AccessibleToilet,
  ChangingPlaces,
  StepFree,
  HearingLoop,
  PlacesToSit,
  OutsideSpace,
  QuietTimes,
};
inline constexpr std::size_t kFacilityCount = 8;
inline constexpr std::array kAllFacilities = {
    Facility::QuietSpace,  Facility::AccessibleToilet, Facility::ChangingPlaces, Facility::StepFree,
    Facility::HearingLoop, Facility::PlacesToSit,      Facility::OutsideSpace,   Facility::QuietTimes,
};

std::string_view FacilityName(Facility facility);  // "step_free"
std::optional<Facility> FacilityFromName(std::string_view name);
std::string_view FacilityLabel(Facility facility);  // "Step-free way in"

// Unanswered is the default and has no wire name: on the wire it is simply absent.
enum class Answer : std::uint8_t { Unanswered, Yes, No, NotSure };

std::string_view AnswerName(Answer answer);  // "yes", "no", "not_sure"; "" for Unanswered
// Only "yes", "no" and "not_sure": an unanswered question is left out, never named.
std::optional<Answer> AnswerFromName(std::string_view name);

// Where a Scale or Facility sits in Rating::scales, Rating::facilities and the profile.
constexpr std::size_t IndexOf(Scale scale) { return static_cast<std::size_t>(scale); }
constexpr std::size_t IndexOf(Facility facility) { return static_cast<std::size_t>(facility); }

// [SECTION] Ratings and places

// One young person's answers about one place after one visit. A rating is an immutable
// event: it is never edited, only withdrawn, so ratings from many offline devices merge
// without conflicts.
struct Rating {
  std::string id;                                   // UUID made by the device, so a retried send is recognised
  std::string place_id;                             // UUID of the place rated
  std::string device_id;                            // UUID of the device that rated it
  std::array<std::uint8_t, kScaleCount> scales{};   // by IndexOf(Scale): 0 = skipped, 1..5 faces
  std::array<Answer, kFacilityCount> facilities{};  // by IndexOf(Facility)
  std::string comment;                              // optional; screened and moderated before anyone else sees it
  std::string visit_month;                          // "YYYY-MM": month, not day, so a visit is not a track of a child
  std::string session_id;                           // UUID of the co-production session, or empty

  bool operator==(const Rating&) const = default;
};

// True when at least one scale or facility is answered; an empty rating says nothing.
bool HasAnyAnswer(const Rating& rating);

enum class PlaceStatus : std::uint8_t { Suggested, Approved, Rejected, Merged };

std::string_view PlaceStatusName(PlaceStatus status);  // "suggested", ...
std::optional<PlaceStatus> PlaceStatusFromName(std::string_view name);

// Why an officer did not add a suggested place: chosen from this list (the officers' review
// screens reuse it), and told to the young person who suggested it in kind words that
// never blame them. Stored with the rejected place; sent only to the suggesting device.
enum class NotAddedReason : std::uint8_t {
  AlreadyOnMap,
  OutsideArea,
  NotOpenToEveryone,
  NeedMoreDetail,
  NotSafeToShow,
  Closed,
};

inline constexpr std::array kAllNotAddedReasons = {
    NotAddedReason::AlreadyOnMap,   NotAddedReason::OutsideArea,   NotAddedReason::NotOpenToEveryone,
    NotAddedReason::NeedMoreDetail, NotAddedReason::NotSafeToShow, NotAddedReason::Closed,
};

std::string_view NotAddedReasonName(NotAddedReason reason);  // "already_on_map"
std::optional<NotAddedReason> NotAddedReasonFromName(std::string_view name);
std::string_view NotAddedReasonMessage(NotAddedReason reason);  // "It is already on the map."

// Only officers edit a place's details; young people rate and suggest.
struct Place {
  std::string id;  // UUID
  std::string name;
  Category category = Category::Other;
  double lat = 0.0;           // degrees north, WGS84
  double lon = 0.0;           // degrees east, WGS84 (negative in the UK west of Greenwich)
  std::string address;        // optional
  std::string opening_notes;  // optional, may have several lines
  PlaceStatus status = PlaceStatus::Suggested;
  std::string merged_into;  // UUID of the place this one became; empty unless status is Merged

  bool operator==(const Place&) const = default;
};

// [SECTION] What a device sends: its outbox

// "Why is it a safe space?" as choices a young person taps, beside (or instead of) words.
enum class SafeReason : std::uint8_t {
  Quiet,
  KindStaff,
  BeMyself,
  NotTooBusy,
  EasyToGetTo,
  CalmSpace,
  FeelSafe,
};

inline constexpr std::array kAllSafeReasons = {
    SafeReason::Quiet,       SafeReason::KindStaff, SafeReason::BeMyself, SafeReason::NotTooBusy,
    SafeReason::EasyToGetTo, SafeReason::CalmSpace, SafeReason::FeelSafe,
};

std::string_view SafeReasonName(SafeReason reason);  // "kind_staff"
std::optional<SafeReason> SafeReasonFromName(std::string_view name);
std::string_view SafeReasonLabel(SafeReason reason);  // "The staff are kind"

// A young person's idea for a new place, with their own first rating of it.
struct Suggestion {
  std::string id;  // UUID of this suggestion, which also becomes the new place's id
  std::string device_id;
  std::string name;
  Category category = Category::Other;
  double lat = 0.0;
  double lon = 0.0;
  std::string address;              // optional
  std::string why;                  // optional answer to "Why is it a safe space?", in their words
  std::vector<SafeReason> reasons;  // optional answers to it, tapped; each at most once
  Rating first_rating;              // first_rating.place_id == id
  std::string session_id;           // UUID, or empty

  bool operator==(const Suggestion&) const = default;
};

// "Please take back what I sent": removes a rating or suggestion this same device sent.
struct Withdrawal {
  std::string id;         // UUID of this withdrawal
  std::string device_id;  // must be the device that sent the target
  std::string target_id;  // id of the Rating or Suggestion to take back

  bool operator==(const Withdrawal&) const = default;
};

enum class OutboxKind : std::uint8_t { Rating, Suggestion, Withdrawal };

std::string_view OutboxKindName(OutboxKind kind);  // "rating", "suggestion", "withdrawal"
std::optional<OutboxKind> OutboxKindFromName(std::string_view name);

// One thing a device queued to send. The kind follows from the payload, so the two can
// never disagree.
struct OutboxItem {
  std::variant<Rating, Suggestion, Withdrawal> payload;

  OutboxKind Kind() const;
  const std::string& ItemId() const;    // the payload's id: the key that makes sending idempotent
  const std::string& DeviceId() const;  // the device that made it

  bool operator==(const OutboxItem&) const = default;
};

}  // namespace core
