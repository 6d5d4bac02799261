#pragma once
// A scrubber across the whole procedure: one segment per phase with a marker at each start, the
// elapsed part filled, a playhead. Click or drag to move the time.

#include "core/procedure/Timeline.h"

#include <optional>

namespace spineviz {

// Draws the bar at the cursor, `width` wide; returns a new time while the user is dragging.
std::optional<double> drawTimelineBar(const Timeline& timeline, double time, float width);

} // namespace spineviz
