// Screening of free text that young people write (a rating's comment, a suggestion's name,
// address and "why"): what in it an officer should look at before anyone else sees it.
// Pure and cheap: text and word lists in, findings out; no clock, no files, no SQL. The
// store writes each finding as a waiting row in review_flags (store/server_store.cpp);
// the word lists live in assets/screening/ and the server embeds them at build time
// (store/screening_lists.h). A finding asks for a look; it never blocks or changes text.
// Start at ScreenText; the rules of each kind are in screening.cpp's sections.
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// [SECTION] What screening finds

// The wire names are review_flags.flag values (issue 8 contract, section A).
enum class ScreenFlag : std::uint8_t {
  Phone,         // a UK phone number: 07700 900123, +44 7700 900123, 024 7683 1234
  Email,         // an email address, also written "jo at mail dot com"
  Postcode,      // a UK postcode, full (CV1 2AB) or its first half in capitals (CV1)
  Address,       // a house number then a street: 12 Park Road
  FullName,      // a common first name then a surname: Jamie Smith
  Link,          // http://..., www...., something.co.uk
  Rude,          // a word from the rude list
  Safeguarding,  // words about harm, abuse, bullying, self-harm, feeling unsafe
};

inline constexpr std::array kAllScreenFlags = {
    ScreenFlag::Phone,    ScreenFlag::Email, ScreenFlag::Postcode, ScreenFlag::Address,
    ScreenFlag::FullName, ScreenFlag::Link,  ScreenFlag::Rude,     ScreenFlag::Safeguarding,
};

std::string_view ScreenFlagName(ScreenFlag flag);  // "full_name"

struct ScreeningFinding {
  ScreenFlag flag = ScreenFlag::Phone;
  std::string words;  // the matching words as written: "07700 900123"

  bool operator==(const ScreeningFinding&) const = default;
};

// [SECTION] Word lists

// The lists screening needs, folded for matching: lower case, apostrophes dropped, each
// entry split into its words (a phrase "unsafe at home" is three; "self-harm" is two).
struct ScreeningLists {
  std::vector<std::vector<std::string>> rude;
  std::vector<std::vector<std::string>> safeguarding;
  std::set<std::string> first_names;
};

// From the text of the word files (assets/screening/*.txt): one word or phrase a line;
// a line starting with '#' and a blank line are skipped.
ScreeningLists MakeScreeningLists(std::string_view rude_words, std::string_view safeguarding_words,
                                  std::string_view first_names);

// [SECTION] Screening

// Every finding in `text`, each kind in the order of ScreenFlag, each match once, in the
// order it appears. Words from the lists match whole words, case-insensitive, through
// simple disguises: letters repeated ("shiiit"), digits and signs for letters ("sh1t",
// "@", "$", "*"), and the endings -s, -es, -ed, -ing, -in, -er, -ers.
std::vector<ScreeningFinding> ScreenText(std::string_view text, const ScreeningLists& lists);

// What an officer reads in the queue: "why: 07700 900123" (the field's wire name, then the words).
std::string FindingDetail(std::string_view field, const ScreeningFinding& finding);

}  // namespace core
