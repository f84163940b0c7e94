// This is the implementation of map_places.h: filter rules, the clustering grid and the
// distance list. Sections: [SECTION] Facts and filters, [SECTION] Clusters,
// [SECTION] The list.
#include "core/map_places.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>

namespace core {

// [SECTION] Facts and filters

namespace {

// Enough answers, and most of them 4 or 5 faces.
bool MostlyHigh(const ScaleSummary& scale) {
  if (scale.count < kFactMinScaleAnswers) return false;
  const int high = scale.distribution[3] + scale.distribution[4];
  return high * 2 > scale.count;
}

bool MoreYesThanNo(const FacilitySummary& facility) { return facility.yes > facility.no; }

}  // namespace

std::string_view PlaceFactLabel(PlaceFact fact) {
  switch (fact) {
    case PlaceFact::Quiet:
      return "Quiet";
    case PlaceFact::StepFree:
      return "Step-free";
    case PlaceFact::AccessibleToilet:
      return "Accessible toilet";
    case PlaceFact::StaffUnderstand:
      return "Staff understand";
  }
  return "";
}

bool PlaceHasFact(const InclusionProfile& profile, PlaceFact fact) {
  switch (fact) {
    case PlaceFact::Quiet:
      return MostlyHigh(profile.scales[IndexOf(Scale::Quiet)]);
    case PlaceFact::StaffUnderstand:
      return MostlyHigh(profile.scales[IndexOf(Scale::StaffUnderstand)]);
    case PlaceFact::StepFree:
      return MoreYesThanNo(profile.facilities[IndexOf(Facility::StepFree)]);
    case PlaceFact::AccessibleToilet:
      return MoreYesThanNo(profile.facilities[IndexOf(Facility::AccessibleToilet)]);
  }
  return false;
}

bool IsFilterEmpty(const MapFilter& filter) { return filter == MapFilter{}; }

bool PassesFilter(const PublicPlace& place, const MapFilter& filter) {
  const bool any_category = std::none_of(filter.categories.begin(), filter.categories.end(), [](bool b) { return b; });
  if (!any_category) {
    const std::size_t category = IndexOf(place.place.category);
    if (category >= filter.categories.size() || !filter.categories[category]) return false;
  }
  const InclusionProfile& profile = place.profile;
  if (filter.quiet && !PlaceHasFact(profile, PlaceFact::Quiet)) return false;
  if (filter.step_free && !PlaceHasFact(profile, PlaceFact::StepFree)) return false;
  if (filter.accessible_toilet && !PlaceHasFact(profile, PlaceFact::AccessibleToilet)) return false;
  if (filter.staff_understand && !PlaceHasFact(profile, PlaceFact::StaffUnderstand)) return false;
  return true;
}

std::vector<std::uint32_t> FilterPlaces(std::span<const PublicPlace> places, const MapFilter& filter) {
  std::vector<std::uint32_t> passing;
  passing.reserve(places.size());
  for (std::size_t i = 0; i < places.size(); ++i)
    if (PassesFilter(places[i], filter)) passing.push_back(static_cast<std::uint32_t>(i));
  return passing;
}

// [SECTION] Clusters

std::vector<WorldPoint> ProjectPlaces(std::span<const PublicPlace> places) {
  std::vector<WorldPoint> points;
  points.reserve(places.size());
  for (const PublicPlace& p : places) points.push_back(LatLonToWorld(p.place.lat, p.place.lon, 0.0));
  return points;
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::uint64_t CellKey(double x0, double y0, double cell0) {
  // Cells are at most 2^21 per side at zoom 19: they fit in 32 bits each, with room for
  // places a little beyond the antimeridian (not wrapped, see LatLonToWorld).
  const auto cx = static_cast<std::int32_t>(std::floor(x0 / cell0));
  const auto cy = static_cast<std::int32_t>(std::floor(y0 / cell0));
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32) | static_cast<std::uint32_t>(cy);
}

}  // namespace

void ClusterPlaces(std::span<const WorldPoint> world0, std::span<const std::uint32_t> which, double zoom,
                   MapClusters& out) {
  out.zoom = ClampZoom(zoom);
  out.grid_zoom = TileZoomFor(out.zoom);
  out.clusters.clear();
  out.members.clear();
  out.cluster_of.assign(which.size(), kNone);

  // An open-addressing table from grid cell to cluster, at most half full.
  const std::size_t table_size = std::bit_ceil(std::max<std::size_t>(16, which.size() * 2));
  const int shift = 64 - std::countr_zero(table_size);
  out.cell_keys.resize(table_size);
  out.cell_cluster.assign(table_size, kNone);

  const double cell0 = kClusterCellPx / std::exp2(out.grid_zoom);  // a cell's side on the zoom-0 world
  for (std::size_t k = 0; k < which.size(); ++k) {
    const std::uint32_t index = which[k];
    if (index >= world0.size()) continue;
    const WorldPoint p = world0[index];
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    const std::uint64_t key = CellKey(p.x, p.y, cell0);
    std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
    while (out.cell_cluster[slot] != kNone && out.cell_keys[slot] != key) slot = (slot + 1) & (table_size - 1);
    if (out.cell_cluster[slot] == kNone) {
      out.cell_keys[slot] = key;
      out.cell_cluster[slot] = static_cast<std::uint32_t>(out.clusters.size());
      out.clusters.push_back({});
    }
    const std::uint32_t c = out.cell_cluster[slot];
    MapCluster& cluster = out.clusters[c];
    cluster.centre.x += p.x;  // sums for now; means below
    cluster.centre.y += p.y;
    ++cluster.count;
    out.cluster_of[k] = c;
  }

  // Each cluster's members as one run of `members`: `first` starts at the end of its run
  // and counts down as members are placed from the back, so they keep their order.
  std::uint32_t end = 0;
  const double scale = std::exp2(out.zoom);
  for (MapCluster& cluster : out.clusters) {
    end += cluster.count;
    cluster.first = end;
    cluster.centre = {cluster.centre.x / cluster.count * scale, cluster.centre.y / cluster.count * scale};
  }
  out.members.resize(end);
  for (std::size_t k = which.size(); k-- > 0;) {
    const std::uint32_t c = out.cluster_of[k];
    if (c != kNone) out.members[--out.clusters[c].first] = which[k];
  }
}

// [SECTION] The list

std::vector<PlaceDistance> SortByDistance(std::span<const PublicPlace> places, std::span<const std::uint32_t> which,
                                          double lat, double lon) {
  std::vector<PlaceDistance> list;
  list.reserve(which.size());
  for (std::uint32_t index : which) {
    if (index >= places.size()) continue;
    const Place& place = places[index].place;
    list.push_back({index, DistanceMetres(lat, lon, place.lat, place.lon)});
  }
  std::sort(list.begin(), list.end(), [&places](const PlaceDistance& a, const PlaceDistance& b) {
    // NaN (a place or centre with no real position) sorts last.
    const bool a_nan = std::isnan(a.metres), b_nan = std::isnan(b.metres);
    if (a_nan != b_nan) return b_nan;
    if (!a_nan && a.metres != b.metres) return a.metres < b.metres;
    const Place& pa = places[a.index].place;
    const Place& pb = places[b.index].place;
    if (pa.name != pb.name) return pa.name < pb.name;
    if (pa.id != pb.id) return pa.id < pb.id;
    return a.index < b.index;
  });
  return list;
}

std::vector<PlaceDistance> PlacesWithin(std::span<const PublicPlace> places, double lat, double lon, double metres) {
  if (!std::isfinite(lat) || !std::isfinite(lon) || !(metres >= 0.0)) return {};
  // A degree of latitude is never shorter than 110 km, so a place further north or south
  // than this cannot be near; it spares the trigonometry for most of a city's places.
  constexpr double kMetresPerDegreeLatitude = 110000.0;  // metres, a little under the true least
  const double lat_reach = metres / kMetresPerDegreeLatitude;
  std::vector<std::uint32_t> near;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& place = places[i].place;
    if (place.status != PlaceStatus::Approved || !(std::fabs(place.lat - lat) <= lat_reach)) continue;
    if (DistanceMetres(lat, lon, place.lat, place.lon) <= metres) near.push_back(static_cast<std::uint32_t>(i));
  }
  return SortByDistance(places, near, lat, lon);
}

std::string DistanceText(double metres) {
  if (!std::isfinite(metres) || metres < 0.0) return "";
  char text[32];
  const double tens = std::max(10.0, std::round(metres / 10.0) * 10.0);
  if (tens < 1000.0)
    std::snprintf(text, sizeof(text), "%.0f m", tens);
  else if (metres < 9950.0)
    std::snprintf(text, sizeof(text), "%.1f km", metres / 1000.0);
  else
    std::snprintf(text, sizeof(text), "%.0f km", metres / 1000.0);
  return text;
}

}  // namespace core
