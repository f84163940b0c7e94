// This is the implementation of options.h: reading the server's command line.
#include "server/options.h"

#include <charconv>
#include <optional>

namespace server {
namespace {

std::optional<int> ParsePort(std::string_view text) {
  int port = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535) return std::nullopt;
  return port;
}

std::optional<int> ParseDays(std::string_view text) {
  int days = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error != std::errc() || end != text.data() + text.size() || days < 1 || days > 3650) return std::nullopt;
  return days;
}

// "https://host[:port][/path]" without a trailing slash, or nullopt when it is not one.
std::optional<std::string> ParsePublicUrl(std::string_view text) {
  while (text.ends_with('/')) text.remove_suffix(1);
  const std::size_t scheme = text.starts_with("https://") ? 8 : text.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || text.size() == scheme) return std::nullopt;
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '?' ||
        c == '#')
      return std::nullopt;
  return std::string(text);
}

}  // namespace

std::string_view UsageText() {
  return "Usage: safespaces-server [--port N] [--host ADDRESS] [--data DIR] [--web DIR]\n"
         "                        [--tiles FILE.mbtiles] [--tile-url URL --tile-attribution TEXT]\n"
         "                        [--public-url URL] [--trust-proxy] [--no-sync-limits]\n"
         "                        [--keep-rejected-days N]\n"
         "                        [--log-dir DIR] [--log-days N]\n"
         "\n"
         "Runs the Safe Spaces server: the API under /api/v1 and the web app.\n"
         "\n"
         "  --port N        port to listen on (default 8080; 0 picks a free one)\n"
         "  --host ADDRESS  address to listen on (default 127.0.0.1, this computer only;\n"
         "                  0.0.0.0 lets other devices on the network connect)\n"
         "  --data DIR      folder for the database and uploads (default ./data,\n"
         "                  created if missing)\n"
         "  --web DIR       folder with the built web app (index.html, app.js, app.wasm);\n"
         "                  without it, only the API is served\n"
         "  --tiles FILE    an MBTiles file of map tiles, served at /tiles/{z}/{x}/{y}.png\n"
         "                  (for offline workshops and tests; safespaces-admin make-tiles\n"
         "                  makes a synthetic one); without it, /tiles/ answers 404\n"
         "  --tile-url URL  where the app's map gets its tiles, with {z} {x} {y} (default: /tiles/...\n"
         "                  with --tiles, else OpenStreetMap's standard tiles, as their policy asks)\n"
         "  --tile-attribution TEXT  the credit the map always shows for those tiles\n"
         "  --public-url URL  how phones reach this server (https://safespaces.example.org): the\n"
         "                  start of the join links in sessions' QR codes (default: the address\n"
         "                  the youth worker's browser used)\n"
         "  --trust-proxy   behind a reverse proxy on this computer (deploy/nginx/): count each\n"
         "                  client for the rate limits by the proxy's X-Real-IP header\n"
         "  --no-sync-limits  let any device and address sync as much as it likes: for load\n"
         "                  tests on a closed machine only\n"
         "  --keep-rejected-days N  days a suggestion that was not added, and the words of a\n"
         "                  hidden comment, are kept before they are deleted (default 90)\n"
         "  --log-dir DIR   also write the log to DIR, one file a day (it never holds IP\n"
         "                  addresses, user agents or anything young people wrote)\n"
         "  --log-days N    days of log files to keep in --log-dir (default 7)\n"
         "  --help          show this help\n"
         "\n"
         "When it is ready it prints one line: Safe Spaces is running on http://HOST:PORT/\n"
         "Stop it with Ctrl+C (or SIGTERM).\n";
}

CommandLine ParseCommandLine(int argc, const char* const* argv) {
  CommandLine result;
  auto fail = [&result](std::string message) {
    result.action = CommandLineAction::ShowError;
    result.error = std::move(message);
    return result;
  };
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      result.action = CommandLineAction::ShowHelp;
      return result;
    }
    std::string_view name = arg;
    std::optional<std::string_view> value;
    if (const size_t equals = arg.find('='); arg.starts_with("--") && equals != std::string_view::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    }
    if (arg == "--trust-proxy") {
      result.options.trust_proxy = true;
      continue;
    }
    if (arg == "--no-sync-limits") {
      result.options.sync_limits = false;
      continue;
    }
    if (name != "--port" && name != "--host" && name != "--data" && name != "--web" && name != "--tiles" &&
        name != "--tile-url" && name != "--tile-attribution" && name != "--public-url" &&
        name != "--keep-rejected-days" && name != "--log-dir" && name != "--log-days")
      return fail("Unknown option '" + std::string(arg) + "'.");
    if (!value) {
      if (i + 1 >= argc) return fail("Option " + std::string(name) + " needs a value after it.");
      value = argv[++i];
    }
    if (value->empty()) return fail("Option " + std::string(name) + " needs a value that is not empty.");

    if (name == "--port") {
      std::optional<int> port = ParsePort(*value);
      if (!port) return fail("The port must be a number from 0 to 65535, not '" + std::string(*value) + "'.");
      result.options.port = *port;
    } else if (name == "--host") {
      result.options.host = std::string(*value);
    } else if (name == "--data") {
      result.options.data_dir = std::filesystem::path(std::string(*value));
    } else if (name == "--tiles") {
      result.options.tiles_file = std::filesystem::path(std::string(*value));
    } else if (name == "--tile-url") {
      if (value->find("{z}") == std::string_view::npos || value->find("{x}") == std::string_view::npos ||
          value->find("{y}") == std::string_view::npos)
        return fail("The tile address must have {z}, {x} and {y} in it, like https://tiles.example/{z}/{x}/{y}.png");
      result.options.tile_url = std::string(*value);
    } else if (name == "--keep-rejected-days" || name == "--log-days") {
      std::optional<int> days = ParseDays(*value);
      if (!days) return fail("Option " + std::string(name) + " must be a number of days from 1 to 3650, not '" +
                             std::string(*value) + "'.");
      (name == "--log-days" ? result.options.log_days : result.options.keep_rejected_days) = *days;
    } else if (name == "--log-dir") {
      result.options.log_dir = std::filesystem::path(std::string(*value));
    } else if (name == "--tile-attribution") {
      result.options.tile_attribution = std::string(*value);
    } else if (name == "--public-url") {
      std::optional<std::string> url = ParsePublicUrl(*value);
      if (!url)
        return fail("The public address must start with https:// or http://, like https://safespaces.example.org");
      result.options.public_url = std::move(*url);
    } else {
      result.options.web_dir = std::filesystem::path(std::string(*value));
    }
  }
  return result;
}

}  // namespace server
