// The one shape of an API error, shared by server and client:
//   {"error": {"code": "...", "message": "...", "field": "..."}}
// `message` is written for the person who will read it (a young person or an officer),
// in plain, kind words; `code` is for programs; `field` names the input at fault, if any.
// The HTTP status for each code is decided here and nowhere else (STYLE.md rule 6).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace core {

enum class ErrorCode {
  BadRequest,     // the request could not be read (not JSON, wrong shape)
  InvalidField,   // a field's value is not allowed; `field` says which
  NotFound,       // no such address or item
  MethodNotAllowed,
  UnsupportedMediaType,  // a body that does not say it is JSON (or, for an import, CSV or GeoJSON)
  Unauthorised,   // staff login needed
  Forbidden,      // logged in, but this role may not do it
  Locked,         // a staff account locked for a while after too many wrong passwords
  TooManyRequests,
  PayloadTooLarge,
  Conflict,
  Internal,       // our fault; never caused by what a client sent
  StorageFull,    // the server's disk (or its file-size limit) is full: try again later (503)
  StorageFailed,  // the server's disk cannot be written just now (read-only, failing): try again later (503)
};

struct ApiError {
  ErrorCode code = ErrorCode::BadRequest;
  std::string message;
  std::string field;  // empty when no single field is at fault
};

std::string_view ErrorCodeName(ErrorCode code);          // "invalid_field", ...
std::optional<ErrorCode> ErrorCodeFromName(std::string_view name);
int HttpStatusFor(ErrorCode code);                       // 400, 404, ...

// "Something went wrong on our side": Internal, for a failure that is never the sender's
// (a database error), in the same words wherever it happens.
ApiError OurFault();

// The server's storage cannot take what was sent (StorageFull, StorageFailed): in words a
// young person's app and an officer both understand, saying nothing is lost.
ApiError ServerStorageFull();
ApiError ServerCannotSave();

std::string ErrorToJson(const ApiError& error);
// Reads an error body; nullopt when the text is not an error of our shape.
std::optional<ApiError> ErrorFromJson(std::string_view text);
// The same, from the inner object {"code", "message", "field"} already parsed (a sync
// answer carries one per rejected item).
std::optional<ApiError> ErrorFromObject(const nlohmann::json& body);

}  // namespace core
