// The map's pictures: raster tiles fetched from a URL template, decoded by the platform and
// kept as GPU textures in a cache that forgets the least recently drawn ones first. The map
// screen asks for the tiles it needs each frame (Find); what is missing is fetched, a few
// at a time, nearest the middle first, and a failed tile is tried again later. Textures and
// fetching go through ports, so tests run it without a GPU or a network. The same cache
// fetches a few whole pictures by their address (a group session's QR code), through the
// same ports, so the platform has one way to get a picture. Start at TileCache.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/map_math.h"

// "/tiles/{z}/{x}/{y}.png" with the tile's numbers put in ({s} becomes "a", for templates
// of servers with several names).
std::string TileUrl(std::string_view url_template, const core::TileId& tile);

using TextureId = std::uintptr_t;  // what ImGui draws (an OpenGL texture name); 0 is none

struct TilePorts {
  std::function<void(int request_id, const std::string& url)> fetch;            // answer with Deliver
  std::function<TextureId(const std::uint8_t* rgba, int width, int height)> make_texture;  // 0 on failure
  std::function<void(TextureId)> free_texture;
};

struct DecodedTile {
  int request_id = 0;
  bool ok = false;
  int width = 0, height = 0;
  std::span<const std::uint8_t> rgba;  // width * height * 4
};

class TileCache {
 public:
  static constexpr std::size_t kDefaultCapacity = 160;  // textures: about 10 MB of 256-px tiles
  static constexpr int kMaxInFlight = 6;                // fetches at once (browsers allow 6 per host)
  static constexpr double kRetrySeconds = 15.0;         // after a failed fetch
  static constexpr double kGiveUpSeconds = 30.0;        // a fetch with no answer by then has failed
  static constexpr std::size_t kMaxPictures = 4;        // whole pictures kept (QR codes), beyond the tiles

  explicit TileCache(TilePorts ports, std::size_t capacity = kDefaultCapacity);
  ~TileCache();
  TileCache(const TileCache&) = delete;
  TileCache& operator=(const TileCache&) = delete;

  // A new template forgets every tile of the old one.
  void SetUrlTemplate(std::string url_template);
  const std::string& UrlTemplate() const { return url_template_; }

  // Once a frame, before Find: the clock (seconds) for retries and for "recently drawn".
  void BeginFrame(double now_seconds);

  // The tile's texture if it is here (and marks it drawn this frame). When it is not and
  // `fetch` is true, starts fetching it unless too many fetches are under way.
  TextureId Find(const core::TileId& tile, bool fetch);

  // True while the tile's last fetch failed (it may not exist: beyond the source's zooms).
  bool HasFailed(const core::TileId& tile) const;

  // A whole picture by its address ("/join-qr/KXM4P7.png"): its texture if it is here
  // (marked drawn this frame), else 0 and it is fetched (again after kRetrySeconds if its
  // last fetch failed). A new tile template keeps pictures; EndFrame keeps kMaxPictures.
  TextureId FindPicture(const std::string& url);

  // A fetch finished: makes the texture, or notes the failure for a later retry.
  void Deliver(const DecodedTile& answer);

  // After the frame: frees the least recently drawn textures beyond the capacity (never
  // one drawn this frame).
  void EndFrame();

  std::size_t TextureCount() const { return textures_; }
  int InFlight() const { return static_cast<int>(in_flight_.size()); }
  int Failures() const { return failures_; }  // fetches that failed since the template was set
  bool AnyLoaded() const { return textures_ > 0; }

 private:
  enum class State { Loading, Ready, Failed };
  struct Entry {
    State state = State::Loading;
    TextureId texture = 0;
    std::uint64_t last_drawn = 0;  // frame number
    double retry_at = 0.0;         // seconds, when Failed
  };
  void Forget(std::map<core::TileId, Entry>::iterator it);
  void ClearTiles();

  TilePorts ports_;
  std::size_t capacity_;
  std::string url_template_;
  std::map<core::TileId, Entry> entries_;
  std::map<std::string, Entry> pictures_;  // by address
  struct Flight {
    core::TileId tile;
    std::string picture;   // the picture's address; "" for a tile
    double started = 0.0;  // seconds
  };
  Entry* EntryOf(const Flight& flight);  // the tile's or picture's entry, or nullptr
  std::map<int, Flight> in_flight_;  // by request id
  int next_request_id_ = 1;
  std::uint64_t frame_ = 0;
  double now_ = 0.0;
  std::size_t textures_ = 0;
  int failures_ = 0;
};
