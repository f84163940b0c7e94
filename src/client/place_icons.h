// The icon beside each kind of place and each facility, so words are never alone and
// colour is never the only sign. Plain look-up tables; the words come from core/model.h.
#pragma once
#include "client/icons.h"
#include "core/model.h"

Icon CategoryIcon(core::Category category);
Icon FacilityIcon(core::Facility facility);

// The kind's pin colour: dark enough for a white icon on it (at least 4.5:1), and told apart
// by the icon too, never by colour alone. ImGui's packed colour (IM_COL32).
unsigned CategoryColour(core::Category category);
