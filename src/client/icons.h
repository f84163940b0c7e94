// The icons Safe Spaces shows beside every action, from the Material Design Icons font
// (Debian's fonts-materialdesignicons-webfont 1.6.50; SIL OFL 1.1 font, CC-BY icons, see
// assets/LICENSES.md). The build keeps only the icons this enum names, in a font of their
// own, "Safe Spaces Icons" (tools/subset-icons.py): a new icon needs only its line here.
// Each icon has a codepoint and the plain words of what it means, which the widget layer
// gives to screen readers when an icon stands alone.
#pragma once
#include <cstdint>
#include <string_view>

enum class Icon : std::uint16_t {
  None = 0,
  Map = 0xF34D,
  MapMarker = 0xF34E,
  MapMarkerPlus = 0xF651,
  Star = 0xF4CE,
  Heart = 0xF2D1,
  Group = 0xF00E,         // account-multiple
  Settings = 0xF493,
  ArrowLeft = 0xF04D,
  Home = 0xF2DC,
  ReadAloud = 0xF57E,     // volume-high
  Happy = 0xF1F5,         // emoticon-happy
  Check = 0xF12C,
  Close = 0xF156,
  Undo = 0xF54C,
  Info = 0xF2FD,          // information-outline
  Wrench = 0xF5B7,
  Greeting = 0xF64A,      // human-greeting
  Send = 0xF48A,
  Skip = 0xF4AD,          // skip-next
  CheckCircle = 0xF5E0,
  NotSure = 0xF625,       // help-circle-outline
  Saved = 0xF193,         // content-save
  Cloud = 0xF160,         // cloud-check
  Plus = 0xF415,
  Minus = 0xF374,
  TextSize = 0xF27F,      // format-size
  Letters = 0xF284,       // format-text
  Contrast = 0xF197,      // contrast-circle
  Calm = 0xF3E5,          // pause-circle: less movement
  Sound = 0xF387,         // music-note
  Speech = 0xF50A,        // text-to-speech
  // Kinds of place
  Library = 0xF331,
  Cafe = 0xF176,          // coffee
  YouthClub = 0xF64C,     // human-handsup
  Park = 0xF531,          // tree
  Leisure = 0xF4E3,       // swim
  Shop = 0xF49A,          // shopping
  Museum = 0xF3D8,        // palette
  Community = 0xF2DD,     // home-modern
  Cinema = 0xF381,        // movie
  // What a place has
  QuietRoom = 0xF581,     // volume-off
  Wheelchair = 0xF5A4,    // wheelchair-accessibility
  Toilets = 0xF2E8,       // human-male-female
  HearingLoop = 0xF2CB,   // headphones
  Seat = 0xF4B9,          // sofa
  Clock = 0xF150,
  Directions = 0xF1D0,
  Bookmark = 0xF0C0,
  BookmarkEmpty = 0xF0C3, // bookmark-outline
  List = 0xF279,          // format-list-bulleted
  // The map's controls
  ZoomIn = 0xF34B,        // magnify-plus
  ZoomOut = 0xF34A,       // magnify-minus
  WhereIAm = 0xF1A4,      // crosshairs-gps
  Filter = 0xF236,        // filter-variant
  ArrowUp = 0xF05D,
  ArrowDown = 0xF045,
  ArrowRight = 0xF054,
  Trophy = 0xF538,
  // What the buddy gains as levels go up (core/progress.h kCompanionAccessories)
  Tie = 0xF519,
  TravelBag = 0xF587,     // wallet-travel
  Torch = 0xF244,         // flashlight
  Compass = 0xF18B,
  Crown = 0xF1A5,
  // Staff: logins, sessions and the board
  Login = 0xF342,
  Logout = 0xF343,
  Key = 0xF306,
  Hourglass = 0xF51F,     // timer-sand: waiting for a check
  Pause = 0xF3E4,
  Play = 0xF40A,
  Stop = 0xF4DB,
  Hide = 0xF209,          // eye-off
  QrCode = 0xF432,
  Board = 0xF428,         // presentation
  Summary = 0xF128,       // chart-bar
  Spreadsheet = 0xF218,   // file-delimited
  Printer = 0xF42A,
  Refresh = 0xF450,
  NoConnection = 0xF5AA,  // wifi-off
  // Council officers
  Alert = 0xF026,         // a safeguarding concern, a screening finding
  Edit = 0xF3EB,          // pencil
  Search = 0xF349,        // magnify
  // Privacy (issue 9)
  Shield = 0xF498,        // your privacy
  Delete = 0xF1C0,        // delete (a bin)
  Phone = 0xF11C,         // cellphone: kept on this phone
  Eye = 0xF208,           // who sees it
  Calendar = 0xF0ED,      // how long it is kept
  NoLocation = 0xF351,    // map-marker-off: where you are is never kept
  // Companions
  Cat = 0xF11B,
  Owl = 0xF3D2,
  Duck = 0xF1E5,
  Panda = 0xF3DA,
  Fish = 0xF23A,
};

// Every icon above, for tests that check the font really has each glyph.
inline constexpr Icon kAllIcons[] = {
    Icon::Map,   Icon::MapMarker, Icon::MapMarkerPlus, Icon::Star,  Icon::Heart, Icon::Group,
    Icon::Settings, Icon::ArrowLeft, Icon::Home, Icon::ReadAloud, Icon::Happy, Icon::Check,
    Icon::Close, Icon::Undo, Icon::Info, Icon::Wrench, Icon::Greeting, Icon::Send, Icon::Skip,
    Icon::CheckCircle, Icon::NotSure, Icon::Saved, Icon::Cloud, Icon::Plus, Icon::Minus, Icon::TextSize,
    Icon::Letters, Icon::Contrast, Icon::Calm, Icon::Sound, Icon::Speech, Icon::Library, Icon::Cafe,
    Icon::YouthClub, Icon::Park, Icon::Leisure, Icon::Shop, Icon::Museum, Icon::Community, Icon::Cinema,
    Icon::QuietRoom, Icon::Wheelchair, Icon::Toilets, Icon::HearingLoop, Icon::Seat, Icon::Clock,
    Icon::Directions, Icon::Bookmark, Icon::BookmarkEmpty, Icon::List, Icon::ZoomIn, Icon::ZoomOut,
    Icon::WhereIAm, Icon::Filter, Icon::ArrowUp, Icon::ArrowDown, Icon::ArrowRight, Icon::Trophy, Icon::Tie, Icon::TravelBag, Icon::Torch, Icon::Compass, Icon::Crown, Icon::Login, Icon::Logout,
    Icon::Key, Icon::Hourglass, Icon::Pause, Icon::Play, Icon::Stop, Icon::Hide, Icon::QrCode, Icon::Board,
    Icon::Summary, Icon::Spreadsheet, Icon::Printer, Icon::Refresh, Icon::NoConnection, Icon::Alert, Icon::Edit, Icon::Search,
    Icon::Shield, Icon::Delete, Icon::Phone, Icon::Eye, Icon::Calendar, Icon::NoLocation, Icon::Cat, Icon::Owl, Icon::Duck,
    Icon::Panda, Icon::Fish,
};

// UTF-8 bytes of the icon's glyph, for ImGui text ("" for Icon::None).
struct IconText {
  char bytes[4] = {};
  const char* c_str() const { return bytes; }
};
IconText IconUtf8(Icon icon);
