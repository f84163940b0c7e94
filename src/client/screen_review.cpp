// The review queue, for a council officer on a laptop (1440x900 first; 1280x720 and a
// tablet too): on the left the waiting suggestions and comments (safeguarding first, marked
// "Safeguarding: tell the designated person", then oldest first) with the filters behind one
// button and Undo; on the right the selected item's map (the suggestion among the approved
// places nearby) and below it its actions (each with a key: A approve, E edit, N not added,
// M merge, H hide, J/K next and previous, U undo), then what the young person wrote with
// the screening's findings marked, their reasons and their rating. officer_data.cpp sends
// the actions and asks the queue again after each.
//
// [SECTION] Words
// [SECTION] The list and its filters
// [SECTION] The map
// [SECTION] The selected item
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "client/map_view.h"
#include "client/officer_data.h"
#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"

namespace {

constexpr float kListWidth = 420.0f;   // CSS px at 100% text: the queue beside the item
constexpr float kGap = 8.0f;           // CSS px between buttons in a row
constexpr double kItemMaxZoom = 17.0;  // an item alone is shown no closer than this
constexpr double kPadDegrees = 0.0012; // about 100 m round what the map shows
constexpr const char* kSafeguarding = "Safeguarding: tell the designated person";

//-----------------------------------------------------------------------------
// [SECTION] Words
//-----------------------------------------------------------------------------

const ReviewItem* SelectedItem(const OfficerState& officer) {
  for (const ReviewItem& item : officer.queue)
    if (item.id == officer.selected_id) return &item;
  return nullptr;
}

// "Suggested place. Park." or "Comment on Central Library."
std::string KindWords(const ReviewItem& item) {
  if (item.kind == ReviewKind::Comment) return "Comment on " + item.name + ".";
  return "Suggested place. " + std::string(core::CategoryLabel(item.category)) + ".";
}

// "12 suggestions and 4 comments waiting. 3 flagged, 1 safeguarding."
std::string CountWords(const ReviewCounts& counts) {
  const auto count = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  return count(counts.suggestions, "suggestion", "suggestions") + " and " + count(counts.comments, "comment", "comments") +
         " waiting. " + std::to_string(counts.flagged) + " flagged, " + std::to_string(counts.safeguarding) +
         " safeguarding.";
}

std::string FilterWords(const ReviewFilter& filter) {
  std::vector<std::string> parts;
  if (filter.kind == ReviewKindFilter::Suggestions) parts.emplace_back("suggestions");
  if (filter.kind == ReviewKindFilter::Comments) parts.emplace_back("comments");
  if (!filter.area.empty()) parts.emplace_back(core::AreaLabel(filter.area));
  if (filter.category) parts.emplace_back(core::CategoryLabel(*filter.category));
  if (!filter.session_id.empty()) parts.emplace_back("one session");
  if (filter.flagged_only) parts.emplace_back("flagged only");
  if (parts.empty()) return "Showing everything.";
  std::string words = "Showing: ";
  for (std::size_t i = 0; i < parts.size(); ++i) words += (i == 0 ? "" : ", ") + parts[i];
  return words + ".";
}

// Where `needle` is in `text`, ignoring case; npos if nowhere.
std::size_t FindIgnoringCase(const std::string& text, const std::string& needle) {
  if (needle.empty()) return std::string::npos;
  const auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it == text.end() ? std::string::npos : static_cast<std::size_t>(it - text.begin());
}

// A finding's matching words: "why: 07700 900123" -> "07700 900123".
std::string FoundWords(const ReviewFlag& flag) {
  const std::size_t colon = flag.detail.find(": ");
  return colon == std::string::npos ? flag.detail : flag.detail.substr(colon + 2);
}

// The words young people wrote, with the findings in them marked.
void DrawWords(const std::string& text, const ReviewItem& item) {
  if (text.empty()) return;
  std::vector<std::pair<std::size_t, std::size_t>> marked;
  for (const ReviewFlag& flag : item.flags) {
    const std::string found = FoundWords(flag);
    if (const std::size_t at = FindIgnoringCase(text, found); at != std::string::npos)
      marked.emplace_back(at, at + found.size());
  }
  ui::MarkedText(text.c_str(), marked);
}

//-----------------------------------------------------------------------------
// [SECTION] The list and its filters
//-----------------------------------------------------------------------------

// Choices two to a row (three for the areas' grid): `width` is each one's.
float RowWidth(int per_row) { return (ui::ContentWidth() - kGap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row); }

void DrawFilters(const AppState& state, const ReviewFilter& filter, Actions& actions) {
  ReviewFilter changed = filter;
  bool change = false;
  const auto pick = [&](bool chosen_now, auto apply) {
    if (chosen_now) {
      apply(changed);
      change = true;
    }
  };
  ui::Heading("What to show", 2, Icon::Filter);
  struct Kind {
    ReviewKindFilter kind;
    Icon icon;
    const char* label;
  };
  for (const Kind& kind : {Kind{ReviewKindFilter::All, Icon::List, "Everything"},
                           Kind{ReviewKindFilter::Suggestions, Icon::MapMarkerPlus, "Suggested places"},
                           Kind{ReviewKindFilter::Comments, Icon::Speech, "Comments"}})
    pick(ui::ChoiceButton(kind.icon, kind.label, "Kind", filter.kind == kind.kind),
         [&](ReviewFilter& f) { f.kind = kind.kind; });
  if (ui::Toggle(Icon::Alert, "Only items with a finding", filter.flagged_only)) {
    changed.flagged_only = !filter.flagged_only;
    change = true;
  }

  ui::Heading("Area of the city", 2, Icon::Map);
  const float third = RowWidth(3);
  pick(ui::ChoiceButton(Icon::Map, "All areas", "Area", filter.area.empty()), [](ReviewFilter& f) { f.area.clear(); });
  for (std::size_t i = 0; i < core::kAreaNames.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine(0.0f, kGap);
    const std::string name(core::kAreaNames[i]);
    const std::string label(core::AreaLabel(name));
    pick(ui::ChoiceButton(Icon::MapMarker, label.c_str(), "Area", filter.area == name, third),
         [&](ReviewFilter& f) { f.area = name; });
  }

  ui::Heading("Kind of place", 2, Icon::Park);
  const float half = RowWidth(2);
  pick(ui::ChoiceButton(Icon::List, "All kinds", "Kind of place", !filter.category),
       [](ReviewFilter& f) { f.category.reset(); });
  for (std::size_t i = 0; i < core::kAllCategories.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine(0.0f, kGap);
    const core::Category category = core::kAllCategories[i];
    const std::string label(core::CategoryLabel(category));
    pick(ui::ChoiceButton(CategoryIcon(category), label.c_str(), "Kind of place", filter.category == category, half),
         [&](ReviewFilter& f) { f.category = category; });
  }

  ui::Heading("Group session", 2, Icon::Group);
  pick(ui::ChoiceButton(Icon::Group, "All sessions", "Session", filter.session_id.empty()),
       [](ReviewFilter& f) { f.session_id.clear(); });
  for (const StaffSession& session : state.staff.sessions)
    pick(ui::ChoiceButton(Icon::Board, session.name.c_str(), "Session", filter.session_id == session.id),
         [&](ReviewFilter& f) { f.session_id = session.id; });
  if (change) actions.OfficerFilter(changed);
  if (ui::Button(Icon::Check, "Show the queue", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::ShowFilters, 0);
}

void DrawList(const AppState& state, const ui::Rect& part, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  ui::BeginSidePanel(part, "##review-list");
  if (ui::Button(Icon::ArrowLeft, "Staff home", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Review queue", 1, Icon::List);
  if (officer.queue_loaded) ui::Paragraph(CountWords(officer.counts).c_str());
  if (ui::ShortcutButton(Icon::Undo, "Undo my last change", 'u', ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::Undo);
  if (!officer.review_message.empty()) ui::StatusLine(Icon::Info, officer.review_message.c_str());
  if (officer.show_filters) {
    DrawFilters(state, officer.filter, actions);
    ui::EndSidePanel();
    return;
  }
  ui::Paragraph(FilterWords(officer.filter).c_str());
  if (ui::Button(Icon::Filter, "Choose what to show", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::ShowFilters, 1);
  if (!officer.queue_loaded) {
    ui::StatusLine(Icon::Cloud, "Getting the queue...");
  } else if (officer.queue.empty()) {
    ui::Paragraph("Nothing is waiting. Well done!");
  }
  for (const ReviewItem& item : officer.queue) {
    ImGui::PushID(item.id.c_str());
    const std::string hint = item.safeguarding ? std::string(kSafeguarding)
                             : item.flags.empty() ? KindWords(item)
                                                  : KindWords(item) + " Has a finding.";
    const Icon icon = item.safeguarding ? Icon::Alert : item.kind == ReviewKind::Comment ? Icon::Speech : CategoryIcon(item.category);
    const unsigned tint = item.safeguarding ? IM_COL32(0xFF, 0xE0, 0x82, 0xFF) : ui::Colours().tint_map;
    if (ui::JourneyButton(icon, item.name.c_str(), hint.c_str(), tint, item.id == officer.selected_id))
      actions.Officer(OfficerVerb::Select, item.id);
    ImGui::PopID();
  }
  ui::EndSidePanel();
}

//-----------------------------------------------------------------------------
// [SECTION] The map
//-----------------------------------------------------------------------------

MapCamera CameraFor(const AppState& state, const ReviewItem* item, const ui::Rect& area) {
  const OfficerState& officer = state.staff.officer;
  if (officer.camera_set) return {officer.map_lat, officer.map_lon, officer.map_zoom};
  if (!item) return {state.map_lat, state.map_lon, state.map_zoom};
  core::LatLonBounds bounds{item->lat, item->lon, item->lat, item->lon};
  for (const NearbyPlace& place : item->nearby) {
    bounds.south = std::min(bounds.south, place.lat);
    bounds.north = std::max(bounds.north, place.lat);
    bounds.west = std::min(bounds.west, place.lon);
    bounds.east = std::max(bounds.east, place.lon);
  }
  bounds = {bounds.south - kPadDegrees, bounds.west - kPadDegrees, bounds.north + kPadDegrees, bounds.east + kPadDegrees};
  const core::Viewport fitted = core::FitBounds(bounds, area.w, area.h, kItemMaxZoom);
  return {fitted.center_lat, fitted.center_lon, fitted.zoom};
}

enum Layer { kTiles, kPins, kControls, kLayers };

void DrawItemMap(const AppState& state, const ui::Rect& part, Actions& actions) {
  const ReviewItem* item = SelectedItem(state.staff.officer);
  const ui::Rect area = ui::BeginMapScreen("Review queue", &part);
  const MapView view = ViewOf(CameraFor(state, item, area), area);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(kLayers);
  draw->ChannelsSetCurrent(kControls);
  std::vector<ui::Rect> controls;
  const float pad = ui::kScreenPadding;
  const float tool_width = std::max(96.0f, ui::ToolLabelWidth("Zoom out") + 24.0f);
  const float tool_height = ui::ToolButtonHeight();
  const Icon zoom_icons[] = {Icon::ZoomIn, Icon::ZoomOut};
  const char* zoom_words[] = {"Zoom in", "Zoom out"};
  for (int i = 0; i < 2; ++i) {
    const ImVec2 at(area.x + area.w - pad - static_cast<float>(2 - i) * (tool_width + kGap), area.y + area.h - pad - tool_height);
    ImGui::SetCursorScreenPos(at);
    if (ui::ToolButton(zoom_icons[i], zoom_words[i], tool_width)) {
      const MapCamera zoomed = CameraZoomed(view, i == 0 ? 1 : -1);
      actions.OfficerMoveMap(zoomed.lat, zoomed.lon, zoomed.zoom);
    }
    controls.push_back({at.x, at.y, tool_width, tool_height});
  }
  const float caption_width = area.w - 2.0f * pad - 2.0f * (tool_width + kGap);
  const float caption_height =
      ui::MapCaption(state.map_config.attribution.c_str(), area.x + pad, area.y + area.h - pad, caption_width);
  controls.push_back({area.x + pad, area.y + area.h - pad - caption_height, caption_width, caption_height});

  draw->ChannelsSetCurrent(kPins);
  std::string description = "The map round the item.";
  if (item) {
    for (const NearbyPlace& place : item->nearby) {
      const ImVec2 at = view.ToScreen(place.lat, place.lon);
      const std::string name = place.name + ", on the map, " + std::to_string(place.distance_m) + " m away.";
      ui::BoardPin(at.x, at.y, CategoryIcon(place.category), CategoryColour(place.category), ui::PinMark::Plain, 0, 1.0f,
                   name.c_str());
    }
    const ImVec2 at = view.ToScreen(item->lat, item->lon);
    const std::string name = item->name + (item->kind == ReviewKind::Suggestion ? ", the suggested place." : ".");
    ui::BoardPin(at.x, at.y, CategoryIcon(item->category), CategoryColour(item->category),
                 item->kind == ReviewKind::Suggestion ? ui::PinMark::Waiting : ui::PinMark::Plain, 0, 1.3f, name.c_str());
    description = "The map round " + item->name + ", with " + std::to_string(item->nearby.size()) +
                  " approved places near it. The list beside it says the same.";
  }
  draw->ChannelsSetCurrent(kTiles);
  DrawTiles(state, view);
  const ui::MapGesture gesture = ui::MapSurface(area, controls, description.c_str());
  if (const std::optional<MapCamera> moved = CameraAfter(view, gesture))
    actions.OfficerMoveMap(moved->lat, moved->lon, moved->zoom);
  draw->ChannelsMerge();
  ui::EndMapScreen();
}

//-----------------------------------------------------------------------------
// [SECTION] The selected item
//-----------------------------------------------------------------------------

// Buttons side by side while they fit the column, then on the next row.
struct ButtonRow {
  float used = 0.0f;  // CSS px of the row so far
  bool Place(float width) {
    if (used > 0.0f && used + kGap + width <= ui::ContentWidth()) {
      ImGui::SameLine(0.0f, kGap);
      used += kGap + width;
      return true;
    }
    used = width;
    return false;
  }
  bool Shortcut(Icon icon, const char* label, char key, ui::ButtonStyle style = ui::ButtonStyle::Secondary) {
    const std::string words = std::string(label) + " (" + static_cast<char>(std::toupper(key)) + ")";
    const float width = std::min(ui::ButtonNaturalWidth(icon, words.c_str()), ui::ContentWidth());
    Place(width);
    return ui::ShortcutButton(icon, label, key, style, width);
  }
  bool Plain(Icon icon, const char* label, ui::ButtonStyle style = ui::ButtonStyle::Secondary) {
    const float width = std::min(ui::ButtonNaturalWidth(icon, label), ui::ContentWidth());
    Place(width);
    return ui::Button(icon, label, style, width);
  }
};

void DrawActions(const ReviewItem& item, bool acting, Actions& actions) {
  ButtonRow row;
  if (acting) {
    ui::StatusLine(Icon::Cloud, "Sending...");
  } else if (item.kind == ReviewKind::Suggestion) {
    if (row.Shortcut(Icon::Check, "Approve", 'a', ui::ButtonStyle::Primary)) actions.Officer(OfficerVerb::Approve);
    if (row.Shortcut(Icon::Edit, "Edit and approve", 'e'))
      actions.Officer(OfficerVerb::SetMode, static_cast<int>(ReviewMode::Edit));
    if (row.Shortcut(Icon::Close, "Not added", 'n'))
      actions.Officer(OfficerVerb::SetMode, static_cast<int>(ReviewMode::NotAdded));
    if (!item.nearby.empty() && row.Shortcut(Icon::MapMarker, "Merge", 'm'))
      actions.Officer(OfficerVerb::SetMode, static_cast<int>(ReviewMode::Merge));
  } else {
    if (row.Shortcut(Icon::Check, "Approve", 'a', ui::ButtonStyle::Primary)) actions.Officer(OfficerVerb::Approve);
    if (row.Shortcut(Icon::Hide, "Hide", 'h')) actions.Officer(OfficerVerb::HideComment);
  }
  ButtonRow moves;
  if (moves.Shortcut(Icon::ArrowUp, "Previous", 'k')) actions.Officer(OfficerVerb::SelectNext, -1);
  if (moves.Shortcut(Icon::ArrowDown, "Next", 'j')) actions.Officer(OfficerVerb::SelectNext, 1);
}

void DrawCancel(Actions& actions) {
  if (ui::Button(Icon::ArrowLeft, "Cancel", ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::SetMode, static_cast<int>(ReviewMode::Look));
}

void DrawEdit(const OfficerState& officer, Actions& actions) {
  ui::Heading("Edit and approve", 2, Icon::Edit);
  ui::TextFieldOptions options;
  options.max_chars = 120;
  std::string name = officer.edit_name;
  if (ui::TextField("Name", &name, options)) actions.OfficerTyped(OfficerField::EditName, name);
  std::string address = officer.edit_address;
  options.max_chars = 200;
  if (ui::TextField("Address (you can leave this empty)", &address, options))
    actions.OfficerTyped(OfficerField::EditAddress, address);
  const float half = RowWidth(2);
  for (std::size_t i = 0; i < core::kAllCategories.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine(0.0f, kGap);
    const core::Category category = core::kAllCategories[i];
    const std::string label(core::CategoryLabel(category));
    if (ui::ChoiceButton(CategoryIcon(category), label.c_str(), "Kind of place", officer.edit_category == category, half))
      actions.Officer(OfficerVerb::EditCategory, static_cast<int>(i));
  }
  if (ui::Button(Icon::Check, "Approve with these details", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::EditApprove);
  DrawCancel(actions);
}

void DrawNotAdded(const OfficerState& officer, Actions& actions) {
  ui::Heading("Why is it not added?", 2, Icon::Close);
  ui::Paragraph("The young person who suggested it will read the words you choose.");
  for (std::size_t i = 0; i < core::kAllNotAddedReasons.size(); ++i) {
    const core::NotAddedReason reason = core::kAllNotAddedReasons[i];
    const std::string words(core::NotAddedReasonMessage(reason));
    if (ui::ChoiceButton(Icon::Speech, words.c_str(), "Why is it not added?", officer.reason == reason))
      actions.Officer(OfficerVerb::ChooseReason, static_cast<int>(i));
  }
  if (ui::Button(Icon::Send, "Not added: tell them why", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::Reject);
  DrawCancel(actions);
}

std::string NearbyWords(const NearbyPlace& place) {
  return place.name + ", " + std::string(core::CategoryLabel(place.category)) + ", " + std::to_string(place.distance_m) +
         " m away";
}

void DrawMerge(const OfficerState& officer, const ReviewItem& item, Actions& actions) {
  ui::Heading("Which place is it the same as?", 2, Icon::MapMarker);
  ui::Paragraph("Its ratings move to the place you choose.");
  for (const NearbyPlace& place : item.nearby)
    if (ui::ChoiceButton(CategoryIcon(place.category), NearbyWords(place).c_str(), "Which place is it the same as?",
                         officer.merge_into == place.id))
      actions.Officer(OfficerVerb::ChooseMerge, place.id);
  if (ui::Button(Icon::MapMarker, "Merge into this place", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::Merge);
  DrawCancel(actions);
}

void DrawWhatTheySaid(const ReviewItem& item) {
  ui::Heading(item.kind == ReviewKind::Comment ? "Their comment" : "What they wrote", 2, Icon::Speech);
  const std::string& words = item.kind == ReviewKind::Comment ? item.text : item.why;
  if (words.empty()) ui::Paragraph("No words.");
  DrawWords(words, item);
  if (item.kind == ReviewKind::Suggestion && !item.text.empty()) {
    ui::Paragraph("Their comment with their first rating:");
    DrawWords(item.text, item);
  }
  if (!item.address.empty()) {
    ui::Paragraph("Address they gave:");
    DrawWords(item.address, item);
  }
  for (const ReviewFlag& flag : item.flags) {
    const std::string_view label = FlagLabel(flag.flag);
    const std::string line = std::string(label.empty() ? "Something to check" : label) + ": " + flag.detail;
    ui::IconLine(Icon::Alert, line.c_str());
  }
  if (!item.reasons.empty()) {
    ui::Heading("Why it feels safe", 2, Icon::Heart);
    for (core::SafeReason reason : item.reasons) ui::IconLine(Icon::Check, std::string(core::SafeReasonLabel(reason)).c_str());
  }
  ui::Heading(item.kind == ReviewKind::Comment ? "Their rating" : "Their first rating", 2, Icon::Star);
  bool any = false;
  for (core::Scale scale : core::kAllScales) {
    const int faces = item.scales[core::IndexOf(scale)];
    if (faces == 0) continue;
    any = true;
    const std::string line = std::string(core::ScaleLabel(scale)) + ": " + FaceWords(faces) + " (" +
                             std::to_string(faces) + " of 5)";
    ui::IconLine(Icon::Happy, line.c_str());
  }
  for (core::Facility facility : core::kAllFacilities) {
    const core::Answer answer = item.facilities[core::IndexOf(facility)];
    if (answer == core::Answer::Unanswered) continue;
    any = true;
    const char* said = answer == core::Answer::Yes ? "Yes" : answer == core::Answer::No ? "No" : "Not sure";
    ui::IconLine(FacilityIcon(facility), (std::string(core::FacilityLabel(facility)) + ": " + said).c_str());
  }
  if (!any) ui::Paragraph("No answers.");
  if (item.kind == ReviewKind::Suggestion) {
    ui::Heading("On the map nearby", 2, Icon::Map);
    if (item.nearby.empty()) ui::Paragraph("No approved place within 250 m.");
    for (const NearbyPlace& place : item.nearby) ui::IconLine(CategoryIcon(place.category), NearbyWords(place).c_str());
  }
}

void DrawItem(const AppState& state, const ui::Rect& part, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  ui::BeginSidePanel(part, "##review-item");
  const ReviewItem* item = SelectedItem(officer);
  if (!item) {
    ui::Paragraph(officer.queue_loaded ? "Choose an item from the queue." : "The item shows here.");
    ui::EndSidePanel();
    return;
  }
  ui::Heading(item->name.c_str(), 2, CategoryIcon(item->category));
  if (item->safeguarding) ui::StatusLine(Icon::Alert, (std::string(kSafeguarding) + ".").c_str());
  std::string facts = KindWords(*item);
  if (!item->visit_month.empty()) facts += " Visit: " + item->visit_month + ".";
  if (!item->session_name.empty()) facts += " From the session \"" + item->session_name + "\".";
  ui::IconLine(Icon::Info, facts.c_str());
  switch (officer.mode) {
    case ReviewMode::Edit: DrawEdit(officer, actions); break;
    case ReviewMode::NotAdded: DrawNotAdded(officer, actions); break;
    case ReviewMode::Merge: DrawMerge(officer, *item, actions); break;
    case ReviewMode::Look: DrawActions(*item, officer.acting, actions); break;
  }
  DrawWhatTheySaid(*item);
  ui::EndSidePanel();
}

}  // namespace

void DrawReviewScreen(const AppState& state, Actions& actions) {
  const ui::Rect all = ui::ComputeLayout().main;
  ui::Rect list = all, map = all, item = all;
  if (all.w > all.h) {  // a laptop: the queue on the left, the item's map over its details on the right
    list.w = std::floor(std::min(kListWidth * ui::TextScale(), all.w * 0.36f));
    map = {all.x + list.w, all.y, all.w - list.w, std::floor(all.h * 0.36f)};
    item = {map.x, all.y + map.h, map.w, all.h - map.h};
  } else {  // a tablet standing up: the queue, the map, the details, one under the other
    list.h = std::floor(all.h * 0.32f);
    map = {all.x, all.y + list.h, all.w, std::floor(all.h * 0.26f)};
    item = {all.x, map.y + map.h, all.w, all.h - list.h - map.h};
  }
  DrawItemMap(state, map, actions);
  DrawList(state, list, actions);
  DrawItem(state, item, actions);
}
