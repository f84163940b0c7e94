// "My progress" and the celebration: the young person's buddy and what it has gained, their
// level, the badges they earned and those still to find (with how), a few gentle ideas for
// what to do next, and the city's shared goal. Kind by design (DESIGN.md principle 4): no
// ranking, no streaks, no timers, nothing taken away. The rules are core/progress.h.
#include <imgui.h>

#include <iterator>
#include <string>
#include <vector>

#include "client/screens.h"
#include "client/ui/widgets.h"
#include "core/progress.h"

namespace {

// The picture of a badge or an idea, from the concept core names.
Icon HintIcon(std::string_view hint) {
  struct Pair {
    std::string_view hint;
    Icon icon;
  };
  static constexpr Pair kIcons[] = {
      {"star", Icon::Star},           {"map_marker", Icon::MapMarker}, {"library", Icon::Library},
      {"park", Icon::Park},           {"cafe", Icon::Cafe},            {"museum", Icon::Museum},
      {"cinema", Icon::Cinema},       {"youth_club", Icon::YouthClub}, {"leisure", Icon::Leisure},
      {"map", Icon::Map},             {"quiet", Icon::QuietRoom},      {"quiet_room", Icon::QuietRoom},
      {"happy", Icon::Happy},         {"check", Icon::CheckCircle},    {"wheelchair", Icon::Wheelchair},
      {"map_marker_plus", Icon::MapMarkerPlus}, {"heart", Icon::Heart}, {"directions", Icon::Directions},
      {"speech", Icon::Speech},       {"group", Icon::Group},          {"greeting", Icon::Greeting},
  };
  for (const Pair& pair : kIcons)
    if (pair.hint == hint) return pair.icon;
  return Icon::Trophy;
}

// "Your cat has a smart tie and a travel bag." (everything it gained, kept for ever)
std::string BuddySentence(const AppState& state) {
  const std::string buddy = "Your " + std::string(core::CompanionName(state.companion));
  const int stage = state.progress.companion.stage;
  if (stage <= 0) return buddy + " is ready to explore with you.";
  std::string things;
  for (int i = 1; i <= stage && i < static_cast<int>(core::kCompanionAccessories.size()); ++i) {
    const std::string label(core::kCompanionAccessories[static_cast<std::size_t>(i)].label);
    things += i == 1 ? label : (i == stage ? " and " : ", ") + label;
  }
  return buddy + " has " + things + ".";
}

// The pictures of what the buddy gained, in the order it gained them.
std::vector<Icon> GainedIcons(int stage) {
  static constexpr Icon kPictures[] = {Icon::None, Icon::Tie, Icon::TravelBag, Icon::Map,
                                       Icon::Torch, Icon::Compass, Icon::Crown};
  static_assert(std::size(kPictures) == core::kCompanionAccessories.size());
  std::vector<Icon> icons;
  for (int i = 1; i <= stage && i < static_cast<int>(std::size(kPictures)); ++i)
    icons.push_back(kPictures[static_cast<std::size_t>(i)]);
  return icons;
}

std::string LevelSentence(const core::Progress& progress) {
  std::string text = "Level " + std::to_string(progress.level.number) + ": " + std::string(progress.level.name) + ". " +
                     std::to_string(progress.points) + (progress.points == 1 ? " point." : " points.");
  if (progress.level.points_to_next > 0) {
    const core::LevelInfo& next = core::kLevels[static_cast<std::size_t>(progress.level.number)];
    text += " " + std::to_string(progress.level.points_to_next) + " more to reach " + std::string(next.name) + ".";
  }
  return text;
}

// Where an idea leads: rating ideas to "Rate a place", and so on.
Screen QuestScreen(std::string_view quest_id) {
  if (quest_id.starts_with("suggest") || quest_id == "say_why") return Screen::SuggestPlace;
  if (quest_id == "join_group" || quest_id == "rate_with_group") return Screen::JoinGroup;
  return Screen::RatePickPlace;
}

}  // namespace

std::string TeamGoalSentence(const AppState& state) {
  return core::NextTeamGoal(static_cast<int>(state.places.size())).sentence + ".";
}

void DrawProgressScreen(const AppState& state, Actions& actions) {
  const core::Progress& progress = state.progress;
  ui::BeginScreen("My progress");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("My progress", 1, Icon::Trophy);
  ui::Paragraph("Only you see this. Nobody is racing you: go at your own pace.");

  const std::string buddy = BuddySentence(state);
  const std::string level = LevelSentence(progress);
  const std::string team = TeamGoalSentence(state);
  ui::BuddyPicture(CompanionIcon(state.companion), GainedIcons(progress.companion.stage), buddy.c_str());
  ui::IconLine(Icon::Star, level.c_str());
  ui::IconLine(Icon::Group, team.c_str());
  if (state.preferences.read_aloud && ui::Button(Icon::ReadAloud, "Read aloud", ui::ButtonStyle::Secondary))
    actions.ReadAloud(buddy + " " + level + " " + team);

  int earned = 0;
  for (const core::BadgeProgress& badge : progress.badges) earned += badge.earned;
  const std::string earned_title = "Badges you earned (" + std::to_string(earned) + ")";
  ui::Heading(earned_title.c_str(), 2, Icon::Trophy);
  if (earned == 0) ui::Paragraph("None yet. Rate a place to earn your first one!");
  for (const core::BadgeProgress& badge : progress.badges) {
    if (!badge.earned) continue;
    const core::BadgeInfo* info = core::FindBadge(badge.id);
    if (!info) continue;
    const std::string line = std::string(info->name) + ": " + std::string(info->how) + ".";
    ui::IconLine(HintIcon(info->icon_hint), line.c_str());
  }

  if (!progress.quests.empty()) {
    ui::Heading("Ideas for what to do next", 2, Icon::Directions);
    for (const core::Quest& quest : progress.quests) {
      const std::string label(quest.text);
      if (ui::Button(HintIcon(quest.icon_hint), label.c_str(), ui::ButtonStyle::Secondary, ui::ContentWidth())) {
        actions.GoHome();
        actions.OpenScreen(QuestScreen(quest.id));
      }
    }
  }

  ui::Heading("Badges still to find", 2, Icon::Map);
  for (const core::BadgeProgress& badge : progress.badges) {
    if (badge.earned) continue;
    const core::BadgeInfo* info = core::FindBadge(badge.id);
    if (!info) continue;
    std::string line = std::string(info->name) + ": " + std::string(info->how) + ".";
    if (badge.need > 1 && badge.have > 0) line += " You have " + core::BadgeProgressText(badge) + ".";
    ui::IconLine(HintIcon(info->icon_hint), line.c_str());
  }
  ui::EndScreen();
}

void DrawCelebration(const AppState& state, Actions& actions) {
  const AppState::Celebration& party = state.celebration;
  if (!party.showing) return;
  if (!party.seen) actions.CelebrationSeen(ImGui::GetTime());  // leaving this screen ends it
  const char* title = party.on_the_map ? "Your place is on the map!" : "Well done!";
  // A short entrance (half a second), none at all with "Less movement" or the system's
  // reduced-motion setting; never a loop, never a flash.
  constexpr double kEntranceSeconds = 0.5;  // seconds
  const double since = party.seen ? ImGui::GetTime() - party.seen_at : 0.0;
  const float entrance = state.preferences.reduce_motion ? 1.0f : static_cast<float>(since / kEntranceSeconds);
  const core::BadgeInfo* first = party.badge_ids.empty() ? nullptr : core::FindBadge(party.badge_ids.front());
  ui::CelebrationPicture(party.on_the_map ? Icon::MapMarker : first ? HintIcon(first->icon_hint) : Icon::Trophy,
                         entrance);
  ui::Heading(title, 2);  // (its picture is just above)
  const std::string buddy(core::CompanionName(state.companion));
  const std::string cheer = "Your " + buddy + " cheers for you!";
  ui::IconLine(CompanionIcon(state.companion), cheer.c_str());
  // One sentence for the live region: a screen reader says it as it appears.
  std::string said = party.on_the_map ? "A council worker checked your place and put it on the map." : "";
  for (const std::string& id : party.badge_ids) {
    const core::BadgeInfo* info = core::FindBadge(id);
    if (!info) continue;
    said += (said.empty() ? "" : " ") + std::string("New badge: ") + std::string(info->name) + ".";
  }
  if (party.level > 1 && party.level <= static_cast<int>(core::kLevels.size())) {
    const auto index = static_cast<std::size_t>(party.level - 1);
    said += (said.empty() ? "" : " ") + std::string("You reached level ") + std::to_string(party.level) + ": " +
            std::string(core::kLevels[index].name) + ".";
    const std::string_view gained = core::kCompanionAccessories[index].label;
    if (!gained.empty()) said += " Your " + buddy + " has " + std::string(gained) + " now!";
  }
  ui::StatusLine(Icon::Trophy, said.c_str());
  for (const std::string& id : party.badge_ids) {
    const core::BadgeInfo* info = core::FindBadge(id);
    if (!info) continue;
    const std::string how = std::string(info->name) + ": " + std::string(info->how) + ".";
    ui::IconLine(HintIcon(info->icon_hint), how.c_str());
  }
  if (ui::Button(Icon::Trophy, "See my progress", ui::ButtonStyle::Secondary, ui::ContentWidth())) {
    actions.CloseCelebration();
    actions.OpenScreen(Screen::Progress);
  }
  ui::Space(8.0f);
}
