// Reading the server's answers to staff requests kindly: a field of the type asked for or a
// default (an odd answer is never a throw), the server's own words for an error, and the
// words said when there is none. Shared by staff_data.cpp (sessions) and officer_data.cpp
// (review, city picture, scheme, exports, accounts). Start at TextOf.
#pragma once
#include <algorithm>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "client/client_data.h"
#include "core/api_error.h"
#include "core/model.h"

namespace staff_wire {

using nlohmann::json;

inline constexpr const char* kNotReached = "We could not reach Safe Spaces. Check the internet, then try again.";
inline constexpr const char* kTryLater = "Sorry, something went wrong. Please try again in a little while.";
inline constexpr const char* kLogInAgain = "Please log in again.";

// doc[key] if it has the type asked for, else `otherwise`.
inline std::string TextOf(const json& doc, const char* key, std::string otherwise = {}) {
  const auto found = doc.find(key);
  return found != doc.end() && found->is_string() ? found->get<std::string>() : std::move(otherwise);
}
inline long long WholeOf(const json& doc, const char* key) {
  const auto found = doc.find(key);
  return found != doc.end() && found->is_number() ? found->get<long long>() : 0;
}
inline int CountOf(const json& doc, const char* key) {
  return static_cast<int>(std::clamp(WholeOf(doc, key), 0LL, 1LL << 30));
}
inline double DegreesOf(const json& doc, const char* key) {
  const auto found = doc.find(key);
  return found != doc.end() && found->is_number() ? found->get<double>() : 0.0;
}
inline bool FlagOf(const json& doc, const char* key) {
  const auto found = doc.find(key);
  return found != doc.end() && found->is_boolean() && found->get<bool>();
}
inline const json& ListOf(const json& doc, const char* key) {
  static const json kEmpty = json::array();
  const auto found = doc.find(key);
  return found != doc.end() && found->is_array() ? *found : kEmpty;
}
inline const json& ObjectOf(const json& doc, const char* key) {
  static const json kEmpty = json::object();
  const auto found = doc.find(key);
  return found != doc.end() && found->is_object() ? *found : kEmpty;
}

inline core::Category CategoryOf(const json& doc) {
  return core::CategoryFromName(TextOf(doc, "category")).value_or(core::Category::Other);
}

// A text field of a 200 answer's JSON object; "" for any other answer.
inline std::string FieldOfAnswer(const HttpAnswer& answer, const char* key) {
  if (answer.status != 200) return {};
  const json doc = json::parse(answer.body, nullptr, false);
  return doc.is_object() ? TextOf(doc, key) : std::string();
}

// The server's own words for an error, else `fallback`.
inline std::string SaidOr(const HttpAnswer& answer, const char* fallback) {
  const std::optional<core::ApiError> said = core::ErrorFromJson(answer.body);
  return said && !said->message.empty() ? said->message : std::string(fallback);
}

// The server's words for an answer that did not work; ours when it was not reached.
inline std::string ProblemOf(const HttpAnswer& answer) {
  return answer.status == 0 ? std::string(kNotReached) : SaidOr(answer, kTryLater);
}

}  // namespace staff_wire
