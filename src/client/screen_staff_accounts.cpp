// Staff accounts, for a council officer: who can log in (youth workers and officers), each
// switched on or off with one tap, and a new account (username, password, role). The
// password is shown as dots and never kept once sent. officer_data.cpp asks
// GET /api/v1/staff and sends the changes.
#include <string>

#include "client/officer_data.h"
#include "client/screens.h"
#include "client/ui/widgets.h"

void DrawStaffAccountsScreen(const AppState& state, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  ui::BeginScreen("Staff accounts");
  if (ui::Button(Icon::ArrowLeft, "Staff home", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Staff accounts", 1, Icon::Key);
  if (!officer.accounts_message.empty()) ui::StatusLine(Icon::Info, officer.accounts_message.c_str());

  ui::Heading("Who can log in", 2, Icon::Group);
  if (!officer.accounts_loaded) ui::StatusLine(Icon::Cloud, "Getting the accounts...");
  for (const StaffAccount& account : officer.accounts) {
    const std::string label = account.username + (account.officer ? ", council officer" : ", youth worker") +
                              (account.active ? ": can log in" : ": switched off");
    if (ui::Toggle(account.officer ? Icon::Key : Icon::Group, label.c_str(), account.active))
      actions.Officer(OfficerVerb::SetActive, account.id, account.active ? 0 : 1);
  }

  ui::Heading("Add an account", 2, Icon::Plus);
  ui::TextFieldOptions options;
  options.max_chars = 64;
  options.hint = "For example: sam.jones";
  std::string username = officer.new_username;
  if (ui::TextField("Their username", &username, options)) actions.OfficerTyped(OfficerField::NewUsername, username);
  ui::TextFieldOptions secret;
  secret.max_chars = 200;
  secret.password = true;
  std::string password = officer.new_password;
  if (ui::TextField("Their first password", &password, secret)) actions.OfficerTyped(OfficerField::NewPassword, password);
  if (ui::ChoiceButton(Icon::Group, "Youth worker", "Role", !officer.new_officer)) actions.Officer(OfficerVerb::NewRole, 0);
  if (ui::ChoiceButton(Icon::Key, "Council officer", "Role", officer.new_officer)) actions.Officer(OfficerVerb::NewRole, 1);
  if (ui::Button(Icon::Plus, "Add the account", ui::ButtonStyle::Primary, ui::ContentWidth()))
    actions.Officer(OfficerVerb::AddAccount);
  ui::EndScreen();
}
