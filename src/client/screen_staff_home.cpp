// A member of staff's home: "Start a group session", and their sessions (an officer sees
// everyone's), newest first, each with its board and its summary one tap away; "Log out".
// The list comes from GET /api/v1/sessions when this screen shows (staff_data.cpp). An
// officer also finds the review queue, city picture, scheme, exports and staff accounts here.
#include <imgui.h>

#include <string>

#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

constexpr float kGap = 12.0f;  // CSS px between buttons side by side

const char* StateWords(SessionState state) {
  switch (state) {
    case SessionState::Paused: return "Paused";
    case SessionState::Ended: return "Ended";
    case SessionState::Open: break;
  }
  return "Open";
}

void DrawSession(const StaffSession& session, Actions& actions) {
  ImGui::PushID(session.id.c_str());
  ui::Heading(session.name.c_str(), 2, Icon::Group);
  std::string facts = std::string(StateWords(session.state)) + ". Code " + session.room_code + ". " +
                      std::to_string(session.members) + (session.members == 1 ? " person" : " people") + " in it now.";
  if (!session.theme.empty()) facts += " Theme: " + session.theme + ".";
  ui::Paragraph(facts.c_str());
  // Side by side while both fit; one above the other at big text sizes.
  const float half = (ui::ContentWidth() - kGap) * 0.5f;
  const bool side_by_side = ui::ButtonNaturalWidth(Icon::Board, "Open board") <= half &&
                            ui::ButtonNaturalWidth(Icon::Summary, "Summary") <= half;
  const float width = side_by_side ? half : ui::ContentWidth();
  if (ui::Button(Icon::Board, "Open board", ui::ButtonStyle::Secondary, width)) actions.StaffOpenBoard(session.id);
  if (side_by_side) ImGui::SameLine(0.0f, kGap);
  if (ui::Button(Icon::Summary, "Summary", ui::ButtonStyle::Secondary, width)) actions.StaffOpenSummary(session.id);
  ImGui::PopID();
  ui::Space(8.0f);
}

// A council officer's work besides sessions (issue 8).
void DrawOfficerButtons(Actions& actions) {
  struct Way {
    Icon icon;
    const char* label;
    const char* hint;
    Screen screen;
  };
  static constexpr Way kWays[] = {
      {Icon::List, "Review queue", "New places and comments to check", Screen::OfficerReview},
      {Icon::Summary, "City picture", "What young people say across the city", Screen::OfficerCity},
      {Icon::Star, "Places and the scheme", "Which places are in the Safe Spaces scheme", Screen::OfficerScheme},
      {Icon::Spreadsheet, "Exports", "The places and the audit log as files", Screen::OfficerExports},
      {Icon::Key, "Staff accounts", "Who can log in", Screen::OfficerAccounts},
  };
  ui::Heading("Council officer", 2, Icon::Key);
  for (const Way& way : kWays)
    if (ui::ListButton(way.icon, way.label, way.hint)) actions.OpenScreen(way.screen);
}

}  // namespace

void DrawStaffHomeScreen(const AppState& state, Actions& actions) {
  const StaffState& staff = state.staff;
  ui::BeginScreen("Group sessions");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Group sessions", 1, Icon::Group);
  if (!staff.logged_in) {  // a login that ended: the way back in
    ui::Paragraph("Please log in first.");
    if (ui::Button(Icon::Login, "Log in", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.OpenScreen(Screen::StaffLogin);
    ui::EndScreen();
    return;
  }
  ui::IconLine(Icon::Key, staff.role == StaffRole::Officer ? "You are logged in as a council officer."
                                                           : "You are logged in as a youth worker.");
  if (ui::Button(Icon::Plus, "Start a group session", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.OpenScreen(Screen::StaffStart);
  if (staff.role == StaffRole::Officer) DrawOfficerButtons(actions);

  ui::Heading(staff.role == StaffRole::Officer ? "All sessions" : "Your sessions", 2, Icon::List);
  if (!staff.sessions_message.empty()) ui::StatusLine(Icon::NoConnection, staff.sessions_message.c_str());
  if (!staff.sessions_loaded) {
    if (staff.sessions_message.empty() && staff.sessions.empty()) ui::StatusLine(Icon::Cloud, "Getting your sessions...");
  } else if (staff.sessions.empty()) {
    ui::Paragraph("No sessions yet. Start one for your group.");
  }
  for (const StaffSession& session : staff.sessions) DrawSession(session, actions);

  ui::Space(8.0f);
  if (ui::Button(Icon::Logout, "Log out", ui::ButtonStyle::Secondary, ui::ContentWidth())) actions.StaffLogOut();
  ui::EndScreen();
}
