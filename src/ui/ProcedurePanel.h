#pragma once
// The left-hand panel: the case (procedure, level, fracture, access), the phase list, the transport
// (previous / play-pause / next / restart), the timeline scrubber, speed, and how the inside is shown.

#include "ui/ProcedureControls.h"
#include "ui/UiInsets.h"

struct ImFont;

namespace spineviz {

ProcedureRequests drawProcedurePanel(const ProcedureView& view, UiInsets* insets = nullptr);

// A compact transport bar for presentations (patient audience): few, big buttons in `large` type,
// the guide for patients, the waiting-room loop.
ProcedureRequests drawPresenterBar(const ProcedureView& view, ImFont* large, UiInsets* insets = nullptr);

} // namespace spineviz
