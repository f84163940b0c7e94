// This is the implementation of api_error.h: names, statuses and the JSON codec of errors.
#include "core/api_error.h"

#include <array>
#include <nlohmann/json.hpp>

namespace core {
namespace {

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;
  int http_status;
};

constexpr std::array kErrors = {
    ErrorInfo{ErrorCode::BadRequest, "bad_request", 400},
    ErrorInfo{ErrorCode::InvalidField, "invalid_field", 422},
    ErrorInfo{ErrorCode::NotFound, "not_found", 404},
    ErrorInfo{ErrorCode::MethodNotAllowed, "method_not_allowed", 405},
    ErrorInfo{ErrorCode::UnsupportedMediaType, "unsupported_media_type", 415},
    ErrorInfo{ErrorCode::Unauthorised, "unauthorised", 401},
    ErrorInfo{ErrorCode::Forbidden, "forbidden", 403},
    ErrorInfo{ErrorCode::Locked, "locked", 423},
    ErrorInfo{ErrorCode::TooManyRequests, "too_many_requests", 429},
    ErrorInfo{ErrorCode::PayloadTooLarge, "payload_too_large", 413},
    ErrorInfo{ErrorCode::Conflict, "conflict", 409},
    ErrorInfo{ErrorCode::StorageFull, "server_storage_full", 503},
    ErrorInfo{ErrorCode::StorageFailed, "server_storage_error", 503},
    ErrorInfo{ErrorCode::Internal, "internal", 500},  // last: InfoFor's answer for a code not here
};

const ErrorInfo& InfoFor(ErrorCode code) {
  for (const ErrorInfo& info : kErrors)
    if (info.code == code) return info;
  return kErrors.back();
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) { return InfoFor(code).name; }

std::optional<ErrorCode> ErrorCodeFromName(std::string_view name) {
  for (const ErrorInfo& info : kErrors)
    if (info.name == name) return info.code;
  return std::nullopt;
}

int HttpStatusFor(ErrorCode code) { return InfoFor(code).http_status; }

ApiError OurFault() {
  return {ErrorCode::Internal, "Something went wrong on our side. Please try again in a little while.", ""};
}

ApiError ServerStorageFull() {
  return {ErrorCode::StorageFull,
          "The server is full, so it cannot save things just now. What you sent stays on your phone. It will be "
          "sent later.",
          ""};
}

ApiError ServerCannotSave() {
  return {ErrorCode::StorageFailed,
          "The server cannot save things just now. What you sent stays on your phone. It will be sent later.", ""};
}

std::string ErrorToJson(const ApiError& error) {
  nlohmann::json body = {{"code", ErrorCodeName(error.code)}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  return nlohmann::json{{"error", body}}.dump();
}

std::optional<ApiError> ErrorFromJson(std::string_view text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("error")) return std::nullopt;
  return ErrorFromObject(doc["error"]);
}

std::optional<ApiError> ErrorFromObject(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("code") || !body["code"].is_string()) return std::nullopt;
  std::optional<ErrorCode> code = ErrorCodeFromName(body["code"].get<std::string>());
  if (!code) return std::nullopt;
  ApiError error{*code, "", ""};
  if (body.contains("message") && body["message"].is_string()) error.message = body["message"];
  if (body.contains("field") && body["field"].is_string()) error.field = body["field"];
  return error;
}

}  // namespace core
