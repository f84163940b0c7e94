// The client's data side: the device's store (what it made, its copy of the map) and the
// sync engine, and the functions that run after each frame: ApplyActions (intents ->
// state and store) and SyncTick (store <-> server, through the platform's HTTP).
// Screens never call these; runtime.cpp and the ui_* tests do. Start with OpenClientData.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "client/app.h"
#include "core/sync_engine.h"
#include "store/database.h"

// What the data side needs from outside: clock, randomness, HTTP, persistence. The runtime
// wires these to platform/; tests wire them to fakes or to a real server.
struct ClientPorts {
  std::function<double()> now_seconds;
  std::function<std::int64_t()> unix_millis;
  std::function<int()> utc_offset_minutes;
  std::function<void(std::span<std::uint8_t>)> random_bytes;
  std::function<void(int request_id, const char* method, const std::string& path, const std::string& body)> http;
  std::function<void()> persist;         // after each write
  std::function<bool()> persisted;       // everything written is safely kept
  std::function<bool()> online;
  std::function<void(const std::string&)> speak;  // read aloud (the browser's speech)
  std::function<bool()> prefers_reduced_motion;
  std::function<void()> chime;  // a soft "it went!" sound
  std::function<void(const std::string&)> open_url;  // another app (the phone's maps)
};

struct ClientData {
  store::Database db;
  core::SyncEngine sync;
  ClientPorts ports;
  std::string device_id;
  int next_request_id = 1;
  int sync_request_id = 0;  // the request in flight, 0 if none
  int sync_item_count = 0;  // items in that request
};

// Opens (or creates) the device database at `path` (":memory:" in tests) and makes the
// device's random id on first use. nullopt with `error` when the database cannot be used.
std::optional<ClientData> OpenClientData(const std::string& path, ClientPorts ports, std::string& error);

// The young person's preferences saved on this device (defaults on first run).
Preferences LoadPreferences(ClientData& data);

// The young person's nickname and buddy (made up on first use), and whether the welcome
// was seen; shows the welcome first when it was not.
void LoadIdentity(AppState& state, ClientData& data);

// Reads what the screens show from the store into `state`.
void RefreshState(AppState& state, ClientData& data);

// Applies the frame's intents in order, writes what they made to the store, empties `actions`.
void ApplyActions(AppState& state, Actions& actions, ClientData& data);

// Handles answers that arrived and starts a sync when one is due. Once per frame.
struct HttpAnswer {
  int request_id = 0;
  int status = 0;
  std::string body;
};
void SyncTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers);
