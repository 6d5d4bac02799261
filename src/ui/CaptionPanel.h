#pragma once
// The caption under the 3D view: the step's title and what is happening, in the chosen voice,
// in large type for a big screen.

#include "core/content/Captions.h"
#include "ui/ProcedureControls.h"
#include "ui/UiInsets.h"

struct ImFont;

namespace spineviz {

// Sits at the bottom, centred in the room the side panels leave (`insets`), and adds itself to them.
void drawCaptionPanel(const PhaseCaption& caption, int step, int steps, Audience audience, ImFont* heading, ImFont* text,
                      UiInsets* insets = nullptr);

} // namespace spineviz
