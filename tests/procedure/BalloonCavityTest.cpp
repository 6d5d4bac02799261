// The balloon in the plan and the cavity it leaves: the balloon lies along the cannula, longer than
// wide, and the cavity after deflation has the balloon's shape (not a sphere), a little smaller.

#include "SyntheticVertebra.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/procedure/ProcedureState.h"
#include "core/sim/SimpleCementModel.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

float aspect(const Ellipsoid& e) { return e.halfLength / e.radius; }

TEST(BalloonCavityTest, TheCavityHasTheBalloonsShape) {
    for (Access access : {Access::Bilateral, Access::Unilateral}) {
        ProcedureOptions options;
        options.access = access;
        const ProcedurePlan plan = ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), SimpleCementModel());
        ASSERT_FALSE(plan.sides.empty());
        for (const SidePlan& side : plan.sides) {
            const Ellipsoid& balloon = side.balloonAtFull;
            const Ellipsoid& cavity = side.cavity;
            // Along the cannula, longer than wide.
            EXPECT_GT(std::abs(glm::dot(balloon.axis, side.path.axis)), 0.999f);
            EXPECT_GT(aspect(balloon), 1.15f);
            // The same shape: proportions, roundness and axis; centred where the balloon was.
            EXPECT_NEAR(aspect(cavity), aspect(balloon), 1e-4f);
            EXPECT_EQ(cavity.exponent, balloon.exponent);
            EXPECT_GT(cavity.exponent, 2.0f);
            EXPECT_LT(glm::distance(cavity.centre, balloon.centre), 1e-6f);
            // Smaller, as the compacted bone springs back.
            EXPECT_NEAR(cavity.volume() / balloon.volume(), 0.67f, 0.01f);
        }
        // The state shows that very cavity after deflation.
        const ProcedureState after = computeState(plan, plan.timeline.timeOf(PhaseId::Cement, 0.0));
        ASSERT_EQ(after.cavities.size(), plan.sides.size());
        EXPECT_NEAR(after.cavities.front().halfLength, plan.sides.front().cavity.halfLength, 1e-7f);
    }
}

TEST(BalloonCavityTest, AShapesVolumeMatchesWhatItContains) {
    // The cement model sizes its sources from volume(): it must agree with contains().
    Ellipsoid e;
    e.halfLength = 0.009f;
    e.radius = 0.0065f;
    for (float exponent : {2.0f, 2.3f, 3.0f}) {
        e.exponent = exponent;
        const int n = 60;
        int inside = 0;
        for (int x = 0; x < n; ++x)
            for (int y = 0; y < n; ++y)
                for (int z = 0; z < n; ++z) {
                    const glm::vec3 p((x + 0.5f) / n * 2.0f - 1.0f, (y + 0.5f) / n * 2.0f - 1.0f, (z + 0.5f) / n * 2.0f - 1.0f);
                    inside += e.contains(p * glm::vec3(e.radius, e.radius, e.halfLength)) ? 1 : 0;
                }
        const float box = 8.0f * e.radius * e.radius * e.halfLength;
        EXPECT_NEAR(e.volume(), box * float(inside) / float(n * n * n), 0.01f * e.volume()) << exponent;
    }
}

} // namespace
} // namespace spineviz
