// This is the implementation of web_files.h: loading the web client into memory and
// serving it with the right type, gzip, ETag and no way out of the folder.
// Sections: [SECTION] Types and encodings, [SECTION] Loading, [SECTION] Serving.
#include "server/web_files.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "server/responses.h"

namespace server {
namespace {

constexpr size_t kMaxWebBytes = 64u << 20;   // bytes: the client is a few MB; more means a wrong --web
constexpr size_t kGzipMinSavingPercent = 5;  // keep a gzip copy only if it is at least this much smaller

}  // namespace

// [SECTION] Types and encodings

namespace {

struct TypeInfo {
  std::string_view extension;
  std::string_view content_type;
  bool compressible;  // worth a gzip copy (already-compressed formats are not)
};

constexpr std::array kTypes = {
    TypeInfo{".html", "text/html; charset=utf-8", true},
    TypeInfo{".js", "text/javascript; charset=utf-8", true},
    TypeInfo{".mjs", "text/javascript; charset=utf-8", true},
    TypeInfo{".css", "text/css; charset=utf-8", true},
    TypeInfo{".wasm", "application/wasm", true},
    TypeInfo{".data", "application/octet-stream", true},
    TypeInfo{".json", "application/json", true},
    TypeInfo{".webmanifest", "application/manifest+json", true},
    TypeInfo{".png", "image/png", false},
    TypeInfo{".svg", "image/svg+xml", true},
    TypeInfo{".ttf", "font/ttf", true},
    TypeInfo{".otf", "font/otf", true},
    TypeInfo{".woff2", "font/woff2", false},
    TypeInfo{".ico", "image/x-icon", true},
    TypeInfo{".txt", "text/plain; charset=utf-8", true},
};

const TypeInfo* TypeFor(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return nullptr;
  std::string extension(path.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const TypeInfo& type : kTypes)
    if (type.extension == extension) return &type;
  return nullptr;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// Calls `each` with every comma-separated item of a header, trimmed.
template <typename Each>
void ForEachListItem(std::string_view header, Each each) {
  while (!header.empty()) {
    const size_t comma = header.find(',');
    each(Trim(header.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
}

// "gzip;q=0" and "gzip; q=0.000" refuse gzip; any other q accepts it.
bool QualityIsZero(std::string_view parameters) {
  const size_t q = parameters.find("q=");
  if (q == std::string_view::npos) return false;
  std::string_view value = Trim(parameters.substr(q + 2));
  if (value.empty() || value.front() != '0') return false;
  value.remove_prefix(1);
  if (!value.empty() && value.front() == '.') value.remove_prefix(1);
  return std::all_of(value.begin(), value.end(), [](char c) { return c == '0'; });
}

}  // namespace

std::string Gzip(std::string_view bytes, GzipEffort effort) {
  z_stream stream{};
  const int level = effort == GzipEffort::Smallest ? Z_BEST_COMPRESSION : Z_BEST_SPEED;
  // 15 + 16: a gzip header and trailer around the deflate data, as browsers expect.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

std::string EtagFor(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
  char text[48];
  std::snprintf(text, sizeof(text), "\"%016llx-%zx\"", static_cast<unsigned long long>(hash), bytes.size());
  return text;
}

std::string_view ContentTypeFor(std::string_view path) {
  const TypeInfo* type = TypeFor(path);
  return type ? type->content_type : "application/octet-stream";
}

bool AcceptsGzip(std::string_view accept_encoding) {
  bool accepts = false;
  ForEachListItem(accept_encoding, [&accepts](std::string_view item) {
    const size_t semicolon = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semicolon));
    if (EqualsIgnoringCase(coding, "gzip") || EqualsIgnoringCase(coding, "x-gzip"))
      accepts = semicolon == std::string_view::npos || !QualityIsZero(item.substr(semicolon + 1));
  });
  return accepts;
}

// [SECTION] Loading

namespace {

bool IsHidden(const std::filesystem::path& relative) {
  for (const std::filesystem::path& part : relative)
    if (!part.empty() && part.native().front() == '.') return true;
  return false;
}

std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

WebFile MakeWebFile(std::string_view path, std::string bytes) {
  const TypeInfo* type = TypeFor(path);
  WebFile file;
  file.content_type = std::string(ContentTypeFor(path));
  file.etag = EtagFor(bytes);
  if (type && type->compressible && !bytes.empty()) {
    std::string gzipped = Gzip(bytes, GzipEffort::Smallest);
    if (!gzipped.empty() && gzipped.size() * 100 <= bytes.size() * (100 - kGzipMinSavingPercent)) {
      file.gzip_etag = file.etag.substr(0, file.etag.size() - 1) + "-gz\"";
      file.gzipped = std::make_shared<const std::string>(std::move(gzipped));
    }
  }
  file.bytes = std::make_shared<const std::string>(std::move(bytes));
  return file;
}

}  // namespace

std::optional<WebFiles> LoadWebFiles(const std::filesystem::path& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "The web folder " + dir.string() +
            " does not exist (or is not a folder). "
            "Build the web app first, or start without --web to serve only the API.";
    return std::nullopt;
  }
  WebFiles files;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path relative = it->path().lexically_relative(dir);
    if (IsHidden(relative)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::optional<std::string> bytes = ReadWholeFile(it->path());
    if (!bytes) {
      error = "Could not read " + it->path().string() + " from the web folder.";
      return std::nullopt;
    }
    files.total_bytes += bytes->size();
    if (files.total_bytes > kMaxWebBytes) {
      error = "The web folder " + dir.string() + " holds more than " + std::to_string(kMaxWebBytes >> 20) +
              " MB. Is it the right folder? It should be the built web app.";
      return std::nullopt;
    }
    std::string key = "/";
    key += relative.generic_string();
    files.by_path.emplace(key, MakeWebFile(key, std::move(*bytes)));
  }
  if (ec) {
    error = "Could not read the web folder " + dir.string() + ": " + ec.message();
    return std::nullopt;
  }
  return files;
}

// [SECTION] Serving

namespace {

// The path is already percent-decoded by httplib ("%2e%2e" is ".." here). Our lookup is
// a map, so nothing outside the folder could be found anyway; refusing "..", "." and
// backslashes outright says so plainly and keeps it true if the lookup ever changes.
bool IsSafeWebPath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  std::string_view rest = path.substr(1);
  while (true) {
    const size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == ".." || segment == ".") return false;
    if (slash == std::string_view::npos) return true;
    rest.remove_prefix(slash + 1);
  }
}

const WebFile* FindWebFile(const WebFiles& files, const std::string& path) {
  const std::string key = path.back() == '/' ? path + "index.html" : path;
  const auto found = files.by_path.find(key);
  return found == files.by_path.end() ? nullptr : &found->second;
}

}  // namespace

bool EtagListMatches(std::string_view if_none_match, std::string_view etag) {
  bool matches = false;
  ForEachListItem(if_none_match, [&](std::string_view item) {
    if (item.starts_with("W/")) item.remove_prefix(2);  // If-None-Match compares weakly
    if (item == "*" || item == etag) matches = true;
  });
  return matches;
}

// httplib 0.11.4 sends whatever ranges it is given, unchecked, and gets several ranges
// over a content provider wrong. So we honour one range that lies inside the file and
// answer 416 to anything else (a browser then asks again for the whole file).
bool IsOneRangeInside(const httplib::Ranges& ranges, size_t size) {
  if (ranges.size() != 1 || size == 0) return false;
  const auto [first, last] = ranges.front();
  const auto end = static_cast<ssize_t>(size);
  if (first == -1) return last > 0;    // "bytes=-N": the last N bytes
  if (last == -1) return first < end;  // "bytes=N-": from N to the end
  return first <= last && last < end;
}

void ServeWebFile(const WebFiles& files, const std::string& path, const httplib::Request& req,
                  httplib::Response& res) {
  if (!IsSafeWebPath(path)) {
    res.status = 400;
    return;
  }
  const WebFile* file = FindWebFile(files, path);
  if (!file) {
    res.status = 404;
    return;
  }
  const bool ranged = !req.ranges.empty();
  const bool gzip = file->gzipped && !ranged && AcceptsGzip(req.get_header_value("Accept-Encoding"));
  const std::string& etag = gzip ? file->gzip_etag : file->etag;

  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");  // always ask again; the ETag makes that cheap
  if (file->gzipped) res.set_header("Vary", "Accept-Encoding");

  if (EtagListMatches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  if (ranged && !IsOneRangeInside(req.ranges, file->bytes->size())) {
    res.status = 416;
    res.set_header("Content-Range", "bytes */" + std::to_string(file->bytes->size()));
    return;
  }
  if (gzip) res.set_header("Content-Encoding", "gzip");
  SendBytes(res, gzip ? file->gzipped : file->bytes, file->content_type);
  if (!ranged) res.status = 200;  // with a Range, httplib sends the part and 206 itself
}

}  // namespace server
