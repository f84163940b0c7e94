// This is the implementation of widgets.h, and of the ImGui test-engine hooks that let it
// notice interactive items drawn without it.
//
// [SECTION] Frame recording and ImGui item hooks
// [SECTION] Screens and layout
// [SECTION] Buttons
// [SECTION] Choices
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
std::vector<std::uint32_t> g_activations;  // items the mirror activated, pressed in the next frame
std::uint32_t g_mirror_focus = 0;           // item whose HTML twin has focus, 0 if none

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

void QueueActivation(std::uint32_t id) { g_activations.push_back(id); }
void SetMirrorFocus(std::uint32_t id) { g_mirror_focus = id; }

void EndFrame() {
  if (!g_record) return;
  for (const RawItem& hooked : g_hooked) {
    const bool ours = std::any_of(g_record->items.begin(), g_record->items.end(),
                                  [&](const Item& item) { return item.id == hooked.id; });
    if (!ours) g_record->raw_items.push_back(hooked);
  }
  g_record = nullptr;
  g_activations.clear();  // an activation for an item no longer on screen does nothing
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

// An invisible hit area that is pressed by a tap, a click, or the mirror (a screen reader
// or keyboard activating its HTML twin). Every interactive widget is built on this.
bool Pressable(const char* id, const ImVec2& size) {
  bool pressed = ImGui::InvisibleButton(id, size);
  const ImGuiID item = ImGui::GetItemID();
  auto it = std::find(g_activations.begin(), g_activations.end(), item);
  if (it != g_activations.end()) {
    g_activations.erase(it);
    pressed = true;
  }
  // Keep what the keyboard or screen reader is on in view, as a sighted user would expect.
  if (item == g_mirror_focus && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
  return pressed;
}

void DrawFocusRing(const ImVec2& min, const ImVec2& max) {
  ImGuiContext& g = *GImGui;
  const bool nav_focus = g.NavId == ImGui::GetItemID() && !g.NavDisableHighlight;
  if (nav_focus || (g_mirror_focus != 0 && g_mirror_focus == ImGui::GetItemID())) {
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
  const bool pressed = Pressable("##button", size);
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
  const bool pressed = Pressable("##journey", ImVec2(width, kHeight));
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

bool ListButton(Icon icon, const char* label, const char* detail) {
  return JourneyButton(icon, label, detail, colour::kTintMap);
}

//-----------------------------------------------------------------------------
// [SECTION] Choices
//-----------------------------------------------------------------------------

namespace {

// One option of a question: a bordered box that shows plainly when it is the chosen one
// (thicker border, filled tint and a tick), so the choice never rests on colour alone.
bool OptionBox(const char* id, const ImVec2& size, bool chosen, ImVec2* min_out) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const bool pressed = Pressable(id, size);
  const bool held = ImGui::IsItemActive();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, chosen ? colour::kTintMap : held ? colour::kBackground : colour::kCard, 14.0f);
  draw->AddRect(min, max, chosen ? colour::kPrimary : colour::kCardBorder, 14.0f, 0, chosen ? 4.0f : 2.0f);
  if (chosen) {
    const IconText tick = IconUtf8(Icon::CheckCircle);
    draw->AddText(GetFonts().body, ImGui::GetFontSize(), ImVec2(max.x - 26.0f, min.y + 4.0f), colour::kPrimary,
                  tick.c_str());
  }
  DrawFocusRing(min, max);
  *min_out = min;
  return pressed;
}

void RecordOption(const std::string& name, const char* group, bool chosen) {
  Item item;
  item.id = ImGui::GetItemID();
  item.role = Role::Radio;
  item.name = name;
  item.group = group;
  item.checked = chosen;
  item.rect = RectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  Record(std::move(item));
}

// A face: `mood` from -1 (sad) to 1 (very happy) bends the mouth.
void DrawFace(ImDrawList* draw, ImVec2 centre, float radius, float mood) {
  draw->AddCircleFilled(centre, radius, IM_COL32(0xFF, 0xE3, 0x9A, 0xFF), 32);
  draw->AddCircle(centre, radius, colour::kText, 32, 2.0f);
  const float eye_y = centre.y - radius * 0.25f;
  draw->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, eye_y), radius * 0.1f, colour::kText, 12);
  draw->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, eye_y), radius * 0.1f, colour::kText, 12);
  const float mouth_y = centre.y + radius * 0.35f - mood * radius * 0.1f;
  const ImVec2 left(centre.x - radius * 0.45f, mouth_y);
  const ImVec2 right(centre.x + radius * 0.45f, mouth_y);
  const ImVec2 control(centre.x, mouth_y + mood * radius * 0.5f);
  draw->AddBezierQuadratic(left, control, right, colour::kText, 2.5f, 16);
}

constexpr const char* kFaceWords[] = {"No", "Not really", "A bit", "Mostly", "Yes, a lot"};

}  // namespace

int FaceChoice(const char* question, int value) {
  const float spacing = 6.0f;
  const float cell_w = (ContentWidth() - spacing * 4.0f) / 5.0f;
  const float cell_h = 112.0f;  // px: face, then up to two lines of words
  const Fonts& fonts = GetFonts();
  int tapped = 0;
  ImGui::PushID(question);
  for (int face = 1; face <= 5; ++face) {
    if (face > 1) ImGui::SameLine(0.0f, spacing);
    ImGui::PushID(face);
    ImVec2 min;
    if (OptionBox("##face", ImVec2(cell_w, cell_h), value == face, &min)) tapped = face;
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float radius = std::min(cell_w * 0.34f, 22.0f);
    DrawFace(draw, ImVec2(min.x + cell_w * 0.5f, min.y + 12.0f + radius), radius, (face - 3) / 2.0f);
    const char* words = kFaceWords[face - 1];
    ImGui::PushFont(fonts.small);
    const float wrap = cell_w - 8.0f;
    const ImVec2 size = ImGui::CalcTextSize(words, nullptr, false, wrap);
    ImGui::PopFont();
    draw->AddText(fonts.small, ui::kSmallSize, ImVec2(min.x + (cell_w - size.x) * 0.5f, min.y + 20.0f + radius * 2.0f),
                  colour::kText, words, nullptr, wrap);
    RecordOption(std::to_string(face) + " of 5: " + words, question, value == face);
  }
  ImGui::PopID();
  return tapped;
}

Answer3 YesNoChoice(const char* question, Answer3 value) {
  struct Option {
    Answer3 answer;
    Icon icon;
    const char* words;
  };
  constexpr Option kOptions[] = {
      {Answer3::Yes, Icon::Check, "Yes"}, {Answer3::No, Icon::Close, "No"}, {Answer3::NotSure, Icon::NotSure, "Not sure"}};
  Answer3 tapped = Answer3::None;
  ImGui::PushID(question);
  for (const Option& option : kOptions) {
    ImGui::PushID(option.words);
    ImVec2 min;
    const bool chosen = value == option.answer;
    if (OptionBox("##answer", ImVec2(ContentWidth(), 64.0f), chosen, &min)) tapped = option.answer;
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const IconText glyph = IconUtf8(option.icon);
    draw->AddText(GetFonts().bold, kBodySize * 1.2f, ImVec2(min.x + 20.0f, min.y + 18.0f), colour::kText, glyph.c_str());
    draw->AddText(GetFonts().bold, kBodySize * 1.1f, ImVec2(min.x + 60.0f, min.y + 19.0f), colour::kText, option.words);
    RecordOption(option.words, question, chosen);
  }
  ImGui::PopID();
  return tapped;
}

void StatusLine(Icon icon, const char* text) {
  if (!text || !*text) return;
  ImGui::PushFont(GetFonts().body);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::TextUnformatted(IconUtf8(icon).c_str());
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
  Item item;
  item.role = Role::Status;
  item.name = text;
  item.rect = RectOf(start, ImGui::GetItemRectMax());
  Record(std::move(item));
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
