// Tests of core/api_error: every error a client can meet has one JSON shape and one
// HTTP status, and the client can read back exactly what the server wrote.
#include <catch2/catch.hpp>

#include "core/api_error.h"

TEST_CASE("an error survives the trip to JSON and back", "[core][api]") {
  const core::ApiError sent{core::ErrorCode::InvalidField,
                            "A place name needs at least 2 letters.", "name"};
  const std::optional<core::ApiError> got = core::ErrorFromJson(core::ErrorToJson(sent));
  REQUIRE(got);
  CHECK(got->code == core::ErrorCode::InvalidField);
  CHECK(got->message == sent.message);
  CHECK(got->field == "name");
}

TEST_CASE("errors caused by a client are 4xx, only our own faults are 5xx", "[core][api]") {
  using core::ErrorCode;
  for (ErrorCode code : {ErrorCode::BadRequest, ErrorCode::InvalidField, ErrorCode::NotFound,
                         ErrorCode::MethodNotAllowed, ErrorCode::Unauthorised, ErrorCode::Forbidden, ErrorCode::Locked,
                         ErrorCode::TooManyRequests, ErrorCode::PayloadTooLarge, ErrorCode::Conflict}) {
    INFO(core::ErrorCodeName(code));
    CHECK(core::HttpStatusFor(code) >= 400);
    CHECK(core::HttpStatusFor(code) < 500);
  }
  CHECK(core::HttpStatusFor(ErrorCode::Internal) == 500);
}

TEST_CASE("an error without a field leaves the field out of the JSON", "[core][api]") {
  const std::string json = core::ErrorToJson({core::ErrorCode::NotFound, "We could not find that.", ""});
  CHECK(json.find("\"field\"") == std::string::npos);
  CHECK(json.find("\"not_found\"") != std::string::npos);
}

TEST_CASE("text that is not one of our errors is not taken for one", "[core][api]") {
  CHECK_FALSE(core::ErrorFromJson(""));
  CHECK_FALSE(core::ErrorFromJson("<html>502 Bad Gateway</html>"));
  CHECK_FALSE(core::ErrorFromJson(R"({"error": "boom"})"));
  CHECK_FALSE(core::ErrorFromJson(R"({"error": {"code": "no_such_code"}})"));
  CHECK_FALSE(core::ErrorFromJson(R"([1, 2, 3])"));
}
