// This is the implementation of tiles.h: checking z/x/y, reading the tile, and the
// caching headers.
#include "server/tiles.h"

#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/map_math.h"
#include "server/log.h"
#include "server/responses.h"
#include "server/web_files.h"

namespace server {
namespace {

constexpr std::size_t kMaxDigits = 7;  // 2^19 - 1 = 524287 has 6; more is never a tile

// Digits only (no sign, no space), within 0..limit.
std::optional<std::int64_t> ParseIndex(std::string_view text, std::int64_t limit) {
  if (text.empty() || text.size() > kMaxDigits) return std::nullopt;
  std::int64_t value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > limit) return std::nullopt;
  return value;
}

void Refuse(httplib::Response& res, int status, std::string text) {
  res.status = status;
  SendText(res, std::move(text));
}

}  // namespace

void ServeTile(const store::MbTilesReader* tiles, const httplib::Request& req, httplib::Response& res) {
  if (!tiles) return Refuse(res, 404, "This server has no map tiles.\n");
  if (req.matches.size() != 4) return Refuse(res, 400, "A tile address is /tiles/{z}/{x}/{y}.png.\n");
  const std::optional<std::int64_t> z = ParseIndex(req.matches[1].str(), core::kMaxZoom);
  if (!z) return Refuse(res, 400, "The zoom in a tile address is a whole number from 0 to 19.\n");
  const std::int64_t last = (std::int64_t{1} << *z) - 1;
  const std::optional<std::int64_t> x = ParseIndex(req.matches[2].str(), last);
  const std::optional<std::int64_t> y = ParseIndex(req.matches[3].str(), last);
  if (!x || !y)
    return Refuse(
        res, 400,
        "At zoom " + std::to_string(*z) + ", x and y are whole numbers from 0 to " + std::to_string(last) + ".\n");

  store::MbTilesReader::TileResult tile = tiles->Tile(static_cast<int>(*z), *x, *y);
  if (tile.found == store::MbTilesReader::Found::Error) {
    // The file is ours to look after, not the client's fault: say so in the log, and
    // answer as for a missing tile, so the map simply shows its background there.
    LogLine("error: map tile " + req.matches[1].str() + "/" + req.matches[2].str() + "/" + req.matches[3].str() + ": " +
            tile.error);
    res.set_header("Cache-Control", "no-store");
    return Refuse(res, 404, "No map tile here.\n");
  }
  if (tile.found == store::MbTilesReader::Found::Missing) {
    res.set_header("Cache-Control", kMissingTileCacheControl);
    return Refuse(res, 404, "No map tile here.\n");
  }

  const std::string etag = EtagFor(tile.bytes);
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", kTileCacheControl);
  if (EtagListMatches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  if (!req.ranges.empty() && !IsOneRangeInside(req.ranges, tile.bytes.size())) {
    res.status = 416;
    res.set_header("Content-Range", "bytes */" + std::to_string(tile.bytes.size()));
    return;
  }
  const bool ranged = !req.ranges.empty();
  SendBytes(res, std::make_shared<const std::string>(std::move(tile.bytes)), "image/png");
  if (!ranged) res.status = 200;
}

}  // namespace server
