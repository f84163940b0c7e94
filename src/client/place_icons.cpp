// This is the implementation of place_icons.h.
#include "client/place_icons.h"

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
