// The icon beside each kind of place and each facility, so words are never alone and
// colour is never the only sign. Plain look-up tables; the words come from core/model.h.
#pragma once
#include "client/icons.h"
#include "core/model.h"

Icon CategoryIcon(core::Category category);
Icon FacilityIcon(core::Facility facility);
