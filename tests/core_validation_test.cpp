// Tests of core/validation: what a young person or officer is told when something they
// made can't be kept, and that everything right is let through. Lengths are counted in
// letters (code points), never bytes, so "Café ☕" and emoji get the same room as ASCII.
// [SECTION] Text helpers  [SECTION] Ratings  [SECTION] Suggestions  [SECTION] Places
// [SECTION] Withdrawals   [SECTION] Words of the messages
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/uuid.h"
#include "core/validation.h"
#include "core_samples.h"

namespace {

using core::FieldError;
using samples::Repeat;
using samples::Today;

const std::string kE = "\u00e9";          // é, 2 bytes
const std::string kCoffee = "\u2615";     // ☕, 3 bytes
const std::string kSmile = "\U0001F600";  // 😀, 4 bytes

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const FieldError& error : errors) fields.push_back(error.field);
  return fields;
}

bool HasField(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& error : errors)
    if (error.field == field) return true;
  return false;
}

std::string MessageFor(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& error : errors)
    if (error.field == field) return error.message;
  return "";
}

std::vector<FieldError> RatingWithComment(const std::string& comment) {
  core::Rating rating = samples::SampleRating();
  rating.comment = comment;
  return core::Validate(rating, Today());
}

std::vector<FieldError> SuggestionNamed(const std::string& name) {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.name = name;
  return core::Validate(suggestion, Today());
}

std::vector<FieldError> RatingInMonth(const std::string& month, int year_now = 2024, int month_now = 5) {
  core::Rating rating = samples::SampleRating();
  rating.visit_month = month;
  return core::Validate(rating, {core::DefaultServiceArea(), year_now, month_now});
}

std::vector<FieldError> PlaceAt(double lat, double lon) {
  core::Place place = samples::SamplePlace();
  place.lat = lat;
  place.lon = lon;
  return core::Validate(place, Today());
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

// [SECTION] Text helpers

TEST_CASE("letters are counted as people see them, not as bytes", "[core][validation][text]") {
  CHECK(core::CountCharacters("") == 0);
  CHECK(core::CountCharacters("Park") == 4);
  CHECK(core::CountCharacters("Caf\u00e9 \u2615") == 6);
  CHECK(core::CountCharacters(kSmile + kSmile) == 2);
  CHECK(core::CountCharacters("\xF4\x8F\xBF\xBF") == 1);  // U+10FFFF
  CHECK(core::CountCharacters("e\u0301") == 2);           // e + combining accent: two code points
}

TEST_CASE("bytes that are not UTF-8 still count, one each, so nothing slips past a limit", "[core][validation][text]") {
  CHECK(core::CountCharacters("\xFF\xFE") == 2);
  CHECK(core::CountCharacters("a\xE2\x98") == 3);  // a truncated ☕ is two stray bytes
  CHECK(core::CountCharacters("\xC0\xAF") == 2);   // an overlong '/' is two stray bytes
}

TEST_CASE("well-formed UTF-8 is accepted up to the edges of each range", "[core][validation][text]") {
  CHECK(core::IsValidUtf8(""));
  CHECK(core::IsValidUtf8("plain ASCII"));
  CHECK(core::IsValidUtf8(std::string_view("\0", 1)));  // U+0000 is UTF-8; the text rules reject it
  CHECK(core::IsValidUtf8("\x7F"));
  CHECK(core::IsValidUtf8("\xC2\x80"));          // U+0080, smallest 2-byte
  CHECK(core::IsValidUtf8("\xDF\xBF"));          // U+07FF, largest 2-byte
  CHECK(core::IsValidUtf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  CHECK(core::IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  CHECK(core::IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above the surrogates
  CHECK(core::IsValidUtf8("\xEF\xBF\xBF"));      // U+FFFF
  CHECK(core::IsValidUtf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  CHECK(core::IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  CHECK(core::IsValidUtf8("Caf\u00e9 \u2615 \U0001F600"));
}

TEST_CASE("broken UTF-8 is caught: overlongs, surrogates, too high, cut short, stray bytes",
          "[core][validation][text]") {
  CHECK_FALSE(core::IsValidUtf8("\x80"));  // continuation byte on its own
  CHECK_FALSE(core::IsValidUtf8("\xBF"));
  CHECK_FALSE(core::IsValidUtf8("\xC0\xAF"));                  // overlong '/', 2 bytes
  CHECK_FALSE(core::IsValidUtf8("\xC1\xBF"));                  // overlong U+007F
  CHECK_FALSE(core::IsValidUtf8("\xE0\x80\xAF"));              // overlong '/', 3 bytes
  CHECK_FALSE(core::IsValidUtf8("\xE0\x9F\xBF"));              // overlong U+07FF
  CHECK_FALSE(core::IsValidUtf8("\xF0\x80\x80\xAF"));          // overlong '/', 4 bytes
  CHECK_FALSE(core::IsValidUtf8("\xF0\x8F\xBF\xBF"));          // overlong U+FFFF
  CHECK_FALSE(core::IsValidUtf8("\xED\xA0\x80"));              // U+D800, a surrogate
  CHECK_FALSE(core::IsValidUtf8("\xED\xBF\xBF"));              // U+DFFF, a surrogate
  CHECK_FALSE(core::IsValidUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // a CESU-8 surrogate pair for 😀
  CHECK_FALSE(core::IsValidUtf8("\xF4\x90\x80\x80"));          // U+110000, above the last code point
  CHECK_FALSE(core::IsValidUtf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(core::IsValidUtf8("\xF8\x88\x80\x80\x80"));  // old 5-byte form
  CHECK_FALSE(core::IsValidUtf8("\xFE"));
  CHECK_FALSE(core::IsValidUtf8("\xFF"));
  CHECK_FALSE(core::IsValidUtf8("\xE2\x98"));         // ☕ cut short
  CHECK_FALSE(core::IsValidUtf8("abc\xF0\x9F\x98"));  // 😀 cut short at the end
  CHECK_FALSE(core::IsValidUtf8("\xE2\x28\xA1"));     // second byte not a continuation
  CHECK_FALSE(core::IsValidUtf8("\xC3"));             // é cut short
}

TEST_CASE("spaces at either end are trimmed, spaces inside are kept", "[core][validation][text]") {
  CHECK(core::TrimText("  Central Library  ") == "Central Library");
  CHECK(core::TrimText("\t\n Park \r\n") == "Park");
  CHECK(core::TrimText("Two  words") == "Two  words");
  CHECK(core::TrimText("") == "");
  CHECK(core::TrimText("   ") == "");
  CHECK(core::TrimText("\u00a0Caf\u00e9\u00a0") == "Caf\u00e9");  // no-break spaces
  CHECK(core::TrimText("\u3000\u2003Park\u2009") == "Park");      // ideographic, em and thin spaces
  CHECK(core::TrimText("\u2615 ") == "\u2615");
  CHECK(core::TrimText(" \U0001F600 \U0001F600 ") == "\U0001F600 \U0001F600");
  CHECK(core::TrimText("\u200bPark") == "\u200bPark");  // a zero-width space is not white space
}

TEST_CASE("trimming never drops or splits bytes it can't read", "[core][validation][text]") {
  CHECK(core::TrimText(" \xFF ") == "\xFF");
  CHECK(core::TrimText("\xE2\x98 ") == "\xE2\x98");
  CHECK(core::TrimText(" a\xC3") == "a\xC3");
}

// [SECTION] Ratings

TEST_CASE("a complete, sensible rating is accepted", "[core][validation][rating]") {
  CHECK(core::Validate(samples::SampleRating(), Today()).empty());
  core::Rating in_session = samples::SampleRating();
  in_session.session_id = samples::kSessionId;
  CHECK(core::Validate(in_session, Today()).empty());
  CHECK(core::Validate(core::OutboxItem{in_session}, Today()).empty());
}

TEST_CASE("a rating with no answers at all is not kept: it says nothing", "[core][validation][rating]") {
  core::Rating rating = samples::SampleRating();
  rating.scales = {};
  rating.facilities = {};
  const std::vector<FieldError> errors = core::Validate(rating, Today());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "scales");
  CHECK(errors[0].message == "Please answer at least one question about the place.");

  rating.comment = "A comment alone is not enough.";
  CHECK(HasField(core::Validate(rating, Today()), "scales"));
}

TEST_CASE("one answered question is enough for a rating", "[core][validation][rating]") {
  core::Rating one_face = samples::SampleRating();
  one_face.scales = {};
  one_face.facilities = {};
  one_face.scales[core::IndexOf(core::Scale::StaffUnderstand)] = 1;
  CHECK(core::Validate(one_face, Today()).empty());

  core::Rating one_facility = samples::SampleRating();
  one_facility.scales = {};
  one_facility.facilities = {};
  one_facility.facilities[core::IndexOf(core::Facility::ChangingPlaces)] = core::Answer::NotSure;
  CHECK(core::Validate(one_facility, Today()).empty());
}

TEST_CASE("faces go from 1 to 5, and anything more is caught on that question", "[core][validation][rating]") {
  for (std::uint8_t faces = 0; faces <= 5; ++faces) {
    core::Rating rating = samples::SampleRating();
    rating.scales[core::IndexOf(core::Scale::GentleLighting)] = faces;
    CHECK(core::Validate(rating, Today()).empty());
  }
  for (std::uint8_t faces : {6, 9, 255}) {
    core::Rating rating = samples::SampleRating();
    rating.scales[core::IndexOf(core::Scale::GentleLighting)] = faces;
    const std::vector<FieldError> errors = core::Validate(rating, Today());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "scales.gentle_lighting");
    CHECK(errors[0].message == "Please pick from 1 to 5 faces.");
  }
}

TEST_CASE("a facility answer must be yes, no or not sure", "[core][validation][rating]") {
  core::Rating rating = samples::SampleRating();
  rating.facilities[core::IndexOf(core::Facility::OutsideSpace)] = static_cast<core::Answer>(9);
  const std::vector<FieldError> errors = core::Validate(rating, Today());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "facilities.outside_space");
  CHECK(errors[0].message == "Please answer yes, no or not sure.");
}

TEST_CASE("a comment can be up to 280 letters, whatever the letters are", "[core][validation][rating]") {
  for (const std::string& letter : {std::string("a"), kE, kCoffee, kSmile}) {
    INFO("letter of " << letter.size() << " bytes");
    CHECK(RatingWithComment(Repeat(letter, 280)).empty());
    const std::vector<FieldError> errors = RatingWithComment(Repeat(letter, 281));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "comment");
    CHECK(errors[0].message == "Your comment is a bit long. Please keep it to 280 letters.");
  }
}

TEST_CASE("spaces around a comment don't use up its room", "[core][validation][rating]") {
  CHECK(RatingWithComment("   " + Repeat("a", 280) + "\n\n  ").empty());
  CHECK(RatingWithComment("").empty());
  CHECK(RatingWithComment("    ").empty());
}

TEST_CASE("a comment may have several lines but no hidden characters", "[core][validation][rating]") {
  CHECK(RatingWithComment("Line one.\nLine two.").empty());
  CHECK(RatingWithComment("Caf\u00e9 \u2615 was calm \U0001F600").empty());
  for (const std::string& hidden : {std::string("\t"), std::string("\r"), std::string(1, '\0'), std::string("\x1B"),
                                    std::string("\x7F"), std::string("\u0085"), std::string("\u009F")}) {
    const std::vector<FieldError> errors = RatingWithComment("Nice" + hidden + "place");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "comment");
    CHECK(errors[0].message == "There is a hidden character in your comment that we can't use. Please type it again.");
  }
}

TEST_CASE("a comment with broken letters is caught before it is counted", "[core][validation][rating]") {
  for (const std::string& broken : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                                    std::string("\xF4\x90\x80\x80"), std::string("\xE2\x98"), std::string("\xFF")}) {
    const std::vector<FieldError> errors = RatingWithComment("Nice " + broken);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "comment");
    CHECK(errors[0].message == "We could not read some letters in your comment. Please type it again.");
  }
}

TEST_CASE("the visit month is this month or earlier, from 2020", "[core][validation][rating]") {
  CHECK(RatingInMonth("2024-05").empty());  // this month
  CHECK(RatingInMonth("2024-04").empty());
  CHECK(RatingInMonth("2023-12").empty());
  CHECK(RatingInMonth("2020-01").empty());  // the first month there can be
  CHECK(RatingInMonth("2100-12", 2100, 12).empty());

  const std::string future = "The month you went can't be in the future. Please pick this month or one before.";
  CHECK(MessageFor(RatingInMonth("2024-06"), "visit_month") == future);
  CHECK(MessageFor(RatingInMonth("2025-01"), "visit_month") == future);
  CHECK(MessageFor(RatingInMonth("2025-05"), "visit_month") == future);
  CHECK(MessageFor(RatingInMonth("2101-01", 2200, 1), "visit_month") == future);  // past the last year, always
  CHECK(MessageFor(RatingInMonth("2019-12"), "visit_month") == "Please pick a month in 2020 or later.");
  CHECK(MessageFor(RatingInMonth("1999-05"), "visit_month") == "Please pick a month in 2020 or later.");
}

TEST_CASE("a visit month that is not a real YYYY-MM month is caught", "[core][validation][rating]") {
  for (const std::string month : {"", "2024-00", "2024-13", "2024-5", "24-05", "2024/05", "2024-05-01", "May 2024",
                                  " 2024-05", "2024-05 ", "2024_05", "20a4-05", "2024-1a", "-024-05",
                                  "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-05"}) {  // full-width digits
    INFO('"' << month << '"');
    const std::vector<FieldError> errors = RatingInMonth(month);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "visit_month");
    CHECK(errors[0].message == "Please pick the month you went.");
  }
}

TEST_CASE("ids must be made by the app in the canonical form", "[core][validation][rating]") {
  core::Rating rating = samples::SampleRating();
  rating.id = "not-an-id";
  rating.place_id = "";
  rating.device_id = "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5D";  // uppercase
  rating.session_id = "room-42";
  CHECK(Fields(core::Validate(rating, Today())) ==
        std::vector<std::string>{"id", "place_id", "device_id", "session_id"});
}

TEST_CASE("every problem in a rating is reported once, in the order of its fields", "[core][validation][rating]") {
  core::Rating rating = samples::SampleRating();
  rating.id = "x";
  rating.scales[core::IndexOf(core::Scale::Quiet)] = 7;
  rating.facilities[core::IndexOf(core::Facility::QuietSpace)] = static_cast<core::Answer>(5);
  rating.comment = Repeat("a", 300);
  rating.visit_month = "2030-01";
  CHECK(Fields(core::Validate(rating, Today())) ==
        std::vector<std::string>{"id", "scales.quiet", "facilities.quiet_space", "comment", "visit_month"});
}

TEST_CASE("today's month comes from the clock, and the server allows for time zones ahead of UTC",
          "[core][validation][time]") {
  const auto ym = [](std::int64_t seconds, int offset) {
    const core::YearMonth month = core::YearMonthAt(seconds, offset);
    return std::pair{month.year, month.month};
  };
  CHECK(ym(0, 0) == std::pair{1970, 1});
  CHECK(ym(-1, 0) == std::pair{1969, 12});
  CHECK(ym(-86400, 0) == std::pair{1969, 12});
  CHECK(ym(1717200000, 0) == std::pair{2024, 6});          // 2024-06-01 00:00 UTC
  CHECK(ym(1717199999, 0) == std::pair{2024, 5});          // one second before
  CHECK(ym(1717199999 - 1800, 60) == std::pair{2024, 6});  // 23:30 UTC is 00:30 in British Summer Time
  CHECK(ym(1717200000 - 14 * 3600, core::kLatestUtcOffsetMinutes) == std::pair{2024, 6});
  CHECK(ym(1717200000 - 14 * 3600 - 1, core::kLatestUtcOffsetMinutes) == std::pair{2024, 5});
  CHECK(ym(1717200000, -600) == std::pair{2024, 5});  // still May in Hawaii
  CHECK(ym(1709164800, 0) == std::pair{2024, 2});     // 29 February 2024
  CHECK(ym(1709164800 + 86400, 0) == std::pair{2024, 3});
  CHECK(ym(951782400, 0) == std::pair{2000, 2});    // 29 February 2000
  CHECK(ym(4133894400, 0) == std::pair{2100, 12});  // 31 December 2100
  CHECK(ym(4133894400 + 86400, 0) == std::pair{2101, 1});
}

TEST_CASE("a rating sent just after midnight on the 1st in the UK is not in the future for the server",
          "[core][validation][time]") {
  const std::int64_t june_first_0030_bst = 1717200000 - 1800;  // 2024-05-31 23:30 UTC
  const core::YearMonth device_month = core::YearMonthAt(june_first_0030_bst, 60);
  const core::YearMonth server_month = core::YearMonthAt(june_first_0030_bst, core::kLatestUtcOffsetMinutes);
  CHECK(RatingInMonth("2024-06", device_month.year, device_month.month).empty());
  CHECK(RatingInMonth("2024-06", server_month.year, server_month.month).empty());
}

// [SECTION] Suggestions

TEST_CASE("a complete suggestion with its first rating is accepted", "[core][validation][suggestion]") {
  CHECK(core::Validate(samples::SampleSuggestion(), Today()).empty());
  core::Suggestion minimal = samples::SampleSuggestion();
  minimal.address.clear();
  minimal.why.clear();
  minimal.session_id.clear();
  minimal.first_rating.comment.clear();
  CHECK(core::Validate(minimal, Today()).empty());
  CHECK(core::Validate(core::OutboxItem{minimal}, Today()).empty());
}

TEST_CASE("a place name needs 2 to 80 letters, counted in letters", "[core][validation][suggestion]") {
  const std::string too_short = "Please give the place a name with at least 2 letters.";
  const std::string too_long = "The name is a bit long. Please keep it to 80 letters.";
  CHECK(MessageFor(SuggestionNamed(""), "name") == too_short);
  CHECK(MessageFor(SuggestionNamed("A"), "name") == too_short);
  CHECK(MessageFor(SuggestionNamed("   A   "), "name") == too_short);  // spaces are not letters
  CHECK(MessageFor(SuggestionNamed(kSmile), "name") == too_short);
  CHECK(SuggestionNamed("Ab").empty());
  CHECK(SuggestionNamed(kE + kE).empty());
  CHECK(SuggestionNamed(kSmile + kCoffee).empty());
  CHECK(SuggestionNamed("Caf\u00e9 \u2615").empty());
  for (const std::string& letter : {std::string("a"), kE, kCoffee, kSmile}) {
    INFO("letter of " << letter.size() << " bytes");
    CHECK(SuggestionNamed(Repeat(letter, 80)).empty());
    CHECK(SuggestionNamed("  " + Repeat(letter, 80) + "  ").empty());
    CHECK(MessageFor(SuggestionNamed(Repeat(letter, 81)), "name") == too_long);
  }
}

TEST_CASE("a place name is one line with no hidden characters", "[core][validation][suggestion]") {
  CHECK(MessageFor(SuggestionNamed("Central\nLibrary"), "name") == "Please write the name on one line.");
  CHECK(MessageFor(SuggestionNamed("Central Library\n"), "name") == "Please write the name on one line.");
  CHECK(MessageFor(SuggestionNamed("Central\tLibrary"), "name") ==
        "There is a hidden character in the name that we can't use. Please type it again.");
  CHECK(MessageFor(SuggestionNamed("Caf\xC3"), "name") ==
        "We could not read some letters in the name. Please type it again.");
}

TEST_CASE("an address is optional, one line, up to 200 letters", "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.address = "";
  CHECK(core::Validate(suggestion, Today()).empty());
  suggestion.address = Repeat(kE, 200);
  CHECK(core::Validate(suggestion, Today()).empty());
  suggestion.address = Repeat(kE, 201);
  CHECK(MessageFor(core::Validate(suggestion, Today()), "address") ==
        "The address is a bit long. Please keep it to 200 letters.");
  suggestion.address = "1 High Street\nCoventry";
  CHECK(MessageFor(core::Validate(suggestion, Today()), "address") == "Please write the address on one line.");
}

TEST_CASE("the answer to 'why is it a safe space?' can be 280 letters on several lines",
          "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.why = Repeat(kSmile, 279) + "\n";
  CHECK(core::Validate(suggestion, Today()).empty());
  suggestion.why = Repeat(kCoffee, 140) + "\n" + Repeat(kCoffee, 139);  // 280 with the new line
  CHECK(core::Validate(suggestion, Today()).empty());
  suggestion.why = Repeat(kCoffee, 140) + "\n" + Repeat(kCoffee, 140);  // 281
  CHECK(MessageFor(core::Validate(suggestion, Today()), "why") ==
        "Your answer is a bit long. Please keep it to 280 letters.");
}

TEST_CASE("reasons a place is safe are optional, each from the list and each once",
          "[core][validation][suggestion][reasons]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.reasons.assign(core::kAllSafeReasons.begin(), core::kAllSafeReasons.end());
  CHECK(core::Validate(suggestion, Today()).empty());

  // Neither words nor reasons: still a suggestion we can keep.
  suggestion.why.clear();
  suggestion.reasons.clear();
  CHECK(core::Validate(suggestion, Today()).empty());

  suggestion.reasons = {core::SafeReason::Quiet, core::SafeReason::CalmSpace, core::SafeReason::Quiet};
  std::vector<FieldError> errors = core::Validate(suggestion, Today());
  CHECK(Fields(errors) == std::vector<std::string>{"reasons"});
  CHECK(MessageFor(errors, "reasons") == "Please pick each reason only once.");

  suggestion.reasons = {core::SafeReason::FeelSafe, static_cast<core::SafeReason>(42)};
  errors = core::Validate(suggestion, Today());
  CHECK(Fields(errors) == std::vector<std::string>{"reasons"});
  CHECK(MessageFor(errors, "reasons") == "Please pick the reasons from the list.");
}

TEST_CASE("the kind of place must be one we know", "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  for (core::Category category : core::kAllCategories) {
    suggestion.category = category;
    CHECK(core::Validate(suggestion, Today()).empty());
  }
  suggestion.category = static_cast<core::Category>(42);
  CHECK(MessageFor(core::Validate(suggestion, Today()), "category") == "Please pick what kind of place it is.");
}

TEST_CASE("problems in the first rating are named under first_rating", "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.first_rating.scales[core::IndexOf(core::Scale::Quiet)] = 6;
  suggestion.first_rating.visit_month = "2024-13";
  suggestion.first_rating.comment = Repeat("b", 281);
  CHECK(Fields(core::Validate(suggestion, Today())) ==
        std::vector<std::string>{"first_rating.scales.quiet", "first_rating.comment", "first_rating.visit_month"});

  suggestion = samples::SampleSuggestion();
  suggestion.first_rating.scales = {};
  suggestion.first_rating.facilities = {};
  CHECK(Fields(core::Validate(suggestion, Today())) == std::vector<std::string>{"first_rating.scales"});
}

TEST_CASE("the first rating must be of the suggested place, by the same device", "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.first_rating.place_id = samples::kOtherPlaceId;
  CHECK(Fields(core::Validate(suggestion, Today())) == std::vector<std::string>{"first_rating.place_id"});

  suggestion = samples::SampleSuggestion();
  suggestion.first_rating.device_id = samples::kOtherPlaceId;
  CHECK(Fields(core::Validate(suggestion, Today())) == std::vector<std::string>{"first_rating.device_id"});

  suggestion = samples::SampleSuggestion();
  suggestion.first_rating.place_id = "nope";  // one slip, one message
  CHECK(Fields(core::Validate(suggestion, Today())) == std::vector<std::string>{"first_rating.place_id"});
}

TEST_CASE("a pin that can't be placed is caught", "[core][validation][place]") {
  const std::string message = "We could not tell where this place is. Please put the pin on the map again.";
  CHECK(MessageFor(PlaceAt(kNaN, -1.5), "lat") == message);
  CHECK(MessageFor(PlaceAt(52.4, kNaN), "lon") == message);
  CHECK(MessageFor(PlaceAt(kInf, -1.5), "lat") == message);
  CHECK(MessageFor(PlaceAt(52.4, -kInf), "lon") == message);
  CHECK(MessageFor(PlaceAt(kNaN, kNaN), "lat") == message);
  CHECK(PlaceAt(kNaN, kNaN).size() == 1);
}

TEST_CASE("places on the edge of Coventry are in, a step outside is out", "[core][validation][place]") {
  CHECK(PlaceAt(52.36, -1.62).empty());  // south-west corner
  CHECK(PlaceAt(52.47, -1.40).empty());  // north-east corner
  CHECK(PlaceAt(52.36, -1.40).empty());
  CHECK(PlaceAt(52.47, -1.62).empty());
  CHECK(PlaceAt(52.4081, -1.5106).empty());  // the city centre

  const std::string message = "This place is outside Coventry. Safe Spaces only maps places in Coventry.";
  CHECK(MessageFor(PlaceAt(std::nextafter(52.36, 0.0), -1.5), "lat") == message);
  CHECK(MessageFor(PlaceAt(std::nextafter(52.47, 90.0), -1.5), "lat") == message);
  CHECK(MessageFor(PlaceAt(52.4, std::nextafter(-1.62, -180.0)), "lon") == message);
  CHECK(MessageFor(PlaceAt(52.4, std::nextafter(-1.40, 0.0)), "lon") == message);
  CHECK(MessageFor(PlaceAt(51.5074, -0.1278), "lat") == message);  // London
  CHECK(MessageFor(PlaceAt(0.0, 0.0), "lat") == message);
  CHECK(MessageFor(PlaceAt(-52.4, 1.5), "lat") == message);  // signs swapped
}

TEST_CASE("the area's own name is used when it is not Coventry", "[core][validation][place]") {
  const core::ValidationContext leeds{{"Leeds", 53.70, -1.80, 53.95, -1.29}, 2024, 5};
  core::Place place = samples::SamplePlace();
  CHECK(MessageFor(core::Validate(place, leeds), "lat") ==
        "This place is outside Leeds. Safe Spaces only maps places in Leeds.");
  place.lat = 53.80;
  place.lon = -1.55;
  CHECK(core::Validate(place, leeds).empty());
}

TEST_CASE("the service area contains its edges and nothing that is not a number", "[core][validation][place]") {
  const core::ServiceArea area = core::DefaultServiceArea();
  CHECK(area.name == "Coventry");
  CHECK(area.south == 52.36);
  CHECK(area.west == -1.62);
  CHECK(area.north == 52.47);
  CHECK(area.east == -1.40);
  CHECK(area.Contains(52.36, -1.62));
  CHECK(area.Contains(52.47, -1.40));
  CHECK_FALSE(area.Contains(kNaN, -1.5));
  CHECK_FALSE(area.Contains(52.4, kNaN));
  CHECK_FALSE(area.Contains(kInf, kInf));
}

TEST_CASE("a suggestion's session is optional but must be a real id", "[core][validation][suggestion]") {
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.session_id = "ABC123";
  CHECK(Fields(core::Validate(suggestion, Today())) == std::vector<std::string>{"session_id"});
}

// [SECTION] Places

TEST_CASE("an officer's place with every detail is accepted", "[core][validation][place]") {
  CHECK(core::Validate(samples::SamplePlace(), Today()).empty());
  for (core::PlaceStatus status :
       {core::PlaceStatus::Suggested, core::PlaceStatus::Approved, core::PlaceStatus::Rejected}) {
    core::Place place = samples::SamplePlace();
    place.status = status;
    CHECK(core::Validate(place, Today()).empty());
  }
}

TEST_CASE("opening notes can be 300 letters on several lines", "[core][validation][place]") {
  core::Place place = samples::SamplePlace();
  place.opening_notes = Repeat(kCoffee, 300);
  CHECK(core::Validate(place, Today()).empty());
  place.opening_notes = Repeat(kCoffee, 301);
  CHECK(MessageFor(core::Validate(place, Today()), "opening_notes") ==
        "The opening times are a bit long. Please keep them to 300 letters.");
  place.opening_notes = "Mon\x01";
  CHECK(HasField(core::Validate(place, Today()), "opening_notes"));
}

TEST_CASE("a merged place points to another real place, and only a merged one does", "[core][validation][place]") {
  core::Place place = samples::SamplePlace();
  place.status = core::PlaceStatus::Merged;
  place.merged_into = samples::kOtherPlaceId;
  CHECK(core::Validate(place, Today()).empty());

  place.merged_into = "";
  CHECK(MessageFor(core::Validate(place, Today()), "merged_into") == "Please pick the place this one was merged into.");
  place.merged_into = place.id;
  CHECK(MessageFor(core::Validate(place, Today()), "merged_into") ==
        "A place can't be merged into itself. Please pick another place.");

  place.status = core::PlaceStatus::Approved;
  place.merged_into = samples::kOtherPlaceId;
  CHECK(MessageFor(core::Validate(place, Today()), "merged_into") == "Only a merged place can point to another place.");

  place.merged_into = "";
  place.status = static_cast<core::PlaceStatus>(8);
  CHECK(Fields(core::Validate(place, Today())) == std::vector<std::string>{"status"});
}

TEST_CASE("a place name follows the same rules as a suggested one", "[core][validation][place]") {
  core::Place place = samples::SamplePlace();
  place.name = "X";
  CHECK(Fields(core::Validate(place, Today())) == std::vector<std::string>{"name"});
  place.name = Repeat(kSmile, 80);
  CHECK(core::Validate(place, Today()).empty());
  place.id = "";
  CHECK(Fields(core::Validate(place, Today())) == std::vector<std::string>{"id"});
}

// [SECTION] Withdrawals

TEST_CASE("taking something back needs the ids of the item, the device and the target",
          "[core][validation][withdrawal]") {
  CHECK(core::Validate(samples::SampleWithdrawal(), Today()).empty());
  CHECK(core::Validate(core::OutboxItem{samples::SampleWithdrawal()}, Today()).empty());

  core::Withdrawal withdrawal = samples::SampleWithdrawal();
  withdrawal.target_id = "";
  CHECK(Fields(core::Validate(withdrawal, Today())) == std::vector<std::string>{"target_id"});
  withdrawal.target_id = withdrawal.id;  // can't take back itself
  CHECK(Fields(core::Validate(withdrawal, Today())) == std::vector<std::string>{"target_id"});
  withdrawal = {"", "", ""};
  CHECK(Fields(core::Validate(withdrawal, Today())) == std::vector<std::string>{"id", "device_id", "target_id"});
}

TEST_CASE("an outbox item is checked by the rules of what it holds", "[core][validation]") {
  core::Rating rating = samples::SampleRating();
  rating.visit_month = "";
  CHECK(Fields(core::Validate(core::OutboxItem{rating}, Today())) == std::vector<std::string>{"visit_month"});
  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.name = "";
  CHECK(Fields(core::Validate(core::OutboxItem{suggestion}, Today())) == std::vector<std::string>{"name"});
}

TEST_CASE("a broken rule becomes an API error for that field", "[core][validation]") {
  const core::ApiError error = core::ToApiError({"first_rating.visit_month", "Please pick the month you went."});
  CHECK(error.code == core::ErrorCode::InvalidField);
  CHECK(error.field == "first_rating.visit_month");
  CHECK(error.message == "Please pick the month you went.");
  CHECK(core::HttpStatusFor(error.code) == 422);
}

// [SECTION] Words of the messages

TEST_CASE("every message is short, kind and in plain words", "[core][validation][words]") {
  // Break everything that can be broken and read every message we get back.
  core::Suggestion suggestion;
  suggestion.id = "x";
  suggestion.name = "\n";
  suggestion.category = static_cast<core::Category>(99);
  suggestion.lat = 10;
  suggestion.address = Repeat("a", 201);
  suggestion.why = "\xFF";
  suggestion.reasons = {core::SafeReason::Quiet, core::SafeReason::Quiet};
  suggestion.first_rating.scales[0] = 8;
  suggestion.first_rating.facilities[0] = static_cast<core::Answer>(8);
  suggestion.first_rating.comment = "\x01";
  suggestion.first_rating.visit_month = "2019-01";
  suggestion.session_id = "x";
  std::vector<FieldError> errors = core::Validate(suggestion, Today());
  core::Place place;
  place.name = Repeat("a", 81);
  place.lat = kNaN;
  place.opening_notes = Repeat("a", 301);
  place.status = core::PlaceStatus::Merged;
  for (const FieldError& error : core::Validate(place, Today())) errors.push_back(error);
  core::Rating rating;
  rating.visit_month = "2099-01";
  for (const FieldError& error : core::Validate(rating, Today())) errors.push_back(error);
  REQUIRE(errors.size() > 15);

  for (const FieldError& error : errors) {
    INFO(error.field << ": " << error.message);
    CHECK_FALSE(error.message.empty());
    CHECK(error.message.back() == '.');
    CHECK(core::IsValidUtf8(error.message));
    CHECK(core::CountCharacters(error.message) <= 100);
    CHECK(error.message.find('_') == std::string::npos);  // no wire names shown to people
    for (std::string_view word : {"invalid", "Invalid", "error", "Error", "must", "fail", "submit", "sync", "UUID",
                                  "null", "illegal", "bad", "you failed"})
      CHECK(error.message.find(word) == std::string::npos);
  }
}
