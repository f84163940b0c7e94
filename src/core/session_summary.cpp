// This is the implementation of session_summary.h: board statuses and faces, the goal,
// adding a session's contributions up by place and reason, and the common-words rule
// with its list of stop words. Sections: [SECTION] Board, [SECTION] Summary,
// [SECTION] Words.
#include "core/session_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

namespace core {

// [SECTION] Board

namespace {

struct BoardStatusWords {
  BoardStatus status;
  std::string_view name;   // wire name
  std::string_view label;  // easy-read words
};

constexpr std::array<BoardStatusWords, 3> kBoardStatusWords = {{
    {BoardStatus::Waiting, "waiting", "Waiting for a check"},
    {BoardStatus::OnMap, "on_map", "On the map"},
    {BoardStatus::NotAdded, "not_added", "Not added"},
}};

const BoardStatusWords& WordsFor(BoardStatus status) {
  for (const BoardStatusWords& words : kBoardStatusWords)
    if (words.status == status) return words;
  return kBoardStatusWords.front();
}

}  // namespace

std::string_view BoardStatusName(BoardStatus status) { return WordsFor(status).name; }
std::string_view BoardStatusLabel(BoardStatus status) { return WordsFor(status).label; }

BoardStatus BoardStatusOf(std::optional<PlaceStatus> place_status) {
  if (!place_status) return BoardStatus::Waiting;
  switch (*place_status) {
    case PlaceStatus::Suggested:
      return BoardStatus::Waiting;
    case PlaceStatus::Approved:
    case PlaceStatus::Merged:
      return BoardStatus::OnMap;
    case PlaceStatus::Rejected:
      return BoardStatus::NotAdded;
  }
  return BoardStatus::Waiting;
}

int BoardFaces(const Rating& rating) {
  int faces = 0;
  int answered = 0;
  for (std::uint8_t scale : rating.scales) {
    if (scale < 1 || scale > kMaxFaces) continue;
    faces += scale;
    ++answered;
  }
  if (answered == 0) return 0;
  return static_cast<int>(std::lround(static_cast<double>(faces) / answered));
}

SessionGoal GoalFor(int people_ever_joined, int items_on_board) {
  return {items_on_board, std::max(kMinGoalTarget, kGoalItemsPerPerson * people_ever_joined)};
}

// [SECTION] Summary

std::optional<double> OneDecimalMean(const ScaleSummary& scale) {
  int answers = 0;
  for (int count : scale.distribution) answers += count;
  if (answers == 0) return std::nullopt;
  return std::round(scale.Mean() * 10.0) / 10.0;
}

SessionSummary Summarise(std::span<const SessionContribution> shown, int people_ever_joined, int hidden) {
  SessionSummary summary;
  summary.people = people_ever_joined;
  summary.hidden = hidden;
  std::map<std::string, PlaceSummary> places;  // by place id
  std::array<int, kAllSafeReasons.size()> reasons{};
  std::vector<WordsOf> words;
  for (const SessionContribution& item : shown) {
    const bool suggestion = item.kind == OutboxKind::Suggestion;
    ++(suggestion ? summary.suggestions : summary.ratings);
    PlaceSummary& place = places[item.place_id];
    if (place.place_id.empty()) place = {item.place_id, item.place_name, item.category, item.status, false, 0, {}};
    // A suggestion's own name and kind win over what a rating of it found.
    if (suggestion) {
      place.name = item.place_name;
      place.category = item.category;
      place.suggested = true;
    }
    ++place.ratings;
    AddRating(place.answers, item.answers);
    for (SafeReason reason : item.reasons) {
      const auto at = std::find(kAllSafeReasons.begin(), kAllSafeReasons.end(), reason);
      if (at != kAllSafeReasons.end()) ++reasons[static_cast<std::size_t>(at - kAllSafeReasons.begin())];
    }
    if (suggestion && !item.why.empty()) words.push_back({item.contributor, item.why});
  }
  for (auto& [id, place] : places) summary.places.push_back(std::move(place));
  std::stable_sort(summary.places.begin(), summary.places.end(), [](const PlaceSummary& a, const PlaceSummary& b) {
    if (a.ratings != b.ratings) return a.ratings > b.ratings;
    return a.name < b.name;
  });
  for (std::size_t i = 0; i < kAllSafeReasons.size(); ++i)
    if (reasons[i] > 0) summary.reasons.push_back({kAllSafeReasons[i], reasons[i]});
  std::stable_sort(summary.reasons.begin(), summary.reasons.end(),
                   [](const ReasonCount& a, const ReasonCount& b) { return a.count > b.count; });
  summary.common_words = CommonWords(words);
  return summary;
}

// [SECTION] Words

namespace {

// Common English words that say nothing about a place (3 letters or more: shorter words
// are left out anyway), with contractions as they read once the apostrophe is dropped.
// Sorted, for binary search (a test checks).
constexpr std::array<std::string_view, 199> kStopWords = {
    "about",  "above",   "after",  "again",   "against",  "ain",     "all",        "also",       "and",     "any",
    "are",    "aren",    "arent",  "because", "been",     "before",  "being",      "below",      "between", "both",
    "but",    "can",     "cannot", "cant",    "could",    "couldn",  "couldnt",    "did",        "didn",    "didnt",
    "does",   "doesn",   "doesnt", "doing",   "don",      "done",    "dont",       "down",       "during",  "each",
    "even",   "ever",    "every",  "few",     "for",      "from",    "further",    "get",        "gets",    "getting",
    "got",    "had",     "hadn",   "hadnt",   "has",      "hasn",    "hasnt",      "have",       "haven",   "havent",
    "having", "her",     "here",   "heres",   "hers",     "herself", "him",        "himself",    "his",     "how",
    "hows",   "into",    "isn",    "isnt",    "its",      "itself",  "ive",        "just",       "let",     "lets",
    "like",   "lol",     "lot",    "lots",    "many",     "may",     "might",      "mightn",     "more",    "most",
    "much",   "must",    "mustn",  "mustnt",  "myself",   "needn",   "neednt",     "nor",        "not",     "now",
    "off",    "okay",    "once",   "one",     "only",     "other",   "ought",      "our",        "ours",    "ourselves",
    "out",    "over",    "own",    "really",  "same",     "say",     "says",       "shall",      "shan",    "shant",
    "she",    "shes",    "should", "shouldn", "shouldnt", "since",   "some",       "still",      "such",    "than",
    "that",   "thats",   "the",    "their",   "theirs",   "them",    "themselves", "then",       "there",   "theres",
    "these",  "they",    "theyd",  "theyll",  "theyre",   "theyve",  "thing",      "things",     "this",    "those",
    "though", "through", "too",    "under",   "until",    "upon",    "very",       "was",        "wasn",    "wasnt",
    "way",    "well",    "were",   "weren",   "werent",   "weve",    "what",       "whats",      "when",    "whens",
    "where",  "wheres",  "which",  "while",   "who",      "whom",    "whos",       "why",        "whys",    "will",
    "with",   "without", "won",    "wont",    "would",    "wouldn",  "wouldnt",    "yeah",       "yes",     "yet",
    "you",    "youd",    "youll",  "your",    "youre",    "yours",   "yourself",   "yourselves", "youve",
};

// The code point starting at text[at] (advancing `at` past it); U+FFFD for a broken sequence.
char32_t NextCodePoint(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at++);
  if (lead < 0x80) return lead;
  const int more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (more < 0 || at + static_cast<std::size_t>(more) > text.size()) return 0xFFFD;
  char32_t code = lead & (0x3F >> more);
  for (int i = 0; i < more; ++i) {
    if ((byte(at) & 0xC0) != 0x80) return 0xFFFD;
    code = (code << 6) | (byte(at++) & 0x3F);
  }
  return code;
}

void AppendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The letter in lower case, or 0 when `code` is not a letter a word is made of.
char32_t LowerLetter(char32_t code) {
  if (code >= 'a' && code <= 'z') return code;
  if (code >= 'A' && code <= 'Z') return code + ('a' - 'A');
  if (code < 0xC0 || code > 0x24F || code == 0xD7 || code == 0xF7) return 0;
  if (code <= 0xDE) return code + 0x20;  // À..Þ become à..þ
  return code;
}

bool IsApostrophe(char32_t code) { return code == '\'' || code == 0x2019; }

// The words of one text, lower case, each once.
std::set<std::string> WordsIn(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  std::size_t letters = 0;
  const auto finish = [&] {
    if (letters >= kMinWordLetters && !IsStopWord(word)) words.insert(word);
    word.clear();
    letters = 0;
  };
  std::size_t at = 0;
  while (at < text.size()) {
    const char32_t code = NextCodePoint(text, at);
    if (const char32_t letter = LowerLetter(code)) {
      AppendUtf8(word, letter);
      ++letters;
    } else if (!(IsApostrophe(code) && letters > 0)) {
      finish();  // an apostrophe inside a word is dropped; anything else ends it
    }
  }
  finish();
  return words;
}

}  // namespace

std::span<const std::string_view> StopWords() { return kStopWords; }

bool IsStopWord(std::string_view lower_case_word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), lower_case_word);
}

std::vector<WordCount> CommonWords(std::span<const WordsOf> texts) {
  std::map<std::string, std::set<std::string>> words_of;  // contributor -> their words
  for (const WordsOf& text : texts)
    for (std::string word : WordsIn(text.text)) words_of[text.contributor].insert(std::move(word));
  std::map<std::string, int> counts;
  for (const auto& [contributor, words] : words_of)
    for (const std::string& word : words) ++counts[word];
  std::vector<WordCount> common;
  for (auto& [word, count] : counts)
    if (count >= kMinWordContributors) common.push_back({word, count});
  // counts is alphabetical, so a stable sort by count keeps ties in that order.
  std::stable_sort(common.begin(), common.end(),
                   [](const WordCount& a, const WordCount& b) { return a.count > b.count; });
  if (common.size() > kMaxCommonWords) common.resize(kMaxCommonWords);
  return common;
}

}  // namespace core
