// This is the implementation of widgets.h, and of the ImGui test-engine hooks that let it
// notice interactive items drawn without it.
//
// [SECTION] Frame recording and ImGui item hooks
// [SECTION] Screens and layout
// [SECTION] Buttons
// [SECTION] Choices
// [SECTION] Text
// [SECTION] The map
// [SECTION] The board
// [SECTION] Officers: shortcuts, charts and marked words
#include "client/ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstring>
#include <map>

#include "client/ui/theme.h"

namespace ui {
namespace {

FrameRecord* g_record = nullptr;  // the frame being recorded, between BeginFrame and EndFrame
std::vector<RawItem> g_hooked;    // interactive items ImGui reported this frame
std::vector<std::uint32_t> g_activations;  // items the mirror activated, pressed in the next frame
std::uint32_t g_mirror_focus = 0;           // item whose HTML twin has focus, 0 if none
Pointer g_pointer;                          // this frame's touch facts (SetPointer)
std::uint32_t g_long_pressed = 0;           // item held long enough to be read aloud
std::string g_read_aloud;                   // what a long press asked to hear
bool g_drag_scrolling = false;              // a finger is moving the screen, not pressing
std::vector<std::pair<std::uint32_t, std::string>> g_texts;  // text fields' new text from the mirror
std::vector<std::uint32_t> g_submits;       // Enter in a text field's HTML twin
float g_visible_height = 0.0f;              // 0: the whole window
std::string g_screen_title;                 // the screen drawn last, so a new one starts at its top
Insets g_insets;                            // the screen's notch and rounded corners
bool g_whole_screen = false;                // no navigation pane this frame (SetWholeScreen)
bool g_mirror_typing = false;               // the mirror's focus is on a text field's twin

constexpr float kDragStartPixels = 10.0f;   // a finger moving this far scrolls instead of tapping
constexpr float kLongPressSeconds = 0.7f;   // held this long (without moving) reads the item aloud

Rect RectOf(const ImVec2& min, const ImVec2& max) { return {min.x, min.y, max.x - min.x, max.y - min.y}; }

void Record(Item item) {
  if (g_record) g_record->items.push_back(std::move(item));
}

// Records something drawn that is not pressed: words, a picture, a notice.
void RecordShown(Role role, std::string name, const Rect& rect, Icon icon = Icon::None) {
  Item item;
  item.role = role;
  item.name = std::move(name);
  item.rect = rect;
  item.icon = icon;
  Record(std::move(item));
}

void RecordLastItem(Role role, std::string name, std::string description = {}, Icon icon = Icon::None) {
  Item item;
  item.id = ImGui::GetItemID();
  item.icon = icon;
  if (item.id != 0 && item.id == g_long_pressed) {
    g_read_aloud = description.empty() ? name : name + ". " + description;
    g_long_pressed = 0;
  }
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
void SetPointer(const Pointer& pointer) { g_pointer = pointer; }
void QueueText(std::uint32_t id, std::string text) { g_texts.emplace_back(id, std::move(text)); }
void QueueSubmit(std::uint32_t id) { g_submits.push_back(id); }
void SetVisibleHeight(float height) { g_visible_height = height; }
const Pointer& CurrentPointer() { return g_pointer; }

std::string TakeReadAloudRequest() {
  std::string request;
  request.swap(g_read_aloud);
  return request;
}
void SetMirrorFocus(std::uint32_t id) { g_mirror_focus = id; }

void EndFrame() {
  if (!g_record) return;
  g_mirror_typing = false;
  for (Item& item : g_record->items) {
    item.focused = g_mirror_focus != 0 && item.id == g_mirror_focus;
    if (item.focused && item.role == Role::TextBox) g_mirror_typing = true;
  }
  for (const RawItem& hooked : g_hooked) {
    const bool ours = std::any_of(g_record->items.begin(), g_record->items.end(),
                                  [&](const Item& item) { return item.id == hooked.id; });
    if (!ours) g_record->raw_items.push_back(hooked);
  }
  // An activation waits for the next frame if its item is still on screen (several taps on a
  // slow phone can arrive within one frame; each is one press); for an item that is gone it
  // does nothing.
  const std::vector<Item>& items = g_record->items;
  std::erase_if(g_activations, [&](std::uint32_t id) {
    return std::none_of(items.begin(), items.end(), [id](const Item& item) { return item.id == id; });
  });
  g_record = nullptr;
  g_texts.clear();
  g_submits.clear();
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

namespace {

// A finger that moves the screen scrolls it (ImGui 1.86 has no touch scrolling), and the
// item it started on is let go, so a scroll never ends as a tap.
void ScrollByDrag() {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.MouseDown[0]) {
    g_drag_scrolling = false;
    return;
  }
  if (!g_pointer.is_touch) return;
  if (!g_drag_scrolling && ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragStartPixels) &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
    g_drag_scrolling = true;
  if (g_drag_scrolling) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
  }
}

}  // namespace

Layout ComputeLayout() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  Rect all{viewport->WorkPos.x + g_insets.left, viewport->WorkPos.y + g_insets.top,
           viewport->WorkSize.x - g_insets.left - g_insets.right, viewport->WorkSize.y - g_insets.top - g_insets.bottom};
  Layout layout;
  // Two panes when the screen is wide enough for both at the chosen text size.
  const float nav_width = std::min(kNavPaneWidth * TextScale(), all.w * 0.45f);
  // A phone on its side is wide but short: it keeps the one-pane phone layout.
  layout.two_pane = !g_whole_screen && all.w >= kTwoPaneMinWidth && all.h >= kTwoPaneMinHeight &&
                    all.w - nav_width >= 420.0f;
  if (layout.two_pane) {
    layout.nav = {all.x, all.y, nav_width, all.h};
    layout.main = {all.x + nav_width, all.y, all.w - nav_width, all.h};
  } else {
    layout.main = all;
  }
  return layout;
}

void SetSafeArea(const Insets& insets) { g_insets = insets; }
void SetWholeScreen(bool whole) { g_whole_screen = whole; }

namespace {

void BeginPane(const char* id, const Rect& area, bool tinted) {
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
  ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (tinted) ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(Colours().card));
  ImGui::Begin(id, nullptr, kFlags);
  if (tinted) ImGui::PopStyleColor();
  ScrollByDrag();
}

}  // namespace

namespace {

// A tinted pane beside the screen, its column as wide as the pane, with a line on the side
// that meets the screen (Right: the line is its right edge; Left: its left edge).
enum class PaneEdge { Left, Right };
void BeginTintedPane(const char* id, const Rect& area, PaneEdge edge) {
  BeginPane(id, area, true);
  const float x = edge == PaneEdge::Right ? area.x + area.w - 1.0f : area.x + 1.0f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, area.y), ImVec2(x, area.y + area.h), Colours().card_border, 2.0f);
  const float available = ImGui::GetContentRegionAvail().x;
  g_column_width = available;
  g_column_x = ImGui::GetCursorPosX();
  ImGui::PushTextWrapPos(g_column_x + g_column_width);
  ImGui::BeginGroup();
}

}  // namespace

void BeginNavigationPane(const Rect& area) { BeginTintedPane("##navigation", area, PaneEdge::Right); }
void EndNavigationPane() { EndScreen(); }

void BeginSidePanel(const Rect& area, const char* id) { BeginTintedPane(id, area, PaneEdge::Left); }
void EndSidePanel() { EndScreen(); }

void BeginScreen(const char* title) {
  if (g_record) g_record->screen_name = title;
  // A new screen starts at its top, not where the one before was scrolled to; asked before
  // Begin, so this very frame is drawn from the top.
  if (g_screen_title != title) {
    g_screen_title = title;
    if (ImGuiWindow* window = ImGui::FindWindowByName("##screen")) ImGui::SetScrollY(window, 0.0f);
  }
  BeginPane("##screen", ComputeLayout().main, false);
  const float available = ImGui::GetContentRegionAvail().x;
  g_column_width = std::min(available, kMaxContentWidth * TextScale());
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
  // Held still for a while: read it aloud instead of pressing it.
  if (ImGui::IsItemActive() && !g_drag_scrolling && ImGui::GetIO().MouseDownDuration[0] >= kLongPressSeconds) {
    g_long_pressed = item;
    ImGui::ClearActiveID();
  }
  // Keep what the keyboard or screen reader is on in view, as a sighted user would expect.
  if (item == g_mirror_focus && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
  return pressed;
}

void DrawFocusRing(const ImVec2& min, const ImVec2& max) {
  ImGuiContext& g = *GImGui;
  const bool nav_focus = g.NavId == ImGui::GetItemID() && !g.NavDisableHighlight;
  if (nav_focus || (g_mirror_focus != 0 && g_mirror_focus == ImGui::GetItemID())) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 4, min.y - 4), ImVec2(max.x + 4, max.y + 4),
                                        Colours().focus, 16.0f, 0, 4.0f);
  }
}

// Height of `text` in `font` at `size` when wrapped to `width`.
ImVec2 TextBox(ImFont* font, float size, const char* text, float width) {
  return font->CalcTextSizeA(size, FLT_MAX, width, text);
}

}  // namespace

float ButtonNaturalWidth(Icon icon, const char* label) {
  const Fonts& fonts = GetFonts();
  const float size_px = Scaled(kBodySize);
  const float icon_w =
      icon == Icon::None ? 0.0f : TextBox(fonts.bold, size_px, IconUtf8(icon).c_str(), FLT_MAX).x + 10.0f;
  return std::max(kMinTarget, icon_w + TextBox(fonts.bold, size_px, label, FLT_MAX).x + 32.0f);
}

bool Button(Icon icon, const char* label, ButtonStyle style, float width) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float size_px = Scaled(kBodySize);
  const IconText glyph = IconUtf8(icon);
  const float icon_w = icon == Icon::None ? 0.0f : TextBox(fonts.bold, size_px, glyph.c_str(), FLT_MAX).x + 10.0f;
  const float max_w = width > 0.0f ? width : ContentWidth();
  // Words wrap inside the button when they do not fit on one line (big text on a phone).
  const float text_max = std::max(max_w - 32.0f - icon_w, 40.0f);
  const ImVec2 label_size = TextBox(fonts.bold, size_px, label, text_max);
  const float content_w = icon_w + label_size.x;
  const ImVec2 size(std::max({width, content_w + 32.0f, kMinTarget}), std::max(kMinTarget, label_size.y + 22.0f));

  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::PushID(label);
  const bool pressed = Pressable("##button", size);
  ImGui::PopID();
  const bool held = ImGui::IsItemActive();
  const bool hovered = ImGui::IsItemHovered();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 text_colour = p.on_primary;
  if (style == ButtonStyle::Primary) {
    draw->AddRectFilled(min, max, held ? p.primary_active : hovered ? p.primary_hover : p.primary, 12.0f);
  } else if (style == ButtonStyle::Danger) {
    // Filled only while pressed, so it never looks like the main thing to do.
    draw->AddRectFilled(min, max, held ? p.danger : p.card, 12.0f);
    draw->AddRect(min, max, p.danger, 12.0f, 0, 3.0f);
    text_colour = held ? p.on_primary : p.danger;
  } else {
    draw->AddRectFilled(min, max, held ? p.chosen : p.card, 12.0f);
    draw->AddRect(min, max, p.primary, 12.0f, 0, 2.0f);
    text_colour = p.primary;
  }
  float x = min.x + (size.x - content_w) * 0.5f;
  if (icon != Icon::None) {
    draw->AddText(fonts.bold, size_px, ImVec2(x, min.y + (size.y - size_px) * 0.5f), text_colour, glyph.c_str());
    x += icon_w;
  }
  draw->AddText(fonts.bold, size_px, ImVec2(x, min.y + (size.y - label_size.y) * 0.5f), text_colour, label, nullptr,
                text_max);
  DrawFocusRing(min, max);

  RecordLastItem(Role::Button, label, {}, icon);
  return pressed;
}

bool JourneyButton(Icon icon, const char* label, const char* hint, unsigned tint, bool current) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float width = ContentWidth();
  const float circle = std::min(56.0f * TextScale(), 80.0f);  // px: the icon's soft disc
  const float text_x_offset = 16.0f + circle + 16.0f;
  const float text_width = width - text_x_offset - 36.0f;
  const ImVec2 label_size = TextBox(fonts.bold, Scaled(kBodySize), label, text_width);
  const ImVec2 hint_size = TextBox(fonts.small, Scaled(kSmallSize), hint, text_width);
  const float height = std::max({84.0f, circle + 24.0f, label_size.y + 4.0f + hint_size.y + 28.0f});

  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImGui::PushID(label);
  const bool pressed = Pressable("##journey", ImVec2(width, height));
  ImGui::PopID();
  const bool held = ImGui::IsItemActive();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, held || current ? p.chosen : p.card, 16.0f);
  // The journey you are on has a thick border as well as its fill, not colour alone.
  draw->AddRect(min, max, current ? p.primary : p.card_border, 16.0f, 0, current ? 4.0f : 2.0f);
  const ImVec2 centre(min.x + 16.0f + circle * 0.5f, min.y + height * 0.5f);
  draw->AddCircleFilled(centre, circle * 0.5f, tint, 32);
  if (tint == p.card) draw->AddCircle(centre, circle * 0.5f, p.card_border, 32, 2.0f);

  const IconText glyph = IconUtf8(icon);
  const float icon_px = circle * 0.6f;
  const ImVec2 icon_size = TextBox(fonts.big_icon, icon_px, glyph.c_str(), FLT_MAX);
  draw->AddText(fonts.big_icon, icon_px, ImVec2(centre.x - icon_size.x * 0.5f, centre.y - icon_size.y * 0.5f), p.text,
                glyph.c_str());

  const float text_x = min.x + text_x_offset;
  const float text_top = min.y + (height - label_size.y - 4.0f - hint_size.y) * 0.5f;
  draw->AddText(fonts.bold, Scaled(kBodySize), ImVec2(text_x, text_top), p.text, label, nullptr, text_width);
  draw->AddText(fonts.small, Scaled(kSmallSize), ImVec2(text_x, text_top + label_size.y + 4.0f), p.muted_text, hint,
                nullptr, text_width);
  // A chevron tells that the card leads somewhere.
  const ImVec2 chevron(max.x - 22.0f, min.y + height * 0.5f);
  draw->AddTriangleFilled(ImVec2(chevron.x - 5, chevron.y - 8), ImVec2(chevron.x + 4, chevron.y),
                          ImVec2(chevron.x - 5, chevron.y + 8), p.muted_text);
  DrawFocusRing(min, max);

  RecordLastItem(Role::Button, label, hint, icon);
  if (current && g_record) g_record->items.back().checked = true;  // aria-current in the mirror
  return pressed;
}

bool ListButton(Icon icon, const char* label, const char* detail) {
  return JourneyButton(icon, label, detail, Colours().tint_map);
}

//-----------------------------------------------------------------------------
// [SECTION] Choices
//-----------------------------------------------------------------------------

namespace {

// One option of a question: a bordered box that shows plainly when it is the chosen one
// (thicker border, filled background and a tick), so the choice never rests on colour alone.
bool OptionBox(const char* id, const ImVec2& size, bool chosen, ImVec2* min_out) {
  const Palette& p = Colours();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const bool pressed = Pressable(id, size);
  const bool held = ImGui::IsItemActive();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, chosen ? p.chosen : held ? p.background : p.card, 14.0f);
  draw->AddRect(min, max, chosen ? p.primary : p.card_border, 14.0f, 0, chosen ? 4.0f : 2.0f);
  if (chosen) {
    const IconText tick = IconUtf8(Icon::CheckCircle);
    const float tick_px = 22.0f;
    draw->AddText(GetFonts().body, tick_px, ImVec2(max.x - tick_px - 4.0f, min.y + 4.0f), p.primary, tick.c_str());
  }
  DrawFocusRing(min, max);
  *min_out = min;
  return pressed;
}

void RecordOption(Role role, const std::string& name, const char* group, bool chosen, Icon icon = Icon::None) {
  Item item;
  item.id = ImGui::GetItemID();
  item.icon = icon;
  item.role = role;
  item.name = name;
  item.group = group ? group : "";
  item.checked = chosen;
  item.rect = RectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  Record(std::move(item));
}

// A face: `mood` from -1 (sad) to 1 (very happy) bends the mouth.
void DrawFace(ImDrawList* draw, ImVec2 centre, float radius, float mood) {
  const Palette& p = Colours();
  draw->AddCircleFilled(centre, radius, p.face, 32);
  draw->AddCircle(centre, radius, p.text, 32, 2.0f);
  const float eye_y = centre.y - radius * 0.25f;
  draw->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, eye_y), radius * 0.1f, p.text, 12);
  draw->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, eye_y), radius * 0.1f, p.text, 12);
  const float mouth_y = centre.y + radius * 0.35f - mood * radius * 0.1f;
  const ImVec2 left(centre.x - radius * 0.45f, mouth_y);
  const ImVec2 right(centre.x + radius * 0.45f, mouth_y);
  const ImVec2 control(centre.x, mouth_y + mood * radius * 0.5f);
  draw->AddBezierQuadratic(left, control, right, p.text, 2.5f, 16);
}

constexpr const char* kFaceWords[] = {"No", "Not really", "A bit", "Mostly", "Yes, a lot"};

}  // namespace

int FaceChoice(const char* question, int value) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float small_px = Scaled(kSmallSize);
  const float spacing = 6.0f;
  const float cell_w = (ContentWidth() - spacing * 4.0f) / 5.0f;
  // Five faces in a row while each one's words fit under it; at big text sizes, a column.
  float longest_word = 0.0f;
  for (const char* word : {"Not", "really", "Mostly", "Yes,", "a", "lot"})
    longest_word = std::max(longest_word, TextBox(fonts.small, small_px, word, FLT_MAX).x);
  const bool in_a_row = longest_word + 12.0f <= cell_w;
  const float radius = 22.0f;  // px: faces stay the same size; their words grow
  int tapped = 0;
  ImGui::PushID(question);
  for (int face = 1; face <= 5; ++face) {
    const char* words = kFaceWords[face - 1];
    ImGui::PushID(face);
    ImVec2 min;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (in_a_row) {
      if (face > 1) ImGui::SameLine(0.0f, spacing);
      const float wrap = cell_w - 8.0f;
      const ImVec2 text = TextBox(fonts.small, small_px, words, wrap);
      const float cell_h = std::max(112.0f, 20.0f + radius * 2.0f + text.y + 10.0f);
      if (OptionBox("##face", ImVec2(cell_w, cell_h), value == face, &min)) tapped = face;
      DrawFace(draw, ImVec2(min.x + cell_w * 0.5f, min.y + 12.0f + radius), radius, (face - 3) / 2.0f);
      draw->AddText(fonts.small, small_px, ImVec2(min.x + (cell_w - text.x) * 0.5f, min.y + 20.0f + radius * 2.0f),
                    p.text, words, nullptr, wrap);
    } else {
      const float body_px = Scaled(kBodySize);
      const float text_w = ContentWidth() - radius * 2.0f - 48.0f;
      const ImVec2 text = TextBox(fonts.bold, body_px, words, text_w);
      const float row_h = std::max(radius * 2.0f + 16.0f, text.y + 20.0f);
      if (OptionBox("##face", ImVec2(ContentWidth(), row_h), value == face, &min)) tapped = face;
      DrawFace(draw, ImVec2(min.x + 14.0f + radius, min.y + row_h * 0.5f), radius, (face - 3) / 2.0f);
      draw->AddText(fonts.bold, body_px, ImVec2(min.x + 28.0f + radius * 2.0f, min.y + (row_h - text.y) * 0.5f), p.text,
                    words, nullptr, text_w);
    }
    ImGui::PopID();
    RecordOption(Role::Radio, std::to_string(face) + " of 5: " + words, question, value == face);
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
    if (ChoiceButton(option.icon, option.words, question, value == option.answer)) tapped = option.answer;
  }
  ImGui::PopID();
  return tapped;
}

bool ChoiceButton(Icon icon, const char* label, const char* group, bool chosen, float width) {
  const Fonts& fonts = GetFonts();
  const float body_px = Scaled(kBodySize);
  const float box_w = width > 0.0f ? width : ContentWidth();
  const float text_x = 20.0f + body_px * 1.4f + 12.0f;
  const float text_w = std::max(box_w - text_x - 32.0f, 40.0f);
  const ImVec2 text = TextBox(fonts.bold, body_px, label, text_w);
  const float height = std::max(64.0f, text.y + 28.0f);
  ImGui::PushID(label);
  ImVec2 min;
  const bool pressed = OptionBox("##choice", ImVec2(box_w, height), chosen, &min);
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const IconText glyph = IconUtf8(icon);
  draw->AddText(fonts.bold, body_px * 1.2f, ImVec2(min.x + 20.0f, min.y + (height - body_px * 1.2f) * 0.5f),
                Colours().text, glyph.c_str());
  draw->AddText(fonts.bold, body_px, ImVec2(min.x + text_x, min.y + (height - text.y) * 0.5f), Colours().text, label,
                nullptr, text_w);
  RecordOption(Role::Radio, label, group, chosen, icon);
  return pressed;
}

bool Toggle(Icon icon, const char* label, bool on) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float body_px = Scaled(kBodySize);
  const float switch_w = 60.0f, switch_h = 34.0f;  // px: the on/off track
  const float text_x = 20.0f + body_px * 1.4f + 12.0f;
  const float text_w = ContentWidth() - text_x - switch_w - 60.0f;
  const ImVec2 text = TextBox(fonts.bold, body_px, label, text_w);
  const float height = std::max(64.0f, text.y + 28.0f);
  ImGui::PushID(label);
  ImVec2 min;
  const bool pressed = OptionBox("##toggle", ImVec2(ContentWidth(), height), false, &min);
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const IconText glyph = IconUtf8(icon);
  draw->AddText(fonts.bold, body_px * 1.2f, ImVec2(min.x + 20.0f, min.y + (height - body_px * 1.2f) * 0.5f), p.text,
                glyph.c_str());
  draw->AddText(fonts.bold, body_px, ImVec2(min.x + text_x, min.y + (height - text.y) * 0.5f), p.text, label, nullptr,
                text_w);
  // The switch: its knob's side and the word under it say on or off, not only its colour.
  const ImVec2 track_min(min.x + ContentWidth() - switch_w - 16.0f, min.y + (height - switch_h) * 0.5f - 8.0f);
  const ImVec2 track_max(track_min.x + switch_w, track_min.y + switch_h);
  draw->AddRectFilled(track_min, track_max, on ? p.primary : p.card, switch_h * 0.5f);
  draw->AddRect(track_min, track_max, on ? p.primary : p.text, switch_h * 0.5f, 0, 2.0f);
  const float knob_x = on ? track_max.x - switch_h * 0.5f : track_min.x + switch_h * 0.5f;
  draw->AddCircleFilled(ImVec2(knob_x, track_min.y + switch_h * 0.5f), switch_h * 0.5f - 5.0f, on ? p.on_primary : p.text,
                        24);
  const char* state = on ? "On" : "Off";
  const ImVec2 state_size = TextBox(fonts.small, kSmallSize, state, FLT_MAX);
  draw->AddText(fonts.small, kSmallSize, ImVec2(track_min.x + (switch_w - state_size.x) * 0.5f, track_max.y + 2.0f),
                p.text, state);
  RecordOption(Role::Switch, label, nullptr, on, icon);
  return pressed;
}

bool TextField(const char* label, std::string* value, const TextFieldOptions& options, bool* submitted) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", label);
  ImGui::PopFont();

  ImGui::PushID(label);
  const float body_px = Scaled(kBodySize);
  const float height = options.multiline ? std::max(kMinTarget, body_px * 5.0f) : std::max(kMinTarget, body_px + 28.0f);
  // ImGui's own field, for the desktop and for drawing; the buffer has room for the limit
  // in the longest UTF-8 letters.
  std::string buffer = *value;
  buffer.resize(static_cast<std::size_t>(options.max_chars) * 4 + 1);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(p.card));
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(p.text));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  ImGui::PushFont(fonts.body);
  bool changed = false;
  bool entered = false;
  if (options.multiline) {
    changed = ImGui::InputTextMultiline("##field", buffer.data(), buffer.size(), ImVec2(ContentWidth(), height));
  } else {
    // A one-line box is its text and padding tall: at least a finger's target, too.
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (kMinTarget - body_px) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, padding_y));
    ImGui::SetNextItemWidth(ContentWidth());
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_EnterReturnsTrue | (options.password ? ImGuiInputTextFlags_Password : 0);
    entered = ImGui::InputTextWithHint("##field", options.hint, buffer.data(), buffer.size(), flags);
    changed = !entered && ImGui::IsItemEdited();
    ImGui::PopStyleVar();
  }
  ImGui::PopFont();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  const ImGuiID id = ImGui::GetItemID();
  if (changed || entered) {
    buffer.resize(std::strlen(buffer.c_str()));
    changed = buffer != *value;
    if (changed) *value = buffer;
  }
  for (auto& [target, text] : g_texts) {
    if (target != id) continue;
    changed = text != *value;
    *value = std::move(text);
    target = 0;
  }
  if (std::find(g_submits.begin(), g_submits.end(), id) != g_submits.end()) entered = true;
  if (submitted) *submitted = entered;
  // The field stays in view above an on-screen keyboard.
  if (id == g_mirror_focus && g_visible_height > 0.0f && ImGui::GetItemRectMax().y > g_visible_height)
    ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetItemRectMax().y - g_visible_height + 16.0f);
  ImGui::PopID();

  Item item;
  item.id = id;
  item.role = Role::TextBox;
  item.name = label;
  // A password stays in the app: the record (and the page's twin) only learns whether there is one.
  item.value = options.password && !value->empty() ? std::string(kHiddenText) : *value;
  item.multiline = options.multiline;
  item.max_chars = options.max_chars;
  item.input_mode = options.input_mode;
  item.password = options.password;
  item.description = options.hint;
  item.level = static_cast<int>(body_px);
  item.rect = RectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  Record(std::move(item));
  return changed;
}

namespace {

void LineWithIcon(Icon icon, const char* text, Role role) {
  if (!text || !*text) return;
  ImGui::PushFont(GetFonts().body);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::TextUnformatted(IconUtf8(icon).c_str());
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
  Item item;
  item.role = role;
  item.name = text;
  item.rect = RectOf(start, ImGui::GetItemRectMax());
  Record(std::move(item));
}

}  // namespace

void IconLine(Icon icon, const char* text) { LineWithIcon(icon, text, Role::Text); }

void BuddyPicture(Icon buddy, std::span<const Icon> gained, const char* description) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float big = Scaled(kBigIconSize) * 1.6f;    // the buddy itself
  const float small = Scaled(kBigIconSize) * 0.9f;  // each thing it gained
  const float text_px = Scaled(kBodySize);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float disc = big * 1.3f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(ImVec2(start.x + disc * 0.5f, start.y + disc * 0.5f), disc * 0.5f, p.tint_rate, 48);
  const IconText glyph = IconUtf8(buddy);
  const ImVec2 size = fonts.big_icon->CalcTextSizeA(big, FLT_MAX, 0.0f, glyph.c_str());
  draw->AddText(fonts.big_icon, big, ImVec2(start.x + (disc - size.x) * 0.5f, start.y + (disc - size.y) * 0.5f), p.text,
                glyph.c_str());
  // Beside it: the words, then the pictures of what it gained.
  const float left = start.x + disc + 14.0f;
  const float width = std::max(ContentWidth() - disc - 14.0f, 80.0f);
  const ImVec2 words = fonts.body->CalcTextSizeA(text_px, FLT_MAX, width, description);
  draw->AddText(fonts.body, text_px, ImVec2(left, start.y + 4.0f), p.text, description, nullptr, width);
  float x = left;
  float y = start.y + 4.0f + words.y + 6.0f;
  for (Icon icon : gained) {
    if (x + small > left + width) {  // big text on a phone: the rest go on the next line
      x = left;
      y += small + 6.0f;
    }
    draw->AddText(fonts.big_icon, small, ImVec2(x, y), p.primary, IconUtf8(icon).c_str());
    x += small + 8.0f;
  }
  const float bottom = gained.empty() ? y : y + small;
  ImGui::Dummy(ImVec2(ContentWidth(), std::max(disc, bottom - start.y)));
  RecordShown(Role::Text, description, RectOf(start, ImVec2(start.x + ContentWidth(), ImGui::GetItemRectMax().y)));
}

void CelebrationPicture(Icon icon, float entrance) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float t = std::clamp(entrance, 0.0f, 1.0f);
  const float ease = 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t);  // eases out: quick, then settles
  const float full = Scaled(kBigIconSize) * 2.4f;                  // the disc at rest
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const ImVec2 centre(start.x + full * 0.5f, start.y + full * 0.5f);
  const float radius = full * 0.5f * (0.6f + 0.4f * ease);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(centre, radius, p.tint_rate, 48);
  draw->AddCircle(centre, radius, p.primary, 48, 3.0f);
  const float px = radius * 1.1f;
  const IconText glyph = IconUtf8(icon);
  const ImVec2 size = fonts.big_icon->CalcTextSizeA(px, FLT_MAX, 0.0f, glyph.c_str());
  draw->AddText(fonts.big_icon, px, ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), p.primary, glyph.c_str());
  ImGui::Dummy(ImVec2(full, full));
}

void StatusLine(Icon icon, const char* text) {
  LineWithIcon(icon, text, Role::Status);
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
  ImGui::TextWrapped("%s", text);  // long questions wrap rather than run off a phone
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

//-----------------------------------------------------------------------------
// [SECTION] The map
//-----------------------------------------------------------------------------

namespace {

constexpr ImGuiWindowFlags kMapWindowFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings |
                                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                                             ImGuiWindowFlags_NoScrollWithMouse;
constexpr float kDoubleTapSeconds = 0.35f;  // two taps closer than this zoom in
constexpr float kDoubleTapPixels = 32.0f;   // ... and this close together
constexpr float kPinRadius = 19.0f;         // CSS px: the round head of a pin
constexpr float kPinTail = 12.0f;           // CSS px from the head to the tip

// The gesture under way: fingers down (touch) or the mouse held (desktop).
struct GestureState {
  bool active = false;
  bool touch = false;
  std::map<std::int64_t, ImVec2> fingers;
  float moved = 0.0f;  // CSS px the gesture travelled: beyond kDragStartPixels it is a drag
  bool dragging = false;
  double started = 0.0;
  double last_tap_time = -10.0;
  ImVec2 last_tap_pos;
};
GestureState g_gesture;

bool Inside(const Rect& r, const ImVec2& p) { return p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h; }

bool StartsGesture(const Rect& area, std::span<const Rect> controls, const ImVec2& p) {
  if (!Inside(area, p)) return false;
  for (const Rect& control : controls)
    if (Inside(control, p)) return false;
  return true;
}

ImVec2 Midpoint(const std::map<std::int64_t, ImVec2>& fingers) {
  ImVec2 sum(0, 0);
  for (const auto& [id, p] : fingers) sum = ImVec2(sum.x + p.x, sum.y + p.y);
  const float n = static_cast<float>(std::max<std::size_t>(fingers.size(), 1));
  return ImVec2(sum.x / n, sum.y / n);
}

// Distance between the first two fingers, 0 with fewer.
float Spread(const std::map<std::int64_t, ImVec2>& fingers) {
  if (fingers.size() < 2) return 0.0f;
  auto it = fingers.begin();
  const ImVec2 a = it->second;
  const ImVec2 b = (++it)->second;
  return std::hypot(a.x - b.x, a.y - b.y);
}

// A tap that ended a gesture without moving it: a second one soon after, close by, is a
// double tap.
void NoteTap(MapGesture& out, const ImVec2& p) {
  const double now = ImGui::GetTime();
  if (now - g_gesture.last_tap_time < kDoubleTapSeconds &&
      std::hypot(p.x - g_gesture.last_tap_pos.x, p.y - g_gesture.last_tap_pos.y) < kDoubleTapPixels) {
    out.double_tap = true;
    out.focus_x = p.x;
    out.focus_y = p.y;
    g_gesture.last_tap_time = -10.0;
    return;
  }
  g_gesture.last_tap_time = now;
  g_gesture.last_tap_pos = p;
}

void TouchGesture(const Rect& area, std::span<const Rect> controls, MapGesture& out) {
  for (const FingerEvent& event : g_pointer.finger_events) {
    const ImVec2 p(event.finger.x, event.finger.y);
    auto& fingers = g_gesture.fingers;
    if (event.kind == FingerEventKind::Down) {
      if (!g_gesture.active) {
        if (!StartsGesture(area, controls, p)) continue;
        g_gesture = GestureState{.active = true, .touch = true, .started = ImGui::GetTime(),
                                 .last_tap_time = g_gesture.last_tap_time, .last_tap_pos = g_gesture.last_tap_pos};
      }
      fingers[event.finger.id] = p;
      continue;
    }
    auto it = fingers.find(event.finger.id);
    if (!g_gesture.active || it == fingers.end()) continue;
    if (event.kind == FingerEventKind::Move) {
      const ImVec2 before_mid = Midpoint(fingers);
      const float before_spread = Spread(fingers);
      it->second = p;
      const ImVec2 after_mid = Midpoint(fingers);
      const float after_spread = Spread(fingers);
      out.pan_x += after_mid.x - before_mid.x;
      out.pan_y += after_mid.y - before_mid.y;
      g_gesture.moved += std::hypot(after_mid.x - before_mid.x, after_mid.y - before_mid.y);
      if (before_spread > 1.0f && after_spread > 1.0f) {
        out.zoom_by *= after_spread / before_spread;
        g_gesture.moved += std::fabs(after_spread - before_spread);
      }
      out.focus_x = after_mid.x;
      out.focus_y = after_mid.y;
      continue;
    }
    // A finger lifted.
    const bool was_tap = fingers.size() == 1 && !g_gesture.dragging;
    fingers.erase(it);
    if (fingers.empty()) {
      if (was_tap) NoteTap(out, p);
      g_gesture.active = false;
      g_gesture.dragging = false;
    }
  }
}

void MouseGesture(const Rect& area, std::span<const Rect> controls, MapGesture& out) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseClicked[0] && StartsGesture(area, controls, io.MousePos)) {
    g_gesture.active = true;
    g_gesture.touch = false;
    g_gesture.moved = 0.0f;
    g_gesture.dragging = false;
    if (io.MouseDoubleClicked[0]) {
      out.double_tap = true;
      out.focus_x = io.MousePos.x;
      out.focus_y = io.MousePos.y;
    }
  }
  if (g_gesture.active && !g_gesture.touch) {
    if (io.MouseDown[0]) {
      out.pan_x += io.MouseDelta.x;
      out.pan_y += io.MouseDelta.y;
      g_gesture.moved += std::hypot(io.MouseDelta.x, io.MouseDelta.y);
    } else {
      g_gesture.active = false;
      g_gesture.dragging = false;
    }
  }
  // The wheel zooms around the pointer, half a zoom level a notch.
  if (io.MouseWheel != 0.0f && StartsGesture(area, controls, io.MousePos) && ImGui::IsWindowHovered()) {
    out.zoom_by *= std::pow(2.0f, io.MouseWheel * 0.5f);
    out.focus_x = io.MousePos.x;
    out.focus_y = io.MousePos.y;
  }
}

}  // namespace

Rect BeginMapScreen(const char* title, const Rect* part) {
  if (g_record) g_record->screen_name = title;
  const Rect area = part ? *part : ComputeLayout().main;
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
  ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##map-screen", nullptr, kMapWindowFlags);
  ImGui::PopStyleVar();
  g_column_width = std::min(area.w - 2.0f * kScreenPadding, kMaxContentWidth * TextScale());
  g_column_x = kScreenPadding;
  return area;
}

void EndMapScreen() { ImGui::End(); }

namespace {
Rect g_map_box;                // the box between BeginMapBox and EndMapBox
bool g_map_box_child = false;  // drawn in a child window (false: out of sight, in the page)
}  // namespace

Rect BeginMapBox(const char* id, float height) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ContentWidth();
  g_map_box = {min.x, min.y, width, height};
  // ImGui skips every item of a child window that is out of sight, but screen readers and
  // the keyboard still need the box's buttons (to reach them, and scroll to them). Out of
  // sight, the box is drawn straight into the page, under the same ids its child window
  // gives them (BeginChildEx's name, hashed), so a button keeps its id as it scrolls in.
  g_map_box_child = ImGui::IsRectVisible(ImVec2(width, height));
  if (g_map_box_child) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, ImVec2(width, height), false, kMapWindowFlags);
    ImGui::PopStyleVar();
  } else {
    const ImGuiWindow* page = ImGui::GetCurrentWindow();
    char name[256];
    ImFormatString(name, IM_ARRAYSIZE(name), "%s/%s_%08X", page->Name, id, ImGui::GetID(id));
    ImGui::PushOverrideID(ImHashStr(name));
    ImGui::BeginGroup();
  }
  return g_map_box;
}

void EndMapBox() {
  if (g_map_box_child) {
    ImGui::EndChild();
    return;
  }
  ImGui::SetCursorScreenPos(ImVec2(g_map_box.x, g_map_box.y));
  ImGui::Dummy(ImVec2(g_map_box.w, g_map_box.h));
  ImGui::EndGroup();
  ImGui::PopID();
}

MapGesture MapSurface(const Rect& area, std::span<const Rect> controls, const char* description) {
  MapGesture out;
  if (g_pointer.is_touch || g_gesture.touch) {
    TouchGesture(area, controls, out);
  }
  if (!g_pointer.is_touch) MouseGesture(area, controls, out);
  if (g_gesture.active && !g_gesture.dragging && g_gesture.moved > kDragStartPixels) g_gesture.dragging = true;
  // A drag that began on a pin moves the map and does not open the place.
  if (g_gesture.dragging && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
  out.dragging = g_gesture.dragging;
  if (out.zoom_by == 1.0f && (out.pan_x != 0.0f || out.pan_y != 0.0f) && out.focus_x == 0.0f) {
    out.focus_x = area.CenterX();
    out.focus_y = area.CenterY();
  }
  RecordShown(Role::Text, description, area);
  return out;
}

void DrawMapPin(float x, float y, Icon icon, unsigned colour, float scale) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = kPinRadius * scale;
  const ImVec2 head(x, y - kPinTail * scale - r);
  const ImU32 white = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
  const ImU32 shadow = IM_COL32(0x1B, 0x24, 0x37, 0x55);
  draw->AddCircleFilled(ImVec2(head.x + 1.5f, head.y + 2.0f), r + 2.0f, shadow, 24);
  // The tail: a triangle from the head down to the tip, outlined in white like the head.
  draw->AddTriangleFilled(ImVec2(x - r * 0.62f, head.y + r * 0.55f), ImVec2(x + r * 0.62f, head.y + r * 0.55f),
                          ImVec2(x, y + 1.5f), white);
  draw->AddCircleFilled(head, r + 2.5f, white, 24);
  draw->AddTriangleFilled(ImVec2(x - r * 0.5f, head.y + r * 0.6f), ImVec2(x + r * 0.5f, head.y + r * 0.6f),
                          ImVec2(x, y - 1.0f), colour);
  draw->AddCircleFilled(head, r, colour, 24);
  const float icon_px = r * 1.15f;
  const IconText glyph = IconUtf8(icon);
  const ImVec2 size = GetFonts().body->CalcTextSizeA(icon_px, FLT_MAX, 0.0f, glyph.c_str());
  draw->AddText(GetFonts().body, icon_px, ImVec2(head.x - size.x * 0.5f, head.y - size.y * 0.5f), white,
                glyph.c_str());
}

void DrawSchemeBadge(float x, float y) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = kPinRadius * 0.48f;
  const ImVec2 at(x + kPinRadius * 0.8f, y - kPinTail - kPinRadius * 1.75f);
  draw->AddCircleFilled(at, r + 2.0f, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 20);
  draw->AddCircleFilled(at, r, IM_COL32(0xB4, 0x7A, 0x00, 0xFF), 20);  // dark gold: white on it reads
  const IconText glyph = IconUtf8(Icon::Check);
  const float icon_px = r * 1.5f;
  const ImVec2 size = GetFonts().body->CalcTextSizeA(icon_px, FLT_MAX, 0.0f, glyph.c_str());
  draw->AddText(GetFonts().body, icon_px, ImVec2(at.x - size.x * 0.5f, at.y - size.y * 0.5f),
                IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), glyph.c_str());
}

bool MapPin(const char* id, float x, float y, Icon icon, unsigned colour, const char* name) {
  // The target is the head and tail, widened to kMinTarget.
  const float height = std::max(kMinTarget, 2.0f * kPinRadius + kPinTail + 6.0f);
  ImGui::SetCursorScreenPos(ImVec2(x - kMinTarget * 0.5f, y - height));
  ImGui::PushID(id);
  const bool pressed = Pressable("##pin", ImVec2(kMinTarget, height));
  ImGui::PopID();
  const bool held = ImGui::IsItemActive() && !g_gesture.dragging;
  DrawMapPin(x, y, icon, colour, held ? 1.12f : 1.0f);
  DrawFocusRing(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  RecordLastItem(Role::Button, name, {}, icon);
  return pressed && !g_gesture.dragging;
}

bool MapCluster(const char* id, float x, float y, int count, const char* name) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const std::string words = std::to_string(count);
  const float text_px = kBodySize;
  const ImVec2 text = fonts.bold->CalcTextSizeA(text_px, FLT_MAX, 0.0f, words.c_str());
  // Bigger for more places, gently (a log scale), never under the smallest target.
  const float r = std::max(kMinTarget * 0.5f, std::min(40.0f, 20.0f + 4.0f * std::log2(static_cast<float>(count))));
  const float radius = std::max(r, text.x * 0.5f + 10.0f);
  ImGui::SetCursorScreenPos(ImVec2(x - radius, y - radius));
  ImGui::PushID(id);
  const bool pressed = Pressable("##cluster", ImVec2(radius * 2.0f, radius * 2.0f));
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(ImVec2(x + 1.5f, y + 2.0f), radius + 2.0f, IM_COL32(0x1B, 0x24, 0x37, 0x55), 32);
  draw->AddCircleFilled(ImVec2(x, y), radius + 3.0f, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 32);
  draw->AddCircleFilled(ImVec2(x, y), radius, ImGui::IsItemActive() ? p.primary_active : p.primary, 32);
  draw->AddText(fonts.bold, text_px, ImVec2(x - text.x * 0.5f, y - text.y * 0.5f), p.on_primary, words.c_str());
  DrawFocusRing(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  RecordLastItem(Role::Button, name);
  return pressed && !g_gesture.dragging;
}

float ToolButtonHeight() { return std::max(kMinTarget, Scaled(kBigIconSize) * 0.8f + Scaled(kSmallSize) + 18.0f); }

float ToolLabelWidth(const char* label) {
  return GetFonts().bold->CalcTextSizeA(Scaled(kSmallSize), FLT_MAX, 0.0f, label).x;
}

bool ToolButton(Icon icon, const char* label, float width) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const ImVec2 size(std::max(width, kMinTarget), ToolButtonHeight());
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::PushID(label);
  const bool pressed = Pressable("##tool", size);
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::IsItemActive() ? p.chosen : p.card, 12.0f);
  draw->AddRect(min, max, p.primary, 12.0f, 0, 2.0f);
  const float icon_px = Scaled(kBigIconSize) * 0.8f;
  const IconText glyph = IconUtf8(icon);
  const ImVec2 icon_size = fonts.body->CalcTextSizeA(icon_px, FLT_MAX, 0.0f, glyph.c_str());
  const float label_px = Scaled(kSmallSize);
  const ImVec2 label_size = fonts.bold->CalcTextSizeA(label_px, FLT_MAX, 0.0f, label);
  const float top = min.y + (size.y - icon_size.y - label_size.y) * 0.5f;
  draw->AddText(fonts.body, icon_px, ImVec2(min.x + (size.x - icon_size.x) * 0.5f, top), p.primary, glyph.c_str());
  draw->PushClipRect(min, max, true);
  draw->AddText(fonts.bold, label_px, ImVec2(min.x + std::max(4.0f, (size.x - label_size.x) * 0.5f), top + icon_size.y),
                p.primary, label);
  draw->PopClipRect();
  DrawFocusRing(min, max);
  RecordLastItem(Role::Button, label, {}, icon);
  return pressed;
}

float MapCaption(const char* text, float left, float bottom, float max_width) {
  const Palette& p = Colours();
  ImFont* font = GetFonts().small;
  const float px = kSmallSize * 0.85f;  // small but legible: the credit must be there, not loud
  const ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, max_width - 12.0f, text);
  const ImVec2 min(left, bottom - size.y - 6.0f);
  const float right = left + size.x + 12.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(right, bottom), (p.card & 0x00FFFFFF) | 0xE6000000, 6.0f);
  draw->AddText(font, px, ImVec2(min.x + 6.0f, min.y + 3.0f), p.text, text, nullptr, max_width - 12.0f);
  RecordShown(Role::Text, text, RectOf(min, ImVec2(right, bottom)));
  return size.y + 6.0f;
}

float MapLabel(Icon icon, const char* text, float left, float top, float max_width) {
  const Palette& p = Colours();
  ImFont* font = GetFonts().small;
  const float px = Scaled(kSmallSize);
  const IconText glyph = IconUtf8(icon);
  const float icon_w = font->CalcTextSizeA(px, FLT_MAX, 0.0f, glyph.c_str()).x + 6.0f;
  const float wrap = max_width - icon_w - 16.0f;
  const ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, wrap, text);
  const ImVec2 min(left, top);
  const ImVec2 max(left + icon_w + size.x + 16.0f, top + size.y + 8.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, (p.card & 0x00FFFFFF) | 0xEB000000, 8.0f);
  draw->AddText(font, px, ImVec2(left + 8.0f, top + 4.0f), p.primary, glyph.c_str());
  draw->AddText(font, px, ImVec2(left + 8.0f + icon_w, top + 4.0f), p.text, text, nullptr, wrap);
  RecordShown(Role::Text, text, RectOf(min, max));
  return max.y - min.y;
}

float MapNotice(Icon icon, const char* text, float x, float y, float width) {
  const Palette& p = Colours();
  const Fonts& fonts = GetFonts();
  const float px = Scaled(kBodySize);
  const IconText glyph = IconUtf8(icon);
  const float icon_w = fonts.body->CalcTextSizeA(px, FLT_MAX, 0.0f, glyph.c_str()).x + 10.0f;
  const ImVec2 size = fonts.body->CalcTextSizeA(px, FLT_MAX, width - icon_w - 24.0f, text);
  const ImVec2 min(x, y);
  const ImVec2 max(x + width, y + size.y + 20.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, p.card, 12.0f);
  draw->AddRect(min, max, p.card_border, 12.0f, 0, 2.0f);
  draw->AddText(fonts.body, px, ImVec2(x + 12.0f, y + 10.0f), p.primary, glyph.c_str());
  draw->AddText(fonts.body, px, ImVec2(x + 12.0f + icon_w, y + 10.0f), p.text, text, nullptr, width - icon_w - 24.0f);
  RecordShown(Role::Status, text, RectOf(min, max));
  return max.y - min.y;
}

//-----------------------------------------------------------------------------
// [SECTION] The board
//-----------------------------------------------------------------------------

void RoomCode(const char* code, const char* spoken) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  // As big as the column allows: the code is the one thing everyone must read.
  float px = Scaled(kDisplaySize);
  const float natural = fonts.display->CalcTextSizeA(px, FLT_MAX, 0.0f, code).x;
  if (natural > ContentWidth() - 24.0f) px *= (ContentWidth() - 24.0f) / natural;
  const ImVec2 size = fonts.display->CalcTextSizeA(px, FLT_MAX, 0.0f, code);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + ContentWidth(), min.y + size.y + 16.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, p.background, 14.0f);
  draw->AddRect(min, max, p.primary, 14.0f, 0, 3.0f);
  draw->AddText(fonts.display, px, ImVec2(min.x + (ContentWidth() - size.x) * 0.5f, min.y + 8.0f), p.text, code);
  ImGui::Dummy(ImVec2(ContentWidth(), max.y - min.y));
  RecordShown(Role::Text, spoken, RectOf(min, max));
}

void Picture(std::uintptr_t texture, float side, const char* description, const char* loading) {
  const Palette& p = Colours();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + side, min.y + side);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (texture != 0) {
    // A white frame: a QR code needs its quiet zone light on any background (high contrast too).
    draw->AddRectFilled(ImVec2(min.x - 6.0f, min.y - 6.0f), ImVec2(max.x + 6.0f, max.y + 6.0f),
                        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 8.0f);
    draw->AddImage(reinterpret_cast<ImTextureID>(texture), min, max);
  } else {
    draw->AddRectFilled(min, max, p.card, 8.0f);
    draw->AddRect(min, max, p.card_border, 8.0f, 0, 2.0f);
    const float px = Scaled(kSmallSize);
    const ImVec2 text = GetFonts().small->CalcTextSizeA(px, FLT_MAX, side - 16.0f, loading);
    draw->AddText(GetFonts().small, px, ImVec2(min.x + 8.0f, min.y + (side - text.y) * 0.5f), p.muted_text, loading,
                  nullptr, side - 16.0f);
  }
  ImGui::Dummy(ImVec2(side, side));
  RecordShown(Role::Text, texture != 0 ? description : loading, RectOf(min, max));
}

namespace {

// The widest word of `text` in `font` at `px` (a web address is one long word).
float WidestWord(ImFont* font, float px, const char* text) {
  float widest = 0.0f;
  const char* word = text;
  for (const char* c = text;; ++c) {
    if (*c != ' ' && *c != '\0') continue;
    widest = std::max(widest, font->CalcTextSizeA(px, FLT_MAX, 0.0f, word, c).x);
    if (*c == '\0') break;
    word = c + 1;
  }
  return widest;
}

}  // namespace

void LargeLine(Icon icon, const char* text) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float icon_px = Scaled(kHeadingSize);
  const IconText glyph = IconUtf8(icon);
  const float icon_w = fonts.heading->CalcTextSizeA(icon_px, FLT_MAX, 0.0f, glyph.c_str()).x + 12.0f;
  const float wrap = std::max(ContentWidth() - icon_w, 40.0f);
  // A word longer than the line (a web address) makes the letters smaller rather than
  // breaking it, down to body size.
  float px = icon_px;
  if (const float widest = WidestWord(fonts.heading, px, text); widest > wrap)
    px = std::max(Scaled(kBodySize), px * wrap / widest);
  const ImVec2 size = fonts.heading->CalcTextSizeA(px, FLT_MAX, wrap, text);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(fonts.heading, icon_px, min, p.text, glyph.c_str());
  draw->AddText(fonts.heading, px, ImVec2(min.x + icon_w, min.y + (icon_px - px) * 0.5f), p.text, text, nullptr, wrap);
  const float height = std::max(icon_px, size.y + (icon_px - px) * 0.5f);
  ImGui::Dummy(ImVec2(ContentWidth(), height));
  RecordShown(Role::Text, text, {min.x, min.y, icon_w + size.x, height});
}

void GoalBar(int done, int target, const char* words) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float px = Scaled(kHeadingSize);
  const ImVec2 text = fonts.heading->CalcTextSizeA(px, FLT_MAX, ContentWidth(), words);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float bar = 28.0f;  // CSS px: thick enough to see across a room
  const ImVec2 bar_min(min.x, min.y + text.y + 6.0f);
  const ImVec2 bar_max(min.x + ContentWidth(), bar_min.y + bar);
  const float part = target > 0 ? std::clamp(static_cast<float>(done) / static_cast<float>(target), 0.0f, 1.0f) : 0.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(fonts.heading, px, min, p.text, words, nullptr, ContentWidth());
  draw->AddRectFilled(bar_min, bar_max, p.card, bar * 0.5f);
  if (part > 0.0f)
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + std::max(bar, (bar_max.x - bar_min.x) * part), bar_max.y),
                        p.primary, bar * 0.5f);
  draw->AddRect(bar_min, bar_max, p.primary, bar * 0.5f, 0, 2.0f);
  ImGui::Dummy(ImVec2(ContentWidth(), bar_max.y - min.y));
  RecordShown(Role::Text, words, RectOf(min, bar_max));
}

void BoardPin(float x, float y, Icon icon, unsigned colour, PinMark mark, int faces, float scale, const char* name) {
  const Palette& p = Colours();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = kPinRadius * scale;
  const ImVec2 head(x, y - kPinTail * scale - r);
  // Not added: the pin is faded, so the places the group put on the map stand out.
  const unsigned fill = mark == PinMark::NotAdded ? (colour & 0x00FFFFFF) | 0x80000000 : colour;
  DrawMapPin(x, y, icon, fill, scale);
  const ImU32 ink = p.text;
  if (mark == PinMark::Waiting) {
    // A dashed ring round the head: not on the map yet.
    constexpr int kDashes = 12;
    const float ring = r + 7.0f * scale;
    for (int i = 0; i < kDashes; ++i) {
      const float from = static_cast<float>(i) * 2.0f * IM_PI / kDashes;
      draw->PathArcTo(head, ring, from, from + IM_PI / kDashes, 6);
      draw->PathStroke(ink, 0, 3.0f);
    }
  }
  // A badge at the head's top right: an hourglass (waiting) or a cross (not added).
  if (mark != PinMark::Plain) {
    const ImVec2 badge(head.x + r * 0.95f, head.y - r * 0.95f);
    const float badge_r = 11.0f * scale;
    draw->AddCircleFilled(badge, badge_r + 2.0f, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 20);
    draw->AddCircleFilled(badge, badge_r, ink, 20);
    const IconText glyph = IconUtf8(mark == PinMark::Waiting ? Icon::Hourglass : Icon::Close);
    const float px = badge_r * 1.5f;
    const ImVec2 size = GetFonts().body->CalcTextSizeA(px, FLT_MAX, 0.0f, glyph.c_str());
    draw->AddText(GetFonts().body, px, ImVec2(badge.x - size.x * 0.5f, badge.y - size.y * 0.5f),
                  IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), glyph.c_str());
  }
  // The group's faces: a face beside the head, its mouth bent as the faces they chose.
  if (faces >= 1 && faces <= 5) {
    const float face_r = 13.0f * scale;
    const ImVec2 centre(head.x + r + face_r + 2.0f, head.y + r * 0.3f);
    draw->AddCircleFilled(centre, face_r + 2.0f, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 24);
    DrawFace(draw, centre, face_r, static_cast<float>(faces - 3) / 2.0f);
  }
  RecordShown(Role::Text, name,
              {x - r - 8.0f * scale, head.y - r - 8.0f * scale, 2.0f * r + 16.0f * scale, y - head.y + r + 8.0f * scale},
              icon);
}

//-----------------------------------------------------------------------------
// [SECTION] Officers: shortcuts, charts and marked words
//-----------------------------------------------------------------------------

bool ShortcutTyped(char key) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiContext& g = *GImGui;
  // Typing in a field (ImGui's own, or its HTML twin) types; Ctrl+A still selects all.
  const bool typing = (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) || io.WantTextInput || g_mirror_typing;
  if (typing || io.KeyCtrl || io.KeyAlt || io.KeySuper) return false;
  const auto lower = [](unsigned c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
  for (const ImWchar typed : io.InputQueueCharacters)
    if (lower(typed) == lower(static_cast<unsigned char>(key))) return true;
  return false;
}

bool ShortcutButton(Icon icon, const char* label, char key, ButtonStyle style, float width) {
  const char upper = key >= 'a' && key <= 'z' ? static_cast<char>(key - 'a' + 'A') : key;
  const std::string words = std::string(label) + " (" + upper + ")";
  const bool pressed = Button(icon, words.c_str(), style, width);
  if (g_record && !g_record->items.empty()) g_record->items.back().shortcut = static_cast<char>(upper - 'A' + 'a');
  return pressed || ShortcutTyped(key);
}

namespace {

std::string BarWords(const ChartBar& bar) {
  return bar.words.empty() ? bar.label + ": " + std::to_string(bar.value) : bar.words;
}

int Largest(std::span<const ChartBar> bars) {
  int largest = 0;
  for (const ChartBar& bar : bars) largest = std::max(largest, bar.value);
  return largest;
}

}  // namespace

void BarChart(const char* description, std::span<const ChartBar> bars) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float px = Scaled(kBodySize);
  const float width = ContentWidth();
  const float label_w = width * 0.38f;
  const float number_w = fonts.body->CalcTextSizeA(px, FLT_MAX, 0.0f, "00000").x;
  const float bar_room = std::max(width - label_w - number_w - 16.0f, 20.0f);
  const int largest = std::max(Largest(bars), 1);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float y = start.y;
  for (const ChartBar& bar : bars) {
    const ImVec2 label = fonts.body->CalcTextSizeA(px, FLT_MAX, label_w - 8.0f, bar.label.c_str());
    const float row = std::max(label.y, px) + 10.0f;
    draw->AddText(fonts.body, px, ImVec2(start.x, y + 5.0f), p.text, bar.label.c_str(), nullptr, label_w - 8.0f);
    const float length = bar_room * static_cast<float>(bar.value) / static_cast<float>(largest);
    const ImVec2 bar_min(start.x + label_w, y + 6.0f);
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + std::max(length, 2.0f), y + row - 6.0f), p.primary, 4.0f);
    const std::string number = std::to_string(bar.value);
    draw->AddText(fonts.bold, px, ImVec2(bar_min.x + length + 8.0f, y + 5.0f), p.text, number.c_str());
    RecordShown(Role::Text, BarWords(bar), {start.x, y, width, row});
    y += row;
  }
  ImGui::Dummy(ImVec2(width, std::max(y - start.y, 1.0f)));
  RecordShown(Role::Text, description, RectOf(start, ImVec2(start.x + width, y)));
}

void Histogram(const char* description, std::span<const ChartBar> columns) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  const float px = Scaled(kSmallSize);
  const float width = ContentWidth();
  const float gap = 8.0f;
  const float n = static_cast<float>(std::max<std::size_t>(columns.size(), 1));
  const float column_w = (width - gap * (n - 1.0f)) / n;
  const float plot_h = 120.0f;  // CSS px: the tallest column
  const int largest = std::max(Largest(columns), 1);
  float label_h = 0.0f;
  for (const ChartBar& column : columns)
    label_h = std::max(label_h, fonts.small->CalcTextSizeA(px, FLT_MAX, column_w, column.label.c_str()).y);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float base = start.y + px + 6.0f + plot_h;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(start.x, base), ImVec2(start.x + width, base), p.card_border, 2.0f);
  float x = start.x;
  for (const ChartBar& column : columns) {
    const float h = plot_h * static_cast<float>(column.value) / static_cast<float>(largest);
    draw->AddRectFilled(ImVec2(x, base - std::max(h, 2.0f)), ImVec2(x + column_w, base), p.primary, 4.0f);
    const std::string number = std::to_string(column.value);
    const float number_w = fonts.bold->CalcTextSizeA(px, FLT_MAX, 0.0f, number.c_str()).x;
    draw->AddText(fonts.bold, px, ImVec2(x + (column_w - number_w) * 0.5f, base - h - px - 4.0f), p.text, number.c_str());
    const ImVec2 label = fonts.small->CalcTextSizeA(px, FLT_MAX, column_w, column.label.c_str());
    draw->AddText(fonts.small, px, ImVec2(x + std::max(0.0f, (column_w - label.x) * 0.5f), base + 4.0f), p.text,
                  column.label.c_str(), nullptr, column_w);
    RecordShown(Role::Text, BarWords(column), {x, start.y, column_w, base + 4.0f + label_h - start.y});
    x += column_w + gap;
  }
  const float bottom = base + 4.0f + label_h + 4.0f;
  ImGui::Dummy(ImVec2(width, bottom - start.y));
  RecordShown(Role::Text, description, RectOf(start, ImVec2(start.x + width, bottom)));
}

void MarkedText(const char* text, std::span<const std::pair<std::size_t, std::size_t>> marked) {
  const Fonts& fonts = GetFonts();
  const Palette& p = Colours();
  ImFont* font = fonts.body;
  const float px = Scaled(kBodySize);
  const float line = px * 1.3f;
  const float width = ContentWidth();
  const float space = font->CalcTextSizeA(px, FLT_MAX, 0.0f, " ").x;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 mark = IM_COL32(0xFF, 0xE0, 0x82, 0xFF);  // pale yellow, with dark words on it in any theme
  const ImU32 ink = IM_COL32(0x1B, 0x24, 0x37, 0xFF);
  float x = 0.0f, y = 0.0f;
  const std::size_t size = std::strlen(text);
  std::size_t i = 0;
  while (i < size) {
    if (text[i] == '\n') {
      x = 0.0f;
      y += line;
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < size && text[end] != ' ' && text[end] != '\n') ++end;
    const float w = font->CalcTextSizeA(px, FLT_MAX, 0.0f, text + i, text + end).x;
    if (x > 0.0f && x + w > width) {
      x = 0.0f;
      y += line;
    }
    const bool is_marked = std::any_of(marked.begin(), marked.end(),
                                       [&](const auto& range) { return range.first < end && range.second > i; });
    const ImVec2 at(start.x + x, start.y + y);
    if (is_marked) {
      draw->AddRectFilled(ImVec2(at.x - 2.0f, at.y), ImVec2(at.x + w + 2.0f, at.y + line), mark, 3.0f);
      draw->AddLine(ImVec2(at.x, at.y + line - 2.0f), ImVec2(at.x + w, at.y + line - 2.0f), ink, 2.0f);
    }
    draw->AddText(font, px, ImVec2(at.x, at.y + (line - px) * 0.5f), is_marked ? ink : p.text, text + i, text + end);
    x += w + space;
    i = end;
  }
  ImGui::Dummy(ImVec2(width, y + line));
  RecordShown(Role::Text, text, RectOf(start, ImVec2(start.x + width, start.y + y + line)));
}

}  // namespace ui
