#include "DiscShape.h"

#include "Sdf.h"

#include <algorithm>

namespace spine_model {
namespace {
constexpr float kBulge = 0.8f; // mm, outward bulge of the annulus at mid-height (estimate)
}

DiscShape::DiscShape(const BodyShape& upper, const glm::mat4& toUpper, const BodyShape& lower, const glm::mat4& toLower, float planeGap,
                     std::vector<Socket> sockets)
    : upper_(upper), lower_(lower), toUpper_(toUpper), toLower_(toLower), planeGap_(planeGap), sockets_(std::move(sockets)) {
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
    // fields then trim it to the endplate surfaces. Beyond the rims (outside the outlines) it stops at
    // the rim planes, so it leaves no sliver in the crease of the rounded rim.
    const float reachUpper = (upper_.params().concavity + 0.5f) * sdf::smoothstep(-0.5f, 1.5f, -upper_.outline(pu.x, pu.z));
    const float reachLower = (lower_.params().concavity + 0.5f) * sdf::smoothstep(-0.5f, 1.5f, -lower_.outline(pl.x, pl.z));
    const float intoUpper = (pu.y - upper_.bottomPlane(pu.z)) - reachUpper;
    const float intoLower = (lower_.topPlane(pl.z) - pl.y) - reachLower;
    float f = std::max(outline, std::max(intoUpper, intoLower));
    f = std::max(f, -upper_.distance(pu));
    f = std::max(f, -lower_.distance(pl));
    for (const Socket& socket : sockets_) f = sdf::smoothSubtract(f, socket.distance(p), 0.8f);
    return f;
}

float DiscShape::nucleus(const glm::vec3& p) const {
    return std::max(sdf::ellipsoid(p - nucleusCentre_, nucleusRadii_), annulus(p) + 1.0f);
}

} // namespace spine_model
