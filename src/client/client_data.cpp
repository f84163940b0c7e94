// This is the implementation of client_data.h.
//
// [SECTION] Opening the device's data
// [SECTION] Intents
// [SECTION] Sync
#include "client/client_data.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/uuid.h"
#include "core/validation.h"
#include "store/device_store.h"

namespace {

std::string NewItemId(ClientData& data) {
  std::array<std::uint8_t, core::kUuidRandomBytes> random{};
  data.ports.random_bytes(random);
  return core::MakeUuidV7(static_cast<std::uint64_t>(data.ports.unix_millis()), random);
}

// "2026-10" for one month ago: the visit is kept as a month, never a day.
std::string VisitMonth(const ClientData& data, int months_ago) {
  const core::YearMonth now = core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes());
  int month = now.month - std::clamp(months_ago, 0, 2);
  int year = now.year;
  while (month < 1) {
    month += 12;
    --year;
  }
  char text[8];
  std::snprintf(text, sizeof(text), "%04d-%02d", year, month);
  return text;
}

constexpr std::string_view kPreferencesKey = "preferences";
constexpr std::string_view kNicknameKey = "nickname";
constexpr std::string_view kCompanionKey = "companion";
constexpr std::string_view kWelcomeDoneKey = "welcome_done";

void ShuffleNicknames(AppState& state, ClientData& data) {
  std::array<std::uint8_t, 6> random{};
  data.ports.random_bytes(random);
  for (std::size_t i = 0; i < state.nickname_choices.size(); ++i)
    state.nickname_choices[i] = core::MakeNickname(random[2 * i], random[2 * i + 1]);
}

void SaveIdentity(const AppState& state, ClientData& data) {
  std::string error;
  if (store::SetDeviceMeta(data.db, kNicknameKey, state.nickname, error) &&
      store::SetDeviceMeta(data.db, kCompanionKey, core::CompanionName(state.companion), error) &&
      store::SetDeviceMeta(data.db, kWelcomeDoneKey, state.first_run_done ? "yes" : "", error))
    data.ports.persist();
}

std::string PreferencesToJson(const Preferences& p) {
  const nlohmann::json doc = {
      {"text_percent", p.look.text_percent},
      {"font", p.look.font == ui::FontFamily::OpenDyslexic ? "open_dyslexic" : "atkinson"},
      {"contrast", p.look.contrast == ui::Contrast::High ? "high" : "standard"},
      {"reduce_motion", p.reduce_motion},
      {"sounds", p.sounds},
      {"read_aloud", p.read_aloud}};
  return core::DumpJson(doc);
}

// Reads what was saved; anything missing or odd keeps its default.
Preferences PreferencesFromJson(std::string_view text, Preferences p) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object()) return p;
  if (doc.contains("text_percent") && doc["text_percent"].is_number_integer())
    p.look.text_percent = std::clamp(doc["text_percent"].get<int>(), ui::kMinTextPercent, ui::kMaxTextPercent);
  if (doc.contains("font") && doc["font"].is_string())
    p.look.font = doc["font"] == "open_dyslexic" ? ui::FontFamily::OpenDyslexic : ui::FontFamily::Atkinson;
  if (doc.contains("contrast") && doc["contrast"].is_string())
    p.look.contrast = doc["contrast"] == "high" ? ui::Contrast::High : ui::Contrast::Standard;
  for (auto [key, field] : {std::pair{"reduce_motion", &p.reduce_motion}, {"sounds", &p.sounds},
                            {"read_aloud", &p.read_aloud}})
    if (doc.contains(key) && doc[key].is_boolean()) *field = doc[key].get<bool>();
  return p;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Opening the device's data
//-----------------------------------------------------------------------------

std::optional<ClientData> OpenClientData(const std::string& path, ClientPorts ports, std::string& error) {
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  // One connection, and a file system without shared memory on the web: the classic
  // journal is the safe choice on every device.
  options.journal = store::Journal::Rollback;
  std::optional<store::Database> db = store::Database::Open(path, error, options);
  if (!db) return std::nullopt;
  ClientData data{std::move(*db), core::SyncEngine{}, std::move(ports)};
  data.device_id = store::DeviceMeta(data.db, store::kDeviceIdKey);
  if (data.device_id.empty()) {
    std::array<std::uint8_t, 16> random{};
    data.ports.random_bytes(random);
    data.device_id = core::MakeUuidV4(random);
    if (!store::SetDeviceMeta(data.db, store::kDeviceIdKey, data.device_id, error)) return std::nullopt;
    data.ports.persist();
  }
  return data;
}

Preferences LoadPreferences(ClientData& data) {
  Preferences defaults;
  defaults.reduce_motion = data.ports.prefers_reduced_motion();
  return PreferencesFromJson(store::DeviceMeta(data.db, kPreferencesKey), defaults);
}

void LoadIdentity(AppState& state, ClientData& data) {
  state.nickname = store::DeviceMeta(data.db, kNicknameKey);
  const std::string companion = store::DeviceMeta(data.db, kCompanionKey);
  for (core::Companion c : core::kAllCompanions)
    if (core::CompanionName(c) == companion) state.companion = c;
  state.first_run_done = store::DeviceMeta(data.db, kWelcomeDoneKey) == "yes";
  ShuffleNicknames(state, data);
  if (!core::IsNickname(state.nickname)) {
    state.nickname = state.nickname_choices[0];
    SaveIdentity(state, data);
  }
  if (!state.first_run_done) {
    state.screen = Screen::Welcome;
    state.back_stack.clear();
  }
}

void RefreshState(AppState& state, ClientData& data) {
  state.places = store::CachedPlaces(data.db);
  std::sort(state.places.begin(), state.places.end(),
            [](const core::PublicPlace& a, const core::PublicPlace& b) { return a.place.name < b.place.name; });
  state.waiting_count = store::CountWaiting(data.db);
  const core::YearMonth now = core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes());
  state.this_year = now.year;
  state.this_month = now.month;
  state.saved_place_ids = store::SavedPlaceIds(data.db);
  state.contributions.clear();
  for (const store::Contribution& made : store::Contributions(data.db)) {
    MyContribution mine;
    mine.kind = made.item.Kind();
    if (const auto* rating = std::get_if<core::Rating>(&made.item.payload)) {
      mine.place_id = rating->place_id;
    } else if (const auto* suggestion = std::get_if<core::Suggestion>(&made.item.payload)) {
      mine.place_id = suggestion->id;
      mine.place_name = suggestion->name;
    } else {
      continue;  // a withdrawal is not something to list
    }
    if (const core::PublicPlace* place = FindPlace(state, mine.place_id)) mine.place_name = place->place.name;
    if (mine.place_name.empty()) mine.place_name = "A place";
    mine.state = made.state == store::ContributionState::Waiting ? SentState::Waiting
                 : made.state == store::ContributionState::Sent  ? SentState::Sent
                                                                 : SentState::NotAdded;
    mine.message = made.message;
    state.contributions.push_back(std::move(mine));
  }
  data.sync.SetWaitingCount(state.waiting_count);
  data.sync.SetSavedOnDevice(data.ports.persisted());
  data.sync.SetOnline(data.ports.online());
  state.sync_status = data.sync.Status(data.ports.now_seconds());
}

//-----------------------------------------------------------------------------
// [SECTION] Intents
//-----------------------------------------------------------------------------

namespace {

void StartRating(AppState& state, const std::string& place_id) {
  const auto place = std::find_if(state.places.begin(), state.places.end(),
                                  [&](const core::PublicPlace& p) { return p.place.id == place_id; });
  if (place == state.places.end()) return;
  state.rating = RatingDraft{place->place.id, place->place.name};
  state.back_stack.push_back(state.screen);
  state.screen = Screen::RateQuestion;
}

void SendRating(AppState& state, ClientData& data) {
  core::Rating rating;
  rating.id = NewItemId(data);
  rating.place_id = state.rating.place_id;
  rating.device_id = data.device_id;
  rating.scales = state.rating.scales;
  rating.facilities = state.rating.facilities;
  rating.comment = core::TrimText(state.rating.comment);
  rating.visit_month = VisitMonth(data, state.rating.months_ago);
  if (!core::HasAnyAnswer(rating)) {
    state.problem = "Please answer at least one question before you send.";
    return;
  }
  // The same rules as the server, so what is kept here is what the server will take.
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  const core::YearMonth now = core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes());
  context.current_year = now.year;
  context.current_month = now.month;
  if (const std::vector<core::FieldError> problems = core::Validate(rating, context); !problems.empty()) {
    state.problem = problems.front().message;
    return;
  }
  std::string error;
  if (!store::AddContribution(data.db, core::OutboxItem{rating}, error)) {
    state.problem = "Sorry, we could not save this on your device. Please try again.";
    return;
  }
  data.ports.persist();
  state.problem.clear();
  state.rating = RatingDraft{};
  state.back_stack.clear();
  state.back_stack.push_back(Screen::Home);
  state.screen = Screen::RateDone;
}

}  // namespace

void ApplyActions(AppState& state, Actions& actions, ClientData& data) {
  bool wrote = false;
  for (const Action& action : actions.items) {
    if (ApplyNavigation(state, action)) continue;
    switch (action.kind) {
      case ActionKind::StartRating: StartRating(state, action.place_id); break;
      case ActionKind::AnswerScale:
        if (action.index >= 0 && action.index < static_cast<int>(core::kScaleCount))
          state.rating.scales[static_cast<std::size_t>(action.index)] =
              static_cast<std::uint8_t>(std::clamp(action.value, 0, static_cast<int>(core::kMaxFaces)));
        break;
      case ActionKind::AnswerFacility:
        if (action.index >= 0 && action.index < static_cast<int>(core::kFacilityCount))
          state.rating.facilities[static_cast<std::size_t>(action.index)] = action.answer;
        break;
      case ActionKind::RatingComment: state.rating.comment = action.text; break;
      case ActionKind::RatingWhen: state.rating.months_ago = std::clamp(action.value, 0, 2); break;
      case ActionKind::RatingStep:
        state.rating.step = std::clamp(action.value, 0, kRatingSteps - 1);
        state.problem.clear();
        break;
      case ActionKind::SendRating:
        SendRating(state, data);
        wrote = true;
        break;
      case ActionKind::SetPreferences: {
        state.preferences = action.preferences;
        std::string error;
        if (store::SetDeviceMeta(data.db, kPreferencesKey, PreferencesToJson(state.preferences), error))
          data.ports.persist();
        break;
      }
      case ActionKind::ReadAloud: data.ports.speak(action.text); break;
      case ActionKind::OpenPlace:
        if (FindPlace(state, action.place_id)) {
          state.open_place_id = action.place_id;
          ApplyNavigation(state, {ActionKind::OpenScreen, Screen::PlaceCard});
        }
        break;
      case ActionKind::SavePlace: {
        std::string error;
        if (store::SetPlaceSaved(data.db, action.place_id, action.value != 0, error)) {
          data.ports.persist();
          wrote = true;
        } else {
          state.problem = "Sorry, we could not save this on your device. Please try again.";
        }
        break;
      }
      case ActionKind::SetMapFilter:
        state.map_filter = action.filter;
        state.list_length = kListPage;
        break;
      case ActionKind::ShowMorePlaces: state.list_length += kListPage; break;
      case ActionKind::MoveMap:
        if (std::isfinite(action.lat) && std::isfinite(action.lon) && std::isfinite(action.zoom)) {
          state.map_lat = core::ClampLatitude(action.lat);
          state.map_lon = action.lon;
          state.map_zoom = core::ClampZoom(action.zoom);
        }
        break;
      case ActionKind::WelcomeStep: state.welcome_step = std::clamp(action.value, 0, 3); break;
      case ActionKind::ChooseNickname:
        if (core::IsNickname(action.text)) {
          state.nickname = action.text;
          SaveIdentity(state, data);
        }
        break;
      case ActionKind::ShuffleNicknames: ShuffleNicknames(state, data); break;
      case ActionKind::ChooseCompanion:
        if (action.value >= 0 && action.value < static_cast<int>(core::kAllCompanions.size())) {
          state.companion = core::kAllCompanions[static_cast<std::size_t>(action.value)];
          SaveIdentity(state, data);
        }
        break;
      case ActionKind::FinishWelcome:
        state.first_run_done = true;
        SaveIdentity(state, data);
        state.back_stack.clear();
        state.screen = Screen::Home;
        break;
      case ActionKind::Directions:
        if (const core::PublicPlace* place = FindPlace(state, action.place_id)) {
          // OpenStreetMap's directions page: it works on every phone and asks nothing of the
          // young person; their phone may offer its own map app instead.
          char url[160];
          std::snprintf(url, sizeof(url), "https://www.openstreetmap.org/directions?to=%.6f%%2C%.6f",
                        place->place.lat, place->place.lon);
          data.ports.open_url(url);
        }
        break;
      default: break;
    }
  }
  actions.items.clear();
  if (wrote) RefreshState(state, data);
}

//-----------------------------------------------------------------------------
// [SECTION] Sync
//-----------------------------------------------------------------------------

namespace {

void HandleSyncAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  const double now = data.ports.now_seconds();
  data.sync_request_id = 0;
  if (answer.status != 200) {
    std::array<std::uint8_t, 1> jitter{};
    data.ports.random_bytes(jitter);
    data.sync.Failed(now, jitter[0] / 256.0);
    return;
  }
  core::Parsed<core::SyncAnswer> parsed = core::ParseSyncAnswer(answer.body);
  std::string error;
  if (!parsed || !store::RecordResults(data.db, parsed.value->results, error) ||
      !store::ApplyPlaceChanges(data.db, parsed.value->changes, error)) {
    data.sync.Failed(now, 0.5);
    return;
  }
  data.ports.persist();
  const int taken = static_cast<int>(std::count_if(parsed.value->results.begin(), parsed.value->results.end(), [](const core::ItemResult& r) {
    return r.outcome != core::ItemOutcome::Rejected;
  }));
  RefreshState(state, data);
  data.sync.Succeeded(now, taken, parsed.value->changes.more || state.waiting_count > 0);
  if (taken > 0 && state.preferences.sounds) data.ports.chime();
}

void StartSync(ClientData& data) {
  const std::vector<core::OutboxItem> items = store::WaitingItems(data.db, core::kMaxItemsPerSync);
  const std::string cursor = store::DeviceMeta(data.db, store::kMapCursorKey);
  data.sync_request_id = data.next_request_id++;
  data.sync_item_count = static_cast<int>(items.size());
  data.sync.Started(data.ports.now_seconds());
  data.ports.http(data.sync_request_id, "POST", "/api/v1/sync", core::BuildSyncRequest(data.device_id, cursor, items));
}

}  // namespace

void SyncTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers)
    if (answer.request_id == data.sync_request_id) HandleSyncAnswer(state, data, answer);

  const double now = data.ports.now_seconds();
  data.sync.SetOnline(data.ports.online());
  data.sync.SetSavedOnDevice(data.ports.persisted());
  // Send only what is safely kept on the device: what the server acknowledges must never
  // be something the device could still lose.
  if (data.ports.persisted() && data.sync.ShouldSync(now)) StartSync(data);
  state.sync_status = data.sync.Status(now);
}
