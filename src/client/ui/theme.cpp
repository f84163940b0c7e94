// This is the implementation of theme.h: font atlas and ImGui style for Safe Spaces.
#include "client/ui/theme.h"

#include <cstdio>

#include "client/icons.h"

namespace ui {
namespace {

Fonts g_fonts;  // the current atlas's fonts; rebuilt when the pixel ratio changes

bool FileReadable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::fclose(f);
  return true;
}

// Only the icons the app uses go into the atlas: all 1,600 at five sizes would pass the
// largest texture a phone's WebGL allows at devicePixelRatio 3.
const ImWchar* IconRanges() {
  static ImVector<ImWchar> ranges;
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
  ImFont* font = atlas.AddFontFromFileTTF(text_path.c_str(), pixel_size, &text_config,
                                          atlas.GetGlyphRangesDefault());
  ImFontConfig icon_config;
  icon_config.MergeMode = true;
  icon_config.OversampleH = 1;
  icon_config.GlyphMinAdvanceX = pixel_size * 1.1f;  // icons line up in a column
  icon_config.GlyphOffset.y = pixel_size * 0.12f;    // sit on the text's baseline
  atlas.AddFontFromFileTTF(icon_path.c_str(), pixel_size * 1.1f, &icon_config, IconRanges());
  return font;
}

}  // namespace

bool LoadFonts(const std::string& assets_dir, float device_pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  g_fonts = Fonts{};
  const float dpr = device_pixel_ratio > 0.5f ? device_pixel_ratio : 1.0f;

  const std::string regular = assets_dir + "fonts/AtkinsonHyperlegible-400.ttf";
  const std::string bold = assets_dir + "fonts/AtkinsonHyperlegible-700.ttf";
  const std::string icons = assets_dir + "fonts/materialdesignicons-webfont.ttf";
  if (!FileReadable(regular) || !FileReadable(bold) || !FileReadable(icons)) {
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * dpr;
    g_fonts.body = g_fonts.bold = g_fonts.small = g_fonts.heading = g_fonts.big_icon =
        atlas.AddFontDefault(&fallback);
    io.FontGlobalScale = 1.0f / dpr;
    atlas.Build();
    return false;
  }

  g_fonts.body = AddTextWithIcons(atlas, regular, icons, kBodySize * dpr);  // first font = default
  g_fonts.bold = AddTextWithIcons(atlas, bold, icons, kBodySize * dpr);
  g_fonts.small = AddTextWithIcons(atlas, regular, icons, kSmallSize * dpr);
  g_fonts.heading = AddTextWithIcons(atlas, bold, icons, kHeadingSize * dpr);
  ImFontConfig big_icon_config;
  big_icon_config.OversampleH = 1;
  g_fonts.big_icon = atlas.AddFontFromFileTTF(icons.c_str(), kBigIconSize * dpr, &big_icon_config, IconRanges());
  g_fonts.from_files = true;
  io.FontGlobalScale = 1.0f / dpr;
  return atlas.Build();
}

const Fonts& GetFonts() { return g_fonts; }

void ApplyStyle() {
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
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::kBackground);
  c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(colour::kBackground);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colour::kText);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(colour::kMutedText);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(colour::kPrimary);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(colour::kPrimaryHover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(colour::kPrimaryActive);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(colour::kFocus);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(colour::kCardBorder);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
}

}  // namespace ui
