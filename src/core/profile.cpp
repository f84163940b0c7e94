// This is the implementation of profile.h: counting ratings into a profile, one at a time.
// Aggregate() is AddRating() in a loop, so the two agree by construction; every counter
// is a plain sum, so the order in which ratings arrive never matters.
#include "core/profile.h"

namespace core {
namespace {

enum class Direction { Add, Remove };

void Count(int& counter, Direction direction) {
  if (direction == Direction::Add) {
    ++counter;
  } else if (counter > 0) {
    --counter;
  }
}

void Apply(InclusionProfile& profile, const Rating& rating, Direction direction) {
  Count(profile.rating_count, direction);
  for (std::size_t i = 0; i < kScaleCount; ++i) {
    const std::uint8_t faces = rating.scales[i];
    if (faces < 1 || faces > kMaxFaces) continue;  // skipped, or not a real answer
    ScaleSummary& summary = profile.scales[i];
    Count(summary.count, direction);
    Count(summary.distribution[faces - 1u], direction);
  }
  for (std::size_t i = 0; i < kFacilityCount; ++i) {
    FacilitySummary& summary = profile.facilities[i];
    switch (rating.facilities[i]) {
      case Answer::Yes:
        Count(summary.yes, direction);
        break;
      case Answer::No:
        Count(summary.no, direction);
        break;
      case Answer::NotSure:
        Count(summary.not_sure, direction);
        break;
      case Answer::Unanswered:
        break;
    }
  }
}

}  // namespace

double ScaleSummary::Mean() const {
  long long faces = 0;
  long long answers = 0;
  for (std::size_t i = 0; i < distribution.size(); ++i) {
    faces += static_cast<long long>(distribution[i]) * static_cast<long long>(i + 1);
    answers += distribution[i];
  }
  // From the distribution, not `count`, so the mean can never disagree with the bars drawn.
  return answers > 0 ? static_cast<double>(faces) / static_cast<double>(answers) : 0.0;
}

InclusionProfile Aggregate(std::span<const Rating> ratings) {
  InclusionProfile profile;
  for (const Rating& rating : ratings) AddRating(profile, rating);
  return profile;
}

void AddRating(InclusionProfile& profile, const Rating& rating) { Apply(profile, rating, Direction::Add); }

void RemoveRating(InclusionProfile& profile, const Rating& rating) { Apply(profile, rating, Direction::Remove); }

}  // namespace core
