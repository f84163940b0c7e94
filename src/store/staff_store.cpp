// This is the implementation of staff_store.h: staff accounts with libsodium's Argon2id
// (crypto_pwhash_str at OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE: about 0.1 s and
// 64 MiB per check here) and sessions kept as BLAKE2b hashes of random tokens.
// Sections: [SECTION] Words, [SECTION] Accounts, [SECTION] Logging in, [SECTION] Sessions.
#include "store/staff_store.h"

#include <sodium.h>

#include <array>
#include <cctype>

#include "core/uuid.h"

namespace store {
namespace {

// An Argon2id hash of a password nobody has, with the same settings as ours: checked
// against when the username is unknown, so that takes as long as a wrong password.
constexpr const char* kNobodysHash =
    "$argon2id$v=19$m=65536,t=2,p=1$84/38xJQ82Ejg/XXfKfAQw$r/mhN0xadHdGHfgsyaveFa+gWtVGuGY//2w45VJ+guM";

constexpr std::size_t kTokenBytes = 32;  // random bytes in a bearer token

// [SECTION] Words

using core::OurFault;

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

bool IsToken(std::string_view token) {
  if (token.size() != kTokenBytes * 2) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

std::string_view StaffRoleName(StaffRole role) { return role == StaffRole::Officer ? "officer" : "youth_worker"; }

std::optional<StaffRole> StaffRoleFromName(std::string_view name) {
  if (name == "officer") return StaffRole::Officer;
  if (name == "youth_worker") return StaffRole::YouthWorker;
  return std::nullopt;
}

bool SodiumReady() { return sodium_init() >= 0; }  // 0 the first time, 1 after

std::string TokenHash(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return Hex(hash.data(), hash.size());
}

core::ApiError WrongLoginError() {
  return {core::ErrorCode::Unauthorised, "That username and password do not match. Please check them and try again.",
          ""};
}

core::ApiError LockedError() {
  return {core::ErrorCode::Locked, "Too many wrong tries. Please wait 15 minutes, or ask an officer.", ""};
}

core::ApiError DisabledError() {
  return {core::ErrorCode::Forbidden, "This account is switched off. Please ask an officer.", ""};
}

// [SECTION] Accounts

std::optional<core::ApiError> CheckUsername(std::string_view username) {
  const auto allowed = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  };
  bool ok = username.size() >= kMinUsernameLength && username.size() <= kMaxUsernameLength;
  for (char c : username) ok = ok && allowed(c);
  if (ok) return std::nullopt;
  return core::ApiError{core::ErrorCode::InvalidField,
                        "A username is 3 to 40 letters or numbers, and may have dots, dashes and underscores "
                        "(like sam.jones).",
                        "username"};
}

std::optional<core::ApiError> CheckPassword(std::string_view username, std::string_view password) {
  if (CodePoints(password) < kMinPasswordLength)
    return core::ApiError{core::ErrorCode::InvalidField, "A password needs at least 10 characters.", "password"};
  if (password.size() > kMaxPasswordBytes)
    return core::ApiError{core::ErrorCode::InvalidField, "That password is too long. Please choose a shorter one.",
                          "password"};
  if (SameIgnoringCase(username, password))
    return core::ApiError{core::ErrorCode::InvalidField, "A password cannot be the same as the username.", "password"};
  return std::nullopt;
}

std::optional<std::string> HashPassword(std::string_view password) {
  if (!SodiumReady()) return std::nullopt;
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::nullopt;  // out of memory
  return std::string(hash);
}

StaffResult<StaffMember> AddStaffWithHash(Database& db, std::string_view username, std::string_view password_hash,
                                          StaffRole role, std::int64_t now_unix_seconds) {
  if (std::optional<core::ApiError> problem = CheckUsername(username)) return {std::nullopt, std::move(*problem)};
  if (!SodiumReady()) return {std::nullopt, OurFault()};
  std::array<std::uint8_t, 16> random{};
  randombytes_buf(random.data(), random.size());
  StaffMember staff{core::MakeUuidV4(random), std::string(username), role};

  Statement taken = db.Prepare("SELECT 1 FROM staff WHERE username = ?1");
  taken.BindText(1, username);
  const StepResult found = taken.Step();
  if (found == StepResult::Error) return {std::nullopt, OurFault()};
  if (found == StepResult::Row)
    return {std::nullopt, core::ApiError{core::ErrorCode::Conflict,
                                         "Someone already has that username. Please choose another.", "username"}};
  Statement insert =
      db.Prepare("INSERT INTO staff (id, username, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.BindText(1, staff.id).BindText(2, staff.username).BindText(3, StaffRoleName(role)).BindText(4, password_hash);
  insert.BindInt64(5, now_unix_seconds);
  if (insert.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  return {std::move(staff), {}};
}

StaffResult<StaffMember> AddStaff(Database& db, std::string_view username, std::string_view password, StaffRole role,
                                  std::int64_t now_unix_seconds) {
  if (std::optional<core::ApiError> problem = CheckUsername(username)) return {std::nullopt, std::move(*problem)};
  if (std::optional<core::ApiError> problem = CheckPassword(username, password))
    return {std::nullopt, std::move(*problem)};
  const std::optional<std::string> hash = HashPassword(password);
  if (!hash) return {std::nullopt, OurFault()};
  return AddStaffWithHash(db, username, *hash, role, now_unix_seconds);
}

std::optional<std::vector<StaffAccount>> ListStaff(const Database& db, std::string& error) {
  Statement s = db.Prepare("SELECT id, username, role, disabled FROM staff ORDER BY username COLLATE NOCASE, id");
  std::vector<StaffAccount> accounts;
  StepResult step = StepResult::Row;
  while ((step = s.Step()) == StepResult::Row)
    accounts.push_back({{std::string(s.ColumnText(0)), std::string(s.ColumnText(1)),
                         StaffRoleFromName(s.ColumnText(2)).value_or(StaffRole::YouthWorker)},
                        s.ColumnInt64(3) == 0});
  if (step == StepResult::Error) {
    error = "Could not read the staff accounts: " + s.Error();
    return std::nullopt;
  }
  return accounts;
}

StaffResult<StaffAccount> SetStaffActive(Database& db, std::string_view staff_id, bool active) {
  Statement find = db.Prepare("SELECT username, role FROM staff WHERE id = ?1");
  find.BindText(1, staff_id);
  const StepResult found = find.Step();
  if (found == StepResult::Error) return {std::nullopt, OurFault()};
  if (found == StepResult::Done)
    return {std::nullopt, {core::ErrorCode::NotFound, "We could not find this staff account.", "id"}};
  StaffAccount account{{std::string(staff_id), std::string(find.ColumnText(0)),
                        StaffRoleFromName(find.ColumnText(1)).value_or(StaffRole::YouthWorker)},
                       active};
  find.Reset();
  Statement update = db.Prepare("UPDATE staff SET disabled = ?2 WHERE id = ?1");
  update.BindText(1, staff_id).BindInt64(2, active ? 0 : 1);
  if (update.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  if (!active) {  // a switched-off account's logins end now, not when they expire
    Statement end = db.Prepare("DELETE FROM staff_sessions WHERE staff_id = ?1");
    end.BindText(1, staff_id);
    if (end.Step() != StepResult::Done) return {std::nullopt, OurFault()};
  }
  return {std::move(account), {}};
}

// [SECTION] Logging in

std::optional<LoginCandidate> FindLoginCandidate(const Database& db, std::string_view username, std::string& error) {
  Statement find =
      db.Prepare("SELECT id, username, role, password_hash, locked_until, disabled FROM staff WHERE username = ?1");
  find.BindText(1, username);
  const StepResult step = find.Step();
  if (step == StepResult::Error) error = find.Error();
  if (step != StepResult::Row) return std::nullopt;
  LoginCandidate candidate;
  candidate.staff.id = find.ColumnText(0);
  candidate.staff.username = find.ColumnText(1);
  candidate.staff.role = StaffRoleFromName(find.ColumnText(2)).value_or(StaffRole::YouthWorker);
  candidate.password_hash = find.ColumnText(3);
  candidate.locked_until = find.ColumnInt64(4);
  candidate.disabled = find.ColumnInt64(5) != 0;
  return candidate;
}

PasswordCheck CheckLoginPassword(const std::optional<LoginCandidate>& candidate, std::string_view password,
                                 std::int64_t now_unix_seconds) {
  // A locked account is not checked at all: its lock says so, and guessing stops.
  if (candidate && candidate->locked_until > now_unix_seconds) return PasswordCheck::Locked;
  const std::string& hash = candidate ? candidate->password_hash : std::string(kNobodysHash);
  const bool right = SodiumReady() && password.size() <= kMaxPasswordBytes &&
                     crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  if (!candidate || !right) return PasswordCheck::Wrong;
  return candidate->disabled ? PasswordCheck::Disabled : PasswordCheck::Right;
}

std::optional<bool> RecordWrongPassword(Database& db, std::string_view staff_id, std::int64_t now_unix_seconds) {
  // One statement, so two wrong passwords at once both count.
  Statement count = db.Prepare(
      "UPDATE staff SET "
      "locked_until = CASE WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE locked_until END, "
      "failed_logins = CASE WHEN failed_logins + 1 >= ?2 THEN 0 ELSE failed_logins + 1 END "
      "WHERE id = ?1 RETURNING locked_until > ?4");
  count.BindText(1, staff_id).BindInt64(2, kMaxWrongPasswords).BindInt64(3, now_unix_seconds + kLockSeconds);
  count.BindInt64(4, now_unix_seconds);
  const StepResult step = count.Step();
  if (step == StepResult::Error) return std::nullopt;
  const bool locked = step == StepResult::Row && count.ColumnInt64(0) != 0;
  if (step == StepResult::Row && count.Step() != StepResult::Done) return std::nullopt;
  return locked;
}

std::optional<Login> StartSession(Database& db, const StaffMember& staff, std::int64_t now_unix_seconds,
                                  std::string& error) {
  if (!SodiumReady()) {
    error = "libsodium could not start";
    return std::nullopt;
  }
  std::array<unsigned char, kTokenBytes> random{};
  randombytes_buf(random.data(), random.size());
  Login login{Hex(random.data(), random.size()), staff.role, now_unix_seconds + kSessionSeconds};
  Statement clear = db.Prepare("UPDATE staff SET failed_logins = 0 WHERE id = ?1");
  clear.BindText(1, staff.id);
  Statement insert =
      db.Prepare("INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)");
  insert.BindText(1, TokenHash(login.token)).BindText(2, staff.id).BindInt64(3, now_unix_seconds);
  insert.BindInt64(4, login.expires_at);
  if (clear.Step() != StepResult::Done) {
    error = clear.Error();
    return std::nullopt;
  }
  if (insert.Step() != StepResult::Done) {
    error = insert.Error();
    return std::nullopt;
  }
  return login;
}

StaffResult<Login> VerifyLogin(Database& db, std::string_view username, std::string_view password,
                               std::int64_t now_unix_seconds) {
  std::string error;
  const std::optional<LoginCandidate> candidate = FindLoginCandidate(db, username, error);
  if (!error.empty()) return {std::nullopt, OurFault()};
  switch (CheckLoginPassword(candidate, password, now_unix_seconds)) {
    case PasswordCheck::Locked:
      return {std::nullopt, LockedError()};
    case PasswordCheck::Disabled:
      return {std::nullopt, DisabledError()};
    case PasswordCheck::Wrong: {
      if (!candidate) return {std::nullopt, WrongLoginError()};
      const std::optional<bool> locked = RecordWrongPassword(db, candidate->staff.id, now_unix_seconds);
      if (!locked) return {std::nullopt, OurFault()};
      return {std::nullopt, *locked ? LockedError() : WrongLoginError()};
    }
    case PasswordCheck::Right:
      break;
  }
  std::optional<Login> login = StartSession(db, candidate->staff, now_unix_seconds, error);
  if (!login) return {std::nullopt, OurFault()};
  return {std::move(login), {}};
}

// [SECTION] Sessions

std::optional<StaffMember> StaffForToken(const Database& db, std::string_view token, std::int64_t now_unix_seconds,
                                         std::string& error) {
  if (!IsToken(token)) return std::nullopt;
  Statement find = db.Prepare(
      "SELECT staff.id, staff.username, staff.role FROM staff_sessions JOIN staff ON staff.id = "
      "staff_sessions.staff_id "
      "WHERE staff_sessions.token_hash = ?1 AND staff_sessions.expires_at > ?2 AND staff.disabled = 0");
  find.BindText(1, TokenHash(token)).BindInt64(2, now_unix_seconds);
  const StepResult step = find.Step();
  if (step == StepResult::Error) error = find.Error();
  if (step != StepResult::Row) return std::nullopt;
  return StaffMember{std::string(find.ColumnText(0)), std::string(find.ColumnText(1)),
                     StaffRoleFromName(find.ColumnText(2)).value_or(StaffRole::YouthWorker)};
}

bool Logout(Database& db, std::string_view token, std::int64_t now_unix_seconds, std::string& error) {
  Statement end = db.Prepare("DELETE FROM staff_sessions WHERE token_hash = ?1 OR expires_at <= ?2");
  end.BindText(1, TokenHash(token)).BindInt64(2, now_unix_seconds);
  if (end.Step() == StepResult::Done) return true;
  error = end.Error();
  return false;
}

}  // namespace store
