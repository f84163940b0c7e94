// This is the implementation of synthetic_tiles.h: a tiny pixel font, drawing one tile,
// and filling an MBTiles file. Sections: [SECTION] Drawing, [SECTION] MBTiles.
#include "server/synthetic_tiles.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string_view>

#include "store/mbtiles.h"

namespace server {
namespace {

constexpr int kTilePx = 256;
constexpr int kGridPx = 32;     // px between the light grid lines
constexpr int kGlyphScale = 2;  // px per font dot: 3x5 dots become 6x10 px
constexpr int kTextMarginPx = 8;

struct Rgb {
  std::uint8_t r, g, b;
};
constexpr Rgb kBackground{0xF3, 0xF0, 0xE8};  // pale warm paper
constexpr Rgb kGrid{0xE6, 0xE1, 0xD6};        // a little darker, easy to miss
constexpr Rgb kEdge{0xD2, 0xCB, 0xBC};        // where one tile meets the next
constexpr Rgb kText{0x8C, 0x85, 0x77};        // soft grey-brown: readable, not loud

}  // namespace

// [SECTION] Drawing

namespace {

// 3 x 5 dots per character, one row of 3 bits (left dot highest) per entry.
struct Glyph {
  char c;
  std::array<std::uint8_t, 5> rows;
};
constexpr std::array kFont = {
    Glyph{'0', {7, 5, 5, 5, 7}}, Glyph{'1', {2, 6, 2, 2, 7}}, Glyph{'2', {7, 1, 7, 4, 7}}, Glyph{'3', {7, 1, 7, 1, 7}},
    Glyph{'4', {5, 5, 7, 1, 1}}, Glyph{'5', {7, 4, 7, 1, 7}}, Glyph{'6', {7, 4, 7, 5, 7}}, Glyph{'7', {7, 1, 2, 2, 2}},
    Glyph{'8', {7, 5, 7, 5, 7}}, Glyph{'9', {7, 5, 7, 1, 7}}, Glyph{'/', {1, 1, 2, 4, 4}}, Glyph{'-', {0, 0, 7, 0, 0}},
    Glyph{'A', {2, 5, 7, 5, 5}}, Glyph{'C', {3, 4, 4, 4, 3}}, Glyph{'E', {7, 4, 6, 4, 7}}, Glyph{'H', {5, 5, 7, 5, 5}},
    Glyph{'I', {7, 2, 2, 2, 7}}, Glyph{'M', {5, 7, 7, 5, 5}}, Glyph{'N', {6, 5, 5, 5, 5}}, Glyph{'O', {2, 5, 5, 5, 2}},
    Glyph{'P', {6, 5, 6, 4, 4}}, Glyph{'S', {3, 4, 2, 1, 6}}, Glyph{'T', {7, 2, 2, 2, 2}}, Glyph{'Y', {5, 5, 2, 2, 2}},
};

class Canvas {
 public:
  Canvas() : pixels_(static_cast<std::size_t>(kTilePx) * kTilePx * 3) {}
  void Set(int x, int y, Rgb colour) {
    if (x < 0 || y < 0 || x >= kTilePx || y >= kTilePx) return;
    std::uint8_t* p = &pixels_[(static_cast<std::size_t>(y) * kTilePx + x) * 3];
    p[0] = colour.r;
    p[1] = colour.g;
    p[2] = colour.b;
  }
  void Text(int left, int top, std::string_view text, Rgb colour) {
    for (char c : text) {
      for (const Glyph& glyph : kFont) {
        if (glyph.c != c) continue;
        for (int row = 0; row < 5; ++row)
          for (int col = 0; col < 3; ++col)
            if (glyph.rows[row] & (4 >> col))
              for (int dy = 0; dy < kGlyphScale; ++dy)
                for (int dx = 0; dx < kGlyphScale; ++dx)
                  Set(left + col * kGlyphScale + dx, top + row * kGlyphScale + dy, colour);
      }
      left += 4 * kGlyphScale;  // 3 dots and a gap; unknown characters leave a space
    }
  }
  const std::vector<std::uint8_t>& Pixels() const { return pixels_; }

 private:
  std::vector<std::uint8_t> pixels_;
};

}  // namespace

std::string SyntheticTilePng(const core::TileId& tile) {
  Canvas canvas;
  for (int y = 0; y < kTilePx; ++y) {
    for (int x = 0; x < kTilePx; ++x) {
      const bool edge = x == 0 || y == 0;  // the right and bottom edges are the next tile's
      const bool grid = x % kGridPx == 0 || y % kGridPx == 0;
      canvas.Set(x, y, edge ? kEdge : grid ? kGrid : kBackground);
    }
  }
  const std::string address = std::to_string(tile.z) + "/" + std::to_string(tile.x) + "/" + std::to_string(tile.y);
  canvas.Text(kTextMarginPx, kTextMarginPx, address, kText);
  canvas.Text(kTextMarginPx, kTilePx - kTextMarginPx - 5 * kGlyphScale, "SYNTHETIC - NOT A MAP", kText);
  return EncodePng(kTilePx, kTilePx, canvas.Pixels());
}

// [SECTION] MBTiles

std::vector<core::TileId> TilesOver(const core::ServiceArea& area, int min_zoom, int max_zoom) {
  std::vector<core::TileId> tiles;
  min_zoom = std::clamp(min_zoom, core::kMinZoom, core::kMaxZoom);
  max_zoom = std::clamp(max_zoom, core::kMinZoom, core::kMaxZoom);
  for (int z = min_zoom; z <= max_zoom; ++z) {
    const core::TileId north_west = core::TileAt(area.north, area.west, z);
    const core::TileId south_east = core::TileAt(area.south, area.east, z);
    for (int y = north_west.y; y <= south_east.y; ++y)
      for (int x = north_west.x; x <= south_east.x; ++x) tiles.push_back({z, x, y});
  }
  return tiles;
}

bool MakeSyntheticTiles(const std::string& path, const core::ServiceArea& area, int min_zoom, int max_zoom,
                        TilesMade& made, std::string& error) {
  if (min_zoom > max_zoom) {
    error = "The smallest zoom must not be more than the largest.";
    return false;
  }
  const std::vector<core::TileId> tiles = TilesOver(area, min_zoom, max_zoom);
  char bounds[128], centre[128];
  std::snprintf(bounds, sizeof(bounds), "%.6f,%.6f,%.6f,%.6f", area.west, area.south, area.east, area.north);
  std::snprintf(centre, sizeof(centre), "%.6f,%.6f,%d", (area.west + area.east) / 2, (area.south + area.north) / 2,
                std::clamp((min_zoom + max_zoom) / 2, core::kMinZoom, core::kMaxZoom));
  const std::map<std::string, std::string> metadata = {
      {"name", "Safe Spaces synthetic test tiles"},
      {"attribution", "Synthetic tiles, not a real map"},
      {"description",
       "Made by safespaces-admin make-tiles for tests, demos and workshops: pale squares with a light grid and "
       "each tile's z/x/y. There is no map data in it."},
      {"format", "png"},
      {"type", "baselayer"},
      {"version", "1"},
      {"bounds", bounds},
      {"center", centre},
      {"minzoom", std::to_string(std::clamp(min_zoom, core::kMinZoom, core::kMaxZoom))},
      {"maxzoom", std::to_string(std::clamp(max_zoom, core::kMinZoom, core::kMaxZoom))},
  };
  std::unique_ptr<store::MbTilesWriter> writer = store::MbTilesWriter::Create(path, metadata, error);
  if (!writer) return false;
  auto give_up = [&](std::string why) {
    error = std::move(why);
    writer.reset();  // rolls back and closes, then the half-made file goes
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return false;
  };
  for (const core::TileId& tile : tiles) {
    const std::string png = SyntheticTilePng(tile);
    if (png.empty()) return give_up("Could not make a PNG image.");
    if (!writer->Put(tile.z, tile.x, tile.y, png)) return give_up(writer->Error());
  }
  if (!writer->Finish()) return give_up(writer->Error());
  writer.reset();  // closed, so the size below is the whole file
  made.tiles = static_cast<int>(tiles.size());
  std::error_code ec;
  made.file_bytes = std::filesystem::file_size(path, ec);
  return true;
}

}  // namespace server
