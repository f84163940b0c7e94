// CSV (RFC 4180) for files people open in a spreadsheet: a session's summary now, the
// officers' exports later. Cells written from people's words are neutralised, so a place
// named "=HYPERLINK(...)" stays text and never runs as a formula (CSV injection).
// Reading is here too, for imports and for tests that read an export back.
// Start at CsvCell. Not here: what the columns are (each export decides).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// One cell from text: a leading apostrophe when it begins with = + - @ TAB or CR (a
// spreadsheet would take it as a formula), or with apostrophes and then one of those (so
// CsvCellText can tell the added apostrophe from the text's own), then in double quotes,
// with quotes doubled, when it holds a comma, a quote, CR or LF.
std::string CsvCell(std::string_view text);

// The text a cell holds, as ParseCsv reads it, without the apostrophe CsvCell added:
// CsvCellText(cell read back) is the text CsvCell was given, whatever it was.
std::string CsvCellText(std::string_view cell);

// One cell from a number the program worked out (never a person's words): `decimals`
// digits after the point, no quotes and no apostrophe, so a spreadsheet sees a number
// ("-1.51" stays a longitude). NaN and infinities give an empty cell.
std::string CsvNumberCell(double value, int decimals);

// Cells already made by CsvCell or CsvNumberCell, joined by commas, ending in CRLF.
std::string CsvRow(std::span<const std::string> cells);

// Every row of `text`: fields split by commas, quoted fields unquoted ("" is one quote),
// rows ending in CRLF or LF; a leading UTF-8 byte order mark is skipped. Cells are
// returned as written (a neutralising apostrophe stays). A quote left open runs to the end.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace core
