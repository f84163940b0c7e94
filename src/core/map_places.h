// What the map and its list show of the public places: filters (categories and four facts
// a young person can ask for), clusters of nearby pins at low zoom, and the list sorted by
// distance with friendly words ("120 m"). Pure and cheap enough for every frame with
// 10,000 places; no drawing here (src/client does that). Start at PlaceHasFact.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/map_math.h"
#include "core/model.h"
#include "core/profile.h"
#include "core/sync_protocol.h"

namespace core {

// [SECTION] Facts and filters

// Things a young person can ask the map for. Each is said of a place only when young
// people's ratings say it clearly (the rules are at PlaceHasFact); with too few answers
// the place does not show under that filter, rather than claim something unproven.
enum class PlaceFact : std::uint8_t { Quiet, StepFree, AccessibleToilet, StaffUnderstand };
inline constexpr std::array kAllPlaceFacts = {PlaceFact::Quiet, PlaceFact::StepFree, PlaceFact::AccessibleToilet,
                                              PlaceFact::StaffUnderstand};

std::string_view PlaceFactLabel(PlaceFact fact);  // "Quiet", "Step-free", "Accessible toilet", "Staff understand"

inline constexpr int kFactMinScaleAnswers = 2;  // answers to a scale before "quiet" can be said

// The rules, exactly:
//  - Quiet: at least kFactMinScaleAnswers answers to the Quiet scale, and more than half
//    of them are 4 or 5 faces.
//  - StaffUnderstand: the same rule on the StaffUnderstand scale.
//  - StepFree: more "yes" than "no" answers to "Step-free way in" (so at least one yes);
//    "not sure" answers count for neither side.
//  - AccessibleToilet: the same rule on "Accessible toilet" (Changing Places answers are a
//    separate question and are not counted here).
bool PlaceHasFact(const InclusionProfile& profile, PlaceFact fact);

// The map's filters; the screen edits them in place (Checkbox("Quiet", &filter.quiet)).
struct MapFilter {
  // By IndexOf(Category): the categories to show. None chosen means every category.
  std::array<bool, kAllCategories.size()> categories{};
  bool quiet = false;  // each fact chosen must hold (AND)
  bool step_free = false;
  bool accessible_toilet = false;
  bool staff_understand = false;

  bool operator==(const MapFilter&) const = default;
};

constexpr std::size_t IndexOf(Category category) { return static_cast<std::size_t>(category); }

bool IsFilterEmpty(const MapFilter& filter);  // shows everything
bool PassesFilter(const PublicPlace& place, const MapFilter& filter);
// Indices into `places` of those that pass, in order.
std::vector<std::uint32_t> FilterPlaces(std::span<const PublicPlace> places, const MapFilter& filter);

// [SECTION] Clusters

inline constexpr double kClusterCellPx = 64.0;  // CSS px: side of a grid cell whose pins become one cluster

// Where each place lies on the zoom-0 world image (0..kTileSize px), worked out once when
// the places change, so clustering each frame needs no trigonometry.
std::vector<WorldPoint> ProjectPlaces(std::span<const PublicPlace> places);

struct MapCluster {
  WorldPoint centre;        // world px at MapClusters::zoom: the mean of its members' positions
  std::uint32_t first = 0;  // its members are MapClusters::members[first .. first + count)
  std::uint32_t count = 0;  // 1: a lone place, drawn as its own pin
};

// The result of ClusterPlaces; keep one and pass it back each frame, so its buffers are
// reused and a frame allocates nothing.
struct MapClusters {
  double zoom = 0.0;  // the zoom asked for: centres are world px at this zoom
  int grid_zoom = 0;  // the whole zoom whose grid grouped them (see ClusterPlaces)
  std::vector<MapCluster> clusters;
  std::vector<std::uint32_t> members;  // indices into the positions given, grouped by cluster

  std::span<const std::uint32_t> MembersOf(const MapCluster& cluster) const {
    return std::span<const std::uint32_t>(members).subspan(cluster.first, cluster.count);
  }

  // Scratch space (an open-addressing table of grid cells); not part of the answer.
  std::vector<std::uint64_t> cell_keys;
  std::vector<std::uint32_t> cell_cluster;
  std::vector<std::uint32_t> cluster_of;
};

// Groups the places `which` (indices into `world0`, from ProjectPlaces; e.g. FilterPlaces'
// answer) whose pins fall in the same kClusterCellPx cell of a grid anchored to the world
// (not the screen), so panning never regroups them. The grid is that of the nearest whole
// zoom, so clusters change only when a pinch passes a half zoom, not on every frame of it.
// Every index lands in exactly one cluster; clusters come in order of their first member,
// and members keep the order of `which`. O(n) with no allocation once the buffers are big
// enough. Indices out of range are skipped.
void ClusterPlaces(std::span<const WorldPoint> world0, std::span<const std::uint32_t> which, double zoom,
                   MapClusters& out);

// [SECTION] The list

struct PlaceDistance {
  std::uint32_t index = 0;  // into the places given
  double metres = 0.0;
};

// The places `which` (indices into `places`), nearest to (lat, lon) first; equal
// distances by name, then id, so the order never flickers.
std::vector<PlaceDistance> SortByDistance(std::span<const PublicPlace> places, std::span<const std::uint32_t> which,
                                          double lat, double lon);

// The places within `metres` of (lat, lon), nearest first (equal distances in
// SortByDistance's order). Only approved places count, and one with no real position never
// does. For "Is it one of these?" before a new place is suggested.
std::vector<PlaceDistance> PlacesWithin(std::span<const PublicPlace> places, double lat, double lon, double metres);

// Easy-read distance: "10 m" to "990 m" in steps of 10 m (never "0 m"), "1.0 km" to
// "9.9 km", then whole kilometres ("12 km"). Empty for a negative or NaN distance.
std::string DistanceText(double metres);

}  // namespace core
