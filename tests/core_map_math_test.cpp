// Tests of core/map_math: known tiles for known places (OpenStreetMap's documented example,
// London and Coventry by the standard formula), round trips between lat/lon and world
// pixels, the tiles covering a view, parents while a child loads, and the edges (poles,
// antimeridian, NaN). Start at "known tiles".
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>

#include "core/map_math.h"

namespace {

using core::TileId;

constexpr double kLondonLat = 51.5074, kLondonLon = -0.1278;      // Charing Cross
constexpr double kCoventryLat = 52.4081, kCoventryLon = -1.5107;  // Central Library

TEST_CASE("known tiles for known coordinates") {
  // lat/lon 0,0 at zoom 0 is the one tile of the world.
  CHECK(core::TileAt(0.0, 0.0, 0) == TileId{0, 0, 0});
  // OpenStreetMap's wiki example https://tile.openstreetmap.org/7/63/42.png shows London.
  CHECK(core::TileAt(kLondonLat, kLondonLon, 7) == TileId{7, 63, 42});
  // The standard formula (computed independently, in Python) at zooms 12 to 16.
  CHECK(core::TileAt(kLondonLat, kLondonLon, 12) == TileId{12, 2046, 1362});
  CHECK(core::TileAt(kLondonLat, kLondonLon, 13) == TileId{13, 4093, 2724});
  CHECK(core::TileAt(kLondonLat, kLondonLon, 14) == TileId{14, 8186, 5448});
  CHECK(core::TileAt(kLondonLat, kLondonLon, 15) == TileId{15, 16372, 10896});
  CHECK(core::TileAt(kLondonLat, kLondonLon, 16) == TileId{16, 32744, 21792});
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 12) == TileId{12, 2030, 1345});
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 13) == TileId{13, 4061, 2690});
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 14) == TileId{14, 8123, 5381});
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 15) == TileId{15, 16246, 10763});
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 16) == TileId{16, 32492, 21526});
  // The four quarters of the world at zoom 1.
  CHECK(core::TileAt(45.0, -90.0, 1) == TileId{1, 0, 0});
  CHECK(core::TileAt(45.0, 90.0, 1) == TileId{1, 1, 0});
  CHECK(core::TileAt(-45.0, -90.0, 1) == TileId{1, 0, 1});
  CHECK(core::TileAt(-45.0, 90.0, 1) == TileId{1, 1, 1});
}

TEST_CASE("world pixels: the centre, the corners and the world's size") {
  CHECK(core::WorldSize(0) == 256.0);
  CHECK(core::WorldSize(19) == 256.0 * 524288.0);
  CHECK(core::WorldSize(1.5) == Approx(256.0 * std::sqrt(8.0)));
  const core::WorldPoint centre = core::LatLonToWorld(0.0, 0.0, 0);
  CHECK(centre.x == Approx(128.0));
  CHECK(centre.y == Approx(128.0));
  const core::WorldPoint north_west = core::LatLonToWorld(core::kMaxLatitude, -180.0, 3);
  CHECK(north_west.x == Approx(0.0).margin(1e-9));
  CHECK(north_west.y == Approx(0.0).margin(1e-6));
  const core::WorldPoint south_east = core::LatLonToWorld(-core::kMaxLatitude, 180.0, 3);
  CHECK(south_east.x == Approx(2048.0));
  CHECK(south_east.y == Approx(2048.0));
}

TEST_CASE("lat/lon to world pixels and back is the identity, at every zoom") {
  const double lats[] = {0.0, 52.4081, -33.8688, 85.0, -85.0, 1e-9};
  const double lons[] = {0.0, -1.5107, 151.2093, -179.999, 179.999};
  for (int z = 0; z <= core::kMaxZoom; ++z) {
    for (double lat : lats) {
      for (double lon : lons) {
        const core::LatLon back = core::WorldToLatLon(core::LatLonToWorld(lat, lon, z), z);
        CHECK(back.lat == Approx(lat).margin(1e-9));
        CHECK(back.lon == Approx(lon).margin(1e-9));
      }
    }
  }
  // Fractional zoom too (pinching).
  const core::LatLon back = core::WorldToLatLon(core::LatLonToWorld(kCoventryLat, kCoventryLon, 13.37), 13.37);
  CHECK(back.lat == Approx(kCoventryLat).margin(1e-9));
  CHECK(back.lon == Approx(kCoventryLon).margin(1e-9));
}

TEST_CASE("a tile's bounds hold the points that give that tile") {
  for (int z : {0, 5, 12, 16, 19}) {
    const TileId tile = core::TileAt(kCoventryLat, kCoventryLon, z);
    const core::LatLonBounds bounds = core::TileBounds(tile);
    CHECK(bounds.north > bounds.south);
    CHECK(bounds.east > bounds.west);
    CHECK(kCoventryLat <= bounds.north);
    CHECK(kCoventryLat >= bounds.south);
    CHECK(kCoventryLon >= bounds.west);
    CHECK(kCoventryLon <= bounds.east);
    // Just inside each corner is the same tile.
    const double dlat = (bounds.north - bounds.south) * 1e-6, dlon = (bounds.east - bounds.west) * 1e-6;
    CHECK(core::TileAt(bounds.north - dlat, bounds.west + dlon, z) == tile);
    CHECK(core::TileAt(bounds.south + dlat, bounds.east - dlon, z) == tile);
  }
  const core::LatLonBounds world = core::TileBounds({0, 0, 0});
  CHECK(world.north == Approx(core::kMaxLatitude));
  CHECK(world.south == Approx(-core::kMaxLatitude));
  CHECK(world.west == -180.0);
  CHECK(world.east == 180.0);
  // Zoom 1's north-west quarter ends at the equator and Greenwich.
  const core::LatLonBounds quarter = core::TileBounds({1, 0, 0});
  CHECK(quarter.south == Approx(0.0).margin(1e-12));
  CHECK(quarter.east == Approx(0.0).margin(1e-12));
}

TEST_CASE("edges: poles clamped, the antimeridian wraps, zoom clamped, NaN is harmless") {
  CHECK(core::ClampLatitude(90.0) == core::kMaxLatitude);
  CHECK(core::ClampLatitude(-90.0) == -core::kMaxLatitude);
  CHECK(core::ClampLatitude(std::nan("")) == 0.0);
  CHECK(core::kMaxLatitude == Approx(85.0511).margin(1e-4));
  // A pole is the edge row, never past it.
  CHECK(core::TileAt(90.0, 0.0, 4) == TileId{4, 8, 0});
  CHECK(core::TileAt(-90.0, 0.0, 4) == TileId{4, 8, 15});
  CHECK(core::LatLonToWorld(90.0, 0.0, 4).y == Approx(0.0).margin(1e-6));
  // Longitude 180 and -180 are the same meridian; beyond it wraps round.
  CHECK(core::TileAt(0.0, 180.0, 3) == TileId{3, 0, 4});
  CHECK(core::TileAt(0.0, -180.0, 3) == TileId{3, 0, 4});
  CHECK(core::TileAt(0.0, 179.9999, 3).x == 7);
  CHECK(core::TileAt(0.0, -180.0001, 3).x == 7);
  CHECK(core::TileAt(0.0, 190.0, 3) == core::TileAt(0.0, -170.0, 3));
  // Zoom.
  CHECK(core::ClampZoom(-1.0) == 0.0);
  CHECK(core::ClampZoom(25.0) == 19.0);
  CHECK(core::ClampZoom(12.4) == 12.4);
  CHECK(core::ClampZoom(std::nan("")) == 0.0);
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, 30).z == 19);
  CHECK(core::TileAt(kCoventryLat, kCoventryLon, -3) == TileId{0, 0, 0});
  CHECK(core::TileZoomFor(12.49) == 12);
  CHECK(core::TileZoomFor(12.5) == 13);
  CHECK(core::TileZoomFor(99.0) == 19);
  // NaN never gives an invalid tile.
  CHECK(core::IsValidTile(core::TileAt(std::nan(""), std::nan(""), 10)));
  CHECK(core::IsValidTile(core::TileAt(0.0, std::numeric_limits<double>::infinity(), 10)));
}

TEST_CASE("valid tiles") {
  CHECK(core::IsValidTile({0, 0, 0}));
  CHECK_FALSE(core::IsValidTile({0, 1, 0}));
  CHECK(core::IsValidTile({19, 524287, 524287}));
  CHECK_FALSE(core::IsValidTile({19, 524288, 0}));
  CHECK_FALSE(core::IsValidTile({20, 0, 0}));
  CHECK_FALSE(core::IsValidTile({-1, 0, 0}));
  CHECK_FALSE(core::IsValidTile({3, -1, 0}));
  CHECK(core::TilesPerSide(12) == 4096);
}

TEST_CASE("the tiles covering a view") {
  SECTION("a phone over Coventry at a whole zoom") {
    const core::Viewport view{kCoventryLat, kCoventryLon, 15.0, 390.0, 844.0};
    const std::vector<core::CoveringTile> tiles = core::TilesCovering(view);
    REQUIRE_FALSE(tiles.empty());
    // Nearest the centre first: the tile under the centre.
    CHECK(tiles.front().tile == core::TileAt(kCoventryLat, kCoventryLon, 15));
    std::set<TileId> unique;
    for (const core::CoveringTile& t : tiles) {
      CHECK(t.tile.z == 15);
      CHECK(t.size == 256.0);
      // Each overlaps the view.
      CHECK(t.left < 390.0);
      CHECK(t.left + t.size > 0.0);
      CHECK(t.top < 844.0);
      CHECK(t.top + t.size > 0.0);
      unique.insert(t.tile);
    }
    CHECK(unique.size() == tiles.size());
    // 390 px wide needs 2 or 3 columns; 844 px high needs 4 or 5 rows.
    CHECK(tiles.size() >= 8);
    CHECK(tiles.size() <= 15);
    // The centre of the view lies on the first tile where the formula says.
    const core::WorldPoint centre = core::LatLonToWorld(kCoventryLat, kCoventryLon, 15);
    CHECK(tiles.front().left + (centre.x - tiles.front().tile.x * 256.0) == Approx(195.0));
    CHECK(tiles.front().top + (centre.y - tiles.front().tile.y * 256.0) == Approx(422.0));
  }
  SECTION("pinching between zooms draws the nearest zoom's tiles, scaled") {
    const std::vector<core::CoveringTile> tiles = core::TilesCovering({kCoventryLat, kCoventryLon, 14.3, 820, 1180});
    REQUIRE_FALSE(tiles.empty());
    CHECK(tiles.front().tile.z == 14);
    CHECK(tiles.front().size == Approx(256.0 * std::exp2(0.3)));
    const std::vector<core::CoveringTile> more = core::TilesCovering({kCoventryLat, kCoventryLon, 14.6, 820, 1180});
    CHECK(more.front().tile.z == 15);
    CHECK(more.front().size == Approx(256.0 * std::exp2(-0.4)));
  }
  SECTION("the whole world at zoom 0, repeated across the antimeridian") {
    const std::vector<core::CoveringTile> tiles = core::TilesCovering({0.0, 0.0, 0.0, 800.0, 200.0});
    REQUIRE(tiles.size() == 5);  // columns -2..2 of a one-column world
    for (const core::CoveringTile& t : tiles) CHECK(t.tile == TileId{0, 0, 0});
  }
  SECTION("across the antimeridian at zoom 3") {
    const std::vector<core::CoveringTile> tiles = core::TilesCovering({0.0, 180.0, 3.0, 300.0, 100.0});
    std::set<int> columns;
    for (const core::CoveringTile& t : tiles) {
      CHECK(core::IsValidTile(t.tile));
      columns.insert(t.tile.x);
    }
    CHECK(columns == std::set<int>{7, 0});
  }
  SECTION("near a pole, rows beyond the world are left out") {
    const std::vector<core::CoveringTile> tiles = core::TilesCovering({89.0, 0.0, 2.0, 256.0, 1024.0});
    for (const core::CoveringTile& t : tiles) CHECK(core::IsValidTile(t.tile));
    CHECK_FALSE(tiles.empty());
  }
  SECTION("empty, NaN and huge views") {
    CHECK(core::TilesCovering({0, 0, 3, 0, 100}).empty());
    CHECK(core::TilesCovering({0, 0, 3, -5, 100}).empty());
    CHECK(core::TilesCovering({std::nan(""), 0, 3, 100, 100}).empty());
    CHECK(core::TilesCovering({0, 0, std::nan(""), 100, 100}).empty());
    const std::vector<core::CoveringTile> huge = core::TilesCovering({0, 0, 19, 1e12, 1e12});
    CHECK(huge.size() <= 66u * 66u);  // clamped to kMaxViewportPx a side
  }
}

TEST_CASE("a view's edges, and the view that fits an area") {
  const core::Viewport view{kCoventryLat, kCoventryLon, 14.0, 800.0, 600.0};
  const core::LatLonBounds shown = core::ViewportBounds(view);
  CHECK(shown.south < kCoventryLat);
  CHECK(shown.north > kCoventryLat);
  CHECK(shown.west < kCoventryLon);
  CHECK(shown.east > kCoventryLon);
  // 800 px at zoom 14 is 800 / (256 * 2^14) of the world's 360 degrees.
  CHECK(shown.east - shown.west == Approx(800.0 / (256.0 * std::exp2(14.0)) * 360.0));
  // The corners are where the view's edges are.
  const core::WorldPoint north_west = core::LatLonToWorld(shown.north, shown.west, 14.0);
  const core::WorldPoint centre = core::LatLonToWorld(kCoventryLat, kCoventryLon, 14.0);
  CHECK(centre.x - north_west.x == Approx(400.0));
  CHECK(centre.y - north_west.y == Approx(300.0));

  // What a view shows, fitted into the same size again, comes back at the same zoom.
  const core::Viewport fitted = core::FitBounds(shown, 800.0, 600.0, 19.0);
  CHECK(fitted.zoom == 14.0);
  CHECK(fitted.center_lat == Approx(kCoventryLat));
  CHECK(fitted.center_lon == Approx(kCoventryLon));
  // A smaller screen needs one zoom further out; a cap is respected; edges in any order.
  CHECK(core::FitBounds(shown, 500.0, 400.0, 19.0).zoom == 13.0);
  CHECK(core::FitBounds(shown, 800.0, 600.0, 12.0).zoom == 12.0);
  const core::LatLonBounds flipped{shown.north, shown.east, shown.south, shown.west};
  CHECK(core::FitBounds(flipped, 800.0, 600.0, 19.0).zoom == 14.0);
  // A point is not an area: the deepest zoom allowed.
  CHECK(core::FitBounds({kCoventryLat, kCoventryLon, kCoventryLat, kCoventryLon}, 800.0, 600.0, 17.0).zoom == 17.0);
}

TEST_CASE("parents and the part of a parent to draw while a child loads") {
  const TileId child{15, 16246, 10763};
  CHECK(core::ParentTile(child) == TileId{14, 8123, 5381});
  CHECK(core::AncestorTile(child, 0) == child);
  CHECK(core::AncestorTile(child, 3) == TileId{12, 2030, 1345});
  CHECK(core::AncestorTile(child, 15) == TileId{0, 0, 0});
  CHECK_FALSE(core::AncestorTile(child, 16));
  CHECK_FALSE(core::AncestorTile(child, -1));
  CHECK_FALSE(core::ParentTile({0, 0, 0}));
  CHECK_FALSE(core::ParentTile({3, 9, 0}));  // not a tile

  // 16246 is even and 10763 odd: the child is the parent's bottom-left quarter.
  const std::optional<core::TileRect> quarter = core::SubRectInAncestor(child, *core::ParentTile(child));
  REQUIRE(quarter);
  CHECK(quarter->u0 == 0.0);
  CHECK(quarter->v0 == 0.5);
  CHECK(quarter->u1 == 0.5);
  CHECK(quarter->v1 == 1.0);
  // Three levels up: an eighth of the side. 16246 = 2030*8 + 6, 10763 = 1345*8 + 3.
  const std::optional<core::TileRect> eighth = core::SubRectInAncestor(child, {12, 2030, 1345});
  REQUIRE(eighth);
  CHECK(eighth->u0 == 6.0 / 8.0);
  CHECK(eighth->u1 == 7.0 / 8.0);
  CHECK(eighth->v0 == 3.0 / 8.0);
  CHECK(eighth->v1 == 4.0 / 8.0);
  // Itself: the whole image. Not an ancestor: nothing.
  const std::optional<core::TileRect> whole = core::SubRectInAncestor(child, child);
  REQUIRE(whole);
  CHECK((whole->u0 == 0.0 && whole->v0 == 0.0 && whole->u1 == 1.0 && whole->v1 == 1.0));
  CHECK_FALSE(core::SubRectInAncestor(child, {14, 8124, 5381}));
  CHECK_FALSE(core::SubRectInAncestor({14, 8123, 5381}, child));  // a child is no ancestor
}

TEST_CASE("haversine distance in metres") {
  CHECK(core::DistanceMetres(kCoventryLat, kCoventryLon, kCoventryLat, kCoventryLon) == 0.0);
  // One degree of longitude on the equator: 2 * pi * R / 360.
  CHECK(core::DistanceMetres(0, 0, 0, 1) == Approx(111195.08).epsilon(1e-6));
  // London to Coventry, by the same formula in Python: 137,873 m (the real road is longer).
  CHECK(core::DistanceMetres(kLondonLat, kLondonLon, kCoventryLat, kCoventryLon) == Approx(137872.84).epsilon(1e-6));
  // Symmetric, and fine across the antimeridian.
  CHECK(core::DistanceMetres(kCoventryLat, kCoventryLon, kLondonLat, kLondonLon) ==
        Approx(core::DistanceMetres(kLondonLat, kLondonLon, kCoventryLat, kCoventryLon)));
  CHECK(core::DistanceMetres(0, 179.5, 0, -179.5) == Approx(111195.08).epsilon(1e-6));
  // Half way round the world.
  CHECK(core::DistanceMetres(0, 0, 0, 180) == Approx(core::kEarthRadiusMetres * 3.14159265358979).epsilon(1e-9));
  CHECK(std::isnan(core::DistanceMetres(std::nan(""), 0, 0, 0)));
}

}  // namespace
