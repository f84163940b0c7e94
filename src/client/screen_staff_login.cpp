// "I am a youth worker or council officer": a member of staff logs in with their username
// and password (the password shown as dots). Reached only from Settings, so young people
// do not stumble on it. The screen draws and asks (actions.StaffLogIn); staff_data.cpp
// sends the login and keeps its token in memory only.
#include "client/screens.h"
#include "client/ui/widgets.h"

void DrawStaffLoginScreen(const AppState& state, Actions& actions) {
  const StaffState& staff = state.staff;
  ui::BeginScreen("Log in for staff");
  if (ui::Button(Icon::ArrowLeft, "Back", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Log in for staff", 1, Icon::Key);
  ui::Paragraph("For youth workers and council officers. Young people do not need to log in.");

  ui::TextFieldOptions name_options;
  name_options.max_chars = 64;
  name_options.hint = "For example: sam.jones";
  std::string username = staff.username;
  bool submitted = false;
  if (ui::TextField("Username", &username, name_options)) actions.StaffTyped(StaffField::Username, username);

  ui::TextFieldOptions password_options;
  password_options.max_chars = 200;
  password_options.password = true;
  std::string password = staff.password;
  if (ui::TextField("Password", &password, password_options, &submitted))
    actions.StaffTyped(StaffField::Password, password);

  if (!staff.login_message.empty()) ui::StatusLine(Icon::Info, staff.login_message.c_str());
  ui::Space(8.0f);
  if (staff.logging_in) {
    ui::StatusLine(Icon::Cloud, "Logging in...");
  } else if (ui::Button(Icon::Login, "Log in", ui::ButtonStyle::Primary, ui::ContentWidth()) || submitted) {
    actions.StaffLogIn();
  }
  ui::Paragraph("Tablets are often shared: your login is kept only while the app is open. Log out when you finish.");
  ui::EndScreen();
}
