// GET /tiles/{z}/{x}/{y}.png: map tiles from the MBTiles file given with --tiles, for offline
// workshops and tests. Each answer's status is decided here: 200 with the PNG (cached a
// day, with an ETag), 304, 404 (no such tile, or no --tiles), 400 (z/x/y not whole numbers
// in range). Never a 5xx for anything a client sends. Reading: store/mbtiles.h.
#pragma once
#include <httplib.h>

#include "store/mbtiles.h"

namespace server {

inline constexpr const char* kTileCacheControl = "public, max-age=86400";        // tiles change rarely
inline constexpr const char* kMissingTileCacheControl = "public, max-age=3600";  // nor do gaps

// `tiles` is null when the server was started without --tiles. The path's three parts are
// req.matches[1..3] (the route's regex captures them).
void ServeTile(const store::MbTilesReader* tiles, const httplib::Request& req, httplib::Response& res);

}  // namespace server
