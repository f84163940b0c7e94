// Synthetic map tiles for tests, demos and offline workshops without a real map: calm,
// pale squares with a light grid and their own z/x/y written small, clearly not a map.
// Each tile is a PNG from png.h (included here for the tests that make their own).
// Used by `safespaces-admin make-tiles` and the tiles tests; start at MakeSyntheticTiles.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/map_math.h"
#include "core/validation.h"
#include "server/png.h"

namespace server {

// One 256 x 256 synthetic tile as a PNG.
std::string SyntheticTilePng(const core::TileId& tile);

// The tiles covering `area` at zooms min_zoom..max_zoom (clamped to 0..19), zoom by zoom,
// row by row.
std::vector<core::TileId> TilesOver(const core::ServiceArea& area, int min_zoom, int max_zoom);

struct TilesMade {
  int tiles = 0;
  std::uintmax_t file_bytes = 0;
};

// Writes a new MBTiles file at `path` (it must not exist) with synthetic tiles over `area`.
// Its metadata names it "Safe Spaces synthetic test tiles", attribution "Synthetic tiles,
// not a real map". False and `error` on failure.
bool MakeSyntheticTiles(const std::string& path, const core::ServiceArea& area, int min_zoom, int max_zoom,
                        TilesMade& made, std::string& error);

}  // namespace server
