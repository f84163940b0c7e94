// This is the implementation of model.h: the tables of wire names and easy-read labels,
// and the few helpers on the model structs. Each table lists every value of its enum once,
// in enum order; tests check that every value round-trips through its name.
#include "core/model.h"

#include <algorithm>
#include <type_traits>

namespace core {
namespace {

// [SECTION] Name tables

template <class Enum>
struct Names {
  Enum value;
  std::string_view name;   // stable wire name
  std::string_view label;  // easy-read words for screens
};

constexpr std::array<Names<Category>, 10> kCategoryNames = {{
    {Category::Library, "library", "Library"},
    {Category::Cafe, "cafe", "Caf\u00e9"},
    {Category::YouthClub, "youth_club", "Youth club"},
    {Category::Park, "park", "Park"},
    {Category::LeisureCentre, "leisure_centre", "Sports or leisure centre"},
    {Category::Shop, "shop", "Shop"},
    {Category::Museum, "museum", "Museum or gallery"},
    {Category::CommunityCentre, "community_centre", "Community centre"},
    {Category::Cinema, "cinema", "Cinema"},
    {Category::Other, "other", "Somewhere else"},
}};

constexpr std::array<Names<Scale>, kScaleCount> kScaleNames = {{
    {Scale::Welcome, "welcome", "I felt welcome"},
    {Scale::Quiet, "quiet", "It is quiet"},
    {Scale::GentleLighting, "gentle_lighting", "The lighting is gentle"},
    {Scale::NotTooBusy, "not_too_busy", "It is not too busy"},
    {Scale::StaffUnderstand, "staff_understand", "The staff understand me"},
    {Scale::EasyToGetAround, "easy_to_get_around", "It is easy to get around"},
}};

constexpr std::array<Names<Facility>, kFacilityCount> kFacilityNames = {{
    {Facility::QuietSpace, "quiet_space", "A quiet room or space"},
    {Facility::AccessibleToilet, "accessible_toilet", "Accessible toilet"},
    {Facility::ChangingPlaces, "changing_places", "Changing Places toilet"},
    {Facility::StepFree, "step_free", "Step-free way in"},
    {Facility::HearingLoop, "hearing_loop", "Hearing loop"},
    {Facility::PlacesToSit, "places_to_sit", "Places to sit"},
    {Facility::OutsideSpace, "outside_space", "Outside space"},
    {Facility::QuietTimes, "quiet_times", "Quiet or sensory-friendly times"},
}};

constexpr std::array<Names<Answer>, 3> kAnswerNames = {{
    {Answer::Yes, "yes", "Yes"},
    {Answer::No, "no", "No"},
    {Answer::NotSure, "not_sure", "Not sure"},
}};

constexpr std::array<Names<PlaceStatus>, 4> kPlaceStatusNames = {{
    {PlaceStatus::Suggested, "suggested", "Suggested"},
    {PlaceStatus::Approved, "approved", "Approved"},
    {PlaceStatus::Rejected, "rejected", "Rejected"},
    {PlaceStatus::Merged, "merged", "Merged"},
}};

constexpr std::array<Names<NotAddedReason>, kAllNotAddedReasons.size()> kNotAddedReasonNames = {{
    {NotAddedReason::AlreadyOnMap, "already_on_map", "It is already on the map."},
    {NotAddedReason::OutsideArea, "outside_area", "It is outside the area this map covers."},
    {NotAddedReason::NotOpenToEveryone, "not_open_to_everyone", "It is not a place everyone can visit."},
    {NotAddedReason::NeedMoreDetail, "need_more_detail", "We need more details to find it."},
    {NotAddedReason::NotSafeToShow, "not_safe_to_show", "We could not show it on the map."},
    {NotAddedReason::Closed, "closed", "It has closed."},
}};

constexpr std::array<Names<SafeReason>, kAllSafeReasons.size()> kSafeReasonNames = {{
    {SafeReason::Quiet, "quiet", "It is quiet"},
    {SafeReason::KindStaff, "kind_staff", "The staff are kind"},
    {SafeReason::BeMyself, "be_myself", "I can be myself"},
    {SafeReason::NotTooBusy, "not_too_busy", "It is not too busy"},
    {SafeReason::EasyToGetTo, "easy_to_get_to", "It is easy to get to"},
    {SafeReason::CalmSpace, "calm_space", "There is a calm space"},
    {SafeReason::FeelSafe, "feel_safe", "I feel safe there"},
}};

constexpr std::array<Names<OutboxKind>, 3> kOutboxKindNames = {{
    {OutboxKind::Rating, "rating", "Rating"},
    {OutboxKind::Suggestion, "suggestion", "Suggestion"},
    {OutboxKind::Withdrawal, "withdrawal", "Withdrawal"},
}};

template <class Enum, std::size_t N>
const Names<Enum>* Find(const std::array<Names<Enum>, N>& table, Enum value) {
  for (const Names<Enum>& entry : table)
    if (entry.value == value) return &entry;
  return nullptr;  // a value cast from outside the enum
}

template <class Enum, std::size_t N>
std::string_view NameOf(const std::array<Names<Enum>, N>& table, Enum value) {
  const Names<Enum>* entry = Find(table, value);
  return entry ? entry->name : std::string_view{};
}

template <class Enum, std::size_t N>
std::string_view LabelOf(const std::array<Names<Enum>, N>& table, Enum value) {
  const Names<Enum>* entry = Find(table, value);
  return entry ? entry->label : std::string_view{};
}

template <class Enum, std::size_t N>
std::optional<Enum> FromName(const std::array<Names<Enum>, N>& table, std::string_view name) {
  for (const Names<Enum>& entry : table)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

}  // namespace

// [SECTION] Names and labels

std::string_view CategoryName(Category category) { return NameOf(kCategoryNames, category); }
std::optional<Category> CategoryFromName(std::string_view name) { return FromName(kCategoryNames, name); }
std::string_view CategoryLabel(Category category) { return LabelOf(kCategoryNames, category); }

std::string_view ScaleName(Scale scale) { return NameOf(kScaleNames, scale); }
std::optional<Scale> ScaleFromName(std::string_view name) { return FromName(kScaleNames, name); }
std::string_view ScaleLabel(Scale scale) { return LabelOf(kScaleNames, scale); }

std::string_view FacilityName(Facility facility) { return NameOf(kFacilityNames, facility); }
std::optional<Facility> FacilityFromName(std::string_view name) { return FromName(kFacilityNames, name); }
std::string_view FacilityLabel(Facility facility) { return LabelOf(kFacilityNames, facility); }

std::string_view AnswerName(Answer answer) { return NameOf(kAnswerNames, answer); }
std::optional<Answer> AnswerFromName(std::string_view name) { return FromName(kAnswerNames, name); }

std::string_view PlaceStatusName(PlaceStatus status) { return NameOf(kPlaceStatusNames, status); }
std::optional<PlaceStatus> PlaceStatusFromName(std::string_view name) { return FromName(kPlaceStatusNames, name); }

std::string_view NotAddedReasonName(NotAddedReason reason) { return NameOf(kNotAddedReasonNames, reason); }
std::optional<NotAddedReason> NotAddedReasonFromName(std::string_view name) {
  return FromName(kNotAddedReasonNames, name);
}
std::string_view NotAddedReasonMessage(NotAddedReason reason) { return LabelOf(kNotAddedReasonNames, reason); }

std::string_view SafeReasonName(SafeReason reason) { return NameOf(kSafeReasonNames, reason); }
std::optional<SafeReason> SafeReasonFromName(std::string_view name) { return FromName(kSafeReasonNames, name); }
std::string_view SafeReasonLabel(SafeReason reason) { return LabelOf(kSafeReasonNames, reason); }

std::string_view OutboxKindName(OutboxKind kind) { return NameOf(kOutboxKindNames, kind); }
std::optional<OutboxKind> OutboxKindFromName(std::string_view name) { return FromName(kOutboxKindNames, name); }

// [SECTION] Helpers on the structs

bool HasAnyAnswer(const Rating& rating) {
  const bool any_scale = std::any_of(rating.scales.begin(), rating.scales.end(), [](std::uint8_t s) { return s != 0; });
  const bool any_facility =
      std::any_of(rating.facilities.begin(), rating.facilities.end(), [](Answer a) { return a != Answer::Unanswered; });
  return any_scale || any_facility;
}

OutboxKind OutboxItem::Kind() const {
  // The variant's alternatives are listed in the same order as OutboxKind.
  static_assert(std::is_same_v<std::variant_alternative_t<0, decltype(payload)>, Rating>);
  static_assert(std::is_same_v<std::variant_alternative_t<1, decltype(payload)>, Suggestion>);
  static_assert(std::is_same_v<std::variant_alternative_t<2, decltype(payload)>, Withdrawal>);
  return static_cast<OutboxKind>(payload.index());
}

const std::string& OutboxItem::ItemId() const {
  return std::visit([](const auto& item) -> const std::string& { return item.id; }, payload);
}

const std::string& OutboxItem::DeviceId() const {
  return std::visit([](const auto& item) -> const std::string& { return item.device_id; }, payload);
}

}  // namespace core
