// libFuzzer target for the rules of core/validation.h. An input is fields separated by '|'
// (id, other id, device, session, name, category, lat, lon, address, why, comment, visit
// month, faces, facilities, reasons, status, merged_into, today); the target builds a rating,
// suggestion, withdrawal and place from them and checks each rule's promises, and the UTF-8
// helpers against a second, independent reading of Unicode's table of well-formed bytes.
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/validation.h"
#include "fuzz_check.h"

namespace {

enum Field {
  kId,
  kOtherId,
  kDevice,
  kSession,
  kName,
  kCategory,
  kLat,
  kLon,
  kAddress,
  kWhy,
  kComment,
  kVisitMonth,
  kFaces,
  kFacilities,
  kReasons,
  kStatus,
  kMergedInto,
  kToday,
  kFieldCount
};

std::vector<std::string> SplitFields(std::string_view text) {
  std::vector<std::string> fields;
  while (fields.size() + 1 < kFieldCount) {
    const std::size_t bar = text.find('|');
    if (bar == std::string_view::npos) break;
    fields.emplace_back(text.substr(0, bar));
    text.remove_prefix(bar + 1);
  }
  fields.emplace_back(text);
  fields.resize(kFieldCount);
  return fields;
}

// Unicode 15, table 3-7 (well-formed UTF-8 byte sequences), written out row by row.
bool WellFormedUtf8(std::string_view text) {
  const auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  for (std::size_t i = 0; i < text.size();) {
    const auto b = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned char b0 = b(0);
    std::size_t n = 0;
    if (b0 <= 0x7F)
      n = 1;
    else if (in(b0, 0xC2, 0xDF) && in(b(1), 0x80, 0xBF))
      n = 2;
    else if (b0 == 0xE0 && in(b(1), 0xA0, 0xBF) && in(b(2), 0x80, 0xBF))
      n = 3;
    else if ((in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) && in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF))
      n = 3;
    else if (b0 == 0xED && in(b(1), 0x80, 0x9F) && in(b(2), 0x80, 0xBF))
      n = 3;
    else if (b0 == 0xF0 && in(b(1), 0x90, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF))
      n = 4;
    else if (in(b0, 0xF1, 0xF3) && in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF))
      n = 4;
    else if (b0 == 0xF4 && in(b(1), 0x80, 0x8F) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF))
      n = 4;
    if (n == 0 || i + n > text.size()) return false;
    i += n;
  }
  return true;
}

void CheckTextHelpers(std::string_view text) {
  const bool valid = core::IsValidUtf8(text);
  FUZZ_CHECK(valid == WellFormedUtf8(text));
  const std::string trimmed = core::TrimText(text);
  FUZZ_CHECK(text.find(trimmed) != std::string_view::npos);
  FUZZ_CHECK(core::TrimText(trimmed) == trimmed);
  FUZZ_CHECK(core::CountCharacters(trimmed) <= core::CountCharacters(text));
  FUZZ_CHECK(core::CountCharacters(text) <= text.size());
  if (valid) {
    FUZZ_CHECK(core::IsValidUtf8(trimmed));
    std::size_t lead_bytes = 0;
    for (char c : text) lead_bytes += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    FUZZ_CHECK(core::CountCharacters(text) == lead_bytes);
  }
}

double Number(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

core::Category CategoryOf(const std::string& text) {
  if (const std::optional<core::Category> named = core::CategoryFromName(text)) return *named;
  // Also values outside the enum, which only a bug could make: the rule must refuse them.
  return static_cast<core::Category>(text.empty() ? 0 : static_cast<unsigned char>(text[0]) % 12);
}

core::Rating MakeRating(const std::vector<std::string>& f) {
  core::Rating rating;
  rating.id = f[kId];
  rating.place_id = f[kOtherId];
  rating.device_id = f[kDevice];
  rating.session_id = f[kSession];
  rating.comment = f[kComment];
  rating.visit_month = f[kVisitMonth];
  for (std::size_t i = 0; i < rating.scales.size() && i < f[kFaces].size(); ++i)
    rating.scales[i] = static_cast<std::uint8_t>(f[kFaces][i] - '0');
  for (std::size_t i = 0; i < rating.facilities.size() && i < f[kFacilities].size(); ++i) {
    const char c = f[kFacilities][i];
    rating.facilities[i] = c == 'y'   ? core::Answer::Yes
                           : c == 'n' ? core::Answer::No
                           : c == 's' ? core::Answer::NotSure
                           : c == '-' ? core::Answer::Unanswered
                                      : static_cast<core::Answer>(static_cast<unsigned char>(c) % 6);
  }
  return rating;
}

std::vector<core::SafeReason> ReasonsOf(const std::string& text) {
  std::vector<core::SafeReason> reasons;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    const std::string name = text.substr(begin, comma - begin);
    if (const std::optional<core::SafeReason> reason = core::SafeReasonFromName(name))
      reasons.push_back(*reason);
    else if (!name.empty())
      reasons.push_back(static_cast<core::SafeReason>(static_cast<unsigned char>(name[0]) % 9));
    begin = comma + 1;
  }
  return reasons;
}

core::ValidationContext TodayOf(const std::string& text) {
  // "YYYY-MM", else May 2024 (the core tests' "today").
  core::ValidationContext context{core::DefaultServiceArea(), 2024, 5};
  if (text.size() == 7 && text[4] == '-') {
    const int year = std::atoi(text.substr(0, 4).c_str());
    const int month = std::atoi(text.substr(5, 2).c_str());
    if (year >= 2000 && month >= 1 && month <= 12) context = {core::DefaultServiceArea(), year, month};
  }
  return context;
}

// What every Validate promises: each error names a field once and says something, in
// text that can go into JSON as it is.
void CheckErrors(const std::vector<core::FieldError>& errors) {
  std::set<std::string> fields;
  for (const core::FieldError& error : errors) {
    FUZZ_CHECK(!error.field.empty() && !error.message.empty());
    FUZZ_CHECK(fields.insert(error.field).second);
    FUZZ_CHECK(core::IsValidUtf8(error.message));
    const core::ApiError api = core::ToApiError(error);
    FUZZ_CHECK(api.code == core::ErrorCode::InvalidField && core::HttpStatusFor(api.code) / 100 == 4);
  }
}

// Text that passed a rule: valid UTF-8 with no control characters but new lines.
void CheckPassedText(std::string_view text) {
  FUZZ_CHECK(core::IsValidUtf8(text));
  for (char c : text) FUZZ_CHECK(c == '\n' || static_cast<unsigned char>(c) >= 0x20);
  FUZZ_CHECK(text.find('\x7f') == std::string_view::npos);
}

// A valid value reads back the same from its JSON and is still valid.
template <class T>
void CheckValidRoundTrip(const T& value, const core::ValidationContext& context) {
  const core::Parsed<T> again = core::ParseJson<T>(core::DumpJson(core::ToJson(value)));
  FUZZ_CHECK(again && *again.value == value);
  FUZZ_CHECK(core::Validate(*again.value, context).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = InputText(data, size);
  CheckTextHelpers(text);
  const std::vector<std::string> f = SplitFields(text);
  for (const std::string& field : f) CheckTextHelpers(field);
  const core::ValidationContext context = TodayOf(f[kToday]);

  const core::Rating rating = MakeRating(f);
  const std::vector<core::FieldError> rating_errors = core::Validate(rating, context);
  CheckErrors(rating_errors);
  FUZZ_CHECK(core::Validate(core::OutboxItem{rating}, context) == rating_errors);
  if (rating_errors.empty()) {
    FUZZ_CHECK(core::HasAnyAnswer(rating));
    CheckPassedText(rating.comment);
    CheckValidRoundTrip(rating, context);
    CheckValidRoundTrip(core::OutboxItem{rating}, context);
  }

  core::Suggestion suggestion;
  suggestion.id = f[kOtherId];
  suggestion.device_id = f[kDevice];
  suggestion.session_id = f[kSession];
  suggestion.name = f[kName];
  suggestion.category = CategoryOf(f[kCategory]);
  suggestion.lat = Number(f[kLat]);
  suggestion.lon = Number(f[kLon]);
  suggestion.address = f[kAddress];
  suggestion.why = f[kWhy];
  suggestion.reasons = ReasonsOf(f[kReasons]);
  suggestion.first_rating = rating;
  const std::vector<core::FieldError> suggestion_errors = core::Validate(suggestion, context);
  CheckErrors(suggestion_errors);
  if (suggestion_errors.empty()) {
    FUZZ_CHECK(context.area.Contains(suggestion.lat, suggestion.lon));
    for (const std::string* words : {&suggestion.name, &suggestion.address}) {
      CheckPassedText(*words);
      FUZZ_CHECK(words->find('\n') == std::string::npos);
    }
    CheckPassedText(suggestion.why);
    FUZZ_CHECK(core::CountCharacters(core::TrimText(suggestion.name)) >= core::kNameMinChars);
    CheckValidRoundTrip(suggestion, context);
    CheckValidRoundTrip(core::OutboxItem{suggestion}, context);
  }

  const core::Withdrawal withdrawal{f[kId], f[kDevice], f[kOtherId]};
  const std::vector<core::FieldError> withdrawal_errors = core::Validate(withdrawal, context);
  CheckErrors(withdrawal_errors);
  if (withdrawal_errors.empty()) {
    FUZZ_CHECK(withdrawal.id != withdrawal.target_id);
    CheckValidRoundTrip(withdrawal, context);
  }

  core::Place place;
  place.id = f[kId];
  place.name = f[kName];
  place.category = suggestion.category;
  place.lat = suggestion.lat;
  place.lon = suggestion.lon;
  place.address = f[kAddress];
  place.opening_notes = f[kWhy];
  place.status = core::PlaceStatusFromName(f[kStatus])
                     .value_or(static_cast<core::PlaceStatus>(
                         f[kStatus].empty() ? 0 : static_cast<unsigned char>(f[kStatus][0]) % 6));
  place.merged_into = f[kMergedInto];
  const std::vector<core::FieldError> place_errors = core::Validate(place, context);
  CheckErrors(place_errors);
  if (place_errors.empty()) {
    FUZZ_CHECK((place.status == core::PlaceStatus::Merged) == !place.merged_into.empty());
    CheckValidRoundTrip(place, context);
  }

  // Months: any time within a few thousand years, any offset a time zone has.
  const std::int64_t seconds = std::strtoll(f[kLat].c_str(), nullptr, 10) % 100'000'000'000LL;
  const int offset = static_cast<int>(std::strtol(f[kLon].c_str(), nullptr, 10) % (14 * 60 + 1));
  const core::YearMonth month = core::YearMonthAt(seconds, offset);
  FUZZ_CHECK(month.month >= 1 && month.month <= 12);
  if (month.year >= 1000 && month.year <= 9999) FUZZ_CHECK(core::MonthText(month).size() == 7);
  return 0;
}
