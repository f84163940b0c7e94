// What Safe Spaces calls itself: name, version and the words every screen and the
// server share. Plain data; no UI or network here.
#pragma once
#include <string_view>

namespace core {

std::string_view AppName();     // "Safe Spaces"
std::string_view AppVersion();  // the project's version, e.g. "0.1.0"

}  // namespace core
