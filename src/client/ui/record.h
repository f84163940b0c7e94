// What one frame of the UI showed, as data: every item our widget layer drew, with its role,
// accessible name, state and rectangle (in CSS pixels). Tests read it to find and tap items;
// on the web it feeds the screen-reader mirror. Filled by widgets.cpp; plain data, no ImGui calls.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/icons.h"

namespace ui {

enum class Role { Button, Heading, Text, Radio, Switch, Status, TextBox };

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, origin top-left of the canvas
  float CenterX() const { return x + w * 0.5f; }
  float CenterY() const { return y + h * 0.5f; }
};

inline constexpr const char* kHiddenText = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";  // a password field's value in the record

struct Item {
  std::uint32_t id = 0;   // ImGui's id of the item; 0 for text
  Role role = Role::Text;
  std::string name;       // what a screen reader says: the words, plus the icon's meaning if alone
  std::string description;  // a second line of help, if any
  int level = 0;          // heading level (1 = screen title)
  bool checked = false;   // radio: the chosen one of its group; switch: on; button: the current page
  bool focused = false;   // its HTML twin has the keyboard focus (the canvas shows a ring)
  std::string group;      // radio: the question it answers
  std::string value;      // text box: its text
  bool multiline = false; // text box: several lines (Enter makes a new line)
  int max_chars = 0;      // text box: the most letters it takes
  std::string input_mode; // text box: the phone keyboard to show ("text", "numeric", ...)
  bool password = false;  // text box: shown as dots; `value` is then kHiddenText or "", never the text
  Icon icon = Icon::None; // the icon drawn beside the words (buttons, choices), for tests
  char shortcut = 0;      // button: the letter key that presses it too ('a'), 0 for none
  Rect rect;
};

// An interactive ImGui item that did not come through our widgets (a bug: the mirror and
// the tests cannot see it properly). Found through ImGui's item hooks.
struct RawItem {
  std::uint32_t id = 0;
  std::string label;
};

struct FrameRecord {
  std::vector<Item> items;
  std::vector<RawItem> raw_items;
  std::string screen_name;  // the screen's title, announced when it changes

  void Clear() {
    items.clear();
    raw_items.clear();
    screen_name.clear();
  }
  const Item* Find(Role role, const std::string& name) const;
};

std::string_view RoleName(Role role);
// The record as JSON, for the web page (mirror and browser tests).
std::string RecordToJson(const FrameRecord& record);

}  // namespace ui
