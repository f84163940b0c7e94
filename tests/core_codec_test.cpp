// Tests of core/codec: whatever a device or the server writes, the other reads back exactly;
// whatever arrives broken, the reader says which field and what is wrong, and never throws.
// [SECTION] Round trips  [SECTION] Wire shape  [SECTION] Forward compatibility
// [SECTION] Missing and wrong types  [SECTION] Unknown names and numbers  [SECTION] Not JSON
#include <catch2/catch.hpp>

#include <random>

#include "core/codec.h"
#include "core/validation.h"
#include "core_samples.h"

namespace {

using nlohmann::json;

template <class T>
T RoundTrip(const T& value) {
  const std::string text = core::DumpJson(core::ToJson(value));
  core::Parsed<T> parsed = core::ParseJson<T>(text);
  INFO(text);
  INFO(parsed.error.message);
  REQUIRE(parsed);
  return *parsed.value;
}

template <class T>
core::ApiError ErrorOf(const json& doc) {
  const core::Parsed<T> parsed = core::FromJson<T>(doc);
  INFO(core::DumpJson(doc));
  REQUIRE_FALSE(parsed);
  CHECK_FALSE(parsed.error.message.empty());
  CHECK(core::IsValidUtf8(parsed.error.message));
  return parsed.error;
}

json Without(json doc, const std::string& key) {
  doc.erase(key);
  return doc;
}

json With(json doc, const json::json_pointer& where, json value) {
  doc[where] = std::move(value);
  return doc;
}

core::Rating FullRating() {
  core::Rating rating = samples::SampleRating();
  for (core::Scale scale : core::kAllScales) rating.scales[core::IndexOf(scale)] = 1 + core::IndexOf(scale) % 5;
  const core::Answer answers[] = {core::Answer::Yes, core::Answer::No, core::Answer::NotSure};
  for (core::Facility facility : core::kAllFacilities)
    rating.facilities[core::IndexOf(facility)] = answers[core::IndexOf(facility) % 3];
  rating.comment = "Caf\u00e9 \u2615 was calm \U0001F600\nand \"quiet\" \\ nice";
  rating.session_id = samples::kSessionId;
  return rating;
}

}  // namespace

// [SECTION] Round trips

TEST_CASE("a rating comes back exactly as it was sent", "[core][codec]") {
  CHECK(RoundTrip(samples::SampleRating()) == samples::SampleRating());
  CHECK(RoundTrip(FullRating()) == FullRating());
  core::Rating bare = samples::SampleRating();
  bare.comment.clear();
  bare.facilities = {};
  CHECK(RoundTrip(bare) == bare);
}

TEST_CASE("a place comes back exactly, for every kind and status", "[core][codec]") {
  for (core::Category category : core::kAllCategories) {
    core::Place place = samples::SamplePlace();
    place.category = category;
    CHECK(RoundTrip(place) == place);
  }
  for (core::PlaceStatus status : {core::PlaceStatus::Suggested, core::PlaceStatus::Approved,
                                   core::PlaceStatus::Rejected, core::PlaceStatus::Merged}) {
    core::Place place = samples::SamplePlace();
    place.status = status;
    if (status == core::PlaceStatus::Merged) place.merged_into = samples::kOtherPlaceId;
    CHECK(RoundTrip(place) == place);
  }
  core::Place bare = samples::SamplePlace();
  bare.address.clear();
  bare.opening_notes.clear();
  CHECK(RoundTrip(bare) == bare);
}

TEST_CASE("a pin's position keeps every digit through JSON", "[core][codec]") {
  core::Place place = samples::SamplePlace();
  for (auto [lat, lon] : {std::pair{52.40812345678912, -1.5106789012345678}, std::pair{52.36, -1.62},
                          std::pair{0.1 + 0.2, -0.0}, std::pair{1e-300, -1e300}}) {
    place.lat = lat;
    place.lon = lon;
    const core::Place back = RoundTrip(place);
    CHECK(back.lat == lat);
    CHECK(back.lon == lon);
  }
}

TEST_CASE("a suggestion comes back exactly, with its first rating", "[core][codec]") {
  CHECK(RoundTrip(samples::SampleSuggestion()) == samples::SampleSuggestion());
  core::Suggestion full = samples::SampleSuggestion();
  full.first_rating = FullRating();
  CHECK(RoundTrip(full) == full);
  core::Suggestion minimal = samples::SampleSuggestion();
  minimal.address.clear();
  minimal.why.clear();
  minimal.reasons.clear();
  minimal.session_id.clear();
  CHECK(RoundTrip(minimal) == minimal);
}

TEST_CASE("a suggestion's tapped reasons come back as sent, in order", "[core][codec][reasons]") {
  core::Suggestion every = samples::SampleSuggestion();
  every.reasons.assign(core::kAllSafeReasons.rbegin(), core::kAllSafeReasons.rend());
  CHECK(RoundTrip(every) == every);
  core::Suggestion reasons_only = samples::SampleSuggestion();
  reasons_only.why.clear();
  reasons_only.reasons = {core::SafeReason::FeelSafe};
  CHECK(RoundTrip(reasons_only) == reasons_only);
  // Repeats are read as sent: whether they are allowed is for the rules (validation.h).
  core::Suggestion twice = samples::SampleSuggestion();
  twice.reasons = {core::SafeReason::Quiet, core::SafeReason::Quiet};
  CHECK(RoundTrip(twice) == twice);
}

TEST_CASE("a withdrawal comes back exactly", "[core][codec]") {
  CHECK(RoundTrip(samples::SampleWithdrawal()) == samples::SampleWithdrawal());
}

TEST_CASE("every kind of outbox item comes back as the same kind", "[core][codec]") {
  for (const core::OutboxItem& item : {core::OutboxItem{FullRating()}, core::OutboxItem{samples::SampleSuggestion()},
                                       core::OutboxItem{samples::SampleWithdrawal()}}) {
    const core::OutboxItem back = RoundTrip(item);
    CHECK(back == item);
    CHECK(back.Kind() == item.Kind());
    CHECK(core::ToJson(item)["kind"] == core::OutboxKindName(item.Kind()));
  }
}

TEST_CASE("a place's profile comes back exactly", "[core][codec]") {
  CHECK(RoundTrip(core::InclusionProfile{}) == core::InclusionProfile{});
  std::mt19937 rng(8);
  std::vector<core::Rating> ratings(120);
  for (core::Rating& rating : ratings) {
    for (std::uint8_t& faces : rating.scales) faces = static_cast<std::uint8_t>(rng() % 6);
    for (core::Answer& answer : rating.facilities) answer = static_cast<core::Answer>(rng() % 4);
  }
  const core::InclusionProfile profile = core::Aggregate(ratings);
  CHECK(RoundTrip(profile) == profile);
}

TEST_CASE("letters from every language and emoji survive, escaped or not", "[core][codec]") {
  const core::Parsed<core::Rating> escaped = core::ParseJson<core::Rating>(
      R"({"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c","place_id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",)"
      R"("device_id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d","visit_month":"2024-05",)"
      R"("comment":"Caf\u00e9 \u2615 \ud83d\ude00"})");
  REQUIRE(escaped);
  CHECK(escaped.value->comment == "Caf\u00e9 \u2615 \U0001F600");
  CHECK(core::DumpJson(core::ToJson(*escaped.value)).find("Caf\u00e9 \u2615 \U0001F600") != std::string::npos);
}

// [SECTION] Wire shape

TEST_CASE("a rating is written with snake_case keys and only the questions answered", "[core][codec]") {
  const json expected = json::parse(R"({
    "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
    "place_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    "device_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d",
    "scales": {"welcome": 5, "quiet": 4},
    "facilities": {"step_free": "yes", "hearing_loop": "not_sure"},
    "comment": "The staff let me sit in the quiet corner.",
    "visit_month": "2024-05"
  })");
  CHECK(core::ToJson(samples::SampleRating()) == expected);
}

TEST_CASE("empty optional text is left out, and a rating with no answers still has its two groups", "[core][codec]") {
  core::Rating rating = samples::SampleRating();
  rating.comment.clear();
  rating.scales = {};
  rating.facilities = {};
  const json doc = core::ToJson(rating);
  CHECK_FALSE(doc.contains("comment"));
  CHECK_FALSE(doc.contains("session_id"));
  CHECK(doc["scales"] == json::object());
  CHECK(doc["facilities"] == json::object());

  const json place = core::ToJson(core::Place{samples::kPlaceId, "Park", core::Category::Park, 52.4, -1.5});
  CHECK_FALSE(place.contains("address"));
  CHECK_FALSE(place.contains("opening_notes"));
  CHECK_FALSE(place.contains("merged_into"));
  CHECK(place["status"] == "suggested");
  CHECK(place["category"] == "park");
}

TEST_CASE("a place, a suggestion and a withdrawal are written with their wire names", "[core][codec]") {
  core::Place merged = samples::SamplePlace();
  merged.status = core::PlaceStatus::Merged;
  merged.merged_into = samples::kOtherPlaceId;
  const json place = core::ToJson(merged);
  CHECK(place == json{{"id", samples::kPlaceId},
                      {"name", "Caf\u00e9 \u2615"},
                      {"category", "cafe"},
                      {"lat", 52.4068},
                      {"lon", -1.5197},
                      {"address", "1 High Street, Coventry"},
                      {"opening_notes", "Monday to Friday 9 to 5.\nQuiet hour on Tuesday at 10."},
                      {"status", "merged"},
                      {"merged_into", samples::kOtherPlaceId}});

  const json suggestion = core::ToJson(samples::SampleSuggestion());
  CHECK(suggestion["category"] == "library");
  CHECK(suggestion["why"] == "It is calm and\nthe staff are kind.");
  CHECK(suggestion["session_id"] == samples::kSessionId);
  CHECK(suggestion["first_rating"] == core::ToJson(samples::SampleRating()));
  CHECK(suggestion["reasons"] == json::array({"kind_staff", "quiet"}));
  core::Suggestion no_reasons = samples::SampleSuggestion();
  no_reasons.reasons.clear();
  CHECK_FALSE(core::ToJson(no_reasons).contains("reasons"));  // absent, like other empty optional fields

  CHECK(core::ToJson(samples::SampleWithdrawal()) ==
        json{{"id", samples::kWithdrawalId}, {"device_id", samples::kDeviceId}, {"target_id", samples::kRatingId}});

  const json item = core::ToJson(core::OutboxItem{samples::SampleWithdrawal()});
  CHECK(item == json{{"kind", "withdrawal"},
                     {"id", samples::kWithdrawalId},
                     {"device_id", samples::kDeviceId},
                     {"target_id", samples::kRatingId}});
}

TEST_CASE("a profile lists every question, with counts and the bars of faces", "[core][codec]") {
  core::InclusionProfile profile;
  core::AddRating(profile, samples::SampleRating());
  const json doc = core::ToJson(profile);
  CHECK(doc["rating_count"] == 1);
  CHECK(doc["scales"].size() == core::kScaleCount);
  CHECK(doc["facilities"].size() == core::kFacilityCount);
  CHECK(doc["scales"]["quiet"] == json{{"count", 1}, {"distribution", {0, 0, 0, 1, 0}}});
  CHECK(doc["scales"]["gentle_lighting"] == json{{"count", 0}, {"distribution", {0, 0, 0, 0, 0}}});
  CHECK(doc["facilities"]["hearing_loop"] == json{{"yes", 0}, {"no", 0}, {"not_sure", 1}});
  CHECK(doc["facilities"]["step_free"] == json{{"yes", 1}, {"no", 0}, {"not_sure", 0}});
}

TEST_CASE("text that is not UTF-8 is still written, never thrown on", "[core][codec]") {
  core::Rating rating = samples::SampleRating();
  rating.comment = "bad \xFF\xC0 bytes";
  std::string text;
  REQUIRE_NOTHROW(text = core::DumpJson(core::ToJson(rating)));
  const core::Parsed<core::Rating> back = core::ParseJson<core::Rating>(text);
  REQUIRE(back);
  CHECK(core::IsValidUtf8(back.value->comment));
  CHECK(back.value->comment.find("\uFFFD") != std::string::npos);
}

// [SECTION] Forward compatibility

TEST_CASE("fields from a newer app are ignored, so older code still reads the item", "[core][codec]") {
  json rating = core::ToJson(samples::SampleRating());
  rating["mood"] = "happy";
  rating["scales"]["sparkly"] = 5;
  rating["facilities"]["lift"] = "yes";
  const core::Parsed<core::Rating> read = core::FromJson<core::Rating>(rating);
  REQUIRE(read);
  CHECK(*read.value == samples::SampleRating());

  json suggestion = core::ToJson(samples::SampleSuggestion());
  suggestion["photo"] = json::array({1, 2, 3});
  suggestion["first_rating"]["extra"] = json::object();
  REQUIRE(core::FromJson<core::Suggestion>(suggestion));

  json place = core::ToJson(samples::SamplePlace());
  place["scheme"] = {{"sticker_shown", true}};
  REQUIRE(core::FromJson<core::Place>(place));

  json profile = core::ToJson(core::InclusionProfile{});
  profile["scales"]["sparkly"] = {{"count", "many"}};
  profile["trend"] = "up";
  REQUIRE(core::FromJson<core::InclusionProfile>(profile));
}

TEST_CASE("null means 'not given': fine for optional fields, missing for required ones", "[core][codec]") {
  json rating = core::ToJson(samples::SampleRating());
  rating["comment"] = nullptr;
  rating["session_id"] = nullptr;
  rating["scales"]["quiet"] = nullptr;
  rating["facilities"]["step_free"] = nullptr;
  const core::Parsed<core::Rating> read = core::FromJson<core::Rating>(rating);
  REQUIRE(read);
  CHECK(read.value->comment.empty());
  CHECK(read.value->scales[core::IndexOf(core::Scale::Quiet)] == 0);
  CHECK(read.value->facilities[core::IndexOf(core::Facility::StepFree)] == core::Answer::Unanswered);

  rating["visit_month"] = nullptr;
  const core::ApiError error = ErrorOf<core::Rating>(rating);
  CHECK(error.field == "visit_month");
  CHECK(error.message == "\"visit_month\" is missing.");
}

TEST_CASE("a rating without its groups of answers reads as all skipped", "[core][codec]") {
  json rating = core::ToJson(samples::SampleRating());
  rating.erase("scales");
  rating.erase("facilities");
  const core::Parsed<core::Rating> read = core::FromJson<core::Rating>(rating);
  REQUIRE(read);
  CHECK_FALSE(core::HasAnyAnswer(*read.value));
}

TEST_CASE("a profile that leaves out a question reads it as unanswered", "[core][codec]") {
  const core::Parsed<core::InclusionProfile> read = core::FromJson<core::InclusionProfile>(
      json{{"rating_count", 2}, {"scales", {{"quiet", {{"count", 2}, {"distribution", {0, 0, 0, 0, 2}}}}}}});
  REQUIRE(read);
  CHECK(read.value->rating_count == 2);
  CHECK(read.value->scales[core::IndexOf(core::Scale::Quiet)].Mean() == 5.0);
  CHECK(read.value->scales[core::IndexOf(core::Scale::Welcome)].count == 0);
  CHECK(read.value->facilities[0] == core::FacilitySummary{});
}

// [SECTION] Missing and wrong types

TEST_CASE("each required field that is missing is named", "[core][codec]") {
  const json rating = core::ToJson(samples::SampleRating());
  for (const std::string key : {"id", "place_id", "device_id", "visit_month"}) {
    const core::ApiError error = ErrorOf<core::Rating>(Without(rating, key));
    CHECK(error.code == core::ErrorCode::BadRequest);
    CHECK(error.field == key);
    CHECK(error.message == "\"" + key + "\" is missing.");
  }
  const json place = core::ToJson(samples::SamplePlace());
  for (const std::string key : {"id", "name", "category", "lat", "lon", "status"})
    CHECK(ErrorOf<core::Place>(Without(place, key)).field == key);
  const json suggestion = core::ToJson(samples::SampleSuggestion());
  for (const std::string key : {"id", "device_id", "name", "category", "lat", "lon", "first_rating"})
    CHECK(ErrorOf<core::Suggestion>(Without(suggestion, key)).field == key);
  const json withdrawal = core::ToJson(samples::SampleWithdrawal());
  for (const std::string key : {"id", "device_id", "target_id"})
    CHECK(ErrorOf<core::Withdrawal>(Without(withdrawal, key)).field == key);
  CHECK(ErrorOf<core::InclusionProfile>(json::object()).field == "rating_count");
  CHECK(ErrorOf<core::OutboxItem>(Without(core::ToJson(core::OutboxItem{samples::SampleWithdrawal()}), "kind")).field ==
        "kind");
}

TEST_CASE("a field of the wrong type is named, with what it should be", "[core][codec]") {
  using P = json::json_pointer;
  const json rating = core::ToJson(samples::SampleRating());
  struct Case {
    P where;
    json value;
    std::string field;
    std::string message;
  };
  const std::vector<Case> rating_cases = {
      {P("/id"), 5, "id", "\"id\" should be text, but it is a number."},
      {P("/place_id"), false, "place_id", "\"place_id\" should be text, but it is true or false."},
      {P("/device_id"), json::array(), "device_id", "\"device_id\" should be text, but it is a list."},
      {P("/scales"), json::array({4}), "scales", "\"scales\" should be an object, but it is a list."},
      {P("/scales"), "quiet", "scales", "\"scales\" should be an object, but it is text."},
      {P("/scales/quiet"), "4", "scales.quiet", "\"scales.quiet\" should be a whole number from 1 to 5."},
      {P("/facilities"), 3, "facilities", "\"facilities\" should be an object, but it is a number."},
      {P("/facilities/step_free"), true, "facilities.step_free",
       "\"facilities.step_free\" should be text, but it is true or false."},
      {P("/comment"), json::object(), "comment", "\"comment\" should be text, but it is an object."},
      {P("/visit_month"), 202405, "visit_month", "\"visit_month\" should be text, but it is a number."},
      {P("/session_id"), 1.5, "session_id", "\"session_id\" should be text, but it is a number."},
  };
  for (const Case& c : rating_cases) {
    const core::ApiError error = ErrorOf<core::Rating>(With(rating, c.where, c.value));
    CHECK(error.code == core::ErrorCode::BadRequest);
    CHECK(error.field == c.field);
    CHECK(error.message == c.message);
  }

  const json place = core::ToJson(samples::SamplePlace());
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{{"id", 1},
                                                                            {"name", json::object()},
                                                                            {"category", 3},
                                                                            {"lat", "52.4"},
                                                                            {"lon", true},
                                                                            {"address", 1},
                                                                            {"opening_notes", json::array()},
                                                                            {"status", false},
                                                                            {"merged_into", 7}}) {
    const core::ApiError error = ErrorOf<core::Place>(With(place, P("/" + key), value));
    CHECK(error.code == core::ErrorCode::BadRequest);
    CHECK(error.field == key);
  }
  CHECK(ErrorOf<core::Place>(With(place, P("/lat"), "52.4")).message == "\"lat\" should be a number, but it is text.");

  const json suggestion = core::ToJson(samples::SampleSuggestion());
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{{"why", 1},
                                                                            {"address", json::array()},
                                                                            {"session_id", true},
                                                                            {"first_rating", "good"},
                                                                            {"lon", json::object()}})
    CHECK(ErrorOf<core::Suggestion>(With(suggestion, P("/" + key), value)).field == key);

  const json withdrawal = core::ToJson(samples::SampleWithdrawal());
  CHECK(ErrorOf<core::Withdrawal>(With(withdrawal, P("/target_id"), 9)).field == "target_id");
}

TEST_CASE("a problem inside a suggestion's first rating is named under first_rating", "[core][codec]") {
  using P = json::json_pointer;
  const json suggestion = core::ToJson(samples::SampleSuggestion());
  CHECK(ErrorOf<core::Suggestion>(With(suggestion, P("/first_rating/scales/quiet"), 6)).field ==
        "first_rating.scales.quiet");
  CHECK(ErrorOf<core::Suggestion>(With(suggestion, P("/first_rating/facilities/step_free"), "maybe")).field ==
        "first_rating.facilities.step_free");
  json no_month = suggestion;
  no_month["first_rating"].erase("visit_month");
  const core::ApiError error = ErrorOf<core::Suggestion>(no_month);
  CHECK(error.field == "first_rating.visit_month");
  CHECK(error.message == "\"first_rating.visit_month\" is missing.");
  CHECK(ErrorOf<core::Suggestion>(With(suggestion, P("/first_rating"), json::array())).message ==
        "\"first_rating\" should be an object, but it is a list.");
}

TEST_CASE("something that is not an object is not taken for an item", "[core][codec]") {
  for (const json& doc : {json::array(), json("rating"), json(4), json(true), json(nullptr)}) {
    CHECK(ErrorOf<core::Rating>(doc).code == core::ErrorCode::BadRequest);
    CHECK(ErrorOf<core::Place>(doc).field.empty());
    CHECK_FALSE(core::FromJson<core::Suggestion>(doc));
    CHECK_FALSE(core::FromJson<core::Withdrawal>(doc));
    CHECK_FALSE(core::FromJson<core::OutboxItem>(doc));
    CHECK_FALSE(core::FromJson<core::InclusionProfile>(doc));
  }
  CHECK(ErrorOf<core::Rating>(json::array()).message == "This should be an object, but it is a list.");
}

// [SECTION] Unknown names and numbers

TEST_CASE("an unknown kind of place, status, answer or item kind is named, with what is known", "[core][codec]") {
  using P = json::json_pointer;
  const core::ApiError category =
      ErrorOf<core::Place>(With(core::ToJson(samples::SamplePlace()), P("/category"), "pub"));
  CHECK(category.code == core::ErrorCode::InvalidField);
  CHECK(category.field == "category");
  CHECK(category.message ==
        "\"category\" should be a kind of place we know, like \"library\" or \"park\", not \"pub\".");

  const core::ApiError status = ErrorOf<core::Place>(With(core::ToJson(samples::SamplePlace()), P("/status"), "live"));
  CHECK(status.code == core::ErrorCode::InvalidField);
  CHECK(status.message ==
        "\"status\" should be \"suggested\", \"approved\", \"rejected\" or \"merged\", not \"live\".");

  const core::ApiError answer =
      ErrorOf<core::Rating>(With(core::ToJson(samples::SampleRating()), P("/facilities/step_free"), "maybe"));
  CHECK(answer.code == core::ErrorCode::InvalidField);
  CHECK(answer.field == "facilities.step_free");
  CHECK(answer.message == "\"facilities.step_free\" should be \"yes\", \"no\" or \"not_sure\", not \"maybe\".");

  const json unanswered = With(core::ToJson(samples::SampleRating()), P("/facilities/step_free"), "unanswered");
  CHECK(ErrorOf<core::Rating>(unanswered).field == "facilities.step_free");

  const core::ApiError kind = ErrorOf<core::OutboxItem>(json{{"kind", "vote"}});
  CHECK(kind.code == core::ErrorCode::InvalidField);
  CHECK(kind.field == "kind");
  CHECK(kind.message == "\"kind\" should be \"rating\", \"suggestion\" or \"withdrawal\", not \"vote\".");
  CHECK(ErrorOf<core::OutboxItem>(json{{"kind", 1}}).code == core::ErrorCode::BadRequest);

  const json category_names_are_exact = With(core::ToJson(samples::SamplePlace()), P("/category"), "Library");
  CHECK(ErrorOf<core::Place>(category_names_are_exact).field == "category");
}

TEST_CASE("a reason for a safe space that we don't know is named, with what is known", "[core][codec][reasons]") {
  using P = json::json_pointer;
  const json suggestion = core::ToJson(samples::SampleSuggestion());
  const core::ApiError unknown =
      ErrorOf<core::Suggestion>(With(suggestion, P("/reasons"), json::array({"quiet", "free_wifi"})));
  CHECK(unknown.code == core::ErrorCode::InvalidField);
  CHECK(unknown.field == "reasons");
  CHECK(unknown.message ==
        "\"reasons\" should list a reason we know, like \"quiet\" or \"kind_staff\", not \"free_wifi\".");
  CHECK(ErrorOf<core::Suggestion>(With(suggestion, P("/reasons"), json::array({"Quiet"}))).field == "reasons");

  const core::ApiError not_a_list = ErrorOf<core::Suggestion>(With(suggestion, P("/reasons"), "quiet"));
  CHECK(not_a_list.code == core::ErrorCode::BadRequest);
  CHECK(not_a_list.field == "reasons");
  CHECK(not_a_list.message == "\"reasons\" should be a list, but it is text.");
  const core::ApiError not_names = ErrorOf<core::Suggestion>(With(suggestion, P("/reasons"), json::array({1})));
  CHECK(not_names.code == core::ErrorCode::BadRequest);
  CHECK(not_names.field == "reasons");

  // Left out, null or empty: no reasons tapped.
  for (const json& none : {json(nullptr), json::array()}) {
    const core::Parsed<core::Suggestion> read = core::FromJson<core::Suggestion>(With(suggestion, P("/reasons"), none));
    REQUIRE(read);
    CHECK(read.value->reasons.empty());
  }
}

TEST_CASE("an outbox item of one kind is read by the rules of that kind", "[core][codec]") {
  json item = core::ToJson(core::OutboxItem{samples::SampleRating()});
  item["kind"] = "withdrawal";  // a rating's fields, but no target_id
  CHECK(ErrorOf<core::OutboxItem>(item).field == "target_id");
  item["kind"] = "suggestion";
  CHECK(ErrorOf<core::OutboxItem>(item).field == "name");
}

TEST_CASE("faces are whole numbers from 1 to 5, and 0 means skipped", "[core][codec]") {
  using P = json::json_pointer;
  const json rating = core::ToJson(samples::SampleRating());
  for (int faces = 0; faces <= 5; ++faces) {
    const core::Parsed<core::Rating> read = core::FromJson<core::Rating>(With(rating, P("/scales/quiet"), faces));
    REQUIRE(read);
    CHECK(read.value->scales[core::IndexOf(core::Scale::Quiet)] == faces);
  }
  for (const json& faces : {json(6), json(-1), json(256), json(1000000), json(std::numeric_limits<std::int64_t>::min()),
                            json(std::numeric_limits<std::uint64_t>::max())}) {
    const core::ApiError error = ErrorOf<core::Rating>(With(rating, P("/scales/quiet"), faces));
    CHECK(error.code == core::ErrorCode::InvalidField);
    CHECK(error.field == "scales.quiet");
    CHECK(error.message == "\"scales.quiet\" should be a whole number from 1 to 5.");
  }
  for (const json& faces : {json(2.5), json(4.0), json(1e30), json("4"), json(true), json::array({4})}) {
    const core::ApiError error = ErrorOf<core::Rating>(With(rating, P("/scales/quiet"), faces));
    CHECK(error.code == core::ErrorCode::BadRequest);
    CHECK(error.field == "scales.quiet");
  }
}

TEST_CASE("a position may be any number, and the rules say whether it is in Coventry", "[core][codec]") {
  const json place = With(core::ToJson(samples::SamplePlace()), json::json_pointer("/lat"), 7);  // an integer
  const core::Parsed<core::Place> read = core::FromJson<core::Place>(place);
  REQUIRE(read);
  CHECK(read.value->lat == 7.0);
  CHECK(core::Validate(*read.value, samples::Today()).size() == 1);
}

TEST_CASE("a profile's numbers must add up and can't be negative", "[core][codec]") {
  using P = json::json_pointer;
  core::InclusionProfile profile;
  core::AddRating(profile, samples::SampleRating());
  const json doc = core::ToJson(profile);

  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/rating_count"), -1)).field == "rating_count");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/rating_count"), 3000000000LL)).field == "rating_count");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/rating_count"), "1")).field == "rating_count");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/scales"), json::array())).field == "scales");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/scales/quiet"), 4)).field == "scales.quiet");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/scales/quiet/count"), 2)).field == "scales.quiet.count");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/scales/quiet/count"), 2)).code == core::ErrorCode::InvalidField);
  json no_bars = doc;
  no_bars["scales"]["quiet"].erase("distribution");
  CHECK(ErrorOf<core::InclusionProfile>(no_bars).field == "scales.quiet.distribution");
  for (const json& bars : {json::array({0, 0, 0, 1}), json::array({0, 0, 0, 1, 0, 0}), json::array({0, 0, 0, -1, 2}),
                           json::array({0, 0, 0, 1.0, 0}), json("0,0,0,1,0"), json::object()}) {
    const core::ApiError error = ErrorOf<core::InclusionProfile>(With(doc, P("/scales/quiet/distribution"), bars));
    CHECK(error.field == "scales.quiet.distribution");
    CHECK(error.message == "\"scales.quiet.distribution\" should be a list of 5 whole numbers, 0 or more.");
  }
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/facilities/step_free/yes"), -3)).field ==
        "facilities.step_free.yes");
  CHECK(ErrorOf<core::InclusionProfile>(With(doc, P("/facilities/step_free"), "yes")).field == "facilities.step_free");
}

// [SECTION] Not JSON

TEST_CASE("text that is not JSON is caught without a crash or a throw", "[core][codec]") {
  for (const std::string text :
       {"", " ", "{", "}", "nul", "{\"id\":}", "{'id': 'x'}", "{\"id\": \"x\",}", "<html>502 Bad Gateway</html>",
        "{\"comment\": \"\xFF\"}", "{\"comment\": \"\\ud800\"}", "{\"a\":1} trailing", "\"unterminated"}) {
    INFO(text);
    core::Parsed<core::Rating> parsed;
    REQUIRE_NOTHROW(parsed = core::ParseJson<core::Rating>(text));
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error.code == core::ErrorCode::BadRequest);
    CHECK(parsed.error.field.empty());
    CHECK(parsed.error.message == "We could not read what was sent: it is not JSON.");
  }
}

// Found by fuzz_sync_batch: the JSON library stops reading at a NUL byte, so what came
// after one was never looked at, and a request with anything after a NUL was read as JSON.
TEST_CASE("a NUL byte anywhere makes text not JSON, whatever comes before it", "[core][codec]") {
  const std::string rating = core::DumpJson(core::ToJson(samples::SampleRating()));
  REQUIRE(core::ParseJson<core::Rating>(rating));
  for (const std::string& text : {rating + std::string(1, '\0'), rating + std::string("\0[[[[", 5),
                                  std::string("\"comments\"\0\0[[]]", 16), std::string("\0", 1)}) {
    INFO(text.size() << " bytes");
    const core::Parsed<core::Rating> parsed = core::ParseJson<core::Rating>(text);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error.code == core::ErrorCode::BadRequest);
    CHECK_FALSE(core::ParseJsonText(text));
  }
  // An escaped NUL inside a string is JSON.
  CHECK(core::ParseJsonText("{\"comment\": \"a\\u0000b\"}"));
}

TEST_CASE("very deep or very odd JSON is answered calmly", "[core][codec]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  core::Parsed<core::Withdrawal> parsed;
  REQUIRE_NOTHROW(parsed = core::ParseJson<core::Withdrawal>(deep));
  CHECK_FALSE(parsed);

  // A number too big for a double is either refused as JSON or read as infinity; either way
  // the place is not kept.
  std::string huge = core::DumpJson(core::ToJson(samples::SamplePlace()));
  const std::size_t at = huge.find("52.4068");
  REQUIRE(at != std::string::npos);
  huge.replace(at, 7, "1e400");
  core::Parsed<core::Place> place;
  REQUIRE_NOTHROW(place = core::ParseJson<core::Place>(huge));
  if (place) CHECK(core::Validate(*place.value, samples::Today()).size() == 1);
}

TEST_CASE("every reading error can be sent back as an API error", "[core][codec]") {
  using P = json::json_pointer;
  const std::string long_name = std::string(500, 'x');
  const core::ApiError error =
      ErrorOf<core::Place>(With(core::ToJson(samples::SamplePlace()), P("/category"), long_name));
  CHECK(core::CountCharacters(error.message) < 150);  // a long value is cut short
  CHECK(error.message.find("\u2026") != std::string::npos);
  const std::optional<core::ApiError> back = core::ErrorFromJson(core::ErrorToJson(error));
  REQUIRE(back);
  CHECK(back->message == error.message);
  CHECK(back->field == "category");

  const std::string emoji_name = core::TrimText(samples::Repeat("\U0001F600", 60));
  const core::ApiError emoji =
      ErrorOf<core::Place>(With(core::ToJson(samples::SamplePlace()), P("/category"), emoji_name));
  CHECK(core::IsValidUtf8(emoji.message));  // cut between letters, never inside one
  REQUIRE_NOTHROW(core::ErrorToJson(emoji));

  const core::ApiError broken =
      ErrorOf<core::Place>(With(core::ToJson(samples::SamplePlace()), P("/category"), "pub\xFF"));
  CHECK(core::IsValidUtf8(broken.message));
  REQUIRE_NOTHROW(core::ErrorToJson(broken));
}
