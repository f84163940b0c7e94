// This is the implementation of icons.h: UTF-8 encoding of the icon font's codepoints.
#include "client/icons.h"

IconText IconUtf8(Icon icon) {
  IconText text;
  const auto cp = static_cast<std::uint16_t>(icon);
  if (cp == 0) return text;
  // All our icons are in the Basic Multilingual Plane above U+0800: three bytes.
  text.bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
  text.bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  text.bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
  return text;
}
