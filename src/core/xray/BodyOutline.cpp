#include "core/xray/BodyOutline.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz::xray {
namespace {

// Estimates (docs/fluoroscopy.md); the trunk's are in the header. Lungs 12 cm wide, 17 cm deep
// and 30 cm tall, their centres 9 cm to either side of the midline and 2 cm in front of the body's
// centre, their domes reaching down to the level of T12's body (the posterior costophrenic recesses).
constexpr float kLungSemiLateral = 0.06f, kLungSemiDepth = 0.085f, kLungSemiHeight = 0.15f;
constexpr float kLungOffsetLateral = 0.09f, kLungOffsetAnterior = 0.02f;
// Inflated lung: about 0.26 g/cm3 (estimate) at soft tissue's mass attenuation, 0.201 / 1.05 cm2/g
// at 70 keV (biomech.md section 6): 0.050 /cm.
constexpr float kLungMuPerM = 0.26f * (0.201f / 1.05f) * 100.0f;

glm::vec3 bodyCentreWorld(const Scene& scene, const VertebraNode& v) {
    const glm::mat4 world = scene.worldTransforms()[static_cast<std::size_t>(v.node)];
    return glm::vec3(world * glm::vec4(v.landmarks.origin, 1.0f));
}

} // namespace

BodyOutline bodyOutlineFor(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level) {
    BodyOutline out;
    const VertebraNode* treated = anatomy.vertebra(level);
    if (!treated) return out;
    const glm::vec3 centre = bodyCentreWorld(scene, *treated);
    out.present = true;
    out.trunk.centre = centre + glm::vec3(0.0f, 0.0f, kTrunkSemiDepth - kBackSkinToBody);
    out.trunk.semiLateral = kTrunkSemiLateral;
    out.trunk.semiDepth = kTrunkSemiDepth;
    out.lungMuPerM = kLungMuPerM;
    if (const VertebraNode* t12 = anatomy.vertebra("T12")) {
        const float domeY = bodyCentreWorld(scene, *t12).y;
        out.lungCount = 2;
        for (int i = 0; i < 2; ++i) {
            AxisEllipsoid& lung = out.lungs[i];
            lung.centre = glm::vec3(centre.x + (i == 0 ? kLungOffsetLateral : -kLungOffsetLateral), domeY + kLungSemiHeight,
                                    centre.z + kLungOffsetAnterior);
            lung.semiAxes = glm::vec3(kLungSemiLateral, kLungSemiHeight, kLungSemiDepth);
        }
    }
    return out;
}

float chordLength(const EllipticCylinder& c, const glm::vec3& origin, const glm::vec3& dir) {
    const float ox = (origin.x - c.centre.x) / c.semiLateral, oz = (origin.z - c.centre.z) / c.semiDepth;
    const float dx = dir.x / c.semiLateral, dz = dir.z / c.semiDepth;
    const float a = dx * dx + dz * dz, b = ox * dx + oz * dz, k = ox * ox + oz * oz - 1.0f;
    if (a < 1e-12f) return 0.0f; // along the axis: not a view the C-arm can take
    const float disc = b * b - a * k;
    if (disc <= 0.0f) return 0.0f;
    const float h = std::sqrt(disc);
    const float t0 = std::max((-b - h) / a, 0.0f), t1 = (-b + h) / a;
    return std::max(t1 - t0, 0.0f);
}

float chordLength(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir) {
    // In the frame where the ellipsoid is the unit sphere, t keeps its meaning along the ray.
    const glm::vec3 o = (origin - e.centre) / e.semiAxes, d = dir / e.semiAxes;
    const float a = glm::dot(d, d), b = glm::dot(o, d), k = glm::dot(o, o) - 1.0f;
    const float disc = b * b - a * k;
    if (disc <= 0.0f) return 0.0f;
    const float h = std::sqrt(disc);
    const float t0 = std::max((-b - h) / a, 0.0f), t1 = (-b + h) / a;
    return std::max(t1 - t0, 0.0f);
}

} // namespace spineviz::xray
