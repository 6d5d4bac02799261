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

Part bound(const sdf::Limb& l, float blend = 5.0f) { return limbPart(l, blend); }

// Stations down the sacrum (S1 frame, mm; all estimates): centres of the fused bodies S1..S5 and of
// the apex, down and then forward (the anterior concavity); half width and half depth of each body;
// half width of the whole bone at that level (alae and lateral masses); half thickness of the
// lateral masses.
struct Station {
    glm::vec3 centre;
    glm::vec2 body;
    float halfWidth;
    float massHalf;
};
const std::array<Station, 6> kStations = {{
    {{0, 0, 0}, {20, 15}, 50, 12},
    {{0, -26, -3}, {15, 12}, 46, 10},
    {{0, -48, -4}, {12, 10}, 35, 8},
    {{0, -66, -1}, {9, 8}, 24, 6},
    {{0, -81, 4}, {7, 6.5f}, 15, 5},
    {{0, -92, 10}, {5, 5}, 8, 4},
}};

sdf::Plate plateThrough(std::initializer_list<glm::vec3> corners, float halfThickness, float edge, const glm::vec3& gradient = glm::vec3(0.0f)) {
    const std::vector<glm::vec3> c(corners);
    return sdf::makePlate(c.data(), static_cast<int>(c.size()), halfThickness, edge, gradient);
}

} // namespace

SacrumShape::SacrumShape(const BodyParams& s1, const std::array<FacetJoint, 2>& l5Joints, const std::array<glm::vec3, 2>& anchors)
    : body_(s1), joints_(l5Joints) {
    // The fused bodies.
    for (std::size_t i = 0; i + 1 < kStations.size(); ++i)
        mass_.push_back(bound(limb(kStations[i].centre + glm::vec3(0, i == 0 ? -6.0f : 0.0f, 0), kStations[i + 1].centre, kStations[i].body,
                                   kStations[i + 1].body)));
    for (int s = 0; s < 2; ++s) {
        const float x = sideSign(s);
        // Alae and lateral masses: one plate per segment, continuous from the bodies to the lateral
        // border (whose upper part, S1-S3, is the auricular surface); the ala's upper surface slopes
        // down laterally.
        for (std::size_t i = 0; i + 2 < kStations.size(); ++i) {
            const Station &a = kStations[i], &b = kStations[i + 1];
            const float innerTop = i == 0 ? 8.0f : 0.0f, outerTop = i == 0 ? -4.0f : 0.0f;
            const glm::vec3 c0(x * (a.body.x - 3.0f), a.centre.y + innerTop, a.centre.z - 4.0f);
            const glm::vec3 c1(x * a.halfWidth, a.centre.y + outerTop, a.centre.z - 6.0f);
            const glm::vec3 c2(x * b.halfWidth, b.centre.y, b.centre.z - 6.0f);
            const glm::vec3 c3(x * (b.body.x - 3.0f), b.centre.y, b.centre.z - 4.0f);
            const glm::vec3 gradient = glm::vec3(0.0f, (a.massHalf - b.massHalf) / (a.centre.y - b.centre.y), 0.0f);
            mass_.push_back(platePart(sdf::roundCorners(plateThrough({c0, c1, c2, c3}, 0.5f * (a.massHalf + b.massHalf), 4.0f, gradient), 5.0f), 8.0f));
        }
        // S1 pedicle to the superior articular process.
        mass_.push_back(bound(limb({x * 15, 2, -14}, anchors[static_cast<std::size_t>(s)] + glm::vec3(0, -12, 4), {5, 6}, {6, 6})));
        const FacetJoint& j = joints_[static_cast<std::size_t>(s)];
        const ArticularPlate plate = superiorProcess(j);
        superior_.push_back(plate);
        const glm::vec3 middle = j.centre - j.normal * (0.5f * j.gap + 0.5f * plate.thickness);
        mass_.push_back(bound(limb(anchors[static_cast<std::size_t>(s)] + glm::vec3(0, -12, 4), middle - j.up * 4.0f, {6, 5}, {5.5f, 4.0f}, j.tangent())));
        cuts_.push_back({inferiorProcess(j)});
    }
    // Fused laminae (the posterior wall, flat with rounded borders) and the median sacral crest: a
    // row of four tubercles, the fused spinous processes.
    sdf::Limb wall = limb({0, -2, -30}, {0, -62, -21}, {17, 4.5f}, {9, 3.5f}, {1, 0, 0});
    wall.section = sdf::Section::Box;
    wall.rounding = 0.9f;
    mass_.push_back(bound(wall));
    for (int k = 0; k < 4; ++k) {
        const float t = static_cast<float>(k) / 3.0f;
        const glm::vec3 tubercle = glm::mix(glm::vec3(0, -6, -34.5f), glm::vec3(0, -58, -24.5f), t);
        mass_.push_back(blobPart(sdf::makeBlob(tubercle, glm::vec3(0, 1, 0), glm::vec3(1, 0, 0), glm::vec3(6.0f - 1.2f * t, 2.6f, 3.0f - 0.5f * t)), 2.0f));
    }
    // Coccyx: three small segments hooked forward below the apex.
    const glm::vec3 c0 = kStations.back().centre + glm::vec3(0, -7, 5), c1 = c0 + glm::vec3(0, -7, 5), c2 = c1 + glm::vec3(0, -6, 5);
    coccyx_.push_back(bound(limb(kStations.back().centre, c0, {5, 4}, {5.5f, 4}), 1.2f));
    coccyx_.push_back(bound(limb(c0, c1, {5, 3.5f}, {4, 3}), 1.2f));
    coccyx_.push_back(bound(limb(c1, c2, {3.5f, 3}, {2.5f, 2.2f}), 1.2f));
    // Canal: from the S1 canal (behind the body) down to the hiatus, opening at the back low down.
    canalPath_ = {{0, 12, -25}, {0, -20, -24}, {0, -45, -20}, {0, -62, -17}, {0, -74, -16}};

    massSet_ = PartSet(mass_, 12.0f);
    coccyxSet_ = PartSet(coccyx_, 12.0f);
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

// Four pairs of foramina: channels through the lateral masses from front to back, funnelling wider
// towards the front (the anterior foramina are the larger).
float SacrumShape::foramina(const glm::vec3& p) const {
    const std::array<float, 4> y = {-15, -37, -57, -73};
    const std::array<float, 4> x = {18, 16.5f, 14.5f, 12};
    const std::array<float, 4> r = {4.2f, 3.7f, 3.1f, 2.5f};
    float f = 1e9f;
    for (std::size_t i = 0; i < 4; ++i)
        for (float side : {1.0f, -1.0f}) {
            const glm::vec2 d(p.x - side * x[i], p.y - y[i]);
            const float flare = 0.12f * std::clamp(p.z + 10.0f, 0.0f, 25.0f);
            f = std::min(f, glm::length(d) - r[i] - flare);
        }
    return f;
}

float SacrumShape::distance(const glm::vec3& p) const {
    float f = sdf::smoothUnion(body_.distance(p), massSet_.distance(p), 4.0f);
    for (const JointCut& cut : cuts_) f = sdf::smoothIntersect(f, cut.keep(p, 0.6f), 0.6f);
    for (const ArticularPlate& a : superior_) f = sdf::smoothUnion(f, a.distance(p), 1.6f);
    f = sdf::smoothUnion(f, coccyxSet_.distance(p), 1.2f);
    f = sdf::smoothSubtract(f, canal(p), 1.0f);
    f = sdf::smoothSubtract(f, foramina(p), 2.0f);
    for (const JointCut& cut : cuts_) f = sdf::smoothIntersect(f, cut.keep(p, -0.7f), 0.6f);
    return f;
}

} // namespace spine_model
