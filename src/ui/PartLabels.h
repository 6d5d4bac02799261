#pragma once
// Names on the parts of the treated vertebra for students: a label beside the anatomy, a thin
// leader line to the point it names, and the glossary's plain explanation on hover.

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace spineviz {

enum class LabelTone { Anatomy, Warning };

struct PlacedLabel {
    std::string term;
    glm::vec3 world;
};

// The horizontal band of the window the labels' boxes should stay in: clear of the side panels.
struct LabelRoom {
    float left = 0.0f, right = 0.0f; // pixels from the window's left edge
};

// One label's text box beside the point it names, in window pixels.
struct LabelBox {
    glm::vec2 anchor;       // the point named
    glm::vec2 size;         // the box, padding included
    glm::vec2 topLeft{0.0f}; // where layoutLabelBoxes puts it
    bool right = false;      // the box sits right of its point
};

// Puts each box out to the side of its point (right of `centreX` goes right), stacked per side so
// none overlap, and on the other side, or with a shorter leader, before it runs out of `room`.
void layoutLabelBoxes(std::vector<LabelBox>& boxes, float centreX, float width, LabelRoom room, float fontSize);

// `viewProjection` maps world to clip space for the whole window (width x height pixels). When the
// parts are too small on screen to tell apart, one label, `whole`, names the bone instead. A label
// that would run into a panel goes out on the other side of its point.
void drawPartLabels(const std::vector<PlacedLabel>& labels, const glm::mat4& viewProjection, float width, float height,
                    LabelRoom room, const std::string& whole, LabelTone tone);

} // namespace spineviz
