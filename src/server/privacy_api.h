// A young person's "Delete everything I sent" as a plain function: POST /api/v1/device/erase.
// The rows it deletes and the retention rules are store/privacy_store.h; what the server
// keeps and for how long is the README's "Privacy: what the server keeps". Start at
// PostDeviceErase.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "server/address_limit.h"
#include "server/data_access.h"
#include "server/sync_api.h"

namespace server {

inline constexpr std::size_t kMaxEraseBodyBytes = 512;  // bytes: {"device_id": uuid} and no more
inline constexpr int kErasesPerAddressPerMinute = 30;  // erase requests per client address a minute

// Erasing cannot be guessed into (device ids are 122 random bits), but each one is a big
// transaction: a script must not keep the writer busy with them.
class EraseTries : public AddressLimit {
 public:
  EraseTries() : AddressLimit(kErasesPerAddressPerMinute, 60) {}
};

// POST /api/v1/device/erase {"device_id": uuid} from `address`:
//   200 {"erased": {"ratings", "suggestions", "withdrawals", "groups": counts, "restore_code": bool}}
//   400 not a JSON object, 413 too big, 422 device_id missing or not an id, 429 too many tries.
Reply PostDeviceErase(GroupCommitWriter& writer, EraseTries& tries, const std::string& address, std::string_view body,
                      std::int64_t now_unix_seconds);

}  // namespace server
