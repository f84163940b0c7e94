// Tests of the desktop platform's map pictures and "where I am" (platform_native.cpp): tiles
// fetched from a real server in this process (InProcessServer with a small MBTiles file), by
// path and by absolute address, decoded to RGBA; broken, too big and missing pictures answer
// not ok without harm; $SAFESPACES_FAKE_LOCATION. The browser's side is in the map's browser
// test. Start at TileServer.
#include <stdlib.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/map_math.h"
#include "in_process_server.h"
#include "platform/platform.h"
#include "server/options.h"
#include "server/synthetic_tiles.h"
#include "store/mbtiles.h"
#include "test_temp_dir.h"

namespace {

using namespace std::chrono_literals;

const core::TileId kCoventry12{12, 2030, 1345};  // a real synthetic tile
const std::string kCoventryPath = "/tiles/12/2030/1345.png";
const std::string kPngWithNoise = "/tiles/0/0/0.png";  // PNG signature, then random bytes
const std::string kNoise = "/tiles/1/0/0.png";         // random bytes
const std::string kTooWide = "/tiles/1/1/0.png";       // a real PNG 1025 x 1
const std::string kCutShort = "/tiles/2/0/0.png";      // the first half of a real tile
const std::string kMissing = "/tiles/1/1/1.png";       // 404

std::string RandomBytes(std::size_t size) {
  std::mt19937 random(20240611);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  return bytes;
}

// Our server on a free port with the tiles above, and the platform pointed at it.
class TileServer {
 public:
  TileServer() : server_(Options(MakeTiles(dir_))) {
    base_ = "http://127.0.0.1:" + std::to_string(server_.Port());
    setenv("SAFESPACES_SERVER", base_.c_str(), 1);
  }
  ~TileServer() { unsetenv("SAFESPACES_SERVER"); }
  const std::string& Base() const { return base_; }
  int Port() const { return server_.Port(); }

 private:
  static std::filesystem::path MakeTiles(const TempDir& dir) {
    const std::filesystem::path path = dir.Path() / "tiles.mbtiles";
    const std::string good = server::SyntheticTilePng(kCoventry12);
    std::string error;
    std::unique_ptr<store::MbTilesWriter> writer =
        store::MbTilesWriter::Create(path.string(), {{"name", "platform test"}, {"format", "png"}}, error);
    INFO(error);
    REQUIRE(writer);
    REQUIRE(writer->Put(kCoventry12.z, kCoventry12.x, kCoventry12.y, good));
    REQUIRE(writer->Put(0, 0, 0, std::string("\x89PNG\r\n\x1a\n", 8) + RandomBytes(3000)));
    REQUIRE(writer->Put(1, 0, 0, RandomBytes(3000)));
    const int too_wide = platform::kMaxImageSide + 1;
    REQUIRE(writer->Put(1, 1, 0, server::EncodePng(too_wide, 1, std::vector<std::uint8_t>(too_wide * 3, 200))));
    REQUIRE(writer->Put(2, 0, 0, good.substr(0, good.size() / 2)));
    REQUIRE(writer->Finish());
    return path;
  }
  static server::Options Options(std::filesystem::path tiles) {
    server::Options options;
    options.tiles_file = std::move(tiles);
    return options;
  }

  TempDir dir_;  // first: the server reads the file made in it
  InProcessServer server_;
  std::string base_;
};

// Request ids stay unique across test cases: an answer may outlive the case that asked.
int NextId() {
  static int id = 0;
  return ++id;
}

// Asks for each url and waits (up to 30 s) for every answer; by url.
std::map<std::string, platform::ImageResponse> FetchAll(const std::vector<std::string>& urls) {
  std::map<int, std::string> url_of;
  for (const std::string& url : urls) {
    const int id = NextId();
    url_of[id] = url;
    platform::RequestImage(id, url);
  }
  std::map<std::string, platform::ImageResponse> answers;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (answers.size() < urls.size() && std::chrono::steady_clock::now() < deadline) {
    for (platform::ImageResponse& image : platform::TakeImages())
      if (auto it = url_of.find(image.request_id); it != url_of.end()) answers[it->second] = std::move(image);
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE(answers.size() == urls.size());
  return answers;
}

void CheckIsTheCoventryTile(const platform::ImageResponse& image) {
  CHECK(image.ok);
  CHECK(image.width == 256);
  CHECK(image.height == 256);
  REQUIRE(image.rgba.size() == 256u * 256u * 4u);
  bool opaque = true, some_colour = false, varied = false;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    opaque = opaque && image.rgba[i + 3] == 255;  // the synthetic PNG is RGB: no transparency
    some_colour = some_colour || image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2] > 0;
    varied = varied || image.rgba[i] != image.rgba[0] || image.rgba[i + 1] != image.rgba[1];
  }
  CHECK(opaque);
  CHECK(some_colour);
  CHECK(varied);  // grid lines and its z/x/y: not one flat colour
}

void CheckNotOk(const platform::ImageResponse& image) {
  CHECK_FALSE(image.ok);
  CHECK(image.width == 0);
  CHECK(image.height == 0);
  CHECK(image.rgba.empty());
}

}  // namespace

TEST_CASE("a tile from our server arrives as 256 x 256 RGBA; a missing one is not ok", "[platform][images]") {
  TileServer server;
  auto answers = FetchAll({kCoventryPath, kMissing});
  CheckIsTheCoventryTile(answers[kCoventryPath]);
  CheckNotOk(answers[kMissing]);
}

TEST_CASE("a tile by its absolute http address arrives too", "[platform][images]") {
  TileServer server;
  const std::string url = server.Base() + kCoventryPath;
  auto answers = FetchAll({url});
  CheckIsTheCoventryTile(answers[url]);
}

TEST_CASE("random bytes, a cut-off PNG and a too big PNG are not ok, and nothing breaks", "[platform][images]") {
  TileServer server;
  auto answers = FetchAll({kPngWithNoise, kNoise, kTooWide, kCutShort});
  for (auto& [url, image] : answers) {
    INFO(url);
    CheckNotOk(image);
  }
  CheckIsTheCoventryTile(FetchAll({kCoventryPath})[kCoventryPath]);  // still working
}

TEST_CASE("addresses that cannot be fetched are not ok", "[platform][images]") {
  TileServer server;
  const std::string port = std::to_string(server.Port());
  const std::vector<std::string> urls = {
      "https://127.0.0.1:" + port + kCoventryPath,  // our server speaks plain HTTP: the TLS handshake fails
      "ftp://127.0.0.1:" + port + kCoventryPath,
      "tiles/12/2030/1345.png",                     // neither a path nor an address
      "http://",
      "http://127.0.0.1:1/tile.png",                // nobody listens
  };
  for (auto& [url, image] : FetchAll(urls)) {
    INFO(url);
    CheckNotOk(image);
  }
}

TEST_CASE("a screenful of tiles at once all arrive", "[platform][images]") {
  TileServer server;
  std::vector<std::string> urls;
  for (int i = 0; i < 40; ++i) urls.push_back(kCoventryPath + "?copy=" + std::to_string(i));
  for (auto& [url, image] : FetchAll(urls)) {
    INFO(url);
    CheckIsTheCoventryTile(image);
  }
}

TEST_CASE("HTTP requests still go to $SAFESPACES_SERVER and come back", "[platform][http]") {
  TileServer server;
  const int id = NextId();
  platform::HttpRequest(id, "GET", "/api/v1/health", "");
  std::vector<platform::HttpResponse> answers;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (answers.empty() && std::chrono::steady_clock::now() < deadline) {
    answers = platform::TakeHttpResponses();
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].request_id == id);
  CHECK(answers[0].status == 200);
}

TEST_CASE("where I am: NotSupported on the desktop, or $SAFESPACES_FAKE_LOCATION", "[platform][location]") {
  using Problem = platform::LocationResponse::Problem;
  CHECK_FALSE(platform::TakeLocation());  // nothing asked, nothing answered

  unsetenv("SAFESPACES_FAKE_LOCATION");
  platform::RequestLocation();
  std::optional<platform::LocationResponse> answer = platform::TakeLocation();
  REQUIRE(answer);
  CHECK_FALSE(answer->ok);
  CHECK(answer->problem == Problem::NotSupported);
  CHECK_FALSE(platform::TakeLocation());  // answered once, then forgotten

  setenv("SAFESPACES_FAKE_LOCATION", "52.4081,-1.5106", 1);
  platform::RequestLocation();
  answer = platform::TakeLocation();
  REQUIRE(answer);
  CHECK(answer->ok);
  CHECK(answer->problem == Problem::None);
  CHECK(answer->lat == Approx(52.4081));
  CHECK(answer->lon == Approx(-1.5106));
  CHECK(answer->accuracy_m > 0);
  CHECK_FALSE(platform::TakeLocation());

  for (const char* unreadable : {"Coventry", "52.4", "52.4,", "95,0", "52.4,-1.5,7", "nan,0"}) {
    INFO(unreadable);
    setenv("SAFESPACES_FAKE_LOCATION", unreadable, 1);
    platform::RequestLocation();
    answer = platform::TakeLocation();
    REQUIRE(answer);
    CHECK_FALSE(answer->ok);
    CHECK(answer->problem == Problem::Unavailable);
  }
  unsetenv("SAFESPACES_FAKE_LOCATION");
}
