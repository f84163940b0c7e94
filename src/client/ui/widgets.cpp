// This is the implementation of widgets.h, and of the ImGui test-engine hooks that let it
// notice interactive items drawn without it.
//
// [SECTION] Frame recording and ImGui item hooks
// [SECTION] Screens and layout
// [SECTION] Buttons
// [SECTION] Text
#include "client/ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdarg>

#include "client/ui/theme.h"

namespace ui {
namespace {

FrameRecord* g_record = nullptr;  // the frame being recorded, between BeginFrame and EndFrame
std::vector<RawItem> g_hooked;    // interactive items ImGui reported this frame

Rect RectOf(const ImVec2& min, const ImVec2& max) { return {min.x, min.y, max.x - min.x, max.y - min.y}; }

void Record(Item item) {
  if (g_record) g_record->items.push_back(std::move(item));
}

void RecordLastItem(Role role, std::string name, std::string description = {}) {
  Item item;
  item.id = ImGui::GetItemID();
  item.role = role;
  item.name = std::move(name);
  item.description = std::move(description);
  item.rect = RectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  Record(std::move(item));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame recording and ImGui item hooks
//-----------------------------------------------------------------------------

void BeginFrame(FrameRecord* record) {
  g_record = record;
  if (g_record) g_record->Clear();
  g_hooked.clear();
  GImGui->TestEngineHookItems = true;
}

void EndFrame() {
  if (!g_record) return;
  for (const RawItem& hooked : g_hooked) {
    const bool ours = std::any_of(g_record->items.begin(), g_record->items.end(),
                                  [&](const Item& item) { return item.id == hooked.id; });
    if (!ours) g_record->raw_items.push_back(hooked);
  }
  g_record = nullptr;
}

}  // namespace ui

// ImGui calls these for every item when TestEngineHookItems is set (imgui_internal.h).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  ui::g_hooked.push_back({id, label ? label : ""});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace ui {

//-----------------------------------------------------------------------------
// [SECTION] Screens and layout
//-----------------------------------------------------------------------------

namespace {
float g_column_x = 0.0f;      // left edge of the reading column, window coordinates
float g_column_width = 0.0f;  // its width
}  // namespace

void BeginScreen(const char* title) {
  if (g_record) g_record->screen_name = title;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##screen", nullptr, kFlags);
  const float available = ImGui::GetContentRegionAvail().x;
  g_column_width = std::min(available, kMaxContentWidth);
  g_column_x = ImGui::GetCursorPosX() + (available - g_column_width) * 0.5f;
  ImGui::PushTextWrapPos(g_column_x + g_column_width);
  ImGui::SetCursorPosX(g_column_x);
  ImGui::BeginGroup();
}

void EndScreen() {
  ImGui::EndGroup();
  Space(kScreenPadding);
  ImGui::PopTextWrapPos();
  ImGui::End();
}

float ContentWidth() { return g_column_width; }

void Space(float pixels) { ImGui::Dummy(ImVec2(1.0f, pixels)); }

//-----------------------------------------------------------------------------
// [SECTION] Buttons
//-----------------------------------------------------------------------------

namespace {

void DrawFocusRing(const ImVec2& min, const ImVec2& max) {
  ImGuiContext& g = *GImGui;
  if (g.NavId == ImGui::GetItemID() && g.NavDisableHighlight == false) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3),
                                        colour::kFocus, 14.0f, 0, 3.0f);
  }
}

}  // namespace

bool Button(Icon icon, const char* label, ButtonStyle style, float width) {
  const Fonts& fonts = GetFonts();
  ImGui::PushFont(fonts.bold);
  const IconText glyph = IconUtf8(icon);
  const ImVec2 label_size = ImGui::CalcTextSize(label);
  const ImVec2 icon_size = ImGui::CalcTextSize(glyph.c_str());
  const float gap = icon == Icon::None ? 0.0f : 10.0f;
  const float content_w = icon_size.x + gap + label_size.x;
  const ImVec2 size(std::max({width, content_w + 40.0f, kMinTarget}),
                    std::max(kMinTarget, label_size.y + 24.0f));

  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::PushID(label);
  const bool pressed = ImGui::InvisibleButton("##button", size);
  ImGui::PopID();
  const bool held = ImGui::IsItemActive();
  const bool hovered = ImGui::IsItemHovered();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 text_colour = colour::kOnPrimary;
  if (style == ButtonStyle::Primary) {
    draw->AddRectFilled(min, max, held ? colour::kPrimaryActive : hovered ? colour::kPrimaryHover : colour::kPrimary, 12.0f);
  } else {
    draw->AddRectFilled(min, max, held ? colour::kTintMap : colour::kCard, 12.0f);
    draw->AddRect(min, max, colour::kPrimary, 12.0f, 0, 2.0f);
    text_colour = colour::kPrimary;
  }
  float x = min.x + (size.x - content_w) * 0.5f;
  const float text_y = min.y + (size.y - label_size.y) * 0.5f;
  if (icon != Icon::None) {
    draw->AddText(ImVec2(x, text_y), text_colour, glyph.c_str());
    x += icon_size.x + gap;
  }
  draw->AddText(ImVec2(x, text_y), text_colour, label);
  DrawFocusRing(min, max);
  ImGui::PopFont();

  RecordLastItem(Role::Button, label);
  return pressed;
}

bool JourneyButton(Icon icon, const char* label, const char* hint, unsigned tint) {
  const Fonts& fonts = GetFonts();
  const float width = ContentWidth();
  constexpr float kHeight = 84.0f;       // px: two lines of text with room to breathe
  constexpr float kIconCircle = 56.0f;   // px
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + kHeight);
  ImGui::PushID(label);
  const bool pressed = ImGui::InvisibleButton("##journey", ImVec2(width, kHeight));
  ImGui::PopID();
  const bool held = ImGui::IsItemActive();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, held ? tint : colour::kCard, 16.0f);
  draw->AddRect(min, max, colour::kCardBorder, 16.0f, 0, 2.0f);
  const ImVec2 circle_centre(min.x + 16.0f + kIconCircle * 0.5f, min.y + kHeight * 0.5f);
  draw->AddCircleFilled(circle_centre, kIconCircle * 0.5f, tint, 32);

  const IconText glyph = IconUtf8(icon);
  ImGui::PushFont(fonts.big_icon);
  const ImVec2 icon_size = ImGui::CalcTextSize(glyph.c_str());
  draw->AddText(ImVec2(circle_centre.x - icon_size.x * 0.5f, circle_centre.y - icon_size.y * 0.5f),
                colour::kText, glyph.c_str());
  ImGui::PopFont();

  const float text_x = min.x + 16.0f + kIconCircle + 16.0f;
  const float text_width = max.x - 16.0f - text_x;
  ImGui::PushFont(fonts.bold);
  const float label_h = ImGui::GetFontSize();
  ImGui::PopFont();
  ImGui::PushFont(fonts.small);
  const float hint_h = ImGui::GetFontSize();
  ImGui::PopFont();
  const float text_top = min.y + (kHeight - label_h - 4.0f - hint_h) * 0.5f;
  ImGui::PushFont(fonts.bold);
  draw->AddText(fonts.bold, ImGui::GetFontSize(), ImVec2(text_x, text_top), colour::kText, label, nullptr, text_width);
  ImGui::PopFont();
  ImGui::PushFont(fonts.small);
  draw->AddText(fonts.small, ImGui::GetFontSize(), ImVec2(text_x, text_top + label_h + 4.0f), colour::kMutedText, hint,
                nullptr, text_width);
  ImGui::PopFont();
  // A chevron tells that the card leads somewhere.
  const ImVec2 chevron(max.x - 24.0f, min.y + kHeight * 0.5f);
  draw->AddTriangleFilled(ImVec2(chevron.x - 5, chevron.y - 8), ImVec2(chevron.x + 4, chevron.y),
                          ImVec2(chevron.x - 5, chevron.y + 8), colour::kMutedText);
  DrawFocusRing(min, max);

  RecordLastItem(Role::Button, label, hint);
  return pressed;
}

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

void Heading(const char* text, int level, Icon icon) {
  const Fonts& fonts = GetFonts();
  ImGui::PushFont(level <= 1 ? fonts.heading : fonts.bold);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  if (icon != Icon::None) {
    ImGui::TextUnformatted(IconUtf8(icon).c_str());
    ImGui::SameLine();
  }
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  Item item;
  item.role = Role::Heading;
  item.name = text;
  item.level = level;
  item.rect = RectOf(start, ImGui::GetItemRectMax());
  Record(std::move(item));
}

void Paragraph(const char* text) {
  ImGui::PushFont(GetFonts().body);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
  RecordLastItem(Role::Text, text);
}

}  // namespace ui
