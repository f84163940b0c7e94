// The built web client (index.html, app.js, app.wasm, app.data, fonts, ...), read into
// memory once at start: each file with its content type, a strong ETag and, for types
// that shrink, a gzip copy made once. ServeWebFile answers GET and HEAD from that copy,
// so no request can reach a file outside the folder. Not here: the API (server.cpp).
// A rebuilt client is picked up by restarting the server.
#pragma once
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace server {

struct WebFile {
  std::string content_type;
  std::shared_ptr<const std::string> bytes;    // as on disk
  std::shared_ptr<const std::string> gzipped;  // null when gzip would not help (png, woff2, ...)
  std::string etag;                            // strong, from the bytes: "\"9f3c...-1a2b\""
  std::string gzip_etag;                       // the gzip copy is another representation
};

struct WebFiles {
  std::unordered_map<std::string, WebFile> by_path;  // "/index.html", "/fonts/OpenDyslexic.otf"
  size_t total_bytes = 0;                            // on disk, before gzip
};

// Reads every file under `dir` (hidden files and folders, named ".*", are left out).
std::optional<WebFiles> LoadWebFiles(const std::filesystem::path& dir, std::string& error);

// Answers a GET or HEAD for the web file at `path` (usually req.path). For a refused or
// unknown path it only sets the status (400 or 404) and leaves the body to the server's
// error handler.
void ServeWebFile(const WebFiles& files, const std::string& path, const httplib::Request& req,
                  httplib::Response& res);

std::string_view ContentTypeFor(std::string_view path);  // by extension; octet-stream if unknown
// Files are squeezed once, as small as they go; API answers on the fly, fast.
enum class GzipEffort { Smallest, Fastest };
std::string Gzip(std::string_view bytes, GzipEffort effort);  // "" if zlib failed

bool AcceptsGzip(std::string_view accept_encoding);      // "gzip, deflate, br" -> true; "gzip;q=0" -> false
// A strong ETag from the content itself (FNV-1a, 64 bits, and the size), so the same
// bytes give the same tag after a restart or on another machine: "\"9f3c...-1a2b\"".
std::string EtagFor(std::string_view bytes);
// True when an If-None-Match header names `etag` (compared weakly) or is "*".
bool EtagListMatches(std::string_view if_none_match, std::string_view etag);
// True for one byte range inside a body of `size` bytes: the only kind we answer with 206
// (httplib 0.11.4 gets several ranges over a content provider wrong).
bool IsOneRangeInside(const httplib::Ranges& ranges, size_t size);

}  // namespace server
