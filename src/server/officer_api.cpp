// This is the implementation of officer_api.h: reading each request in words an officer
// understands, then the store's function on the writer or a reader.
//
// [SECTION] Wire shapes (officer only; the issue 8 contract, sections C, D, E and G)
//   POST /api/v1/places/{id}/scheme {"status": "not_contacted|contacted|agreed|sticker|trained",
//        "checked_on": "YYYY-MM-DD"|"", "check_again_on": "YYYY-MM-DD"|""}
//     200 {"id", "scheme": {"status", "checked_on", "check_again_on"}}; 404 not a place on the map
//   GET  /api/v1/review/places?search=TEXT&due=1
//     200 {"places": [{"id", "name", "category", "scheme": {...}}]}   at most 200, by name
//     (due=1: only those whose next check is today or before, soonest first)
//   GET  /api/v1/audit?limit=200   200 {"entries": [{"at", "username", "action", "item_id", "detail"}]}
//     newest first (limit 1..5000); detail is JSON text. GET /api/v1/audit.csv: the same as a
//     formula-safe CSV file (at as "YYYY-MM-DD HH:MM:SS" UTC).
//   GET  /api/v1/stats   200 core::ToJson(CityPicture) (core/city_picture.h)
//   GET  /api/v1/staff   200 {"staff": [{"id", "username", "role", "active"}]}
//   POST /api/v1/staff {"username", "password", "role": "officer|youth_worker"}
//     200 {"id", "username", "role"}; 409 the username is taken; 422 a field not allowed
//   POST /api/v1/staff/{id}/active {"active": bool}   200 {"id", "username", "role", "active"};
//     404; 409 switching off one's own account
//   401 no login; 403 not an officer; 413 over kMaxReviewBodyBytes.
#include "server/officer_api.h"

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/csv.h"
#include "core/review.h"
#include "server/review_api.h"
#include "store/review_store.h"
#include "store/staff_store.h"

namespace server {
namespace {

using nlohmann::json;

core::ApiError Invalid(std::string message, std::string field) {
  return {core::ErrorCode::InvalidField, std::move(message), std::move(field)};
}

Reply Done(json answer) { return {core::DumpJson(answer), std::nullopt}; }

json SchemeJson(const store::SchemeStanding& standing) {
  return {{"status", core::SchemeStatusName(standing.status)},
          {"checked_on", standing.checked_on},
          {"check_again_on", standing.check_again_on}};
}

// A date field: absent or "" is no date; otherwise a real day written YYYY-MM-DD.
std::optional<core::ApiError> ReadDate(const json& doc, const char* field, std::string& date) {
  const auto found = doc.find(field);
  if (found == doc.end() || found->is_null()) return std::nullopt;
  if (!found->is_string() || (!found->get_ref<const std::string&>().empty() &&
                              !core::IsCalendarDate(found->get_ref<const std::string&>())))
    return Invalid("Please give a real date written like 2026-11-30, or leave it empty.", field);
  date = found->get<std::string>();
  return std::nullopt;
}

// Reads with one of the pool's connections; false on a failure.
bool Read(ReaderPool& readers, const std::function<bool(const store::Database&, std::string&)>& read) {
  std::string error;
  bool ok = false;
  return readers.With([&](const store::Database& db) { ok = read(db, error); }, error) && ok;
}

json StaffJson(const store::StaffMember& staff) {
  return {{"id", staff.id}, {"username", staff.username}, {"role", store::StaffRoleName(staff.role)}};
}

}  // namespace

Reply PostPlaceScheme(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& place_id, std::string_view body, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadOfficerRequest(body, doc)) return {"", std::move(*error)};
  store::SchemeStanding standing;
  const auto status = doc.find("status");
  std::optional<core::SchemeStatus> read_status;
  if (status != doc.end() && status->is_string()) read_status = core::SchemeStatusFromName(status->get<std::string>());
  if (!read_status) return {"", Invalid("Please pick how far this place has come in the scheme.", "status")};
  standing.status = *read_status;
  if (auto error = ReadDate(doc, "checked_on", standing.checked_on)) return {"", std::move(*error)};
  if (auto error = ReadDate(doc, "check_again_on", standing.check_again_on)) return {"", std::move(*error)};
  std::optional<core::ApiError> outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
    return store::SetScheme(store, *officer.value, place_id, standing, now_unix_seconds);
  });
  if (outcome) return {"", std::move(*outcome)};
  return Done({{"id", place_id}, {"scheme", SchemeJson(standing)}});
}

Reply GetReviewPlaces(ReaderPool& readers, std::string_view authorization, const std::optional<std::string>& search,
                      const std::optional<std::string>& due, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  if (search && search->size() > 200) return {"", Invalid("Please search with fewer words.", "search")};
  if (due && !due->empty() && *due != "0" && *due != "1")
    return {"", Invalid("\"due\" is 1 (only places due a check) or 0.", "due")};
  std::optional<std::vector<store::ReviewPlace>> places;
  if (!Read(readers, [&](const store::Database& db, std::string& error) {
        places = store::ReadReviewPlaces(db, search.value_or(""), due && *due == "1",
                                         core::DateText(now_unix_seconds), error);
        return places.has_value();
      }))
    return {"", OurFault()};
  json list = json::array();
  for (const store::ReviewPlace& place : *places)
    list.push_back({{"id", place.id},
                    {"name", place.name},
                    {"category", core::CategoryName(place.category)},
                    {"scheme", SchemeJson(place.scheme)}});
  return Done({{"places", std::move(list)}});
}

Reply GetAudit(ReaderPool& readers, std::string_view authorization, const std::optional<std::string>& limit,
               std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  int rows = store::kDefaultAuditEntries;
  if (limit) {
    const std::optional<std::int64_t> asked = store::ParseCursor(*limit);
    if (!asked || *asked < 1 || *asked > store::kMaxAuditEntries)
      return {"", Invalid("Please ask for between 1 and 5000 rows of the log.", "limit")};
    rows = static_cast<int>(*asked);
  }
  std::optional<std::vector<store::AuditEntry>> entries;
  if (!Read(readers, [&](const store::Database& db, std::string& error) {
        entries = store::ReadAudit(db, rows, error);
        return entries.has_value();
      }))
    return {"", OurFault()};
  json list = json::array();
  for (const store::AuditEntry& entry : *entries)
    list.push_back({{"at", entry.at},
                    {"username", entry.username},
                    {"action", entry.action},
                    {"item_id", entry.item_id},
                    {"detail", entry.detail}});
  return Done({{"entries", std::move(list)}});
}

FileReply GetAuditCsv(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", "", "", std::move(officer.error)};
  std::optional<std::vector<store::AuditEntry>> entries;
  if (!Read(readers, [&](const store::Database& db, std::string& error) {
        entries = store::ReadAudit(db, store::kMaxAuditEntries, error);
        return entries.has_value();
      }))
    return {"", "", "", OurFault()};
  const std::vector<std::string> header = {"at", "username", "action", "item_id", "detail"};
  std::string csv = "\xEF\xBB\xBF" + core::CsvRow(header);  // the byte order mark: spreadsheets read accents
  for (const store::AuditEntry& entry : *entries) {
    const std::vector<std::string> cells = {core::CsvCell(core::DateTimeText(entry.at)), core::CsvCell(entry.username),
                                            core::CsvCell(entry.action), core::CsvCell(entry.item_id),
                                            core::CsvCell(entry.detail)};
    csv += core::CsvRow(cells);
  }
  return {std::move(csv), "text/csv; charset=utf-8", "audit-log.csv", std::nullopt};
}

Reply GetStats(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  std::optional<core::CityPicture> picture;
  if (!Read(readers, [&](const store::Database& db, std::string& error) {
        picture = store::ReadCityPicture(db, core::DefaultServiceArea(), now_unix_seconds, error);
        return picture.has_value();
      }))
    return {"", OurFault()};
  return Done(core::ToJson(*picture));
}

Reply GetStaffList(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  std::optional<std::vector<store::StaffAccount>> accounts;
  if (!Read(readers, [&](const store::Database& db, std::string& error) {
        accounts = store::ListStaff(db, error);
        return accounts.has_value();
      }))
    return {"", OurFault()};
  json list = json::array();
  for (const store::StaffAccount& account : *accounts) {
    json entry = StaffJson(account.staff);
    entry["active"] = account.active;
    list.push_back(std::move(entry));
  }
  return Done({{"staff", std::move(list)}});
}

Reply PostStaff(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization, std::string_view body,
                std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadOfficerRequest(body, doc)) return {"", std::move(*error)};
  const auto text = [&doc](const char* field) {
    const auto found = doc.find(field);
    return found != doc.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  const std::string username = text("username"), password = text("password");
  const std::optional<store::StaffRole> role = store::StaffRoleFromName(text("role"));
  if (auto problem = store::CheckUsername(username)) return {"", std::move(*problem)};
  if (auto problem = store::CheckPassword(username, password)) return {"", std::move(*problem)};
  if (!role) return {"", Invalid("Please pick officer or youth worker.", "role")};
  // The slow hash runs here, on this request's thread, never on the writer.
  const std::optional<std::string> hash = store::HashPassword(password);
  if (!hash) return {"", OurFault()};
  store::StaffResult<store::StaffMember> added;
  std::optional<core::ApiError> outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
    added = store::AddStaffWithHash(store.Db(), username, *hash, *role, now_unix_seconds);
    if (!added) return std::optional<core::ApiError>(added.error);
    const json detail = {{"username", added.value->username}, {"role", store::StaffRoleName(*role)}};
    if (!store::AddAuditEntry(store.Db(), *officer.value, "add_staff", added.value->id, core::DumpJson(detail),
                              now_unix_seconds))
      return std::optional<core::ApiError>(OurFault());
    return std::optional<core::ApiError>();
  });
  if (outcome) return {"", std::move(*outcome)};
  return Done(StaffJson(*added.value));
}

Reply PostStaffActive(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      const std::string& staff_id, std::string_view body, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> officer = RequireOfficer(readers, authorization, now_unix_seconds);
  if (!officer) return {"", std::move(officer.error)};
  json doc;
  if (std::optional<core::ApiError> error = ReadOfficerRequest(body, doc)) return {"", std::move(*error)};
  const auto active = doc.find("active");
  if (active == doc.end() || !active->is_boolean())
    return {"", Invalid("Please say if this account should be on (true) or off (false).", "active")};
  if (staff_id == officer.value->id && !active->get<bool>())
    return {"", core::ApiError{core::ErrorCode::Conflict,
                               "You cannot switch off your own account. Please ask another officer.", "id"}};
  store::StaffResult<store::StaffAccount> changed;
  std::optional<core::ApiError> outcome = RunOfficerChange(writer, [&](store::ServerStore& store) {
    changed = store::SetStaffActive(store.Db(), staff_id, active->get<bool>());
    if (!changed) return std::optional<core::ApiError>(changed.error);
    const json detail = {{"username", changed.value->staff.username}, {"active", changed.value->active}};
    if (!store::AddAuditEntry(store.Db(), *officer.value, "set_staff_active", staff_id, core::DumpJson(detail),
                              now_unix_seconds))
      return std::optional<core::ApiError>(OurFault());
    return std::optional<core::ApiError>();
  });
  if (outcome) return {"", std::move(*outcome)};
  json answer = StaffJson(changed.value->staff);
  answer["active"] = changed.value->active;
  return Done(std::move(answer));
}

}  // namespace server
