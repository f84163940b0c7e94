// This is the implementation of uuid.h: laying out the 16 bytes of a UUIDv7 and
// writing and checking the canonical 8-4-4-4-12 text form.
#include "core/uuid.h"

namespace core {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::array<std::size_t, 4> kDashAt = {8, 13, 18, 23};  // positions of '-' in the text
constexpr std::size_t kUuidTextLength = 36;

bool IsDashPosition(std::size_t i) {
  for (std::size_t dash : kDashAt)
    if (i == dash) return true;
  return false;
}

std::string FormatUuid(const std::array<std::uint8_t, 16>& bytes) {
  std::string text;
  text.reserve(kUuidTextLength);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kHexDigits[bytes[i] >> 4];
    text += kHexDigits[bytes[i] & 0x0F];
  }
  return text;
}

}  // namespace

std::string MakeUuidV4(const std::array<std::uint8_t, 16>& random) {
  std::array<std::uint8_t, 16> bytes = random;
  bytes[6] = static_cast<std::uint8_t>(0x40 | (bytes[6] & 0x0F));  // version 4
  bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3F));  // variant 0b10
  return FormatUuid(bytes);
}

std::string MakeUuidV7(std::uint64_t unix_ms, const std::array<std::uint8_t, kUuidRandomBytes>& random) {
  std::array<std::uint8_t, 16> bytes{};
  for (int i = 0; i < 6; ++i)  // 48-bit big-endian timestamp
    bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(unix_ms >> (8 * (5 - i)));
  bytes[6] = static_cast<std::uint8_t>(0x70 | (random[0] & 0x0F));  // version 7 + rand_a (high 4 bits)
  bytes[7] = random[1];                                             // rand_a (low 8 bits)
  bytes[8] = static_cast<std::uint8_t>(0x80 | (random[2] & 0x3F));  // variant 0b10 + rand_b
  for (std::size_t i = 9; i < 16; ++i) bytes[i] = random[i - 6];    // rand_b, random[3..9]
  return FormatUuid(bytes);
}

bool IsUuid(std::string_view text) {
  if (text.size() != kUuidTextLength) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDashPosition(i)) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace core
