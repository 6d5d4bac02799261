#pragma once
// The patient's body around the spine, for the X-ray only: the model holds the spine, not the
// trunk, yet a fluoroscopy image is mostly the trunk's soft tissue. An elliptic cylinder of soft
// tissue along the body's long axis (world +Y) stands in for it, with two lungs of inflated lung
// tissue beside the thoracic spine, ellipsoids whose lower poles are the domes of the diaphragm.
// Analytic: the X-ray shader integrates it exactly per pixel, and chordLength() below does the
// same on the CPU for tests.
//
// Every dimension here is an estimate for a slight elderly adult (docs/fluoroscopy.md).

#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/Scene.h"

#include <glm/vec3.hpp>

#include <string>

namespace spineviz::xray {

// The trunk's size and where the spine sits in it (estimates, docs/fluoroscopy.md): 32 cm wide,
// 22 cm deep, the vertebral body's centre 7.5 cm in front of the skin of the back. The 3D view's
// see-through torso (core/procedure/TrunkSurface.h) uses the same numbers.
constexpr float kTrunkSemiLateral = 0.16f, kTrunkSemiDepth = 0.11f, kBackSkinToBody = 0.075f;

// A cylinder whose cross-section is an ellipse; the long axis is world +Y.
struct EllipticCylinder {
    glm::vec3 centre{0.0f};   // any point on the axis
    float semiLateral = 0.1f; // along world X, metres
    float semiDepth = 0.1f;   // along world Z, metres
};

// An ellipsoid with its axes along the world's.
struct AxisEllipsoid {
    glm::vec3 centre{0.0f};
    glm::vec3 semiAxes{0.1f};
};

struct BodyOutline {
    bool present = false;
    EllipticCylinder trunk;
    int lungCount = 0;          // 0 or 2
    AxisEllipsoid lungs[2];
    float lungMuPerM = 5.0f;    // inflated lung, 1/m (see BodyOutline.cpp)
};

// The trunk (and lungs where the model has the thoracic spine) around the treated level.
BodyOutline bodyOutlineFor(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level);

// Length (metres) of the ray origin + t dir (t >= 0, dir unit) inside the solid.
float chordLength(const EllipticCylinder& c, const glm::vec3& origin, const glm::vec3& dir);
float chordLength(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir);

} // namespace spineviz::xray
