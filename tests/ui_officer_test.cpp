// Tests of a council officer's screens (issue 8), drawn headless with the real data side
// and fake server answers (the contract's shapes): the review queue with safeguarding
// first, each action's request and body and the move to the next item, the keyboard
// shortcuts (and none while typing), undo, the reasons in the young person's words, the
// filters' query string, the city picture's charts, scheme dates, exports, staff accounts,
// a youth worker without any of it, and every item finger-sized with an icon and words.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "client/officer_data.h"
#include "client/staff_data.h"
#include "ui_harness.h"
#include "ui_staff_helpers.h"

namespace {

using nlohmann::json;
using namespace staff_test;

json Suggestion(const char* id, const char* name, bool safeguarding, json flags, std::int64_t at) {
  return {{"kind", "suggestion"},
          {"id", id},
          {"submitted_at", at},
          {"place", {{"id", id}, {"name", name}, {"category", "park"}, {"lat", 52.4100}, {"lon", -1.5000},
                     {"address", "1 Park Road"}}},
          {"why", "It is calm. Call me on 07700 900123 if you like."},
          {"reasons", {"quiet", "kind_staff"}},
          {"first_rating", {{"scales", {{"quiet", 4}}}, {"facilities", {{"step_free", "yes"}}}, {"comment", ""},
                            {"visit_month", "2026-11"}}},
          {"session", nullptr},
          {"flags", std::move(flags)},
          {"safeguarding", safeguarding},
          {"nearby", {{{"id", "p1"}, {"name", "Central Library"}, {"category", "library"}, {"lat", 52.4105},
                       {"lon", -1.5004}, {"distance_m", 60}}}}};
}

// s1 (oldest, a phone number found), c1 (a comment), s2 (safeguarding): the server sorts
// safeguarding first, and so does the app whatever it is sent.
std::string QueueBody() {
  json comment = {{"kind", "comment"},
                  {"id", "c1"},
                  {"submitted_at", 1795700000},
                  {"place", {{"id", "p1"}, {"name", "Central Library"}, {"category", "library"}, {"lat", 52.4105},
                             {"lon", -1.5004}, {"address", ""}}},
                  {"text", "The staff were lovely"},
                  {"visit_month", "2026-11"},
                  {"scales", {{"welcome", 5}}},
                  {"session", {{"id", "S1"}, {"name", "Tuesday group"}}},
                  {"flags", json::array()},
                  {"safeguarding", false}};
  return json{{"counts", {{"suggestions", 2}, {"comments", 1}, {"flagged", 2}, {"safeguarding", 1}}},
              {"items",
               {Suggestion("s1", "Hillfields Park", false, {{{"flag", "phone"}, {"detail", "why: 07700 900123"}}},
                           1795600000),
                comment,
                Suggestion("s2", "Quiet Corner", true,
                           {{{"flag", "safeguarding"}, {"detail", "why: Call me"}}}, 1795650000)}}}
      .dump();
}

std::string SessionsBody() {
  return json{{"sessions", {{{"id", "S1"}, {"name", "Tuesday group"}, {"theme", ""}, {"state", "open"},
                             {"room_code", "KXM-4P7"}, {"created_at", 1795737600}, {"members", 5}}}}}
      .dump();
}

// Logged in as an officer, on the review queue drawn from QueueBody().
void OpenReview(UiHarness& ui) {
  LogIn(ui, "officer");
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Review queue"));
  REQUIRE(ui.state.screen == Screen::OfficerReview);
  const SentRequest queue = AnswerStaff(ui, 200, QueueBody());
  CHECK(queue.method == std::string("GET"));
  CHECK(queue.path == "/api/v1/review/queue?kind=all&limit=50");
  CHECK(queue.bearer_token == kToken);
}

const std::string& Selected(const UiHarness& ui) { return ui.state.staff.officer.selected_id; }

// A key typed on the keyboard, as SDL hands it to ImGui.
void Press(UiHarness& ui, char key) {
  ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(key));
  ui.Frame();
  ui.Frame();
}

// The action's request went, it worked, and the queue is asked again.
SentRequest AnswerAction(UiHarness& ui) {
  REQUIRE(ui.staff_requests.size() == 1);
  const SentRequest sent = AnswerStaff(ui, 200, R"({"status": "approved"})");
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/review/queue?kind=all&limit=50");
  return sent;
}

json BodyOf(const SentRequest& sent) { return json::parse(sent.body); }

}  // namespace

TEST_CASE("the review queue shows safeguarding first, the item on its map, and the findings in its words",
          "[ui][officer][review]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenReview(ui);
  const OfficerState& officer = ui.state.staff.officer;
  REQUIRE(officer.queue.size() == 3);
  CHECK(officer.queue[0].id == "s2");
  CHECK(officer.queue[1].id == "s1");
  CHECK(officer.queue[2].id == "c1");
  CHECK(Selected(ui) == "s2");
  CHECK(ui.Shows(ui::Role::Text, "2 suggestions and 1 comment waiting. 2 flagged, 1 safeguarding."));
  const ui::Item* first = ui.state.ui_record.Find(ui::Role::Button, "Quiet Corner");
  REQUIRE(first);
  CHECK(first->description == "Safeguarding: tell the designated person");
  CHECK(first->checked);  // the one looked at
  CHECK(ui.Shows(ui::Role::Status, "Safeguarding: tell the designated person."));
  CHECK(ui.Shows(ui::Role::Text, "Quiet Corner, the suggested place."));  // its pin
  CHECK(ui.Shows(ui::Role::Text, "Central Library, on the map, 60 m away."));
  CHECK(ui.Shows(ui::Role::Text, "Safeguarding: why: Call me"));

  REQUIRE(TapItem(ui, "Hillfields Park"));
  CHECK(Selected(ui) == "s1");
  CHECK(ui.Shows(ui::Role::Text, "It is calm. Call me on 07700 900123 if you like."));
  CHECK(ui.Shows(ui::Role::Text, "Phone number: why: 07700 900123"));
  CHECK(ui.Shows(ui::Role::Text, "The staff are kind"));
  CHECK(ui.Shows(ui::Role::Text, std::string(core::ScaleLabel(core::Scale::Quiet)) + ": Mostly (4 of 5)"));
  CHECK(ui.Shows(ui::Role::Text, std::string(core::FacilityLabel(core::Facility::StepFree)) + ": Yes"));
  CHECK(ui.Shows(ui::Role::Button, "Approve (A)"));
  CHECK(ui.Shows(ui::Role::Button, "Merge (M)"));
  CHECK(ui.state.ui_record.Find(ui::Role::Button, "Approve (A)")->shortcut == 'a');
  CHECK(ui::RecordToJson(ui.state.ui_record).find(R"("shortcut":"a")") != std::string::npos);
}

TEST_CASE("each review action sends its request and body, then the next item is looked at and the queue asked again",
          "[ui][officer][review]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenReview(ui);

  SECTION("approve") {
    REQUIRE(TapItem(ui, "Approve (A)"));
    const SentRequest sent = AnswerAction(ui);
    CHECK(sent.method == std::string("POST"));
    CHECK(sent.path == "/api/v1/review/suggestions/s2/approve");
    CHECK(BodyOf(sent) == json::object());
    CHECK(Selected(ui) == "s1");
    CHECK(ui.Shows(ui::Role::Status, "Approved: Quiet Corner. It is on the map."));
  }
  SECTION("edit and approve, prefilled") {
    REQUIRE(TapItem(ui, "Edit and approve (E)"));
    const ui::Item* name = ui.state.ui_record.Find(ui::Role::TextBox, "Name");
    REQUIRE(name);
    CHECK(name->value == "Quiet Corner");
    CHECK(ui.state.ui_record.Find(ui::Role::TextBox, "Address (you can leave this empty)")->value == "1 Park Road");
    ui.Type("Name", "Quiet Corner Garden");
    REQUIRE(TapItem(ui, "Community centre"));
    REQUIRE(TapItem(ui, "Approve with these details"));
    const SentRequest sent = AnswerAction(ui);
    CHECK(sent.path == "/api/v1/review/suggestions/s2/approve");
    CHECK(BodyOf(sent) == json{{"edit", {{"name", "Quiet Corner Garden"}, {"category", "community_centre"},
                                         {"address", "1 Park Road"}}}});
    CHECK(Selected(ui) == "s1");
  }
  SECTION("not added, with a reason in the young person's words") {
    REQUIRE(TapItem(ui, "Not added (N)"));
    for (core::NotAddedReason reason : core::kAllNotAddedReasons)
      CHECK(ui.Shows(ui::Role::Radio, std::string(core::NotAddedReasonMessage(reason))));
    REQUIRE(TapItem(ui, "Not added: tell them why"));
    CHECK(ui.staff_requests.empty());  // no reason yet
    CHECK(ui.Shows(ui::Role::Status, "Please choose why it is not added."));
    REQUIRE(TapItem(ui, std::string(core::NotAddedReasonMessage(core::NotAddedReason::OutsideArea))));
    REQUIRE(TapItem(ui, "Not added: tell them why"));
    const SentRequest sent = AnswerAction(ui);
    CHECK(sent.path == "/api/v1/review/suggestions/s2/reject");
    CHECK(BodyOf(sent) == json{{"reason", "outside_area"}});
    CHECK(Selected(ui) == "s1");
  }
  SECTION("merge into a nearby place") {
    REQUIRE(TapItem(ui, "Merge (M)"));
    REQUIRE(TapItem(ui, "Central Library, Library, 60 m away"));
    REQUIRE(TapItem(ui, "Merge into this place"));
    const SentRequest sent = AnswerAction(ui);
    CHECK(sent.path == "/api/v1/review/suggestions/s2/merge");
    CHECK(BodyOf(sent) == json{{"into", "p1"}});
    CHECK(ui.Shows(ui::Role::Status, "Merged: Quiet Corner is now part of Central Library."));
  }
  SECTION("a comment: approve and hide") {
    REQUIRE(TapItem(ui, "Central Library"));
    CHECK(ui.Shows(ui::Role::Button, "Hide (H)"));
    CHECK_FALSE(ui.Shows(ui::Role::Button, "Merge (M)"));
    REQUIRE(TapItem(ui, "Hide (H)"));
    const SentRequest hidden = AnswerAction(ui);
    CHECK(hidden.path == "/api/v1/review/comments/c1/hide");
    CHECK(Selected(ui) == "s1");  // the last one: the one before it
    AnswerStaff(ui, 200, QueueBody());
    REQUIRE(TapItem(ui, "Central Library"));
    REQUIRE(TapItem(ui, "Approve (A)"));
    CHECK(AnswerAction(ui).path == "/api/v1/review/comments/c1/approve");
  }
  SECTION("an action that does not work says the server's words") {
    REQUIRE(TapItem(ui, "Approve (A)"));
    AnswerStaff(ui, 409, ErrorBody("conflict", "Someone else has already checked this one."));
    CHECK(ui.Shows(ui::Role::Status, "Someone else has already checked this one."));
    CHECK(Selected(ui) == "s2");
  }
}

TEST_CASE("each keyboard shortcut does what its button does, and nothing while a text field is typed in",
          "[ui][officer][review][keys]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  OpenReview(ui);
  Press(ui, 'j');
  CHECK(Selected(ui) == "s1");
  Press(ui, 'J');
  CHECK(Selected(ui) == "c1");
  Press(ui, 'k');
  CHECK(Selected(ui) == "s1");
  CHECK(ui.staff_requests.empty());

  Press(ui, 'a');
  CHECK(AnswerAction(ui).path == "/api/v1/review/suggestions/s1/approve");
  AnswerStaff(ui, 200, QueueBody());
  REQUIRE(TapItem(ui, "Quiet Corner"));
  Press(ui, 'n');
  CHECK(ui.state.staff.officer.mode == ReviewMode::NotAdded);
  REQUIRE(TapItem(ui, "Cancel"));
  Press(ui, 'm');
  CHECK(ui.state.staff.officer.mode == ReviewMode::Merge);
  REQUIRE(TapItem(ui, "Cancel"));
  Press(ui, 'e');
  CHECK(ui.state.staff.officer.mode == ReviewMode::Edit);

  // Typing in the name field: the letters go into it, never to a shortcut. (The item's
  // panel is scrolled back to its top first, with the wheel over it.)
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(900.0f, 650.0f);
  io.MouseWheel = 20.0f;
  ui.Frame();
  ui.Frame();
  const ui::Item* field = ui.state.ui_record.Find(ui::Role::TextBox, "Name");
  REQUIRE(field);
  io.MousePos = ImVec2(field->rect.CenterX(), field->rect.CenterY());
  ui.Frame();
  io.MouseDown[0] = true;
  ui.Frame();
  io.MouseDown[0] = false;
  ui.Frame();
  CHECK(io.WantTextInput);
  for (char key : {'u', 'j', 'a'}) Press(ui, key);
  CHECK(ui.staff_requests.empty());
  CHECK(Selected(ui) == "s2");
  CHECK(ui.state.staff.officer.edit_name == "Quiet Corneruja");
  REQUIRE(TapItem(ui, "Cancel"));

  // The same through the page's mirror: its field has the focus.
  REQUIRE(TapItem(ui, "Central Library"));
  Press(ui, 'h');
  CHECK(AnswerAction(ui).path == "/api/v1/review/comments/c1/hide");
  AnswerStaff(ui, 200, QueueBody());
  Press(ui, 'u');
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/review/undo");
}

TEST_CASE("a shortcut is not taken while the mirror's text field has the focus", "[ui][officer][keys]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenReview(ui);
  REQUIRE(TapItem(ui, "Edit and approve (E)"));
  const ui::Item* field = ui.state.ui_record.Find(ui::Role::TextBox, "Name");
  REQUIRE(field);
  ui::SetMirrorFocus(field->id);  // the page's twin of the field has the focus
  ui.Frame();
  Press(ui, 'u');
  CHECK(ui.staff_requests.empty());
  ui::SetMirrorFocus(0);
  ui.Frame();
  Press(ui, 'u');
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/review/undo");
}

TEST_CASE("undo sends its request and says the server's answer", "[ui][officer][review]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenReview(ui);
  REQUIRE(TapItem(ui, "Approve (A)"));
  AnswerAction(ui);
  AnswerStaff(ui, 200, QueueBody());
  REQUIRE(TapItem(ui, "Undo my last change (U)"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].method == std::string("POST"));
  CHECK(ui.staff_requests[0].path == "/api/v1/review/undo");
  AnswerStaff(ui, 200, R"({"undone": {"action": "approve", "item_id": "s2"}})");
  CHECK(ui.Shows(ui::Role::Status, "Undone: Approve, Quiet Corner. It is back as it was."));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/review/queue?kind=all&limit=50");
  AnswerStaff(ui, 200, QueueBody());
  CHECK(Selected(ui) == "s2");

  REQUIRE(TapItem(ui, "Undo my last change (U)"));
  AnswerStaff(ui, 409, ErrorBody("conflict", "Nothing to undo."));
  CHECK(ui.Shows(ui::Role::Status, "Nothing to undo."));
}

TEST_CASE("the queue's filters change its query string", "[ui][officer][review]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  OpenReview(ui);
  REQUIRE(TapItem(ui, "Choose what to show"));
  const auto asked = [&](const char* tap) {
    REQUIRE(TapItem(ui, tap));
    REQUIRE_FALSE(ui.staff_requests.empty());
    const std::string path = ui.staff_requests.back().path;
    AnswerStaff(ui, 200, QueueBody());
    return path;
  };
  CHECK(asked("Suggested places") == "/api/v1/review/queue?kind=suggestion&limit=50");
  CHECK(asked("North west") == "/api/v1/review/queue?kind=suggestion&area=nw&limit=50");
  CHECK(asked("Park") == "/api/v1/review/queue?kind=suggestion&category=park&area=nw&limit=50");
  CHECK(asked("Only items with a finding") ==
        "/api/v1/review/queue?kind=suggestion&category=park&flagged=1&area=nw&limit=50");
  CHECK(asked("Tuesday group") ==
        "/api/v1/review/queue?kind=suggestion&category=park&session=S1&flagged=1&area=nw&limit=50");
  CHECK(asked("All areas") == "/api/v1/review/queue?kind=suggestion&category=park&session=S1&flagged=1&limit=50");
  REQUIRE(TapItem(ui, "Show the queue"));
  CHECK(ui.Shows(ui::Role::Text, "Showing: suggestions, Park, one session, flagged only."));
}

TEST_CASE("the city picture's charts say what they show, with their numbers as words", "[ui][officer][city]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  LogIn(ui, "officer");
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "City picture"));
  json stats = {{"by_category", {{{"category", "library"}, {"count", 3}}, {{"category", "park"}, {"count", 2}}}},
                {"by_area", {{{"area", "nw"}, {"label", "North west"}, {"count", 4}}}},
                {"scales", {{{"scale", "quiet"}, {"label", "Quiet"}, {"histogram", {1, 0, 2, 5, 3}}, {"mean", 3.8}}}},
                {"place_spread", {{{"scale", "quiet"}, {"buckets", {0, 1, 2, 3}}}}},
                {"concerns", {{{"place_id", "p1"}, {"name", "Central Library"}, {"ratings", 9}, {"not_quiet", 4},
                               {"staff_dont_understand", 2}}}},
                {"over_time", {{{"month", "2026-11"}, {"ratings", 4}, {"suggestions", 1}}}}};
  CHECK(AnswerStaff(ui, 200, stats.dump()).path == "/api/v1/stats");
  CHECK(ui.Shows(ui::Role::Text, "Places by kind: Library 3, Park 2."));
  CHECK(ui.Shows(ui::Role::Text, "Library: 3"));
  CHECK(ui.Shows(ui::Role::Text, "North west: 4"));
  CHECK(ui.Shows(ui::Role::Text, "Centre: 0"));
  const std::string quiet(core::ScaleLabel(core::Scale::Quiet));
  CHECK(ui.Shows(ui::Role::Text, "5 answered \"Mostly\""));
  CHECK(ui.Shows(ui::Role::Text, "Answers to \"" + quiet + "\": 1 No 1, 2 Not really 0, 3 A bit 2, 4 Mostly 5, "
                                                          "5 Yes, a lot 3. The mean is 3.8 of 5."));
  CHECK(ui.Shows(ui::Role::Text, "3 places with a mean of 4 to 5"));
  CHECK(ui.Shows(ui::Role::Text, "Nov 2026: 4 ratings, 1 suggestions"));
  CHECK(ui.Shows(ui::Role::Button, "Central Library"));
}

TEST_CASE("the scheme's dates are checked before they are sent; search and due for a check ask again",
          "[ui][officer][scheme]") {
  UiHarness ui(1280.0f, 720.0f, 1.0f);
  LogIn(ui, "officer");
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Places and the scheme"));
  const std::string places =
      json{{"places", {{{"id", "p1"}, {"name", "Central Library"}, {"category", "library"},
                        {"scheme", {{"status", "contacted"}, {"checked_on", ""}, {"check_again_on", ""}}}}}}}
          .dump();
  CHECK(AnswerStaff(ui, 200, places).path == "/api/v1/review/places");
  CHECK(ui.Shows(ui::Role::Button, "Central Library"));
  ui.Type("Search the places", "Central Library");
  REQUIRE(TapItem(ui, "Search"));
  CHECK(AnswerStaff(ui, 200, places).path == "/api/v1/review/places?search=Central%20Library");
  REQUIRE(TapItem(ui, "Only places due for a check"));
  CHECK(AnswerStaff(ui, 200, places).path == "/api/v1/review/places?search=Central%20Library&due=1");

  REQUIRE(TapItem(ui, "Central Library"));
  CHECK(ui.state.ui_record.Find(ui::Role::Radio, "Contacted")->checked);
  REQUIRE(TapItem(ui, "Sticker displayed"));
  ui.Type("Checked on (year-month-day)", "2026-02-30");
  REQUIRE(TapItem(ui, "Save"));
  CHECK(ui.staff_requests.empty());
  CHECK(ui.Shows(ui::Role::Status, "Checked on: please write a real date as year-month-day, like 2026-11-27."));
  ui.Type("Checked on (year-month-day)", "2026-11-27");
  ui.Type("Check again on (year-month-day)", "27/05/2027");
  REQUIRE(TapItem(ui, "Save"));
  CHECK(ui.staff_requests.empty());
  ui.Type("Check again on (year-month-day)", "2027-05-27");
  REQUIRE(TapItem(ui, "Save"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/places/p1/scheme");
  CHECK(BodyOf(ui.staff_requests[0]) ==
        json{{"status", "sticker"}, {"checked_on", "2026-11-27"}, {"check_again_on", "2027-05-27"}});
  AnswerStaff(ui, 200, R"({"status": "sticker"})");
  CHECK(ui.Shows(ui::Role::Status, "Saved: Central Library is now \"Sticker displayed\"."));
}

TEST_CASE("exports save files with the right names and types", "[ui][officer][exports]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  LogIn(ui, "officer");
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Exports"));
  CHECK(ui.Shows(ui::Role::Text, "To add many places from a file, use the command line: safespaces-admin import."));
  struct Case {
    const char* button;
    const char* path;
    const char* name;
    const char* type;
  };
  for (const Case& c : {Case{"Places as a spreadsheet (CSV)", "/api/v1/export/places.csv",
                             "safe-spaces-places-2026-11-27.csv", "text/csv"},
                        Case{"Places for maps (GeoJSON)", "/api/v1/export/places.geojson",
                             "safe-spaces-places-2026-11-27.geojson", "application/geo+json"},
                        Case{"Places for the Local Offer (Open Referral UK)", "/api/v1/export/places.openreferral.json",
                             "safe-spaces-open-referral-2026-11-27.json", "application/json"},
                        Case{"Who changed what: the audit log (CSV)", "/api/v1/audit.csv",
                             "safe-spaces-audit-log-2026-11-27.csv", "text/csv"}}) {
    INFO(c.button);
    REQUIRE(TapItem(ui, c.button));
    REQUIRE(ui.staff_requests.size() == 1);
    CHECK(ui.staff_requests[0].path == c.path);
    CHECK(ui.staff_requests[0].bearer_token == kToken);
    AnswerStaff(ui, 200, "the file");
    REQUIRE_FALSE(ui.saved.empty());
    CHECK(ui.saved.back().name == c.name);
    CHECK(ui.saved.back().mime_type == c.type);
    CHECK(ui.saved.back().bytes == "the file");
    CHECK(ui.Shows(ui::Role::Status, std::string("Saved as ") + c.name + "."));
  }
}

TEST_CASE("staff accounts are listed, added and switched off", "[ui][officer][accounts]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  LogIn(ui, "officer");
  AnswerStaff(ui, 200, SessionsBody());
  REQUIRE(TapItem(ui, "Staff accounts"));
  const std::string list = json{{"staff", {{{"id", 7}, {"username", "priya"}, {"role", "youth_worker"}, {"active", true}},
                                          {{"id", 1}, {"username", "dave"}, {"role", "officer"}, {"active", true}}}}}
                               .dump();
  CHECK(AnswerStaff(ui, 200, list).path == "/api/v1/staff");
  REQUIRE(TapItem(ui, "priya, youth worker: can log in"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/staff/7/active");
  CHECK(BodyOf(ui.staff_requests[0]) == json{{"active", false}});
  AnswerStaff(ui, 200, R"({"active": false})");
  CHECK(ui.Shows(ui::Role::Switch, "priya, youth worker: switched off"));

  ui.Type("Their username", "sam.jones");
  ui.Type("Their first password", "a long first password");
  REQUIRE(TapItem(ui, "Council officer"));
  REQUIRE(TapItem(ui, "Add the account"));
  REQUIRE(ui.staff_requests.size() == 1);
  CHECK(ui.staff_requests[0].path == "/api/v1/staff");
  CHECK(BodyOf(ui.staff_requests[0]) ==
        json{{"username", "sam.jones"}, {"password", "a long first password"}, {"role", "officer"}});
  CHECK(ui::RecordToJson(ui.state.ui_record).find("a long first password") == std::string::npos);
  AnswerStaff(ui, 200, R"({"id": 9, "username": "sam.jones", "role": "officer"})");
  CHECK(ui.Shows(ui::Role::Status, "Added sam.jones as a council officer. Tell them their password in person."));
  CHECK(ui.staff_requests.back().path == "/api/v1/staff");  // the list again
}

TEST_CASE("a youth worker never sees the officer's buttons, and none of their requests goes",
          "[ui][officer][roles]") {
  UiHarness ui(1440.0f, 900.0f, 1.0f);
  LogIn(ui);
  AnswerStaff(ui, 200, SessionsBody());
  for (const char* button : {"Review queue", "City picture", "Places and the scheme", "Exports", "Staff accounts"})
    CHECK_FALSE(ui.Shows(ui::Role::Button, button));
  ui.state.screen = Screen::OfficerReview;  // even if it were reached
  ui.Frame();
  ui.Frame();
  CHECK(ui.staff_requests.empty());
}

TEST_CASE("every item on the officer's screens is finger-sized with an icon and words, on laptops and a tablet",
          "[ui][officer][layout]") {
  struct Size {
    float width, height, ratio;
  };
  for (const Size& size : {Size{1440.0f, 900.0f, 1.0f}, Size{1280.0f, 720.0f, 1.0f}, Size{820.0f, 1180.0f, 2.0f}}) {
    UiHarness ui(size.width, size.height, size.ratio);
    OpenReview(ui);
    OfficerState& officer = ui.state.staff.officer;
    officer.review_message = "Approved: Hillfields Park. It is on the map.";
    const auto check = [&](Screen screen) {
      ui.state.screen = screen;
      ui.Frame();
      ui.Frame();
      CheckFingerSized(ui);
    };
    check(Screen::OfficerReview);
    for (ReviewMode mode : {ReviewMode::Edit, ReviewMode::NotAdded, ReviewMode::Merge}) {
      officer.mode = mode;
      check(Screen::OfficerReview);
    }
    officer.mode = ReviewMode::Look;
    officer.selected_id = "c1";
    check(Screen::OfficerReview);
    officer.show_filters = true;
    check(Screen::OfficerReview);
    officer.stats = *ParseCityPicture(R"({"by_category": [{"category": "park", "count": 2}],
                                          "over_time": [{"month": "2026-11", "ratings": 4, "suggestions": 1}],
                                          "concerns": [{"place_id": "p1", "name": "Central Library", "ratings": 3}]})");
    officer.stats_loaded = true;
    check(Screen::OfficerCity);
    officer.places = {{"p1", "Central Library", core::Category::Library, core::SchemeStatus::Agreed, "2026-11-01", ""}};
    officer.places_loaded = true;
    check(Screen::OfficerScheme);
    officer.scheme_place_id = "p1";
    check(Screen::OfficerScheme);
    officer.export_message = "Saved as safe-spaces-places-2026-11-27.csv.";
    check(Screen::OfficerExports);
    officer.accounts = {{"7", "priya", false, true}, {"1", "dave", true, false}};
    officer.accounts_loaded = true;
    check(Screen::OfficerAccounts);
    check(Screen::StaffHome);
  }
}

TEST_CASE("the officer's answers are read kindly: odd ones are refused or skipped, never thrown",
          "[ui][officer][wire]") {
  for (const char* odd : {"", "[]", "{}", R"({"items": 3})"}) CHECK_FALSE(ParseReviewQueue(odd));
  const std::optional<ReviewQueue> queue =
      ParseReviewQueue(R"({"items": [1, {"id": 2}, {"id": "x", "kind": "odd", "place": 3, "flags": [{"flag": 1}]}]})");
  REQUIRE(queue);
  REQUIRE(queue->items.size() == 1);
  CHECK(queue->items[0].name == "A place");
  CHECK(queue->items[0].flags.empty());
  CHECK_FALSE(ParseCityPicture("[]"));
  CHECK(ParseCityPicture(R"({"by_area": [{"area": "nowhere", "count": 3}]})")->by_area == std::array<int, 9>{});
  CHECK_FALSE(ParseSchemePlaces(R"({"places": 1})"));
  CHECK(ParseSchemePlaces(R"({"places": [{"id": "p", "scheme": {"status": "odd"}}]})")->at(0).status ==
        core::SchemeStatus::NotContacted);
  CHECK_FALSE(ParseStaffAccounts(R"({"staff": {}})"));
  CHECK(FlagLabel("full_name") == "Possible full name");
  CHECK(FlagLabel("postcode") == "Postcode");
  CHECK(FlagLabel("something new").empty());
}
