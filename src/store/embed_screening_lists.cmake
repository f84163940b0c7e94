# Writes the screening word lists RUDE, SAFEGUARDING and FIRST_NAMES (assets/screening/*.txt)
# into OUTPUT, a C++ file defining store::EmbeddedScreeningTexts(), so the server needs no
# files beside it. Run by the build (cmake -P), never by hand.
include("${CMAKE_CURRENT_LIST_DIR}/embed_text.cmake")

foreach(_list IN ITEMS RUDE SAFEGUARDING FIRST_NAMES)
  if(NOT EXISTS "${${_list}}")
    message(FATAL_ERROR "The screening word list '${${_list}}' is missing (see assets/screening/).")
  endif()
  embed_text_literal("${${_list}}" _literal_${_list})
endforeach()

file(WRITE "${OUTPUT}.tmp"
"// Generated at build time by src/store/embed_screening_lists.cmake from assets/screening/.
// Do not edit: change the .txt files there instead.
#include \"store/screening_lists.h\"

namespace store {
namespace {

constexpr char kRude[] =${_literal_RUDE};
constexpr char kSafeguarding[] =${_literal_SAFEGUARDING};
constexpr char kFirstNames[] =${_literal_FIRST_NAMES};

}  // namespace

ScreeningTexts EmbeddedScreeningTexts() {
  return {std::string_view(kRude, sizeof(kRude) - 1), std::string_view(kSafeguarding, sizeof(kSafeguarding) - 1),
          std::string_view(kFirstNames, sizeof(kFirstNames) - 1)};
}

}  // namespace store
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
