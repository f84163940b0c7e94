// This is the implementation of screening_lists.h's reading; the texts themselves are in
// the generated screening_lists_embedded.cpp.
#include "store/screening_lists.h"

namespace store {

const core::ScreeningLists& ServerScreeningLists() {
  // Built from constant text, once: a magic static, not state that changes.
  static const core::ScreeningLists lists = [] {
    const ScreeningTexts texts = EmbeddedScreeningTexts();
    return core::MakeScreeningLists(texts.rude_words, texts.safeguarding_words, texts.first_names);
  }();
  return lists;
}

}  // namespace store
