// The screening word lists the server uses (assets/screening/*.txt), embedded in the
// binary at build time by embed_screening_lists.cmake, and read once into
// core::ScreeningLists. Not here: the rules of screening (core/screening.h) and where
// findings go (ServerStore's sync path writes them to review_flags).
// Start at ServerScreeningLists.
#pragma once
#include <string_view>

#include "core/screening.h"

namespace store {

// The three files' text as they were at build time.
struct ScreeningTexts {
  std::string_view rude_words;
  std::string_view safeguarding_words;
  std::string_view first_names;
};
ScreeningTexts EmbeddedScreeningTexts();

// The embedded lists, read on first use (thread-safe) and kept for the process.
const core::ScreeningLists& ServerScreeningLists();

}  // namespace store
