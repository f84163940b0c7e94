// The rules of a co-production session's board and summary, as pure functions: what a
// board item says about its place ("waiting", "on the map"), its faces, the group's goal,
// and the summary a youth worker takes away (places with their answers, the reasons
// tapped, the words several young people used). No SQL and no HTTP: the store gathers the
// contributions (store/session_board.h), the server writes them out
// (server/session_report.h). Start at Summarise; the word rule is CommonWords.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/profile.h"

namespace core {

// [SECTION] The board

// What became of an item's place, as a board and a summary say it.
enum class BoardStatus { Waiting, OnMap, NotAdded };
std::string_view BoardStatusName(BoardStatus status);   // "waiting", "on_map", "not_added"
std::string_view BoardStatusLabel(BoardStatus status);  // "Waiting for a check", "On the map", "Not added"
// From the place's status; nullopt when the place is not here (yet): still waiting. A
// place merged into another is on the map (as the other).
BoardStatus BoardStatusOf(std::optional<PlaceStatus> place_status);

// The mean of the scales answered, rounded to whole faces (1..5); 0 when none was.
int BoardFaces(const Rating& rating);

inline constexpr int kMinGoalTarget = 10;      // items: the smallest goal a group gets
inline constexpr int kGoalItemsPerPerson = 3;  // items each person who joined adds to it

struct SessionGoal {
  int done = 0;    // items on the board
  int target = 0;  // max(kMinGoalTarget, kGoalItemsPerPerson * people who ever joined)
};
SessionGoal GoalFor(int people_ever_joined, int items_on_board);

// [SECTION] The summary

// One rating or suggestion kept in a session and shown on its board (not hidden).
struct SessionContribution {
  OutboxKind kind = OutboxKind::Rating;  // Rating or Suggestion
  std::string item_id;
  std::string place_id;  // a suggestion's own id
  std::string place_name;
  Category category = Category::Other;
  BoardStatus status = BoardStatus::Waiting;
  std::string contributor;  // whoever sent it (a device id): words count once per contributor
  Rating answers;           // the rating, or the suggestion's own first rating
  std::string why;          // a suggestion's "Why is it a safe space?" in their words
  std::vector<SafeReason> reasons;
};

struct PlaceSummary {
  std::string place_id;
  std::string name;
  Category category = Category::Other;
  BoardStatus status = BoardStatus::Waiting;
  bool suggested = false;    // suggested in this session
  int ratings = 0;           // sets of answers about it: ratings and suggestions' own
  InclusionProfile answers;  // those answers added up
};

struct ReasonCount {
  SafeReason reason = SafeReason::Quiet;
  int count = 0;
};

struct WordCount {
  std::string word;
  int count = 0;  // contributors who used it
};

struct SessionSummary {
  int people = 0;  // who ever joined
  int suggestions = 0;
  int ratings = 0;                   // ratings of places (a suggestion's own answers are not counted again)
  int hidden = 0;                    // items the facilitator hid: in no other figure
  std::vector<PlaceSummary> places;  // most ratings first, then by name
  std::vector<ReasonCount> reasons;  // tapped on suggestions, most first; only those tapped
  std::vector<WordCount> common_words;
};

SessionSummary Summarise(std::span<const SessionContribution> shown, int people_ever_joined, int hidden);

// A scale's mean with one decimal (3.5), or nullopt when nobody answered it.
std::optional<double> OneDecimalMean(const ScaleSummary& scale);

// [SECTION] Common words

inline constexpr std::size_t kMinWordLetters = 3;   // letters; shorter words are left out
inline constexpr int kMinWordContributors = 2;      // a word one person used is theirs alone
inline constexpr std::size_t kMaxCommonWords = 20;  // words in a summary, at most

struct WordsOf {
  std::string contributor;
  std::string text;
};

// The words several people used: lower case, letters only (an apostrophe inside a word is
// dropped: "don't" is "dont"), at least kMinWordLetters, no common English stop word;
// counted once per contributor and kept when kMinWordContributors or more used them;
// most first, then alphabetical; at most kMaxCommonWords. Letters are a-z and the accented
// Latin letters (U+00C0 to U+024F, not x and the division sign); anything else splits words.
std::vector<WordCount> CommonWords(std::span<const WordsOf> texts);

// The built-in list of stop words, sorted; IsStopWord looks a word up in it.
std::span<const std::string_view> StopWords();
bool IsStopWord(std::string_view lower_case_word);

}  // namespace core
