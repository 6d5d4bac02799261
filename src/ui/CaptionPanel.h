#pragma once
// The caption under the 3D view: the step's title and what is happening, in the chosen voice,
// in large type for a big screen.

#include "core/content/Captions.h"
#include "ui/ProcedureControls.h"

struct ImFont;

namespace spineviz {

void drawCaptionPanel(const PhaseCaption& caption, int step, int steps, Audience audience, ImFont* heading, ImFont* text);

} // namespace spineviz
