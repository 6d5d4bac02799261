#pragma once
// The left-hand panel: the case (procedure, level, fracture, access), the phase list, the transport
// (previous / play-pause / next / restart), the timeline scrubber, speed, and how the inside is shown.

#include "ui/ProcedureControls.h"
#include "ui/UiInsets.h"

namespace spineviz {

ProcedureRequests drawProcedurePanel(const ProcedureView& view, UiInsets* insets = nullptr);

// A compact transport bar for presentations (patient audience): big buttons, the step's title.
ProcedureRequests drawPresenterBar(const ProcedureView& view, UiInsets* insets = nullptr);

} // namespace spineviz
