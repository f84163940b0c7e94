// The staff endpoints as plain functions: officers and youth workers log in
// (POST /api/v1/staff/login), see who they are (GET /api/v1/staff/me) and log out
// (POST /api/v1/staff/logout); and RequireStaff, which every staff endpoint calls first
// to authorise by role on the server. Accounts and sessions are in store/staff_store.h.
// Start at PostStaffLogin. Shapes: see "[SECTION] Wire shapes" in staff_api.cpp.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "server/address_limit.h"
#include "server/data_access.h"
#include "server/sync_api.h"
#include "store/staff_store.h"

namespace server {

inline constexpr std::size_t kMaxStaffBodyBytes = 2048;       // bytes in a login request; more is 413
inline constexpr int kStaffLoginsPerWindow = 20;              // login tries per client address per window
inline constexpr std::int64_t kStaffLoginWindowSeconds = 60;  // seconds

class StaffLoginTries : public AddressLimit {
 public:
  StaffLoginTries() : AddressLimit(kStaffLoginsPerWindow, kStaffLoginWindowSeconds) {}
};

// The member of staff behind a request's "Authorization: Bearer TOKEN", when their role
// is one of `allowed` (any role when empty); otherwise the error to answer with:
// Unauthorised (no token, or not a live session), Forbidden (the wrong role), Internal.
store::StaffResult<store::StaffMember> RequireStaff(ReaderPool& readers, std::string_view authorization,
                                                    std::int64_t now_unix_seconds,
                                                    std::initializer_list<store::StaffRole> allowed = {});

// POST /api/v1/staff/login {"username", "password"} from `address`.
Reply PostStaffLogin(GroupCommitWriter& writer, ReaderPool& readers, StaffLoginTries& tries, const std::string& address,
                     std::string_view body, std::int64_t now_unix_seconds);

// POST /api/v1/staff/logout with the session's "Authorization: Bearer TOKEN".
Reply PostStaffLogout(GroupCommitWriter& writer, ReaderPool& readers, std::string_view authorization,
                      std::int64_t now_unix_seconds);

// GET /api/v1/staff/me with "Authorization: Bearer TOKEN".
Reply GetStaffMe(ReaderPool& readers, std::string_view authorization, std::int64_t now_unix_seconds);

}  // namespace server
