// Tests of core/uuid: the ids a device gives to what it makes are well formed, unique for
// different randomness, and sort by the time they were made (so lists come out in order).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "core/uuid.h"

namespace {

using Random = std::array<std::uint8_t, core::kUuidRandomBytes>;

Random Filled(std::uint8_t byte) {
  Random random;
  random.fill(byte);
  return random;
}

}  // namespace

TEST_CASE("an id matches the RFC 9562 example of a UUIDv7", "[core][uuid]") {
  // RFC 9562, appendix A.6: unix_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
  const Random random = {0x0C, 0xC3, 0x18, 0xC4, 0xDC, 0x0C, 0x0C, 0x07, 0x39, 0x8F};
  CHECK(core::MakeUuidV7(0x017F22E279B0, random) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
}

TEST_CASE("every id has the canonical shape, version 7 and the RFC variant", "[core][uuid]") {
  std::mt19937_64 rng(20240501);
  for (int i = 0; i < 1000; ++i) {
    Random random;
    for (std::uint8_t& byte : random) byte = static_cast<std::uint8_t>(rng());
    const std::string id = core::MakeUuidV7(rng() >> 16, random);
    INFO(id);
    REQUIRE(core::IsUuid(id));
    CHECK(id[14] == '7');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
  }
}

TEST_CASE("randomness bits cannot disturb the version and variant", "[core][uuid]") {
  const std::string all_ones = core::MakeUuidV7(0xFFFFFFFFFFFF, Filled(0xFF));
  CHECK(all_ones == "ffffffff-ffff-7fff-bfff-ffffffffffff");
  const std::string all_zeros = core::MakeUuidV7(0, Filled(0x00));
  CHECK(all_zeros == "00000000-0000-7000-8000-000000000000");
}

TEST_CASE("ids made later sort after ids made earlier, whatever the random part", "[core][uuid]") {
  const std::uint64_t may_2024 = 1714521600000;  // 2024-05-01T00:00:00Z in ms
  CHECK(core::MakeUuidV7(may_2024, Filled(0xFF)) < core::MakeUuidV7(may_2024 + 1, Filled(0x00)));

  std::mt19937_64 rng(7);
  std::vector<std::string> ids;
  for (std::uint64_t ms = may_2024; ms < may_2024 + 500; ms += 1 + rng() % 1000) {
    Random random;
    for (std::uint8_t& byte : random) byte = static_cast<std::uint8_t>(rng());
    ids.push_back(core::MakeUuidV7(ms, random));
  }
  CHECK(std::is_sorted(ids.begin(), ids.end()));
}

TEST_CASE("the time part is the millisecond clock, big-endian, in the first 12 hex digits", "[core][uuid]") {
  const std::string id = core::MakeUuidV7(1714521600000, Filled(0));  // 0x018F31737000
  CHECK(id.substr(0, 13) == "018f3173-7000");
}

TEST_CASE("a clock beyond 48 bits keeps only its low 48 bits", "[core][uuid]") {
  CHECK(core::MakeUuidV7(0x1234'017F22E279B0, Filled(0)) == core::MakeUuidV7(0x017F22E279B0, Filled(0)));
}

TEST_CASE("the same time and randomness give the same id, different randomness a different id", "[core][uuid]") {
  const Random a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  Random b = a;
  b[9] = 11;
  CHECK(core::MakeUuidV7(1000, a) == core::MakeUuidV7(1000, a));
  CHECK(core::MakeUuidV7(1000, a) != core::MakeUuidV7(1000, b));

  std::set<std::string> seen;
  for (int i = 0; i < 256; ++i) seen.insert(core::MakeUuidV7(1000, Filled(static_cast<std::uint8_t>(i))));
  CHECK(seen.size() == 256);
}

TEST_CASE("only the canonical lowercase form counts as an id", "[core][uuid]") {
  CHECK(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
  CHECK(core::IsUuid("00000000-0000-0000-0000-000000000000"));  // any version, by shape alone
  CHECK(core::IsUuid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));  // version 1

  CHECK_FALSE(core::IsUuid(""));
  CHECK_FALSE(core::IsUuid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F"));    // uppercase
  CHECK_FALSE(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398F"));    // one uppercase letter
  CHECK_FALSE(core::IsUuid("{017f22e2-79b0-7cc3-98c4-dc0c0c07398f}"));  // braces
  CHECK_FALSE(core::IsUuid("urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
  CHECK_FALSE(core::IsUuid("017f22e279b07cc398c4dc0c0c07398f"));       // no dashes
  CHECK_FALSE(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398"));    // one short
  CHECK_FALSE(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398f0"));  // one long
  CHECK_FALSE(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398f "));  // trailing space
  CHECK_FALSE(core::IsUuid("017f22e2-79b07-cc3-98c4-dc0c0c07398f"));   // dash moved
  CHECK_FALSE(core::IsUuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398g"));   // not hex
  CHECK_FALSE(core::IsUuid("017f22e2_79b0_7cc3_98c4_dc0c0c07398f"));   // wrong separator
  CHECK_FALSE(core::IsUuid(std::string_view("017f22e2-79b0-7cc3-98c4-dc0c0c07398\0", 36)));
}
