#pragma once
// The numbers of the procedure: body heights against the healthy body, height loss and Genant
// grade, wedge angle, height restored, balloon pressure and volume, cement volume and its clock.
// For patients the same facts as a few plain sentences.

#include "core/procedure/Measurements.h"
#include "ui/ProcedureControls.h"
#include "ui/UiInsets.h"

namespace spineviz {

// `insets`, if given, learns the panel's width at the right and where it ends in the top-right corner.
void drawMeasurementsPanel(const Measurements& m, Audience audience, UiInsets* insets = nullptr);

} // namespace spineviz
