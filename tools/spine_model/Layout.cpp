#include "Layout.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

glm::mat4 rotateX(float degrees) { return glm::rotate(glm::mat4(1.0f), glm::radians(degrees), glm::vec3(1, 0, 0)); }
glm::mat4 translateY(float y) { return glm::translate(glm::mat4(1.0f), glm::vec3(0, y, 0)); }
glm::vec3 apply(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }
glm::vec3 applyDir(const glm::mat4& m, const glm::vec3& d) { return glm::vec3(m * glm::vec4(d, 0.0f)); }

SacrumFrameInfo sacrumInfo() {
    const SacrumMorphometry& s = sacrumTable();
    SacrumFrameInfo info;
    info.body.anteriorHeight = s.anteriorHeight;
    info.body.posteriorHeight = s.posteriorHeight;
    info.body.width = s.endplateWidth;
    info.body.depth = s.endplateDepth;
    info.body.heartTaper = 0.05f;
    info.body.notch = 2.0f;
    info.body.concavity = 1.0f;
    for (int side = 0; side < 2; ++side)
        info.jointAnchor[side] = glm::vec3(sideSign(side) * (0.5f * s.canalWidth + 4.5f), 0.5f * static_cast<float>(s.posteriorHeight) + 1.5f,
                                           -0.5f * s.endplateDepth - 1.0f * s.canalDepth);
    return info;
}

// The designed centre of a bone's superior (for the lower bone) or inferior (for the upper bone)
// articular facet, in its own frame.
glm::vec3 facetDesign(const SpineLayout& layout, int boneIndex, int side, bool superior) {
    if (boneIndex == kLevelCount) return layout.sacrum.jointAnchor[side];
    const ArchSide& a = layout.vertebrae[static_cast<std::size_t>(boneIndex)].arch[static_cast<std::size_t>(side)];
    return superior ? a.superiorFacet : a.inferiorFacet;
}

// The joint between `upper` and `lower`, centred between the two designed facet centres, in the
// frame `discFrame` (whose +Y is the spine's local axis there) and returned in world coordinates.
FacetJoint makeJoint(const SpineLayout& layout, const glm::mat4& discFrame, int upper, int lower, int side) {
    const glm::mat4 toDisc = glm::inverse(discFrame);
    const glm::vec3 a = apply(toDisc, apply(bonePose(layout, upper), facetDesign(layout, upper, side, false)));
    const glm::vec3 b = apply(toDisc, apply(bonePose(layout, lower), facetDesign(layout, lower, side, true)));
    const bool lumbarType = lower >= 12; // T12-L1 and below: sagittal, curved joints
    const float s = sideSign(side);
    FacetJoint j;
    j.centre = 0.5f * (a + b);
    const float angle = glm::radians(static_cast<float>(facetAngleBelow(std::max(lower - 1, 0))));
    if (lumbarType) {
        // Facing back and in (the superior facet), by the facet angle from the sagittal plane; curved.
        j.normal = glm::vec3(-s * std::cos(angle), 0.0f, -std::sin(angle));
        j.radius = 14.0f;
        j.halfSize = glm::vec2(7.5f, 12.0f);
    } else {
        // Facing back, tilted up ~30 deg and out by the facet angle.
        j.normal = glm::normalize(glm::vec3(s * std::sin(angle), std::tan(glm::radians(30.0f)), -std::cos(angle)));
        j.halfSize = glm::vec2(6.0f, 9.5f);
    }
    j.up = glm::normalize(glm::vec3(0, 1, 0) - j.normal * j.normal.y);
    j.update();
    return transformJoint(j, discFrame);
}

glm::vec3 headInBody(const VertebraGeometry& g, int side, float y, float radius, float forward = 5.0f) {
    const BodyShape body(g.body);
    const float z = -0.5f * g.body.depth + forward;
    // Sunk by 40% of its radius: a shallow cup that stays clear of the pedicle's path into the body.
    return glm::vec3(sideSign(side) * (body.halfWidthAt(z) + 0.6f * radius), y, z);
}

// Ribs 2-9 meet two bodies and the disc between them (demifacets); 1, 10, 11 and 12 one body. Ribs
// 1-10 also meet the tip of their own vertebra's transverse process (tubercle). Each stub is the head,
// the neck running back and out in front of the transverse process, the tubercle, and the first
// centimetres of the shaft, sloping down and curving forward; all shapes are estimates (docs/anatomy.md).
void layoutRibs(SpineLayout& layout) {
    for (int number = 1; number <= 12; ++number)
        for (int side = 0; side < 2; ++side) {
            RibAttachment rib;
            rib.number = number;
            rib.side = side;
            rib.vertebra = number - 1;
            const float s = sideSign(side);
            const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(rib.vertebra)];
            const BodyShape body(g.body);
            const glm::mat4& pose = layout.vertebraPose[static_cast<std::size_t>(rib.vertebra)];
            const glm::mat4 toLocal = glm::inverse(pose);
            const float headRadius = number == 1 ? 4.0f : number >= 11 ? 4.6f : 4.4f;
            glm::vec3 head; // local
            if (number >= 2 && number <= 9) {
                // In the angle between two bodies, level with the disc: an upper and a lower facet.
                rib.upperVertebra = number - 2;
                const VertebraGeometry& u = layout.vertebrae[static_cast<std::size_t>(rib.upperVertebra)];
                const glm::mat4& disc = layout.discPose[static_cast<std::size_t>(rib.upperVertebra)];
                const glm::mat4 toDisc = glm::inverse(disc);
                const glm::vec3 a = apply(toDisc, apply(pose, headInBody(g, side, 0.0f, headRadius)));
                const glm::vec3 b = apply(toDisc, apply(layout.vertebraPose[static_cast<std::size_t>(rib.upperVertebra)], headInBody(u, side, 0.0f, headRadius)));
                head = apply(toLocal, apply(disc, glm::vec3(0.5f * (a.x + b.x), 0.0f, 0.5f * (a.z + b.z))));
                rib.headRadii = glm::vec3(headRadius, headRadius + 1.6f, headRadius);
            } else {
                // One facet on the upper part of the body (T11, T12: at the pedicle's root).
                const float y = body.topPlane(0.0f) - (number == 1 ? 6.0f : number == 10 ? 6.5f : 8.0f);
                // Ribs 10-12 sit a little further forward, clear of the broad lower-thoracic pedicles.
                head = headInBody(g, side, y, headRadius, number >= 10 ? 8.0f : 5.0f);
                rib.headRadii = glm::vec3(headRadius, headRadius + 0.4f, headRadius);
            }
            rib.hasTubercle = number <= 10;
            const ArchSide& arch = g.arch[static_cast<std::size_t>(side)];
            const glm::vec3 tpDir = glm::normalize(arch.transverseTip - arch.transverseBase);
            const glm::vec3 club = arch.transverseTip - tpDir * 1.5f;
            const glm::vec3 lateral(s, 0.0f, 0.0f);
            std::vector<glm::vec3> path;
            std::vector<glm::vec2> size;
            std::vector<glm::vec3> flat;
            const glm::vec3 up(0, 1, 0);
            path.push_back(head);
            size.push_back(glm::vec2(rib.headRadii.y - 0.5f, headRadius - 0.5f));
            flat.push_back(up);
            glm::vec3 junction;
            if (rib.hasTubercle) {
                // The tubercle sits against the front of the transverse process's club (the costal facet
                // there is cupped around it); the rib's axis passes just in front of the tubercle.
                const glm::vec3 facing = glm::normalize(glm::vec3(0.0f, -0.15f, 1.0f) + 0.35f * lateral);
                rib.tubercleRadius = number == 1 ? 3.0f : 3.2f;
                const glm::vec3 tubercle = club + facing * (4.4f + 0.8f + rib.tubercleRadius - 1.2f);
                rib.tubercle = apply(pose, tubercle);
                junction = tubercle + facing * 2.2f;
                const glm::vec3 neckMid = glm::mix(head, junction, 0.5f) + glm::vec3(0.0f, 0.5f, 0.0f);
                path.push_back(neckMid);
                size.push_back(number == 1 ? glm::vec2(3.4f, 2.8f) : glm::vec2(4.0f, 2.9f));
                flat.push_back(up);
                path.push_back(junction);
                size.push_back(number == 1 ? glm::vec2(5.5f, 2.8f) : glm::vec2(5.0f, 3.0f));
                flat.push_back(up);
            } else {
                junction = head + glm::vec3(s * 14.0f, -3.0f, -8.0f);
                path.push_back(junction);
                size.push_back(glm::vec2(4.2f, 3.0f));
                flat.push_back(up);
            }
            // The shaft: out, back (to the angle) and down, then curving forward; rib 1 is flat
            // (its surfaces face up and down) and runs forward and down at once.
            glm::vec3 d1, d2;
            float l1, l2;
            glm::vec2 s1, s2;
            glm::vec3 f1, f2;
            if (number == 1) {
                d1 = glm::normalize(glm::vec3(s * 0.8f, -0.45f, 0.4f)), d2 = glm::normalize(glm::vec3(s * 0.5f, -0.5f, 0.8f));
                l1 = 12.0f, l2 = 12.0f;
                s1 = glm::vec2(7.0f, 2.6f), s2 = glm::vec2(7.5f, 2.4f);
                const glm::vec3 horizontalAcross = glm::normalize(glm::cross(d1, up));
                f1 = horizontalAcross, f2 = glm::normalize(glm::cross(d2, up));
            } else {
                const float drop = 0.3f + 0.03f * static_cast<float>(number);
                const float back = number >= 11 ? 0.5f : 0.25f;
                d1 = glm::normalize(glm::vec3(s * 1.0f, -drop, -back)), d2 = glm::normalize(glm::vec3(s * 1.0f, -drop - 0.1f, 0.3f));
                l1 = number >= 11 ? 14.0f : 13.0f, l2 = number >= 11 ? 12.0f : 14.0f;
                s1 = glm::vec2(6.0f, 2.9f), s2 = glm::vec2(6.5f, 2.6f);
                f1 = glm::normalize(up - d1 * glm::dot(up, d1)), f2 = glm::normalize(up - d2 * glm::dot(up, d2));
            }
            const glm::vec3 p1 = junction + d1 * l1, p2 = p1 + d2 * l2;
            path.push_back(p1), size.push_back(s1), flat.push_back(f1);
            path.push_back(p2), size.push_back(s2), flat.push_back(f2);
            rib.head = apply(pose, head);
            for (std::size_t k = 0; k < path.size(); ++k) {
                rib.path.push_back(apply(pose, path[k]));
                rib.section.push_back(size[k]);
                rib.flat.push_back(glm::normalize(applyDir(pose, flat[k])));
            }
            layout.ribs.push_back(rib);
        }
}

// Turns the spine about X so T1's centre stands over the posterior-superior corner of S1, then centres it.
void balance(SpineLayout& layout) {
    const BodyShape s1(layout.sacrum.body);
    const float backZ = -0.5f * layout.sacrum.body.depth;
    const glm::vec3 corner = apply(layout.sacrumPose, glm::vec3(0.0f, s1.topPlane(backZ), backZ));
    const glm::vec3 t1 = apply(layout.vertebraPose[0], glm::vec3(0.0f));
    const glm::vec3 v = t1 - corner;
    const float tilt = std::atan2(-v.z, v.y);
    glm::mat4 global = glm::rotate(glm::mat4(1.0f), tilt, glm::vec3(1, 0, 0));
    const glm::vec3 top = apply(global, t1);
    const glm::vec3 bottom = apply(global * layout.sacrumPose, glm::vec3(0.0f, -75.0f, -20.0f)); // ~ sacral apex
    const glm::vec3 centre(0.0f, 0.5f * (top.y + bottom.y), 0.5f * (top.z + bottom.z));
    global = glm::translate(glm::mat4(1.0f), -centre) * global;
    for (glm::mat4& m : layout.vertebraPose) m = global * m;
    for (glm::mat4& m : layout.discPose) m = global * m;
    layout.sacrumPose = global * layout.sacrumPose;
    const glm::vec3 n = glm::normalize(applyDir(layout.sacrumPose * s1.superiorPlaneFrame(), glm::vec3(0, 1, 0)));
    layout.sacralSlopeDegrees = glm::degrees(std::atan2(n.z, n.y));
}

} // namespace

const BodyParams& bodyParamsOf(const SpineLayout& layout, int boneIndex) {
    return boneIndex == kLevelCount ? layout.sacrum.body : layout.vertebrae[static_cast<std::size_t>(boneIndex)].body;
}

glm::mat4 bonePose(const SpineLayout& layout, int boneIndex) {
    return boneIndex == kLevelCount ? layout.sacrumPose : layout.vertebraPose[static_cast<std::size_t>(boneIndex)];
}

SpineLayout layoutSpine() {
    SpineLayout layout;
    for (int i = 0; i < kLevelCount; ++i) layout.vertebrae[static_cast<std::size_t>(i)] = makeVertebraGeometry(i);
    layout.sacrum = sacrumInfo();

    // Stack from the sacrum upwards.
    glm::mat4 plane = layout.sacrumPose * BodyShape(layout.sacrum.body).superiorPlaneFrame();
    float lowerConcavity = layout.sacrum.body.concavity;
    for (int i = kLevelCount - 1; i >= 0; --i) {
        const DiscMorphometry& disc = discTable()[static_cast<std::size_t>(i)];
        const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(i)];
        const float gap = disc.centralHeight - lowerConcavity - g.body.concavity;
        const float half = 0.5f * static_cast<float>(disc.wedgeAngle);
        layout.discPlaneGap[static_cast<std::size_t>(i)] = gap;
        layout.discPose[static_cast<std::size_t>(i)] = plane * rotateX(-half) * translateY(0.5f * gap);
        const glm::mat4 upperPlane = layout.discPose[static_cast<std::size_t>(i)] * translateY(0.5f * gap) * rotateX(-half);
        const BodyShape body(g.body);
        layout.vertebraPose[static_cast<std::size_t>(i)] = upperPlane * glm::inverse(body.inferiorPlaneFrame());
        plane = layout.vertebraPose[static_cast<std::size_t>(i)] * body.superiorPlaneFrame();
        lowerConcavity = g.body.concavity;
    }
    balance(layout);

    for (int j = 0; j <= kLevelCount; ++j)
        for (int side = 0; side < 2; ++side) {
            const int upper = std::max(j - 1, 0), lower = std::min(j, kLevelCount);
            glm::mat4 frame;
            if (j == 0) // C7-T1: a virtual disc frame just above T1
                frame = layout.vertebraPose[0] * BodyShape(layout.vertebrae[0].body).superiorPlaneFrame() * translateY(2.5f);
            else
                frame = layout.discPose[static_cast<std::size_t>(j - 1)];
            layout.joints[static_cast<std::size_t>(j)][static_cast<std::size_t>(side)] = makeJoint(layout, frame, upper, lower, side);
        }
    layoutRibs(layout);
    return layout;
}

} // namespace spine_model
