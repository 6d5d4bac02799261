// The cement's surface at any moment: a closed mesh around the voxels filled by then.

#include "SyntheticVertebra.h"
#include "core/mesh/MeshTopology.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/sim/CementSurface.h"
#include "core/sim/SimpleCementModel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

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

namespace spineviz {
namespace {

TEST(CementSurfaceTest, TheCementIsARoundedMassNotStackedCubes) {
    // Stacked voxel blocks (and a lightly blurred iso-surface of them) crease at every step; a
    // doughy mass bends gently. Count the edges whose two faces meet at more than 30 degrees.
    ProcedureOptions options;
    const ProcedurePlan plan = ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), SimpleCementModel());
    const MeshData mesh = cementSurface(*plan.cement, plan.cement->injectionSeconds);
    ASSERT_FALSE(mesh.empty());
    std::vector<glm::vec3> normals;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> edges;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 cross = glm::cross(b - a, c - a);
        normals.push_back(glm::length(cross) > 0.0f ? glm::normalize(cross) : glm::vec3(0.0f));
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t u = mesh.indices[t + std::size_t(k)], v = mesh.indices[t + std::size_t((k + 1) % 3)];
            edges[{std::min(u, v), std::max(u, v)}].push_back(t / 3);
        }
    }
    int sharp = 0, counted = 0;
    for (const auto& [edge, faces] : edges) {
        if (faces.size() != 2) continue;
        ++counted;
        sharp += glm::dot(normals[faces[0]], normals[faces[1]]) < std::cos(30.0f * 3.14159265f / 180.0f) ? 1 : 0;
    }
    ASSERT_GT(counted, 100);
    EXPECT_LT(double(sharp) / counted, 0.01) << sharp << " of " << counted << " edges are creases";
}

} // namespace
} // namespace spineviz
