// How every response body is handed to cpp-httplib. Start at SendBytes.
// Why not plain `res.set_content`: httplib 0.11.4, as Debian builds it (with zlib and
// brotli), compresses any text or JSON body given that way again on every request, at
// brotli's slowest setting, and without `Vary`. Bodies given through a content provider
// are sent as they are, so we decide about compression (web_files.cpp does, once per file).
#pragma once
#include <httplib.h>

#include <memory>
#include <string>

namespace server {

// Shares `bytes` with the response (no copy); safe against any Range the client sends.
void SendBytes(httplib::Response& res, std::shared_ptr<const std::string> bytes, const std::string& content_type);
void SendJson(httplib::Response& res, std::string json);  // application/json, never cached
// The same, gzipped when the client accepts it and the answer is big enough to gain (a page
// of places: 449 KB becomes about a tenth, which matters on a youth club's Wi-Fi).
void SendJson(const httplib::Request& req, httplib::Response& res, std::string json);
void SendText(httplib::Response& res, std::string text);  // text/plain; charset=utf-8

}  // namespace server
