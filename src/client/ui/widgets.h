// The widget layer: every screen draws interactive items through these calls, never
// through raw ImGui widgets. Each call draws the item (big targets, icon + easy-read words)
// and records what it is (role, accessible name, rectangle) in the frame's FrameRecord,
// which tests and the screen-reader mirror read. Start with BeginScreen and Button.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "client/icons.h"
#include "client/ui/record.h"

namespace ui {

// [SECTION] Layout: one full-screen pane on phones; on tablets and laptops a navigation
// pane on the left and the screen on the right.
inline constexpr float kTwoPaneMinWidth = 768.0f;  // CSS px: tablets in portrait and wider
inline constexpr float kTwoPaneMinHeight = 540.0f; // CSS px: not a phone on its side
inline constexpr float kNavPaneWidth = 320.0f;     // CSS px at 100% text

struct Insets {
  float top = 0, right = 0, bottom = 0, left = 0;  // CSS px kept clear (notch, home bar)
};
void SetSafeArea(const Insets& insets);
// Screens that are not the young person's journeys (the staff screens, the board for a
// projector) use the whole window: no navigation pane this frame.
void SetWholeScreen(bool whole);

struct Layout {
  bool two_pane = false;
  Rect nav;   // empty on phones
  Rect main;  // where screens draw
};
Layout ComputeLayout();

void BeginNavigationPane(const Rect& area);
void EndNavigationPane();
// A scrolling, tinted panel beside a full-screen picture (the board's room code and
// controls beside its map): its column is as wide as the panel.
void BeginSidePanel(const Rect& area, const char* id = "##side-panel");  // a second one needs its own id
void EndSidePanel();

// Starts and ends recording one frame into `record` (cleared at BeginFrame).
void BeginFrame(FrameRecord* record);
void EndFrame();

// From the screen-reader mirror (web): press this item in the next frame, as a tap would;
// and which item's HTML twin has the keyboard focus (0 for none), so it shows a focus ring.
void QueueActivation(std::uint32_t id);
void SetMirrorFocus(std::uint32_t id);

// Raw fingers, for screens that track them (the map's pan and pinch), and whether the
// pointer is a finger (a finger that moves scrolls the screen; one held still for a
// moment reads the item under it aloud). Set by the runtime before each frame.
struct Finger {
  std::int64_t id = 0;
  float x = 0, y = 0;  // CSS pixels
};
enum class FingerEventKind { Down, Move, Up };
struct FingerEvent {
  FingerEventKind kind = FingerEventKind::Down;
  Finger finger;
};
struct Pointer {
  bool is_touch = false;
  std::vector<FingerEvent> finger_events;  // this frame's, in order
};
void SetPointer(const Pointer& pointer);
const Pointer& CurrentPointer();

// What a long press asked to hear ("" if nothing); taken once.
std::string TakeReadAloudRequest();

// A full-screen, scrolling page with a centred reading column. `title` names the screen
// for screen readers (the visible title is drawn with Heading).
void BeginScreen(const char* title);
void EndScreen();

// Width of the reading column, in CSS pixels.
float ContentWidth();

enum class ButtonStyle {
  Primary,    // filled: the main thing to do on a screen
  Secondary,  // outlined card: other choices
  Danger,     // outlined in red, red words: a choice that deletes (never the first or the biggest)
};

// An icon and words; at least kMinTarget tall. Returns true when activated.
bool Button(Icon icon, const char* label, ButtonStyle style = ButtonStyle::Primary, float width = 0.0f);

// The width a Button needs to show its icon and words on one line.
float ButtonNaturalWidth(Icon icon, const char* label);

// A wide journey button: a big icon on a soft tint, a bold label and a short hint below.
bool JourneyButton(Icon icon, const char* label, const char* hint, unsigned tint, bool current = false);

// A wide button for one item of a list (a place): bold name, a second line, a chevron.
bool ListButton(Icon icon, const char* label, const char* detail);

// Five faces, from sad (1) to very happy (5), each with its words; `value` is 0 when no
// face is chosen. Returns the face tapped (1..5), or 0. `question` names the group.
int FaceChoice(const char* question, int value);

// Yes / No / Not sure, as three big buttons with icons. Returns the one tapped, or
// Unanswered. `value` is the current answer.
enum class Answer3 { None, Yes, No, NotSure };
Answer3 YesNoChoice(const char* question, Answer3 value);

// One choice of several (a radio button): an icon and words, a tick when chosen.
// `width` 0: the column's width (a narrower one sits in a row, SameLine).
bool ChoiceButton(Icon icon, const char* label, const char* group, bool chosen, float width = 0.0f);

// An on/off setting (a switch): words, an icon, and a switch that also says "On" or "Off".
// Returns true when tapped (the caller flips the setting).
bool Toggle(Icon icon, const char* label, bool on);

// A text field: a label above a box of text. On phones a real HTML field over it takes the
// typing (keyboard, IME, emoji, paste, dictation); natively ImGui takes it. Returns true
// when the text changed, with the new text in *value. *submitted is set on Enter in a
// one-line field.
struct TextFieldOptions {
  bool multiline = false;
  int max_chars = 280;
  const char* input_mode = "text";  // the HTML inputmode: which phone keyboard
  const char* hint = "";            // shown in the empty box
  bool password = false;            // shown as dots, and never put in the frame's record
};
bool TextField(const char* label, std::string* value, const TextFieldOptions& options, bool* submitted = nullptr);

// From the mirror: a text field's new text, and Enter in a one-line field.
void QueueText(std::uint32_t id, std::string text);
void QueueSubmit(std::uint32_t id);
// The height of what the person can see (less while an on-screen keyboard is open).
void SetVisibleHeight(float height);

// A line of text with an icon before it (a greeting, a fact).
void IconLine(Icon icon, const char* text);

// A big picture of the young person's buddy with what it has gained beside it, and the
// words that say it (`description`), which screen readers read.
void BuddyPicture(Icon buddy, std::span<const Icon> gained, const char* description);

// A badge's picture for a celebration: the icon on a soft disc, growing gently to its size
// as `entrance` goes from 0 to 1 (1 at once with reduced motion). No flashing, no loop.
void CelebrationPicture(Icon icon, float entrance);

// A calm line of status (sync, saving), announced politely to screen readers.
void StatusLine(Icon icon, const char* text);

// A heading (level 1 = the screen's title), drawn with an optional icon.
void Heading(const char* text, int level = 1, Icon icon = Icon::None);

// Body text, wrapped to the column.
void Paragraph(const char* text);

// Vertical space, in CSS pixels.
void Space(float pixels);

// [SECTION] The map: a screen that does not scroll, its gestures, pins and controls.
// Controls are placed with ImGui::SetCursorScreenPos before each call, and submitted
// before the pins, and the pins before MapSurface: the first item under a finger wins.

// The full screen for the map (no scrolling, no padding), or only `part` of it (the board,
// beside its panel); returns the area it fills.
Rect BeginMapScreen(const char* title, const Rect* part = nullptr);
void EndMapScreen();
// A box `height` CSS px tall across the reading column of a scrolling screen, for a map
// inside it (the suggestion's picker); dragging in it moves the map, not the page.
Rect BeginMapBox(const char* id, float height);
void EndMapBox();

// What fingers, the mouse and the wheel did to the map this frame.
struct MapGesture {
  float pan_x = 0, pan_y = 0;      // CSS px the picture moved (right and down are positive)
  float zoom_by = 1.0f;            // scale of a pinch or wheel turn, around the focus
  float focus_x = 0, focus_y = 0;  // CSS px, screen coordinates
  bool double_tap = false;         // zoom in at the focus
  bool dragging = false;           // a pan or pinch is under way: pins are not pressed
};
// Reads the gestures over `area` that did not start on one of `controls`, and records the
// picture for screen readers as `description` (they use the list instead).
MapGesture MapSurface(const Rect& area, std::span<const Rect> controls, const char* description);

// A place's pin with its tip at (x, y): the kind's icon in white on the kind's colour, so the
// colour is never the only sign. `name` is what a screen reader says. True when tapped.
bool MapPin(const char* id, float x, float y, Icon icon, unsigned colour, const char* name);
// The same pin, drawn only (not a button): the picker shows places but does not open them.
void DrawMapPin(float x, float y, Icon icon, unsigned colour, float scale = 1.0f);
// A place in the Safe Spaces scheme: a small round badge (a tick on gold, outlined in white)
// on the upper right of the pin whose tip is at (x, y). Drawn only: the pin's name says it.
void DrawSchemeBadge(float x, float y);
// Several places close together: a round badge with how many, centred on (x, y).
bool MapCluster(const char* id, float x, float y, int count, const char* name);
// A button of a toolbar: the icon above a short word, `width` wide, at least kMinTarget tall.
bool ToolButton(Icon icon, const char* label, float width);
float ToolButtonHeight();
float ToolLabelWidth(const char* label);  // CSS px the words of a ToolButton need
// Small words on a pale strip whose bottom-left corner is at (left, bottom): the tiles'
// credit, always visible. Returns the strip's height.
float MapCaption(const char* text, float left, float bottom, float max_width);
// Small words with an icon on a pale strip whose top-left corner is at (left, top): a quiet
// line over the map (the city's shared goal). Returns the strip's height.
float MapLabel(Icon icon, const char* text, float left, float top, float max_width);
// A calm message on a card across the top of the map (offline, nothing matches). Returns
// the card's height.
float MapNotice(Icon icon, const char* text, float x, float y, float width);

// [SECTION] The board: a youth worker's big screen, read from the back of a room.

// A room code as big as the column allows (up to kDisplaySize at the chosen text size), in
// the display font. `spoken` is what screen readers say ("The code is K X M 4 P 7").
void RoomCode(const char* code, const char* spoken);
// A picture `side` CSS px square from a texture (a QR code); while `texture` is 0, a pale
// square with `loading` in it. `description` is what screen readers say.
void Picture(std::uintptr_t texture, float side, const char* description, const char* loading);
// Big bold words (heading size) with an icon before them: who is here, what just arrived.
// A word too long for the line (a web address) makes the letters smaller, never broken.
void LargeLine(Icon icon, const char* text);
// A goal: `words` ("12 of 30") in big letters over a thick bar, `done` of `target` filled.
void GoalBar(int done, int target, const char* words);

// How a place on the board is marked, besides its kind's pin.
enum class PinMark {
  Plain,     // on the map (rated, or a suggestion an officer approved)
  Waiting,   // a suggestion waiting for a check: a dashed ring and an hourglass
  NotAdded,  // a suggestion an officer did not add: faded, with a cross
};
// A group's place on the board, drawn only (the list beside it has the buttons), its tip
// at (x, y), `scale` times a map pin's size; `faces` 1..5 adds a face (the group's mean)
// beside it, 0 none. `name` is what screen readers say.
void BoardPin(float x, float y, Icon icon, unsigned colour, PinMark mark, int faces, float scale, const char* name);

// [SECTION] Officers: keyboard shortcuts, charts and marked words.

// A Button with a key that presses it too: the label shows it ("Approve (A)"). The key (a
// letter) works as a tap would, but never while a text field is being typed in; the record
// carries it, so the mirror (web) passes the key on and says it as aria-keyshortcuts.
bool ShortcutButton(Icon icon, const char* label, char key, ButtonStyle style = ButtonStyle::Primary,
                    float width = 0.0f);
// Whether `key` was typed this frame for a shortcut (not into a text field).
bool ShortcutTyped(char key);

// One bar of a chart: its words, its number, and optionally the line a screen reader reads
// for it ("" says "label: value").
struct ChartBar {
  std::string label;
  int value = 0;
  std::string words;
};
// Bars across the column, longest for the largest value, each with its label and number as
// text. `description` sums the chart up for screen readers; each bar is read as its words.
void BarChart(const char* description, std::span<const ChartBar> bars);
// Columns side by side (a histogram: the answers of 1..5 faces, places per mean), each
// labelled below and numbered above.
void Histogram(const char* description, std::span<const ChartBar> columns);

// Words wrapped to the column with some parts marked (a pale yellow background and an
// underline, so not colour alone): the screening's findings in what a young person wrote.
// `marked` are byte ranges [first, second) of `text`.
void MarkedText(const char* text, std::span<const std::pair<std::size_t, std::size_t>> marked);

}  // namespace ui
