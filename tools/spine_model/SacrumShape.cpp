#include "SacrumShape.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

sdf::Limb limb(const glm::vec3& a, const glm::vec3& b, glm::vec2 sa, glm::vec2 sb, const glm::vec3& widthDir = {1, 0, 0}) {
    sdf::Limb l;
    l.a = a, l.b = b, l.sizeA = sa, l.sizeB = sb, l.widthDir = widthDir;
    return l;
}

// Centres of the fused bodies S1..S5 and the apex: down and then forward (anterior concavity).
const std::array<glm::vec3, 6> kSegments = {{{0, 0, 0}, {0, -26, -3}, {0, -48, -4}, {0, -66, -1}, {0, -81, 4}, {0, -92, 10}}};
// Half width and half depth of each segment's body.
const std::array<glm::vec2, 6> kSegmentSize = {{{20, 15}, {15, 12}, {12, 10}, {9, 8}, {7, 6.5f}, {5, 5}}};

} // namespace

SacrumShape::SacrumShape(const BodyParams& s1, const std::array<FacetJoint, 2>& l5Joints, const std::array<glm::vec3, 2>& anchors)
    : body_(s1), joints_(l5Joints) {
    for (std::size_t i = 0; i + 1 < kSegments.size(); ++i)
        mass_.push_back(bound(limb(kSegments[i] + glm::vec3(0, i == 0 ? -6.0f : 0.0f, 0), kSegments[i + 1], kSegmentSize[i], kSegmentSize[i + 1])));
    for (int s = 0; s < 2; ++s) {
        const float x = sideSign(s);
        // Ala: a broad wing from the S1 body, its upper surface sloping down laterally.
        mass_.push_back(bound(limb({x * 14, -6, -4}, {x * 44, -12, -9}, {15, 11}, {13, 12}, {0, 1, 0})));
        // Lateral mass with the auricular (sacro-iliac) surface, tapering down.
        mass_.push_back(bound(limb({x * 44, -12, -10}, {x * 30, -50, -10}, {12, 10}, {8, 7}, {0, 0, 1})));
        mass_.push_back(bound(limb({x * 30, -50, -10}, {x * 12, -82, -2}, {8, 7}, {5, 5}, {0, 0, 1})));
        // S1 pedicle to the superior articular process.
        mass_.push_back(bound(limb({x * 15, 2, -14}, anchors[static_cast<std::size_t>(s)] + glm::vec3(0, -6, 3), {5, 6}, {6, 6})));
        const FacetJoint& j = joints_[static_cast<std::size_t>(s)];
        const glm::vec3 base = anchors[static_cast<std::size_t>(s)] + glm::vec3(0, -6, 3);
        superior_[static_cast<std::size_t>(s)] = bound(limb(base, j.centre + j.up * 5.0f + j.normal * 2.5f, {7, 5}, {6, 4.5f}, j.tangent()));
    }
    // Fused laminae (posterior wall) and the median sacral crest.
    mass_.push_back(bound(limb({0, -2, -30}, {0, -60, -22}, {17, 4.5f}, {10, 4}, {1, 0, 0})));
    mass_.push_back(bound(limb({0, -6, -34}, {0, -62, -25}, {2.5f, 4}, {2, 3}, {1, 0, 0})));
    // Coccyx: three small segments hooked forward below the apex.
    const glm::vec3 c0 = kSegments.back() + glm::vec3(0, -7, 5), c1 = c0 + glm::vec3(0, -7, 5), c2 = c1 + glm::vec3(0, -6, 5);
    coccyx_.push_back(bound(limb(kSegments.back(), c0, {5, 4}, {5.5f, 4})));
    coccyx_.push_back(bound(limb(c0, c1, {5, 3.5f}, {4, 3})));
    coccyx_.push_back(bound(limb(c1, c2, {3.5f, 3}, {2.5f, 2.2f})));
    // Canal: from the S1 canal (behind the body) down to the hiatus, opening at the back low down.
    canalPath_ = {{0, 12, -25}, {0, -20, -24}, {0, -45, -20}, {0, -62, -17}, {0, -74, -16}};

    bounds_.lo = glm::vec3(-62, -125, -45);
    bounds_.hi = glm::vec3(62, 0.5f * std::max(s1.anteriorHeight, s1.posteriorHeight) + 12.0f, 32);
}

float SacrumShape::canal(const glm::vec3& p) const {
    float f = 1e9f;
    for (std::size_t i = 0; i + 1 < canalPath_.size(); ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(canalPath_.size() - 1);
        const glm::vec2 size(sdf::mix(13.0f, 6.0f, t), sdf::mix(7.5f, 3.5f, t));
        f = std::min(f, sdf::limb(p, limb(canalPath_[i], canalPath_[i + 1], size, size * 0.85f)));
    }
    return f;
}

// Four pairs of foramina, as shallow-ended channels through the bone front to back.
float SacrumShape::foramina(const glm::vec3& p) const {
    const std::array<float, 4> y = {-15, -37, -57, -73};
    const std::array<float, 4> x = {18, 16.5f, 14.5f, 12};
    const std::array<float, 4> r = {4.5f, 4.0f, 3.3f, 2.7f};
    float f = 1e9f;
    for (std::size_t i = 0; i < 4; ++i)
        for (float side : {1.0f, -1.0f}) {
            const glm::vec2 d(p.x - side * x[i], p.y - y[i]);
            f = std::min(f, glm::length(d) - r[i]);
        }
    return f;
}

float SacrumShape::distance(const glm::vec3& p) const {
    float f = sdf::smoothUnion(body_.distance(p), unionOfLimbs(mass_, p, 5.0f), 4.0f);
    for (std::size_t s = 0; s < 2; ++s) {
        const float sup = sdf::smoothIntersect(sdf::limb(p, superior_[s].limb), -(joints_[s].side(p) + 0.5f * joints_[s].gap), 0.6f);
        f = sdf::smoothUnion(f, sup, 1.5f);
    }
    f = sdf::smoothUnion(f, unionOfLimbs(coccyx_, p, 1.2f), 1.2f);
    f = sdf::smoothSubtract(f, canal(p), 1.0f);
    return sdf::smoothSubtract(f, foramina(p), 1.0f);
}

} // namespace spine_model
