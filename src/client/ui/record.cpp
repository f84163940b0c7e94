// This is the implementation of record.h: look-up and the JSON form of a frame's record.
#include "client/ui/record.h"

#include <nlohmann/json.hpp>

namespace ui {

const Item* FrameRecord::Find(Role role, const std::string& name) const {
  for (const Item& item : items)
    if (item.role == role && item.name == name) return &item;
  return nullptr;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::Button: return "button";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Radio: return "radio";
    case Role::Switch: return "switch";
    case Role::Status: return "status";
    case Role::TextBox: return "textbox";
  }
  return "text";
}

std::string RecordToJson(const FrameRecord& record) {
  nlohmann::json items = nlohmann::json::array();
  for (const Item& item : record.items) {
    nlohmann::json j = {{"id", item.id},
                        {"role", RoleName(item.role)},
                        {"name", item.name},
                        {"rect", {item.rect.x, item.rect.y, item.rect.w, item.rect.h}}};
    if (!item.description.empty()) j["description"] = item.description;
    if (item.focused) j["focused"] = true;
    if (item.role == Role::Heading) j["level"] = item.level;
    if (item.role == Role::Radio || item.role == Role::Switch) j["checked"] = item.checked;
    if (item.role == Role::Button && item.checked) j["current"] = true;
    if (item.shortcut != 0) j["shortcut"] = std::string(1, item.shortcut);
    if (item.role == Role::Radio) j["group"] = item.group;
    if (item.role == Role::TextBox) {
      j["value"] = item.value;
      if (item.password) j["password"] = true;
      j["multiline"] = item.multiline;
      j["max_chars"] = item.max_chars;
      j["input_mode"] = item.input_mode;
      j["font_px"] = item.level;  // text size, so the HTML field matches what is drawn
    }
    items.push_back(std::move(j));
  }
  nlohmann::json raw = nlohmann::json::array();
  for (const RawItem& r : record.raw_items) raw.push_back({{"id", r.id}, {"label", r.label}});
  // Text typed by a person may be anything: replace bytes that are not UTF-8 rather than throw.
  return nlohmann::json{{"screen", record.screen_name}, {"items", items}, {"raw_items", raw}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ui
