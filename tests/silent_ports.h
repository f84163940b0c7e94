// Client ports that do nothing but answer: no sound, no speech, no other apps, everything
// "kept", a fixed clock. Tests and benchmarks start from these and set what they look at
// (HTTP, the clock, being online). The UI tests' own harness (ui_harness.h) records instead.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "client/client_data.h"

inline ClientPorts SilentPorts(std::int64_t unix_seconds) {
  ClientPorts ports;
  ports.now_seconds = [] { return 1000.0; };
  ports.unix_millis = [unix_seconds] { return unix_seconds * 1000; };
  ports.utc_offset_minutes = [] { return 0; };
  ports.random_bytes = [](std::span<std::uint8_t> out) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(i * 37 + 11);
  };
  ports.http = [](int, const char*, const std::string&, const std::string&) {};
  ports.staff_http = [](int, const char*, const std::string&, const std::string&, const std::string&) {};
  ports.persist = [] {};
  ports.persisted = [] { return true; };
  ports.online = [] { return false; };
  ports.speak = [](const std::string&) {};
  ports.prefers_reduced_motion = [] { return false; };
  ports.chime = [] {};
  ports.open_url = [](const std::string&) {};
  ports.request_location = [] {};
  ports.save_file = [](const std::string&, const std::string&, const std::string&) {};
  ports.open_document = [](const std::string&) {};
  ports.start_path = [] { return std::string("/"); };
  ports.site_address = [] { return std::string(); };
  return ports;
}
