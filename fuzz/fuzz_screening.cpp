// libFuzzer target for text screening (core/screening.h) with the server's own word lists
// (assets/screening/, as embedded by store/screening_lists.h). An input is the text a young
// person wrote. Checks what ScreenText promises: findings quote the text, come in the order
// of ScreenFlag, and listed words match whatever their letters' case. Not the review queue.
#include <algorithm>
#include <string>
#include <vector>

#include "core/screening.h"
#include "fuzz_check.h"
#include "store/screening_lists.h"

namespace {

// ScreenText reads U+2019 as a plain apostrophe and quotes the text it read.
std::string PlainApostrophes(std::string_view text) {
  std::string plain;
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

std::string ChangeCase(std::string_view text, bool upper) {
  std::string changed(text);
  for (char& c : changed) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return changed;
}

bool Has(const std::vector<core::ScreeningFinding>& findings, core::ScreenFlag flag) {
  return std::any_of(findings.begin(), findings.end(), [&](const core::ScreeningFinding& f) { return f.flag == flag; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const core::ScreeningLists& lists = store::ServerScreeningLists();
  const std::string_view text = InputText(data, size);
  const std::vector<core::ScreeningFinding> findings = core::ScreenText(text, lists);

  const std::string plain = PlainApostrophes(text);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const core::ScreeningFinding& finding = findings[i];
    FUZZ_CHECK(!finding.words.empty());
    FUZZ_CHECK(plain.find(finding.words) != std::string::npos);
    FUZZ_CHECK(!core::ScreenFlagName(finding.flag).empty());
    FUZZ_CHECK(core::FindingDetail("why", finding) == "why: " + finding.words);
    if (i > 0) FUZZ_CHECK(findings[i - 1].flag <= finding.flag);
  }
  FUZZ_CHECK(core::ScreenText(text, lists) == findings);  // no hidden state

  // Listed words match in any case, so "SHIT" and "Shit" are found as "shit" is.
  for (const bool upper : {false, true}) {
    const std::vector<core::ScreeningFinding> changed = core::ScreenText(ChangeCase(text, upper), lists);
    // Found or not: counts may differ, as findings with the same words are kept once.
    FUZZ_CHECK(Has(changed, core::ScreenFlag::Rude) == Has(findings, core::ScreenFlag::Rude));
    FUZZ_CHECK(Has(changed, core::ScreenFlag::Safeguarding) == Has(findings, core::ScreenFlag::Safeguarding));
  }
  return 0;
}
