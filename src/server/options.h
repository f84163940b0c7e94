// The server's command line: --port, --host, --data, --web, --tiles, --tile-url,
// --tile-attribution, --public-url, --help. Parsing only;
// main.cpp decides what to do with the result. Start at ParseCommandLine.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0: let the system pick a free port
  std::filesystem::path data_dir = "data";  // safespaces.db and uploads/, created on first start
  std::filesystem::path web_dir;            // the built web client; empty: serve the API only
  std::filesystem::path tiles_file;         // an MBTiles file for /tiles/{z}/{x}/{y}.png; empty: no tiles
  // Where the app's map gets its tiles, and the credit it must show. Empty: our /tiles/
  // with --tiles, otherwise OpenStreetMap's standard tiles (kOsmTileUrl).
  std::string tile_url;
  std::string tile_attribution;
  // How people reach this server ("https://safespaces.example.org", no trailing slash):
  // the start of the join links in sessions' QR codes. Empty: from each request's Host.
  std::string public_url;
};

inline constexpr const char* kOsmTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
inline constexpr const char* kOsmAttribution = "\u00A9 OpenStreetMap contributors";

enum class CommandLineAction { Run, ShowHelp, ShowError };

struct CommandLine {
  CommandLineAction action = CommandLineAction::Run;
  Options options;
  std::string error;  // for ShowError, in plain words
};

// Accepts "--port 8080" and "--port=8080" alike.
CommandLine ParseCommandLine(int argc, const char* const* argv);
std::string_view UsageText();

}  // namespace server
