// Tests of core/map_places: each filter rule at its edges (too few answers, a tie, "not
// sure"), categories, clusters (every place in exactly one, counts add up, lone places,
// nothing clusters when zoomed right in, far fewer clusters zoomed out), and the list
// sorted by distance with its easy-read words. Start at "quiet".
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "core/map_places.h"
#include "core/validation.h"

namespace {

using core::Answer;
using core::Category;
using core::Facility;
using core::IndexOf;
using core::PlaceFact;
using core::Scale;

core::PublicPlace MakePlace(int n, Category category = Category::Library, double lat = 52.4081, double lon = -1.5107) {
  core::PublicPlace p;
  char id[40];
  std::snprintf(id, sizeof(id), "00000000-0000-4000-8000-%012d", n);
  p.place.id = id;
  p.place.name = "Place " + std::to_string(n);
  p.place.category = category;
  p.place.lat = lat;
  p.place.lon = lon;
  p.place.status = core::PlaceStatus::Approved;
  return p;
}

core::InclusionProfile Faces(Scale scale, std::initializer_list<int> answers) {
  core::InclusionProfile profile;
  for (int faces : answers) {
    core::Rating rating;
    rating.scales[IndexOf(scale)] = static_cast<std::uint8_t>(faces);
    core::AddRating(profile, rating);
  }
  return profile;
}

core::InclusionProfile Said(Facility facility, int yes, int no, int not_sure) {
  core::InclusionProfile profile;
  profile.facilities[IndexOf(facility)] = {yes, no, not_sure};
  return profile;
}

TEST_CASE("quiet: at least 2 answers, and more than half of them 4 or 5 faces") {
  CHECK_FALSE(core::PlaceHasFact({}, PlaceFact::Quiet));                        // nobody said
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::Quiet, {5}), PlaceFact::Quiet));  // one voice is not enough
  CHECK(core::PlaceHasFact(Faces(Scale::Quiet, {5, 4}), PlaceFact::Quiet));
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::Quiet, {5, 3}), PlaceFact::Quiet));        // half is not most
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::Quiet, {4, 5, 1, 2}), PlaceFact::Quiet));  // a tie
  CHECK(core::PlaceHasFact(Faces(Scale::Quiet, {4, 5, 1}), PlaceFact::Quiet));
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::Quiet, {3, 3, 3}), PlaceFact::Quiet));  // 3 is the middle face
  // Other scales do not count.
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::NotTooBusy, {5, 5, 5}), PlaceFact::Quiet));
}

TEST_CASE("staff understand: the same rule on its own scale") {
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::StaffUnderstand, {5}), PlaceFact::StaffUnderstand));
  CHECK(core::PlaceHasFact(Faces(Scale::StaffUnderstand, {5, 5}), PlaceFact::StaffUnderstand));
  CHECK(core::PlaceHasFact(Faces(Scale::StaffUnderstand, {4, 4, 2}), PlaceFact::StaffUnderstand));
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::StaffUnderstand, {4, 2}), PlaceFact::StaffUnderstand));
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::Welcome, {5, 5}), PlaceFact::StaffUnderstand));
  CHECK_FALSE(core::PlaceHasFact(Faces(Scale::StaffUnderstand, {5, 5}), PlaceFact::Quiet));
}

TEST_CASE("step-free and accessible toilet: more yes than no, so at least one yes") {
  for (auto [fact, facility] : {std::pair{PlaceFact::StepFree, Facility::StepFree},
                                std::pair{PlaceFact::AccessibleToilet, Facility::AccessibleToilet}}) {
    CHECK_FALSE(core::PlaceHasFact({}, fact));
    CHECK(core::PlaceHasFact(Said(facility, 1, 0, 0), fact));
    CHECK_FALSE(core::PlaceHasFact(Said(facility, 1, 1, 0), fact));  // a tie says nothing
    CHECK_FALSE(core::PlaceHasFact(Said(facility, 0, 0, 4), fact));  // "not sure" is not yes
    CHECK(core::PlaceHasFact(Said(facility, 2, 1, 5), fact));        // nor is it no
    CHECK_FALSE(core::PlaceHasFact(Said(facility, 2, 3, 0), fact));
  }
  // A Changing Places toilet is its own question.
  CHECK_FALSE(core::PlaceHasFact(Said(Facility::ChangingPlaces, 3, 0, 0), PlaceFact::AccessibleToilet));
  CHECK_FALSE(core::PlaceHasFact(Said(Facility::StepFree, 3, 0, 0), PlaceFact::AccessibleToilet));
}

TEST_CASE("fact labels") {
  CHECK(core::PlaceFactLabel(PlaceFact::Quiet) == "Quiet");
  CHECK(core::PlaceFactLabel(PlaceFact::StepFree) == "Step-free");
  CHECK(core::PlaceFactLabel(PlaceFact::AccessibleToilet) == "Accessible toilet");
  CHECK(core::PlaceFactLabel(PlaceFact::StaffUnderstand) == "Staff understand");
}

TEST_CASE("filters: categories, and every fact chosen must hold") {
  std::vector<core::PublicPlace> places = {MakePlace(0, Category::Library), MakePlace(1, Category::Park),
                                           MakePlace(2, Category::Cafe), MakePlace(3, Category::Library)};
  places[0].profile = Faces(Scale::Quiet, {5, 5});
  places[0].profile.facilities[IndexOf(Facility::StepFree)] = {2, 0, 0};
  places[1].profile = Faces(Scale::Quiet, {4, 4});
  places[3].profile.facilities[IndexOf(Facility::StepFree)] = {1, 0, 0};

  core::MapFilter filter;
  CHECK(core::IsFilterEmpty(filter));
  CHECK(core::FilterPlaces(places, filter) == std::vector<std::uint32_t>{0, 1, 2, 3});

  filter.categories[IndexOf(Category::Library)] = true;
  CHECK_FALSE(core::IsFilterEmpty(filter));
  CHECK(core::FilterPlaces(places, filter) == std::vector<std::uint32_t>{0, 3});
  filter.categories[IndexOf(Category::Park)] = true;
  CHECK(core::FilterPlaces(places, filter) == std::vector<std::uint32_t>{0, 1, 3});

  filter.quiet = true;
  CHECK(core::FilterPlaces(places, filter) == std::vector<std::uint32_t>{0, 1});
  filter.step_free = true;
  CHECK(core::FilterPlaces(places, filter) == std::vector<std::uint32_t>{0});
  filter.staff_understand = true;
  CHECK(core::FilterPlaces(places, filter).empty());

  core::MapFilter only_toilets;
  only_toilets.accessible_toilet = true;
  CHECK(core::FilterPlaces(places, only_toilets).empty());
  CHECK(core::FilterPlaces({}, only_toilets).empty());

  // A category outside the enum passes only when no category is chosen.
  core::PublicPlace odd = MakePlace(9);
  odd.place.category = static_cast<Category>(200);
  CHECK(core::PassesFilter(odd, core::MapFilter{}));
  CHECK_FALSE(core::PassesFilter(odd, filter));
}

// `count` places spread over Coventry, from a fixed seed.
std::vector<core::PublicPlace> Scattered(int count, unsigned seed) {
  const core::ServiceArea area = core::DefaultServiceArea();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lat(area.south, area.north), lon(area.west, area.east);
  std::vector<core::PublicPlace> places;
  for (int i = 0; i < count; ++i)
    places.push_back(MakePlace(i, core::kAllCategories[i % core::kAllCategories.size()], lat(rng), lon(rng)));
  return places;
}

std::vector<std::uint32_t> All(std::size_t count) {
  std::vector<std::uint32_t> indices(count);
  std::iota(indices.begin(), indices.end(), 0u);
  return indices;
}

// Every index given lands in exactly one cluster, and the counts add up.
void CheckPartition(const core::MapClusters& out, std::span<const std::uint32_t> which, std::size_t place_count) {
  std::vector<int> seen(place_count, 0);
  std::size_t total = 0;
  for (const core::MapCluster& cluster : out.clusters) {
    CHECK(cluster.count >= 1);
    total += cluster.count;
    for (std::uint32_t member : out.MembersOf(cluster)) ++seen[member];
  }
  CHECK(total == which.size());
  CHECK(out.members.size() == which.size());
  std::vector<int> expected(place_count, 0);
  for (std::uint32_t index : which) ++expected[index];
  CHECK(seen == expected);
}

TEST_CASE("clusters: every place in exactly one, at every zoom") {
  const std::vector<core::PublicPlace> places = Scattered(2000, 7);
  const std::vector<core::WorldPoint> world0 = core::ProjectPlaces(places);
  const std::vector<std::uint32_t> all = All(places.size());
  core::MapClusters out;
  for (double zoom : {0.0, 8.0, 11.0, 12.7, 14.0, 17.0, 19.0}) {
    core::ClusterPlaces(world0, all, zoom, out);
    CheckPartition(out, all, places.size());
  }
  // A filtered subset: only those.
  core::MapFilter parks;
  parks.categories[IndexOf(Category::Park)] = true;
  const std::vector<std::uint32_t> shown = core::FilterPlaces(places, parks);
  core::ClusterPlaces(world0, shown, 13.0, out);
  CheckPartition(out, shown, places.size());
  for (std::uint32_t member : out.members) CHECK(places[member].place.category == Category::Park);
}

TEST_CASE("clusters: centres are the mean of their members, members keep their order") {
  const std::vector<core::PublicPlace> places = Scattered(500, 3);
  const std::vector<core::WorldPoint> world0 = core::ProjectPlaces(places);
  core::MapClusters out;
  core::ClusterPlaces(world0, All(places.size()), 12.0, out);
  REQUIRE(out.grid_zoom == 12);
  for (const core::MapCluster& cluster : out.clusters) {
    double x = 0, y = 0;
    std::uint32_t previous = 0;
    bool first = true;
    for (std::uint32_t member : out.MembersOf(cluster)) {
      const core::WorldPoint p = core::LatLonToWorld(places[member].place.lat, places[member].place.lon, 12.0);
      x += p.x;
      y += p.y;
      if (!first) CHECK(member > previous);
      previous = member;
      first = false;
    }
    CHECK(cluster.centre.x == Approx(x / cluster.count));
    CHECK(cluster.centre.y == Approx(y / cluster.count));
    // All members in one 64 px cell of the world-anchored grid.
    const core::WorldPoint any = core::LatLonToWorld(places[out.MembersOf(cluster)[0]].place.lat,
                                                     places[out.MembersOf(cluster)[0]].place.lon, 12.0);
    for (std::uint32_t member : out.MembersOf(cluster)) {
      const core::WorldPoint p = core::LatLonToWorld(places[member].place.lat, places[member].place.lon, 12.0);
      CHECK(std::floor(p.x / 64.0) == std::floor(any.x / 64.0));
      CHECK(std::floor(p.y / 64.0) == std::floor(any.y / 64.0));
    }
  }
}

TEST_CASE("clusters: a pinch between zooms keeps the grid of the nearest whole zoom") {
  const std::vector<core::PublicPlace> places = Scattered(1000, 11);
  const std::vector<core::WorldPoint> world0 = core::ProjectPlaces(places);
  core::MapClusters whole, pinched;
  core::ClusterPlaces(world0, All(places.size()), 13.0, whole);
  core::ClusterPlaces(world0, All(places.size()), 13.3, pinched);
  CHECK(pinched.grid_zoom == 13);
  CHECK(pinched.zoom == 13.3);
  REQUIRE(pinched.clusters.size() == whole.clusters.size());
  CHECK(pinched.members == whole.members);
  for (std::size_t i = 0; i < whole.clusters.size(); ++i) {
    CHECK(pinched.clusters[i].count == whole.clusters[i].count);
    CHECK(pinched.clusters[i].centre.x == Approx(whole.clusters[i].centre.x * std::exp2(0.3)));
  }
}

TEST_CASE("clusters: a lone place is its own cluster; zoomed right in, nothing clusters") {
  std::vector<core::PublicPlace> places = {MakePlace(0, Category::Park, 52.40, -1.50)};
  // A group in one street, 22 m apart, in the middle of one zoom-12 cell; and one place
  // 5 km away.
  const core::WorldPoint street = core::LatLonToWorld(52.43, -1.45, 12.0);
  const core::LatLon middle =
      core::WorldToLatLon({std::floor(street.x / 64.0) * 64.0 + 32.0, std::floor(street.y / 64.0) * 64.0 + 32.0}, 12.0);
  for (int i = 1; i <= 5; ++i) places.push_back(MakePlace(i, Category::Cafe, middle.lat + i * 0.0002, middle.lon));
  const std::vector<core::WorldPoint> world0 = core::ProjectPlaces(places);
  core::MapClusters out;
  core::ClusterPlaces(world0, All(places.size()), 12.0, out);
  REQUIRE(out.clusters.size() == 2);
  CHECK(out.clusters[0].count == 1);
  CHECK(out.MembersOf(out.clusters[0])[0] == 0);
  CHECK(out.clusters[1].count == 5);
  // At zoom 19 a 64 px cell is about 12 m across here; these places are 22 m apart.
  core::ClusterPlaces(world0, All(places.size()), 19.0, out);
  CHECK(out.clusters.size() == places.size());

  // Places on a 150 m grid never cluster at zoom 17 (a cell is about 50 m there).
  std::vector<core::PublicPlace> grid;
  for (int i = 0; i < 20; ++i)
    for (int j = 0; j < 20; ++j)
      grid.push_back(MakePlace(i * 20 + j, Category::Shop, 52.38 + i * 0.00135, -1.55 + j * 0.0022));
  core::ClusterPlaces(core::ProjectPlaces(grid), All(grid.size()), 17.0, out);
  CHECK(out.clusters.size() == grid.size());
  for (const core::MapCluster& cluster : out.clusters) CHECK(cluster.count == 1);

  // None at all, and indices that are not places.
  core::ClusterPlaces(world0, {}, 12.0, out);
  CHECK(out.clusters.empty());
  const std::vector<std::uint32_t> wrong = {0, 99, 1};
  core::ClusterPlaces(world0, wrong, 19.0, out);
  CHECK(out.members == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("clusters: 10,000 places give far fewer clusters at zoom 11 than at 17") {
  const std::vector<core::PublicPlace> places = Scattered(10000, 42);
  const std::vector<core::WorldPoint> world0 = core::ProjectPlaces(places);
  const std::vector<std::uint32_t> all = All(places.size());
  core::MapClusters at11, at17;
  core::ClusterPlaces(world0, all, 11.0, at11);
  core::ClusterPlaces(world0, all, 17.0, at17);
  CheckPartition(at11, all, places.size());
  CheckPartition(at17, all, places.size());
  // Coventry is about 4 x 5 cells of 64 px at zoom 11: at most a few dozen clusters.
  CHECK(at11.clusters.size() <= 60);
  CHECK(at17.clusters.size() > 20 * at11.clusters.size());
  // Doing it again with the same buffers gives the same answer (nothing left over).
  core::MapClusters again = at11;
  core::ClusterPlaces(world0, all, 17.0, again);
  core::ClusterPlaces(world0, all, 11.0, again);
  CHECK(again.members == at11.members);
  CHECK(again.clusters.size() == at11.clusters.size());
}

TEST_CASE("the list: nearest first, ties in a fixed order") {
  std::vector<core::PublicPlace> places = {
      MakePlace(0, Category::Park, 52.4181, -1.5107),  // ~1.1 km north
      MakePlace(1, Category::Cafe, 52.4081, -1.5107),  // right here
      MakePlace(2, Category::Shop, 52.4081, -1.5007),  // ~680 m east
      MakePlace(3, Category::Shop, 52.4081, -1.5207),  // ~680 m west: the same distance
  };
  places[3].place.name = "A shop";  // sorts before "Place 2" at an equal distance
  const std::vector<core::PlaceDistance> list = core::SortByDistance(places, All(places.size()), 52.4081, -1.5107);
  REQUIRE(list.size() == 4);
  CHECK(list[0].index == 1);
  CHECK(list[0].metres == 0.0);
  CHECK(list[1].index == 3);
  CHECK(list[2].index == 2);
  CHECK(list[1].metres == Approx(list[2].metres));
  CHECK(list[3].index == 0);
  CHECK(list[3].metres == Approx(1112.0).epsilon(0.01));
  CHECK(core::DistanceText(list[3].metres) == "1.1 km");
  CHECK(core::DistanceText(list[2].metres) == "680 m");

  // Only those asked for; indices out of range are left out.
  const std::vector<std::uint32_t> some = {0, 2, 77};
  const std::vector<core::PlaceDistance> short_list = core::SortByDistance(places, some, 52.4081, -1.5107);
  REQUIRE(short_list.size() == 2);
  CHECK(short_list[0].index == 2);
  CHECK(short_list[1].index == 0);
}

TEST_CASE("places within 100 m: nearest first, only approved ones, none far away") {
  // About 70 m per 0.001 degree of longitude at Coventry, 111 m per 0.001 degree of latitude.
  std::vector<core::PublicPlace> places = {
      MakePlace(0, Category::Park, 52.4090, -1.5107),   // ~100 m north: just outside
      MakePlace(1, Category::Cafe, 52.4081, -1.5112),   // ~34 m west
      MakePlace(2, Category::Shop, 52.4081, -1.5107),   // right here
      MakePlace(3, Category::Shop, 52.4181, -1.5107),   // ~1.1 km north
      MakePlace(4, Category::Library, 52.4085, -1.5107),  // ~44 m north, but not approved
      MakePlace(5, Category::Museum, 52.4088, -1.5107),   // ~78 m north
  };
  places[4].place.status = core::PlaceStatus::Suggested;
  const std::vector<core::PlaceDistance> near = core::PlacesWithin(places, 52.4081, -1.5107, 100.0);
  REQUIRE(near.size() == 3);
  CHECK(near[0].index == 2);
  CHECK(near[0].metres == 0.0);
  CHECK(near[1].index == 1);
  CHECK(near[1].metres == Approx(34.0).epsilon(0.05));
  CHECK(near[2].index == 5);
  CHECK(near[2].metres == Approx(77.8).epsilon(0.02));
  // Place 0 is 100.08 m away: outside 100 m, inside 101 m.
  CHECK(core::PlacesWithin(places, 52.4081, -1.5107, 101.0).size() == 4);

  CHECK(core::PlacesWithin(places, 52.3000, -1.3000, 100.0).empty());  // far from all of them
  CHECK(core::PlacesWithin({}, 52.4081, -1.5107, 100.0).empty());
  CHECK(core::PlacesWithin(places, std::nan(""), -1.5107, 100.0).empty());
  CHECK(core::PlacesWithin(places, 52.4081, -1.5107, -1.0).empty());
  places[2].place.lat = std::nan("");  // a place with no real position is never near
  CHECK(core::PlacesWithin(places, 52.4081, -1.5107, 100.0).size() == 2);
}

TEST_CASE("distance in easy-read words") {
  CHECK(core::DistanceText(0.0) == "10 m");
  CHECK(core::DistanceText(3.0) == "10 m");
  CHECK(core::DistanceText(14.9) == "10 m");
  CHECK(core::DistanceText(15.0) == "20 m");
  CHECK(core::DistanceText(120.0) == "120 m");
  CHECK(core::DistanceText(123.4) == "120 m");
  CHECK(core::DistanceText(990.0) == "990 m");
  CHECK(core::DistanceText(996.0) == "1.0 km");
  CHECK(core::DistanceText(1200.0) == "1.2 km");
  CHECK(core::DistanceText(1249.0) == "1.2 km");
  CHECK(core::DistanceText(9940.0) == "9.9 km");
  CHECK(core::DistanceText(9960.0) == "10 km");
  CHECK(core::DistanceText(12400.0) == "12 km");
  CHECK(core::DistanceText(-1.0).empty());
  CHECK(core::DistanceText(std::nan("")).empty());
}

}  // namespace
