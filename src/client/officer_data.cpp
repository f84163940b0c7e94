// This is the implementation of officer_data.h: a council officer's requests, their answers
// in plain words, and reading the server's JSON kindly (staff_wire.h).
//
// [SECTION] Reading answers
// [SECTION] The review queue
// [SECTION] The city picture, the scheme, exports and accounts
// [SECTION] Actions and the tick
#include "client/officer_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "client/client_data.h"
#include "client/staff_wire.h"
#include "core/codec.h"
#include "core/map_math.h"
#include "core/validation.h"

namespace {

using nlohmann::json;
using namespace staff_wire;

//-----------------------------------------------------------------------------
// [SECTION] Reading answers
//-----------------------------------------------------------------------------

// "scales": {"quiet": 4, ...} and "facilities": {"step_free": "yes", ...} into a rating's arrays.
void ReadAnswers(const json& rating, ReviewItem& item) {
  for (const auto& [name, faces] : ObjectOf(rating, "scales").items())
    if (const std::optional<core::Scale> scale = core::ScaleFromName(name); scale && faces.is_number_integer())
      item.scales[core::IndexOf(*scale)] = static_cast<std::uint8_t>(std::clamp(faces.get<int>(), 0, 5));
  for (const auto& [name, answer] : ObjectOf(rating, "facilities").items())
    if (const std::optional<core::Facility> facility = core::FacilityFromName(name); facility && answer.is_string())
      item.facilities[core::IndexOf(*facility)] =
          core::AnswerFromName(answer.get<std::string>()).value_or(core::Answer::Unanswered);
}

std::optional<ReviewItem> ReadItem(const json& row) {
  if (!row.is_object() || TextOf(row, "id").empty()) return std::nullopt;
  ReviewItem item;
  item.kind = TextOf(row, "kind") == "comment" ? ReviewKind::Comment : ReviewKind::Suggestion;
  item.id = TextOf(row, "id");
  item.submitted_at = WholeOf(row, "submitted_at");
  const json& place = ObjectOf(row, "place");
  item.place_id = TextOf(place, "id");
  item.name = TextOf(place, "name", "A place");
  item.category = CategoryOf(place);
  item.lat = DegreesOf(place, "lat");
  item.lon = DegreesOf(place, "lon");
  item.address = TextOf(place, "address");
  item.why = TextOf(row, "why");
  for (const json& reason : ListOf(row, "reasons"))
    if (reason.is_string())
      if (const std::optional<core::SafeReason> known = core::SafeReasonFromName(reason.get<std::string>()))
        item.reasons.push_back(*known);
  if (item.kind == ReviewKind::Suggestion) {
    const json& first = ObjectOf(row, "first_rating");
    ReadAnswers(first, item);
    item.text = TextOf(first, "comment");
    item.visit_month = TextOf(first, "visit_month");
  } else {
    ReadAnswers(row, item);
    item.text = TextOf(row, "text");
    item.visit_month = TextOf(row, "visit_month");
  }
  const json& session = ObjectOf(row, "session");
  item.session_id = TextOf(session, "id");
  item.session_name = TextOf(session, "name");
  for (const json& flag : ListOf(row, "flags"))
    if (flag.is_object() && !TextOf(flag, "flag").empty())
      item.flags.push_back({TextOf(flag, "flag"), TextOf(flag, "detail")});
  item.safeguarding = FlagOf(row, "safeguarding");
  for (const json& near : ListOf(row, "nearby"))
    if (near.is_object() && !TextOf(near, "id").empty())
      item.nearby.push_back({TextOf(near, "id"), TextOf(near, "name", "A place"), CategoryOf(near),
                             DegreesOf(near, "lat"), DegreesOf(near, "lon"), CountOf(near, "distance_m")});
  return item;
}

std::string PercentEncoded(std::string_view text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] The review queue
//-----------------------------------------------------------------------------

const ReviewItem* Selected(const OfficerState& officer) {
  for (const ReviewItem& item : officer.queue)
    if (item.id == officer.selected_id) return &item;
  return nullptr;
}

// Looks at `id`: its details prefilled for "Edit and approve", nothing chosen yet.
void Select(OfficerState& officer, const std::string& id) {
  officer.selected_id = id;
  officer.mode = ReviewMode::Look;
  officer.reason.reset();
  officer.merge_into.clear();
  officer.camera_set = false;
  if (const ReviewItem* item = Selected(officer)) {
    officer.edit_name = item->name;
    officer.edit_address = item->address;
    officer.edit_category = item->category;
  }
}

void AskQueueAgain(AppState& state, ClientData& data) {
  state.staff.officer.queue_loaded = false;
  data.staff.officer.queue_request = 0;  // an answer on its way was for other filters
  data.staff.officer.queue_due = 0.0;
}

void HandleQueue(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerConnection& link = data.staff.officer;
  OfficerState& officer = state.staff.officer;
  link.queue_request = 0;
  std::optional<ReviewQueue> queue = answer.status == 200 ? ParseReviewQueue(answer.body) : std::nullopt;
  if (!queue) {
    officer.review_message = answer.status == 0 ? "Not connected: trying again." : SaidOr(answer, kTryLater);
    link.queue_due = data.ports.now_seconds() + kOfficerRetrySeconds;
    return;
  }
  officer.queue = std::move(queue->items);
  officer.counts = queue->counts;
  officer.queue_loaded = true;
  if (!Selected(officer)) Select(officer, officer.queue.empty() ? std::string() : officer.queue.front().id);
}

// Sends an action on the selected item: `what` is its path after the item's id.
void SendReview(AppState& state, ClientData& data, const char* kind, const char* what, json body, std::string done) {
  OfficerState& officer = state.staff.officer;
  OfficerConnection& link = data.staff.officer;
  const ReviewItem* item = Selected(officer);
  if (!item || link.action_request != 0) return;
  officer.acting = true;
  officer.review_message.clear();
  link.action_item_id = item->id;
  link.action_done = std::move(done);
  link.acted.emplace_back(item->id, item->name);
  link.action_request = SendStaff(data, "POST", std::string("/api/v1/review/") + kind + "/" + item->id + "/" + what,
                                  core::DumpJson(body));
}

void Act(AppState& state, ClientData& data, OfficerVerb verb) {
  OfficerState& officer = state.staff.officer;
  const ReviewItem* item = Selected(officer);
  if (!item) return;
  const bool comment = item->kind == ReviewKind::Comment;
  const std::string& name = item->name;
  switch (verb) {
    case OfficerVerb::Approve:
      if (comment) SendReview(state, data, "comments", "approve", json::object(), "Comment shared on " + name + ".");
      else SendReview(state, data, "suggestions", "approve", json::object(), "Approved: " + name + ". It is on the map.");
      return;
    case OfficerVerb::HideComment:
      if (comment) SendReview(state, data, "comments", "hide", json::object(), "Comment hidden: nobody will see it.");
      return;
    case OfficerVerb::EditApprove: {
      if (comment) return;
      const std::string edited = core::TrimText(officer.edit_name);
      if (edited.empty()) {
        officer.review_message = "Please give the place a name.";
        return;
      }
      const json edit{{"name", edited},
                      {"category", std::string(core::CategoryName(officer.edit_category))},
                      {"address", core::TrimText(officer.edit_address)}};
      SendReview(state, data, "suggestions", "approve", json{{"edit", edit}},
                 "Approved with your changes: " + edited + ". It is on the map.");
      return;
    }
    case OfficerVerb::Reject:
      if (comment) return;
      if (!officer.reason) {
        officer.review_message = "Please choose why it is not added.";
        return;
      }
      SendReview(state, data, "suggestions", "reject",
                 json{{"reason", std::string(core::NotAddedReasonName(*officer.reason))}},
                 "Not added: " + name + ". They will read: " + std::string(core::NotAddedReasonMessage(*officer.reason)));
      return;
    case OfficerVerb::Merge: {
      if (comment) return;
      const auto into = std::find_if(item->nearby.begin(), item->nearby.end(),
                                     [&](const NearbyPlace& place) { return place.id == officer.merge_into; });
      if (into == item->nearby.end()) {
        officer.review_message = "Please choose the place it is the same as.";
        return;
      }
      SendReview(state, data, "suggestions", "merge", json{{"into", into->id}},
                 "Merged: " + name + " is now part of " + into->name + ".");
      return;
    }
    default: return;
  }
}

void Undo(AppState& state, ClientData& data) {
  OfficerConnection& link = data.staff.officer;
  if (link.action_request != 0) return;
  state.staff.officer.acting = true;
  state.staff.officer.review_message.clear();
  link.action_item_id.clear();
  link.action_request = SendStaff(data, "POST", "/api/v1/review/undo", "{}");
}

// "approve" -> "Approve": what the server says it undid, in the buttons' words.
const char* ActionWords(std::string_view action) {
  if (action == "approve") return "Approve";
  if (action == "edit_approve") return "Edit and approve";
  if (action == "reject") return "Not added";
  if (action == "merge") return "Merge";
  if (action == "approve_comment") return "Approve comment";
  if (action == "hide_comment") return "Hide comment";
  return "Your last change";
}

void HandleAction(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerConnection& link = data.staff.officer;
  OfficerState& officer = state.staff.officer;
  link.action_request = 0;
  officer.acting = false;
  const bool undo = link.action_item_id.empty();
  if (answer.status != 200) {
    officer.review_message = ProblemOf(answer);  // "Nothing to undo." comes from the server
    if (answer.status != 0) AskQueueAgain(state, data);  // someone else may have dealt with it
    return;
  }
  if (undo) {
    const json doc = json::parse(answer.body, nullptr, false);
    const json& undone = ObjectOf(doc, "undone");
    const std::string item_id = TextOf(undone, "item_id");
    std::string name = "it";
    for (const auto& [id, acted_name] : link.acted)
      if (id == item_id) name = acted_name;
    officer.review_message = std::string("Undone: ") + ActionWords(TextOf(undone, "action")) + ", " + name +
                             ". It is back as it was.";
    if (!item_id.empty()) officer.selected_id = item_id;  // looked at again once the queue has it
    AskQueueAgain(state, data);
    return;
  }
  officer.review_message = link.action_done;
  // The next item is looked at at once; the queue is asked again behind it.
  const auto done = std::find_if(officer.queue.begin(), officer.queue.end(),
                                 [&](const ReviewItem& item) { return item.id == link.action_item_id; });
  if (done != officer.queue.end()) {
    const auto next = officer.queue.erase(done);
    if (next != officer.queue.end()) Select(officer, next->id);
    else Select(officer, officer.queue.empty() ? std::string() : officer.queue.back().id);
  }
  AskQueueAgain(state, data);
}

//-----------------------------------------------------------------------------
// [SECTION] The city picture, the scheme, exports and accounts
//-----------------------------------------------------------------------------

// A list a screen asked for (the city picture, the places, the accounts): kept when it
// came, else why not in words, and asked for again a little later (`due` is 0 unless a
// failure set it).
template <typename T>
void TakeList(ClientData& data, const HttpAnswer& answer, std::optional<T> parsed, T& into, bool& loaded,
              std::string& message, double& due) {
  if (parsed) {
    into = std::move(*parsed);
    loaded = true;
    if (due != 0.0) message.clear();  // "Not connected" is over; what an action said stays
    due = 0.0;
    return;
  }
  message = answer.status == 0 ? "Not connected: trying again." : SaidOr(answer, kTryLater);
  due = data.ports.now_seconds() + kOfficerRetrySeconds;
}

void HandleStats(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  data.staff.officer.stats_request = 0;
  TakeList(data, answer, answer.status == 200 ? ParseCityPicture(answer.body) : std::nullopt, officer.stats,
           officer.stats_loaded, officer.stats_message, data.staff.officer.stats_due);
}

void HandlePlaces(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  data.staff.officer.places_request = 0;
  TakeList(data, answer, answer.status == 200 ? ParseSchemePlaces(answer.body) : std::nullopt, officer.places,
           officer.places_loaded, officer.scheme_message, data.staff.officer.places_due);
}

void OpenScheme(OfficerState& officer, const std::string& place_id) {
  officer.scheme_place_id.clear();
  officer.scheme_message.clear();
  for (const SchemePlace& place : officer.places) {
    if (place.id != place_id) continue;
    officer.scheme_place_id = place.id;
    officer.scheme_status = place.status;
    officer.checked_on = place.checked_on;
    officer.check_again_on = place.check_again_on;
  }
}

void SaveScheme(AppState& state, ClientData& data) {
  OfficerState& officer = state.staff.officer;
  if (officer.scheme_place_id.empty() || data.staff.officer.scheme_request != 0) return;
  const std::string checked = core::TrimText(officer.checked_on);
  const std::string again = core::TrimText(officer.check_again_on);
  for (const auto& [date, field] : {std::pair{checked, "Checked on"}, {again, "Check again on"}}) {
    if (!date.empty() && !core::IsCalendarDate(date)) {
      officer.scheme_message = std::string(field) + ": please write a real date as year-month-day, like 2026-11-27.";
      return;
    }
  }
  officer.scheme_message = "Saving...";
  const json body{{"status", std::string(core::SchemeStatusName(officer.scheme_status))},
                  {"checked_on", checked},
                  {"check_again_on", again}};
  data.staff.officer.scheme_request =
      SendStaff(data, "POST", "/api/v1/places/" + officer.scheme_place_id + "/scheme", core::DumpJson(body));
}

void HandleScheme(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  data.staff.officer.scheme_request = 0;
  if (answer.status != 200) {
    officer.scheme_message = ProblemOf(answer);
    return;
  }
  std::string name = "The place";
  for (const SchemePlace& place : officer.places)
    if (place.id == officer.scheme_place_id) name = place.name;
  officer.scheme_message = "Saved: " + name + " is now \"" + std::string(SchemeStatusLabel(officer.scheme_status)) + "\".";
  officer.scheme_place_id.clear();
  officer.places_loaded = false;
  data.staff.officer.places_due = 0.0;
}

void Export(AppState& state, ClientData& data, ExportKind kind) {
  OfficerConnection& link = data.staff.officer;
  if (link.export_request != 0) return;
  state.staff.officer.export_message = "Getting the file...";
  link.export_kind = kind;
  link.export_request = SendStaff(data, "GET", ExportFileOf(kind, "").path);
}

void HandleExport(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerConnection& link = data.staff.officer;
  link.export_request = 0;
  if (answer.status != 200) {
    state.staff.officer.export_message = ProblemOf(answer);
    return;
  }
  const ExportFile file = ExportFileOf(link.export_kind, core::DateText(data.ports.unix_millis() / 1000));
  data.ports.save_file(file.file_name, file.mime_type, answer.body);
  state.staff.officer.export_message = "Saved as " + file.file_name + ".";
}

void HandleAccounts(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  data.staff.officer.accounts_request = 0;
  TakeList(data, answer, answer.status == 200 ? ParseStaffAccounts(answer.body) : std::nullopt, officer.accounts,
           officer.accounts_loaded, officer.accounts_message, data.staff.officer.accounts_due);
}

void AddAccount(AppState& state, ClientData& data) {
  OfficerState& officer = state.staff.officer;
  if (data.staff.officer.add_request != 0) return;
  const std::string username = core::TrimText(officer.new_username);
  if (username.empty() || officer.new_password.empty()) {
    officer.accounts_message = username.empty() ? "Please type a username." : "Please type a password for them.";
    return;
  }
  officer.accounts_message = "Adding...";
  data.staff.officer.add_request =
      SendStaff(data, "POST", "/api/v1/staff",
                core::DumpJson(json{{"username", username},
                                    {"password", officer.new_password},
                                    {"role", officer.new_officer ? "officer" : "youth_worker"}}));
}

void HandleAdd(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  data.staff.officer.add_request = 0;
  if (answer.status != 200) {
    officer.accounts_message = ProblemOf(answer);
    return;
  }
  officer.accounts_message = "Added " + core::TrimText(officer.new_username) + " as " +
                             (officer.new_officer ? "a council officer" : "a youth worker") +
                             ". Tell them their password in person.";
  officer.new_username.clear();
  officer.new_password.clear();
  officer.accounts_loaded = false;
  data.staff.officer.accounts_due = 0.0;
}

void SetActive(AppState& /*state*/, ClientData& data, const std::string& id, bool active) {
  OfficerConnection& link = data.staff.officer;
  if (std::any_of(link.active_requests.begin(), link.active_requests.end(),
                  [&](const auto& waiting) { return waiting.second == id; }))
    return;
  link.active_requests.emplace_back(
      SendStaff(data, "POST", "/api/v1/staff/" + id + "/active", core::DumpJson(json{{"active", active}})), id);
}

void HandleActive(AppState& state, const std::string& id, const HttpAnswer& answer) {
  OfficerState& officer = state.staff.officer;
  if (answer.status != 200) {
    officer.accounts_message = ProblemOf(answer);
    return;
  }
  for (StaffAccount& account : officer.accounts) {
    if (account.id != id) continue;
    account.active = !account.active;
    officer.accounts_message = account.username + (account.active ? " can log in again." : " cannot log in now.");
  }
}

// Which of the officer's requests `answer` is for; false if none.
bool HandleAnswer(AppState& state, ClientData& data, const HttpAnswer& answer) {
  OfficerConnection& link = data.staff.officer;
  if (answer.request_id == 0) return false;
  const auto active = std::find_if(link.active_requests.begin(), link.active_requests.end(),
                                   [&](const auto& waiting) { return waiting.first == answer.request_id; });
  const int waiting[] = {link.queue_request,  link.action_request,   link.stats_request, link.places_request,
                         link.scheme_request, link.export_request,   link.accounts_request, link.add_request};
  if (active == link.active_requests.end() &&
      std::find(std::begin(waiting), std::end(waiting), answer.request_id) == std::end(waiting))
    return false;
  if (answer.status == 401) {  // the login ended
    EndStaffLogin(state, data);
    return true;
  }
  if (active != link.active_requests.end()) {
    const std::string id = active->second;
    link.active_requests.erase(active);
    HandleActive(state, id, answer);
  } else if (answer.request_id == link.queue_request) {
    HandleQueue(state, data, answer);
  } else if (answer.request_id == link.action_request) {
    HandleAction(state, data, answer);
  } else if (answer.request_id == link.stats_request) {
    HandleStats(state, data, answer);
  } else if (answer.request_id == link.places_request) {
    HandlePlaces(state, data, answer);
  } else if (answer.request_id == link.scheme_request) {
    HandleScheme(state, data, answer);
  } else if (answer.request_id == link.export_request) {
    HandleExport(state, data, answer);
  } else if (answer.request_id == link.accounts_request) {
    HandleAccounts(state, data, answer);
  } else {
    HandleAdd(state, data, answer);
  }
  return true;
}

void SelectNext(OfficerState& officer, int step) {
  if (officer.queue.empty()) return;
  const auto at = std::find_if(officer.queue.begin(), officer.queue.end(),
                               [&](const ReviewItem& item) { return item.id == officer.selected_id; });
  const int index = at == officer.queue.end() ? 0 : static_cast<int>(at - officer.queue.begin()) + step;
  Select(officer, officer.queue[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(officer.queue.size()) - 1))].id);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The wire
//-----------------------------------------------------------------------------

std::optional<ReviewQueue> ParseReviewQueue(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array()) return std::nullopt;
  ReviewQueue queue;
  const json& counts = ObjectOf(doc, "counts");
  queue.counts = {CountOf(counts, "suggestions"), CountOf(counts, "comments"), CountOf(counts, "flagged"),
                  CountOf(counts, "safeguarding")};
  for (const json& row : doc["items"])
    if (std::optional<ReviewItem> item = ReadItem(row)) queue.items.push_back(std::move(*item));
  // Safeguarding first whatever the server sent; otherwise its order (oldest first).
  std::stable_partition(queue.items.begin(), queue.items.end(), [](const ReviewItem& item) { return item.safeguarding; });
  return queue;
}

std::optional<core::CityPicture> ParseCityPicture(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object()) return std::nullopt;
  core::CityPicture picture;
  for (const json& row : ListOf(doc, "by_category"))
    if (row.is_object())
      if (const std::optional<core::Category> category = core::CategoryFromName(TextOf(row, "category")))
        picture.by_category.emplace_back(*category, CountOf(row, "count"));
  for (const json& row : ListOf(doc, "by_area")) {
    if (!row.is_object()) continue;
    const auto at = std::find(core::kAreaNames.begin(), core::kAreaNames.end(), TextOf(row, "area"));
    if (at != core::kAreaNames.end()) picture.by_area[static_cast<std::size_t>(at - core::kAreaNames.begin())] = CountOf(row, "count");
  }
  for (core::Scale scale : core::kAllScales) picture.scales[core::IndexOf(scale)].scale = scale;
  for (const json& row : ListOf(doc, "scales")) {
    if (!row.is_object()) continue;
    const std::optional<core::Scale> scale = core::ScaleFromName(TextOf(row, "scale"));
    if (!scale) continue;
    core::ScalePicture& into = picture.scales[core::IndexOf(*scale)];
    const json& histogram = ListOf(row, "histogram");
    for (std::size_t i = 0; i < into.histogram.size() && i < histogram.size(); ++i)
      into.histogram[i] = histogram[i].is_number_integer() ? std::max(0, histogram[i].get<int>()) : 0;
    if (const auto mean = row.find("mean"); mean != row.end() && mean->is_number()) into.mean = mean->get<double>();
  }
  for (const json& row : ListOf(doc, "place_spread")) {
    if (!row.is_object()) continue;
    const std::optional<core::Scale> scale = core::ScaleFromName(TextOf(row, "scale"));
    if (!scale) continue;
    core::ScalePicture& into = picture.scales[core::IndexOf(*scale)];
    const json& buckets = ListOf(row, "buckets");
    for (std::size_t i = 0; i < into.spread.size() && i < buckets.size(); ++i)
      into.spread[i] = buckets[i].is_number_integer() ? std::max(0, buckets[i].get<int>()) : 0;
  }
  for (const json& row : ListOf(doc, "concerns"))
    if (row.is_object() && !TextOf(row, "place_id").empty())
      picture.concerns.push_back({TextOf(row, "place_id"), TextOf(row, "name", "A place"), CountOf(row, "ratings"),
                                  CountOf(row, "not_quiet"), CountOf(row, "staff_dont_understand")});
  for (const json& row : ListOf(doc, "over_time"))
    if (row.is_object() && !TextOf(row, "month").empty())
      picture.over_time.push_back({TextOf(row, "month"), CountOf(row, "ratings"), CountOf(row, "suggestions")});
  return picture;
}

std::optional<std::vector<SchemePlace>> ParseSchemePlaces(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("places") || !doc["places"].is_array()) return std::nullopt;
  std::vector<SchemePlace> places;
  for (const json& row : doc["places"]) {
    if (!row.is_object() || TextOf(row, "id").empty()) continue;
    const json& scheme = ObjectOf(row, "scheme");
    places.push_back({TextOf(row, "id"), TextOf(row, "name", "A place"), CategoryOf(row),
                      core::SchemeStatusFromName(TextOf(scheme, "status")).value_or(core::SchemeStatus::NotContacted),
                      TextOf(scheme, "checked_on"), TextOf(scheme, "check_again_on")});
  }
  return places;
}

std::optional<std::vector<StaffAccount>> ParseStaffAccounts(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("staff") || !doc["staff"].is_array()) return std::nullopt;
  std::vector<StaffAccount> accounts;
  for (const json& row : doc["staff"]) {
    if (!row.is_object() || TextOf(row, "username").empty()) continue;
    const auto id = row.find("id");
    const std::string id_text = id == row.end()          ? std::string()
                                : id->is_string()         ? id->get<std::string>()
                                : id->is_number_integer() ? std::to_string(id->get<long long>())
                                                          : std::string();
    if (id_text.empty()) continue;
    accounts.push_back({id_text, TextOf(row, "username"), TextOf(row, "role") == "officer",
                        !row.contains("active") || FlagOf(row, "active")});
  }
  return accounts;
}

std::string ReviewQueuePath(const ReviewFilter& filter) {
  std::string path = "/api/v1/review/queue?kind=";
  path += filter.kind == ReviewKindFilter::Suggestions ? "suggestion"
          : filter.kind == ReviewKindFilter::Comments  ? "comment"
                                                       : "all";
  if (filter.category) path += "&category=" + std::string(core::CategoryName(*filter.category));
  if (!filter.session_id.empty()) path += "&session=" + PercentEncoded(filter.session_id);
  if (filter.flagged_only) path += "&flagged=1";
  if (!filter.area.empty()) path += "&area=" + PercentEncoded(filter.area);
  return path + "&limit=" + std::to_string(kQueueLimit);
}

std::string_view FlagLabel(std::string_view flag) {
  if (flag == "phone") return "Phone number";
  if (flag == "email") return "Email address";
  if (flag == "postcode") return "Postcode";
  if (flag == "address") return "Street address";
  if (flag == "full_name") return "Possible full name";
  if (flag == "link") return "Link";
  if (flag == "rude") return "Rude word";
  if (flag == "safeguarding") return "Safeguarding";
  return {};
}

std::string_view SchemeStatusLabel(core::SchemeStatus status) {
  switch (status) {
    case core::SchemeStatus::Contacted: return "Contacted";
    case core::SchemeStatus::Agreed: return "Agreed";
    case core::SchemeStatus::Sticker: return "Sticker displayed";
    case core::SchemeStatus::Trained: return "Staff trained";
    case core::SchemeStatus::NotContacted: break;
  }
  return "Not contacted";
}

ExportFile ExportFileOf(ExportKind kind, std::string_view date) {
  const std::string dated = date.empty() ? std::string() : "-" + std::string(date);
  switch (kind) {
    case ExportKind::PlacesGeoJson:
      return {"/api/v1/export/places.geojson", "safe-spaces-places" + dated + ".geojson", "application/geo+json"};
    case ExportKind::PlacesOpenReferral:
      return {"/api/v1/export/places.openreferral.json", "safe-spaces-open-referral" + dated + ".json",
              "application/json"};
    case ExportKind::AuditCsv: return {"/api/v1/audit.csv", "safe-spaces-audit-log" + dated + ".csv", "text/csv"};
    case ExportKind::PlacesCsv: break;
  }
  return {"/api/v1/export/places.csv", "safe-spaces-places" + dated + ".csv", "text/csv"};
}

//-----------------------------------------------------------------------------
// [SECTION] Actions and the tick
//-----------------------------------------------------------------------------

bool ApplyOfficerAction(AppState& state, ClientData& data, const Action& action) {
  if (action.kind != ActionKind::Officer) return false;
  OfficerState& officer = state.staff.officer;
  const auto verb = static_cast<OfficerVerb>(action.index);
  switch (verb) {
    case OfficerVerb::Typed:
      switch (static_cast<OfficerField>(action.value)) {
        case OfficerField::EditName: officer.edit_name = action.text; break;
        case OfficerField::EditAddress: officer.edit_address = action.text; break;
        case OfficerField::SchemeSearch: officer.search = action.text; break;
        case OfficerField::CheckedOn: officer.checked_on = action.text; break;
        case OfficerField::CheckAgainOn: officer.check_again_on = action.text; break;
        case OfficerField::NewUsername: officer.new_username = action.text; break;
        case OfficerField::NewPassword: officer.new_password = action.text; break;
      }
      break;
    case OfficerVerb::SetFilter:
      if (action.review != officer.filter) {
        officer.filter = action.review;
        AskQueueAgain(state, data);
      }
      break;
    case OfficerVerb::ShowFilters: officer.show_filters = action.value != 0; break;
    case OfficerVerb::Select: Select(officer, action.text); break;
    case OfficerVerb::SelectNext: SelectNext(officer, action.value); break;
    case OfficerVerb::SetMode:
      officer.mode = static_cast<ReviewMode>(std::clamp(action.value, 0, 3));
      officer.review_message.clear();
      break;
    case OfficerVerb::EditCategory:
      officer.edit_category = core::kAllCategories[static_cast<std::size_t>(
          std::clamp(action.value, 0, static_cast<int>(core::kAllCategories.size()) - 1))];
      break;
    case OfficerVerb::ChooseReason:
      officer.reason = core::kAllNotAddedReasons[static_cast<std::size_t>(
          std::clamp(action.value, 0, static_cast<int>(core::kAllNotAddedReasons.size()) - 1))];
      break;
    case OfficerVerb::ChooseMerge: officer.merge_into = action.text; break;
    case OfficerVerb::Approve:
    case OfficerVerb::EditApprove:
    case OfficerVerb::Reject:
    case OfficerVerb::Merge:
    case OfficerVerb::HideComment: Act(state, data, verb); break;
    case OfficerVerb::Undo: Undo(state, data); break;
    case OfficerVerb::MoveMap:
      if (std::isfinite(action.lat) && std::isfinite(action.lon) && std::isfinite(action.zoom)) {
        officer.map_lat = core::ClampLatitude(action.lat);
        officer.map_lon = action.lon;
        officer.map_zoom = core::ClampZoom(action.zoom);
        officer.camera_set = true;
      }
      break;
    case OfficerVerb::AskStats:
      officer.stats_loaded = false;
      data.staff.officer.stats_due = 0.0;
      break;
    case OfficerVerb::AskPlaces:
      officer.places_loaded = false;
      data.staff.officer.places_request = 0;
      data.staff.officer.places_due = 0.0;
      break;
    case OfficerVerb::DueOnly:
      officer.due_only = action.value != 0;
      officer.places_loaded = false;
      data.staff.officer.places_request = 0;
      data.staff.officer.places_due = 0.0;
      break;
    case OfficerVerb::OpenScheme: OpenScheme(officer, action.text); break;
    case OfficerVerb::SetScheme:
      officer.scheme_status = core::kAllSchemeStatuses[static_cast<std::size_t>(
          std::clamp(action.value, 0, static_cast<int>(core::kAllSchemeStatuses.size()) - 1))];
      break;
    case OfficerVerb::SaveScheme: SaveScheme(state, data); break;
    case OfficerVerb::Export: Export(state, data, static_cast<ExportKind>(std::clamp(action.value, 0, 3))); break;
    case OfficerVerb::AddAccount: AddAccount(state, data); break;
    case OfficerVerb::NewRole: officer.new_officer = action.value != 0; break;
    case OfficerVerb::SetActive: SetActive(state, data, action.text, action.value != 0); break;
  }
  return true;
}

void OfficerTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers) {
  for (const HttpAnswer& answer : answers) HandleAnswer(state, data, answer);
  const StaffState& staff = state.staff;
  const OfficerState& officer = staff.officer;
  OfficerConnection& link = data.staff.officer;
  if (!staff.logged_in || staff.role != StaffRole::Officer || data.staff.token.empty()) return;
  const double now = data.ports.now_seconds();
  const auto due = [&](Screen screen, bool loaded, int request, double when) {
    return state.screen == screen && !loaded && request == 0 && now >= when;
  };
  if (due(Screen::OfficerReview, officer.queue_loaded, link.queue_request, link.queue_due))
    link.queue_request = SendStaff(data, "GET", ReviewQueuePath(officer.filter));
  if (due(Screen::OfficerCity, officer.stats_loaded, link.stats_request, link.stats_due))
    link.stats_request = SendStaff(data, "GET", "/api/v1/stats");
  if (due(Screen::OfficerScheme, officer.places_loaded, link.places_request, link.places_due)) {
    std::string path = "/api/v1/review/places";
    const std::string search = core::TrimText(officer.search);
    const char* separator = "?";
    if (!search.empty()) {
      path += "?search=" + PercentEncoded(search);
      separator = "&";
    }
    if (officer.due_only) path += std::string(separator) + "due=1";
    link.places_request = SendStaff(data, "GET", path);
  }
  if (due(Screen::OfficerAccounts, officer.accounts_loaded, link.accounts_request, link.accounts_due))
    link.accounts_request = SendStaff(data, "GET", "/api/v1/staff");
}
