// The server's log: one line per event on stderr, each starting with the UTC time, and
// with --log-dir also in one file a day there, deleting files older than --log-days.
// What is never logged, for the children's privacy: IP addresses, user agents, query
// strings, request bodies and device ids. Request lines are written by server.cpp.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace server {

void LogLine(std::string_view message);  // adds the time and the newline; thread-safe

// From now on LogLine also writes to `dir`/safespaces-YYYY-MM-DD.log (UTC days), and
// deletes such files more than `keep_days` old when it starts a day's file. False (and
// `error`) when the folder cannot be made or written.
bool StartLogFiles(const std::filesystem::path& dir, int keep_days, std::string& error);
void StopLogFiles();  // back to stderr only (tests)
std::string UtcTimestamp();              // "2025-06-01T09:30:00.123Z"

// Makes text from a request safe for one log line: control characters become '?' and
// long text is cut short, so nobody can forge or flood lines through a URL.
std::string LogSafe(std::string_view text);

}  // namespace server
