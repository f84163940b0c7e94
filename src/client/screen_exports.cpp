// Exports, for a council officer: the approved places as a spreadsheet (CSV), as GeoJSON
// for maps, and as Open Referral UK JSON for the Local Offer, and the audit log of every
// officer's change as a spreadsheet; each saved as a file (officer_data.cpp fetches and
// saves). Adding places from a file is for the command line, and the screen says so.
#include "client/officer_data.h"
#include "client/screens.h"
#include "client/ui/widgets.h"

void DrawExportsScreen(const AppState& state, Actions& actions) {
  const OfficerState& officer = state.staff.officer;
  ui::BeginScreen("Exports");
  if (ui::Button(Icon::ArrowLeft, "Staff home", ui::ButtonStyle::Secondary)) actions.Back();
  ui::Heading("Exports", 1, Icon::Spreadsheet);
  ui::Paragraph("Save the places on the map as a file, to share or to publish in the Local Offer.");
  struct File {
    ExportKind kind;
    Icon icon;
    const char* label;
  };
  static constexpr File kFiles[] = {
      {ExportKind::PlacesCsv, Icon::Spreadsheet, "Places as a spreadsheet (CSV)"},
      {ExportKind::PlacesGeoJson, Icon::Map, "Places for maps (GeoJSON)"},
      {ExportKind::PlacesOpenReferral, Icon::Saved, "Places for the Local Offer (Open Referral UK)"},
      {ExportKind::AuditCsv, Icon::List, "Who changed what: the audit log (CSV)"},
  };
  for (const File& file : kFiles)
    if (ui::Button(file.icon, file.label, ui::ButtonStyle::Secondary, ui::ContentWidth()))
      actions.Officer(OfficerVerb::Export, static_cast<int>(file.kind));
  if (!officer.export_message.empty()) ui::StatusLine(Icon::Info, officer.export_message.c_str());
  ui::IconLine(Icon::Info, "To add many places from a file, use the command line: safespaces-admin import.");
  ui::EndScreen();
}
