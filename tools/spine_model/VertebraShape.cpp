#include "VertebraShape.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

constexpr float kArchFillet = 2.5f;   // mm, blends between the parts of the arch
constexpr float kBodyFillet = 2.0f;   // mm, where the pedicles meet the body
constexpr float kFacetEdge = 0.6f;    // mm, rounding of the facet margins
constexpr float kArticularFillet = 1.5f; // mm, small so the fillet does not swell past the facet
constexpr float kSocketEdge = 0.8f;   // mm, rounding of the costal facet margins

sdf::Limb makeLimb(const glm::vec3& a, const glm::vec3& b, glm::vec2 sizeA, glm::vec2 sizeB, const glm::vec3& widthDir,
                   float boxiness = 0.0f) {
    sdf::Limb l;
    l.a = a;
    l.b = b;
    l.sizeA = sizeA;
    l.sizeB = sizeB;
    l.widthDir = widthDir;
    l.boxiness = boxiness;
    return l;
}

// Moves p along the joint normal, if needed, so that it lies at least `offset` on the wanted side of
// the joint (negative: the superior-process side): a process rooted on the wrong side would be cut
// off its own bone.
glm::vec3 keepOnSide(const FacetJoint& joint, const glm::vec3& p, float offset) {
    const float side = joint.side(p);
    if (offset < 0.0f && side > offset) return p - joint.normal * (side - offset);
    if (offset > 0.0f && side < offset) return p + joint.normal * (offset - side);
    return p;
}

} // namespace

BoundedLimb bound(const sdf::Limb& limb) {
    BoundedLimb b;
    b.limb = limb;
    b.centre = 0.5f * (limb.a + limb.b);
    const float size = std::max(std::max(limb.sizeA.x, limb.sizeA.y), std::max(limb.sizeB.x, limb.sizeB.y));
    b.radius = 0.5f * glm::length(limb.b - limb.a) + 1.5f * size;
    return b;
}

float unionOfLimbs(const std::vector<BoundedLimb>& limbs, const glm::vec3& p, float k, float start) {
    float f = start;
    for (const BoundedLimb& l : limbs) {
        if (glm::length(p - l.centre) - l.radius > f + k) continue;
        f = sdf::smoothUnion(f, sdf::limb(p, l.limb), k);
    }
    return f;
}

VertebraShape::VertebraShape(const VertebraGeometry& geometry, const std::array<FacetJoint, 2>& above,
                             const std::array<FacetJoint, 2>& below, std::vector<Socket> sockets)
    : g_(geometry), body_(geometry.body), above_(above), below_(below), sockets_(std::move(sockets)) {
    addPedicles();
    addLaminaeAndSpinous();
    addTransverseProcesses();
    addArticularProcesses();

    const float h = 0.5f * std::max(g_.body.anteriorHeight, g_.body.posteriorHeight) + 2.0f;
    bounds_.lo = glm::vec3(-0.5f * g_.body.width - 2.0f, -h, -0.5f * g_.body.depth - 4.0f);
    bounds_.hi = glm::vec3(0.5f * g_.body.width + 2.0f, h, 0.5f * g_.body.depth + 2.0f);
    std::vector<BoundedLimb> all = limbs_;
    all.insert(all.end(), superior_.begin(), superior_.end());
    all.insert(all.end(), inferior_.begin(), inferior_.end());
    for (const BoundedLimb& l : all) {
        bounds_.lo = glm::min(bounds_.lo, l.centre - glm::vec3(l.radius));
        bounds_.hi = glm::max(bounds_.hi, l.centre + glm::vec3(l.radius));
    }
}

void VertebraShape::addPedicles() {
    // Narrowest at the isthmus (the table's width and height), flaring into the body and the arch.
    for (const PedicleGeometry& p : g_.pedicles) {
        const glm::vec2 isthmus(0.5f * p.width, 0.5f * p.height);
        limbs_.push_back(bound(makeLimb(p.isthmus, p.front, isthmus, isthmus + glm::vec2(2.0f, 1.5f), glm::vec3(1, 0, 0))));
        limbs_.push_back(bound(makeLimb(p.isthmus, p.back, isthmus, isthmus + glm::vec2(1.5f, 1.5f), glm::vec3(1, 0, 0))));
    }
}

void VertebraShape::addLaminaeAndSpinous() {
    const glm::vec3 thickness(0.0f, -std::sin(g_.laminaTilt), std::cos(g_.laminaTilt));
    for (int s = 0; s < 2; ++s) {
        const glm::vec3 root = g_.pedicles[static_cast<std::size_t>(s)].back + glm::vec3(-sideSign(s) * 2.0f, -2.0f, 0.0f);
        limbs_.push_back(bound(makeLimb(root, g_.laminaMid, g_.lamina, g_.lamina, thickness)));
    }
    const glm::vec3 base = g_.laminaMid;
    const glm::vec3 tip = g_.spinousTip;
    if (g_.thoracic) {
        // Long, slender, steeply sloping, ending in a small tubercle.
        limbs_.push_back(bound(makeLimb(base, tip, glm::vec2(3.2f, 7.0f), glm::vec2(2.0f, 3.2f), glm::vec3(1, 0, 0))));
        const glm::vec3 dir = glm::normalize(tip - base);
        limbs_.push_back(bound(makeLimb(tip - dir * 3.0f, tip + dir * 1.0f, glm::vec2(3.2f, 4.0f), glm::vec2(3.0f, 3.5f), glm::vec3(1, 0, 0))));
    } else {
        // Lumbar: a broad, horizontal, hatchet-shaped plate with a thickened posterior border.
        limbs_.push_back(bound(makeLimb(base, tip, glm::vec2(2.8f, 8.5f), glm::vec2(3.0f, 10.5f), glm::vec3(1, 0, 0), 0.6f)));
        limbs_.push_back(bound(makeLimb(tip + glm::vec3(0.0f, 9.0f, 1.5f), tip + glm::vec3(0.0f, -9.5f, 1.5f), glm::vec2(4.0f, 2.5f),
                                        glm::vec2(4.2f, 3.0f), glm::vec3(1, 0, 0))));
    }
}

void VertebraShape::addTransverseProcesses() {
    for (int s = 0; s < 2; ++s) {
        const glm::vec3 base = g_.transverseBase[static_cast<std::size_t>(s)];
        const glm::vec3 tip = g_.transverseTip[static_cast<std::size_t>(s)];
        if (g_.thoracic) {
            limbs_.push_back(bound(makeLimb(base, tip, glm::vec2(5.0f, 4.5f), glm::vec2(4.0f, 4.0f), glm::vec3(0, 1, 0))));
            const glm::vec3 dir = glm::normalize(tip - base);
            limbs_.push_back(bound(makeLimb(tip - dir * 4.0f, tip, glm::vec2(5.5f, 5.0f), glm::vec2(5.5f, 5.0f), glm::vec3(0, 1, 0))));
        } else {
            // Flat in the coronal plane: tall and thin, tapering.
            const bool l5 = g_.levelIndex == kLevelCount - 1;
            const glm::vec2 root = l5 ? glm::vec2(7.0f, 5.5f) : glm::vec2(5.0f, 3.2f);
            const glm::vec2 end = l5 ? glm::vec2(5.0f, 4.0f) : glm::vec2(3.5f, 2.0f);
            limbs_.push_back(bound(makeLimb(base, tip, root, end, glm::vec3(0, 1, 0))));
        }
    }
}

void VertebraShape::addArticularProcesses() {
    const glm::vec2 superiorSize = g_.thoracic ? glm::vec2(5.5f, 3.2f) : glm::vec2(6.5f, 4.8f);
    const glm::vec2 inferiorSize = g_.thoracic ? glm::vec2(5.5f, 3.2f) : glm::vec2(6.0f, 4.5f);
    for (int s = 0; s < 2; ++s) {
        const PedicleGeometry& ped = g_.pedicles[static_cast<std::size_t>(s)];
        // Superior process: rises from the back of the pedicle past the joint surface (then cut to it).
        const FacetJoint& a = above_[static_cast<std::size_t>(s)];
        const glm::vec3 supBase = keepOnSide(a, ped.back + glm::vec3(0.0f, 3.0f, 0.0f), -(0.5f * a.gap + superiorSize.y));
        const glm::vec3 supTip = a.centre + a.up * 5.0f + a.normal * 2.5f;
        superior_[static_cast<std::size_t>(s)] = bound(makeLimb(supBase, supTip, superiorSize, superiorSize * 0.9f, a.tangent()));
        // Inferior process: hangs from the lamina down past the joint below.
        const FacetJoint& b = below_[static_cast<std::size_t>(s)];
        const glm::vec3 infBase = keepOnSide(b, glm::mix(ped.back, g_.laminaMid, 0.3f) + glm::vec3(0.0f, -0.6f * g_.lamina.y, 0.0f),
                                             0.5f * b.gap + inferiorSize.y);
        const glm::vec3 infTip = b.centre - b.up * 5.0f - b.normal * 2.5f;
        inferior_[static_cast<std::size_t>(s)] = bound(makeLimb(infBase, infTip, inferiorSize * 1.1f, inferiorSize, b.tangent()));
        if (!g_.thoracic) {
            // Mammillary process: a knob on the back of the superior process.
            const glm::vec3 knob = glm::mix(supBase, supTip, 0.35f) + glm::vec3(sideSign(s) * 1.0f, 0.0f, -4.0f);
            limbs_.push_back(bound(makeLimb(knob, knob + glm::vec3(0, 2.0f, -0.5f), glm::vec2(2.4f), glm::vec2(2.2f), glm::vec3(1, 0, 0))));
        }
    }
}

// The articular processes, each cut to its side of the joint it forms.
float VertebraShape::articular(const glm::vec3& p) const {
    float f = 1e9f;
    for (std::size_t s = 0; s < 2; ++s) {
        const float sup = sdf::smoothIntersect(sdf::limb(p, superior_[s].limb), -(above_[s].side(p) + 0.5f * above_[s].gap), kFacetEdge);
        const float inf = sdf::smoothIntersect(sdf::limb(p, inferior_[s].limb), below_[s].side(p) - 0.5f * below_[s].gap, kFacetEdge);
        f = std::min(f, std::min(sup, inf));
    }
    return f;
}

float VertebraShape::canal(const glm::vec3& p) const {
    const glm::vec2 q(p.x, p.z - g_.canalCentre.y);
    // Thoracic canals are round; lumbar ones triangular, narrowing backwards.
    const float narrowing = g_.thoracic ? 0.0f : 0.25f;
    const float scale = 1.0f + narrowing * std::clamp(-q.y / g_.canalHalf.y, 0.0f, 1.0f);
    return sdf::ellipse(glm::vec2(q.x * scale, q.y), g_.canalHalf) / scale;
}

float VertebraShape::arch(const glm::vec3& p) const {
    const float parts = sdf::smoothUnion(unionOfLimbs(limbs_, p, kArchFillet), articular(p), kArticularFillet);
    return sdf::smoothSubtract(parts, canal(p), 0.8f);
}

float VertebraShape::distance(const glm::vec3& p) const {
    float f = sdf::smoothUnion(body_.distance(p), arch(p), kBodyFillet);
    for (const Socket& socket : sockets_) f = sdf::smoothSubtract(f, sdf::sphere(p, socket.centre, socket.radius), kSocketEdge);
    return f;
}

} // namespace spine_model
