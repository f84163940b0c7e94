// The young person's side of a co-production group (issue: sessions for youth workers):
// joining with the room code from the big screen or the QR code's link (/join/KXM4P7),
// the group's state while they are in it (open, paused by the youth worker, ended), and
// leaving with one tap. The group is remembered on the device, so a reload stays in it.
// Screens draw it from AppState::group (screen_join.cpp); these run after each frame,
// called by client_data.cpp. Wire shapes: src/server/session_api.cpp. Start at GroupTick.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "client/app.h"
#include "core/progress.h"

struct ClientData;
struct HttpAnswer;

inline constexpr double kGroupStatusSeconds = 10.0;  // how often a member's phone asks how the group is

// Reads the group this device is in from the device, and opens "Join a group" with the
// code filled in when the app was opened at a join link ("/join/KXM4P7").
void LoadGroup(AppState& state, ClientData& data);

// JoinTyped, JoinGroup and LeaveGroup; false for any other action.
bool ApplyGroupAction(AppState& state, ClientData& data, const Action& action);

// Handles the answers to the group's requests, and asks how the group is every
// kGroupStatusSeconds while this device is in an open or paused group.
void GroupTick(AppState& state, ClientData& data, std::span<const HttpAnswer> answers);

// The session id a new rating or suggestion carries: the group's while it is open, else "".
std::string SessionIdForNewItem(const AppState& state);

// One JoinedSession event for each group this device joined, for the game (progress.h).
std::vector<core::ProgressEvent> JoinedGroupEvents(ClientData& data);
