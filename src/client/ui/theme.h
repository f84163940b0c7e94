// The look of Safe Spaces: calm colours (and a high-contrast set), easy-read type
// (Atkinson Hyperlegible, or OpenDyslexic) with icons merged in, at the text size the young
// person chose. Fonts are rasterised at size x text size x devicePixelRatio and drawn
// scaled back, so text stays sharp on phones at any size. Not here: layout (widgets.cpp).
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

// Sizes at 100% text, in CSS pixels; Scaled() gives them at the chosen text size.
inline constexpr float kBodySize = 20.0f;       // body text: large enough for dyslexic readers
inline constexpr float kSmallSize = 17.0f;      // hints under a button's label
inline constexpr float kHeadingSize = 30.0f;    // screen titles
inline constexpr float kBigIconSize = 34.0f;    // icons on journey buttons
inline constexpr float kDisplaySize = 72.0f;    // a room code on the board, read from the back of a room
inline constexpr float kMinTarget = 48.0f;      // smallest touch target (WCAG 2.5.5), never scaled down
inline constexpr float kMaxContentWidth = 600.0f;  // reading column on tablets and laptops, at 100%
inline constexpr float kScreenPadding = 16.0f;  // space at the screen's edges

enum class FontFamily { Atkinson, OpenDyslexic };
enum class Contrast { Standard, High };

// How the young person wants things to look; remembered on the device.
struct LookSettings {
  int text_percent = 100;  // 100..200
  FontFamily font = FontFamily::Atkinson;
  Contrast contrast = Contrast::Standard;
  bool operator==(const LookSettings&) const = default;
};
inline constexpr int kMinTextPercent = 100;
inline constexpr int kMaxTextPercent = 200;

struct Palette {
  ImU32 background, card, card_border, text, muted_text;
  ImU32 primary, primary_hover, primary_active, on_primary;
  ImU32 focus;  // focus ring: never colour alone, it is a thick outline
  ImU32 tint_map, tint_rate, tint_suggest, tint_mine, tint_group;  // soft icon backgrounds
  ImU32 chosen;  // background of a chosen option (with a thick border and a tick)
  ImU32 face;    // fill of the faces
  ImU32 danger;  // words and outline of a button that deletes (never colour alone: an icon and words)
};

const Palette& PaletteFor(Contrast contrast);
const Palette& Colours();  // the current one
float TextScale();          // text_percent / 100 of the current look
inline float Scaled(float size) { return size * TextScale(); }

struct Fonts {
  ImFont* body = nullptr;      // regular, with icons
  ImFont* bold = nullptr;      // bold, with icons (button labels)
  ImFont* small = nullptr;     // hints
  ImFont* heading = nullptr;   // bold, screen titles
  ImFont* big_icon = nullptr;  // icons alone, journey buttons
  ImFont* display = nullptr;   // bold, kDisplaySize: capitals, digits, '-' and ' ' only (a room code)
  bool from_files = false;     // false when the font files were missing (ImGui's default font)
};

// Builds the font atlas for the look and the pixel ratio, applies the colours and spacing,
// and sets io.FontGlobalScale. Returns false (falling back to ImGui's own font) when a
// font file cannot be read.
bool ApplyLook(const std::string& assets_dir, float device_pixel_ratio, const LookSettings& look);
const Fonts& GetFonts();

// Relative luminance contrast of two colours (WCAG 2), for tests and checks.
float ContrastRatio(ImU32 a, ImU32 b);

}  // namespace ui
