// This is the implementation of responses.h: bodies as content providers.
#include "server/responses.h"

#include <algorithm>

#include "server/web_files.h"

namespace server {

void SendBytes(httplib::Response& res, std::shared_ptr<const std::string> bytes, const std::string& content_type) {
  if (bytes->empty()) {
    res.set_content("", 0, content_type.c_str());  // an empty body is never compressed
    return;
  }
  const size_t size = bytes->size();
  res.set_content_provider(size, content_type,
                           [bytes = std::move(bytes)](size_t offset, size_t length, httplib::DataSink& sink) {
                             // Past the end only with a Range httplib did not check: end the
                             // response rather than loop or read outside the buffer.
                             if (offset >= bytes->size()) return false;
                             return sink.write(bytes->data() + offset, std::min(length, bytes->size() - offset));
                           });
}

void SendJson(httplib::Response& res, std::string json) {
  res.set_header("Cache-Control", "no-store");
  SendBytes(res, std::make_shared<const std::string>(std::move(json)), "application/json");
}

void SendJson(const httplib::Request& req, httplib::Response& res, std::string json) {
  constexpr size_t kWorthGzipBytes = 1024;  // below this, headers cost more than gzip saves
  res.set_header("Vary", "Accept-Encoding");
  if (json.size() >= kWorthGzipBytes && AcceptsGzip(req.get_header_value("Accept-Encoding"))) {
    std::string gzipped = Gzip(json, GzipEffort::Fastest);
    if (!gzipped.empty()) {
      res.set_header("Content-Encoding", "gzip");
      res.set_header("Cache-Control", "no-store");
      SendBytes(res, std::make_shared<const std::string>(std::move(gzipped)), "application/json");
      return;
    }
  }
  SendJson(res, std::move(json));
}

void SendText(httplib::Response& res, std::string text) {
  SendBytes(res, std::make_shared<const std::string>(std::move(text)), "text/plain; charset=utf-8");
}

}  // namespace server
