#pragma once
// The patient's body around the spine, for the X-ray only: the model holds the spine, not the
// trunk, yet a fluoroscopy image is mostly the trunk's soft tissue. Analytic solids stand in for
// it (docs/fluoroscopy.md):
//  - the trunk, an elliptic cylinder of muscle-like soft tissue along the body's long axis
//    (world +Y), under a layer of subcutaneous fat;
//  - in the chest, two lungs of inflated lung tissue beside the thoracic spine (ellipsoids whose
//    lower poles are the domes of the diaphragm, the right one higher over the liver), and the
//    heart, soft tissue that takes the place of lung where they overlap;
//  - in the abdomen, its contents (viscera, fat and some bowel gas: less dense than muscle) in
//    front of the lumbar spine, with the two psoas muscles beside the lumbar bodies, muscle again
//    where they overlap it;
//  - at the upper thoracic levels, the shoulders' soft tissue either side of the trunk.
// The X-ray shader integrates them exactly per pixel (the overlap of two convex solids along a
// ray is the overlap of their two intervals); bodyLineIntegral() below does the same on the CPU.
//
// Every dimension here is an estimate for a slight elderly adult (docs/fluoroscopy.md).

#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/Scene.h"

#include <glm/vec2.hpp>
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
    float fatThickness = 0.0f;  // subcutaneous fat under the trunk's skin, metres (0: none)
    float fatMuPerM = 17.4f;    // fat, 1/m (BodyOutline.cpp)
    int lungCount = 0;          // 0 or 2
    AxisEllipsoid lungs[2];
    float lungMuPerM = 5.0f;    // inflated lung, 1/m (see BodyOutline.cpp)
    bool heart = false;         // the heart, where it displaces lung
    AxisEllipsoid heartShape;
    bool abdomen = false;       // the abdomen's contents, and the psoas muscles in them
    AxisEllipsoid abdomenShape;
    float abdomenMuPerM = 18.7f;
    int psoasCount = 0;         // 0 or 2
    AxisEllipsoid psoas[2];
    int shoulderCount = 0;      // 0 or 2: soft tissue beside the trunk at the upper thoracic levels
    AxisEllipsoid shoulders[2];
};

// The trunk (and lungs, heart, abdomen, psoas and shoulders where the model has the levels they
// lie at) around the treated level.
BodyOutline bodyOutlineFor(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level);

// Length (metres) of the ray origin + t dir (t >= 0, dir unit) inside the solid.
float chordLength(const EllipticCylinder& c, const glm::vec3& origin, const glm::vec3& dir);
float chordLength(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir);
// The ray's interval [t0, t1] inside the ellipsoid (t0 >= 0; t1 <= t0 when it misses).
glm::vec2 interval(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir);

// The body's line integral sum mu L along the ray, soft tissue at tissueMuPerM: what the X-ray
// shader adds to the scene's items per pixel.
float bodyLineIntegral(const BodyOutline& body, float tissueMuPerM, const glm::vec3& origin, const glm::vec3& dir);

} // namespace spineviz::xray
