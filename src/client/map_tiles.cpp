// This is the implementation of map_tiles.h: a map of tiles to entries (loading, ready with
// a texture, or failed until a retry time), a smaller one of whole pictures by address, and
// eviction of each by the frame it was last drawn.
#include "client/map_tiles.h"

#include <algorithm>
#include <vector>

std::string TileUrl(std::string_view url_template, const core::TileId& tile) {
  std::string url;
  url.reserve(url_template.size() + 16);
  for (std::size_t i = 0; i < url_template.size(); ++i) {
    const std::string_view rest = url_template.substr(i);
    if (rest.starts_with("{z}")) {
      url += std::to_string(tile.z);
    } else if (rest.starts_with("{x}")) {
      url += std::to_string(tile.x);
    } else if (rest.starts_with("{y}")) {
      url += std::to_string(tile.y);
    } else if (rest.starts_with("{s}")) {
      url += 'a';
    } else {
      url += url_template[i];
      continue;
    }
    i += 2;
  }
  return url;
}

TileCache::TileCache(TilePorts ports, std::size_t capacity) : ports_(std::move(ports)), capacity_(capacity) {}

TileCache::~TileCache() {
  ClearTiles();
  for (auto& [url, entry] : pictures_)
    if (entry.texture != 0 && ports_.free_texture) ports_.free_texture(entry.texture);
}

void TileCache::SetUrlTemplate(std::string url_template) {
  if (url_template == url_template_) return;
  ClearTiles();
  url_template_ = std::move(url_template);
}

void TileCache::ClearTiles() {
  for (auto& [tile, entry] : entries_)
    if (entry.texture != 0 && ports_.free_texture) ports_.free_texture(entry.texture);
  entries_.clear();
  // Answers still on their way for the old tiles are ignored when they come.
  std::erase_if(in_flight_, [](const auto& flight) { return flight.second.picture.empty(); });
  textures_ = 0;
  failures_ = 0;
}

TileCache::Entry* TileCache::EntryOf(const Flight& flight) {
  if (!flight.picture.empty()) {
    auto it = pictures_.find(flight.picture);
    return it == pictures_.end() ? nullptr : &it->second;
  }
  auto it = entries_.find(flight.tile);
  return it == entries_.end() ? nullptr : &it->second;
}

void TileCache::BeginFrame(double now_seconds) {
  now_ = now_seconds;
  ++frame_;
  // A fetch that never answers (a stalled connection) must not hold its place for ever.
  for (auto it = in_flight_.begin(); it != in_flight_.end();) {
    if (now_ - it->second.started < kGiveUpSeconds) {
      ++it;
      continue;
    }
    if (Entry* entry = EntryOf(it->second); entry && entry->state == State::Loading) {
      entry->state = State::Failed;
      entry->retry_at = now_ + kRetrySeconds;
      if (it->second.picture.empty()) ++failures_;
    }
    it = in_flight_.erase(it);
  }
}

TextureId TileCache::Find(const core::TileId& tile, bool fetch) {
  auto it = entries_.find(tile);
  if (it != entries_.end()) {
    Entry& entry = it->second;
    if (entry.state == State::Ready) {
      entry.last_drawn = frame_;
      return entry.texture;
    }
    if (entry.state == State::Loading || !fetch || now_ < entry.retry_at) return 0;
  }
  if (!fetch || url_template_.empty() || !core::IsValidTile(tile) || InFlight() >= kMaxInFlight) return 0;
  const int id = next_request_id_++;
  Entry& entry = entries_[tile];
  entry.state = State::Loading;
  entry.last_drawn = frame_;
  in_flight_[id] = {tile, {}, now_};
  ports_.fetch(id, TileUrl(url_template_, tile));
  return 0;
}

TextureId TileCache::FindPicture(const std::string& url) {
  auto it = pictures_.find(url);
  if (it != pictures_.end()) {
    Entry& entry = it->second;
    entry.last_drawn = frame_;
    if (entry.state == State::Ready) return entry.texture;
    if (entry.state == State::Loading || now_ < entry.retry_at) return 0;
  }
  if (url.empty() || InFlight() >= kMaxInFlight) return 0;
  const int id = next_request_id_++;
  Entry& entry = pictures_[url];
  entry.state = State::Loading;
  entry.last_drawn = frame_;
  in_flight_[id] = {{}, url, now_};
  ports_.fetch(id, url);
  return 0;
}

bool TileCache::HasFailed(const core::TileId& tile) const {
  auto it = entries_.find(tile);
  return it != entries_.end() && it->second.state == State::Failed;
}

void TileCache::Deliver(const DecodedTile& answer) {
  auto flight = in_flight_.find(answer.request_id);
  if (flight == in_flight_.end()) return;  // for a template no longer used
  const Flight done = std::move(flight->second);
  in_flight_.erase(flight);
  Entry* found = EntryOf(done);
  if (!found) return;
  Entry& entry = *found;
  const bool tile = done.picture.empty();  // the tiles' counts leave pictures out
  const bool sized = answer.width > 0 && answer.height > 0 &&
                     answer.rgba.size() == static_cast<std::size_t>(answer.width) * answer.height * 4;
  entry.texture = answer.ok && sized ? ports_.make_texture(answer.rgba.data(), answer.width, answer.height) : 0;
  if (entry.texture != 0) {
    entry.state = State::Ready;
    if (tile) ++textures_;
  } else {
    entry.state = State::Failed;
    entry.retry_at = now_ + kRetrySeconds;
    if (tile) ++failures_;
  }
}

void TileCache::Forget(std::map<core::TileId, Entry>::iterator it) {
  if (it->second.texture != 0) {
    if (ports_.free_texture) ports_.free_texture(it->second.texture);
    --textures_;
  }
  entries_.erase(it);
}

void TileCache::EndFrame() {
  // Pictures: the least recently drawn beyond kMaxPictures go (never one on its way).
  while (pictures_.size() > kMaxPictures) {
    auto oldest = pictures_.end();
    for (auto it = pictures_.begin(); it != pictures_.end(); ++it)
      if (it->second.state != State::Loading && it->second.last_drawn != frame_ &&
          (oldest == pictures_.end() || it->second.last_drawn < oldest->second.last_drawn))
        oldest = it;
    if (oldest == pictures_.end()) break;
    if (oldest->second.texture != 0 && ports_.free_texture) ports_.free_texture(oldest->second.texture);
    pictures_.erase(oldest);
  }
  if (textures_ <= capacity_) return;
  // Least recently drawn first; a tile drawn this frame is on screen and stays.
  std::vector<std::pair<std::uint64_t, core::TileId>> ready;
  for (const auto& [tile, entry] : entries_)
    if (entry.state == State::Ready && entry.last_drawn != frame_) ready.emplace_back(entry.last_drawn, tile);
  std::sort(ready.begin(), ready.end());
  for (const auto& [drawn, tile] : ready) {
    if (textures_ <= capacity_) break;
    Forget(entries_.find(tile));
  }
}
