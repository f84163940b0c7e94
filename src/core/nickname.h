// Nicknames and companions for young people: no free text, no real names. A nickname is
// two words from fixed, friendly lists ("Brave Otter"), so it can never carry a name,
// a rude word or a way to find a child; the server can check it the same way.
// The caller brings the randomness (core has none).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::array<std::string_view, 24> kNicknameFirst = {
    "Brave",  "Bright", "Calm",   "Cheerful", "Clever", "Cosy",  "Curious", "Friendly",
    "Gentle", "Happy",  "Helpful", "Jolly",   "Kind",   "Lucky", "Merry",   "Mighty",
    "Quiet",  "Smiley", "Speedy", "Sunny",    "Swift",  "Thoughtful", "Wise", "Zippy"};
inline constexpr std::array<std::string_view, 24> kNicknameSecond = {
    "Badger",  "Comet", "Dolphin", "Falcon", "Fox",     "Hedgehog", "Heron",  "Kestrel",
    "Kite",    "Koala", "Maple",   "Meteor", "Otter",   "Owl",      "Panda",  "Pebble",
    "Puffin",  "River", "Robin",   "Rocket", "Seal",    "Squirrel", "Star",   "Willow"};

// "Brave Otter" from two list positions (taken modulo the lists' sizes).
std::string MakeNickname(std::uint32_t first, std::uint32_t second);
// True only for "First Second" made of the lists' words.
bool IsNickname(std::string_view text);

// The companion a young person picks: it cheers them on (it grows with the game, issue 6).
enum class Companion : std::uint8_t { Cat, Owl, Duck, Panda, Fish };
inline constexpr std::array kAllCompanions = {Companion::Cat, Companion::Owl, Companion::Duck, Companion::Panda,
                                              Companion::Fish};
std::string_view CompanionName(Companion companion);   // "cat"
std::string_view CompanionLabel(Companion companion);  // "Cat"

}  // namespace core
