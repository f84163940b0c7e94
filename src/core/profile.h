// A place's inclusion profile: what young people's ratings say about it, counted per
// question. Counts, not just averages, so a screen can show "4 of 5 people said it is
// quiet" instead of hiding a split behind a mean (see Amira in PERSONAS.md).
// Start with Aggregate(); AddRating/RemoveRating keep a stored profile up to date as
// ratings arrive and are withdrawn, and always agree with Aggregate().
#pragma once
#include <array>
#include <span>

#include "core/model.h"

namespace core {

// How the answers to one scale question spread over the row of faces.
struct ScaleSummary {
  int count = 0;                              // ratings that answered this scale
  std::array<int, kMaxFaces> distribution{};  // distribution[0] = 1 face ... distribution[4] = 5 faces

  double Mean() const;  // average number of faces, 1.0..5.0; 0.0 when nobody answered
  bool operator==(const ScaleSummary&) const = default;
};

struct FacilitySummary {
  int yes = 0;
  int no = 0;
  int not_sure = 0;

  bool operator==(const FacilitySummary&) const = default;
};

struct InclusionProfile {
  int rating_count = 0;                            // every rating added, including ones that skipped some questions
  std::array<ScaleSummary, kScaleCount> scales{};  // by IndexOf(Scale)
  std::array<FacilitySummary, kFacilityCount> facilities{};  // by IndexOf(Facility)

  bool operator==(const InclusionProfile&) const = default;
};

InclusionProfile Aggregate(std::span<const Rating> ratings);

// Skipped questions (scale 0, Answer::Unanswered) are not counted; nor are values outside
// the enum or above kMaxFaces, which Validate() rejects before a rating is stored.
void AddRating(InclusionProfile& profile, const Rating& rating);
// Undoes AddRating of the same rating. Counts never go below zero, so removing a rating
// that was never added cannot make a profile show negative numbers.
void RemoveRating(InclusionProfile& profile, const Rating& rating);

}  // namespace core
