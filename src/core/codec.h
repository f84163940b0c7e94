// The JSON wire format of the model, shared by the API, the device's outbox and exports:
// ToJson() writes, FromJson<T>() reads and says in plain words what it could not read.
// Nothing here throws: text is parsed without exceptions and every type is checked.
// Reading checks shape only (types, required fields, known names); the rules of what is
// allowed are in validation.h, so a server calls FromJson and then Validate.
// Start with FromJson<Rating>; the wire shapes are in codec.cpp's first section.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/api_error.h"
#include "core/model.h"
#include "core/profile.h"

namespace core {

// What reading gave: a value, or an error naming the field at fault ("first_rating.scales.quiet").
// The error's code is BadRequest for a missing field or a wrong type, InvalidField for a
// value of the right type that is not allowed (an unknown category, 9 faces).
template <class T>
struct Parsed {
  std::optional<T> value;
  ApiError error;  // only meaningful when there is no value

  explicit operator bool() const { return value.has_value(); }
};

// [SECTION] Writing. Optional text that is empty, and skipped questions, are left out.

nlohmann::json ToJson(const Rating& rating);
nlohmann::json ToJson(const Place& place);
nlohmann::json ToJson(const Suggestion& suggestion);
nlohmann::json ToJson(const Withdrawal& withdrawal);
nlohmann::json ToJson(const OutboxItem& item);  // the payload's fields plus "kind"
nlohmann::json ToJson(const InclusionProfile& profile);

// Text of a JSON value, compact. Never throws: bytes that are not UTF-8 become U+FFFD
// (nlohmann's own dump() throws on them).
std::string DumpJson(const nlohmann::json& doc);

// [SECTION] Reading. Unknown extra fields are ignored, so older code can read newer data;
// null counts as absent.

template <class T>
Parsed<T> FromJson(const nlohmann::json& doc);  // for the six types below only

template <>
Parsed<Rating> FromJson<Rating>(const nlohmann::json& doc);
template <>
Parsed<Place> FromJson<Place>(const nlohmann::json& doc);
template <>
Parsed<Suggestion> FromJson<Suggestion>(const nlohmann::json& doc);
template <>
Parsed<Withdrawal> FromJson<Withdrawal>(const nlohmann::json& doc);
template <>
Parsed<OutboxItem> FromJson<OutboxItem>(const nlohmann::json& doc);
template <>
Parsed<InclusionProfile> FromJson<InclusionProfile>(const nlohmann::json& doc);

// Text to a JSON value; a BadRequest error when the text is not JSON.
Parsed<nlohmann::json> ParseJsonText(std::string_view text);

template <class T>
Parsed<T> ParseJson(std::string_view text) {
  Parsed<nlohmann::json> doc = ParseJsonText(text);
  if (!doc) return {std::nullopt, doc.error};
  return FromJson<T>(*doc.value);
}

}  // namespace core
