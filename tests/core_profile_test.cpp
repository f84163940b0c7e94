// Tests of core/profile: a place card shows how many people gave each number of faces and
// each facility answer, and those numbers are the same however and in whatever order the
// ratings arrived or were taken back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "core/profile.h"
#include "core_samples.h"

namespace {

using core::Answer;
using core::Facility;
using core::IndexOf;
using core::Scale;

core::Rating Faces(Scale scale, std::uint8_t faces) {
  core::Rating rating;
  rating.scales[IndexOf(scale)] = faces;
  return rating;
}

core::Rating Said(Facility facility, Answer answer) {
  core::Rating rating;
  rating.facilities[IndexOf(facility)] = answer;
  return rating;
}

// Ratings with every kind of answer, skipped questions included, from a fixed seed.
std::vector<core::Rating> RandomRatings(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<core::Rating> ratings(count);
  for (core::Rating& rating : ratings) {
    for (std::uint8_t& faces : rating.scales) faces = static_cast<std::uint8_t>(rng() % 6);  // 0 = skipped
    for (Answer& answer : rating.facilities) answer = static_cast<Answer>(rng() % 4);
  }
  return ratings;
}

const core::InclusionProfile kEmpty{};

}  // namespace

TEST_CASE("a place nobody has rated shows no answers and no average", "[core][profile]") {
  const core::InclusionProfile profile = core::Aggregate({});
  CHECK(profile == kEmpty);
  CHECK(profile.rating_count == 0);
  for (const core::ScaleSummary& scale : profile.scales) {
    CHECK(scale.count == 0);
    CHECK(scale.Mean() == 0.0);
  }
}

TEST_CASE("each number of faces is counted in its own bar, 1 face first", "[core][profile]") {
  const std::vector<core::Rating> ratings = {Faces(Scale::Quiet, 1), Faces(Scale::Quiet, 5), Faces(Scale::Quiet, 5),
                                             Faces(Scale::Quiet, 3)};
  const core::InclusionProfile profile = core::Aggregate(ratings);
  const core::ScaleSummary& quiet = profile.scales[IndexOf(Scale::Quiet)];
  CHECK(profile.rating_count == 4);
  CHECK(quiet.count == 4);
  CHECK(quiet.distribution == std::array<int, 5>{1, 0, 1, 0, 2});
  CHECK(quiet.Mean() == Approx(3.5));
}

TEST_CASE("a split opinion stays visible even when the average looks middling", "[core][profile]") {
  // Amira needs to see that two people found it loud and two found it quiet, not just "3".
  const std::vector<core::Rating> ratings = {Faces(Scale::Quiet, 1), Faces(Scale::Quiet, 1), Faces(Scale::Quiet, 5),
                                             Faces(Scale::Quiet, 5)};
  const core::ScaleSummary quiet = core::Aggregate(ratings).scales[IndexOf(Scale::Quiet)];
  CHECK(quiet.Mean() == Approx(3.0));
  CHECK(quiet.distribution == std::array<int, 5>{2, 0, 0, 0, 2});
}

TEST_CASE("skipped questions are not counted, but the rating still is", "[core][profile]") {
  const core::InclusionProfile profile =
      core::Aggregate(std::vector<core::Rating>{Faces(Scale::Welcome, 4), Said(Facility::StepFree, Answer::Yes)});
  CHECK(profile.rating_count == 2);
  CHECK(profile.scales[IndexOf(Scale::Welcome)].count == 1);
  CHECK(profile.scales[IndexOf(Scale::Quiet)].count == 0);
  CHECK(profile.facilities[IndexOf(Facility::StepFree)] == core::FacilitySummary{1, 0, 0});
  CHECK(profile.facilities[IndexOf(Facility::HearingLoop)] == core::FacilitySummary{0, 0, 0});
}

TEST_CASE("yes, no and not sure are counted apart for each facility", "[core][profile]") {
  const std::vector<core::Rating> ratings = {
      Said(Facility::AccessibleToilet, Answer::Yes), Said(Facility::AccessibleToilet, Answer::Yes),
      Said(Facility::AccessibleToilet, Answer::No), Said(Facility::AccessibleToilet, Answer::NotSure),
      Said(Facility::ChangingPlaces, Answer::No)};
  const core::InclusionProfile profile = core::Aggregate(ratings);
  CHECK(profile.facilities[IndexOf(Facility::AccessibleToilet)] == core::FacilitySummary{2, 1, 1});
  CHECK(profile.facilities[IndexOf(Facility::ChangingPlaces)] == core::FacilitySummary{0, 1, 0});
}

TEST_CASE("answers that are not real (9 faces, an unknown answer) are never counted", "[core][profile]") {
  core::Rating odd;
  odd.scales[IndexOf(Scale::Quiet)] = 9;
  odd.facilities[IndexOf(Facility::StepFree)] = static_cast<Answer>(7);
  const core::InclusionProfile profile = core::Aggregate(std::vector<core::Rating>{odd});
  CHECK(profile.rating_count == 1);
  CHECK(profile.scales[IndexOf(Scale::Quiet)].count == 0);
  CHECK(profile.facilities[IndexOf(Facility::StepFree)] == core::FacilitySummary{0, 0, 0});
}

TEST_CASE("the profile is the same whatever order the ratings arrive in", "[core][profile]") {
  std::vector<core::Rating> ratings = RandomRatings(300, 42);
  const core::InclusionProfile all_at_once = core::Aggregate(ratings);
  CHECK(all_at_once.rating_count == 300);

  std::mt19937 rng(2024);
  for (int round = 0; round < 25; ++round) {
    std::shuffle(ratings.begin(), ratings.end(), rng);
    core::InclusionProfile one_by_one;
    for (const core::Rating& rating : ratings) core::AddRating(one_by_one, rating);
    INFO("round " << round);
    CHECK(one_by_one == all_at_once);
    CHECK(core::Aggregate(ratings) == all_at_once);
  }
}

TEST_CASE("the bars add up: each scale's count is its total, and facility answers never exceed ratings",
          "[core][profile]") {
  const core::InclusionProfile profile = core::Aggregate(RandomRatings(200, 99));
  for (const core::ScaleSummary& scale : profile.scales) {
    int total = 0;
    for (int bar : scale.distribution) total += bar;
    CHECK(total == scale.count);
    CHECK(scale.count <= profile.rating_count);
    if (scale.count > 0) {
      CHECK(scale.Mean() >= 1.0);
      CHECK(scale.Mean() <= 5.0);
    }
  }
  for (const core::FacilitySummary& facility : profile.facilities)
    CHECK(facility.yes + facility.no + facility.not_sure <= profile.rating_count);
}

TEST_CASE("taking a rating back undoes exactly what it added", "[core][profile]") {
  const std::vector<core::Rating> ratings = RandomRatings(50, 5);
  const core::InclusionProfile before = core::Aggregate(ratings);
  core::InclusionProfile profile = before;
  const core::Rating extra = samples::SampleRating();
  core::AddRating(profile, extra);
  CHECK(profile != before);
  core::RemoveRating(profile, extra);
  CHECK(profile == before);
}

TEST_CASE("taking back some ratings leaves the profile of the ones that stay", "[core][profile]") {
  std::vector<core::Rating> ratings = RandomRatings(200, 11);
  core::InclusionProfile profile = core::Aggregate(ratings);

  std::mt19937 rng(3);
  std::shuffle(ratings.begin(), ratings.end(), rng);
  const std::vector<core::Rating> withdrawn(ratings.begin(), ratings.begin() + 80);
  const std::vector<core::Rating> kept(ratings.begin() + 80, ratings.end());
  for (const core::Rating& rating : withdrawn) core::RemoveRating(profile, rating);
  CHECK(profile == core::Aggregate(kept));

  for (const core::Rating& rating : kept) core::RemoveRating(profile, rating);
  CHECK(profile == kEmpty);
}

TEST_CASE("taking back a rating that was never counted can't make numbers go below zero", "[core][profile]") {
  core::InclusionProfile profile;
  core::RemoveRating(profile, samples::SampleRating());
  CHECK(profile == kEmpty);

  core::AddRating(profile, Faces(Scale::Quiet, 2));
  core::RemoveRating(profile, Faces(Scale::Quiet, 4));  // a different answer than the one counted
  CHECK(profile.rating_count == 0);
  CHECK(profile.scales[IndexOf(Scale::Quiet)].count == 0);
  CHECK(profile.scales[IndexOf(Scale::Quiet)].distribution[1] == 1);  // not below zero, and not lost
  CHECK(profile.scales[IndexOf(Scale::Quiet)].distribution[3] == 0);
}

TEST_CASE("the average is worked out from the bars, so the two always agree", "[core][profile]") {
  core::ScaleSummary summary;
  summary.distribution = {0, 0, 0, 0, 3};
  summary.count = 3;
  CHECK(summary.Mean() == 5.0);
  summary.distribution = {1, 1, 1, 1, 1};
  summary.count = 5;
  CHECK(summary.Mean() == 3.0);
  summary.distribution = {1, 0, 0, 0, 0};
  summary.count = 0;  // even if count disagrees, the bars win
  CHECK(summary.Mean() == 1.0);
}
