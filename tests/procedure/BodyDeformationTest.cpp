// The fracture's map of points: identity when healthy, the walls drop by the lost heights, the
// spine above moves rigidly, and the pieces meet without gaps.

#include "SyntheticVertebra.h"
#include "core/procedure/BodyDeformation.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

namespace spineviz {
namespace {

const WallHeights kRest{0.0255f, 0.0262f, 0.0285f};

TEST(BodyDeformationTest, HealthyIsIdentity) {
    const BodyDeformation d(test::syntheticBody(), kRest, kRest);
    EXPECT_TRUE(d.isIdentity());
    const glm::vec3 p(0.01f, 0.02f, -0.03f);
    EXPECT_EQ(d.treated(p), p);
    EXPECT_EQ(d.straddling(p), p);
}

TEST(BodyDeformationTest, WedgeDropsTheFrontAndKeepsTheBack) {
    const BodyFrame f = test::syntheticBody();
    const WallHeights wedge{kRest.anterior - 0.008f, kRest.middle - 0.004f, kRest.posterior};
    const BodyDeformation d(f, kRest, wedge);
    const glm::vec3 frontTop(0.0f, f.superiorY, f.anteriorZ), backTop(0.0f, f.superiorY, f.posteriorZ);
    const glm::vec3 frontBottom(0.0f, f.inferiorY, f.anteriorZ);
    EXPECT_NEAR(d.treated(frontTop).y, f.superiorY - 0.008f, 3e-4f);
    EXPECT_NEAR(d.treated(backTop).y, f.superiorY, 1e-5f);
    EXPECT_NEAR(glm::length(d.treated(frontBottom) - frontBottom), 0.0f, 1e-6f);
    // The spine above moves rigidly: distances are kept.
    const glm::vec3 a(0.01f, 0.05f, 0.0f), b(-0.02f, 0.09f, -0.04f);
    const glm::vec3 ma(d.above() * glm::vec4(a, 1.0f)), mb(d.above() * glm::vec4(b, 1.0f));
    EXPECT_NEAR(glm::length(ma - mb), glm::length(a - b), 1e-6f);
    // ...and tips forward (the posture stoops): a point high above moves anteriorly.
    EXPECT_GT(glm::vec3(d.above() * glm::vec4(0.0f, 0.3f, 0.0f, 1.0f)).z, 0.03f);
}

TEST(BodyDeformationTest, PiecesMeetWithoutGapsAtTheEndplates) {
    const BodyFrame f = test::syntheticBody();
    const WallHeights biconcave{kRest.anterior - 0.002f, kRest.middle - 0.008f, kRest.posterior - 0.002f};
    const BodyDeformation d(f, kRest, biconcave);
    for (float x : {-0.015f, 0.0f, 0.01f})
        for (float z : {-0.012f, 0.0f, 0.012f}) {
            const glm::vec3 top(x, f.superiorY, z), bottom(x, f.inferiorY, z);
            EXPECT_NEAR(glm::length(d.treated(top) - d.discAbove(top)), 0.0f, 1e-5f);
            EXPECT_NEAR(glm::length(d.treated(bottom) - d.discBelow(bottom)), 0.0f, 1e-5f);
            // The far side of each disc moves with its neighbour.
            const glm::vec3 aboveTop(x, f.superiorY + f.discAboveHeight, z);
            EXPECT_NEAR(glm::length(d.discAbove(aboveTop) - glm::vec3(d.above() * glm::vec4(aboveTop, 1.0f))), 0.0f, 1e-5f);
            const glm::vec3 belowBottom(x, f.inferiorY - f.discBelowHeight, z);
            EXPECT_NEAR(glm::length(d.discBelow(belowBottom) - belowBottom), 0.0f, 1e-5f);
        }
    // Biconcave: the endplate centre sinks more than its rim.
    const float centreDrop = f.superiorY - d.treated({0.0f, f.superiorY, 0.0f}).y;
    const float rimDrop = f.superiorY - d.treated({0.0f, f.superiorY, f.anteriorZ}).y;
    EXPECT_GT(centreDrop, rimDrop + 0.002f);
}

TEST(BodyDeformationTest, StraddlingStructuresBendSmoothly) {
    const BodyFrame f = test::syntheticBody();
    const BodyDeformation d(f, kRest, {kRest.anterior - 0.009f, kRest.middle - 0.005f, kRest.posterior});
    // Walking up the canal, consecutive points never jump.
    glm::vec3 previous = d.straddling({0.0f, f.inferiorY - 0.02f, f.posteriorZ - 0.008f});
    for (float y = f.inferiorY - 0.02f; y <= f.superiorY + 0.03f; y += 0.0005f) {
        const glm::vec3 p = d.straddling({0.0f, y, f.posteriorZ - 0.008f});
        EXPECT_LT(glm::length(p - previous), 0.0012f);
        previous = p;
    }
}

} // namespace
} // namespace spineviz
