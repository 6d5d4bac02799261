// Checks on the generator's fields (the exact geometry the meshes are extracted from): facet joints
// that meet with a joint space and no overlap, neighbouring bones that do not interpenetrate, ribs
// seated in their costal facets, nerve roots that leave through their own foramen without touching
// bone. Distances in mm, world frame.

#include "SpineModel.h"
#include "VertebraGeometry.h"

#include "core/anatomy/SpineLevels.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <string>

using namespace spine_model;

namespace {

const SpineFields& fields() {
    static const SpineFields f;
    return f;
}

struct WorldField {
    const PartField* part = nullptr;
    glm::mat4 toLocal{1.0f};
    float operator()(const glm::vec3& w) const { return part->field(glm::vec3(toLocal * glm::vec4(w, 1.0f))); }
};

WorldField world(const std::string& name) {
    const PartField* p = fields().find(name);
    if (!p) throw std::runtime_error("no field " + name);
    return {p, glm::inverse(p->pose)};
}

Box worldBox(const PartField& p) {
    Box b{glm::vec3(1e9f), glm::vec3(-1e9f)};
    for (int c = 0; c < 8; ++c) {
        const glm::vec3 q(c & 1 ? p.bounds.hi.x : p.bounds.lo.x, c & 2 ? p.bounds.hi.y : p.bounds.lo.y, c & 4 ? p.bounds.hi.z : p.bounds.lo.z);
        const glm::vec3 w(p.pose * glm::vec4(q, 1.0f));
        b.lo = glm::min(b.lo, w), b.hi = glm::max(b.hi, w);
    }
    return b;
}

// Volume (mm^3) where both parts are inside, sampled with `step` over their boxes' overlap.
float overlapVolume(const std::string& a, const std::string& b, float step) {
    const WorldField fa = world(a), fb = world(b);
    const Box ba = worldBox(*fa.part), bb = worldBox(*fb.part);
    const glm::vec3 lo = glm::max(ba.lo, bb.lo), hi = glm::min(ba.hi, bb.hi);
    long both = 0;
    for (float z = lo.z; z < hi.z; z += step)
        for (float y = lo.y; y < hi.y; y += step)
            for (float x = lo.x; x < hi.x; x += step) {
                const glm::vec3 w(x, y, z);
                if (fa(w) < 0.0f && fb(w) < 0.0f) ++both;
            }
    return static_cast<float>(both) * step * step * step;
}

std::string boneName(int index) {
    return index < kLevelCount ? spineviz::vertebraNodeName(spineviz::kVertebraLevels[static_cast<std::size_t>(index)]) : "sacrum";
}

} // namespace

// Both articular processes of each facet joint are built on the joint's surface, a joint space
// apart: over a broad area each bone lies just behind its facet, and nowhere do they overlap.
TEST(SpineFieldsTest, FacetJointsMeetWithAJointSpace) {
    const SpineLayout& layout = fields().layout();
    for (int j = 1; j <= kLevelCount; ++j) {
        const WorldField upper = world(boneName(j - 1)), lower = world(boneName(j));
        for (int side = 0; side < 2; ++side) {
            const FacetJoint& joint = layout.joints[static_cast<std::size_t>(j)][static_cast<std::size_t>(side)];
            const std::string what = boneName(j - 1) + "/" + boneName(j) + (side == 0 ? " left" : " right");
            int contact = 0;
            for (float t = -14.0f; t <= 14.0f; t += 0.5f)
                for (float u = -16.0f; u <= 16.0f; u += 0.5f) {
                    glm::vec3 p = joint.centre + joint.tangent() * t + joint.up * u;
                    for (int k = 0; k < 3; ++k) p -= joint.normal * joint.side(p); // onto a curved joint's surface
                    if (joint.farSide(p) > 0.0f) continue;
                    const float half = 0.5f * joint.gap;
                    // Both facets within 0.4 mm of where the joint space says they are.
                    const bool lowerHere = lower(p - joint.normal * (half + 0.4f)) < 0.0f && lower(p - joint.normal * (half - 0.4f)) > 0.0f;
                    const bool upperHere = upper(p + joint.normal * (half + 0.4f)) < 0.0f && upper(p + joint.normal * (half - 0.4f)) > 0.0f;
                    contact += lowerHere && upperHere;
                }
            // Around the joint the two bones never come within 0.3 mm of each other.
            int tooClose = 0;
            for (float t = -12.0f; t <= 12.0f; t += 0.5f)
                for (float u = -14.0f; u <= 14.0f; u += 0.5f)
                    for (float n = -5.0f; n <= 5.0f; n += 0.5f) {
                        const glm::vec3 p = joint.centre + joint.tangent() * t + joint.up * u + joint.normal * n;
                        tooClose += lower(p) < 0.15f && upper(p) < 0.15f;
                    }
            const float area = 0.25f * static_cast<float>(contact);
            EXPECT_GT(area, joint.radius > 0.0f ? 70.0f : 60.0f) << what << ": congruent facet area " << area << " mm^2";
            EXPECT_EQ(tooClose, 0) << what << ": bones closer than 0.3 mm";
        }
    }
}

// Neighbouring bones touch only through their joints: no volume inside both, anywhere.
TEST(SpineFieldsTest, NeighbouringBonesDoNotInterpenetrate) {
    for (int i = 0; i < kLevelCount; ++i) EXPECT_EQ(overlapVolume(boneName(i), boneName(i + 1), 0.7f), 0.0f) << boneName(i) << " / " << boneName(i + 1);
}

// Each rib's head sits in its costal facet(s) and its tubercle against its transverse process, a
// joint space away from the bone, and the rib overlaps neither the bones nor the disc it meets.
TEST(SpineFieldsTest, RibsArticulateWithoutOverlap) {
    const SpineLayout& layout = fields().layout();
    for (const RibAttachment& rib : layout.ribs) {
        const std::string name = std::string("rib_") + (rib.side == 0 ? "left_" : "right_") + std::to_string(rib.number);
        const WorldField own = world(boneName(rib.vertebra));
        // The cup is a joint space (0.8 mm) from the head, whose smallest radius is its x radius.
        const float gapAtHead = own(rib.head) - rib.headRadii.x;
        EXPECT_GT(gapAtHead, 0.5f) << name;
        EXPECT_LT(gapAtHead, 1.3f) << name << ": head not seated";
        if (rib.hasTubercle) {
            const float gapAtTubercle = own(rib.tubercle) - rib.tubercleRadius;
            EXPECT_GT(gapAtTubercle, 0.5f) << name;
            EXPECT_LT(gapAtTubercle, 1.3f) << name << ": tubercle not seated";
        }
        EXPECT_EQ(overlapVolume(name, boneName(rib.vertebra), 0.5f), 0.0f) << name;
        if (rib.upperVertebra >= 0) {
            EXPECT_EQ(overlapVolume(name, boneName(rib.upperVertebra), 0.5f), 0.0f) << name;
            const std::string disc = spineviz::discNodeName(spineviz::kVertebraLevels[static_cast<std::size_t>(rib.upperVertebra)],
                                                            spineviz::kVertebraLevels[static_cast<std::size_t>(rib.vertebra)]);
            EXPECT_EQ(overlapVolume(name, disc, 0.5f), 0.0f) << name;
        }
    }
}

// Each root runs under the pedicle of its own vertebra, through the foramen between it and the
// next bone, touching neither bone nor the disc.
TEST(SpineFieldsTest, NerveRootsLeaveThroughTheirForamen) {
    const SpineLayout& layout = fields().layout();
    for (int i = 0; i < kLevelCount; ++i) {
        const std::string level(spineviz::kVertebraLevels[static_cast<std::size_t>(i)]);
        const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(i)];
        for (int side = 0; side < 2; ++side) {
            const std::string name = "nerve_root_" + level + (side == 0 ? "_left" : "_right");
            const PartField* root = fields().find(name);
            ASSERT_NE(root, nullptr) << name;
            // In the vertebra's frame, on the vertical line under the pedicle's lateral half, the
            // root is found below the pedicle and above the level of the next pedicle.
            const PedicleGeometry& p = g.pedicles[static_cast<std::size_t>(side)];
            const glm::mat4 toRoot = glm::inverse(root->pose) * layout.vertebraPose[static_cast<std::size_t>(i)];
            float found = 1e9f;
            for (float y = p.isthmus.y + 0.5f * p.height; y > p.isthmus.y - 45.0f; y -= 0.25f)
                for (float dz = -3.0f; dz <= 3.0f; dz += 1.0f) {
                    const glm::vec3 q(p.isthmus.x + sideSign(side) * 0.25f * p.width, y, -0.5f * g.body.depth - g.body.notch - 4.0f + dz);
                    if (found > 1e8f && root->field(glm::vec3(toRoot * glm::vec4(q, 1.0f))) < 0.0f) found = y;
                }
            ASSERT_LT(found, 1e8f) << name << " does not pass under its pedicle";
            EXPECT_LT(found, p.isthmus.y - 0.5f * p.height) << name << " runs through its pedicle";
            EXPECT_GT(found, p.isthmus.y - 0.5f * p.height - 15.0f) << name << " does not hug its pedicle";
            const std::string below = boneName(i + 1);
            EXPECT_EQ(overlapVolume(name, boneName(i), 0.4f), 0.0f) << name;
            EXPECT_EQ(overlapVolume(name, below, 0.4f), 0.0f) << name;
            EXPECT_EQ(overlapVolume(name, spineviz::discNodeName(level, i + 1 < kLevelCount ? std::string(spineviz::kVertebraLevels[static_cast<std::size_t>(i + 1)]) : "S1"), 0.4f),
                      0.0f)
                << name;
        }
    }
}
