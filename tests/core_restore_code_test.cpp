// Tests of core/restore_code: the word list (1024 unique, sorted, short lower-case words),
// codes from random bytes, reading what a person types, and SHA-256 on known vectors.
#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <string>

#include "core/restore_code.h"

TEST_CASE("core_restore_code: the word list is 1024 unique, sorted, short lower-case words") {
  const auto words = core::RestoreWords();
  REQUIRE(words.size() == 1024);
  std::set<std::string_view> unique(words.begin(), words.end());
  CHECK(unique.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO(words[i]);
    CHECK(words[i].size() >= 3);
    CHECK(words[i].size() <= 7);
    for (char c : words[i]) CHECK((c >= 'a' && c <= 'z'));
    if (i > 0) CHECK(words[i - 1] < words[i]);
  }
}

TEST_CASE("core_restore_code: a code is four words, ten bits of the bytes each") {
  const std::array<std::uint8_t, 5> zeros{};
  const std::string first(core::RestoreWords()[0]);
  CHECK(core::MakeRestoreCode(zeros) == first + "-" + first + "-" + first + "-" + first);
  const std::array<std::uint8_t, 5> ones = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  const std::string last(core::RestoreWords()[1023]);
  CHECK(core::MakeRestoreCode(ones) == last + "-" + last + "-" + last + "-" + last);
  // 0000000001 0000000010 0000000011 0000000100
  const std::array<std::uint8_t, 5> counting = {0x00, 0x40, 0x20, 0x0C, 0x04};
  const auto w = core::RestoreWords();
  CHECK(core::MakeRestoreCode(counting) ==
        std::string(w[1]) + "-" + std::string(w[2]) + "-" + std::string(w[3]) + "-" + std::string(w[4]));
}

TEST_CASE("core_restore_code: what a person types is read whatever the case and separators") {
  const std::array<std::uint8_t, 5> bytes = {0x12, 0x34, 0x56, 0x78, 0x9A};
  const std::string code = core::MakeRestoreCode(bytes);
  CHECK(core::NormaliseRestoreCode(code) == code);
  std::string typed;
  for (char c : code) typed += c == '-' ? std::string("  ") : std::string(1, static_cast<char>(c - 'a' + 'A'));
  CHECK(core::NormaliseRestoreCode(" " + typed + " ") == code);
  std::string mixed = code;
  mixed[mixed.find('-')] = ' ';
  CHECK(core::NormaliseRestoreCode(mixed + "\t") == code);

  CHECK_FALSE(core::NormaliseRestoreCode(""));
  CHECK_FALSE(core::NormaliseRestoreCode("otter"));
  CHECK_FALSE(core::NormaliseRestoreCode(code + "-" + std::string(core::RestoreWords()[0])));  // five words
  CHECK_FALSE(core::NormaliseRestoreCode("qqq-qqq-qqq-qqq"));                                   // not our words
  CHECK_FALSE(core::NormaliseRestoreCode(code + "!"));
  CHECK_FALSE(core::NormaliseRestoreCode(std::string(1000, ' ') + code));  // too long to read
}

TEST_CASE("core_restore_code: SHA-256 matches the standard's examples, and the hash is not the code") {
  CHECK(core::Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(core::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(core::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  const std::string hash = core::RestoreCodeHash("acorn-acorn-acorn-acorn");
  CHECK(hash.size() == 64);
  CHECK(hash.find("acorn") == std::string::npos);
}
