// Tests of GET /tiles/{z}/{x}/{y}.png over real HTTP (server::Server in-process on a free
// port) from a tiny MBTiles file made in the test: the PNG with its caching headers, TMS
// rows, 304, 404 for a missing tile or no --tiles, 400 for what is not a tile's address,
// never a 5xx. Also the synthetic tiles of `safespaces-admin make-tiles`. Start at TilesServer.
#include <httplib.h>
#include <sqlite3.h>
#include <zlib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/map_math.h"
#include "core/validation.h"
#include "server/options.h"
#include "server/server.h"
#include "server/synthetic_tiles.h"
#include "store/mbtiles.h"
#include "in_process_server.h"
#include "test_temp_dir.h"

namespace {

using namespace std::chrono_literals;

const core::TileId kCoventry12{12, 2030, 1345};  // Coventry's centre at zoom 12 (core_map_math_test)

class TilesServer {
 public:
  explicit TilesServer(std::filesystem::path tiles_file, std::string tile_url = {}, std::string attribution = {})
      : server_(MakeOptions(std::move(tiles_file), std::move(tile_url), std::move(attribution))) {}
  httplib::Client Client() const { return server_.Client(); }

 private:
  static server::Options MakeOptions(std::filesystem::path tiles_file, std::string tile_url, std::string attribution) {
    server::Options options;
    options.tiles_file = std::move(tiles_file);
    options.tile_url = std::move(tile_url);
    options.tile_attribution = std::move(attribution);
    return options;
  }
  InProcessServer server_;
};

// A tiny MBTiles: two tiles written with our writer, and one row put in by hand with its
// TMS row, so the XYZ/TMS flip is checked against the spec rather than against ourselves.
std::filesystem::path MakeTinyMbTiles(const TempDir& dir) {
  const std::filesystem::path path = dir.Path() / "tiny.mbtiles";
  std::string error;
  {
    std::unique_ptr<store::MbTilesWriter> writer =
        store::MbTilesWriter::Create(path.string(), {{"name", "tiny"}, {"format", "png"}}, error);
    INFO(error);
    REQUIRE(writer);
    REQUIRE(writer->Put(kCoventry12.z, kCoventry12.x, kCoventry12.y, server::SyntheticTilePng(kCoventry12)));
    REQUIRE(writer->Put(0, 0, 0, "the whole world"));
    REQUIRE(writer->Finish());
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
  // Zoom 1, column 0, TMS row 1: the north-west quarter, XYZ 1/0/0.
  CHECK(sqlite3_exec(db, "INSERT INTO tiles VALUES (1, 0, 1, CAST('north-west' AS BLOB))", nullptr, nullptr, nullptr) ==
        SQLITE_OK);
  sqlite3_close(db);
  return path;
}

std::uint32_t ReadU32(const std::string& bytes, std::size_t at) {
  return (std::uint32_t(std::uint8_t(bytes[at])) << 24) | (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
}

// Checks the PNG's signature, IHDR, chunk CRCs and that IDAT unpacks to 256 rows of RGB.
void CheckPng256(const std::string& png) {
  REQUIRE(png.size() > 33);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  std::string idat;
  std::size_t at = 8;
  bool ended = false;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = ReadU32(png, at);
    const std::string type = png.substr(at + 4, 4);
    REQUIRE(at + 12 + length <= png.size());
    const std::uint32_t crc = ReadU32(png, at + 8 + length);
    CHECK(crc == crc32(0L, reinterpret_cast<const Bytef*>(png.data() + at + 4), length + 4));
    if (type == "IHDR") {
      CHECK(ReadU32(png, at + 8) == 256);
      CHECK(ReadU32(png, at + 12) == 256);
      CHECK(png[at + 16] == 8);  // bits
      CHECK(png[at + 17] == 2);  // RGB
    }
    if (type == "IDAT") idat += png.substr(at + 8, length);
    if (type == "IEND") ended = true;
    at += 12 + length;
  }
  CHECK(ended);
  std::vector<Bytef> raw(256 * (256 * 3 + 1) + 16);
  uLongf raw_size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  CHECK(raw_size == 256 * (256 * 3 + 1));
}

std::string TilePath(const core::TileId& t) {
  return "/tiles/" + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y) + ".png";
}

}  // namespace

TEST_CASE("a tile is served as a PNG, cached for a day, with an ETag and a 304", "[server][tiles]") {
  TempDir dir;
  TilesServer server(MakeTinyMbTiles(dir));
  httplib::Client client = server.Client();
  auto res = client.Get(TilePath(kCoventry12));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "image/png");
  CHECK(res->get_header_value("Cache-Control") == "public, max-age=86400");
  CHECK(res->get_header_value("Content-Encoding").empty());  // a PNG is already packed
  CHECK(res->body == server::SyntheticTilePng(kCoventry12));
  CheckPng256(res->body);
  const std::string etag = res->get_header_value("ETag");
  REQUIRE(etag.size() > 2);
  CHECK(etag.front() == '"');

  auto again = client.Get(TilePath(kCoventry12), {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  CHECK(again->get_header_value("ETag") == etag);

  auto other = client.Get("/tiles/0/0/0.png", {{"If-None-Match", etag}});
  REQUIRE(other);
  CHECK(other->status == 200);
  CHECK(other->body == "the whole world");
  CHECK(other->get_header_value("ETag") != etag);

  auto head = client.Head(TilePath(kCoventry12));
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
}

TEST_CASE("MBTiles rows are TMS: y counts from the south there, from the north in the URL", "[server][tiles]") {
  TempDir dir;
  TilesServer server(MakeTinyMbTiles(dir));
  auto north_west = server.Client().Get("/tiles/1/0/0.png");
  REQUIRE(north_west);
  CHECK(north_west->status == 200);
  CHECK(north_west->body == "north-west");
  auto south_west = server.Client().Get("/tiles/1/0/1.png");
  REQUIRE(south_west);
  CHECK(south_west->status == 404);
  CHECK(store::TmsRow(1, 0) == 1);
  CHECK(store::TmsRow(12, 1345) == 4096 - 1 - 1345);
}

TEST_CASE("a missing tile is a small plain 404", "[server][tiles]") {
  TempDir dir;
  TilesServer server(MakeTinyMbTiles(dir));
  for (const char* path : {"/tiles/12/2031/1345.png", "/tiles/19/0/0.png", "/tiles/5/31/31.png"}) {
    INFO(path);
    auto res = server.Client().Get(path);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK(res->body.size() < 100);
    CHECK(res->body.find('{') == std::string::npos);
  }
}

TEST_CASE("what is not a tile's address is a 400, never a 5xx", "[server][tiles][security]") {
  TempDir dir;
  TilesServer server(MakeTinyMbTiles(dir));
  httplib::Client client = server.Client();
  for (const char* path : {"/tiles/a/0/0.png", "/tiles/20/0/0.png", "/tiles/99999999999/0/0.png", "/tiles/3/8/0.png",
                           "/tiles/3/0/8.png", "/tiles/3/-1/0.png", "/tiles/-1/0/0.png", "/tiles/+1/0/0.png",
                           "/tiles/1/0/0.5.png", "/tiles//0/0.png", "/tiles/1/0/.png", "/tiles/1/%20/0.png",
                           "/tiles/0x1/0/0.png", "/tiles/1/0/99999999999999999999999999.png", "/tiles/1/1e3/0.png"}) {
    INFO(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK(res->body.size() < 200);
  }
  // Other shapes of address under /tiles/ are simply not there; nothing is a 5xx.
  for (const char* path : {"/tiles/", "/tiles/1/0/0", "/tiles/1/0/0.jpg", "/tiles/1/0/0/0.png", "/tiles/%00/0/0.png",
                           "/tiles/..%2f..%2fetc/passwd"}) {
    INFO(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK(res->status >= 400);
    CHECK(res->status < 500);
  }
  auto post = client.Post("/tiles/0/0/0.png", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status >= 400);
  CHECK(post->status < 500);
  // Still answering.
  auto res = client.Get("/tiles/0/0/0.png");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("many devices fetching tiles at once all get them", "[server][tiles]") {
  TempDir dir;
  TilesServer server(MakeTinyMbTiles(dir));
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      httplib::Client client = server.Client();
      for (int i = 0; i < 25; ++i) {
        auto res = client.Get(i % 2 ? TilePath(kCoventry12) : "/tiles/1/0/0.png");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(ok == 200);
}

TEST_CASE("without --tiles, /tiles/ answers a short plain 404", "[server][tiles]") {
  TilesServer server{std::filesystem::path()};
  auto res = server.Client().Get("/tiles/0/0/0.png");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK(res->body.size() < 100);
  CHECK(res->body.find('{') == std::string::npos);
}

TEST_CASE("a --tiles file that is missing or not MBTiles stops the start, saying why", "[server][tiles]") {
  TempDir dir;
  WriteFile(dir.Path() / "not-tiles.mbtiles", "this is not a database");
  for (const std::string name : {"missing.mbtiles", "not-tiles.mbtiles"}) {
    INFO(name);
    server::Options options;
    options.port = 0;
    options.data_dir = dir.Path() / "data";
    options.tiles_file = dir.Path() / name;
    server::Server server(options);
    std::string error;
    CHECK_FALSE(server.Start(error));
    CHECK_THAT(error, Catch::Contains(name));
  }
}

TEST_CASE("the command line takes --tiles", "[server][tiles][options]") {
  const char* spaced[] = {"safespaces-server", "--tiles", "map.mbtiles"};
  server::CommandLine line = server::ParseCommandLine(3, spaced);
  CHECK(line.action == server::CommandLineAction::Run);
  CHECK(line.options.tiles_file == "map.mbtiles");
  const char* joined[] = {"safespaces-server", "--tiles=/srv/map.mbtiles"};
  line = server::ParseCommandLine(2, joined);
  CHECK(line.options.tiles_file == "/srv/map.mbtiles");
  const char* empty[] = {"safespaces-server", "--tiles="};
  CHECK(server::ParseCommandLine(2, empty).action == server::CommandLineAction::ShowError);
  CHECK(std::string(server::UsageText()).find("--tiles FILE") != std::string::npos);
}

TEST_CASE("synthetic tiles over Coventry: calm PNGs, named and attributed as synthetic", "[server][tiles][admin]") {
  TempDir dir;
  const std::filesystem::path path = dir.Path() / "synthetic.mbtiles";
  const core::ServiceArea area = core::DefaultServiceArea();
  server::TilesMade made;
  std::string error;
  REQUIRE(server::MakeSyntheticTiles(path.string(), area, 11, 13, made, error));
  const std::vector<core::TileId> expected = server::TilesOver(area, 11, 13);
  CHECK(made.tiles == static_cast<int>(expected.size()));
  CHECK(made.tiles > 10);
  CHECK(made.file_bytes > 0);
  CHECK(made.file_bytes < 1'000'000);

  std::unique_ptr<store::MbTilesReader> reader = store::MbTilesReader::Open(path.string(), error);
  REQUIRE(reader);
  const std::map<std::string, std::string> metadata = reader->Metadata();
  CHECK(metadata.at("name") == "Safe Spaces synthetic test tiles");
  CHECK(metadata.at("attribution") == "Synthetic tiles, not a real map");
  CHECK(metadata.at("format") == "png");
  CHECK(metadata.at("minzoom") == "11");
  CHECK(metadata.at("maxzoom") == "13");
  // Every tile covering the area's corners and centre is there.
  for (int z = 11; z <= 13; ++z) {
    for (const core::TileId& t : {core::TileAt(area.north, area.west, z), core::TileAt(area.south, area.east, z),
                                  core::TileAt((area.north + area.south) / 2, (area.west + area.east) / 2, z)}) {
      const store::MbTilesReader::TileResult tile = reader->Tile(t.z, t.x, t.y);
      REQUIRE(tile.found == store::MbTilesReader::Found::Tile);
      CheckPng256(tile.bytes);
    }
  }
  CHECK(reader->Tile(14, 0, 0).found == store::MbTilesReader::Found::Missing);
  CHECK(reader->Tile(40, 0, 0).found == store::MbTilesReader::Found::Missing);
  reader.reset();

  // An existing file is never overwritten.
  CHECK_FALSE(server::MakeSyntheticTiles(path.string(), area, 11, 11, made, error));
  CHECK_THAT(error, Catch::Contains("already there"));

  // And the server serves it.
  TilesServer server(path);
  auto res = server.Client().Get(TilePath(kCoventry12));
  REQUIRE(res);
  CHECK(res->status == 200);
  CheckPng256(res->body);
}

TEST_CASE("tiles of different addresses look different (each shows its z/x/y)", "[server][tiles][admin]") {
  const std::string a = server::SyntheticTilePng({12, 2030, 1345});
  const std::string b = server::SyntheticTilePng({12, 2031, 1345});
  CHECK(a != b);
  CheckPng256(a);
  CHECK(a.size() < 4000);                             // flat colours pack small
  CHECK(server::EncodePng(2, 2, {1, 2, 3}).empty());  // wrong number of bytes
}

TEST_CASE("the app learns where its map tiles come from and the credit to show", "[server][tiles][config]") {
  auto config = [](const TilesServer& server) {
    auto res = server.Client().Get("/api/v1/config");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return nlohmann::json::parse(res->body);
  };
  SECTION("with no tiles of its own, OpenStreetMap's standard tiles and their credit") {
    TilesServer server{std::filesystem::path()};
    const nlohmann::json doc = config(server);
    CHECK(doc["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    CHECK(doc["tiles"]["attribution"] == "\u00A9 OpenStreetMap contributors");
    CHECK(doc["area"]["name"] == "Coventry");
    CHECK(doc["area"]["south"].get<double>() < doc["area"]["north"].get<double>());
  }
  SECTION("with --tiles, its own /tiles/ and the file's credit") {
    TempDir dir;
    TilesServer server(MakeTinyMbTiles(dir));
    const nlohmann::json doc = config(server);
    CHECK(doc["tiles"]["url"] == "/tiles/{z}/{x}/{y}.png");
    CHECK_FALSE(doc["tiles"]["attribution"].get<std::string>().empty());
  }
  SECTION("a council's own tile server and credit win") {
    TilesServer server(std::filesystem::path(), "https://maps.example.gov.uk/{z}/{x}/{y}.png", "Our city's map");
    const nlohmann::json doc = config(server);
    CHECK(doc["tiles"]["url"] == "https://maps.example.gov.uk/{z}/{x}/{y}.png");
    CHECK(doc["tiles"]["attribution"] == "Our city's map");
  }
}

TEST_CASE("a tile address without {z}, {x} and {y} is refused at the command line", "[server][tiles][options]") {
  const char* args[] = {"safespaces-server", "--tile-url", "https://maps.example/tile.png"};
  const server::CommandLine line = server::ParseCommandLine(3, args);
  CHECK(line.action == server::CommandLineAction::ShowError);
  CHECK_THAT(line.error, Catch::Contains("{z}, {x} and {y}"));
}
