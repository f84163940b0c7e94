// Tests of core/room_code: codes from random bytes use only the alphabet without
// look-alikes, are shown as "KXM-4P7", and what a person types is read in any case with
// spaces and hyphens, while look-alike characters are refused in kind words.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <set>
#include <string>

#include "core/room_code.h"

TEST_CASE("core_room_code: the alphabet has 25 characters and no look-alikes") {
  CHECK(core::kRoomCodeAlphabet.size() == 25);
  std::set<char> unique(core::kRoomCodeAlphabet.begin(), core::kRoomCodeAlphabet.end());
  CHECK(unique.size() == core::kRoomCodeAlphabet.size());
  for (char c : core::kRoomCodeLookAlikes) CHECK(core::kRoomCodeAlphabet.find(c) == std::string_view::npos);
}

TEST_CASE("core_room_code: codes are six alphabet characters, different for different bytes") {
  std::array<std::uint8_t, core::kRoomCodeBytes> random{};
  std::set<std::string> seen;
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  for (int draw = 0; draw < 5000; ++draw) {
    for (std::uint8_t& byte : random) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      byte = static_cast<std::uint8_t>(state >> 56);
    }
    const std::string code = core::MakeRoomCode(random);
    INFO(code);
    REQUIRE(code.size() == core::kRoomCodeLength);
    for (char c : code) REQUIRE(core::kRoomCodeAlphabet.find(c) != std::string_view::npos);
    CHECK(core::NormaliseRoomCode(code).code == code);
    seen.insert(code);
  }
  CHECK(seen.size() > 4990);
  random.fill(0);
  CHECK(core::MakeRoomCode(random) == "AAAAAA");
}

TEST_CASE("core_room_code: shown with a hyphen in the middle") {
  CHECK(core::DisplayRoomCode("KXM4P7") == "KXM-4P7");
  CHECK(core::NormaliseRoomCode(core::DisplayRoomCode("KXM4P7")).code == "KXM4P7");
}

TEST_CASE("core_room_code: typed codes are read in any case, with spaces and hyphens") {
  CHECK(core::NormaliseRoomCode("kxm 4p7").code == "KXM4P7");
  CHECK(core::NormaliseRoomCode(" Kxm-4P7 ").code == "KXM4P7");
  CHECK(core::NormaliseRoomCode("k x m - 4 p 7").code == "KXM4P7");
}

TEST_CASE("core_room_code: wrong shapes and look-alikes are refused in kind words") {
  for (const char* typed : {"", "KXM4P", "KXM4P77", "KXM4P!", "KXMé4P7"}) {
    INFO(typed);
    const core::RoomCodeReading reading = core::NormaliseRoomCode(typed);
    CHECK_FALSE(reading.code);
    CHECK(reading.message.find("6 letters and numbers") != std::string::npos);
  }
  for (const char* typed :
       {"KXM0P7", "oxm4p7", "KXM-1P7", "kxm 4l7", "SXM4P7", "KXM4P2", "BXM4P7", "8XM4P7", "zxm4p7"}) {
    INFO(typed);
    const core::RoomCodeReading reading = core::NormaliseRoomCode(typed);
    CHECK_FALSE(reading.code);
    CHECK(reading.message.find("typing slip") != std::string::npos);
  }
  CHECK_FALSE(core::NormaliseRoomCode(std::string(100, ' ') + "KXM4P7").code);
}
