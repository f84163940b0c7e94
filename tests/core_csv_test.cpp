// Tests of core/csv.h: a table of cells as written (formula injection neutralised, RFC 4180
// quoting), numbers left as numbers, rows with CRLF, and reading every kind back.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/csv.h"

TEST_CASE("cells are neutralised and quoted", "[core][csv]") {
  struct Case {
    std::string text;
    std::string cell;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"Central Library", "Central Library"},
      {"Caf\u00e9 Nero", "Caf\u00e9 Nero"},
      // Formula injection: = + - @ TAB and CR start a formula in a spreadsheet.
      {"=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""},
      {"=1+2", "'=1+2"},
      {"+44 24 7683 3333", "'+44 24 7683 3333"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
      {"\tTabbed", "'\tTabbed"},
      {"\rReturn", "\"'\rReturn\""},
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      // Only the first character counts.
      {"A=B", "A=B"},
      {"it's -fine", "it's -fine"},
      // RFC 4180: commas, quotes and line breaks are quoted; quotes doubled.
      {"Parks, and more", "\"Parks, and more\""},
      {"The \"Hub\"", "\"The \"\"Hub\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"two\r\nlines", "\"two\r\nlines\""},
      {"'already quoted'", "'already quoted'"},
      // An apostrophe then a formula sign gets one more, so the text's own apostrophe stays.
      {"'=1+2", "''=1+2"},
      {"''-1", "'''-1"},
      {"'", "'"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(core::CsvCell(c.text) == c.cell);
  }
}

TEST_CASE("a cell's text comes back without the apostrophe CsvCell added, and only that", "[core][csv]") {
  for (const std::string text : {"=1+2", "'=1+2", "''@x", "+44", "'quoted'", "'", "", "plain", "it's -fine", "\tTab"}) {
    INFO(text);
    const std::vector<std::vector<std::string>> read = core::ParseCsv(core::CsvRow(std::vector{core::CsvCell(text)}));
    REQUIRE(read.size() == 1);
    REQUIRE(read[0].size() == 1);
    CHECK(core::CsvCellText(read[0][0]) == text);
  }
}

TEST_CASE("numbers the program wrote stay numbers", "[core][csv]") {
  CHECK(core::CsvNumberCell(-1.512345, 4) == "-1.5123");
  CHECK(core::CsvNumberCell(3.26, 1) == "3.3");
  CHECK(core::CsvNumberCell(7, 0) == "7");
  CHECK(core::CsvNumberCell(std::nan(""), 1).empty());
}

TEST_CASE("rows end in CRLF and read back as written", "[core][csv]") {
  const std::vector<std::string> texts = {"=1+2", "Parks, and more", "The \"Hub\"", "two\nlines", "", "plain"};
  std::vector<std::string> cells;
  for (const std::string& text : texts) cells.push_back(core::CsvCell(text));
  const std::string row = core::CsvRow(cells);
  CHECK(row.ends_with("\r\n"));

  const std::string file = "\xEF\xBB\xBF" + core::CsvRow(std::vector<std::string>{"name", "count"}) + row;
  const std::vector<std::vector<std::string>> read = core::ParseCsv(file);
  REQUIRE(read.size() == 2);
  CHECK(read[0] == std::vector<std::string>{"name", "count"});  // the byte order mark is skipped
  REQUIRE(read[1].size() == texts.size());
  CHECK(read[1][0] == "'=1+2");  // the apostrophe stays: it is what the spreadsheet shows
  for (std::size_t i = 1; i < texts.size(); ++i) CHECK(read[1][i] == texts[i]);

  CHECK(core::ParseCsv("a,b\nc,d") == std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}});
  CHECK(core::ParseCsv("").empty());
  CHECK(core::ParseCsv("\"open") == std::vector<std::vector<std::string>>{{"open"}});
}
