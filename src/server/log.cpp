// This is the implementation of log.h: timestamped lines on stderr.
#include "server/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace server {
namespace {
constexpr size_t kMaxLoggedChars = 200;  // characters of a path or method kept in a log line
}

std::string UtcTimestamp() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t seconds = system_clock::to_time_t(now);
  const int millis = static_cast<int>(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[48];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

void LogLine(std::string_view message) {
  std::string line = UtcTimestamp();
  line += ' ';
  line += message;
  line += '\n';
  // One write per line, so lines from different threads never interleave.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::string LogSafe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size() < kMaxLoggedChars ? text.size() : kMaxLoggedChars + 3);
  for (char c : text.substr(0, kMaxLoggedChars)) {
    const auto byte = static_cast<unsigned char>(c);
    safe += (byte < 0x20 || byte == 0x7f) ? '?' : c;
  }
  if (text.size() > kMaxLoggedChars) safe += "...";
  return safe;
}

}  // namespace server
