// "Start a group session": its name (needed), a theme (optional) and its area, which is
// what the map on this screen shows: move and zoom it, and the area sent is the map's
// visible edges. "Start" asks the server (staff_data.cpp); its board opens when it answers.
#include "client/screens.h"
#include "client/ui/widgets.h"

namespace {

constexpr float kAreaMapHeight = 320.0f;  // CSS px: the map of the area

}  // namespace

void DrawStaffStartScreen(const AppState& state, Actions& actions) {
  const StaffState& staff = state.staff;
  ui::BeginScreen("Start a group session");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Start a group session", 1, Icon::Plus);

  ui::TextFieldOptions name_options;
  name_options.max_chars = 80;
  name_options.hint = "For example: Tuesday group, Hillfields";
  std::string name = staff.new_name;
  if (ui::TextField("Name of the session", &name, name_options)) actions.StaffTyped(StaffField::SessionName, name);

  ui::TextFieldOptions theme_options;
  theme_options.max_chars = 120;
  theme_options.hint = "For example: places to go after school";
  std::string theme = staff.new_theme;
  if (ui::TextField("Theme (you can leave this empty)", &theme, theme_options))
    actions.StaffTyped(StaffField::SessionTheme, theme);

  ui::Heading("The area", 2, Icon::Map);
  ui::Paragraph("Move and zoom the map until it shows the area the group will talk about. The board shows this area.");
  const core::LatLonBounds area = DrawMapPicker(state, actions, kAreaMapHeight, PickerPin::None);

  ui::Space(8.0f);
  if (!staff.start_message.empty()) ui::StatusLine(Icon::Info, staff.start_message.c_str());
  if (staff.starting) {
    ui::StatusLine(Icon::Cloud, "Starting the session...");
  } else if (ui::Button(Icon::Play, "Start", ui::ButtonStyle::Primary, ui::ContentWidth())) {
    actions.StaffStart(area);
  }
  ui::EndScreen();
}
