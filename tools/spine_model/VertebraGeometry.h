#pragma once
// Where the parts of one vertebra go, in its canonical frame (mm; origin at the body centre,
// +X left, +Y superior, +Z anterior), derived from the level's row of the parameter table. The
// shape (VertebraShape) builds its field from these anchors; the rib and facet-joint layout and the
// landmarks use them too.

#include "BodyShape.h"
#include "Morphometry.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <array>

namespace spine_model {

struct PedicleGeometry {
    glm::vec3 isthmus{0.0f};   // centre of the narrowest section
    glm::vec3 axis{0.0f};      // unit, posterior -> anterior (into the body)
    glm::vec3 front{0.0f};     // where it has entered the body
    glm::vec3 back{0.0f};      // its posterior end: the root of the superior articular and transverse processes
    float width = 0, height = 0;
};

struct VertebraGeometry {
    int levelIndex = 0;
    bool thoracic = true;
    BodyParams body;
    std::array<PedicleGeometry, 2> pedicles; // [0] left (+X), [1] right
    glm::vec3 laminaMid{0.0f};               // mid-sagittal junction of the laminae (base of the spinous process)
    glm::vec2 lamina{0.0f};                  // half thickness, half height
    float laminaTilt = 0.0f;                 // radians; upper edge anterior
    glm::vec3 spinousTip{0.0f};
    std::array<glm::vec3, 2> transverseBase{}, transverseTip{};
    glm::vec2 canalCentre{0.0f};             // (x, z)
    glm::vec2 canalHalf{0.0f};               // half width, half depth
    float corticalThickness = 0.7f;
};

VertebraGeometry makeVertebraGeometry(int levelIndex);

// Side sign: +1 for the left (+X), -1 for the right.
inline float sideSign(int side) { return side == 0 ? 1.0f : -1.0f; }

} // namespace spine_model
