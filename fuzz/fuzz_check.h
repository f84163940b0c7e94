// What the fuzz targets share: FUZZ_CHECK, which stops the run on a broken property so
// libFuzzer keeps the input as a crash (a plain "no crash" target would miss a wrong
// answer). Not a test framework: one macro and the text of an input, nothing more.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Says which property broke and where, then aborts: libFuzzer saves the input.
#define FUZZ_CHECK(condition)                                                               \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

inline std::string_view InputText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
