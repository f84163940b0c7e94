// Room codes for co-production sessions: six characters a youth worker reads aloud and
// young people type ("KXM-4P7"), from an alphabet with no look-alikes (no 0/O, 1/I/L, 5/S,
// 2/Z, 8/B), so a typed code either means one room or is plainly a slip. Pure: the caller
// brings the randomness. Not here: sessions themselves (store/session_store.h).
// Start at MakeRoomCode.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::string_view kRoomCodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";  // 25 characters
inline constexpr std::string_view kRoomCodeLookAlikes = "0O1IL5S2Z8B";              // never in a code
inline constexpr std::size_t kRoomCodeLength = 6;    // characters: 25^6, about 244 million codes
inline constexpr std::size_t kRoomCodeBytes = 8;     // random bytes a code is made from
inline constexpr std::size_t kMaxRoomCodeText = 40;  // characters a person may type, at most

// "KXM4P7": the code as stored and compared (upper case, no hyphen).
std::string MakeRoomCode(std::span<const std::uint8_t, kRoomCodeBytes> random);

// "KXM-4P7": how a code is shown and read aloud.
std::string DisplayRoomCode(std::string_view code);

// What a person typed, as the code it means, or the words to show them.
struct RoomCodeReading {
  std::optional<std::string> code;  // "KXM4P7"
  std::string message;              // when there is no code: kind, plain words
};
// Any case; spaces and hyphens anywhere ("kxm 4p7", "KXM-4P7"). Look-alike characters are
// refused, not guessed at: they are never in a code, so one is always a typing slip.
RoomCodeReading NormaliseRoomCode(std::string_view typed);

}  // namespace core
