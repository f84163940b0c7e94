// Ids for everything a device makes: time-ordered UUIDv7 (RFC 9562), written in lowercase.
// Core stays pure, so the caller brings the clock and the randomness (the platform layer
// has both); the same inputs always give the same id, which keeps tests exact.
// Not here: checking a whole item (validation.h), which uses IsUuid.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::size_t kUuidRandomBytes = 10;  // bytes the caller supplies; 74 bits are used

// Layout (RFC 9562, section 5.7): 48 bits of unix_ms, version 7, 12 random bits, variant
// 0b10, 62 random bits. Ids made in a later millisecond sort after earlier ones, as
// strings too. Only the low 48 bits of unix_ms are used (enough until the year 10889).
std::string MakeUuidV7(std::uint64_t unix_ms, const std::array<std::uint8_t, kUuidRandomBytes>& random);

// A random UUIDv4 (RFC 9562, section 5.4), for ids that must say nothing about when they
// were made: a device's own id.
std::string MakeUuidV4(const std::array<std::uint8_t, 16>& random);

// True for the canonical form only: 36 characters, lowercase hex in groups 8-4-4-4-12.
// Any version is accepted; uppercase, braces and "urn:uuid:" are not.
bool IsUuid(std::string_view text);

}  // namespace core
