// The server's log: one line per event on stderr, each starting with the UTC time.
// What is never logged, for the children's privacy: IP addresses, user agents, query
// strings and request bodies. Request lines are written by server.cpp.
#pragma once
#include <string>
#include <string_view>

namespace server {

void LogLine(std::string_view message);  // adds the time and the newline; thread-safe
std::string UtcTimestamp();              // "2025-06-01T09:30:00.123Z"

// Makes text from a request safe for one log line: control characters become '?' and
// long text is cut short, so nobody can forge or flood lines through a URL.
std::string LogSafe(std::string_view text);

}  // namespace server
