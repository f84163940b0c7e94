// This is the implementation of screening.h: hand-written scanners over the text (no
// std::regex: it is slow and recurses deeply on long input, and this runs on the sync path).
// Each kind errs towards asking for a look, but never on ordinary words: a street name
// without a house number is not an address, "Central Library" is not a name, a year is not
// a phone number, "Scunthorpe" is not rude.
// Sections: [SECTION] Characters, [SECTION] Lists, [SECTION] Phone numbers,
// [SECTION] Emails and links, [SECTION] Postcodes, [SECTION] Addresses and names,
// [SECTION] Listed words, [SECTION] ScreenText.
#include "core/screening.h"

#include <algorithm>
#include <span>
#include <utility>

namespace core {

std::string_view ScreenFlagName(ScreenFlag flag) {
  switch (flag) {
    case ScreenFlag::Phone:
      return "phone";
    case ScreenFlag::Email:
      return "email";
    case ScreenFlag::Postcode:
      return "postcode";
    case ScreenFlag::Address:
      return "address";
    case ScreenFlag::FullName:
      return "full_name";
    case ScreenFlag::Link:
      return "link";
    case ScreenFlag::Rude:
      return "rude";
    case ScreenFlag::Safeguarding:
      return "safeguarding";
  }
  return "";
}

std::string FindingDetail(std::string_view field, const ScreeningFinding& finding) {
  return std::string(field) + ": " + finding.words;
}

namespace {

// [SECTION] Characters (ASCII rules; any byte above 127 is part of a letter of some word)

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(char c) { return IsUpper(c) || IsLower(c); }
bool IsWide(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool IsAlnum(char c) { return IsAsciiLetter(c) || IsDigit(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = Lower(c);
  return lower;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return Lower(x) == Lower(y);
         });
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsNoCase(text.substr(0, prefix.size()), prefix);
}

// The typographic apostrophe (U+2019) as the plain one, so "don’t" and "don't" read alike.
std::string PlainApostrophes(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xE2\x80\x99") {
      plain += '\'';
      i += 2;
    } else {
      plain += text[i];
    }
  }
  return plain;
}

// A piece of the text with where it starts, so a finding can quote it as written.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Runs of characters for which `inside` holds.
template <class Inside>
std::vector<Span> SplitInto(std::string_view text, Inside inside) {
  std::vector<Span> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!inside(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && inside(text[i])) ++i;
    spans.push_back({begin, i});
  }
  return spans;
}

// The chunk between white space without the punctuation around it: "(www.x.com)," -> www.x.com.
std::string_view TrimPunctuation(std::string_view chunk) {
  constexpr std::string_view kAround = "()[]{}<>\"'.,;:!?";
  while (!chunk.empty() && kAround.find(chunk.front()) != std::string_view::npos) chunk.remove_prefix(1);
  while (!chunk.empty() && kAround.find(chunk.back()) != std::string_view::npos) chunk.remove_suffix(1);
  return chunk;
}

void AddFinding(std::vector<ScreeningFinding>& findings, ScreenFlag flag, std::string_view words) {
  ScreeningFinding finding{flag, std::string(words)};
  if (std::find(findings.begin(), findings.end(), finding) == findings.end()) findings.push_back(std::move(finding));
}

// [SECTION] Lists

// An entry's words as matched: lower case, apostrophes dropped, split at spaces and hyphens.
std::vector<std::string> FoldWords(std::string_view entry) {
  std::vector<std::string> words;
  std::string word;
  for (char c : entry) {
    if (c == '\'') continue;
    if (IsSpace(c) || c == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += Lower(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::vector<std::string>> ReadEntries(std::string_view file_text) {
  std::vector<std::vector<std::string>> entries;
  const std::string plain = PlainApostrophes(file_text);
  std::string_view rest = plain;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> words = FoldWords(line);
    if (!words.empty()) entries.push_back(std::move(words));
  }
  return entries;
}

}  // namespace

ScreeningLists MakeScreeningLists(std::string_view rude_words, std::string_view safeguarding_words,
                                  std::string_view first_names) {
  ScreeningLists lists;
  lists.rude = ReadEntries(rude_words);
  lists.safeguarding = ReadEntries(safeguarding_words);
  for (std::vector<std::string>& entry : ReadEntries(first_names))
    for (std::string& name : entry) lists.first_names.insert(std::move(name));
  return lists;
}

namespace {

// [SECTION] Phone numbers
// Digits in groups separated by a space, dash, dot or brackets ("(024) 7683-1234"), maybe
// after "+44" or "0044" (and a "(0)"). A UK number, with the country code made a 0, is 10
// or 11 digits starting 01, 02, 03, 07 or 08. The longest such run from each start wins,
// so "07700 900123 2 times" quotes only the number.

constexpr std::size_t kMaxPhoneDigits = 15;  // digits read from one start, more than any number

bool IsUkPhone(std::string digits, bool international) {
  if (international) {
    if (digits.starts_with("0044")) digits.erase(0, 2);
    if (!digits.starts_with("44")) return false;
    digits.erase(0, 2);
    if (!digits.starts_with('0')) digits = "0" + digits;  // "+44 (0)7700 ..." keeps its 0
  }
  if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0') return false;
  return digits[1] == '1' || digits[1] == '2' || digits[1] == '3' || digits[1] == '7' || digits[1] == '8';
}

void FindPhones(std::string_view text, std::vector<ScreeningFinding>& findings) {
  constexpr std::string_view kSeparators = " -.()";
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts_here = (IsDigit(text[i]) || ((text[i] == '+' || text[i] == '(') && i + 1 < text.size() &&
                                                   IsDigit(text[i + 1]))) &&
                             (i == 0 || !IsAlnum(text[i - 1]));
    if (!starts_here) {
      ++i;
      continue;
    }
    const bool plus = text[i] == '+';
    std::size_t at = plus || text[i] == '(' ? i + 1 : i;
    std::string digits;
    std::size_t match_end = 0;
    while (at < text.size() && digits.size() < kMaxPhoneDigits) {
      if (!IsDigit(text[at])) break;
      while (at < text.size() && IsDigit(text[at])) digits += text[at++];
      const bool international = plus || digits.starts_with("0044");
      if (IsUkPhone(digits, international)) match_end = at;
      // At most two separators ("0) ") between groups.
      std::size_t gap = 0;
      while (at + gap < text.size() && gap < 2 && kSeparators.find(text[at + gap]) != std::string_view::npos) ++gap;
      if (gap == 0 || at + gap >= text.size() || !IsDigit(text[at + gap])) break;
      at += gap;
    }
    if (match_end > 0) {
      AddFinding(findings, ScreenFlag::Phone, text.substr(i, match_end - i));
      i = match_end;
    } else {
      while (i < text.size() && (IsDigit(text[i]) || text[i] == '+' || text[i] == '(')) ++i;
    }
  }
}

// [SECTION] Emails and links

bool IsEmailLocal(char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool IsDomainChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

// "mail.co.uk": labels of letters, digits and dashes between dots, ending in letters.
bool LooksLikeDomain(std::string_view domain) {
  while (!domain.empty() && (domain.back() == '.' || domain.back() == '-')) domain.remove_suffix(1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view top = domain.substr(dot + 1);
  return top.size() >= 2 && std::all_of(top.begin(), top.end(), IsAsciiLetter);
}

void FindEmails(std::string_view text, std::vector<ScreeningFinding>& findings) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsEmailLocal(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && IsDomainChar(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;  // "me@x.com." ends a sentence
    if (begin < at && LooksLikeDomain(text.substr(at + 1, end - at - 1)))
      AddFinding(findings, ScreenFlag::Email, text.substr(begin, end - begin));
  }
  // Spelled out to get past a filter: "jo at mail dot com".
  const std::vector<Span> words = SplitInto(text, [](char c) { return IsAlnum(c) || c == '.' || c == '_'; });
  for (std::size_t w = 1; w + 3 < words.size(); ++w) {
    if (!EqualsNoCase(words[w].Of(text), "at") || !EqualsNoCase(words[w + 2].Of(text), "dot")) continue;
    const std::string_view top = words[w + 3].Of(text);
    for (std::string_view known : {"com", "co", "org", "net", "uk"})
      if (EqualsNoCase(top, known)) AddFinding(findings, ScreenFlag::Email, text.substr(words[w - 1].begin, words[w + 3].end - words[w - 1].begin));
  }
}

// Top-level domains a young person might write; a dot before anything else ("9.30",
// "e.g.", "Mr.Smith") is not a link.
constexpr std::string_view kLinkEndings[] = {"com", "uk", "org", "net", "io", "info", "me", "app", "tv",
                                             "ly",  "gg", "xyz", "online", "site", "biz", "co", "eu", "gov"};

bool IsLink(std::string_view chunk) {
  if (StartsWithNoCase(chunk, "http://") || StartsWithNoCase(chunk, "https://") || StartsWithNoCase(chunk, "www."))
    return chunk.size() > 7;
  if (chunk.find('@') != std::string_view::npos) return false;  // an email: found as one
  std::string_view host = chunk.substr(0, chunk.find('/'));
  if (host.find('.') == std::string_view::npos || !std::all_of(host.begin(), host.end(), IsDomainChar)) return false;
  if (!IsAsciiLetter(host.front()) && !IsDigit(host.front())) return false;
  if (!std::any_of(host.begin(), host.begin() + static_cast<std::ptrdiff_t>(host.find('.')), IsAsciiLetter))
    return false;
  const std::string_view top = host.substr(host.rfind('.') + 1);
  return std::any_of(std::begin(kLinkEndings), std::end(kLinkEndings),
                     [&](std::string_view ending) { return EqualsNoCase(top, ending); });
}

void FindLinks(std::string_view text, std::vector<ScreeningFinding>& findings) {
  for (const Span& chunk : SplitInto(text, [](char c) { return !IsSpace(c); })) {
    const std::string_view trimmed = TrimPunctuation(chunk.Of(text));
    if (!trimmed.empty() && IsLink(trimmed)) AddFinding(findings, ScreenFlag::Link, trimmed);
  }
}

// [SECTION] Postcodes
// Outward code: a postcode area (one or two letters from the real list), a district digit,
// then maybe a digit or letter. Inward code: a digit and two letters (never C I K M O V).
// A full postcode may be written in any case, with or without its space. The outward code
// alone counts only when written in capitals with a two-letter area ("CV1", "SE10"): a
// one-letter one would be the M6 or the A4.

constexpr std::string_view kPostcodeAreas[] = {
    "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO",
    "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",  "EC", "EH", "EN", "EX",
    "FK", "FY", "G",  "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV",
    "JE", "KA", "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",  "ME", "MK", "ML", "N",
    "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
    "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN",
    "TQ", "TR", "TS", "TW", "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
};

bool IsPostcodeArea(std::string_view letters) {
  const std::string upper = [&] {
    std::string u(letters);
    for (char& c : u) c = IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
    return u;
  }();
  return std::find(std::begin(kPostcodeAreas), std::end(kPostcodeAreas), upper) != std::end(kPostcodeAreas);
}

// "CV1", "cv10", "W1A", "EC1A": the area's letters are returned through `area_letters`.
bool IsOutwardCode(std::string_view code, std::size_t& area_letters) {
  area_letters = 0;
  while (area_letters < code.size() && IsAsciiLetter(code[area_letters])) ++area_letters;
  if (area_letters < 1 || area_letters > 2 || !IsPostcodeArea(code.substr(0, area_letters))) return false;
  const std::string_view district = code.substr(area_letters);
  if (district.empty() || district.size() > 2 || !IsDigit(district[0])) return false;
  return district.size() == 1 || IsAlnum(district[1]);
}

bool IsInwardCode(std::string_view code) {
  constexpr std::string_view kNever = "CIKMOVcikmov";
  return code.size() == 3 && IsDigit(code[0]) && IsAsciiLetter(code[1]) && IsAsciiLetter(code[2]) &&
         kNever.find(code[1]) == std::string_view::npos && kNever.find(code[2]) == std::string_view::npos;
}

void FindPostcodes(std::string_view text, std::vector<ScreeningFinding>& findings) {
  const std::vector<Span> words = SplitInto(text, IsAlnum);
  std::size_t area_letters = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = words[w].Of(text);
    // "CV1 2AB": two words with one space between.
    if (w + 1 < words.size() && words[w + 1].begin == words[w].end + 1 && text[words[w].end] == ' ' &&
        IsOutwardCode(word, area_letters) && IsInwardCode(words[w + 1].Of(text))) {
      AddFinding(findings, ScreenFlag::Postcode, text.substr(words[w].begin, words[w + 1].end - words[w].begin));
      ++w;
      continue;
    }
    // "CV12AB": one word.
    if (word.size() >= 5 && word.size() <= 7 && IsInwardCode(word.substr(word.size() - 3)) &&
        IsOutwardCode(word.substr(0, word.size() - 3), area_letters)) {
      AddFinding(findings, ScreenFlag::Postcode, word);
      continue;
    }
    // "CV1" alone, in capitals.
    if (IsOutwardCode(word, area_letters) && area_letters == 2 &&
        std::none_of(word.begin(), word.end(), IsLower))
      AddFinding(findings, ScreenFlag::Postcode, word);
  }
}

// [SECTION] Addresses and names
// Words here are runs of letters, digits, apostrophes and hyphens ("O'Brien", "12a").

// Words that end a street's name. Only after a house number do they make an address.
constexpr std::string_view kStreetWords[] = {
    "road",   "rd",    "street", "st",      "lane",   "ln",     "avenue", "ave",  "close", "drive",
    "dr",     "way",   "crescent", "court", "place",  "grove",  "gardens", "terrace", "walk", "row",
    "square", "mews",  "rise",   "parade",  "boulevard", "hill", "view",  "green", "park",
};
// Streets common enough to count in lower case too ("12 fleet street").
constexpr std::string_view kPlainStreetWords[] = {"road", "street", "lane", "avenue"};

// Words that make two capitalised words a place, not a person ("Victoria Park", "Alan
// Higgs Centre"): a name followed by one of these, or ending in one, is left alone.
constexpr std::string_view kPlaceWords[] = {
    "library", "park",    "centre",   "center", "street", "road",     "lane",    "avenue",  "close",   "drive",
    "way",     "hall",    "house",    "church", "chapel", "school",   "academy", "college", "hospital", "gardens",
    "garden",  "square",  "court",    "place",  "market", "station",  "museum",  "gallery", "theatre", "cinema",
    "leisure", "sports",  "community", "youth", "club",   "cafe",     "shop",    "store",   "pool",    "baths",
    "arena",   "stadium", "green",    "common", "wood",   "woods",    "field",   "fields",  "bridge",  "cross",
    "hill",    "terrace", "crescent", "grove",  "walk",   "row",      "mews",    "view",    "rise",    "memorial",
    "building", "arms",   "inn",      "hotel",  "tower",  "gate",     "lodge",   "farm",    "well",    "primary",
};

bool InList(std::string_view word, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view entry) { return EqualsNoCase(word, entry); });
}

bool IsNameWord(char c) { return IsAlnum(c) || IsWide(c) || c == '\'' || c == '-'; }

// "Smith", "O'Brien", "McDonald", "SMITH": a capital, then letters.
bool IsCapitalisedWord(std::string_view word) {
  if (word.size() < 2 || !IsUpper(word[0])) return false;
  return std::all_of(word.begin() + 1, word.end(), [](char c) { return IsAsciiLetter(c) || IsWide(c) || c == '\'' || c == '-'; });
}

bool IsLowerWord(std::string_view word) { return !word.empty() && std::all_of(word.begin(), word.end(), IsLower); }

// "12", "12a", "12-14": a house number of at most four digits.
bool IsHouseNumber(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && IsDigit(word[digits])) ++digits;
  if (digits == 0 || digits > 4) return false;
  const std::string_view rest = word.substr(digits);
  if (rest.empty()) return true;
  if (rest.size() == 1 && IsAsciiLetter(rest[0])) return true;
  return rest[0] == '-' && rest.size() > 1 && rest.size() <= 5 &&
         std::all_of(rest.begin() + 1, rest.end(), IsDigit);
}

constexpr std::size_t kMaxStreetNameWords = 3;  // words between the number and "Road"

void FindAddresses(std::string_view text, std::vector<ScreeningFinding>& findings) {
  const std::vector<Span> words = SplitInto(text, IsNameWord);
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!IsHouseNumber(words[w].Of(text))) continue;
    for (std::size_t n = 1; n <= kMaxStreetNameWords && w + n + 1 < words.size(); ++n) {
      const std::size_t street = w + n + 1;
      const std::string_view ending = words[street].Of(text);
      bool capitalised = true, plain = n == 1;
      for (std::size_t k = w + 1; k < street; ++k) {
        capitalised = capitalised && IsCapitalisedWord(words[k].Of(text));
        plain = plain && IsLowerWord(words[k].Of(text));
      }
      const bool found = (capitalised && InList(ending, kStreetWords)) ||
                         (plain && IsLowerWord(ending) && InList(ending, kPlainStreetWords));
      if (found) {
        AddFinding(findings, ScreenFlag::Address, text.substr(words[w].begin, words[street].end - words[w].begin));
        w = street;
        break;
      }
      if (!capitalised) break;
    }
  }
}

void FindFullNames(std::string_view text, const ScreeningLists& lists, std::vector<ScreeningFinding>& findings) {
  const std::vector<Span> words = SplitInto(text, IsNameWord);
  for (std::size_t w = 0; w + 1 < words.size(); ++w) {
    const std::string_view first = words[w].Of(text);
    const std::string_view last = words[w + 1].Of(text);
    if (!IsCapitalisedWord(first) || !IsCapitalisedWord(last)) continue;
    if (!lists.first_names.contains(LowerAscii(first))) continue;
    // Only a space between them: "Jamie, Smith" or "Jamie. Smith" is two sentences.
    if (words[w + 1].begin != words[w].end + 1 || text[words[w].end] != ' ') continue;
    if (InList(last, kPlaceWords)) continue;
    if (w + 2 < words.size() && IsCapitalisedWord(words[w + 2].Of(text)) && InList(words[w + 2].Of(text), kPlaceWords))
      continue;
    AddFinding(findings, ScreenFlag::FullName, text.substr(words[w].begin, words[w + 1].end - words[w].begin));
    ++w;
  }
}

// [SECTION] Listed words
// Text is cut into tokens of letters, digits and the signs people use for letters; a
// token must hold a letter. Each character of a listed word takes one or more token
// characters that stand for it (DisguisedAs), so "shiiit", "sh1t" and "sh*t" are "shit".

constexpr std::string_view kDisguiseSigns = "@$!*|";
constexpr std::size_t kMaxTokenChars = 40;  // longer runs are not words (and keep matching cheap)
constexpr std::string_view kEndings[] = {"", "s", "es", "ed", "ing", "in", "er", "ers"};

bool IsTokenChar(char c) {
  return IsAlnum(c) || IsWide(c) || c == '\'' || kDisguiseSigns.find(c) != std::string_view::npos;
}

// Whether token character `t` (lower case) may stand for letter `w`.
bool DisguisedAs(char t, char w) {
  if (t == w) return true;
  switch (t) {
    case '0':
      return w == 'o';
    case '1':
    case '!':
    case '|':
      return w == 'i' || w == 'l';
    case '3':
      return w == 'e';
    case '4':
    case '@':
      return w == 'a';
    case '5':
    case '$':
      return w == 's';
    case '7':
      return w == 't';
    case '8':
      return w == 'b';
    case '*':
      return IsLower(w);
    default:
      return false;
  }
}

// Whole-token match with repeats, by dynamic programming over (token position, word
// position): linear in their sizes' product, whatever the token holds.
bool TokenMatches(std::string_view token, std::string_view word) {
  if (token.size() < word.size() || word.empty()) return false;
  const std::size_t cols = word.size() + 1;
  // reach[t * cols + k]: the first t token characters can stand for the first k letters,
  // with the last of them taken by letter k (so it may repeat).
  std::vector<char> reach((token.size() + 1) * cols, 0);
  reach[0] = 1;
  for (std::size_t t = 0; t < token.size(); ++t) {
    for (std::size_t k = 0; k < cols; ++k) {
      if (!reach[t * cols + k]) continue;
      if (k > 0 && DisguisedAs(token[t], word[k - 1])) reach[(t + 1) * cols + k] = 1;  // the same letter again
      if (k < word.size() && DisguisedAs(token[t], word[k])) reach[(t + 1) * cols + k + 1] = 1;
    }
  }
  return reach[token.size() * cols + word.size()] != 0;
}

bool TokenIsWord(std::string_view token, const std::string& word) {
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view ending) { return TokenMatches(token, word + std::string(ending)); });
}

struct Token {
  Span span;          // in the text, as written
  std::string folded;  // lower case, apostrophes dropped, signs at its end dropped
};

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  for (const Span& span : SplitInto(text, IsTokenChar)) {
    Token token{span, {}};
    for (char c : span.Of(text))
      if (c != '\'') token.folded += Lower(c);
    // "shit!" and "(*)": a sign after the word is punctuation, not a letter.
    while (!token.folded.empty() && (token.folded.back() == '!' || token.folded.back() == '*' ||
                                     token.folded.back() == '|'))
      token.folded.pop_back();
    if (token.folded.size() > kMaxTokenChars || std::none_of(token.folded.begin(), token.folded.end(), IsLower))
      token.folded.clear();  // never matches: no letter, or too long to be a word
    tokens.push_back(std::move(token));
  }
  return tokens;
}

void FindListed(std::string_view text, const std::vector<Token>& tokens,
                const std::vector<std::vector<std::string>>& entries, ScreenFlag flag,
                std::vector<ScreeningFinding>& findings) {
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    for (const std::vector<std::string>& entry : entries) {
      if (t + entry.size() > tokens.size()) continue;
      bool all = true;
      for (std::size_t k = 0; k < entry.size() && all; ++k) all = TokenIsWord(tokens[t + k].folded, entry[k]);
      if (all) {
        const Span span{tokens[t].span.begin, tokens[t + entry.size() - 1].span.end};
        AddFinding(findings, flag, span.Of(text));
      }
    }
  }
}

}  // namespace

// [SECTION] ScreenText

std::vector<ScreeningFinding> ScreenText(std::string_view raw_text, const ScreeningLists& lists) {
  std::vector<ScreeningFinding> findings;
  if (raw_text.empty()) return findings;
  const std::string plain = PlainApostrophes(raw_text);
  const std::string_view text = plain;
  FindPhones(text, findings);
  FindEmails(text, findings);
  FindPostcodes(text, findings);
  FindAddresses(text, findings);
  FindFullNames(text, lists, findings);
  FindLinks(text, findings);
  const std::vector<Token> tokens = Tokens(text);
  FindListed(text, tokens, lists.rude, ScreenFlag::Rude, findings);
  FindListed(text, tokens, lists.safeguarding, ScreenFlag::Safeguarding, findings);
  // Each kind in the order of ScreenFlag; a stable sort keeps each kind's own order.
  std::stable_sort(findings.begin(), findings.end(),
                   [](const ScreeningFinding& a, const ScreeningFinding& b) { return a.flag < b.flag; });
  return findings;
}

}  // namespace core
