// This is the implementation of log.h: timestamped lines on stderr, and the day files.
#include "server/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace server {
namespace {

constexpr size_t kMaxLoggedChars = 200;  // characters of a path or method kept in a log line
constexpr std::string_view kFilePrefix = "safespaces-";
constexpr std::string_view kFileSuffix = ".log";

// The day files, when --log-dir is given. The mutex guards all of it.
struct LogFiles {
  std::mutex mutex;
  std::filesystem::path dir;  // empty: no files
  int keep_days = 7;
  std::string day;            // "2026-11-28": the day of `file`
  std::FILE* file = nullptr;
};

LogFiles& Files() {
  static LogFiles files;  // one log per process
  return files;
}

std::string DayOf(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];  // room for any int, so the compiler sees no truncation
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
  return text;
}

// Deletes our day files older than keep_days (their names sort by day).
void DeleteOldFiles(const LogFiles& files) {
  const std::string oldest_kept =
      DayOf(std::chrono::system_clock::now() - std::chrono::hours(24) * (files.keep_days - 1));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(files.dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kFilePrefix) || !name.ends_with(kFileSuffix)) continue;
    const std::string day = name.substr(kFilePrefix.size(), name.size() - kFilePrefix.size() - kFileSuffix.size());
    if (day.size() == 10 && day < oldest_kept) std::filesystem::remove(entry.path(), ec);
  }
}

// The file for today, opening it (and tidying old ones) when the day has changed.
std::FILE* TodaysFile(LogFiles& files) {
  const std::string today = DayOf(std::chrono::system_clock::now());
  if (files.file && files.day == today) return files.file;
  if (files.file) std::fclose(files.file);
  files.day = today;
  files.file = std::fopen((files.dir / (std::string(kFilePrefix) + today + std::string(kFileSuffix))).c_str(), "a");
  DeleteOldFiles(files);
  return files.file;
}

}  // namespace

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
  LogFiles& files = Files();
  const std::lock_guard lock(files.mutex);
  if (files.dir.empty()) return;
  if (std::FILE* file = TodaysFile(files)) {
    std::fwrite(line.data(), 1, line.size(), file);
    std::fflush(file);
  }
}

bool StartLogFiles(const std::filesystem::path& dir, int keep_days, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  LogFiles& files = Files();
  const std::lock_guard lock(files.mutex);
  files.dir = dir;
  files.keep_days = keep_days < 1 ? 1 : keep_days;
  files.day.clear();
  if (!ec && TodaysFile(files)) return true;
  error = "Could not write the log in the folder " + dir.string() + (ec ? ": " + ec.message() : std::string()) +
          ". Choose a folder the server may write to with --log-dir.";
  files.dir.clear();
  return false;
}

void StopLogFiles() {
  LogFiles& files = Files();
  const std::lock_guard lock(files.mutex);
  if (files.file) std::fclose(files.file);
  files.file = nullptr;
  files.dir.clear();
  files.day.clear();
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
