// This is the implementation of privacy_api.h: reading an erase request and answering
// what was deleted.
#include "server/privacy_api.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/codec.h"
#include "core/uuid.h"
#include "server/log.h"
#include "store/privacy_store.h"

namespace server {

Reply PostDeviceErase(GroupCommitWriter& writer, EraseTries& tries, const std::string& address, std::string_view body,
                      std::int64_t now_unix_seconds) {
  if (!tries.Allow(address, now_unix_seconds))
    return {"", core::ApiError{core::ErrorCode::TooManyRequests,
                               "That was a lot of tries in a short time. Please wait a minute, then try again.", ""}};
  nlohmann::json doc;
  if (std::optional<core::ApiError> error =
          ReadSmallObject(body, kMaxEraseBodyBytes, 2, "Please send only this device's id.", doc))
    return {"", std::move(*error)};
  const auto device_id = doc.find("device_id");
  if (device_id == doc.end() || !device_id->is_string() || !core::IsUuid(device_id->get_ref<const std::string&>()))
    return {"", core::ApiError{core::ErrorCode::InvalidField,
                               "Sorry, something went wrong in the app: it did not say which device this is.",
                               "device_id"}};

  std::optional<store::EraseReport> report;
  std::string error;
  const bool committed = writer.Run([&](store::ServerStore& store) {
    report = store::EraseDevice(store, device_id->get_ref<const std::string&>(), error);
    return report.has_value();
  });
  if (!committed || !report) return {"", OurFault()};
  // Counts only: nothing that says which device, so the log cannot link anyone to anything.
  LogLine("privacy: a device's contributions were deleted at its request (" + std::to_string(report->ratings) +
          " ratings, " + std::to_string(report->suggestions) + " suggestions)");
  return {core::DumpJson({{"erased",
                           {{"ratings", report->ratings},
                            {"suggestions", report->suggestions},
                            {"withdrawals", report->withdrawals},
                            {"groups", report->groups},
                            {"restore_code", report->restore_code}}}}),
          std::nullopt};
}

}  // namespace server
