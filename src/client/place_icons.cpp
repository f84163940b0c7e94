// This is the implementation of place_icons.h.
#include "client/place_icons.h"

#include <imgui.h>

Icon CategoryIcon(core::Category category) {
  switch (category) {
    case core::Category::Library: return Icon::Library;
    case core::Category::Cafe: return Icon::Cafe;
    case core::Category::YouthClub: return Icon::YouthClub;
    case core::Category::Park: return Icon::Park;
    case core::Category::LeisureCentre: return Icon::Leisure;
    case core::Category::Shop: return Icon::Shop;
    case core::Category::Museum: return Icon::Museum;
    case core::Category::CommunityCentre: return Icon::Community;
    case core::Category::Cinema: return Icon::Cinema;
    case core::Category::Other: break;
  }
  return Icon::MapMarker;
}

Icon FacilityIcon(core::Facility facility) {
  switch (facility) {
    case core::Facility::QuietSpace: return Icon::QuietRoom;
    case core::Facility::AccessibleToilet: return Icon::Toilets;
    case core::Facility::ChangingPlaces: return Icon::Toilets;
    case core::Facility::StepFree: return Icon::Wheelchair;
    case core::Facility::HearingLoop: return Icon::HearingLoop;
    case core::Facility::PlacesToSit: return Icon::Seat;
    case core::Facility::OutsideSpace: return Icon::Park;
    case core::Facility::QuietTimes: return Icon::Clock;
  }
  return Icon::Info;
}

unsigned CategoryColour(core::Category category) {
  switch (category) {
    case core::Category::Library: return IM_COL32(0x3F, 0x51, 0xB5, 0xFF);          // indigo
    case core::Category::Cafe: return IM_COL32(0x8D, 0x4E, 0x17, 0xFF);             // coffee brown
    case core::Category::YouthClub: return IM_COL32(0x7B, 0x1F, 0xA2, 0xFF);        // purple
    case core::Category::Park: return IM_COL32(0x2E, 0x6B, 0x30, 0xFF);             // green
    case core::Category::LeisureCentre: return IM_COL32(0x00, 0x5A, 0x9C, 0xFF);    // blue
    case core::Category::Shop: return IM_COL32(0xAD, 0x14, 0x57, 0xFF);             // raspberry
    case core::Category::Museum: return IM_COL32(0x00, 0x69, 0x5C, 0xFF);           // teal
    case core::Category::CommunityCentre: return IM_COL32(0xB0, 0x3A, 0x0A, 0xFF);  // burnt orange
    case core::Category::Cinema: return IM_COL32(0x37, 0x47, 0x4F, 0xFF);           // slate
    case core::Category::Other: break;
  }
  return IM_COL32(0x4E, 0x5D, 0x6C, 0xFF);  // grey blue
}
