// Tests of core/model: every kind of place, question and answer has one stable wire name
// and one easy-read label, and the outbox knows what each queued item is.
// The exact names are checked on purpose: changing one would break every stored rating.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/model.h"
#include "core/validation.h"
#include "core_samples.h"

namespace {

bool IsSnakeCase(std::string_view name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

// Checks that every value has a unique snake_case name that reads back, and a label.
template <class Enum, std::size_t N, class NameFn, class FromNameFn, class LabelFn>
void CheckTable(const std::array<Enum, N>& all, NameFn name_of, FromNameFn from_name, LabelFn label_of) {
  std::set<std::string_view> names;
  std::set<std::string_view> labels;
  for (Enum value : all) {
    const std::string_view name = name_of(value);
    INFO(name);
    CHECK(IsSnakeCase(name));
    CHECK(from_name(name) == value);
    CHECK(names.insert(name).second);
    const std::string_view label = label_of(value);
    CHECK_FALSE(label.empty());
    CHECK(core::IsValidUtf8(label));
    CHECK(labels.insert(label).second);
  }
}

}  // namespace

TEST_CASE("every kind of place has a stable name and an easy-read label", "[core][model]") {
  CheckTable(core::kAllCategories, core::CategoryName, core::CategoryFromName, core::CategoryLabel);
  const std::array<std::pair<std::string_view, std::string_view>, 10> expected = {{
      {"library", "Library"},
      {"cafe", "Caf\u00e9"},
      {"youth_club", "Youth club"},
      {"park", "Park"},
      {"leisure_centre", "Sports or leisure centre"},
      {"shop", "Shop"},
      {"museum", "Museum or gallery"},
      {"community_centre", "Community centre"},
      {"cinema", "Cinema"},
      {"other", "Somewhere else"},
  }};
  REQUIRE(core::kAllCategories.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(core::CategoryName(core::kAllCategories[i]) == expected[i].first);
    CHECK(core::CategoryLabel(core::kAllCategories[i]) == expected[i].second);
  }
}

TEST_CASE("every face question has a stable name and reads as a sentence", "[core][model]") {
  CheckTable(core::kAllScales, core::ScaleName, core::ScaleFromName, core::ScaleLabel);
  const std::array<std::pair<std::string_view, std::string_view>, core::kScaleCount> expected = {{
      {"welcome", "I felt welcome"},
      {"quiet", "It is quiet"},
      {"gentle_lighting", "The lighting is gentle"},
      {"not_too_busy", "It is not too busy"},
      {"staff_understand", "The staff understand me"},
      {"easy_to_get_around", "It is easy to get around"},
  }};
  REQUIRE(core::kAllScales.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(core::IndexOf(core::kAllScales[i]) == i);
    CHECK(core::ScaleName(core::kAllScales[i]) == expected[i].first);
    CHECK(core::ScaleLabel(core::kAllScales[i]) == expected[i].second);
  }
}

TEST_CASE("every facility question has a stable name and plain words", "[core][model]") {
  CheckTable(core::kAllFacilities, core::FacilityName, core::FacilityFromName, core::FacilityLabel);
  const std::array<std::pair<std::string_view, std::string_view>, core::kFacilityCount> expected = {{
      {"quiet_space", "A quiet room or space"},
      {"accessible_toilet", "Accessible toilet"},
      {"changing_places", "Changing Places toilet"},
      {"step_free", "Step-free way in"},
      {"hearing_loop", "Hearing loop"},
      {"places_to_sit", "Places to sit"},
      {"outside_space", "Outside space"},
      {"quiet_times", "Quiet or sensory-friendly times"},
  }};
  REQUIRE(core::kAllFacilities.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(core::IndexOf(core::kAllFacilities[i]) == i);
    CHECK(core::FacilityName(core::kAllFacilities[i]) == expected[i].first);
    CHECK(core::FacilityLabel(core::kAllFacilities[i]) == expected[i].second);
  }
}

TEST_CASE("yes, no and not sure have names, a skipped question has none", "[core][model]") {
  CHECK(core::AnswerName(core::Answer::Yes) == "yes");
  CHECK(core::AnswerName(core::Answer::No) == "no");
  CHECK(core::AnswerName(core::Answer::NotSure) == "not_sure");
  CHECK(core::AnswerName(core::Answer::Unanswered).empty());
  CHECK(core::AnswerFromName("yes") == core::Answer::Yes);
  CHECK(core::AnswerFromName("no") == core::Answer::No);
  CHECK(core::AnswerFromName("not_sure") == core::Answer::NotSure);
  CHECK_FALSE(core::AnswerFromName(""));
  CHECK_FALSE(core::AnswerFromName("unanswered"));
  CHECK_FALSE(core::AnswerFromName("maybe"));
}

TEST_CASE("place statuses and outbox kinds have stable names", "[core][model]") {
  CHECK(core::PlaceStatusName(core::PlaceStatus::Suggested) == "suggested");
  CHECK(core::PlaceStatusName(core::PlaceStatus::Approved) == "approved");
  CHECK(core::PlaceStatusName(core::PlaceStatus::Rejected) == "rejected");
  CHECK(core::PlaceStatusName(core::PlaceStatus::Merged) == "merged");
  for (auto status : {core::PlaceStatus::Suggested, core::PlaceStatus::Approved, core::PlaceStatus::Rejected,
                      core::PlaceStatus::Merged})
    CHECK(core::PlaceStatusFromName(core::PlaceStatusName(status)) == status);

  CHECK(core::OutboxKindName(core::OutboxKind::Rating) == "rating");
  CHECK(core::OutboxKindName(core::OutboxKind::Suggestion) == "suggestion");
  CHECK(core::OutboxKindName(core::OutboxKind::Withdrawal) == "withdrawal");
  for (auto kind : {core::OutboxKind::Rating, core::OutboxKind::Suggestion, core::OutboxKind::Withdrawal})
    CHECK(core::OutboxKindFromName(core::OutboxKindName(kind)) == kind);
}

TEST_CASE("every reason a place is safe has a stable name and reads as a sentence", "[core][model]") {
  CheckTable(core::kAllSafeReasons, core::SafeReasonName, core::SafeReasonFromName, core::SafeReasonLabel);
  const std::array<std::pair<std::string_view, std::string_view>, 7> expected = {{
      {"quiet", "It is quiet"},
      {"kind_staff", "The staff are kind"},
      {"be_myself", "I can be myself"},
      {"not_too_busy", "It is not too busy"},
      {"easy_to_get_to", "It is easy to get to"},
      {"calm_space", "There is a calm space"},
      {"feel_safe", "I feel safe there"},
  }};
  REQUIRE(core::kAllSafeReasons.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(static_cast<std::size_t>(core::kAllSafeReasons[i]) == i);
    CHECK(core::SafeReasonName(core::kAllSafeReasons[i]) == expected[i].first);
    CHECK(core::SafeReasonLabel(core::kAllSafeReasons[i]) == expected[i].second);
  }
}

TEST_CASE("every reason a place was not added has a stable name and kind words", "[core][model]") {
  CheckTable(core::kAllNotAddedReasons, core::NotAddedReasonName, core::NotAddedReasonFromName,
             core::NotAddedReasonMessage);
  const std::array<std::pair<std::string_view, std::string_view>, 6> expected = {{
      {"already_on_map", "It is already on the map."},
      {"outside_area", "It is outside the area this map covers."},
      {"not_open_to_everyone", "It is not a place everyone can visit."},
      {"need_more_detail", "We need more details to find it."},
      {"not_safe_to_show", "We could not show it on the map."},
      {"closed", "It has closed."},
  }};
  REQUIRE(core::kAllNotAddedReasons.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(static_cast<std::size_t>(core::kAllNotAddedReasons[i]) == i);
    CHECK(core::NotAddedReasonName(core::kAllNotAddedReasons[i]) == expected[i].first);
    const std::string_view message = core::NotAddedReasonMessage(core::kAllNotAddedReasons[i]);
    CHECK(message == expected[i].second);
    // Said to a young person: short, a whole sentence, and never about them ("you").
    CHECK(message.size() <= 60);
    CHECK(message.back() == '.');
    CHECK(message.find("you") == std::string_view::npos);
  }
}

TEST_CASE("names are read exactly: other spellings are not guessed", "[core][model]") {
  CHECK_FALSE(core::CategoryFromName("Library"));
  CHECK_FALSE(core::CategoryFromName("library "));
  CHECK_FALSE(core::CategoryFromName("youth-club"));
  CHECK_FALSE(core::CategoryFromName("caf\u00e9"));
  CHECK_FALSE(core::CategoryFromName(""));
  CHECK_FALSE(core::ScaleFromName("Quiet"));
  CHECK_FALSE(core::FacilityFromName("step free"));
  CHECK_FALSE(core::PlaceStatusFromName("APPROVED"));
  CHECK_FALSE(core::OutboxKindFromName("vote"));
  CHECK_FALSE(core::SafeReasonFromName("Quiet"));
  CHECK_FALSE(core::SafeReasonFromName("kind-staff"));
  CHECK_FALSE(core::NotAddedReasonFromName("already on map"));
}

TEST_CASE("a value from outside an enum has no name, so it can't reach the wire", "[core][model]") {
  CHECK(core::CategoryName(static_cast<core::Category>(200)).empty());
  CHECK(core::CategoryLabel(static_cast<core::Category>(200)).empty());
  CHECK(core::ScaleName(static_cast<core::Scale>(6)).empty());
  CHECK(core::FacilityName(static_cast<core::Facility>(8)).empty());
  CHECK(core::AnswerName(static_cast<core::Answer>(4)).empty());
  CHECK(core::PlaceStatusName(static_cast<core::PlaceStatus>(4)).empty());
  CHECK(core::OutboxKindName(static_cast<core::OutboxKind>(3)).empty());
  CHECK(core::SafeReasonName(static_cast<core::SafeReason>(7)).empty());
  CHECK(core::SafeReasonLabel(static_cast<core::SafeReason>(7)).empty());
  CHECK(core::NotAddedReasonName(static_cast<core::NotAddedReason>(6)).empty());
  CHECK(core::NotAddedReasonMessage(static_cast<core::NotAddedReason>(6)).empty());
}

TEST_CASE("a new rating starts with every question skipped", "[core][model]") {
  const core::Rating rating;
  CHECK_FALSE(core::HasAnyAnswer(rating));
  for (std::uint8_t faces : rating.scales) CHECK(faces == 0);
  for (core::Answer answer : rating.facilities) CHECK(answer == core::Answer::Unanswered);
  CHECK(rating.comment.empty());
  CHECK(rating.session_id.empty());
}

TEST_CASE("one face or one facility answer is enough for a rating to say something", "[core][model]") {
  core::Rating faces_only;
  faces_only.scales[core::IndexOf(core::Scale::EasyToGetAround)] = 1;
  CHECK(core::HasAnyAnswer(faces_only));

  core::Rating facility_only;
  facility_only.facilities[core::IndexOf(core::Facility::QuietTimes)] = core::Answer::No;
  CHECK(core::HasAnyAnswer(facility_only));

  core::Rating comment_only;
  comment_only.comment = "Nice.";
  CHECK_FALSE(core::HasAnyAnswer(comment_only));
}

TEST_CASE("an outbox item knows its kind, its id and its device", "[core][model]") {
  const core::OutboxItem rating{samples::SampleRating()};
  CHECK(rating.Kind() == core::OutboxKind::Rating);
  CHECK(rating.ItemId() == samples::kRatingId);
  CHECK(rating.DeviceId() == samples::kDeviceId);

  const core::OutboxItem suggestion{samples::SampleSuggestion()};
  CHECK(suggestion.Kind() == core::OutboxKind::Suggestion);
  CHECK(suggestion.ItemId() == samples::kPlaceId);  // a suggestion's id becomes the new place's id
  CHECK(suggestion.DeviceId() == samples::kDeviceId);

  const core::OutboxItem withdrawal{samples::SampleWithdrawal()};
  CHECK(withdrawal.Kind() == core::OutboxKind::Withdrawal);
  CHECK(withdrawal.ItemId() == samples::kWithdrawalId);
  CHECK(withdrawal.DeviceId() == samples::kDeviceId);
}

TEST_CASE("two items are equal only when every field is", "[core][model]") {
  core::Rating a = samples::SampleRating();
  core::Rating b = a;
  CHECK(a == b);
  b.facilities[core::IndexOf(core::Facility::PlacesToSit)] = core::Answer::Yes;
  CHECK(a != b);
  CHECK(core::OutboxItem{a} != core::OutboxItem{b});
  CHECK(core::OutboxItem{a} == core::OutboxItem{a});

  core::Withdrawal w = samples::SampleWithdrawal();
  CHECK(core::OutboxItem{w} != core::OutboxItem{a});
}
