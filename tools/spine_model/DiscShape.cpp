#include "DiscShape.h"

#include "Sdf.h"

#include <algorithm>

namespace spine_model {
namespace {
constexpr float kBulge = 0.8f; // mm, outward bulge of the annulus at mid-height (estimate)
}

DiscShape::DiscShape(const BodyShape& upper, const glm::mat4& toUpper, const BodyShape& lower, const glm::mat4& toLower, float planeGap)
    : upper_(upper), lower_(lower), toUpper_(toUpper), toLower_(toLower), planeGap_(planeGap) {
    const BodyParams& u = upper.params();
    const BodyParams& l = lower.params();
    halfExtent_ = glm::vec3(0.5f * std::max(u.width, l.width) + 3.0f, 0.5f * planeGap + 9.0f, 0.5f * std::max(u.depth, l.depth) + 5.0f);
    // Nucleus: about 40% of the endplate area, a little behind centre (lumbar discs; estimate).
    const float width = 0.5f * (u.width + l.width), depth = 0.5f * (u.depth + l.depth);
    nucleusCentre_ = glm::vec3(0.0f, 0.0f, -0.08f * depth);
    nucleusRadii_ = glm::vec3(0.30f * width, 0.5f * planeGap + 1.0f, 0.28f * depth);
}

float DiscShape::annulus(const glm::vec3& p) const {
    const glm::vec3 pu(toUpper_ * glm::vec4(p, 1.0f));
    const glm::vec3 pl(toLower_ * glm::vec4(p, 1.0f));
    // Blend the two endplate outlines through the disc's height, bulging at mid-height.
    const float t = sdf::clamp01(0.5f + p.y / std::max(planeGap_, 1.0f));
    const float outline = sdf::mix(lower_.outline(pl.x, pl.z), upper_.outline(pu.x, pu.z), t) - kBulge * 4.0f * t * (1.0f - t);
    // Reach just past each rim plane (into the endplate's concavity), no further: the bodies' own
    // fields then trim it to the endplate surfaces.
    const float intoUpper = (pu.y - upper_.bottomPlane(pu.z)) - (upper_.params().concavity + 0.5f);
    const float intoLower = (lower_.topPlane(pl.z) - pl.y) - (lower_.params().concavity + 0.5f);
    float f = std::max(outline, std::max(intoUpper, intoLower));
    f = std::max(f, -upper_.distance(pu));
    f = std::max(f, -lower_.distance(pl));
    return f;
}

float DiscShape::nucleus(const glm::vec3& p) const {
    return std::max(sdf::ellipsoid(p - nucleusCentre_, nucleusRadii_), annulus(p) + 1.0f);
}

} // namespace spine_model
