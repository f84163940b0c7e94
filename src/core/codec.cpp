// This is the implementation of codec.h: one writer and one reader per type, over a small
// Reader that checks each field's type and stops at the first fault it finds.
//
// [SECTION] Wire shapes (keys are snake_case; [optional] keys are left out when empty)
//   rating      {"id", "place_id", "device_id", "scales": {"quiet": 4, ...answered only},
//                "facilities": {"step_free": "yes", ...answered only}, ["comment"],
//                "visit_month": "2024-05", ["session_id"]}
//   place       {"id", "name", "category", "lat", "lon", ["address"], ["opening_notes"],
//                "status", ["merged_into"]}
//   suggestion  {"id", "device_id", "name", "category", "lat", "lon", ["address"], ["why"],
//                ["reasons": ["quiet", "kind_staff", ...]], "first_rating": rating, ["session_id"]}
//   withdrawal  {"id", "device_id", "target_id"}
//   outbox item the payload's object plus "kind": "rating" | "suggestion" | "withdrawal"
//   profile     {"rating_count", "scales": {"welcome": {"count", "distribution": [1..5 faces]}, ...},
//                "facilities": {"quiet_space": {"yes", "no", "not_sure"}, ...}}
// [SECTION] Reader
// [SECTION] Writing
// [SECTION] Reading
#include "core/codec.h"

#include <climits>

#include "core/validation.h"

namespace core {
namespace {

using nlohmann::json;

// [SECTION] Reader

enum class Need { Required, Optional };

// Plain words for a JSON value's type, for messages such as "should be a number, but it is text".
std::string_view Describe(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return "text";
    case json::value_t::boolean:
      return "true or false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::null:
      return "empty";
    default:
      return "something we can't read";
  }
}

// A value someone sent, quoted for a message: short, and only if it is safe to show.
std::string Shown(const std::string& value) {
  constexpr std::size_t kMaxShownChars = 40;
  if (!IsValidUtf8(value)) return "that";
  if (CountCharacters(value) <= kMaxShownChars) return "\"" + value + "\"";
  std::size_t end = 0;
  for (std::size_t chars = 0; chars < kMaxShownChars; ++chars) {
    ++end;
    while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  }
  return "\"" + value.substr(0, end) + "\u2026\"";
}

ApiError NotAnObject(std::string_view field, const json& value) {
  std::string message;
  if (field.empty()) {
    message = "This";
  } else {
    message.append("\"").append(field).append("\"");
  }
  message.append(" should be an object, but it is ").append(Describe(value)).append(".");
  return {ErrorCode::BadRequest, std::move(message), std::string(field)};
}

// Reads the fields of one JSON object. After the first fault every read does nothing, so a
// FromJson reads straight through and checks Ok() once at the end.
class Reader {
 public:
  Reader(const json& object, std::string prefix) : object_(object), prefix_(std::move(prefix)) {}

  bool Ok() const { return !error_.has_value(); }
  const ApiError& Error() const { return *error_; }

  void Fail(ErrorCode code, std::string_view key, const std::string& message) {
    if (!error_) error_ = ApiError{code, message, Path(key)};
  }
  void Fail(ApiError error) {
    if (!error_) error_ = std::move(error);
  }
  std::string Path(std::string_view key) const { return prefix_ + std::string(key); }

  // The value under `key`, or nullptr when it is absent or null (a fault if required).
  const json* Find(std::string_view key, Need need) {
    if (!Ok()) return nullptr;
    const auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
      if (need == Need::Required) Fail(ErrorCode::BadRequest, key, "\"" + Path(key) + "\" is missing.");
      return nullptr;
    }
    return &*found;
  }

  void WrongType(std::string_view key, const json& value, std::string_view wanted) {
    Fail(
        ErrorCode::BadRequest, key,
        "\"" + Path(key) + "\" should be " + std::string(wanted) + ", but it is " + std::string(Describe(value)) + ".");
  }

  void String(std::string_view key, std::string& out, Need need) {
    const json* value = Find(key, need);
    if (!value) return;
    if (!value->is_string()) return WrongType(key, *value, "text");
    out = value->get_ref<const std::string&>();
  }

  void Number(std::string_view key, double& out) {
    const json* value = Find(key, Need::Required);
    if (!value) return;
    if (!value->is_number()) return WrongType(key, *value, "a number");
    out = value->get<double>();
  }

  // A whole number in [low, high]; `words` describes the range for the message.
  void WholeNumber(std::string_view key, long long low, long long high, std::string_view words, long long& out,
                   Need need) {
    const json* value = Find(key, need);
    if (!value) return;
    // The message is made only when it is needed: a place's profile has dozens of counts.
    const auto message = [&] { return "\"" + Path(key) + "\" should be " + std::string(words) + "."; };
    if (!value->is_number_integer()) return Fail(ErrorCode::BadRequest, key, message());
    const bool too_big = value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(high);
    const long long number = too_big ? high + 1 : value->get<long long>();
    if (number < low || number > high) return Fail(ErrorCode::InvalidField, key, message());
    out = number;
  }

  void Count(std::string_view key, int& out, Need need) {
    long long number = out;
    WholeNumber(key, 0, INT_MAX, "a whole number, 0 or more", number, need);
    out = static_cast<int>(number);
  }

  // A name from one of model.h's tables; `known` lists examples for the message.
  template <class Enum>
  void Name(std::string_view key, Enum& out, std::optional<Enum> (*from_name)(std::string_view),
            std::string_view known) {
    const json* value = Find(key, Need::Required);
    if (!value) return;
    if (!value->is_string()) return WrongType(key, *value, "text");
    const std::string& name = value->get_ref<const std::string&>();
    const std::optional<Enum> found = from_name(name);
    if (!found) {
      return Fail(ErrorCode::InvalidField, key,
                  "\"" + Path(key) + "\" should be " + std::string(known) + ", not " + Shown(name) + ".");
    }
    out = *found;
  }

  // An optional list of names under `key`, read in order. Repeats are kept as sent: they
  // are a rule for validation.h, not a question of shape.
  template <class Enum>
  void NameList(std::string_view key, std::vector<Enum>& out, std::optional<Enum> (*from_name)(std::string_view),
                std::string_view known) {
    const json* value = Find(key, Need::Optional);
    if (!value) return;
    if (!value->is_array()) return WrongType(key, *value, "a list");
    for (const json& entry : *value) {
      if (!entry.is_string()) return WrongType(key, entry, "a list of text");
      const std::string& name = entry.get_ref<const std::string&>();
      const std::optional<Enum> found = from_name(name);
      if (!found) {
        return Fail(ErrorCode::InvalidField, key,
                    "\"" + Path(key) + "\" should list " + std::string(known) + ", not " + Shown(name) + ".");
      }
      out.push_back(*found);
    }
  }

  // The object under `key`, or nullptr when absent (a fault if required) or not an object.
  const json* Object(std::string_view key, Need need) {
    const json* value = Find(key, need);
    if (!value) return nullptr;
    if (!value->is_object()) {
      Fail(NotAnObject(Path(key), *value));
      return nullptr;
    }
    return value;
  }

 private:
  const json& object_;
  std::string prefix_;
  std::optional<ApiError> error_;
};

constexpr std::string_view kKnownSafeReasons = "a reason we know, like \"quiet\" or \"kind_staff\"";
constexpr std::string_view kKnownCategories = "a kind of place we know, like \"library\" or \"park\"";
constexpr std::string_view kKnownStatuses = "\"suggested\", \"approved\", \"rejected\" or \"merged\"";
constexpr std::string_view kKnownKinds = "\"rating\", \"suggestion\" or \"withdrawal\"";

template <class T>
Parsed<T> Done(const Reader& reader, T value) {
  if (!reader.Ok()) return {std::nullopt, reader.Error()};
  return {std::move(value), {}};
}

// [SECTION] Writing

void PutIfNotEmpty(json& doc, const char* key, const std::string& text) {
  if (!text.empty()) doc[key] = text;
}

// [SECTION] Reading

Parsed<Rating> ReadRating(const json& doc, const std::string& prefix) {
  if (!doc.is_object())
    return {std::nullopt, NotAnObject(prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1), doc)};
  Reader reader(doc, prefix);
  Rating rating;
  reader.String("id", rating.id, Need::Required);
  reader.String("place_id", rating.place_id, Need::Required);
  reader.String("device_id", rating.device_id, Need::Required);
  if (const json* scales = reader.Object("scales", Need::Optional)) {
    Reader scale_reader(*scales, prefix + "scales.");
    for (Scale scale : kAllScales) {  // unknown scales (from a newer app) are ignored
      long long faces = 0;
      scale_reader.WholeNumber(ScaleName(scale), 0, kMaxFaces, "a whole number from 1 to 5", faces, Need::Optional);
      rating.scales[IndexOf(scale)] = static_cast<std::uint8_t>(faces);
    }
    if (!scale_reader.Ok()) reader.Fail(scale_reader.Error());
  }
  if (const json* facilities = reader.Object("facilities", Need::Optional)) {
    Reader facility_reader(*facilities, prefix + "facilities.");
    for (Facility facility : kAllFacilities) {
      const std::string_view key = FacilityName(facility);
      if (!facility_reader.Find(key, Need::Optional)) continue;
      facility_reader.Name(key, rating.facilities[IndexOf(facility)], &AnswerFromName,
                           "\"yes\", \"no\" or \"not_sure\"");
    }
    if (!facility_reader.Ok()) reader.Fail(facility_reader.Error());
  }
  reader.String("comment", rating.comment, Need::Optional);
  reader.String("visit_month", rating.visit_month, Need::Required);
  reader.String("session_id", rating.session_id, Need::Optional);
  return Done(reader, std::move(rating));
}

void ReadScaleSummary(Reader& reader, const json* doc, Scale scale, ScaleSummary& summary) {
  if (!doc) return;
  const std::string name(ScaleName(scale));
  if (!doc->is_object()) return reader.Fail(NotAnObject(reader.Path(name), *doc));
  Reader inner(*doc, reader.Path(name) + ".");
  inner.Count("count", summary.count, Need::Required);
  if (const json* bars = inner.Find("distribution", Need::Required)) {
    const bool shaped = bars->is_array() && bars->size() == kMaxFaces;
    for (std::size_t i = 0; shaped && i < kMaxFaces; ++i) {
      const json& bar = (*bars)[i];
      if (!bar.is_number_integer() || bar.get<long long>() < 0 || bar.get<long long>() > INT_MAX ||
          (bar.is_number_unsigned() && bar.get<std::uint64_t>() > INT_MAX)) {
        inner.Fail(ErrorCode::BadRequest, "distribution",
                   "\"" + inner.Path("distribution") + "\" should be a list of 5 whole numbers, 0 or more.");
        break;
      }
      summary.distribution[i] = bar.get<int>();
    }
    if (!shaped) {
      inner.Fail(ErrorCode::BadRequest, "distribution",
                 "\"" + inner.Path("distribution") + "\" should be a list of 5 whole numbers, 0 or more.");
    }
  }
  long long sum = 0;
  for (int bar : summary.distribution) sum += bar;
  if (inner.Ok() && sum != summary.count) {
    inner.Fail(ErrorCode::InvalidField, "count",
               "\"" + inner.Path("count") + "\" should be the total of \"" + inner.Path("distribution") + "\".");
  }
  if (!inner.Ok()) reader.Fail(inner.Error());
}

}  // namespace

// [SECTION] Writing

nlohmann::json ToJson(const Rating& rating) {
  json scales = json::object();
  for (Scale scale : kAllScales) {
    const std::uint8_t faces = rating.scales[IndexOf(scale)];
    if (faces != 0) scales[std::string(ScaleName(scale))] = faces;
  }
  json facilities = json::object();
  for (Facility facility : kAllFacilities) {
    const std::string_view answer = AnswerName(rating.facilities[IndexOf(facility)]);
    if (!answer.empty()) facilities[std::string(FacilityName(facility))] = answer;
  }
  json doc = {{"id", rating.id},
              {"place_id", rating.place_id},
              {"device_id", rating.device_id},
              {"scales", std::move(scales)},
              {"facilities", std::move(facilities)},
              {"visit_month", rating.visit_month}};
  PutIfNotEmpty(doc, "comment", rating.comment);
  PutIfNotEmpty(doc, "session_id", rating.session_id);
  return doc;
}

nlohmann::json ToJson(const Place& place) {
  json doc = {{"id", place.id},   {"name", place.name}, {"category", CategoryName(place.category)},
              {"lat", place.lat}, {"lon", place.lon},   {"status", PlaceStatusName(place.status)}};
  PutIfNotEmpty(doc, "address", place.address);
  PutIfNotEmpty(doc, "opening_notes", place.opening_notes);
  PutIfNotEmpty(doc, "merged_into", place.merged_into);
  return doc;
}

nlohmann::json ToJson(const Suggestion& suggestion) {
  json doc = {{"id", suggestion.id},
              {"device_id", suggestion.device_id},
              {"name", suggestion.name},
              {"category", CategoryName(suggestion.category)},
              {"lat", suggestion.lat},
              {"lon", suggestion.lon},
              {"first_rating", ToJson(suggestion.first_rating)}};
  PutIfNotEmpty(doc, "address", suggestion.address);
  PutIfNotEmpty(doc, "why", suggestion.why);
  if (!suggestion.reasons.empty()) {
    json reasons = json::array();
    for (SafeReason reason : suggestion.reasons) reasons.push_back(SafeReasonName(reason));
    doc["reasons"] = std::move(reasons);
  }
  PutIfNotEmpty(doc, "session_id", suggestion.session_id);
  return doc;
}

nlohmann::json ToJson(const Withdrawal& withdrawal) {
  return {{"id", withdrawal.id}, {"device_id", withdrawal.device_id}, {"target_id", withdrawal.target_id}};
}

nlohmann::json ToJson(const OutboxItem& item) {
  json doc = std::visit([](const auto& payload) { return ToJson(payload); }, item.payload);
  doc["kind"] = OutboxKindName(item.Kind());
  return doc;
}

nlohmann::json ToJson(const InclusionProfile& profile) {
  json scales = json::object();
  for (Scale scale : kAllScales) {
    const ScaleSummary& summary = profile.scales[IndexOf(scale)];
    scales[std::string(ScaleName(scale))] = {{"count", summary.count}, {"distribution", summary.distribution}};
  }
  json facilities = json::object();
  for (Facility facility : kAllFacilities) {
    const FacilitySummary& summary = profile.facilities[IndexOf(facility)];
    facilities[std::string(FacilityName(facility))] = {
        {"yes", summary.yes}, {"no", summary.no}, {"not_sure", summary.not_sure}};
  }
  return {{"rating_count", profile.rating_count}, {"scales", std::move(scales)}, {"facilities", std::move(facilities)}};
}

std::string DumpJson(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

// [SECTION] Reading

template <>
Parsed<Rating> FromJson<Rating>(const nlohmann::json& doc) {
  return ReadRating(doc, "");
}

template <>
Parsed<Place> FromJson<Place>(const nlohmann::json& doc) {
  if (!doc.is_object()) return {std::nullopt, NotAnObject("", doc)};
  Reader reader(doc, "");
  Place place;
  reader.String("id", place.id, Need::Required);
  reader.String("name", place.name, Need::Required);
  reader.Name("category", place.category, +[](std::string_view n) { return CategoryFromName(n); }, kKnownCategories);
  reader.Number("lat", place.lat);
  reader.Number("lon", place.lon);
  reader.String("address", place.address, Need::Optional);
  reader.String("opening_notes", place.opening_notes, Need::Optional);
  // Lambdas rather than &FromName: clang 14 for wasm mis-types a function whose address is
  // taken but which is never called in this file (wasm-ld "signature mismatch").
  reader.Name("status", place.status, +[](std::string_view n) { return PlaceStatusFromName(n); }, kKnownStatuses);
  reader.String("merged_into", place.merged_into, Need::Optional);
  return Done(reader, std::move(place));
}

template <>
Parsed<Suggestion> FromJson<Suggestion>(const nlohmann::json& doc) {
  if (!doc.is_object()) return {std::nullopt, NotAnObject("", doc)};
  Reader reader(doc, "");
  Suggestion suggestion;
  reader.String("id", suggestion.id, Need::Required);
  reader.String("device_id", suggestion.device_id, Need::Required);
  reader.String("name", suggestion.name, Need::Required);
  reader.Name("category", suggestion.category, +[](std::string_view n) { return CategoryFromName(n); }, kKnownCategories);
  reader.Number("lat", suggestion.lat);
  reader.Number("lon", suggestion.lon);
  reader.String("address", suggestion.address, Need::Optional);
  reader.String("why", suggestion.why, Need::Optional);
  reader.NameList(
      "reasons", suggestion.reasons, +[](std::string_view n) { return SafeReasonFromName(n); }, kKnownSafeReasons);
  if (const json* first_rating = reader.Object("first_rating", Need::Required)) {
    Parsed<Rating> rating = ReadRating(*first_rating, "first_rating.");
    if (rating) {
      suggestion.first_rating = std::move(*rating.value);
    } else {
      reader.Fail(rating.error);
    }
  }
  reader.String("session_id", suggestion.session_id, Need::Optional);
  return Done(reader, std::move(suggestion));
}

template <>
Parsed<Withdrawal> FromJson<Withdrawal>(const nlohmann::json& doc) {
  if (!doc.is_object()) return {std::nullopt, NotAnObject("", doc)};
  Reader reader(doc, "");
  Withdrawal withdrawal;
  reader.String("id", withdrawal.id, Need::Required);
  reader.String("device_id", withdrawal.device_id, Need::Required);
  reader.String("target_id", withdrawal.target_id, Need::Required);
  return Done(reader, std::move(withdrawal));
}

template <>
Parsed<OutboxItem> FromJson<OutboxItem>(const nlohmann::json& doc) {
  if (!doc.is_object()) return {std::nullopt, NotAnObject("", doc)};
  Reader reader(doc, "");
  OutboxKind kind = OutboxKind::Rating;
  reader.Name("kind", kind, +[](std::string_view n) { return OutboxKindFromName(n); }, kKnownKinds);
  if (!reader.Ok()) return {std::nullopt, reader.Error()};
  // The payload's reader ignores "kind" like any other field it does not know.
  const auto wrap = [](auto parsed) -> Parsed<OutboxItem> {
    if (!parsed) return {std::nullopt, parsed.error};
    return {OutboxItem{std::move(*parsed.value)}, {}};
  };
  switch (kind) {
    case OutboxKind::Rating:
      return wrap(FromJson<Rating>(doc));
    case OutboxKind::Suggestion:
      return wrap(FromJson<Suggestion>(doc));
    case OutboxKind::Withdrawal:
      return wrap(FromJson<Withdrawal>(doc));
  }
  return {std::nullopt, {ErrorCode::InvalidField, "\"kind\" should be " + std::string(kKnownKinds) + ".", "kind"}};
}

template <>
Parsed<InclusionProfile> FromJson<InclusionProfile>(const nlohmann::json& doc) {
  if (!doc.is_object()) return {std::nullopt, NotAnObject("", doc)};
  Reader reader(doc, "");
  InclusionProfile profile;
  reader.Count("rating_count", profile.rating_count, Need::Required);
  if (const json* scales = reader.Object("scales", Need::Optional)) {
    Reader scale_reader(*scales, "scales.");
    for (Scale scale : kAllScales)  // a scale left out was answered by nobody
      ReadScaleSummary(scale_reader, scale_reader.Find(ScaleName(scale), Need::Optional), scale,
                       profile.scales[IndexOf(scale)]);
    if (!scale_reader.Ok()) reader.Fail(scale_reader.Error());
  }
  if (const json* facilities = reader.Object("facilities", Need::Optional)) {
    Reader facility_reader(*facilities, "facilities.");
    for (Facility facility : kAllFacilities) {
      const std::string name(FacilityName(facility));
      const json* summary = facility_reader.Object(name, Need::Optional);
      if (!summary) continue;
      Reader inner(*summary, "facilities." + name + ".");
      FacilitySummary& counts = profile.facilities[IndexOf(facility)];
      inner.Count("yes", counts.yes, Need::Optional);
      inner.Count("no", counts.no, Need::Optional);
      inner.Count("not_sure", counts.not_sure, Need::Optional);
      if (!inner.Ok()) facility_reader.Fail(inner.Error());
    }
    if (!facility_reader.Ok()) reader.Fail(facility_reader.Error());
  }
  return Done(reader, std::move(profile));
}

Parsed<nlohmann::json> ParseJsonText(std::string_view text) {
  // nlohmann-json 3.11 takes a NUL byte as the end of the text and ignores what follows it,
  // so '{"items":[]}\0anything' would read as JSON. JSON has no NUL outside a "\u0000" escape.
  if (text.find('\0') != std::string_view::npos)
    return {std::nullopt, {ErrorCode::BadRequest, "We could not read what was sent: it is not JSON.", ""}};
  json doc = json::parse(text, /*callback=*/nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return {std::nullopt, {ErrorCode::BadRequest, "We could not read what was sent: it is not JSON.", ""}};
  }
  return {std::move(doc), {}};
}

}  // namespace core
