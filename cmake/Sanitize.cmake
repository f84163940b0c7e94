# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer for the "sanitize" preset (clang).
# SAFESPACES_SANITIZE instruments everything built here (our code, ImGui) for the test suite;
# SAFESPACES_FUZZ adds the fuzz/ targets and coverage for the libraries they link.
# Not used by the native or web builds. Start at CMakePresets.json's "sanitize" preset.
option(SAFESPACES_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SAFESPACES_FUZZ "Build the libFuzzer targets in fuzz/ (clang, with SAFESPACES_SANITIZE)" OFF)

if(SAFESPACES_SANITIZE)
  # -O1: ASan at -O0 runs the suite about twice as slowly; frame pointers keep its stacks whole.
  # No recovery: a UBSan finding must end the program, so the test that hit it fails.
  # The ignorelist names third-party code only, each entry with its reason.
  set(_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
      "-fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/cmake/sanitize-ignorelist.txt")
  add_compile_options(-O1 -g ${_sanitize_flags})
  add_link_options(${_sanitize_flags})
endif()

if(SAFESPACES_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT SAFESPACES_SANITIZE)
    message(FATAL_ERROR "SAFESPACES_FUZZ needs clang and SAFESPACES_SANITIZE: use the sanitize preset.")
  endif()
endif()

# safespaces_fuzz_coverage(target...): libFuzzer's edge and comparison coverage in libraries the
# fuzz targets link. Programs linked without libFuzzer (the tests) still run: the sanitizer
# runtime defines the coverage callbacks as no-ops.
function(safespaces_fuzz_coverage)
  foreach(target ${ARGN})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endforeach()
endfunction()
