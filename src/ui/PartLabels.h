#pragma once
// Names on the parts of the treated vertebra for students: a label beside the anatomy, a thin
// leader line to the point it names, and the glossary's plain explanation on hover.

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace spineviz {

enum class LabelTone { Anatomy, Warning };

struct PlacedLabel {
    std::string term;
    glm::vec3 world;
};

// `viewProjection` maps world to clip space for the whole window (width x height pixels). When the
// parts are too small on screen to tell apart, one label, `whole`, names the bone instead.
void drawPartLabels(const std::vector<PlacedLabel>& labels, const glm::mat4& viewProjection, float width, float height,
                    const std::string& whole, LabelTone tone);

} // namespace spineviz
