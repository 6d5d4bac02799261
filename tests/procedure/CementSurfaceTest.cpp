// The cement's surface at any moment: a closed mesh around the voxels filled by then.

#include "SyntheticVertebra.h"
#include "core/mesh/MeshTopology.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/sim/CementSurface.h"
#include "core/sim/SimpleCementModel.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(CementSurfaceTest, SurfaceIsClosedAndEnclosesTheInjectedVolume) {
    ProcedureOptions options;
    const ProcedurePlan plan = ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), SimpleCementModel());
    const CementField& field = *plan.cement;
    for (float fraction : {0.3f, 1.0f}) {
        const float t = fraction * field.injectionSeconds;
        const MeshData mesh = cementSurface(field, t);
        const TopologyReport report = analyzeTopology(mesh);
        EXPECT_TRUE(report.closedManifold()) << fraction << " b" << report.boundaryEdges << " n" << report.nonManifoldEdges << " m" << report.misorientedEdges << " d" << report.degenerateTriangles;
        const double enclosedMl = report.signedVolume * 1e6;
        EXPECT_NEAR(enclosedMl, field.volumeAt(t), 0.25 * field.volumeAt(t)) << fraction;
        // The cement stays inside the body.
        for (const glm::vec3& p : mesh.positions) {
            EXPECT_GT(p.z, plan.body.posteriorZ);
            EXPECT_LT(p.z, plan.body.anteriorZ);
        }
    }
    EXPECT_TRUE(cementSurface(field, -1.0f).empty());
}

TEST(CementSurfaceTest, KyphoplastyFillsTheCavityBeforeTheBoneAround) {
    ProcedureOptions options;
    const ProcedurePlan plan = ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), SimpleCementModel());
    const CementField& field = *plan.cement;
    float lastCavity = 0.0f, firstOutside = INFINITY;
    for (int z = 0; z < field.grid.nz; ++z)
        for (int y = 0; y < field.grid.ny; ++y)
            for (int x = 0; x < field.grid.nx; ++x) {
                const float t = field.fillTime[field.grid.index(x, y, z)];
                if (!std::isfinite(t)) continue;
                const glm::vec3 p = field.grid.centre(x, y, z);
                bool inCavity = false;
                for (const SidePlan& side : plan.sides) inCavity = inCavity || side.cavity.contains(p);
                if (inCavity) lastCavity = std::max(lastCavity, t);
                else firstOutside = std::min(firstOutside, t);
            }
    EXPECT_LT(lastCavity, firstOutside);
}

} // namespace
} // namespace spineviz
