// Restore codes: four random words ("otter-maple-lantern-cocoa") shown under settings, so a
// reinstalled app can find its device again and get its badges back. Never personal data:
// the words come from random bytes only. Pure: the caller brings the randomness (the
// platform's), the server keeps only RestoreCodeHash of a code. Start at MakeRestoreCode.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::size_t kRestoreWordCount = 1024;  // words in the list: 10 bits each
inline constexpr int kRestoreCodeWords = 4;             // words in a code: 40 bits
inline constexpr std::size_t kRestoreCodeBytes = 5;     // random bytes a code is made from
inline constexpr std::size_t kMaxRestoreCodeText = 200; // characters a person may type, at most

// The fixed list, sorted: lower-case, 3 to 7 letters, easy and kind words. Never reorder
// or change it once shipped, or codes already given out stop working.
std::span<const std::string_view, kRestoreWordCount> RestoreWords();

// "otter-maple-lantern-cocoa": 10 bits of `random` per word, in order.
std::string MakeRestoreCode(std::span<const std::uint8_t, kRestoreCodeBytes> random);

// What a person typed, as the code it means: any case, words split by spaces, hyphens,
// dots, commas or underscores ("Otter maple - LANTERN cocoa" is "otter-maple-lantern-cocoa").
// Nullopt unless it is exactly kRestoreCodeWords words of the list.
std::optional<std::string> NormaliseRestoreCode(std::string_view typed);

// What the server keeps of a normalised code: lower-case hex SHA-256 of it, with a prefix
// so the hash means nothing elsewhere.
std::string RestoreCodeHash(std::string_view normalised_code);

// Lower-case hex SHA-256 (FIPS 180-4) of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace core
