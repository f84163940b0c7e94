// The client's data side: the device's store (what it made, its copy of the map) and the
// sync engine, and the functions that run after each frame: ApplyActions (intents ->
// state and store) and SyncTick (store <-> server, through the platform's HTTP).
// Screens never call these; runtime.cpp and the ui_* tests do. Start with OpenClientData.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/app.h"
#include "client/staff_data.h"
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
  // A member of staff's request, with their login's token (platform::HttpRequest's bearer).
  std::function<void(int request_id, const char* method, const std::string& path, const std::string& body,
                     const std::string& bearer_token)>
      staff_http;
  std::function<void()> persist;         // after each write
  std::function<bool()> persisted;       // everything written is safely kept
  std::function<bool()> online;
  std::function<void(const std::string&)> speak;  // read aloud (the browser's speech)
  std::function<bool()> prefers_reduced_motion;
  std::function<void()> chime;  // a soft "it went!" sound
  std::function<void(const std::string&)> open_url;  // another app (the phone's maps)
  std::function<void()> request_location;  // asks the phone where it is, once; see ApplyLocation
  std::function<void(const std::string& file_name, const std::string& mime_type, const std::string& bytes)>
      save_file;                                          // a download (a summary as CSV)
  std::function<void(const std::string& html)> open_document;  // a printable page in a new tab
  std::function<std::string()> start_path;                // "/join/KXM4P7" when opened from a QR code
  // Staff (co-production sessions): where young people go to join ("safespaces.example.org").
  std::function<std::string()> site_address;
};

struct ClientData {
  store::Database db;
  core::SyncEngine sync;
  ClientPorts ports;
  std::string device_id;
  int next_request_id = 1;
  int sync_request_id = 0;  // the request in flight, 0 if none
  int sync_item_count = 0;  // items in that request
  double places_read_due = 0.0;  // while the map comes in pages: when the screens get the pages so far
  double places_save_due = 0.0;  // ...and when they are next copied to lasting storage (ports.persist)
  // The map's pages the screens have not got yet, by place id: the place as it is now, or
  // nullopt when it left the map. The store has them already (ApplyPlaceChanges).
  std::map<std::string, std::optional<core::PublicPlace>> places_pending;
  bool map_config_loaded = false;  // the saved tile source was read from the device
  int config_request_id = 0;       // GET /api/v1/config in flight, 0 if none
  double config_due = 0.0;         // when to ask (again); the server's answer is asked once a run
  bool config_fresh = false;       // this run's answer arrived
  int restore_code_request_id = 0;  // POST /api/v1/restore-code in flight, 0 if none
  double restore_code_due = 0.0;    // when to register this device's restore code (again)
  int restore_request_id = 0;       // POST /api/v1/restore in flight, 0 if none
  std::string restore_asked;        // the normalised code of that request, or of one waiting
                                    // for a sync in flight to end ("" if none)
  int group_join_request_id = 0;    // POST /api/v1/sessions/join in flight, 0 if none (client_group.h)
  int group_status_request_id = 0;  // POST /api/v1/sessions/status in flight, 0 if none
  double group_status_due = 0.0;    // when to ask how the group is (again)
  StaffConnection staff;            // Staff (co-production sessions): the login's token, in memory only
  // "Delete everything I sent": asked, then sent once nothing this device sends is on its
  // way (a sync, a join, a restore), and no sync starts until its answer. What this device
  // had made when it was sent is forgotten when the server says it deleted it.
  bool erase_asked = false;
  int erase_request_id = 0;                 // POST /api/v1/device/erase in flight, 0 if none
  std::vector<std::string> erase_item_ids;  // the contributions it deletes
};

// Opens (or creates) the device database at `path` (":memory:" in tests) and makes the
// device's random id and restore code on first use. nullopt with `error` when the database cannot be used.
// `journal`: store::Journal::Memory where the platform copies the data between frames.
std::optional<ClientData> OpenClientData(const std::string& path, ClientPorts ports, std::string& error,
                                         store::Journal journal = store::Journal::Rollback);

// The young person's preferences saved on this device (defaults on first run).
Preferences LoadPreferences(ClientData& data);

// The young person's nickname and buddy (made up on first use), and whether the welcome
// was seen; shows the welcome first when it was not.
void LoadIdentity(AppState& state, ClientData& data);

// Reads what the screens show from the store into `state`: every place, then RefreshMine.
// At 100,000 places reading them all takes seconds in the browser, so only the start (and
// tests) call it; the map's pages reach `state` through MergePlaceChanges.
void RefreshState(AppState& state, ClientData& data);

// Reads everything but the places: what this device made, its progress, its sync line.
// After each action that wrote to the store.
void RefreshMine(AppState& state, ClientData& data);

// Gives `state.places` the pages in `data.places_pending` and empties it, so that the list
// is what RefreshState would read from the store (in the same order), without reading the
// places that did not change.
void MergePlaceChanges(AppState& state, ClientData& data);

// Applies the frame's intents in order, writes what they made to the store, empties `actions`.
void ApplyActions(AppState& state, Actions& actions, ClientData& data);

// Handles answers that arrived and starts a sync when one is due. Once per frame.
struct HttpAnswer {
  int request_id = 0;
  int status = 0;
  std::string body;
};
void SyncTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers);

// The tile source and area from GET /api/v1/config's body: the map's "my area" is the
// middle of the service area at a zoom that shows most of it on a phone. nullopt if the
// body is not that shape (the map keeps what it had).
std::optional<MapConfig> ParseMapConfig(std::string_view body);

// The phone's answer to "Use where I am" (the runtime hands on the platform's answer). It
// moves the map there (nothing is kept) or says kindly why it could not; ignored unless the
// suggestion flow asked.
struct LocationAnswer {
  enum class Problem { None, Denied, Unavailable, TimedOut, NotSupported };
  bool ok = false;
  double lat = 0, lon = 0;  // degrees
  double accuracy_m = 0;    // metres
  Problem problem = Problem::None;
};
void ApplyLocation(AppState& state, const LocationAnswer& answer);
