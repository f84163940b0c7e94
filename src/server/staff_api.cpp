// This is the implementation of staff_api.h: reading a login, the per-address limit, the
// three steps of a login (the slow Argon2id check runs on the HTTP thread, never on the
// writer, so syncing devices do not wait for it), and bearer tokens.
//
// [SECTION] Wire shapes
//   POST /api/v1/staff/login {"username": "sam.jones", "password": "..."}
//     200 {"token": "64 hex digits", "role": "officer|youth_worker", "expires_at": unix seconds}
//     401 unknown username or wrong password (the same words); 423 locked after
//     store::kMaxWrongPasswords wrong passwords, for store::kLockSeconds; 403 account
//     switched off; 429 after kStaffLoginsPerWindow tries in a minute from one address;
//     400 when the body cannot be read; 413 over kMaxStaffBodyBytes.
//   POST /api/v1/staff/logout  (Authorization: Bearer TOKEN)   200 {"logged_out": true}; 401
//   GET  /api/v1/staff/me      (Authorization: Bearer TOKEN)   200 {"username", "role"}; 401
//   Every error is core's {"error": {"code", "message", "field"}}.
#include "server/staff_api.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/codec.h"
#include "server/sync_api.h"

namespace server {
namespace {

using nlohmann::json;

core::ApiError NotLoggedIn() {
  return {core::ErrorCode::Unauthorised, "Please log in again: your login has ended.", ""};
}

// The token in "Bearer TOKEN", or "" when there is none.
std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i])))
      return {};
  return authorization.substr(kScheme.size());
}

// A required text field of the login, or why not.
std::optional<core::ApiError> ReadText(const json& doc, const char* field, const char* ask, std::string& text) {
  const auto found = doc.find(field);
  if (found == doc.end() || !found->is_string() || found->get_ref<const std::string&>().empty())
    return core::ApiError{core::ErrorCode::BadRequest, ask, field};
  text = found->get<std::string>();
  return std::nullopt;
}

}  // namespace

store::StaffResult<store::StaffMember> RequireStaff(ReaderPool& readers, std::string_view authorization,
                                                    std::int64_t now_unix_seconds,
                                                    std::initializer_list<store::StaffRole> allowed) {
  const std::string_view token = BearerToken(authorization);
  if (token.empty()) return {std::nullopt, {core::ErrorCode::Unauthorised, "Please log in first.", ""}};
  std::optional<store::StaffMember> staff;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) { staff = store::StaffForToken(db, token, now_unix_seconds, error); }, error);
  if (!read || !error.empty()) return {std::nullopt, OurFault()};
  if (!staff) return {std::nullopt, NotLoggedIn()};
  if (allowed.size() > 0 && std::find(allowed.begin(), allowed.end(), staff->role) == allowed.end())
    return {std::nullopt,
            {core::ErrorCode::Forbidden, "Your account cannot do this. Please ask an officer if you need to.", ""}};
  return {std::move(staff), {}};
}

Reply PostStaffLogin(GroupCommitWriter& writer, ReaderPool& readers, StaffLoginTries& tries, const std::string& address,
                     std::string_view body, std::int64_t now_unix_seconds) {
  // Every request counts, readable or not: otherwise the limit is easy to step around.
  if (!tries.Allow(address, now_unix_seconds))
    return {"", core::ApiError{core::ErrorCode::TooManyRequests,
                               "That was a lot of tries in a short time. Please wait a minute, then try again.", ""}};
  json doc;
  if (auto error = ReadSmallObject(body, kMaxStaffBodyBytes, 2, "A login is only a username and a password.", doc))
    return {"", std::move(*error)};
  std::string username, password;
  if (auto error = ReadText(doc, "username", "Please type your username.", username)) return {"", std::move(*error)};
  if (auto error = ReadText(doc, "password", "Please type your password.", password)) return {"", std::move(*error)};

  std::optional<store::LoginCandidate> candidate;
  std::string error;
  const bool read = readers.With(
      [&](const store::Database& db) { candidate = store::FindLoginCandidate(db, username, error); }, error);
  if (!read || !error.empty()) return {"", OurFault()};

  const store::PasswordCheck check = store::CheckLoginPassword(candidate, password, now_unix_seconds);
  if (check == store::PasswordCheck::Locked) return {"", store::LockedError()};
  if (check == store::PasswordCheck::Disabled) return {"", store::DisabledError()};
  if (check == store::PasswordCheck::Wrong) {
    if (!candidate) return {"", store::WrongLoginError()};
    std::optional<bool> locked;
    const bool committed = writer.Run([&](store::ServerStore& store) {
      locked = store::RecordWrongPassword(store.Db(), candidate->staff.id, now_unix_seconds);
      return locked.has_value();
    });
    if (!committed || !locked) return {"", OurFault()};
    return {"", *locked ? store::LockedError() : store::WrongLoginError()};
  }

  std::optional<store::Login> login;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    login = store::StartSession(store.Db(), candidate->staff, now_unix_seconds, error);
    return login.has_value();
  });
  if (!committed || !login) return {"", OurFault()};
  return {core::DumpJson(json{{"token", login->token},
                              {"role", std::string(store::StaffRoleName(login->role))},
                              {"expires_at", login->expires_at}}),
          std::nullopt};
}

Reply PostStaffLogout(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(readers, authorization, now_unix_seconds);
  if (!staff) return {"", std::move(staff.error)};
  const std::string token(BearerToken(authorization));
  std::string error;
  const bool committed =
      writer.Run([&](store::ServerStore& store) { return store::Logout(store.Db(), token, now_unix_seconds, error); });
  if (!committed) return {"", OurFault()};
  return {core::DumpJson(json{{"logged_out", true}}), std::nullopt};
}

Reply GetStaffMe(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds) {
  store::StaffResult<store::StaffMember> staff = RequireStaff(readers, authorization, now_unix_seconds);
  if (!staff) return {"", std::move(staff.error)};
  return {core::DumpJson(json{{"username", staff.value->username},
                              {"role", std::string(store::StaffRoleName(staff.value->role))}}),
          std::nullopt};
}

}  // namespace server
