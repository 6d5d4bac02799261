#include "RibShape.h"

#include <glm/geometric.hpp>

#include <cmath>

namespace spine_model {
namespace {

glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

} // namespace

RibShape::RibShape(const RibAttachment& rib, const glm::mat4& toNode) {
    std::vector<Part> parts_;
    auto point = [&toNode](const glm::vec3& p) { return glm::vec3(toNode * glm::vec4(p, 1.0f)); };
    auto direction = [&toNode](const glm::vec3& d) { return glm::normalize(glm::vec3(toNode * glm::vec4(d, 0.0f))); };
    std::vector<glm::vec3> path;
    for (const glm::vec3& p : rib.path) path.push_back(point(p));
    // The head: an ellipsoid along the vertebra's axes, which are the node frame's (its facets are
    // cupped into the bodies).
    parts_.push_back(blobPart(sdf::makeBlob(path.front(), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), rib.headRadii), 0.0f));
    // The centre line, smoothed, as a chain of tapered bars.
    constexpr int kPerSpan = 4;
    const std::size_t n = path.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const glm::vec3 p0 = path[i == 0 ? 0 : i - 1], p1 = path[i], p2 = path[i + 1], p3 = path[std::min(i + 2, n - 1)];
        for (int k = 0; k < kPerSpan; ++k) {
            const float t0 = static_cast<float>(k) / kPerSpan, t1 = static_cast<float>(k + 1) / kPerSpan;
            const glm::vec3 a = catmullRom(p0, p1, p2, p3, t0), b = catmullRom(p0, p1, p2, p3, t1);
            const glm::vec2 sa = glm::mix(rib.section[i], rib.section[i + 1], t0), sb = glm::mix(rib.section[i], rib.section[i + 1], t1);
            const glm::vec3 flat = direction(glm::mix(rib.flat[i], rib.flat[i + 1], 0.5f * (t0 + t1)));
            Part part = bar(a, b, sa, sb, flat, 1.5f);
            part.limb.longCaps = i > 0 || k > 0; // not at the head, where a long cap would poke out of it
            parts_.push_back(part);
        }
    }
    if (rib.hasTubercle) parts_.push_back(blobPart(sdf::makeBlob(point(rib.tubercle), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(rib.tubercleRadius)), 1.2f));
    bounds_ = boundsOf(parts_);
    set_ = PartSet(std::move(parts_));
}

} // namespace spine_model
