// Tests of text screening (core/screening.h) with the real word lists from
// assets/screening/: a table of words that must be flagged, each with the kind and the
// words quoted, and a table of ordinary sentences that must not be flagged at all.
// The rule for each kind is in screening.cpp; add a line here for every case it misses.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/screening.h"

namespace {

using core::ScreenFlag;

std::string ReadList(const std::string& name) {
  std::ifstream in(std::string(SAFESPACES_SCREENING_DIR) + "/" + name);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const core::ScreeningLists& Lists() {
  static const core::ScreeningLists lists = core::MakeScreeningLists(
      ReadList("rude_words.txt"), ReadList("safeguarding_words.txt"), ReadList("first_names.txt"));
  return lists;
}

bool Has(const std::vector<core::ScreeningFinding>& findings, ScreenFlag flag, const std::string& words) {
  for (const core::ScreeningFinding& finding : findings)
    if (finding.flag == flag && finding.words == words) return true;
  return false;
}

struct MustFlag {
  const char* text;
  ScreenFlag flag;
  const char* words;  // as quoted in the finding
};

// clang-format off
const MustFlag kMustFlag[] = {
    // Phone numbers
    {"call me on 07700 900123", ScreenFlag::Phone, "07700 900123"},
    {"text 07700900123 after school", ScreenFlag::Phone, "07700900123"},
    {"ring +44 7700 900123", ScreenFlag::Phone, "+44 7700 900123"},
    {"+447700900123", ScreenFlag::Phone, "+447700900123"},
    {"my mum is on 024 7683 1234", ScreenFlag::Phone, "024 7683 1234"},
    {"(024) 7683-1234 is the number", ScreenFlag::Phone, "(024) 7683-1234"},
    {"try 0121-496-0000", ScreenFlag::Phone, "0121-496-0000"},
    {"07700-900-123 ring me", ScreenFlag::Phone, "07700-900-123"},
    {"0044 7700 900 123", ScreenFlag::Phone, "0044 7700 900 123"},
    {"+44 (0)7700 900123", ScreenFlag::Phone, "+44 (0)7700 900123"},
    {"01632 960001 is the club", ScreenFlag::Phone, "01632 960001"},
    {"ring 07700 900123 2 times", ScreenFlag::Phone, "07700 900123"},
    // Emails
    {"email me jamie.s@example.com", ScreenFlag::Email, "jamie.s@example.com"},
    {"JO_99@Mail.co.uk.", ScreenFlag::Email, "JO_99@Mail.co.uk"},
    {"write to jo at mail dot com", ScreenFlag::Email, "jo at mail dot com"},
    // Postcodes
    {"I live near CV1 2AB", ScreenFlag::Postcode, "CV1 2AB"},
    {"cv6 5gh is my road", ScreenFlag::Postcode, "cv6 5gh"},
    {"postcode CV12AB", ScreenFlag::Postcode, "CV12AB"},
    {"CV1 is my area", ScreenFlag::Postcode, "CV1"},
    {"we moved from SE10", ScreenFlag::Postcode, "SE10"},
    {"B15 2TT", ScreenFlag::Postcode, "B15 2TT"},
    {"W1A 1AA", ScreenFlag::Postcode, "W1A 1AA"},
    // Addresses
    {"I live at 12 Park Road", ScreenFlag::Address, "12 Park Road"},
    {"come to 4a Oak Tree Close", ScreenFlag::Address, "4a Oak Tree Close"},
    {"it's at 221 Baker Street", ScreenFlag::Address, "221 Baker Street"},
    {"my nan is at 7 fleet street", ScreenFlag::Address, "7 fleet street"},
    {"10 Downing St", ScreenFlag::Address, "10 Downing St"},
    {"meet at 3 Mill Lane after", ScreenFlag::Address, "3 Mill Lane"},
    {"12-14 Station Avenue", ScreenFlag::Address, "12-14 Station Avenue"},
    // Full names
    {"Jamie Smith works here", ScreenFlag::FullName, "Jamie Smith"},
    {"ask for Priya Sharma at the desk", ScreenFlag::FullName, "Priya Sharma"},
    {"my friend Liam O'Brien", ScreenFlag::FullName, "Liam O'Brien"},
    {"SOPHIE McDonald was kind", ScreenFlag::FullName, "SOPHIE McDonald"},
    {"Mohammed Khan helped me", ScreenFlag::FullName, "Mohammed Khan"},
    // Links
    {"see http://example.com/page", ScreenFlag::Link, "http://example.com/page"},
    {"go to www.example.org", ScreenFlag::Link, "www.example.org"},
    {"look at mysite.co.uk now", ScreenFlag::Link, "mysite.co.uk"},
    {"(bit.ly/abc123)", ScreenFlag::Link, "bit.ly/abc123"},
    {"https://tiktok.com/@me", ScreenFlag::Link, "https://tiktok.com/@me"},
    // Rude words
    {"this place is shit", ScreenFlag::Rude, "shit"},
    {"sh1t staff", ScreenFlag::Rude, "sh1t"},
    {"SHIIIIT", ScreenFlag::Rude, "SHIIIIT"},
    {"what the f*ck", ScreenFlag::Rude, "f*ck"},
    {"they are wankers", ScreenFlag::Rude, "wankers"},
    {"fucking loud", ScreenFlag::Rude, "fucking"},
    {"b1tch", ScreenFlag::Rude, "b1tch"},
    {"piss off", ScreenFlag::Rude, "piss off"},
    {"a$$hole", ScreenFlag::Rude, "a$$hole"},
    {"someone called me a spaz", ScreenFlag::Rude, "spaz"},
    // Safeguarding
    {"I get bullied here", ScreenFlag::Safeguarding, "bullied"},
    {"there is bullying at the park", ScreenFlag::Safeguarding, "bullying"},
    {"my dad hit me", ScreenFlag::Safeguarding, "hit me"},
    {"I feel unsafe at home", ScreenFlag::Safeguarding, "unsafe at home"},
    {"I want to self-harm", ScreenFlag::Safeguarding, "self-harm"},
    {"thinking about suicide", ScreenFlag::Safeguarding, "suicide"},
    {"I want to kill myself", ScreenFlag::Safeguarding, "kill myself"},
    {"su1c1de", ScreenFlag::Safeguarding, "su1c1de"},
    {"he hurts me", ScreenFlag::Safeguarding, "hurts me"},
    {"I got kicked out", ScreenFlag::Safeguarding, "kicked out"},
    {"Nobody cares about me", ScreenFlag::Safeguarding, "Nobody cares"},
    {"I was abused", ScreenFlag::Safeguarding, "abused"},
};

// Ordinary words and sentences a young person writes about a place: nothing to flag.
const char* const kMustNotFlag[] = {
    "Open 9 to 5",
    "The library on Corporation Street is quiet",
    "Call me maybe",
    "Central Library is my favourite",
    "I went to Scunthorpe once",
    "We came in 2024 and again in 2025",
    "Opens at 09:30 on 12/05/2024",
    "Victoria Park has a quiet bench",
    "The Alan Higgs Centre pool is loud",
    "George Street has a nice cafe",
    "It is a classic old building with a grassy bit",
    "The assessment room is calm",
    "The staff were harmless and kind",
    "The M6 is noisy near here",
    "Bus 21 stops outside",
    "I give it 5 out of 5",
    "It's 3 times better than school",
    "Great for PS5 and GTA5 fans",
    "The cafe does cocktails for adults",
    "Quiet room upstairs, lift to floor 2",
    "Hello, the staff say hi",
    "Price is 2.50 for a drink, e.g. juice",
    "I love the Sunday Market",
    "They have a hearing loop and a Changing Places toilet",
    "Lots of space to sit. Kind staff. Not too busy!",
    "Open 10-4 on weekdays",
    "0800 1111 is a free number",
    "My class comes here on Tuesdays",
    "Jordan Well is a nice street",
};
// clang-format on

}  // namespace

TEST_CASE("Screening flags each kind of personal detail, rude word and safeguarding words", "[screening]") {
  STATIC_REQUIRE(std::size(kMustFlag) >= 40);
  for (const MustFlag& example : kMustFlag) {
    const std::vector<core::ScreeningFinding> findings = core::ScreenText(example.text, Lists());
    INFO("\"" << example.text << "\" should flag " << core::ScreenFlagName(example.flag) << " \"" << example.words
              << "\"; found " << findings.size());
    for (const core::ScreeningFinding& finding : findings)
      INFO("  " << core::ScreenFlagName(finding.flag) << ": \"" << finding.words << "\"");
    CHECK(Has(findings, example.flag, example.words));
  }
}

TEST_CASE("Screening leaves ordinary words alone", "[screening]") {
  STATIC_REQUIRE(std::size(kMustNotFlag) >= 25);
  for (const char* text : kMustNotFlag) {
    const std::vector<core::ScreeningFinding> findings = core::ScreenText(text, Lists());
    std::string found;
    for (const core::ScreeningFinding& finding : findings)
      found += std::string(core::ScreenFlagName(finding.flag)) + ": \"" + finding.words + "\" ";
    INFO("\"" << text << "\" flagged " << found);
    CHECK(findings.empty());
  }
}

TEST_CASE("Screening findings: one per match, kinds in order, detail names the field", "[screening]") {
  const std::vector<core::ScreeningFinding> findings =
      core::ScreenText("Jamie Smith said shit, call 07700 900123 or 07700 900123", Lists());
  REQUIRE(findings.size() == 3);
  CHECK(findings[0] == core::ScreeningFinding{ScreenFlag::Phone, "07700 900123"});
  CHECK(findings[1] == core::ScreeningFinding{ScreenFlag::FullName, "Jamie Smith"});
  CHECK(findings[2] == core::ScreeningFinding{ScreenFlag::Rude, "shit"});
  CHECK(core::FindingDetail("why", findings[0]) == "why: 07700 900123");
  CHECK(core::ScreenText("", Lists()).empty());
  for (ScreenFlag flag : core::kAllScreenFlags) CHECK_FALSE(core::ScreenFlagName(flag).empty());
  CHECK(core::ScreenFlagName(ScreenFlag::FullName) == "full_name");
}

TEST_CASE("Screening lists: comments and blank lines skipped, phrases split into words", "[screening]") {
  const core::ScreeningLists lists =
      core::MakeScreeningLists("# rude\n\nbadword\n", "# safe\nunsafe at home\nself-harm\n", "# names\nJamie\n");
  REQUIRE(lists.rude.size() == 1);
  CHECK(lists.rude[0] == std::vector<std::string>{"badword"});
  REQUIRE(lists.safeguarding.size() == 2);
  CHECK(lists.safeguarding[0] == std::vector<std::string>{"unsafe", "at", "home"});
  CHECK(lists.safeguarding[1] == std::vector<std::string>{"self", "harm"});
  CHECK(lists.first_names == std::set<std::string>{"jamie"});
  // The real lists are there and have what the header comments promise.
  CHECK(Lists().first_names.size() >= 300);
  CHECK(Lists().rude.size() >= 30);
  CHECK(Lists().safeguarding.size() >= 30);
}

TEST_CASE("Screening stays cheap on long, odd text", "[screening]") {
  // A long run of signs and letters must not make matching blow up (it is linear per word).
  std::string text;
  for (int i = 0; i < 40; ++i) text += "a****************************************k ";
  text += std::string(300, '*') + " " + std::string(300, '1');
  CHECK_NOTHROW(core::ScreenText(text, Lists()));
}
