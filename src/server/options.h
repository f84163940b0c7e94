// The server's command line: --port, --host, --data, --web, --tiles, --tile-url,
// --tile-attribution, --public-url, --trust-proxy, --no-sync-limits, --keep-rejected-days, --log-dir,
// --log-days, --help. Parsing only;
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
  // Behind a reverse proxy (deploy/nginx/) every request comes from 127.0.0.1: with this, the
  // rate limits count each client by the proxy's X-Real-IP header instead. Never stored.
  bool trust_proxy = false;
  // Sync's limits per device and per address (server/sync_api.h SyncLimits). Off only for
  // load tests on a closed machine (--no-sync-limits), where one program plays many phones.
  bool sync_limits = true;
  // Days a suggestion officers did not add, and the words of a hidden comment, are kept (so
  // the young person can see why) before the server deletes them for good.
  int keep_rejected_days = 90;
  // A folder for the log as one file a day (safespaces-YYYY-MM-DD.log), deleting files older
  // than log_days. Empty: the log goes to stderr only, and its keeper (journald) decides.
  std::filesystem::path log_dir;
  int log_days = 7;
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
