// This is the implementation of theme.h: palettes, the font atlas and ImGui's style.
#include "client/ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "client/icons.h"

namespace ui {
namespace {

// Calm: warm off-white, deep navy text, one teal for actions. Contrasts are tested
// (ui_theme_test.cpp): at least 4.5:1 here, 7:1 in high contrast.
constexpr Palette kStandard = {
    .background = IM_COL32(0xF6, 0xF4, 0xEE, 0xFF),
    .card = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .card_border = IM_COL32(0xC9, 0xC2, 0xB3, 0xFF),
    .text = IM_COL32(0x1B, 0x24, 0x37, 0xFF),
    .muted_text = IM_COL32(0x43, 0x4C, 0x5E, 0xFF),
    .primary = IM_COL32(0x1F, 0x6A, 0x73, 0xFF),
    .primary_hover = IM_COL32(0x19, 0x5A, 0x62, 0xFF),
    .primary_active = IM_COL32(0x13, 0x48, 0x4E, 0xFF),
    .on_primary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .focus = IM_COL32(0xB4, 0x3C, 0x0B, 0xFF),
    .tint_map = IM_COL32(0xD6, 0xEC, 0xEE, 0xFF),
    .tint_rate = IM_COL32(0xFB, 0xEB, 0xC8, 0xFF),
    .tint_suggest = IM_COL32(0xDF, 0xEF, 0xD8, 0xFF),
    .tint_mine = IM_COL32(0xF6, 0xDD, 0xE3, 0xFF),
    .tint_group = IM_COL32(0xE4, 0xE2, 0xF5, 0xFF),
    .chosen = IM_COL32(0xD6, 0xEC, 0xEE, 0xFF),
    .face = IM_COL32(0xFF, 0xE3, 0x9A, 0xFF),
    .danger = IM_COL32(0xB3, 0x26, 0x1E, 0xFF),
};

// High contrast: black on white, strong borders, no soft tints.
constexpr Palette kHigh = {
    .background = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .card = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .card_border = IM_COL32(0x00, 0x00, 0x00, 0xFF),
    .text = IM_COL32(0x00, 0x00, 0x00, 0xFF),
    .muted_text = IM_COL32(0x1F, 0x1F, 0x1F, 0xFF),
    .primary = IM_COL32(0x00, 0x3A, 0x40, 0xFF),
    .primary_hover = IM_COL32(0x00, 0x2C, 0x31, 0xFF),
    .primary_active = IM_COL32(0x00, 0x1E, 0x22, 0xFF),
    .on_primary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .focus = IM_COL32(0x8A, 0x2E, 0x00, 0xFF),
    .tint_map = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .tint_rate = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .tint_suggest = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .tint_mine = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .tint_group = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .chosen = IM_COL32(0xFF, 0xF2, 0x99, 0xFF),
    .face = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    .danger = IM_COL32(0x8B, 0x00, 0x00, 0xFF),
};

Fonts g_fonts;                 // the current atlas's fonts; rebuilt when the look or pixel ratio changes
const Palette* g_palette = &kStandard;
float g_text_scale = 1.0f;

bool FileReadable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::fclose(f);
  return true;
}

// Only the icons the app uses go into the atlas: all 1,600 at five sizes would pass the
// largest texture a phone's WebGL allows at devicePixelRatio 3.
const ImWchar* IconRanges() {
  static ImVector<ImWchar> ranges;  // built once; ImGui keeps a pointer to it
  if (ranges.empty()) {
    for (Icon icon : kAllIcons) {
      ranges.push_back(static_cast<ImWchar>(icon));
      ranges.push_back(static_cast<ImWchar>(icon));
    }
    ranges.push_back(0);
  }
  return ranges.Data;
}

// Adds a text font and merges the icon font into it at the same size.
ImFont* AddTextWithIcons(ImFontAtlas& atlas, const std::string& text_path, const std::string& icon_path,
                         float pixel_size) {
  ImFontConfig text_config;
  text_config.OversampleH = 1;  // rasterised at full device resolution already
  ImFont* font = atlas.AddFontFromFileTTF(text_path.c_str(), pixel_size, &text_config, atlas.GetGlyphRangesDefault());
  ImFontConfig icon_config;
  icon_config.MergeMode = true;
  icon_config.OversampleH = 1;
  icon_config.GlyphMinAdvanceX = pixel_size * 1.1f;  // icons line up in a column
  icon_config.GlyphOffset.y = pixel_size * 0.12f;    // sit on the text's baseline
  atlas.AddFontFromFileTTF(icon_path.c_str(), pixel_size * 1.1f, &icon_config, IconRanges());
  return font;
}

void ApplyStyle(const Palette& p) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(kScreenPadding, kScreenPadding);
  style.FramePadding = ImVec2(16.0f, 12.0f);
  style.ItemSpacing = ImVec2(12.0f, 14.0f);
  style.ItemInnerSpacing = ImVec2(10.0f, 8.0f);
  style.ScrollbarSize = 14.0f;
  style.WindowRounding = 0.0f;
  style.FrameRounding = 12.0f;
  style.GrabRounding = 12.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameBorderSize = 0.0f;
  style.TouchExtraPadding = ImVec2(4.0f, 4.0f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(p.background);
  c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(p.background);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.muted_text);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(p.primary);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(p.primary_hover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(p.primary_active);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(p.focus);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(p.card_border);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(p.card_border);
}

float Linear(float channel) {
  return channel <= 0.03928f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float Luminance(ImU32 colour) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  return 0.2126f * Linear(c.x) + 0.7152f * Linear(c.y) + 0.0722f * Linear(c.z);
}

}  // namespace

const Palette& PaletteFor(Contrast contrast) { return contrast == Contrast::High ? kHigh : kStandard; }
const Palette& Colours() { return *g_palette; }
float TextScale() { return g_text_scale; }

float ContrastRatio(ImU32 a, ImU32 b) {
  const float la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

bool ApplyLook(const std::string& assets_dir, float device_pixel_ratio, const LookSettings& look) {
  g_palette = &PaletteFor(look.contrast);
  g_text_scale = std::clamp(look.text_percent, kMinTextPercent, kMaxTextPercent) / 100.0f;
  ApplyStyle(*g_palette);

  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  g_fonts = Fonts{};
  const float dpr = device_pixel_ratio > 0.5f ? device_pixel_ratio : 1.0f;
  const float px = dpr * g_text_scale;  // device pixels per CSS pixel of text
  // Very large text on a dense screen would outgrow the atlas: cap the raster scale.
  const float raster = std::min(px, 4.0f);

  const bool dyslexic = look.font == FontFamily::OpenDyslexic;
  const std::string regular = assets_dir + (dyslexic ? "fonts/OpenDyslexic-Regular.otf" : "fonts/AtkinsonHyperlegible-400.ttf");
  const std::string bold = assets_dir + (dyslexic ? "fonts/OpenDyslexic-Bold.otf" : "fonts/AtkinsonHyperlegible-700.ttf");
  const std::string icons = assets_dir + "fonts/SafeSpacesIcons.ttf";
  if (!FileReadable(regular) || !FileReadable(bold) || !FileReadable(icons)) {
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * dpr;
    g_fonts.body = g_fonts.bold = g_fonts.small = g_fonts.heading = g_fonts.big_icon = g_fonts.display =
        atlas.AddFontDefault(&fallback);
    io.FontGlobalScale = 1.0f / dpr;
    atlas.Build();
    return false;
  }

  g_fonts.body = AddTextWithIcons(atlas, regular, icons, kBodySize * raster);  // first font = default
  g_fonts.bold = AddTextWithIcons(atlas, bold, icons, kBodySize * raster);
  g_fonts.small = AddTextWithIcons(atlas, regular, icons, kSmallSize * raster);
  g_fonts.heading = AddTextWithIcons(atlas, bold, icons, kHeadingSize * raster);
  ImFontConfig big_icon_config;
  big_icon_config.OversampleH = 1;
  g_fonts.big_icon = atlas.AddFontFromFileTTF(icons.c_str(), kBigIconSize * raster, &big_icon_config, IconRanges());
  // Only what a room code is made of: the whole alphabet this big would not fit the atlas.
  static const ImWchar kDisplayRanges[] = {' ', ' ', '-', '-', '0', '9', 'A', 'Z', 0};
  ImFontConfig display_config;
  display_config.OversampleH = 1;
  g_fonts.display = atlas.AddFontFromFileTTF(bold.c_str(), kDisplaySize * raster, &display_config, kDisplayRanges);
  g_fonts.from_files = true;
  // Drawn at CSS size x text scale: the atlas holds `raster` device pixels per CSS pixel.
  io.FontGlobalScale = g_text_scale / raster;
  return atlas.Build();
}

const Fonts& GetFonts() { return g_fonts; }

}  // namespace ui
