#pragma once
// Where the parts of one vertebra go, in its canonical frame (mm; origin at the body centre, +X left,
// +Y superior, +Z anterior), derived from the level's row of the parameter table plus the shape
// estimates documented in docs/anatomy.md. The shape (VertebraShape) builds its field around these
// anchors; the facet-joint, rib and nerve-root layout and the landmarks use them too.

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
    glm::vec3 back{0.0f};      // its posterior end, inside the articular pillar
    float width = 0, height = 0;
};

// One side of the posterior arch.
struct ArchSide {
    glm::vec3 pillar{0.0f};          // junction of pedicle, lamina, superior articular and transverse processes
    glm::vec3 superiorFacet{0.0f};   // designed centre of the superior articular facet (joint with the bone above)
    glm::vec3 inferiorFacet{0.0f};   // designed centre of the inferior articular facet (joint with the bone below)
    glm::vec3 transverseBase{0.0f}, transverseTip{0.0f};
    std::array<glm::vec3, 4> lamina{}; // mid-surface corners: lateral top, medial top, medial bottom, lateral bottom
};

struct VertebraGeometry {
    int levelIndex = 0;
    bool thoracic = true;          // thoracic posterior elements (T1-T11; T12 is mixed)
    bool superiorThoracic = true;  // superior facets of the thoracic (coronal, planar) kind: T1-T12
    bool inferiorLumbar = false;   // inferior facets of the lumbar (sagittal, curved) kind: T12-L5
    float lumbarness = 0.0f;       // 0 thoracic ... 1 lumbar, for the transitional shapes (T11, T12)
    BodyParams body;
    std::array<PedicleGeometry, 2> pedicles; // [0] left (+X), [1] right
    std::array<ArchSide, 2> arch;
    float laminaHalfThickness = 3.0f;
    glm::vec3 spinousBase{0.0f};   // mid-sagittal, on the laminae's junction, mid-height
    glm::vec3 spinousTip{0.0f};
    float spinousBaseHeight = 10.0f; // vertical extent at the base, mm
    float canalApexZ = 0.0f;       // z of the canal's posterior wall at the midline (= -depth/2 - canal depth)
    glm::vec2 canalHalf{0.0f};     // half width, half depth
    float canalTriangularity = 0.0f; // 0 round/oval ... 1 triangular
    float measureY = 0.0f;         // height at which the canal depth is defined (laminae's junction)
    float laminaSlope = 0.0f;      // dz/dy of the laminae (upper edge anterior); the canal's back wall follows it
    float laminaTop = 0.0f, laminaBottom = 0.0f; // heights of the laminae's midline edges
    float corticalThickness = 0.7f;
};

VertebraGeometry makeVertebraGeometry(int levelIndex);

// Side sign: +1 for the left (+X), -1 for the right.
inline float sideSign(int side) { return side == 0 ? 1.0f : -1.0f; }
inline glm::vec3 mirrorX(const glm::vec3& p, int side) { return glm::vec3(sideSign(side) * p.x, p.y, p.z); }

} // namespace spine_model
