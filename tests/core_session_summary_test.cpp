// Tests of core/session_summary.h: the common-words rule (lower case, letters only, 3+
// letters, no stop words, once per person, only words two or more people used, most
// first then alphabetical, at most 20), the board's statuses, faces and goal, and a
// summary added up by place and reason.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/session_summary.h"

namespace {

std::vector<std::string> Words(const std::vector<core::WordCount>& counts) {
  std::vector<std::string> words;
  for (const core::WordCount& count : counts) words.push_back(count.word);
  return words;
}

core::Rating Answers(std::vector<std::uint8_t> scales) {
  core::Rating rating;
  for (std::size_t i = 0; i < scales.size() && i < core::kScaleCount; ++i) rating.scales[i] = scales[i];
  return rating;
}

}  // namespace

TEST_CASE("common words: lower case, letters only, 3+ letters, no stop words", "[core][session]") {
  const std::vector<core::WordsOf> texts = {
      {"a", "It's QUIET and the staff are kind!! Quiet, quiet."},
      {"b", "quiet... staff KIND; no loud music. Caf\u00c9 is nice"},
      {"c", "Loud? no. it is ok, my caf\u00e9"},
  };
  const std::vector<core::WordCount> common = core::CommonWords(texts);
  // quiet: a and b (a's three uses count once); kind, staff: a and b; loud, café: b and c.
  REQUIRE(common.size() == 5);
  CHECK(common[0].count == 2);
  CHECK(Words(common) == std::vector<std::string>{"caf\u00e9", "kind", "loud", "quiet", "staff"});
  for (const core::WordCount& count : common) CHECK(count.count == 2);
}

TEST_CASE("common words: counted once per person, kept from two people, most first", "[core][session]") {
  std::vector<core::WordsOf> texts;
  // "calm" by four people, "safe" by three, "zebra" and "apple" by two, "lonely" by one
  // (who wrote it twice).
  texts.push_back({"p1", "calm safe zebra apple"});
  texts.push_back({"p2", "calm safe zebra apple"});
  texts.push_back({"p3", "calm safe"});
  texts.push_back({"p4", "calm"});
  texts.push_back({"p5", "lonely lonely"});
  texts.push_back({"p5", "lonely again"});
  const std::vector<core::WordCount> common = core::CommonWords(texts);
  CHECK(Words(common) == std::vector<std::string>{"calm", "safe", "apple", "zebra"});
  CHECK(common[0].count == 4);
  CHECK(common[1].count == 3);
}

TEST_CASE("common words: apostrophes, digits and short words", "[core][session]") {
  const std::vector<core::WordsOf> texts = {
      {"a", "don't go! 24hr wifi x2 it\u2019s fab ok"},
      {"b", "dont go. 24hr WiFi fab ok"},
  };
  // "dont" is a stop word; "go", "hr", "ok", "x" are too short; digits split "24hr".
  CHECK(Words(core::CommonWords(texts)) == std::vector<std::string>{"fab", "wifi"});
}

TEST_CASE("common words: at most twenty", "[core][session]") {
  std::string many;
  for (char c = 'a'; c <= 'y'; ++c) many += std::string("word") + c + c + " ";
  const std::vector<core::WordsOf> texts = {{"a", many}, {"b", many}};
  const std::vector<core::WordCount> common = core::CommonWords(texts);
  CHECK(common.size() == core::kMaxCommonWords);
  CHECK(common.front().word == "wordaa");  // ties alphabetical
  CHECK(core::CommonWords(std::vector<core::WordsOf>{}).empty());
}

TEST_CASE("the stop words are sorted and lower case", "[core][session]") {
  const auto words = core::StopWords();
  CHECK(std::is_sorted(words.begin(), words.end()));
  CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
  for (std::string_view word : words) {
    INFO(word);
    CHECK(word.size() >= core::kMinWordLetters);
    CHECK(std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  }
  CHECK(core::IsStopWord("the"));
  CHECK_FALSE(core::IsStopWord("quiet"));
}

TEST_CASE("board statuses, faces and goal", "[core][session]") {
  CHECK(core::BoardStatusOf(std::nullopt) == core::BoardStatus::Waiting);
  CHECK(core::BoardStatusOf(core::PlaceStatus::Suggested) == core::BoardStatus::Waiting);
  CHECK(core::BoardStatusOf(core::PlaceStatus::Approved) == core::BoardStatus::OnMap);
  CHECK(core::BoardStatusOf(core::PlaceStatus::Merged) == core::BoardStatus::OnMap);
  CHECK(core::BoardStatusOf(core::PlaceStatus::Rejected) == core::BoardStatus::NotAdded);
  CHECK(core::BoardStatusName(core::BoardStatus::OnMap) == "on_map");
  CHECK(core::BoardStatusName(core::BoardStatus::NotAdded) == "not_added");

  CHECK(core::BoardFaces(Answers({})) == 0);
  CHECK(core::BoardFaces(Answers({5, 0, 4})) == 5);  // 4.5 rounds up; 0 is skipped
  CHECK(core::BoardFaces(Answers({1, 2, 2})) == 2);
  CHECK(core::BoardFaces(Answers({3, 3, 3, 3, 3, 4})) == 3);

  CHECK(core::GoalFor(0, 0).target == 10);
  CHECK(core::GoalFor(3, 2).target == 10);
  CHECK(core::GoalFor(4, 7).target == 12);
  CHECK(core::GoalFor(4, 7).done == 7);
}

TEST_CASE("a summary adds up places, reasons and words", "[core][session]") {
  core::SessionContribution suggestion;
  suggestion.kind = core::OutboxKind::Suggestion;
  suggestion.item_id = suggestion.place_id = "s1";
  suggestion.place_name = "Quiet Corner Caf\u00e9";
  suggestion.category = core::Category::Cafe;
  suggestion.contributor = "d1";
  suggestion.answers = Answers({5, 4});
  suggestion.answers.facilities[core::IndexOf(core::Facility::StepFree)] = core::Answer::Yes;
  suggestion.why = "Quiet music and kind staff";
  suggestion.reasons = {core::SafeReason::Quiet, core::SafeReason::KindStaff};

  core::SessionContribution rating_of_it = suggestion;
  rating_of_it.kind = core::OutboxKind::Rating;
  rating_of_it.item_id = "r1";
  rating_of_it.place_name = "";  // what a rating of a new place knows
  rating_of_it.contributor = "d2";
  rating_of_it.answers = Answers({4, 0});
  rating_of_it.answers.facilities[core::IndexOf(core::Facility::StepFree)] = core::Answer::No;
  rating_of_it.why.clear();
  rating_of_it.reasons.clear();

  core::SessionContribution library;
  library.kind = core::OutboxKind::Rating;
  library.item_id = "r2";
  library.place_id = "p-lib";
  library.place_name = "Central Library";
  library.category = core::Category::Library;
  library.status = core::BoardStatus::OnMap;
  library.contributor = "d2";
  library.answers = Answers({2});

  core::SessionContribution second = suggestion;
  second.item_id = second.place_id = "s2";
  second.place_name = "Arts Hub";
  second.contributor = "d3";
  second.answers = Answers({});
  second.why = "The staff let me be quiet";
  second.reasons = {core::SafeReason::KindStaff};

  const std::vector<core::SessionContribution> shown = {library, rating_of_it, suggestion, second};
  const core::SessionSummary summary = core::Summarise(shown, 5, 2);
  CHECK(summary.people == 5);
  CHECK(summary.hidden == 2);
  CHECK(summary.suggestions == 2);
  CHECK(summary.ratings == 2);
  REQUIRE(summary.places.size() == 3);
  const core::PlaceSummary& cafe = summary.places[0];  // most ratings first
  CHECK(cafe.place_id == "s1");
  CHECK(cafe.name == "Quiet Corner Caf\u00e9");  // the suggestion's name wins
  CHECK(cafe.suggested);
  CHECK(cafe.ratings == 2);
  CHECK(core::OneDecimalMean(cafe.answers.scales[0]) == 4.5);
  CHECK(core::OneDecimalMean(cafe.answers.scales[1]) == 4.0);
  CHECK_FALSE(core::OneDecimalMean(cafe.answers.scales[2]).has_value());
  CHECK(cafe.answers.facilities[core::IndexOf(core::Facility::StepFree)].yes == 1);
  CHECK(cafe.answers.facilities[core::IndexOf(core::Facility::StepFree)].no == 1);
  CHECK(summary.places[1].name == "Arts Hub");  // one rating each: by name
  CHECK(summary.places[2].name == "Central Library");
  CHECK_FALSE(summary.places[2].suggested);

  REQUIRE(summary.reasons.size() == 2);
  CHECK(summary.reasons[0].reason == core::SafeReason::KindStaff);
  CHECK(summary.reasons[0].count == 2);
  CHECK(summary.reasons[1].reason == core::SafeReason::Quiet);
  // "quiet" and "staff" by d1 and d3; "kind" by d1 only.
  CHECK(Words(summary.common_words) == std::vector<std::string>{"quiet", "staff"});
}
