// This is the implementation of client_data.h.
//
// [SECTION] Opening the device's data
// [SECTION] Intents
// [SECTION] Sync
// [SECTION] Delete everything I sent
#include "client/client_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "client/client_group.h"
#include "client/staff_data.h"
#include "core/api_error.h"
#include "core/codec.h"
#include "core/map_math.h"
#include "core/restore_code.h"
#include "core/restore_protocol.h"
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
  return core::MonthText({year, month});
}

constexpr std::string_view kPreferencesKey = "preferences";
constexpr std::string_view kNicknameKey = "nickname";
constexpr std::string_view kCompanionKey = "companion";
constexpr std::string_view kWelcomeDoneKey = "welcome_done";
constexpr std::string_view kMapConfigKey = "map_config";  // GET /api/v1/config's last answer
constexpr double kConfigRetrySeconds = 30.0;              // after a failed GET /api/v1/config
constexpr double kCatchUpReadSeconds = 2.0;  // s: the places on screen, read again at most this often while more pages come
constexpr double kCatchUpReadShare = 8.0;    // ...and no sooner than this many times what the last reading took
constexpr double kCatchUpSaveSeconds = 15.0;  // s: the device's copy saved at most this often while more pages come
constexpr double kRestoreCodeRetrySeconds = 30.0;         // after a failed POST /api/v1/restore-code

// A restore code for this device when it has none: random words only, nothing about the
// young person goes into them.
bool MakeRestoreCodeIfNone(ClientData& data, std::string& error) {
  if (!store::DeviceMeta(data.db, store::kRestoreCodeKey).empty()) return true;
  std::array<std::uint8_t, core::kRestoreCodeBytes> random{};
  data.ports.random_bytes(random);
  if (!store::SetDeviceMeta(data.db, store::kRestoreCodeKey, core::MakeRestoreCode(random), error)) return false;
  data.ports.persist();
  return true;
}

// "Delete everything I sent" is asked for or on its way: nothing else this device sends
// may go meanwhile, or it could arrive after the deletion and stay.
bool Erasing(const ClientData& data) { return data.erase_asked || data.erase_request_id != 0; }

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

std::optional<ClientData> OpenClientData(const std::string& path, ClientPorts ports, std::string& error,
                                         store::Journal journal) {
  store::OpenOptions options;
  options.schema = store::Schema::Device;
  // One connection, and no shared memory on the web: never WAL. The classic journal on a
  // real disk; in memory where the file is only copied between frames (the web).
  options.journal = journal;
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
  if (!MakeRestoreCodeIfNone(data, error)) return std::nullopt;
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
  LoadGroup(state, data);
}

namespace {

// Works the game out again from everything this device sent (not what the server turned
// away), and celebrates what is new: never the first time, and never a loss.
void UpdateProgress(AppState& state, ClientData& data, const std::vector<store::Contribution>& made) {
  std::vector<core::SentItem> sent;
  for (const store::Contribution& item : made) {
    if (item.state == store::ContributionState::Rejected) continue;
    sent.push_back({item.item, item.review, item.first_in_area, item.comment_approved});
  }
  const auto category_of = [&state](std::string_view place_id) {
    const core::PublicPlace* place = FindPlace(state, std::string(place_id));
    return place ? place->place.category : core::Category::Other;
  };
  const std::string month = core::MonthText({state.this_year, state.this_month});
  std::vector<core::ProgressEvent> events = core::EventsFromSent(sent, category_of, month);
  for (core::ProgressEvent& joined : JoinedGroupEvents(data)) events.push_back(std::move(joined));
  core::Progress progress = core::ComputeProgress(events);
  const core::ProgressChange change = core::DiffProgress(state.progress, progress);
  const bool on_the_map = progress.counts.places_on_map > state.progress.counts.places_on_map;
  if (state.progress_known && (!change.new_badges.empty() || change.level_up || on_the_map)) {
    AppState::Celebration& party = state.celebration;
    if (!party.showing || party.seen) party = {};
    party.showing = true;
    party.on_the_map = party.on_the_map || on_the_map;
    for (std::string_view id : change.new_badges) party.badge_ids.emplace_back(id);
    if (change.level_up) party.level = change.level.number;
    // Sending already chimes; an officer's "yes" arrives on its own, so it gets its own.
    if (on_the_map && state.preferences.sounds) data.ports.chime();
  }
  state.progress = std::move(progress);
  state.progress_known = true;
}

}  // namespace

namespace {

// The order of `state.places`: by name, and places of one name by id.
bool PlaceOrder(const core::PublicPlace& a, const core::PublicPlace& b) {
  return a.place.name != b.place.name ? a.place.name < b.place.name : a.place.id < b.place.id;
}

}  // namespace

void RefreshState(AppState& state, ClientData& data) {
  state.places = store::CachedPlaces(data.db);
  data.places_pending.clear();
  ++state.places_version;
  std::sort(state.places.begin(), state.places.end(), PlaceOrder);
  RefreshMine(state, data);
}

void MergePlaceChanges(AppState& state, ClientData& data) {
  if (data.places_pending.empty()) return;
  std::vector<core::PublicPlace>& places = state.places;
  // Out go the places that changed or left; in come the changed ones, sorted, merged in.
  std::erase_if(places, [&](const core::PublicPlace& entry) { return data.places_pending.contains(entry.place.id); });
  std::vector<core::PublicPlace> changed;
  for (auto& [id, entry] : data.places_pending)
    if (entry) changed.push_back(std::move(*entry));
  data.places_pending.clear();
  std::sort(changed.begin(), changed.end(), PlaceOrder);
  const auto middle = static_cast<std::ptrdiff_t>(places.size());
  places.insert(places.end(), std::make_move_iterator(changed.begin()), std::make_move_iterator(changed.end()));
  std::inplace_merge(places.begin(), places.begin() + middle, places.end(), PlaceOrder);
  ++state.places_version;
}

void RefreshMine(AppState& state, ClientData& data) {
  state.waiting_count = store::CountWaiting(data.db);
  const core::YearMonth now = core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes());
  state.this_year = now.year;
  state.this_month = now.month;
  state.saved_place_ids = store::SavedPlaceIds(data.db);
  state.contributions.clear();
  const std::vector<store::Contribution> contributions = store::Contributions(data.db);
  state.restore_code = store::DeviceMeta(data.db, store::kRestoreCodeKey);
  state.can_restore = std::all_of(contributions.begin(), contributions.end(), [](const store::Contribution& made) {
    return made.state == store::ContributionState::Waiting;
  });
  UpdateProgress(state, data, contributions);
  for (const store::Contribution& made : contributions) {
    MyContribution mine;
    mine.kind = made.item.Kind();
    if (const auto* rating = std::get_if<core::Rating>(&made.item.payload)) {
      mine.place_id = rating->place_id;
    } else if (const auto* suggestion = std::get_if<core::Suggestion>(&made.item.payload)) {
      // A suggestion merged into another place leads to the place it became.
      const bool merged = made.review == core::PlaceStatus::Merged && !made.merged_into.empty();
      mine.place_id = merged ? made.merged_into : suggestion->id;
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
    // A sent suggestion goes on to an officer's check: what the last sync answer said of it.
    if (mine.state == SentState::Sent && made.review) {
      if (*made.review == core::PlaceStatus::Approved || *made.review == core::PlaceStatus::Merged) {
        mine.state = SentState::OnTheMap;
      } else if (*made.review == core::PlaceStatus::Rejected) {
        mine.state = SentState::NotAdded;
        mine.message = made.review_reason ? std::string(core::NotAddedReasonMessage(*made.review_reason)) : "";
      }
    }
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

// The same rules as the server, so what is kept here is what the server will take.
core::ValidationContext DeviceValidationContext(const ClientData& data) {
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  const core::YearMonth now = core::YearMonthAt(data.ports.unix_millis() / 1000, data.ports.utc_offset_minutes());
  context.current_year = now.year;
  context.current_month = now.month;
  return context;
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
  rating.session_id = SessionIdForNewItem(state);
  if (!core::HasAnyAnswer(rating)) {
    state.problem = "Please answer at least one question before you send.";
    return;
  }
  if (const std::vector<core::FieldError> problems = core::Validate(rating, DeviceValidationContext(data));
      !problems.empty()) {
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

RatingDraft& DraftFor(AppState& state, RatingFor which) {
  return which == RatingFor::Suggestion ? state.suggestion.rating : state.rating;
}

// What the suggestion rules say of some of its fields ("name"; "lat" and "lon"), so each
// question says what its own answer needs, in the very words the server would use.
std::string SuggestionProblem(const core::Suggestion& probe, std::initializer_list<std::string_view> fields) {
  core::ValidationContext context;
  context.area = core::DefaultServiceArea();
  for (const core::FieldError& error : core::Validate(probe, context))
    for (std::string_view field : fields)
      if (error.field == field) return error.message;
  return "";
}

std::string NameProblem(const std::string& name) {
  core::Suggestion probe;
  probe.name = name;
  return SuggestionProblem(probe, {"name"});
}

// After the pin: "Is it one of these?" when places on the map are near it, else `otherwise`.
SuggestStep NearbyOr(const AppState& state, SuggestStep otherwise) {
  const SuggestionDraft& draft = state.suggestion;
  return core::PlacesWithin(state.places, draft.lat, draft.lon, kNearbyMetres).empty() ? otherwise
                                                                                       : SuggestStep::Nearby;
}

void SuggestGoTo(AppState& state, SuggestStep step) {
  SuggestionDraft& draft = state.suggestion;
  draft.step = step;
  draft.find_me = FindMe::Off;
  if (step == SuggestStep::Check) draft.changing = false;
  if (step == SuggestStep::Where && draft.placed) {  // the map shows the pin they chose
    state.map_lat = draft.lat;
    state.map_lon = draft.lon;
  }
  state.problem.clear();
}

void SuggestNext(AppState& state) {
  SuggestionDraft& draft = state.suggestion;
  const auto go_on = [&](SuggestStep next) { SuggestGoTo(state, draft.changing ? SuggestStep::Check : next); };
  switch (draft.step) {
    case SuggestStep::Where:
      if (draft.placed) SuggestGoTo(state, NearbyOr(state, draft.changing ? SuggestStep::Check : SuggestStep::Name));
      break;
    case SuggestStep::Name:
      draft.name_problem = NameProblem(draft.name);
      if (draft.name_problem.empty()) go_on(SuggestStep::Kind);
      break;
    case SuggestStep::Kind:
      if (draft.kind_chosen) go_on(SuggestStep::Why);
      break;
    case SuggestStep::Why: go_on(SuggestStep::Rating); break;
    case SuggestStep::Rating:
      draft.rating.step = kRatingWhenStep;  // Back from what follows returns to the last question
      SuggestGoTo(state, SuggestStep::Check);
      break;
    case SuggestStep::Nearby: go_on(SuggestStep::Name); break;
    case SuggestStep::Check: break;
  }
}

void SuggestBack(AppState& state) {
  SuggestionDraft& draft = state.suggestion;
  if (draft.step == SuggestStep::Where) {
    const bool explaining = draft.find_me == FindMe::Explaining;
    draft.find_me = FindMe::Off;  // an answer still on its way is no longer waited for
    if (!explaining) ApplyNavigation(state, {ActionKind::Back});  // out of the journey; the draft stays
    return;
  }
  if (draft.step == SuggestStep::Rating && draft.rating.step > 0) {
    draft.rating.step = std::min(draft.rating.step, kRatingWhenStep) - 1;
    state.problem.clear();
    return;
  }
  if (draft.changing) {  // back to the summary they came from
    SuggestGoTo(state, SuggestStep::Check);
    return;
  }
  switch (draft.step) {
    case SuggestStep::Nearby: SuggestGoTo(state, SuggestStep::Where); break;
    case SuggestStep::Name: SuggestGoTo(state, NearbyOr(state, SuggestStep::Where)); break;
    case SuggestStep::Kind: SuggestGoTo(state, SuggestStep::Name); break;
    case SuggestStep::Why: SuggestGoTo(state, SuggestStep::Kind); break;
    case SuggestStep::Rating: SuggestGoTo(state, SuggestStep::Why); break;
    case SuggestStep::Check: SuggestGoTo(state, SuggestStep::Rating); break;
    case SuggestStep::Where: break;
  }
}

// "This is the place": the middle of the map becomes the pin, if Safe Spaces maps it.
void SuggestHere(AppState& state) {
  SuggestionDraft& draft = state.suggestion;
  core::Suggestion probe;
  probe.lat = state.map_lat;
  probe.lon = state.map_lon;
  draft.where_message = SuggestionProblem(probe, {"lat", "lon"});
  if (!draft.where_message.empty()) return;
  draft.placed = true;
  draft.lat = state.map_lat;
  draft.lon = state.map_lon;
  SuggestNext(state);
}

void SuggestFindMe(AppState& state, ClientData& data, int wanted) {
  SuggestionDraft& draft = state.suggestion;
  const FindMe find_me = static_cast<FindMe>(std::clamp(wanted, 0, static_cast<int>(FindMe::Asking)));
  draft.find_me = find_me;
  draft.where_message.clear();
  if (find_me == FindMe::Asking && data.ports.request_location) data.ports.request_location();
}

void SuggestReason(AppState& state, int index, bool chosen) {
  if (index < 0 || index >= static_cast<int>(core::kAllSafeReasons.size())) return;
  const core::SafeReason reason = core::kAllSafeReasons[static_cast<std::size_t>(index)];
  std::vector<core::SafeReason>& reasons = state.suggestion.reasons;
  reasons.erase(std::remove(reasons.begin(), reasons.end(), reason), reasons.end());
  if (chosen) reasons.push_back(reason);
  std::sort(reasons.begin(), reasons.end());  // the list's order, whatever the order of taps
}

// "Get my badges back": checks the words here, then asks the server (SyncTick sends it once
// no sync is in flight, so nothing of this device's is sent under its old id meanwhile).
void StartRestore(AppState& state, ClientData& data) {
  RestoreDraft& draft = state.restore;
  if (draft.step != RestoreStep::Typing || !state.can_restore || Erasing(data)) return;
  const std::optional<std::string> code = core::NormaliseRestoreCode(draft.typed);
  if (!code) {
    draft.message = "A restore code is four words, like \"otter maple lantern cocoa\". Check the words and try again.";
    return;
  }
  if (!data.ports.online()) {
    draft.message = "You need the internet to get your badges back. Try again when you are online.";
    return;
  }
  draft.message.clear();
  draft.step = RestoreStep::Asking;
  data.restore_asked = *code;
}

constexpr const char* kEraseOffline = "You need the internet to do this. Nothing was deleted.";
constexpr const char* kEraseFailed = "We could not delete it just now. Nothing was deleted. Please try again later.";

// "Yes, delete everything": asked here, sent by EraseTick once nothing else is on its way.
void StartErase(AppState& state, ClientData& data) {
  EraseState& erase = state.erase;
  if (erase.step != EraseStep::Asking || Erasing(data)) return;
  if (!data.ports.online()) {
    erase.message = kEraseOffline;
    return;
  }
  erase = EraseState{EraseStep::Deleting};
  data.erase_asked = true;
}

void SendSuggestion(AppState& state, ClientData& data) {
  const SuggestionDraft& draft = state.suggestion;
  if (!draft.placed) {
    state.problem = "Please put the pin on the place first.";
    return;
  }
  core::Suggestion suggestion;
  suggestion.id = NewItemId(data);
  suggestion.device_id = data.device_id;
  suggestion.name = core::TrimText(draft.name);
  suggestion.category = draft.category;
  suggestion.lat = draft.lat;
  suggestion.lon = draft.lon;
  suggestion.why = core::TrimText(draft.why);
  suggestion.reasons = draft.reasons;
  core::Rating& rating = suggestion.first_rating;
  rating.id = NewItemId(data);
  rating.place_id = suggestion.id;
  rating.device_id = data.device_id;
  rating.scales = draft.rating.scales;
  rating.facilities = draft.rating.facilities;
  rating.comment = core::TrimText(draft.rating.comment);
  rating.visit_month = VisitMonth(data, draft.rating.months_ago);
  suggestion.session_id = rating.session_id = SessionIdForNewItem(state);
  if (const std::vector<core::FieldError> problems = core::Validate(suggestion, DeviceValidationContext(data));
      !problems.empty()) {
    state.problem = problems.front().message;  // the draft stays as it is, to change and send again
    return;
  }
  std::string error;
  if (!store::AddContribution(data.db, core::OutboxItem{suggestion}, error)) {
    state.problem = "Sorry, we could not save this on your device. Please try again.";
    return;
  }
  data.ports.persist();
  state.problem.clear();
  state.suggestion = SuggestionDraft{};
  state.back_stack.clear();
  state.back_stack.push_back(Screen::Home);
  state.screen = Screen::SuggestDone;
}

}  // namespace

void ApplyActions(AppState& state, Actions& actions, ClientData& data) {
  bool wrote = false;
  for (const Action& action : actions.items) {
    if (action.kind == ActionKind::JoinGroup && Erasing(data)) {  // a group joined now would stay on the server
      state.group.message = "Please wait a moment. We are deleting what you sent.";
      continue;
    }
    if (ApplyNavigation(state, action) || ApplyGroupAction(state, data, action) ||
        ApplyStaffAction(state, data, action))
      continue;
    switch (action.kind) {
      case ActionKind::StartRating: StartRating(state, action.place_id); break;
      case ActionKind::AnswerScale:
        if (action.index >= 0 && action.index < static_cast<int>(core::kScaleCount))
          DraftFor(state, action.draft).scales[static_cast<std::size_t>(action.index)] =
              static_cast<std::uint8_t>(std::clamp(action.value, 0, static_cast<int>(core::kMaxFaces)));
        break;
      case ActionKind::AnswerFacility:
        if (action.index >= 0 && action.index < static_cast<int>(core::kFacilityCount))
          DraftFor(state, action.draft).facilities[static_cast<std::size_t>(action.index)] = action.answer;
        break;
      case ActionKind::RatingComment: DraftFor(state, action.draft).comment = action.text; break;
      case ActionKind::RatingWhen: DraftFor(state, action.draft).months_ago = std::clamp(action.value, 0, 2); break;
      case ActionKind::RatingStep:
        if (action.draft == RatingFor::Suggestion && action.value >= kRatingCheckStep) {
          SuggestNext(state);  // the suggestion's own summary checks the first rating with the rest
        } else {
          DraftFor(state, action.draft).step = std::clamp(action.value, 0, kRatingSteps - 1);
          state.problem.clear();
        }
        break;
      case ActionKind::SuggestGoTo:
        if (action.value >= 0 && action.value <= static_cast<int>(SuggestStep::Check)) {
          const auto step = static_cast<SuggestStep>(action.value);
          if (step == SuggestStep::Rating) state.suggestion.rating.step = 0;
          SuggestGoTo(state, step);
          state.suggestion.changing = step != SuggestStep::Check;
        }
        break;
      case ActionKind::SuggestNext: SuggestNext(state); break;
      case ActionKind::SuggestBack: SuggestBack(state); break;
      case ActionKind::SuggestHere: SuggestHere(state); break;
      case ActionKind::SuggestFindMe: SuggestFindMe(state, data, action.value); break;
      case ActionKind::SuggestName:
        state.suggestion.name = action.text;
        // Once a name was refused, its message follows the typing, and goes when it is right.
        if (!state.suggestion.name_problem.empty()) state.suggestion.name_problem = NameProblem(action.text);
        break;
      case ActionKind::SuggestKind:
        if (action.value >= 0 && action.value < static_cast<int>(core::kAllCategories.size())) {
          state.suggestion.category = core::kAllCategories[static_cast<std::size_t>(action.value)];
          state.suggestion.kind_chosen = true;
        }
        break;
      case ActionKind::SuggestReason: SuggestReason(state, action.index, action.value != 0); break;
      case ActionKind::SuggestWhy: state.suggestion.why = action.text; break;
      case ActionKind::SendSuggestion:
        SendSuggestion(state, data);
        wrote = true;
        break;
      case ActionKind::SendRating:
        SendRating(state, data);
        wrote = true;
        break;
      case ActionKind::RestoreTyped:
        state.restore.typed = action.text;
        if (state.restore.step == RestoreStep::Typing) state.restore.message.clear();
        break;
      case ActionKind::Restore: StartRestore(state, data); break;
      case ActionKind::AskErase:
        if (state.erase.step != EraseStep::Deleting) state.erase = EraseState{};  // a new question
        ApplyNavigation(state, {ActionKind::OpenScreen, Screen::DeleteSent});
        break;
      case ActionKind::EraseEverything: StartErase(state, data); break;
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
      case ActionKind::CloseCelebration: state.celebration = {}; break;
      case ActionKind::CelebrationSeen:
        state.celebration.seen = state.celebration.showing;
        state.celebration.seen_at = action.lat;
        break;
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
        if (!state.group.typed.empty() && state.group.step == GroupStep::Typing) {  // opened from a join link
          state.back_stack.push_back(Screen::Home);
          state.screen = Screen::JoinGroup;
        }
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
  if (wrote) RefreshMine(state, data);
}

void ApplyLocation(AppState& state, const LocationAnswer& answer) {
  SuggestionDraft& draft = state.suggestion;
  if (draft.find_me != FindMe::Asking) return;  // nobody is waiting for it: forget it
  draft.find_me = FindMe::Off;
  using Problem = LocationAnswer::Problem;
  if (answer.ok && std::isfinite(answer.lat) && std::isfinite(answer.lon)) {
    // The map moves there; the position itself is kept nowhere.
    state.map_lat = core::ClampLatitude(answer.lat);
    state.map_lon = answer.lon;
    state.map_zoom = kFoundMeZoom;
    constexpr double kRoughMetres = 100.0;  // metres: less sure than this, and we say so
    draft.where_message = answer.accuracy_m > kRoughMetres
                              ? "The map is near where you are. Move it until the pin is on the place."
                              : "The map is where you are now. Move it if the pin is not on the place.";
    return;
  }
  switch (answer.problem) {
    case Problem::Denied:
      draft.where_message = "You said no, so the map cannot find you. You can move the map instead.";
      break;
    case Problem::TimedOut:
      draft.where_message = "Finding you took too long. You can try again, or move the map instead.";
      break;
    case Problem::NotSupported:
      draft.where_message = "This device cannot find where you are. You can move the map instead.";
      break;
    case Problem::Unavailable:
    case Problem::None:
      draft.where_message = "Your phone could not tell where you are just now. You can move the map instead.";
      break;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Sync
//-----------------------------------------------------------------------------

namespace {

// "shared_comments", when the answer says it; a list shorter than its bound is all of them.
bool RecordShared(ClientData& data, const core::SyncAnswer& answer, std::string& error) {
  if (!answer.shared_comments) return true;
  const std::vector<std::string>& ids = *answer.shared_comments;
  const bool whole_list = ids.size() < static_cast<std::size_t>(core::kMaxSharedComments);
  return store::RecordSharedComments(data.db, ids, whole_list, error);
}

void HandleSyncAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  const double now = data.ports.now_seconds();
  data.sync_request_id = 0;
  if (answer.status != 200) {
    std::array<std::uint8_t, 1> jitter{};
    data.ports.random_bytes(jitter);
    constexpr double kServerWaitSeconds = 60.0;  // the server's Retry-After on every 429
    data.sync.Failed(now, jitter[0] / 256.0, answer.status == 429 ? kServerWaitSeconds : 0.0);
    return;
  }
  core::Parsed<core::SyncAnswer> parsed = core::ParseSyncAnswer(answer.body);
  std::string error;
  if (!parsed || !store::RecordResults(data.db, parsed.value->results, error) ||
      !store::RecordReviews(data.db, parsed.value->yours, error) || !RecordShared(data, *parsed.value, error) ||
      !store::ApplyPlaceChanges(data.db, parsed.value->changes, error)) {
    data.sync.Failed(now, 0.5);
    return;
  }
  const int taken = static_cast<int>(std::count_if(parsed.value->results.begin(), parsed.value->results.end(), [](const core::ItemResult& r) {
    return r.outcome != core::ItemOutcome::Rejected;
  }));
  core::PlaceChanges& changes = parsed.value->changes;
  for (core::PublicPlace& entry : changes.places) {
    std::string id = entry.place.id;
    data.places_pending.insert_or_assign(std::move(id), std::move(entry));
  }
  for (const std::string& id : changes.removed_ids) data.places_pending.insert_or_assign(id, std::nullopt);
  // A first visit comes in pages of 500 places. While more come with no answer about our
  // own items, the screens get them every kCatchUpReadSeconds (the map groups every place
  // again each time: 100,000 places, about 0.2 s a time in the browser), and the device's
  // copy is saved every kCatchUpSaveSeconds (the browser copies the whole file: 10 s of a
  // 43 s start at 100,000 places when it was saved after each page). The first page and
  // the last are shown and saved at once.
  const bool catching_up = changes.more && parsed.value->results.empty();
  if (!catching_up || now >= data.places_save_due) {
    data.ports.persist();
    data.places_save_due = now + kCatchUpSaveSeconds;
  }
  if (!catching_up || now >= data.places_read_due) {
    MergePlaceChanges(state, data);
    RefreshMine(state, data);
    const double read_seconds = data.ports.now_seconds() - now;
    data.places_read_due = now + std::max(kCatchUpReadSeconds, kCatchUpReadShare * read_seconds);
  }
  const bool more = changes.more;
  data.sync.Succeeded(now, taken, more || state.waiting_count > 0);
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

//-----------------------------------------------------------------------------
// [SECTION] The map's tile source
//-----------------------------------------------------------------------------

std::optional<MapConfig> ParseMapConfig(std::string_view body) {
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("tiles") || !doc.contains("area")) return std::nullopt;
  const nlohmann::json& tiles = doc["tiles"];
  const nlohmann::json& area = doc["area"];
  if (!tiles.is_object() || !area.is_object() || !tiles.value("url", nlohmann::json()).is_string()) return std::nullopt;
  MapConfig config;
  config.tile_url = tiles["url"].get<std::string>();
  if (config.tile_url.find("{z}") == std::string::npos || config.tile_url.find("{x}") == std::string::npos ||
      config.tile_url.find("{y}") == std::string::npos)
    return std::nullopt;
  const nlohmann::json attribution = tiles.value("attribution", nlohmann::json());
  config.attribution = attribution.is_string() ? attribution.get<std::string>() : "";
  const nlohmann::json min_zoom = tiles.value("min_zoom", nlohmann::json());
  const nlohmann::json max_zoom = tiles.value("max_zoom", nlohmann::json());
  if (min_zoom.is_number_integer()) config.tile_min_zoom = std::clamp(min_zoom.get<int>(), core::kMinZoom, core::kMaxZoom);
  if (max_zoom.is_number_integer()) config.tile_max_zoom = std::clamp(max_zoom.get<int>(), core::kMinZoom, core::kMaxZoom);
  if (config.tile_min_zoom > config.tile_max_zoom) std::swap(config.tile_min_zoom, config.tile_max_zoom);
  if (const nlohmann::json covered = tiles.value("bounds", nlohmann::json()); covered.is_object()) {
    const nlohmann::json south = covered.value("south", nlohmann::json()), west = covered.value("west", nlohmann::json()),
                         north = covered.value("north", nlohmann::json()), east = covered.value("east", nlohmann::json());
    if (south.is_number() && west.is_number() && north.is_number() && east.is_number() &&
        south.get<double>() < north.get<double>() && west.get<double>() < east.get<double>()) {
      config.tile_bounded = true;
      config.tile_bounds = {south.get<double>(), west.get<double>(), north.get<double>(), east.get<double>()};
    }
  }
  double bounds[4];
  const char* names[4] = {"south", "west", "north", "east"};
  for (int i = 0; i < 4; ++i) {
    const nlohmann::json value = area.value(names[i], nlohmann::json());
    if (!value.is_number()) return std::nullopt;
    bounds[i] = value.get<double>();
  }
  const auto [south, west, north, east] = bounds;
  if (!(south < north && west < east) || std::fabs(south) > 85.0 || std::fabs(north) > 85.0) return std::nullopt;
  config.home_lat = (south + north) * 0.5;
  config.home_lon = (west + east) * 0.5;
  // The zoom at which the area fills a phone's screen (390 x 600 CSS px), one closer: the
  // middle of a city, where most places are.
  const core::WorldPoint sw = core::LatLonToWorld(south, west, 0.0);
  const core::WorldPoint ne = core::LatLonToWorld(north, east, 0.0);
  const double fit = std::log2(std::min(390.0 / std::max(ne.x - sw.x, 1e-9), 600.0 / std::max(sw.y - ne.y, 1e-9)));
  config.home_zoom = std::clamp(std::floor(fit) + 1.0, 10.0, 16.0);
  return config;
}

namespace {

void UseMapConfig(AppState& state, const MapConfig& config) {
  const bool home_moved = !(state.map_config.home_lat == config.home_lat && state.map_config.home_lon == config.home_lon);
  const bool at_old_home = state.map_lat == state.map_config.home_lat && state.map_lon == state.map_config.home_lon;
  state.map_config = config;
  // A map still where it started follows the area to its middle.
  if (home_moved && at_old_home) {
    state.map_lat = config.home_lat;
    state.map_lon = config.home_lon;
    state.map_zoom = config.home_zoom;
  }
}

void HandleConfigAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.config_request_id = 0;
  const std::optional<MapConfig> config = answer.status == 200 ? ParseMapConfig(answer.body) : std::nullopt;
  if (!config) {
    data.config_due = data.ports.now_seconds() + kConfigRetrySeconds;
    return;
  }
  data.config_fresh = true;
  UseMapConfig(state, *config);
  std::string error;
  if (store::SetDeviceMeta(data.db, kMapConfigKey, answer.body, error)) data.ports.persist();
}

// The saved answer at first (so the map works offline), then the server's, once a run.
void MapConfigTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  if (!data.map_config_loaded) {
    data.map_config_loaded = true;
    if (std::optional<MapConfig> saved = ParseMapConfig(store::DeviceMeta(data.db, kMapConfigKey)))
      UseMapConfig(state, *saved);
  }
  for (const HttpAnswer& answer : answers)
    if (answer.request_id == data.config_request_id) HandleConfigAnswer(state, data, answer);
  if (!data.config_fresh && data.config_request_id == 0 && data.ports.online() &&
      data.ports.now_seconds() >= data.config_due) {
    data.config_request_id = data.next_request_id++;
    data.ports.http(data.config_request_id, "GET", "/api/v1/config", "");
  }
}

// Registers this device's restore code with the server once (a 409 means it already has
// one: done too), so a new phone can find this device by its words.
void RestoreCodeTick(ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers) {
    if (answer.request_id != data.restore_code_request_id) continue;
    data.restore_code_request_id = 0;
    std::string error;
    if (answer.status == 200 || answer.status == 409) {
      if (store::SetDeviceMeta(data.db, store::kRestoreCodeRegisteredKey, "yes", error)) data.ports.persist();
    } else {
      data.restore_code_due = data.ports.now_seconds() + kRestoreCodeRetrySeconds;
    }
  }
  if (data.restore_code_request_id != 0 || !data.restore_asked.empty() || data.restore_request_id != 0 ||
      Erasing(data) || !data.ports.online() || data.ports.now_seconds() < data.restore_code_due ||
      store::DeviceMeta(data.db, store::kRestoreCodeRegisteredKey) == "yes")
    return;
  const std::string code = store::DeviceMeta(data.db, store::kRestoreCodeKey);
  if (code.empty()) return;
  data.restore_code_request_id = data.next_request_id++;
  data.ports.http(data.restore_code_request_id, "POST", "/api/v1/restore-code",
                  core::DumpJson({{"device_id", data.device_id}, {"code", code}}));
}

// The server found the device of the typed code: this device becomes it. Its id, what it
// sent (with the reviews) and its code are kept here; what waits to send goes as its own.
// The badges that come back are not celebrated: they were earned before.
bool AdoptRestoredDevice(AppState& state, ClientData& data, const core::RestoreAnswer& restored) {
  std::string error;
  if (!store::AddRestoredContributions(data.db, restored.items, error) ||
      !store::SetWaitingDeviceId(data.db, restored.device_id, error) ||
      !store::SetDeviceMeta(data.db, store::kDeviceIdKey, restored.device_id, error) ||
      !store::SetDeviceMeta(data.db, store::kRestoreCodeKey, data.restore_asked, error) ||
      !store::SetDeviceMeta(data.db, store::kRestoreCodeRegisteredKey, "yes", error))
    return false;
  data.device_id = restored.device_id;
  data.ports.persist();
  state.progress_known = false;
  state.celebration = {};
  RefreshMine(state, data);
  return true;
}

void HandleRestoreAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.restore_request_id = 0;
  RestoreDraft& draft = state.restore;
  draft.step = RestoreStep::Typing;
  if (answer.status == 200) {
    const core::Parsed<core::RestoreAnswer> parsed = core::ParseRestoreAnswer(answer.body);
    if (parsed && AdoptRestoredDevice(state, data, *parsed.value)) {
      draft = RestoreDraft{RestoreStep::Done};
    } else {
      draft.message = "Sorry, something went wrong. Please try again in a little while.";
    }
  } else if (answer.status == 404) {
    draft.message = "We could not find that code. Check the words and try again.";
  } else if (answer.status == 429 || answer.status == 422) {
    const std::optional<core::ApiError> said = core::ErrorFromJson(answer.body);
    draft.message = said ? said->message : "That was a lot of tries in a short time. Please wait a minute, then try again.";
  } else if (answer.status == 0 || !data.ports.online()) {
    draft.message = "You need the internet to get your badges back. Try again when you are online.";
  } else {
    draft.message = "Sorry, something went wrong. Please try again in a little while.";
  }
  data.restore_asked.clear();
}

// Sends a restore asked for, once no sync is in flight, and handles its answer.
void RestoreTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers)
    if (answer.request_id == data.restore_request_id) HandleRestoreAnswer(state, data, answer);
  if (data.restore_asked.empty() || data.restore_request_id != 0 || data.sync_request_id != 0) return;
  data.restore_request_id = data.next_request_id++;
  data.ports.http(data.restore_request_id, "POST", "/api/v1/restore", core::DumpJson({{"code", data.restore_asked}}));
}

//-----------------------------------------------------------------------------
// [SECTION] Delete everything I sent
//-----------------------------------------------------------------------------

// The server deleted everything this device sent: this device forgets it too (what it
// made, its reviews, the groups and the restore code; a new code is made), and its
// progress starts again, without a celebration or a word about what went.
bool ForgetErased(AppState& state, ClientData& data) {
  std::string error;
  if (!store::ForgetContributions(data.db, data.erase_item_ids, error) || !MakeRestoreCodeIfNone(data, error))
    return false;
  data.ports.persist();
  data.erase_item_ids.clear();
  data.group_status_request_id = 0;  // an answer on its way is about the group forgotten
  state.group = GroupState{};
  state.progress_known = false;
  state.celebration = {};
  RefreshMine(state, data);
  return true;
}

// 200 {"erased": {...}}: the server's own answer, not a Wi-Fi login page that says 200.
bool IsErasedAnswer(const HttpAnswer& answer) {
  if (answer.status != 200) return false;
  const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
  return body.is_object() && body.contains("erased") && body["erased"].is_object();
}

void HandleEraseAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  data.erase_request_id = 0;
  EraseState& erase = state.erase;
  erase.step = EraseStep::Asking;
  if (IsErasedAnswer(answer)) {
    if (ForgetErased(state, data)) {
      erase = EraseState{EraseStep::Done};
    } else {  // deleted on the server, not here: asking again deletes nothing more there, and forgets here
      erase.message = "Sorry, something went wrong on this phone. Please try again.";
    }
    return;
  }
  const std::optional<core::ApiError> said = core::ErrorFromJson(answer.body);
  if (answer.status == 0) {
    erase.message = kEraseOffline;
  } else if (answer.status != 200 && said && !said->message.empty()) {
    erase.message = said->message;
  } else {
    erase.message = kEraseFailed;
  }
  data.erase_item_ids.clear();
}

// Sends "Delete everything I sent" once nothing this device sends is on its way, and
// handles the answer. What it had made by then is what the server deletes.
void EraseTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers)
    if (data.erase_request_id != 0 && answer.request_id == data.erase_request_id) HandleEraseAnswer(state, data, answer);
  if (!data.erase_asked || data.sync_request_id != 0 || data.restore_code_request_id != 0 ||
      data.restore_request_id != 0 || !data.restore_asked.empty() || data.group_join_request_id != 0)
    return;
  data.erase_asked = false;
  data.erase_item_ids = store::ContributionIds(data.db);
  data.erase_request_id = data.next_request_id++;
  data.ports.http(data.erase_request_id, "POST", "/api/v1/device/erase",
                  core::DumpJson({{"device_id", data.device_id}}));
}

}  // namespace

void SyncTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  MapConfigTick(state, data, answers);
  RestoreCodeTick(data, answers);
  GroupTick(state, data, answers);
  StaffTick(state, data, answers);
  for (const HttpAnswer& answer : answers)
    if (answer.request_id == data.sync_request_id) HandleSyncAnswer(state, data, answer);

  const double now = data.ports.now_seconds();
  data.sync.SetOnline(data.ports.online());
  data.sync.SetSavedOnDevice(data.ports.persisted());
  // Send only what is safely kept on the device: what the server acknowledges must never
  // be something the device could still lose. A pull that sends nothing need not wait for
  // the last save: a first visit's pages of the map would each wait for the whole database
  // to be written to IndexedDB (about 1.5 s a page at 10,000 places, tools/bench-client.mjs).
  // Not while a restore is asked for: the device id may be about to change. Not while
  // everything is being deleted: what it sent could arrive after the deletion.
  const bool nothing_unsaved_to_send = data.ports.persisted() || store::CountWaiting(data.db) == 0;
  if (nothing_unsaved_to_send && data.restore_asked.empty() && !Erasing(data) && data.sync.ShouldSync(now))
    StartSync(data);
  RestoreTick(state, data, answers);
  EraseTick(state, data, answers);
  state.sync_status = data.sync.Status(now);
}
