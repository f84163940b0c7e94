// The look of Safe Spaces: calm colours, big easy-read type (Atkinson Hyperlegible) with
// icons merged in, and sizes in CSS pixels. Fonts are rasterised at size x devicePixelRatio
// and drawn scaled back, so text stays sharp on phones. Not here: layout (widgets.cpp).
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

// Sizes, in CSS pixels.
inline constexpr float kBodySize = 20.0f;       // body text: large enough for dyslexic readers
inline constexpr float kSmallSize = 17.0f;      // hints under a button's label
inline constexpr float kHeadingSize = 30.0f;    // screen titles
inline constexpr float kBigIconSize = 34.0f;    // icons on journey buttons
inline constexpr float kMinTarget = 48.0f;      // smallest touch target, per WCAG 2.5.5 / our brief
inline constexpr float kMaxContentWidth = 600.0f;  // reading column on tablets and laptops
inline constexpr float kScreenPadding = 16.0f;  // space at the screen's edges

// Colours (contrast checked against kBackground: text 14:1, primary 5.6:1 with white text).
namespace colour {
inline constexpr ImU32 kBackground = IM_COL32(0xF6, 0xF4, 0xEE, 0xFF);
inline constexpr ImU32 kCard = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kCardBorder = IM_COL32(0xD5, 0xCF, 0xC2, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1B, 0x24, 0x37, 0xFF);
inline constexpr ImU32 kMutedText = IM_COL32(0x46, 0x50, 0x62, 0xFF);
inline constexpr ImU32 kPrimary = IM_COL32(0x1F, 0x6A, 0x73, 0xFF);
inline constexpr ImU32 kPrimaryHover = IM_COL32(0x19, 0x5A, 0x62, 0xFF);
inline constexpr ImU32 kPrimaryActive = IM_COL32(0x13, 0x48, 0x4E, 0xFF);
inline constexpr ImU32 kOnPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kFocus = IM_COL32(0xC2, 0x41, 0x0C, 0xFF);  // focus ring: orange, never colour alone
// Soft backgrounds for journey icons (the icon and its words carry the meaning).
inline constexpr ImU32 kTintMap = IM_COL32(0xD6, 0xEC, 0xEE, 0xFF);
inline constexpr ImU32 kTintRate = IM_COL32(0xFB, 0xEB, 0xC8, 0xFF);
inline constexpr ImU32 kTintSuggest = IM_COL32(0xDF, 0xEF, 0xD8, 0xFF);
inline constexpr ImU32 kTintMine = IM_COL32(0xF6, 0xDD, 0xE3, 0xFF);
inline constexpr ImU32 kTintGroup = IM_COL32(0xE4, 0xE2, 0xF5, 0xFF);
}  // namespace colour

struct Fonts {
  ImFont* body = nullptr;      // regular, with icons
  ImFont* bold = nullptr;      // bold, with icons (button labels)
  ImFont* small = nullptr;     // hints
  ImFont* heading = nullptr;   // bold, screen titles
  ImFont* big_icon = nullptr;  // icons alone, journey buttons
  bool from_files = false;     // false when the font files were missing (ImGui's default font)
};

// Builds the font atlas for `device_pixel_ratio` and sets io.FontGlobalScale to match.
// Returns false (and falls back to ImGui's own font) when a font file cannot be read.
bool LoadFonts(const std::string& assets_dir, float device_pixel_ratio);
const Fonts& GetFonts();

// Applies colours, rounding and spacing to ImGui's style.
void ApplyStyle();

}  // namespace ui
