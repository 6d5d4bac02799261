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
        info.jointAnchor[side] = glm::vec3(sideSign(side) * (0.5f * s.canalWidth + 8.0f), 0.0f, -0.5f * s.endplateDepth - 0.85f * s.canalDepth);
    return info;
}

// Where a bone's superior (for the lower bone) or inferior (for the upper bone) articular facet sits,
// in its own frame, ignoring height.
glm::vec3 jointAnchor(const SpineLayout& layout, int boneIndex, int side) {
    if (boneIndex == kLevelCount) return layout.sacrum.jointAnchor[side];
    const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(boneIndex)];
    const glm::vec3 back = g.pedicles[static_cast<std::size_t>(side)].back;
    // Lumbar facets lie on the medial face of the superior process; thoracic ones on its back.
    if (g.thoracic) return glm::vec3(back.x, 0.0f, back.z - 2.0f);
    return glm::vec3(back.x - sideSign(side) * 2.0f, 0.0f, back.z - 1.0f);
}

FacetJoint makeJoint(const SpineLayout& layout, const glm::mat4& discFrame, int upper, int lower, int side) {
    const glm::mat4 toDisc = glm::inverse(discFrame);
    const glm::vec3 a = apply(toDisc, apply(bonePose(layout, upper), jointAnchor(layout, upper, side)));
    const glm::vec3 b = apply(toDisc, apply(bonePose(layout, lower), jointAnchor(layout, lower, side)));
    const bool lumbarType = lower >= 12; // T12-L1 and below: sagittal, curved joints
    const float s = sideSign(side);
    FacetJoint j;
    j.centre = glm::vec3(0.5f * (a.x + b.x), lumbarType ? 0.0f : 3.0f, 0.5f * (a.z + b.z));
    const float angle = glm::radians(static_cast<float>(facetAngleBelow(std::max(lower - 1, 0))));
    if (lumbarType) {
        j.normal = glm::vec3(-s * std::cos(angle), 0.0f, -std::sin(angle));
        j.radius = 14.0f;
    } else {
        // Facing back, tilted up ~30 deg and out by the facet angle.
        j.normal = glm::normalize(glm::vec3(s * std::sin(angle), std::tan(glm::radians(30.0f)), -std::cos(angle)));
    }
    j.up = glm::normalize(glm::vec3(0, 1, 0) - j.normal * j.normal.y);
    return transformJoint(j, discFrame);
}

// Lateral edge of a body outline at depth z (bisection on the outline's distance).
float bodyEdgeX(const BodyParams& params, float z) {
    const BodyShape body(params);
    float lo = 0.0f, hi = params.width;
    for (int i = 0; i < 40; ++i) {
        const float mid = 0.5f * (lo + hi);
        (body.outline(mid, z) < 0.0f ? lo : hi) = mid;
    }
    return lo;
}

glm::vec3 headInBody(const VertebraGeometry& g, int side, float y, float radius) {
    const float z = -0.5f * g.body.depth + 5.0f;
    // Sunk by 40% of its radius: a shallow cup that stays clear of the pedicle's path into the body.
    return glm::vec3(sideSign(side) * (bodyEdgeX(g.body, z) + 0.6f * radius), y, z);
}

void layoutRibs(SpineLayout& layout) {
    for (int number = 1; number <= 12; ++number)
        for (int side = 0; side < 2; ++side) {
            RibAttachment rib;
            rib.number = number;
            rib.side = side;
            rib.vertebra = number - 1;
            const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(rib.vertebra)];
            const BodyShape body(g.body);
            const glm::mat4& pose = layout.vertebraPose[static_cast<std::size_t>(rib.vertebra)];
            if (number >= 2 && number <= 10) {
                // Head in the angle between two bodies, level with the disc.
                rib.upperVertebra = number - 2;
                const VertebraGeometry& u = layout.vertebrae[static_cast<std::size_t>(rib.upperVertebra)];
                const glm::mat4 toDisc = glm::inverse(layout.discPose[static_cast<std::size_t>(rib.upperVertebra)]);
                const glm::vec3 a = apply(toDisc, apply(pose, headInBody(g, side, 0.0f, rib.headRadius)));
                const glm::vec3 b = apply(toDisc, apply(layout.vertebraPose[static_cast<std::size_t>(rib.upperVertebra)], headInBody(u, side, 0.0f, rib.headRadius)));
                rib.head = apply(layout.discPose[static_cast<std::size_t>(rib.upperVertebra)], glm::vec3(0.5f * (a.x + b.x), 0.0f, 0.5f * (a.z + b.z)));
            } else {
                // Ribs 1, 11 and 12 meet one body, on its upper half.
                const float y = body.topPlane(0.0f) - (number == 1 ? 6.0f : 8.0f);
                rib.head = apply(pose, headInBody(g, side, y, rib.headRadius));
            }
            rib.hasTubercle = number <= 10;
            rib.tubercle = apply(pose, g.transverseTip[static_cast<std::size_t>(side)] + glm::vec3(0.0f, -1.5f, 4.5f));
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
