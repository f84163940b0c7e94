// This is the implementation of room_code.h: making, showing and reading room codes.
#include "core/room_code.h"

namespace core {

std::string MakeRoomCode(std::span<const std::uint8_t, kRoomCodeBytes> random) {
  std::uint64_t bits = 0;
  for (std::uint8_t byte : random) bits = bits << 8 | byte;
  // 64 bits taken modulo 25^6: the bias is below one in 75 billion.
  std::string code(kRoomCodeLength, ' ');
  for (char& c : code) {
    c = kRoomCodeAlphabet[bits % kRoomCodeAlphabet.size()];
    bits /= kRoomCodeAlphabet.size();
  }
  return code;
}

std::string DisplayRoomCode(std::string_view code) {
  if (code.size() != kRoomCodeLength) return std::string(code);
  return std::string(code.substr(0, 3)) + "-" + std::string(code.substr(3));
}

RoomCodeReading NormaliseRoomCode(std::string_view typed) {
  const std::string kShape =
      "A group code is 6 letters and numbers, like KXM-4P7. Check the code with your youth worker.";
  if (typed.size() > kMaxRoomCodeText) return {std::nullopt, kShape};
  std::string code;
  bool look_alike = false;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kRoomCodeLookAlikes.find(c) != std::string_view::npos)
      look_alike = true;
    else if (kRoomCodeAlphabet.find(c) == std::string_view::npos)
      return {std::nullopt, kShape};
    code += c;
  }
  if (look_alike)
    return {std::nullopt,
            "Group codes never use 0, O, 1, I, L, 5, S, 2, Z, 8 or B, so one of those is a typing slip. Check the "
            "code with your youth worker."};
  if (code.size() != kRoomCodeLength) return {std::nullopt, kShape};
  return {std::move(code), ""};
}

}  // namespace core
