// Ready-made, valid model values for the core_* tests: a rating, a suggestion, a place and
// a withdrawal in Coventry in May 2024. A test copies one and breaks the one thing it checks.
// Not a test itself; start with SampleRating().
#pragma once
#include <string>

#include "core/model.h"
#include "core/validation.h"

namespace samples {

inline const std::string kPlaceId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
inline const std::string kRatingId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
inline const std::string kDeviceId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d";
inline const std::string kSessionId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e";
inline const std::string kWithdrawalId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5f";
inline const std::string kOtherPlaceId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60";

// "Today" for every test: May 2024, in Coventry.
inline core::ValidationContext Today() { return {core::DefaultServiceArea(), 2024, 5}; }

inline core::Rating SampleRating() {
  core::Rating rating;
  rating.id = kRatingId;
  rating.place_id = kPlaceId;
  rating.device_id = kDeviceId;
  rating.scales[core::IndexOf(core::Scale::Quiet)] = 4;
  rating.scales[core::IndexOf(core::Scale::Welcome)] = 5;
  rating.facilities[core::IndexOf(core::Facility::StepFree)] = core::Answer::Yes;
  rating.facilities[core::IndexOf(core::Facility::HearingLoop)] = core::Answer::NotSure;
  rating.comment = "The staff let me sit in the quiet corner.";
  rating.visit_month = "2024-05";
  return rating;
}

inline core::Suggestion SampleSuggestion() {
  core::Suggestion suggestion;
  suggestion.id = kPlaceId;
  suggestion.device_id = kDeviceId;
  suggestion.name = "Central Library";
  suggestion.category = core::Category::Library;
  suggestion.lat = 52.4081;
  suggestion.lon = -1.5106;
  suggestion.address = "Smithford Way, Coventry";
  suggestion.why = "It is calm and\nthe staff are kind.";
  suggestion.reasons = {core::SafeReason::KindStaff, core::SafeReason::Quiet};
  suggestion.first_rating = SampleRating();
  suggestion.session_id = kSessionId;
  return suggestion;
}

inline core::Place SamplePlace() {
  core::Place place;
  place.id = kPlaceId;
  place.name = "Caf\u00e9 \u2615";
  place.category = core::Category::Cafe;
  place.lat = 52.4068;
  place.lon = -1.5197;
  place.address = "1 High Street, Coventry";
  place.opening_notes = "Monday to Friday 9 to 5.\nQuiet hour on Tuesday at 10.";
  place.status = core::PlaceStatus::Approved;
  return place;
}

inline core::Withdrawal SampleWithdrawal() { return {kWithdrawalId, kDeviceId, kRatingId}; }

// `count` copies of a string: text of an exact length in characters.
inline std::string Repeat(const std::string& piece, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += piece;
  return text;
}

}  // namespace samples
