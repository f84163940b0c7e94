// Staff accounts (council officers and youth workers), their passwords and login sessions,
// in the server's database (migrations/server/0007_staff.sql). Passwords are Argon2id
// hashes (libsodium); a session is a random bearer token of which only a hash is kept.
// Not here: HTTP and who may call what (server/staff_api.h). Native only (libsodium).
// Start at VerifyLogin; the server runs its three steps apart so the slow password check
// never holds the writing connection (FindLoginCandidate, CheckPassword, Record*/StartSession).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.h"
#include "store/database.h"

namespace store {

enum class StaffRole { Officer, YouthWorker };

std::string_view StaffRoleName(StaffRole role);  // "officer", "youth_worker"
std::optional<StaffRole> StaffRoleFromName(std::string_view name);

inline constexpr std::size_t kMinUsernameLength = 3;          // characters
inline constexpr std::size_t kMaxUsernameLength = 40;         // characters
inline constexpr std::size_t kMinPasswordLength = 10;         // characters (UTF-8 code points)
inline constexpr std::size_t kMaxPasswordBytes = 1024;        // bytes; longer is refused, not hashed
inline constexpr int kMaxWrongPasswords = 5;                  // wrong passwords in a row before the lock
inline constexpr std::int64_t kLockSeconds = 15 * 60;         // seconds an account stays locked
inline constexpr std::int64_t kSessionSeconds = 8 * 60 * 60;  // seconds a login lasts (a working day)

// A value, or the error to show (its message in plain words for the member of staff).
template <class T>
struct StaffResult {
  std::optional<T> value;
  core::ApiError error;  // only meaningful when there is no value
  explicit operator bool() const { return value.has_value(); }
};

struct StaffMember {
  std::string id;  // a UUID
  std::string username;
  StaffRole role = StaffRole::YouthWorker;
};

struct Login {
  std::string token;  // 64 lower-case hex digits (32 random bytes): the bearer token
  StaffRole role = StaffRole::YouthWorker;
  std::int64_t expires_at = 0;  // unix seconds
};

// Starts libsodium; false if it cannot (then nothing here works). Safe to call again.
bool SodiumReady();

// Nullopt when the username is allowed: 3 to 40 letters, digits, dots, dashes and
// underscores. Otherwise the error to show (InvalidField "username").
std::optional<core::ApiError> CheckUsername(std::string_view username);
// Nullopt when the password is allowed: at least 10 characters and not the username.
std::optional<core::ApiError> CheckPassword(std::string_view username, std::string_view password);

// A new account. InvalidField for a username or password not allowed, Conflict when the
// username is taken (in any case), Internal on a database or libsodium failure.
StaffResult<StaffMember> AddStaff(Database& db, std::string_view username, std::string_view password, StaffRole role,
                                  std::int64_t now_unix_seconds);

// AddStaff's two steps, so a server hashes (slow on purpose: about 0.1 s and 64 MiB) before
// it takes the writing connection. HashPassword: nullopt on a libsodium failure; the
// password must have passed CheckPassword. AddStaffWithHash: as AddStaff, from the hash.
std::optional<std::string> HashPassword(std::string_view password);
StaffResult<StaffMember> AddStaffWithHash(Database& db, std::string_view username, std::string_view password_hash,
                                          StaffRole role, std::int64_t now_unix_seconds);

// Every account, by username, for an officer (GET /api/v1/staff). Nullopt on a failure.
struct StaffAccount {
  StaffMember staff;
  bool active = true;  // not `disabled` (migration 0007)
};
std::optional<std::vector<StaffAccount>> ListStaff(const Database& db, std::string& error);

// Switches an account on or off; off also ends its logins at once. NotFound for no such
// account, Internal on a failure.
StaffResult<StaffAccount> SetStaffActive(Database& db, std::string_view staff_id, bool active);

// Logs in: a new session, or Unauthorised (unknown username or wrong password: the same
// words, and the same Argon2id work, so neither tells which), Locked (kMaxWrongPasswords
// wrong passwords in a row lock the account for kLockSeconds), Internal.
StaffResult<Login> VerifyLogin(Database& db, std::string_view username, std::string_view password,
                               std::int64_t now_unix_seconds);

// The three steps of VerifyLogin.
struct LoginCandidate {
  StaffMember staff;
  std::string password_hash;
  std::int64_t locked_until = 0;  // unix seconds
  bool disabled = false;
};
// The account named `username`; nullopt with an empty `error` when there is none.
std::optional<LoginCandidate> FindLoginCandidate(const Database& db, std::string_view username, std::string& error);
enum class PasswordCheck { Right, Wrong, Locked, Disabled };
// Slow on purpose (one Argon2id check, also for an unknown account); no database.
PasswordCheck CheckLoginPassword(const std::optional<LoginCandidate>& candidate, std::string_view password,
                                 std::int64_t now_unix_seconds);
// Counts a wrong password; the kMaxWrongPasswords-th locks the account (and starts the
// count again). Nullopt on a database failure, else whether it is locked now.
std::optional<bool> RecordWrongPassword(Database& db, std::string_view staff_id, std::int64_t now_unix_seconds);
// A new session for `staff` (and the wrong-password count cleared). Nullopt on a failure.
std::optional<Login> StartSession(Database& db, const StaffMember& staff, std::int64_t now_unix_seconds,
                                  std::string& error);
// The errors VerifyLogin gives, for the server to give the same.
core::ApiError WrongLoginError();
core::ApiError LockedError();
core::ApiError DisabledError();

// Whose session `token` is, while it lasts and the account is not disabled; nullopt with
// an empty `error` when none.
std::optional<StaffMember> StaffForToken(const Database& db, std::string_view token, std::int64_t now_unix_seconds,
                                         std::string& error);
// Ends the session (nothing when there is none); false on a database failure. Also drops
// every session that has expired.
bool Logout(Database& db, std::string_view token, std::int64_t now_unix_seconds, std::string& error);

// How a token is kept: BLAKE2b (crypto_generichash, 32 bytes) in lower-case hex. For tests.
std::string TokenHash(std::string_view token);

}  // namespace store
