#include "VertebraShape.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

constexpr float kBodyFillet = 2.0f;      // mm, where the pedicles meet the body
constexpr float kArchFillet = 2.5f;      // mm, between the large parts of the arch
constexpr float kArticularFillet = 1.6f; // mm, where the articular processes meet the arch
constexpr float kKnobFillet = 1.2f;      // mm, small tubercles
constexpr float kCanalEdge = 0.8f;       // mm, rounding where the canal is carved
constexpr float kFacetEdge = 0.6f;       // mm, rounding where fillets are clipped short of a facet
constexpr float kPocketEdge = 1.5f;      // mm, rounding of the pockets cut for a neighbour's process
constexpr float kSocketEdge = 0.8f;      // mm, rounding of the costal facet margins

sdf::Plate plateThrough(std::initializer_list<glm::vec3> corners, float halfThickness, float edge, const glm::vec3& gradient = glm::vec3(0.0f)) {
    const std::vector<glm::vec3> c(corners);
    return sdf::makePlate(c.data(), static_cast<int>(c.size()), halfThickness, edge, gradient);
}

} // namespace

float ArticularPlate::distance(const glm::vec3& p) const {
    const float sigma = processSide * joint.side(p); // depth on this process's side of the joint surface
    const glm::vec2 uv = joint.surfaceCoords(p) - outlineCentre;
    // Thickest in the middle, thinning towards the rims: a rounded back behind a flat facet.
    const float q = std::min(glm::length(uv / outlineHalf), 1.0f);
    const float half = 0.5f * thickness * (0.7f + 0.3f * (1.0f - q * q));
    const float dn = std::max(std::abs(sigma - (0.5f * joint.gap + half)) - half, joint.farSide(p));
    const float d2 = sdf::roundedRect(uv, outlineHalf, cornerRadius);
    return sdf::roundedExtrusion(d2, dn, std::min(edge, 0.9f * half));
}

ArticularPlate superiorProcess(const FacetJoint& joint) {
    ArticularPlate plate;
    plate.joint = joint;
    plate.processSide = -1.0f;
    if (joint.radius <= 0.0f) { // thoracic: a thin flat plate, the facet on its back
        plate.thickness = 3.6f;
        plate.outlineCentre = glm::vec2(0.0f, -1.5f);
        plate.outlineHalf = glm::vec2(5.5f, 7.5f);
        plate.cornerRadius = 5.0f;
        plate.edge = 1.2f;
    } else { // lumbar: a broad curved plate, the concave facet on its medial side
        plate.thickness = 5.6f;
        plate.outlineCentre = glm::vec2(0.0f, -2.5f);
        plate.outlineHalf = glm::vec2(7.0f, 9.0f);
        plate.cornerRadius = 6.5f;
        plate.edge = 1.8f;
    }
    return plate;
}

ArticularPlate inferiorProcess(const FacetJoint& joint) {
    ArticularPlate plate;
    plate.joint = joint;
    plate.processSide = 1.0f;
    if (joint.radius <= 0.0f) { // thoracic: a plate hanging from the lamina, the facet on its front
        plate.thickness = 4.0f;
        plate.outlineCentre = glm::vec2(0.0f, 1.5f);
        plate.outlineHalf = glm::vec2(5.5f, 8.0f);
        plate.cornerRadius = 5.2f;
        plate.edge = 1.4f;
    } else { // lumbar: a thick rounded process, the convex facet facing forward and out
        plate.thickness = 7.0f;
        plate.outlineCentre = glm::vec2(0.0f, 1.5f);
        plate.outlineHalf = glm::vec2(6.0f, 10.5f);
        plate.cornerRadius = 5.9f;
        plate.edge = 2.5f;
    }
    return plate;
}

float JointCut::keep(const glm::vec3& p, float clearance) const {
    const FacetJoint& joint = neighbour.joint;
    const float sigma = neighbour.processSide * joint.side(p); // depth on the neighbour's side
    const glm::vec2 uv = joint.surfaceCoords(p) - neighbour.outlineCentre;
    const float outside = std::max(sdf::roundedRect(uv, neighbour.outlineHalf + glm::vec2(margin), neighbour.cornerRadius + margin), joint.farSide(p));
    // Kept: on this bone's side of the pocket's face, or beside the neighbour's process (a steep ramp,
    // so the pocket has no sharp corner inside the bone), or beyond its depth.
    const float reach = 0.5f * joint.gap + neighbour.thickness + margin;
    // (Smooth minima, so the pocket has no sharp inner edges either.)
    return sdf::smoothUnion(sdf::smoothUnion(sigma + 0.5f * joint.gap + clearance, reach - sigma, 1.0f), -2.0f * outside, 1.0f);
}

bool JointCut::reaches(const glm::vec3& p, float /*f*/, float /*k*/) const {
    // The pockets reach 20 mm from a joint's centre at most; beyond 30 mm keep() is far below any
    // value a surface uses.
    return glm::distance(p, neighbour.joint.centre) <= 30.0f;
}

VertebraShape::VertebraShape(const VertebraGeometry& geometry, const std::array<FacetJoint, 2>& above,
                             const std::array<FacetJoint, 2>& below, std::vector<Socket> sockets)
    : g_(geometry), body_(geometry.body), above_(above), below_(below), sockets_(std::move(sockets)) {
    addPedicles();
    addLaminae();
    addLaminarJunction();
    addSpinous();
    addTransverseProcesses();
    addArticularProcesses();

    const float h = 0.5f * std::max(g_.body.anteriorHeight, g_.body.posteriorHeight) + 2.0f;
    bounds_.lo = glm::vec3(-0.5f * g_.body.width - 2.0f, -h, -0.5f * g_.body.depth - 4.0f);
    bounds_.hi = glm::vec3(0.5f * g_.body.width + 2.0f, h, 0.5f * g_.body.depth + 2.0f);
    // A box round the body (its distance is a lower bound of the body's).
    const float halfHeight = 0.5f * std::max(g_.body.anteriorHeight, g_.body.posteriorHeight) + 1.0f;
    bodyBox_.centre = glm::vec3(0.0f, 0.0f, -0.5f * g_.body.notch);
    bodyBox_.half = glm::vec3(0.5f * g_.body.width + 0.5f, halfHeight, 0.5f * g_.body.depth + 0.5f * g_.body.notch + 0.5f);
    const Box parts = boundsOf(parts_);
    arch_ = PartSet(std::move(parts_));
    bounds_.lo = glm::min(bounds_.lo, parts.lo);
    bounds_.hi = glm::max(bounds_.hi, parts.hi);
    for (const ArticularPlate& a : articular_) {
        const float r = glm::length(glm::abs(a.outlineCentre) + a.outlineHalf) + a.thickness + 2.0f;
        bounds_.lo = glm::min(bounds_.lo, a.joint.centre - glm::vec3(r));
        bounds_.hi = glm::max(bounds_.hi, a.joint.centre + glm::vec3(r));
    }
}

void VertebraShape::addPedicles() {
    // Narrowest at the isthmus (the table's width and height), flaring into the body and the pillar.
    for (const PedicleGeometry& p : g_.pedicles) {
        const glm::vec2 isthmus(0.5f * p.width, 0.5f * p.height);
        // The isthmus keeps its section a little way forward, as far as a converging pedicle's medial
        // wall reaches the transverse line through the isthmus (where the canal's width is taken).
        const float medialSine = std::sqrt(std::max(0.0f, 1.0f - p.axis.z * p.axis.z - p.axis.y * p.axis.y));
        const glm::vec3 waistEnd = p.isthmus + p.axis * (0.5f * p.width * medialSine + 1.5f);
        parts_.push_back(bar(waistEnd, p.front, isthmus, isthmus + glm::vec2(2.0f, 1.5f), glm::vec3(1, 0, 0), kBodyFillet));
        // Joined without fillets, which would fatten the isthmus.
        parts_.push_back(bar(p.isthmus, waistEnd, isthmus, isthmus, glm::vec3(1, 0, 0), 0.0f));
        parts_.push_back(bar(p.isthmus, p.back, isthmus, isthmus + glm::vec2(1.2f, 1.0f), glm::vec3(1, 0, 0), 0.0f));
    }
}

void VertebraShape::addLaminae() {
    const bool lumbar = g_.levelIndex >= 12;
    for (int s = 0; s < 2; ++s) {
        const ArchSide& a = g_.arch[static_cast<std::size_t>(s)];
        const auto& c = a.lamina;
        parts_.push_back(platePart(sdf::roundCorners(plateThrough({c[0], c[1], c[2], c[3]}, g_.laminaHalfThickness, 1.5f), 2.0f), kArchFillet));
        // The articular pillar: from the pedicle's end down the lateral border of the lamina (the pars
        // interarticularis in the lumbar spine) to the inferior articular process's root.
        const glm::vec3 parsBottom = glm::mix(c[3], c[0], 0.3f) + glm::vec3(0.0f, 0.0f, 0.5f);
        const glm::vec2 pars = lumbar ? glm::vec2(4.0f, 3.6f) : glm::vec2(3.4f, 3.0f) + g_.lumbarness * glm::vec2(0.6f);
        parts_.push_back(bar(a.pillar, parsBottom, pars + glm::vec2(0.6f), pars, glm::vec3(0, 0, 1), kArchFillet));
    }
}

void VertebraShape::addLaminarJunction() {
    // Where the laminae meet in the midline: a rounded ridge that fills the notch their rims would
    // leave there, along the whole height of the junction.
    const float z = g_.spinousBase.z + g_.laminaHalfThickness;
    const glm::vec3 top(0.0f, g_.laminaTop - 1.5f, z + (g_.laminaTop - 1.5f - g_.measureY) * g_.laminaSlope);
    const glm::vec3 bottom(0.0f, g_.laminaBottom + 1.5f, z + (g_.laminaBottom + 1.5f - g_.measureY) * g_.laminaSlope);
    parts_.push_back(bar(top, bottom, glm::vec2(2.5f, g_.laminaHalfThickness + 0.3f), glm::vec2(2.5f, g_.laminaHalfThickness + 0.3f), glm::vec3(1, 0, 0),
                         kArchFillet));
}

void VertebraShape::addSpinous() {
    const LevelMorphometry& m = levelTable()[static_cast<std::size_t>(g_.levelIndex)];
    const glm::vec3 base = g_.spinousBase;
    const glm::vec3 back = glm::normalize(g_.spinousTip - base); // along the process
    const glm::vec3 up = glm::normalize(glm::cross(glm::vec3(1, 0, 0), back)) * -1.0f;
    const glm::vec3 upward = up.y < 0.0f ? -up : up;           // perpendicular to it, in the sagittal plane
    const float length = m.spinousLength;
    if (g_.lumbarness >= 0.5f) {
        // Lumbar: a thick, broad, quadrangular horizontal plate (a hatchet), its lower border rising
        // from the laminae and falling to the posteroinferior angle, its posterior border thickened.
        const bool l5 = g_.levelIndex == kLevelCount - 1;
        const float above = g_.laminaTop - g_.measureY - (l5 ? 5.0f : 1.0f);
        const float below = g_.measureY - g_.laminaBottom + (g_.lumbarness < 1.0f ? 0.0f : 1.0f) - (l5 ? 1.5f : 0.0f);
        const float scale = g_.lumbarness < 1.0f ? 0.85f : l5 ? 0.85f : 1.0f;
        const glm::vec3 c0 = base - back * 4.0f + upward * above;
        const glm::vec3 c1 = base + back * length + upward * (above - 1.0f) * scale;
        const glm::vec3 c2 = base + back * (length + 1.0f) - upward * (below + 0.5f) * scale;
        const glm::vec3 c3 = base + back * (0.5f * length) - upward * (below - 2.5f) * scale;
        const glm::vec3 c4 = base - back * 4.0f - upward * below;
        const float half = g_.lumbarness < 1.0f ? 2.8f : 3.3f;
        parts_.push_back(platePart(sdf::roundCorners(plateThrough({c0, c1, c2, c3, c4}, half, 2.2f, back * 0.025f), 3.0f), kArchFillet));
        // Thickened posterior border (a vertical bar, thickest at the posteroinferior angle), and a
        // rounded upper border thickening backwards.
        const glm::vec3 in = -back * 3.0f;
        parts_.push_back(bar(c1 + in - upward * 2.0f, c2 + in + upward * 2.0f, glm::vec2(4.6f, 3.0f) * scale, glm::vec2(5.0f, 3.4f) * scale,
                             glm::vec3(1, 0, 0), kArchFillet));
        parts_.push_back(bar(base + upward * (above - 1.8f), c1 + in - upward * 2.0f, glm::vec2(3.2f, 2.2f) * scale,
                             glm::vec2(4.4f, 2.8f) * scale, glm::vec3(1, 0, 0), kArchFillet));
    } else {
        // Thoracic: long and slender, steeply sloping, rising from the whole height of the laminae's
        // junction; thin at its sharp upper border and thicker below (triangular in section); ending
        // in a small tubercle.
        const float t = g_.lumbarness;
        const glm::vec3 rootTop(0.0f, g_.laminaTop - 1.0f, g_.spinousBase.z + (g_.laminaTop - 1.0f - g_.measureY) * g_.laminaSlope);
        const glm::vec3 rootBottom(0.0f, g_.laminaBottom + 1.0f, g_.spinousBase.z + (g_.laminaBottom + 1.0f - g_.measureY) * g_.laminaSlope);
        const glm::vec3 tip = g_.spinousTip;
        const float tipHalf = 2.6f + 1.5f * t;
        const glm::vec3 c0 = rootTop + glm::vec3(0.0f, 0.0f, 2.0f), c1 = tip + upward * tipHalf, c2 = tip - upward * tipHalf,
                        c3 = rootBottom + glm::vec3(0.0f, 0.0f, 2.0f);
        // Half thickness 2.6 mm along the lower border, 1.2 mm less along the upper one.
        const glm::vec3 across = -upward * (1.2f / std::max(glm::distance(c0, c3), 1.0f));
        parts_.push_back(platePart(sdf::roundCorners(plateThrough({c0, c1, c2, c3}, 2.0f + 0.5f * t, 1.2f, across), 1.5f), kArchFillet));
        parts_.push_back(bar(glm::mix(rootBottom, tip, 0.3f), tip, glm::vec2(2.4f, 2.0f) + t * 0.6f, glm::vec2(2.2f, 1.8f) + t * 0.6f,
                             glm::vec3(1, 0, 0), kArchFillet));
        parts_.push_back(blobPart(sdf::makeBlob(tip + back * 0.5f, back, glm::vec3(1, 0, 0), glm::vec3(3.4f, 2.9f, 3.6f) + t * 0.8f), kArchFillet));
    }
}

void VertebraShape::addTransverseProcesses() {
    const bool lumbar = g_.levelIndex >= 12;
    const bool l5 = g_.levelIndex == kLevelCount - 1;
    for (int s = 0; s < 2; ++s) {
        const ArchSide& a = g_.arch[static_cast<std::size_t>(s)];
        const float side = sideSign(s);
        const glm::vec3 base = a.transverseBase, tip = a.transverseTip;
        const glm::vec3 dir = glm::normalize(tip - base);
        if (g_.thoracic) {
            // Stout, ending in a club whose front carries the costal facet for the rib's tubercle.
            const float club = g_.levelIndex <= 9 ? 1.0f : 0.7f;
            parts_.push_back(bar(base, tip - dir * 2.0f, glm::vec2(5.0f, 4.2f), glm::vec2(4.2f, 3.8f) * club, glm::vec3(0, 1, 0), kArchFillet));
            parts_.push_back(blobPart(sdf::makeBlob(tip - dir * 1.5f, dir, glm::vec3(0, 1, 0), glm::vec3(4.5f, 5.2f, 4.6f) * club), kArchFillet));
        } else if (!lumbar) {
            // T12: a short process with a lateral tubercle; mammillary and accessory tubercles.
            parts_.push_back(bar(base, tip, glm::vec2(4.6f, 4.2f), glm::vec2(3.6f, 3.4f), glm::vec3(0, 1, 0), kArchFillet));
            parts_.push_back(blobPart(sdf::makeBlob(a.pillar + glm::vec3(side * 2.0f, 4.0f, -6.0f), glm::vec3(0, 1, 0), glm::vec3(1, 0, 0),
                                                    glm::vec3(3.2f, 2.6f, 2.6f)),
                                      kKnobFillet));
        } else {
            // Lumbar: flat (thin front to back), tall at the root and tapering to a rounded tip.
            const float rootHalf = l5 ? 6.5f : 5.5f, tipHalf = l5 ? 4.2f : 3.2f;
            const float thick = l5 ? 3.3f : 2.3f, tipThick = l5 ? 2.5f : 1.7f;
            const glm::vec3 upDir = glm::normalize(glm::vec3(0, 1, 0) - dir * dir.y);
            const float length = glm::length(tip - base);
            const glm::vec3 b0 = base - dir * 2.0f;
            parts_.push_back(platePart(sdf::roundCorners(plateThrough({b0 + upDir * rootHalf, tip + upDir * tipHalf, tip - upDir * tipHalf, b0 - upDir * rootHalf},
                                                                      thick, 1.6f, dir * ((tipThick - thick) / length)),
                                                         2.0f),
                                       kArchFillet));
            parts_.push_back(blobPart(sdf::makeBlob(tip - dir * 1.5f, dir, upDir, glm::vec3(2.6f, tipHalf + 0.3f, tipThick + 0.4f)), kArchFillet));
            if (l5) {
                // L5's stout process also springs from the side of the pedicle and body.
                const glm::vec3 bodySide(side * 0.5f * g_.body.width * 0.85f, g_.pedicles[static_cast<std::size_t>(s)].isthmus.y,
                                         -0.5f * g_.body.depth + 5.0f);
                parts_.push_back(bar(bodySide, base + dir * 8.0f, glm::vec2(5.0f, 3.4f), glm::vec2(4.2f, 3.0f), glm::vec3(0, 1, 0), kArchFillet));
            }
            // Accessory process: a small tubercle at the back of the root.
            parts_.push_back(blobPart(sdf::makeBlob(base + dir * 4.0f + glm::vec3(0.0f, -3.0f, -thick - 0.5f), glm::vec3(0, 1, 0),
                                                    glm::vec3(1, 0, 0), glm::vec3(2.6f, 2.0f, 2.0f)),
                                      kKnobFillet));
        }
    }
}

void VertebraShape::addArticularProcesses() {
    for (int s = 0; s < 2; ++s) {
        const ArchSide& a = g_.arch[static_cast<std::size_t>(s)];
        // Superior process: a plate in front of (lumbar: lateral to) the joint above, rising from the pillar.
        {
            const FacetJoint& j = above_[static_cast<std::size_t>(s)];
            const ArticularPlate plate = superiorProcess(j);
            articular_.push_back(plate);
            const glm::vec3 middle = j.centre - j.normal * (0.5f * j.gap + 0.5f * plate.thickness);
            // (Rooted in the process's lateral half: the pillar lies lateral to the joint.)
            const glm::vec3 root = middle + j.up * (plate.outlineCentre.y - 0.55f * plate.outlineHalf.y) - j.normal * 0.3f * plate.thickness;
            const glm::vec2 size = j.radius <= 0.0f ? glm::vec2(4.0f, 2.8f) : glm::vec2(4.8f, 3.5f);
            parts_.push_back(bar(a.pillar + glm::vec3(0.0f, 1.0f, 0.0f), root, size + glm::vec2(0.5f), size, j.tangent(), kArchFillet));
            if (j.radius > 0.0f) {
                // Mammillary process: a rounded tubercle on the posterior border of the superior process.
                const glm::vec3 edge = middle + j.tangent() * (plate.outlineHalf.x - 0.5f) - j.up * 2.0f;
                parts_.push_back(blobPart(sdf::makeBlob(edge + j.tangent() * 1.5f - j.normal * 1.0f, glm::vec3(0, 1, 0), j.tangent(),
                                                        glm::vec3(4.0f, 3.0f, 3.0f)),
                                          kKnobFillet));
            }
            cuts_.push_back({inferiorProcess(j)});
        }
        // Inferior process: a plate behind (lumbar: medial to) the joint below, hanging from the lamina.
        {
            const FacetJoint& j = below_[static_cast<std::size_t>(s)];
            const ArticularPlate plate = inferiorProcess(j);
            articular_.push_back(plate);
            const glm::vec3 middle = j.centre + j.normal * (0.5f * j.gap + 0.5f * plate.thickness);
            const glm::vec3 root = middle + j.up * (plate.outlineCentre.y + 0.75f * plate.outlineHalf.y);
            const glm::vec3 lamina = glm::mix(a.lamina[3], a.lamina[0], 0.25f);
            const glm::vec2 size = j.radius > 0.0f ? glm::vec2(4.8f, 3.8f) : glm::vec2(3.6f, 2.6f);
            parts_.push_back(bar(lamina, root, size + glm::vec2(0.5f), size, j.tangent(), kArchFillet));
            cuts_.push_back({superiorProcess(j)});
        }
    }
}

float VertebraShape::canal(const glm::vec3& p) const {
    // The canal's back wall follows the laminae's slope; its front stays behind the body.
    const float zPost = -0.5f * g_.body.depth;
    const float shift = (std::clamp(p.y, g_.laminaBottom - 2.0f, g_.laminaTop + 2.0f) - g_.measureY) * g_.laminaSlope;
    const float apex = g_.canalApexZ + shift;
    const float front = zPost - g_.body.notch - 0.5f;
    const float halfWidth = g_.canalHalf.x - 1.2f; // the pedicles, not the canal, bound it at their level
    float shape;
    if (g_.canalTriangularity <= 0.0f) {
        const float halfDepth = 0.5f * (front - (apex - 1.0f));
        shape = sdf::ellipse(glm::vec2(p.x, p.z - (front - halfDepth)), glm::vec2(halfWidth, halfDepth));
    } else {
        const float tri = g_.canalTriangularity;
        const float cd = 2.0f * g_.canalHalf.y;
        // (Narrower at the front, where converging pedicles enter the body medial to the canal's wall.)
        const glm::vec2 a(halfWidth - 4.0f, front), b(halfWidth, zPost - (0.55f + 0.15f * (1.0f - tri)) * cd + shift);
        const glm::vec2 c(halfWidth * (0.55f - 0.35f * tri), apex + (0.05f + 0.12f * (1.0f - tri)) * cd);
        const glm::vec2 d(0.0f, apex - 1.5f);
        const glm::vec2 v[7] = {a, b, c, d, glm::vec2(-c.x, c.y), glm::vec2(-b.x, b.y), glm::vec2(-a.x, a.y)};
        shape = sdf::polygon(glm::vec2(p.x, p.z), v, 7);
    }
    return sdf::smoothIntersect(shape, apex - p.z, 1.5f);
}

float VertebraShape::distance(const glm::vec3& p) const {
    // The arch, then the body blended onto it; the body's exact (costly) distance is only needed
    // where it can change the result: within the blend of the arch's value.
    float f = arch_.distance(p);
    const glm::vec3 outsideBox = glm::max(glm::abs(p - bodyBox_.centre) - bodyBox_.half, glm::vec3(0.0f));
    if (glm::length(outsideBox) < f + kBodyFillet) f = sdf::smoothUnion(body_.distance(p), f, kBodyFillet);
    // Nothing but the articular processes comes within 0.6 mm of the joint spaces (the pockets this
    // leaves where a neighbour's process sits are rounded generously)...
    for (const JointCut& cut : cuts_)
        if (cut.reaches(p, f, kPocketEdge)) f = sdf::smoothIntersect(f, cut.keep(p, 0.6f), kPocketEdge);
    for (const ArticularPlate& a : articular_) {
        if (glm::distance(p, a.joint.centre) > 30.0f + f) continue;
        f = sdf::smoothUnion(f, a.distance(p), kArticularFillet);
    }
    f = sdf::smoothSubtract(f, canal(p), kCanalEdge);
    // ...and the fillets the processes bring are clipped short of the facet plane (0.7 mm in front of
    // it, farther than the blend reaches, so the facets themselves are untouched).
    for (const JointCut& cut : cuts_)
        if (cut.reaches(p, f, kFacetEdge)) f = sdf::smoothIntersect(f, cut.keep(p, -0.7f), kFacetEdge);
    for (const Socket& socket : sockets_) f = sdf::smoothSubtract(f, socket.distance(p), kSocketEdge);
    return f;
}

} // namespace spine_model
