// "Join a group": a young person types the code from the big screen (or opens the QR
// code's link, which fills it in) and is in their youth worker's group, with nothing asked
// about them but the nickname they already have. In a group, the screen says what that
// means, how the group is doing, and offers "Leave the group" as one tap. The screen only
// draws and asks; client_group.cpp sends and keeps the answers.
#include "client/screens.h"
#include "client/ui/widgets.h"

#include "core/room_code.h"

namespace {

// What being in the group means now, in one or two short sentences.
const char* GroupStateWords(GroupOpen open) {
  switch (open) {
    case GroupOpen::Paused: return "Your youth worker has paused the group for a moment. What you add now stays yours, but it will not go on the big screen.";
    case GroupOpen::Ended: return "This group has ended. Thank you for taking part!";
    case GroupOpen::Open: break;
  }
  return "What you rate or suggest now goes on your group's big screen, with your nickname.";
}

void DrawInGroup(const AppState& state, Actions& actions) {
  const GroupState& group = state.group;
  const std::string title = "You are in: " + group.name;
  ui::StatusLine(Icon::Group, title.c_str());
  if (!group.theme.empty()) {
    const std::string theme = "Today we are looking for: " + group.theme;
    ui::Paragraph(theme.c_str());
  }
  ui::Paragraph(GroupStateWords(group.state));
  if (group.state != GroupOpen::Ended && group.goal_target > 0) {
    const std::string goal = "Your group has added " + std::to_string(group.goal_done) + " of " +
                             std::to_string(group.goal_target) + " things.";
    ui::IconLine(Icon::Trophy, goal.c_str());
  }
  const std::string you = "Your nickname in the group: " + state.nickname;
  ui::IconLine(Icon::Happy, you.c_str());
  ui::Space(8.0f);
  if (group.state == GroupOpen::Open) {
    if (ui::Button(Icon::Star, "Rate a place", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.OpenScreen(Screen::RatePickPlace);
    if (ui::Button(Icon::MapMarkerPlus, "Suggest a place", ui::ButtonStyle::Primary, ui::ContentWidth()))
      actions.OpenScreen(Screen::SuggestPlace);
  }
  if (group.state == GroupOpen::Ended) {
    if (ui::Button(Icon::Check, "OK, done", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.LeaveGroup();
  } else if (ui::Button(Icon::Close, "Leave the group", ui::ButtonStyle::Secondary, ui::ContentWidth())) {
    actions.LeaveGroup();
  }
}

void DrawJoinForm(const AppState& state, Actions& actions) {
  const GroupState& group = state.group;
  constexpr const char* kHow = "Your youth worker shows a code on the big screen. Type it here to join their group.";
  ui::Paragraph(kHow);
  ui::Paragraph("The group sees your nickname and what you add. Nothing else about you.");
  std::string typed = group.typed;
  ui::TextFieldOptions options;
  options.max_chars = static_cast<int>(core::kMaxRoomCodeText);
  options.hint = "For example: KXM-4P7";
  bool submitted = false;
  if (ui::TextField("Group code", &typed, options, &submitted)) actions.JoinTyped(typed);
  if (!group.message.empty()) ui::StatusLine(Icon::Info, group.message.c_str());
  ui::Space(8.0f);
  if (group.step == GroupStep::Asking) {
    ui::StatusLine(Icon::Cloud, "Joining the group...");
  } else if (ui::Button(Icon::Group, "Join", ui::ButtonStyle::Primary, ui::ContentWidth()) || submitted) {
    actions.JoinGroup();
  }
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(kHow);
}

}  // namespace

void DrawJoinGroupScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Join a group");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading(state.group.step == GroupStep::In ? "My group" : "Join a group", 1, Icon::Group);
  if (state.group.step == GroupStep::In) {
    DrawInGroup(state, actions);
  } else {
    DrawJoinForm(state, actions);
  }
  ui::EndScreen();
}

std::string GroupBannerWords(const AppState& state) {
  const GroupState& group = state.group;
  if (group.step != GroupStep::In) return {};
  switch (group.state) {
    case GroupOpen::Paused: return "Your group is paused: " + group.name;
    case GroupOpen::Ended: return "Your group has ended: " + group.name;
    case GroupOpen::Open: break;
  }
  return "You are in a group: " + group.name;
}
