// This is the implementation of validation.h: UTF-8 and text rules first, then one
// Check...() per kind of field, then one Validate() per struct built from them.
// Each message is written for the young person who will read it; none names a field.
//
// [SECTION] UTF-8
// [SECTION] Time
// [SECTION] Field checks
// [SECTION] Validate
#include "core/validation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/uuid.h"

namespace core {
namespace {

// [SECTION] UTF-8

constexpr char32_t kNotDecoded = 0xFFFFFFFF;

struct Decoded {
  char32_t code_point = kNotDecoded;  // kNotDecoded when the bytes at `at` are not valid UTF-8
  std::size_t length = 1;             // bytes used; 1 for a byte that could not be decoded
};

// Decodes the code point starting at text[at] (RFC 3629, table in section 4).
Decoded DecodeAt(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1};

  // The lead byte gives the length, the first bits of the code point, and the smallest code
  // point that needs that many bytes (anything below it would be an overlong form).
  struct Sequence {
    std::size_t length;
    char32_t code_point;
    char32_t smallest;
  };
  Sequence sequence{};
  if (lead >= 0xC2 && lead <= 0xDF) {
    sequence = {2, lead & 0x1Fu, 0x80};
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    sequence = {3, lead & 0x0Fu, 0x800};
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    sequence = {4, lead & 0x07u, 0x10000};
  } else {
    return {};  // a continuation byte on its own, C0/C1 (always overlong) or F5..FF
  }
  auto [length, code_point, smallest] = sequence;
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(at + i);
    if ((next & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (next & 0x3Fu);
  }
  if (code_point < smallest) return {};
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return {};  // surrogates are for UTF-16 only
  if (code_point > 0x10FFFF) return {};
  return {code_point, length};
}

// Unicode's White_Space property.
bool IsWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// C0 controls, DEL and C1 controls: invisible, and a way to break screens and exports.
bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// [SECTION] Time

// Howard Hinnant's civil_from_days: the Gregorian date of a day counted from 1970-01-01.
YearMonth YearMonthFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;                    // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const std::int64_t march_based_month = (5 * day_of_year + 2) / 153;  // [0, 11], 0 = March
  const std::int64_t month = march_based_month < 10 ? march_based_month + 3 : march_based_month - 9;  // [1, 12]
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), static_cast<int>(month)};
}

// [SECTION] Field checks

constexpr std::string_view kAppMistake = "Sorry, something went wrong in the app. Please try again later.";

enum class Lines { One, Many };

// The words for one text field. `noun` fits in the middle of a sentence: "the name".
struct TextRule {
  std::string_view field;
  std::size_t min_chars;
  std::size_t max_chars;
  Lines lines;
  std::string_view noun;
  std::string_view too_short;  // only needed when min_chars > 0
  std::string_view too_long;
};

constexpr TextRule kNameRule{"name",
                             kNameMinChars,
                             kNameMaxChars,
                             Lines::One,
                             "the name",
                             "Please give the place a name with at least 2 letters.",
                             "The name is a bit long. Please keep it to 80 letters."};
constexpr TextRule kAddressRule{"address",
                                0,
                                kAddressMaxChars,
                                Lines::One,
                                "the address",
                                "",
                                "The address is a bit long. Please keep it to 200 letters."};
constexpr TextRule kOpeningNotesRule{"opening_notes",
                                     0,
                                     kOpeningNotesMaxChars,
                                     Lines::Many,
                                     "the opening times",
                                     "",
                                     "The opening times are a bit long. Please keep them to 300 letters."};
constexpr TextRule kCommentRule{"comment",
                                0,
                                kCommentMaxChars,
                                Lines::Many,
                                "your comment",
                                "",
                                "Your comment is a bit long. Please keep it to 280 letters."};
constexpr TextRule kWhyRule{"why",
                            0,
                            kWhyMaxChars,
                            Lines::Many,
                            "your answer",
                            "",
                            "Your answer is a bit long. Please keep it to 280 letters."};

// Collects errors under a prefix ("first_rating.") so nested structs name their fields fully.
struct Errors {
  std::vector<FieldError>& list;
  std::string prefix;

  void Add(std::string_view field, std::string_view message) {
    list.push_back({prefix + std::string(field), std::string(message)});
  }
};

void CheckText(Errors& errors, std::string_view text, const TextRule& rule) {
  if (!IsValidUtf8(text)) {
    errors.Add(rule.field, "We could not read some letters in " + std::string(rule.noun) + ". Please type it again.");
    return;
  }
  // Forbidden characters are checked before trimming, so text that passes never holds one,
  // wherever it is stored.
  bool has_new_line = false;
  bool has_control = false;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = DecodeAt(text, at);
    if (decoded.code_point == U'\n') {
      has_new_line = true;
    } else if (IsControl(decoded.code_point)) {
      has_control = true;
    }
    at += decoded.length;
  }
  if (has_new_line && rule.lines == Lines::One) {
    errors.Add(rule.field, "Please write " + std::string(rule.noun) + " on one line.");
    return;
  }
  if (has_control) {
    errors.Add(rule.field, "There is a hidden character in " + std::string(rule.noun) +
                               " that we can't use. Please type it again.");
    return;
  }
  const std::size_t chars = CountCharacters(TrimText(text));
  if (chars < rule.min_chars) {
    errors.Add(rule.field, rule.too_short);
  } else if (chars > rule.max_chars) {
    errors.Add(rule.field, rule.too_long);
  }
}

// Ids are made by the app, never typed, so a bad one is the app's mistake.
void CheckUuid(Errors& errors, std::string_view field, std::string_view id) {
  if (!IsUuid(id)) errors.Add(field, kAppMistake);
}

void CheckOptionalUuid(Errors& errors, std::string_view field, std::string_view id) {
  if (!id.empty()) CheckUuid(errors, field, id);
}

void CheckCategory(Errors& errors, Category category) {
  if (CategoryName(category).empty()) errors.Add("category", "Please pick what kind of place it is.");
}

void CheckPosition(Errors& errors, double lat, double lon, const ServiceArea& area) {
  if (!std::isfinite(lat) || !std::isfinite(lon)) {
    errors.Add(std::isfinite(lat) ? "lon" : "lat",
               "We could not tell where this place is. Please put the pin on the map again.");
    return;
  }
  if (area.Contains(lat, lon)) return;
  const bool lat_inside = lat >= area.south && lat <= area.north;
  errors.Add(lat_inside ? "lon" : "lat",
             "This place is outside " + area.name + ". Safe Spaces only maps places in " + area.name + ".");
}

// The tapped answers to "Why is it a safe space?": each one from the list, each once.
void CheckSafeReasons(Errors& errors, const std::vector<SafeReason>& reasons) {
  std::array<bool, kAllSafeReasons.size()> picked{};
  for (SafeReason reason : reasons) {
    if (SafeReasonName(reason).empty()) {
      errors.Add("reasons", "Please pick the reasons from the list.");
      return;
    }
    bool& seen = picked[static_cast<std::size_t>(reason)];
    if (seen) {
      errors.Add("reasons", "Please pick each reason only once.");
      return;
    }
    seen = true;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void CheckVisitMonth(Errors& errors, std::string_view text, const ValidationContext& context) {
  constexpr std::string_view kField = "visit_month";
  const bool shaped = text.size() == 7 && IsDigit(text[0]) && IsDigit(text[1]) && IsDigit(text[2]) &&
                      IsDigit(text[3]) && text[4] == '-' && IsDigit(text[5]) && IsDigit(text[6]);
  const int year = shaped ? (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0') : 0;
  const int month = shaped ? (text[5] - '0') * 10 + (text[6] - '0') : 0;
  if (!shaped || month < 1 || month > 12) {
    errors.Add(kField, "Please pick the month you went.");
  } else if (year < kFirstVisitYear) {
    errors.Add(kField, "Please pick a month in 2020 or later.");
  } else if (year > kLastVisitYear || year > context.current_year ||
             (year == context.current_year && month > context.current_month)) {
    errors.Add(kField, "The month you went can't be in the future. Please pick this month or one before.");
  }
}

void CheckRating(Errors& errors, const Rating& rating, const ValidationContext& context) {
  CheckUuid(errors, "id", rating.id);
  CheckUuid(errors, "place_id", rating.place_id);
  CheckUuid(errors, "device_id", rating.device_id);
  for (Scale scale : kAllScales) {
    if (rating.scales[IndexOf(scale)] > kMaxFaces)
      errors.Add("scales." + std::string(ScaleName(scale)), "Please pick from 1 to 5 faces.");
  }
  for (Facility facility : kAllFacilities) {
    const Answer answer = rating.facilities[IndexOf(facility)];
    if (answer != Answer::Unanswered && AnswerName(answer).empty())
      errors.Add("facilities." + std::string(FacilityName(facility)), "Please answer yes, no or not sure.");
  }
  if (!HasAnyAnswer(rating)) errors.Add("scales", "Please answer at least one question about the place.");
  CheckText(errors, rating.comment, kCommentRule);
  CheckVisitMonth(errors, rating.visit_month, context);
  CheckOptionalUuid(errors, "session_id", rating.session_id);
}

}  // namespace

// [SECTION] Where and when

bool ServiceArea::Contains(double lat, double lon) const {
  return lat >= south && lat <= north && lon >= west && lon <= east;  // every comparison with NaN is false
}

ServiceArea DefaultServiceArea() { return {"Coventry", 52.36, -1.62, 52.47, -1.40}; }

YearMonth YearMonthAt(std::int64_t unix_seconds, int utc_offset_minutes) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  const std::int64_t local_seconds = unix_seconds + std::int64_t{utc_offset_minutes} * 60;
  std::int64_t days = local_seconds / kSecondsPerDay;
  if (local_seconds % kSecondsPerDay < 0) --days;  // round towards the past before 1970
  return YearMonthFromDays(days);
}

std::string MonthText(YearMonth month) {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d", month.year, month.month);
  return text;
}

// [SECTION] Validate

std::vector<FieldError> Validate(const Rating& rating, const ValidationContext& context) {
  std::vector<FieldError> list;
  Errors errors{list, ""};
  CheckRating(errors, rating, context);
  return list;
}

std::vector<FieldError> Validate(const Suggestion& suggestion, const ValidationContext& context) {
  std::vector<FieldError> list;
  Errors errors{list, ""};
  CheckUuid(errors, "id", suggestion.id);
  CheckUuid(errors, "device_id", suggestion.device_id);
  CheckText(errors, suggestion.name, kNameRule);
  CheckCategory(errors, suggestion.category);
  CheckPosition(errors, suggestion.lat, suggestion.lon, context.area);
  CheckText(errors, suggestion.address, kAddressRule);
  CheckText(errors, suggestion.why, kWhyRule);
  CheckSafeReasons(errors, suggestion.reasons);

  Errors rating_errors{list, "first_rating."};
  CheckRating(rating_errors, suggestion.first_rating, context);
  // The first rating is of the place being suggested, by the same device; only report a
  // mismatch when both ids are well formed, so one slip gives one message.
  if (IsUuid(suggestion.first_rating.place_id) && suggestion.first_rating.place_id != suggestion.id)
    rating_errors.Add("place_id", kAppMistake);
  if (IsUuid(suggestion.first_rating.device_id) && suggestion.first_rating.device_id != suggestion.device_id)
    rating_errors.Add("device_id", kAppMistake);

  CheckOptionalUuid(errors, "session_id", suggestion.session_id);
  return list;
}

std::vector<FieldError> Validate(const Withdrawal& withdrawal, const ValidationContext& /*context*/) {
  std::vector<FieldError> list;
  Errors errors{list, ""};
  CheckUuid(errors, "id", withdrawal.id);
  CheckUuid(errors, "device_id", withdrawal.device_id);
  if (!IsUuid(withdrawal.target_id) || withdrawal.target_id == withdrawal.id) errors.Add("target_id", kAppMistake);
  return list;
}

std::vector<FieldError> Validate(const Place& place, const ValidationContext& context) {
  std::vector<FieldError> list;
  Errors errors{list, ""};
  CheckUuid(errors, "id", place.id);
  CheckText(errors, place.name, kNameRule);
  CheckCategory(errors, place.category);
  CheckPosition(errors, place.lat, place.lon, context.area);
  CheckText(errors, place.address, kAddressRule);
  CheckText(errors, place.opening_notes, kOpeningNotesRule);
  if (PlaceStatusName(place.status).empty()) {
    errors.Add("status", "Please pick if the place is suggested, approved, rejected or merged.");
  } else if (place.status == PlaceStatus::Merged) {
    if (!IsUuid(place.merged_into)) {
      errors.Add("merged_into", "Please pick the place this one was merged into.");
    } else if (place.merged_into == place.id) {
      errors.Add("merged_into", "A place can't be merged into itself. Please pick another place.");
    }
  } else if (!place.merged_into.empty()) {
    errors.Add("merged_into", "Only a merged place can point to another place.");
  }
  return list;
}

std::vector<FieldError> Validate(const OutboxItem& item, const ValidationContext& context) {
  return std::visit([&](const auto& payload) { return Validate(payload, context); }, item.payload);
}

ApiError ToApiError(const FieldError& error) { return {ErrorCode::InvalidField, error.message, error.field}; }

// [SECTION] Text

bool IsValidUtf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = DecodeAt(text, at);
    if (decoded.code_point == kNotDecoded) return false;
    at += decoded.length;
  }
  return true;
}

std::size_t CountCharacters(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < utf8.size(); at += DecodeAt(utf8, at).length) ++count;
  return count;
}

std::string TrimText(std::string_view text) {
  std::size_t begin = text.size();  // first byte of the first non-space character
  std::size_t end = 0;              // one past the last non-space character
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = DecodeAt(text, at);
    if (!IsWhiteSpace(decoded.code_point)) {  // a byte that can't be decoded is kept, never trimmed
      begin = std::min(begin, at);
      end = at + decoded.length;
    }
    at += decoded.length;
  }
  return begin < end ? std::string(text.substr(begin, end - begin)) : std::string();
}

}  // namespace core
