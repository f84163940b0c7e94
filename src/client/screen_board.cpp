// The board of a group session, for a projector (laptops at 1280x720 and 1440x900, tablets
// at 820x1180): the session's map with the group's places (a suggestion waiting for a check
// has a dashed ring and an hourglass; a rated place shows the group's face), and beside it
// (below it, on a tablet standing up) what the room reads from its seats: the room code in
// very large letters, its QR code, how to join, who is here, the group's goal and what was
// just added, each with "Hide". The controls sit on the map: back to the sessions, Pause or
// Resume, End session (asked first) and zoom. staff_data.cpp polls the board about once a
// second while this screen shows.
//
// [SECTION] The group's places
// [SECTION] The map and its controls
// [SECTION] The panel
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "client/map_tiles.h"
#include "client/map_view.h"
#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"

namespace {

constexpr float kGap = 8.0f;            // CSS px between controls
constexpr float kPinScale = 1.3f;       // board pins are bigger than a phone's: seen across a room
constexpr float kPanelWidth = 440.0f;   // CSS px at 100% text, beside the map
constexpr float kMaxQrSide = 170.0f;    // CSS px: the QR code, beside the words on how to join
constexpr double kAreaMaxZoom = 17.0;   // a small area is shown no closer than this
constexpr std::size_t kNewestShown = 8;  // things in "Just added"

//-----------------------------------------------------------------------------
// [SECTION] The group's places
//-----------------------------------------------------------------------------

// One place on the board and what the group added about it (newest first).
struct BoardPlace {
  std::vector<const BoardItem*> items;
  ui::PinMark mark = ui::PinMark::Plain;
  int faces = 0;  // the mean of the items' faces, rounded; 0 when none had any
};

std::vector<BoardPlace> PlacesOf(const Board& board) {
  std::vector<BoardPlace> places;
  for (const BoardItem& item : board.items) {
    auto same = std::find_if(places.begin(), places.end(),
                             [&](const BoardPlace& place) { return place.items.front()->place_id == item.place_id; });
    if (same == places.end()) same = places.insert(places.end(), BoardPlace{});
    same->items.push_back(&item);
  }
  for (BoardPlace& place : places) {
    int sum = 0, counted = 0;
    for (const BoardItem* item : place.items) {
      if (item->faces > 0) {
        sum += item->faces;
        ++counted;
      }
      if (item->kind == BoardItemKind::Suggestion && item->status == BoardItemStatus::Waiting)
        place.mark = ui::PinMark::Waiting;
      if (item->kind == BoardItemKind::Suggestion && item->status == BoardItemStatus::NotAdded &&
          place.mark == ui::PinMark::Plain)
        place.mark = ui::PinMark::NotAdded;
    }
    place.faces = counted > 0 ? (2 * sum + counted) / (2 * counted) : 0;  // rounded half up
  }
  return places;
}

// "Brave Otter rated Central Library: Mostly"; "Calm Fox suggested Hillfields Park".
std::string ItemWords(const BoardItem& item) {
  std::string words = item.nickname + (item.kind == BoardItemKind::Suggestion ? " suggested " : " rated ") +
                      item.place_name;
  if (item.faces > 0) words += std::string(": ") + FaceWords(item.faces);
  return words;
}

// What a screen reader says of a pin: "Central Library, Library. Rated by Brave Otter and
// Calm Fox. Mostly. Waiting for a check."
std::string PinName(const BoardPlace& place) {
  const BoardItem& first = *place.items.front();
  std::string name = first.place_name + ", " + std::string(core::CategoryLabel(first.category)) + ".";
  for (BoardItemKind kind : {BoardItemKind::Suggestion, BoardItemKind::Rating}) {
    std::vector<std::string> who;
    for (const BoardItem* item : place.items)
      if (item->kind == kind && std::find(who.begin(), who.end(), item->nickname) == who.end())
        who.push_back(item->nickname);
    if (who.empty()) continue;
    name += kind == BoardItemKind::Suggestion ? " Suggested by " : " Rated by ";
    for (std::size_t i = 0; i < who.size(); ++i)
      name += (i == 0 ? "" : i + 1 == who.size() ? " and " : ", ") + who[i];
    name += ".";
  }
  if (place.faces > 0) name += std::string(" ") + FaceWords(place.faces) + ".";
  if (place.mark == ui::PinMark::Waiting) name += " Waiting for a check.";
  if (place.mark == ui::PinMark::NotAdded) name += " Not added.";
  return name;
}

// "KXM4P7" from the join path ("/join/KXM4P7"), or from the code as shown ("KXM-4P7").
std::string CodeOf(const Board& board) {
  const std::size_t slash = board.join_path.rfind('/');
  if (slash != std::string::npos && slash + 1 < board.join_path.size()) return board.join_path.substr(slash + 1);
  std::string code = board.room_code;
  std::erase(code, '-');
  return code;
}

// "The code is K X M 4 P 7": screen readers say each character.
std::string SpokenCode(const std::string& code) {
  std::string spoken = "The code is";
  for (char c : code) {
    spoken += ' ';
    spoken += c;
  }
  return spoken;
}

//-----------------------------------------------------------------------------
// [SECTION] The map and its controls
//-----------------------------------------------------------------------------

// The board's map: where it was moved, or the session's area fitted into `area`.
MapCamera CameraFor(const AppState& state, const ui::Rect& area) {
  const StaffState& staff = state.staff;
  if (staff.camera_set) return {staff.board_lat, staff.board_lon, staff.board_zoom};
  if (staff.board.version < 0) return {state.map_lat, state.map_lon, state.map_zoom};
  const core::Viewport fitted = core::FitBounds(staff.board.area, area.w, area.h, kAreaMaxZoom);
  return {fitted.center_lat, fitted.center_lon, fitted.zoom};
}

void MoveBoard(const MapCamera& camera, Actions& actions) {
  actions.StaffMoveBoard(camera.lat, camera.lon, camera.zoom);
}

void DrawPins(const Board& board, const MapView& view) {
  const ui::Rect& a = view.area;
  std::vector<std::pair<ImVec2, const BoardPlace*>> shown;
  const std::vector<BoardPlace> places = PlacesOf(board);
  for (const BoardPlace& place : places) {
    const ImVec2 at = view.ToScreen(place.items.front()->lat, place.items.front()->lon);
    if (at.x >= a.x && at.x <= a.x + a.w && at.y >= a.y && at.y <= a.y + a.h) shown.emplace_back(at, &place);
  }
  // North first, so southern pins overlap northern ones as on a paper map.
  std::sort(shown.begin(), shown.end(), [](const auto& l, const auto& r) { return l.first.y < r.first.y; });
  for (const auto& [at, place] : shown) {
    const BoardItem& first = *place->items.front();
    ui::BoardPin(at.x, at.y, CategoryIcon(first.category), CategoryColour(first.category), place->mark, place->faces,
                 kPinScale, PinName(*place).c_str());
  }
}

// The map's layers, bottom to top.
enum Layer { kTiles, kPins, kCardBehind, kControls, kLayers };

// "End the session for everyone?" on a card in the middle of the map.
void DrawEndQuestion(const ui::Rect& area, std::vector<ui::Rect>& controls, Actions& actions) {
  const float width = std::min(area.w - 2.0f * ui::kScreenPadding, 520.0f);
  const float x = area.x + (area.w - width) * 0.5f;
  const float top = area.y + area.h * 0.25f;
  const float card = ui::MapNotice(Icon::Stop, "End the session for everyone? Nobody can add to it after this.", x,
                                   top, width);
  ImGui::SetCursorScreenPos(ImVec2(x, top + card + kGap));
  if (ui::Button(Icon::Stop, "Yes, end it", ui::ButtonStyle::Primary, width)) actions.StaffSetState(SessionState::Ended);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetItemRectMax().y + kGap));
  if (ui::Button(Icon::ArrowLeft, "No, keep going", ui::ButtonStyle::Secondary, width)) actions.StaffAskEnd(false);
  const ui::Rect card_area{x - kGap, top - kGap, width + 2.0f * kGap, ImGui::GetItemRectMax().y - top + 2.0f * kGap};
  controls.push_back(card_area);
  // One card behind the question and its answers: the pins do not show between them.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSetCurrent(kCardBehind);
  draw->AddRectFilled(ImVec2(card_area.x, card_area.y), ImVec2(card_area.x + card_area.w, card_area.y + card_area.h),
                      ui::Colours().background, 16.0f);
  draw->AddRect(ImVec2(card_area.x, card_area.y), ImVec2(card_area.x + card_area.w, card_area.y + card_area.h),
                ui::Colours().card_border, 16.0f, 0, 2.0f);
  draw->ChannelsSetCurrent(kControls);
}

void DrawBoardMap(const AppState& state, const ui::Rect& part, Actions& actions) {
  const StaffState& staff = state.staff;
  const Board& board = staff.board;
  const ui::Rect area = ui::BeginMapScreen("Group board", &part);
  const MapCamera camera = CameraFor(state, area);
  if (!staff.camera_set && board.version >= 0) MoveBoard(camera, actions);  // kept from now on
  const MapView view = ViewOf(camera, area);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(kLayers);
  draw->ChannelsSetCurrent(kControls);
  const float pad = ui::kScreenPadding;
  std::vector<ui::Rect> controls;
  auto note_control = [&controls]() {
    controls.push_back({ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                        ImGui::GetItemRectSize().y});
  };

  // Top: back to the sessions, and calm notices under it.
  ImGui::SetCursorScreenPos(ImVec2(area.x + pad, area.y + pad));
  if (ui::Button(Icon::ArrowLeft, "My sessions", ui::ButtonStyle::Secondary)) actions.Back();
  note_control();
  const float notice_width = std::min(area.w - 2.0f * pad, 560.0f);
  float notice_y = ImGui::GetItemRectMax().y + kGap;
  const auto notice = [&](Icon icon, const char* text) {
    const float height = ui::MapNotice(icon, text, area.x + pad, notice_y, notice_width);
    controls.push_back({area.x + pad, notice_y, notice_width, height});
    notice_y += height + kGap;
  };
  if (!staff.connected) notice(Icon::NoConnection, "Not connected: trying again.");
  if (board.state == SessionState::Paused)
    notice(Icon::Pause, "Paused. What the group sends now does not join the board. Press Resume to go on.");
  if (board.state == SessionState::Ended) notice(Icon::Stop, "This session has ended.");
  if (!staff.board_message.empty()) notice(Icon::Info, staff.board_message.c_str());

  // Bottom: the session's controls in a row; zoom stacked at the right above them.
  const float row_height = std::max(ui::kMinTarget, ui::Scaled(ui::kBodySize) + 22.0f);
  const float row_top = area.y + area.h - pad - row_height;
  ImGui::SetCursorScreenPos(ImVec2(area.x + pad, row_top));
  float row_right = area.x + pad;
  const auto control = [&](Icon icon, const char* label, ui::ButtonStyle style) {
    const float width = ui::ButtonNaturalWidth(icon, label);
    if (row_right > area.x + pad && row_right + width > area.x + area.w - pad) return false;  // no room: left out
    ImGui::SetCursorScreenPos(ImVec2(row_right, row_top));
    const bool pressed = ui::Button(icon, label, style, width);
    note_control();
    row_right += width + kGap;
    return pressed;
  };
  if (board.version >= 0 && board.state != SessionState::Ended) {
    const bool paused = board.state == SessionState::Paused;
    if (control(paused ? Icon::Play : Icon::Pause, paused ? "Resume" : "Pause", ui::ButtonStyle::Secondary))
      actions.StaffSetState(paused ? SessionState::Open : SessionState::Paused);
    if (control(Icon::Stop, "End session", ui::ButtonStyle::Secondary)) actions.StaffAskEnd(true);
  } else if (board.state == SessionState::Ended) {
    if (control(Icon::Summary, "See the summary", ui::ButtonStyle::Primary))
      actions.StaffOpenSummary(staff.session_id);
  }
  if (control(Icon::Map, "Whole area", ui::ButtonStyle::Secondary) && board.version >= 0) {
    const core::Viewport fitted = core::FitBounds(board.area, area.w, area.h, kAreaMaxZoom);
    MoveBoard({fitted.center_lat, fitted.center_lon, fitted.zoom}, actions);
  }
  const float bar_top = row_top;
  const float tool_width = std::max(96.0f, ui::ToolLabelWidth("Zoom out") + 24.0f);
  const float tool_height = ui::ToolButtonHeight();
  const Icon zoom_icons[] = {Icon::ZoomIn, Icon::ZoomOut};
  const char* zoom_words[] = {"Zoom in", "Zoom out"};
  for (int i = 0; i < 2; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(area.x + area.w - pad - tool_width,
                                     bar_top - 2.0f * (tool_height + kGap) + static_cast<float>(i) * (tool_height + kGap)));
    if (ui::ToolButton(zoom_icons[i], zoom_words[i], tool_width)) MoveBoard(CameraZoomed(view, i == 0 ? 1 : -1), actions);
    note_control();
  }
  const float caption_width = area.w - 2.0f * pad - tool_width - kGap;
  const float caption_height =
      ui::MapCaption(state.map_config.attribution.c_str(), area.x + pad, bar_top - 6.0f, caption_width);
  controls.push_back({area.x + pad, bar_top - 6.0f - caption_height, caption_width, caption_height});
  if (staff.confirm_end) DrawEndQuestion(area, controls, actions);

  draw->ChannelsSetCurrent(kPins);
  DrawPins(board, view);
  draw->ChannelsSetCurrent(kTiles);
  DrawTiles(state, view);
  const std::string description = "The group's map. It shows " + std::to_string(PlacesOf(board).size()) +
                                  " places. The list beside it says what was added.";
  const ui::MapGesture gesture = ui::MapSurface(area, controls, description.c_str());
  if (const std::optional<MapCamera> moved = CameraAfter(view, gesture)) MoveBoard(*moved, actions);
  draw->ChannelsMerge();
  ui::EndMapScreen();
}

//-----------------------------------------------------------------------------
// [SECTION] The panel
//-----------------------------------------------------------------------------

void DrawJoining(const AppState& state) {
  const StaffState& staff = state.staff;
  const Board& board = staff.board;
  ui::RoomCode(board.room_code.c_str(), SpokenCode(CodeOf(board)).c_str());
  const std::string how = staff.site.empty() ? std::string("Open Safe Spaces, choose \"Join a group\" and type the code.")
                                             : "Go to " + staff.site + "/join and type the code.";
  // The QR code beside the words, so what arrives ("Just added") still fits a 720 px projector.
  const float side = std::min(ui::ContentWidth() * 0.36f, kMaxQrSide);
  const TextureId qr = state.tiles ? state.tiles->FindPicture("/join-qr/" + CodeOf(board) + ".png") : 0;
  ui::Picture(qr, side, "A QR code. Point a phone's camera at it to join.", "The QR code is on its way.");
  ImGui::SameLine(0.0f, 16.0f);
  ImGui::BeginGroup();
  ui::IconLine(Icon::Directions, how.c_str());
  ui::IconLine(Icon::QrCode, "Or point a phone's camera at the QR code.");
  ImGui::EndGroup();
}

void DrawPanel(const AppState& state, const ui::Rect& part, Actions& actions) {
  const StaffState& staff = state.staff;
  const Board& board = staff.board;
  ui::BeginSidePanel(part);
  if (board.version < 0) {
    ui::Heading("Group board", 1, Icon::Board);
    if (!staff.board_message.empty()) ui::StatusLine(Icon::Info, staff.board_message.c_str());
    ui::StatusLine(staff.connected ? Icon::Cloud : Icon::NoConnection,
                   staff.connected ? "Getting the board..." : "Not connected: trying again.");
    ui::EndSidePanel();
    return;
  }
  ui::Heading(board.name.c_str(), 1, Icon::Board);
  if (!board.theme.empty()) ui::IconLine(Icon::Star, ("Theme: " + board.theme).c_str());
  DrawJoining(state);

  ui::Heading("Our goal", 2, Icon::Trophy);
  const std::string goal = std::to_string(board.goal_done) + " of " + std::to_string(board.goal_target);
  ui::GoalBar(board.goal_done, board.goal_target, goal.c_str());

  ui::Heading("Just added", 2, Icon::Star);
  if (board.items.empty()) ui::Paragraph("Nothing yet. What the group rates and suggests shows here.");
  for (std::size_t i = 0; i < board.items.size() && i < kNewestShown; ++i) {
    const BoardItem& item = board.items[i];
    ImGui::PushID(item.id.c_str());
    ui::LargeLine(CategoryIcon(item.category), ItemWords(item).c_str());
    if (item.kind == BoardItemKind::Suggestion && item.status == BoardItemStatus::Waiting)
      ui::IconLine(Icon::Hourglass, "Waiting for a check");
    if (std::find(staff.hiding.begin(), staff.hiding.end(), item.id) != staff.hiding.end()) {
      ui::StatusLine(Icon::Hide, "Hiding...");
    } else if (ui::Button(Icon::Hide, "Hide", ui::ButtonStyle::Secondary)) {
      actions.StaffHide(item.id);
    }
    ImGui::PopID();
  }
  if (board.hidden > 0) {
    const std::string hidden = "You hid " + std::to_string(board.hidden) +
                               (board.hidden == 1 ? " thing. " : " things. ") + "A council officer will look at it.";
    ui::Paragraph(hidden.c_str());
  }
  const std::string here = "Who is here (" + std::to_string(board.members.size()) + ")";
  ui::Heading(here.c_str(), 2, Icon::Group);
  if (board.members.empty()) {
    ui::Paragraph("Nobody yet. Share the code!");
  } else {
    std::string names;
    for (const std::string& nickname : board.members) names += (names.empty() ? "" : ", ") + nickname;
    ui::LargeLine(Icon::Happy, names.c_str());
  }

  ui::EndSidePanel();
}

}  // namespace

void DrawBoardScreen(const AppState& state, Actions& actions) {
  const ui::Rect all = ui::ComputeLayout().main;
  // Landscape (a projector, a laptop): the panel beside the map; portrait (a tablet standing
  // up, a phone): below it.
  const bool beside = all.w > all.h;
  ui::Rect map = all, panel = all;
  if (beside) {
    const float width = std::min(kPanelWidth * ui::TextScale(), all.w * 0.45f);
    map.w = all.w - width;
    panel = {all.x + map.w, all.y, width, all.h};
  } else {
    map.h = std::floor(all.h * 0.5f);
    panel = {all.x, all.y + map.h, all.w, all.h - map.h};
  }
  DrawBoardMap(state, map, actions);
  DrawPanel(state, panel, actions);
}
