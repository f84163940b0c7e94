// A headless ImGui context for ui_* tests: the real fonts and style, a display of a chosen
// size and pixel ratio, no window, and the real data side (ClientData) on an in-memory
// device database. Its ports are under the test's control: a clock it moves, an online
// switch, and HTTP requests collected in `requests` for the test to answer.
// Frame() draws and applies one frame; Tap(name) presses an item found by its name.
#pragma once
#include <imgui.h>

#include <random>
#include <string>
#include <vector>

#include "client/app.h"
#include "client/client_data.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "store/device_store.h"

struct SentRequest {
  int id = 0;
  std::string method;
  std::string path;
  std::string body;
  std::string bearer_token;  // staff_requests only
};

struct SavedFile {
  std::string name;
  std::string mime_type;
  std::string bytes;
};

inline constexpr const char* kCentralLibraryId = "018f2d6e-0000-7000-8000-00000000000a";

struct UiHarness {
  AppState state;
  Actions actions;
  std::optional<ClientData> data;
  double now = 1000.0;                         // seconds on the fake monotonic clock
  std::int64_t unix_ms = 1795737600000;        // 2026-11-27, the fake wall clock
  bool online = true;
  std::vector<SentRequest> requests;           // sent and not yet answered
  std::vector<SentRequest> config_requests;    // GET /api/v1/config, apart (the map's tile source)
  std::vector<SentRequest> restore_requests;   // POST /api/v1/restore-code and /api/v1/restore, apart
  std::vector<SentRequest> staff_requests;     // a member of staff's requests, with their token
  std::vector<HttpAnswer> answers;             // to deliver on the next frame
  std::mt19937 random{7};
  bool fonts_loaded = false;
  float pixel_ratio = 3.0f;
  std::vector<std::string> spoken;             // what "Read aloud" said
  int chimes = 0;                              // "it went!" sounds played
  std::vector<std::string> opened;             // web addresses handed to other apps
  std::vector<SavedFile> saved;                // files downloaded
  std::vector<std::string> documents;          // pages opened to print
  std::string start_path = "/";                // the address the app was opened at
  std::string site = "safespaces.example.org";  // where young people go to join (a staff board says it)
  int location_requests = 0;                   // times the app asked where the phone is
  int persists = 0;                            // times the app asked for its data to be saved
  ui::LookSettings look;                       // what the fonts were built for

  explicit UiHarness(float width = 390.0f, float height = 844.0f, float ratio = 3.0f) : pixel_ratio(ratio) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
    io.DeltaTime = 1.0f / 60.0f;
    fonts_loaded = ui::ApplyLook(SAFESPACES_TEST_ASSETS_DIR, pixel_ratio, ui::LookSettings{});
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    std::string error;
    data = OpenClientData(":memory:", Ports(), error);
    if (data) RefreshState(state, *data);
  }
  ~UiHarness() { ImGui::DestroyContext(); }
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  ClientPorts Ports() {
    ClientPorts ports;
    ports.now_seconds = [this] { return now; };
    ports.unix_millis = [this] { return unix_ms; };
    ports.utc_offset_minutes = [] { return 0; };
    ports.random_bytes = [this](std::span<std::uint8_t> out) {
      for (std::uint8_t& b : out) b = static_cast<std::uint8_t>(random());
    };
    ports.http = [this](int id, const char* method, const std::string& path, const std::string& body) {
      // The map's tile source is asked for on its own; tests that care answer it there.
      // So do the restore code's requests, so tests that count syncs are not disturbed.
      std::vector<SentRequest>& list = path == "/api/v1/config"                ? config_requests
                                       : path.rfind("/api/v1/restore", 0) == 0 ? restore_requests
                                                                               : requests;
      list.push_back({id, method, path, body});
    };
    ports.staff_http = [this](int id, const char* method, const std::string& path, const std::string& body,
                              const std::string& bearer_token) {
      staff_requests.push_back({id, method, path, body, bearer_token});
    };
    ports.save_file = [this](const std::string& name, const std::string& mime_type, const std::string& bytes) {
      saved.push_back({name, mime_type, bytes});
    };
    ports.open_document = [this](const std::string& html) { documents.push_back(html); };
    ports.start_path = [this] { return start_path; };
    ports.site_address = [this] { return site; };
    ports.persist = [this] { ++persists; };
    ports.persisted = [] { return true; };
    ports.online = [this] { return online; };
    ports.speak = [this](const std::string& text) { spoken.push_back(text); };
    ports.prefers_reduced_motion = [] { return false; };
    ports.chime = [this] { ++chimes; };
    ports.open_url = [this](const std::string& url) { opened.push_back(url); };
    ports.request_location = [this] { ++location_requests; };
    return ports;
  }

  void Frame() {
    if (look != state.preferences.look) {  // as the runtime does: rebuild fonts for the new look
      look = state.preferences.look;
      fonts_loaded = ui::ApplyLook(SAFESPACES_TEST_ASSETS_DIR, pixel_ratio, look);
      unsigned char* pixels = nullptr;
      int w = 0, h = 0;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ImGui::NewFrame();
    DrawApp(state, actions);
    ImGui::Render();
    if (std::string heard = ui::TakeReadAloudRequest(); !heard.empty() && state.preferences.read_aloud)
      actions.ReadAloud(std::move(heard));  // as the runtime does
    ApplyActions(state, actions, *data);
    std::vector<HttpAnswer> delivered;
    delivered.swap(answers);
    SyncTick(state, *data, delivered);
  }

  // Answers the oldest unanswered request; it arrives on the next frame.
  void Answer(int status, std::string body) {
    REQUIRE_FALSE(requests.empty());
    answers.push_back({requests.front().id, status, std::move(body)});
    requests.erase(requests.begin());
  }

  // Answers the oldest unanswered restore request; it arrives on the next frame.
  void AnswerRestore(int status, std::string body) {
    REQUIRE_FALSE(restore_requests.empty());
    answers.push_back({restore_requests.front().id, status, std::move(body)});
    restore_requests.erase(restore_requests.begin());
  }

  // Whether the last frame showed an item of this role and name.
  bool Shows(ui::Role role, const std::string& name) const { return state.ui_record.Find(role, name) != nullptr; }

  const ui::Item* FindTappable(const std::string& name) const {
    const ui::Item* item = state.ui_record.Find(ui::Role::Button, name);
    if (!item) item = state.ui_record.Find(ui::Role::Radio, name);
    if (!item) item = state.ui_record.Find(ui::Role::Switch, name);
    return item;
  }

  // Puts "Central Library" (kCentralLibraryId) on the map: the place most tests rate.
  void AddCentralLibrary() {
    AddToMap({{core::Place{.id = kCentralLibraryId,
                           .name = "Central Library",
                           .category = core::Category::Library,
                           .lat = 52.4075,
                           .lon = -1.5106,
                           .status = core::PlaceStatus::Approved},
               {}}});
  }

  // Puts approved places on the device's map, as a sync from the server would.
  void AddToMap(std::vector<core::PublicPlace> places) {
    core::PlaceChanges changes;
    changes.places = std::move(places);
    changes.cursor = "1";
    std::string error;
    REQUIRE(store::ApplyPlaceChanges(data->db, changes, error));
    RefreshState(state, *data);
  }

  // What a phone keyboard sends through a text field's HTML twin: the whole new text.
  void Type(const std::string& field_name, const std::string& text) {
    const ui::Item* field = state.ui_record.Find(ui::Role::TextBox, field_name);
    REQUIRE(field);
    ui::QueueText(field->id, text);
    Frame();
    Frame();
  }

  // Returns false when no button or choice of that name is on the screen. An item below
  // or above the visible part is first scrolled into view with the mouse wheel, as a
  // person would.
  bool Tap(const std::string& name) {
    const ui::Item* item = FindTappable(name);
    if (!item) return false;
    ImGuiIO& io = ImGui::GetIO();
    for (int tries = 0; tries < 40 && item; ++tries) {
      const bool below = item->rect.y + item->rect.h > io.DisplaySize.y;
      const bool above = item->rect.y < 0.0f;
      if (!below && !above) break;
      io.MousePos = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
      io.MouseWheel = below ? -1.0f : 1.0f;
      Frame();
      io.MouseWheel = 0.0f;
      item = FindTappable(name);
    }
    if (!item) return false;
    io.MousePos = ImVec2(item->rect.CenterX(), item->rect.CenterY());
    Frame();  // finger arrives: the item is hovered
    io.MouseDown[0] = true;
    Frame();  // press
    io.MouseDown[0] = false;
    Frame();  // release: the item reports its press
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // finger lifted: nothing stays hovered
    Frame();
    return true;
  }
};
