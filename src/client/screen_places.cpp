// The places as a list (nearest the middle of the map first), the filters, and "My places".
// The list is what screen readers use instead of the map picture, and it is always one tap
// away for everyone else. Each place opens its card (screen_place_card.cpp).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "client/place_icons.h"
#include "client/screens.h"
#include "client/ui/widgets.h"
#include "core/map_places.h"

namespace {

int FiltersChosen(const core::MapFilter& filter) {
  int chosen = filter.quiet + filter.step_free + filter.accessible_toilet + filter.staff_understand;
  for (bool category : filter.categories) chosen += category;
  return chosen;
}

// "Library - 1.2 km - Quiet, Step-free": the line under a place's name.
std::string PlaceLine(const core::PublicPlace& entry, double metres) {
  std::string line(core::CategoryLabel(entry.place.category));
  const std::string distance = core::DistanceText(metres);
  if (!distance.empty()) line += " - " + distance;
  std::string facts;
  for (core::PlaceFact fact : {core::PlaceFact::Quiet, core::PlaceFact::StepFree, core::PlaceFact::AccessibleToilet,
                               core::PlaceFact::StaffUnderstand}) {
    if (!core::PlaceHasFact(entry.profile, fact)) continue;
    facts += (facts.empty() ? "" : ", ") + std::string(core::PlaceFactLabel(fact));
  }
  if (!facts.empty()) line += " - " + facts;
  return line;
}

}  // namespace

void DrawPlaceListScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("Places as a list");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Places", 1, Icon::List);
  ui::Paragraph("The places on the map, in words. The nearest to the middle of the map come first.");

  const int chosen = FiltersChosen(state.map_filter);
  const std::string filters = chosen == 0 ? std::string("Choose what to show")
                                          : "Choose what to show (" + std::to_string(chosen) + " chosen)";
  if (ui::Button(Icon::Check, filters.c_str(), ui::ButtonStyle::Secondary, ui::ContentWidth()))
    actions.OpenScreen(Screen::MapFilters);

  const std::vector<std::uint32_t> shown = core::FilterPlaces(state.places, state.map_filter);
  const std::string count = "Showing " + std::to_string(shown.size()) + " of " + std::to_string(state.places.size()) +
                            (state.places.size() == 1 ? " place." : " places.");
  ui::StatusLine(Icon::Info, count.c_str());
  if (shown.empty()) {
    ui::Paragraph(state.places.empty() ? "There are no places on the map yet. You can suggest one!"
                                       : "No place matches all of these. Try choosing fewer things.");
  }
  // The nearest first, a page at a time: a short list is easier to take in, and a city's
  // thousands of places would make every frame slow.
  const std::vector<core::PlaceDistance> nearest =
      core::SortByDistance(state.places, shown, state.map_lat, state.map_lon);
  const std::size_t limit = std::min(nearest.size(), static_cast<std::size_t>(state.list_length));
  for (std::size_t i = 0; i < limit; ++i) {
    const core::PublicPlace& entry = state.places[nearest[i].index];
    ImGui::PushID(entry.place.id.c_str());
    const std::string line = PlaceLine(entry, nearest[i].metres);
    if (ui::ListButton(CategoryIcon(entry.place.category), entry.place.name.c_str(), line.c_str()))
      actions.OpenPlace(entry.place.id);
    ImGui::PopID();
  }
  if (limit < nearest.size()) {
    const std::string more = "Show " + std::to_string(std::min<std::size_t>(kListPage, nearest.size() - limit)) +
                             " more places";
    if (ui::Button(Icon::Plus, more.c_str(), ui::ButtonStyle::Secondary, ui::ContentWidth())) actions.ShowMorePlaces();
  }
  ui::EndScreen();
}

void DrawMapFiltersScreen(const AppState& state, Actions& actions) {
  core::MapFilter filter = state.map_filter;
  ui::BeginScreen("Choose what to show");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Choose what to show", 1, Icon::Check);
  ui::Paragraph("Turn on what matters to you. Places must have all of them.");
  ui::Heading("What the place is like", 2);
  if (ui::Toggle(Icon::QuietRoom, "Quiet", filter.quiet)) filter.quiet = !filter.quiet;
  if (ui::Toggle(Icon::Wheelchair, "Step-free", filter.step_free)) filter.step_free = !filter.step_free;
  if (ui::Toggle(Icon::Toilets, "Accessible toilet", filter.accessible_toilet))
    filter.accessible_toilet = !filter.accessible_toilet;
  if (ui::Toggle(Icon::Happy, "Staff understand", filter.staff_understand))
    filter.staff_understand = !filter.staff_understand;
  ui::Heading("Kind of place", 2);
  ui::Paragraph("Choose none to see every kind.");
  for (core::Category category : core::kAllCategories) {
    bool& on = filter.categories[core::IndexOf(category)];
    if (ui::Toggle(CategoryIcon(category), std::string(core::CategoryLabel(category)).c_str(), on)) on = !on;
  }
  if (!(filter == state.map_filter)) actions.SetMapFilter(filter);
  ui::Space(8.0f);
  if (ui::Button(Icon::List, "Show the places", ui::ButtonStyle::Primary, ui::ContentWidth())) actions.Back();
  ui::EndScreen();
}

void DrawMyPlacesScreen(const AppState& state, Actions& actions) {
  ui::BeginScreen("My places");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("My places", 1, Icon::Heart);
  ui::Paragraph("Only you can see this list. It stays on this device.");

  ui::Heading("Places you saved", 2, Icon::Bookmark);
  int saved_shown = 0;
  for (const std::string& id : state.saved_place_ids) {
    const core::PublicPlace* entry = FindPlace(state, id);
    if (!entry) continue;
    ImGui::PushID(id.c_str());
    const std::string kind(core::CategoryLabel(entry->place.category));
    if (ui::ListButton(CategoryIcon(entry->place.category), entry->place.name.c_str(), kind.c_str()))
      actions.OpenPlace(id);
    ImGui::PopID();
    ++saved_shown;
  }
  if (saved_shown == 0) ui::Paragraph("Nothing saved yet. Open a place and tap \"Save to my places\".");

  ui::Heading("What you sent", 2, Icon::Send);
  if (state.contributions.empty()) ui::Paragraph("Nothing yet. When you rate or suggest a place, it shows here.");
  for (std::size_t i = 0; i < state.contributions.size(); ++i) {
    const MyContribution& mine = state.contributions[i];
    const bool idea = mine.kind == core::OutboxKind::Suggestion;
    // A suggestion on the map opens its card, once the map on this device has it.
    if (mine.state == SentState::OnTheMap && FindPlace(state, mine.place_id)) {
      ImGui::PushID(static_cast<int>(i));
      if (ui::ListButton(Icon::CheckCircle, mine.place_name.c_str(), "Your idea is on the map! Tap to see it."))
        actions.OpenPlace(mine.place_id);
      ImGui::PopID();
      continue;
    }
    Icon icon = Icon::Saved;
    std::string where;
    switch (mine.state) {
      case SentState::Waiting: where = "Saved on this device, waiting to send."; break;
      case SentState::Sent:
        icon = idea ? Icon::Clock : Icon::Cloud;
        where = idea ? "Waiting for a check." : "Sent. Thank you!";
        break;
      case SentState::OnTheMap:
        icon = Icon::CheckCircle;
        where = "On the map!";
        break;
      case SentState::NotAdded:
        icon = Icon::Info;
        where = mine.message.empty() ? std::string("Not added.") : "Not added: " + mine.message;
        break;
    }
    const std::string text = (idea ? "Your idea: " : "Your rating of ") + mine.place_name + ". " + where;
    ui::IconLine(icon, text.c_str());
  }
  ui::EndScreen();
}
