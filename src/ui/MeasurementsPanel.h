#pragma once
// The numbers of the procedure: body heights against the healthy body, height loss and Genant
// grade, wedge angle, height restored, balloon pressure and volume, cement volume and its clock.
// For patients the same facts as a few plain sentences, in larger type.

#include "core/procedure/Measurements.h"
#include "ui/ProcedureControls.h"
#include "ui/UiInsets.h"

struct ImFont;

namespace spineviz {

// `insets`, if given, learns the panel's width at the right and where it ends in the top-right corner.
// `patientFont`, if given, sets the patient's sentences in it.
void drawMeasurementsPanel(const Measurements& m, Audience audience, UiInsets* insets = nullptr, ImFont* patientFont = nullptr);

} // namespace spineviz
