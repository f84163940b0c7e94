// Reading the request log of a safespaces-server the benchmarks started (its stderr, kept
// in a file): one line per request, "TIME METHOD PATH STATUS BYTES bytes MS ms" (see
// src/server/server.cpp, "[SECTION] Request log"), other lines say what went wrong.
// Shared by the benchmark programs; plain C++. Start at ParseRequestLine.
#pragma once
#include <optional>
#include <sstream>
#include <string>

struct LoggedRequest {
  std::string time;  // "2024-05-06T14:05:01.123Z"
  std::string method;
  std::string path;  // never the query string
  int status = 0;
  double millis = 0;  // how long the server took
};

// The request on a log line, or nullopt for a line that is not one.
inline std::optional<LoggedRequest> ParseRequestLine(const std::string& line) {
  std::istringstream words(line);
  LoggedRequest request;
  std::string bytes, bytes_word, ms_word;
  if (!(words >> request.time >> request.method >> request.path >> request.status >> bytes >> bytes_word >>
        request.millis >> ms_word) ||
      bytes_word != "bytes" || ms_word != "ms")
    return std::nullopt;
  return request;
}
