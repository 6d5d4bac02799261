#include "core/mesh/IsoSurface.h"
#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

namespace spineviz {
namespace {

ScalarGrid sampled(int n, float spacing, float (*field)(const glm::vec3&)) {
    ScalarGrid g;
    g.nx = g.ny = g.nz = n;
    g.spacing = spacing;
    g.origin = glm::vec3(-0.5f * spacing * float(n - 1));
    g.values.resize(std::size_t(n) * n * n);
    for (int z = 0; z < n; ++z)
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) g.values[g.index(x, y, z)] = field(g.point(x, y, z));
    return g;
}

TEST(IsoSurfaceTest, SphereIsClosedOutwardAndTheRightSize) {
    const ScalarGrid g = sampled(40, 0.1f, [](const glm::vec3& p) { return glm::length(p) - 1.5f; });
    const MeshData mesh = extractIsoSurface(g, 0.0f);
    const TopologyReport report = analyzeTopology(mesh);
    EXPECT_TRUE(report.closedManifold()) << report.boundaryEdges << " " << report.nonManifoldEdges << " " << report.misorientedEdges;
    EXPECT_EQ(report.components, 1u);
    EXPECT_NEAR(report.signedVolume, 4.18879 * 1.5 * 1.5 * 1.5, 0.03 * 14.137);
    for (const glm::vec3& p : mesh.positions) EXPECT_NEAR(glm::length(p), 1.5f, 0.02f);
}

TEST(IsoSurfaceTest, TwoBlobsAndAHoleStayManifold) {
    const ScalarGrid g = sampled(48, 0.1f, [](const glm::vec3& p) {
        const float a = glm::length(p - glm::vec3(-1.0f, 0.0f, 0.0f)) - 0.9f, b = glm::length(p - glm::vec3(1.05f, 0.0f, 0.0f)) - 0.9f;
        const float hollow = 0.4f - glm::length(p - glm::vec3(-1.0f, 0.0f, 0.0f)); // a void inside the first
        return std::max(std::min(a, b), hollow);
    });
    const TopologyReport report = analyzeTopology(extractIsoSurface(g, 0.0f));
    EXPECT_TRUE(report.closedManifold());
    EXPECT_EQ(report.components, 3u); // two blobs and the void's inner wall
}

} // namespace
} // namespace spineviz
