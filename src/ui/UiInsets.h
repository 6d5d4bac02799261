#pragma once
// How much of each edge of the screen the panels cover this frame, in pixels, so the 3D view can
// keep what matters in the part left free.

#include <algorithm>

struct ImVec2;

namespace spineviz {

struct UiInsets {
    float left = 0.0f, right = 0.0f, top = 0.0f, bottom = 0.0f; // panels that run along a whole edge
    float cornerRight = 0.0f;    // width of the panel in the top-right corner (the measurements)
    float rightColumnTop = 0.0f; // where free room starts below it
    float bottomLeft = 0.0f;     // width of the small panel in the bottom-left corner (display settings)
    float bottomLeftHeight = 0.0f; // and its height
    float rightColumnReserve = 0.0f; // room the X-ray panel needs under the measurements, at the least

    // Records a panel docked at an edge: its extent from that edge.
    void coverLeft(float extent) { left = std::max(left, extent); }
    void coverRight(float extent) { right = std::max(right, extent); }
    void coverBottom(float extent) { bottom = std::max(bottom, extent); }
    void coverTop(float extent) { top = std::max(top, extent); }
    // The room the 3D view should keep its subject in: clear of every panel, the corner one too.
    float rightForView() const { return std::max(right, cornerRight); }
};

} // namespace spineviz
