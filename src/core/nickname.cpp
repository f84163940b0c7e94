// This is the implementation of nickname.h.
#include "core/nickname.h"

#include <algorithm>

namespace core {

std::string MakeNickname(std::uint32_t first, std::uint32_t second) {
  return std::string(kNicknameFirst[first % kNicknameFirst.size()]) + " " +
         std::string(kNicknameSecond[second % kNicknameSecond.size()]);
}

bool IsNickname(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view first = text.substr(0, space);
  const std::string_view second = text.substr(space + 1);
  return std::find(kNicknameFirst.begin(), kNicknameFirst.end(), first) != kNicknameFirst.end() &&
         std::find(kNicknameSecond.begin(), kNicknameSecond.end(), second) != kNicknameSecond.end();
}

std::string_view CompanionName(Companion companion) {
  switch (companion) {
    case Companion::Cat: return "cat";
    case Companion::Owl: return "owl";
    case Companion::Duck: return "duck";
    case Companion::Panda: return "panda";
    case Companion::Fish: return "fish";
  }
  return "cat";
}

std::string_view CompanionLabel(Companion companion) {
  switch (companion) {
    case Companion::Cat: return "Cat";
    case Companion::Owl: return "Owl";
    case Companion::Duck: return "Duck";
    case Companion::Panda: return "Panda";
    case Companion::Fish: return "Fish";
  }
  return "Cat";
}

}  // namespace core
