#include "GltfBuilder.h"
#include "core/mesh/MeshTopology.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(MeshTopologyTest, ClosedBoxIsManifoldWithItsVolume) {
    const TopologyReport report = analyzeTopology(test::makeBox(glm::vec3(1.0f, 2.0f, 3.0f)));
    EXPECT_TRUE(report.closedManifold());
    EXPECT_EQ(report.components, 1u);
    EXPECT_NEAR(report.signedVolume, 48.0, 1e-4);
}

TEST(MeshTopologyTest, SphereWithSeamAndPolesIsClosed) {
    const TopologyReport report = analyzeTopology(test::makeSphere(1.0f, 20, 10));
    EXPECT_TRUE(report.closedManifold()) << report.boundaryEdges << " " << report.misorientedEdges;
    EXPECT_NEAR(report.signedVolume, 4.18879, 0.25); // inscribed polyhedron: a little under 4/3 pi
}

TEST(MeshTopologyTest, HolesFlipsAndFinsAreReported) {
    MeshData holed = test::makeBox(glm::vec3(1.0f));
    holed.indices.resize(holed.indices.size() - 3);
    EXPECT_EQ(analyzeTopology(holed).boundaryEdges, 3u);

    MeshData flipped = test::makeBox(glm::vec3(1.0f));
    std::swap(flipped.indices[0], flipped.indices[1]);
    EXPECT_GT(analyzeTopology(flipped).misorientedEdges, 0u);

    MeshData fin = test::makeBox(glm::vec3(1.0f));
    fin.positions.push_back(glm::vec3(5.0f));
    fin.indices.insert(fin.indices.end(), {fin.indices[0], fin.indices[1], static_cast<std::uint32_t>(fin.positions.size() - 1)});
    EXPECT_GT(analyzeTopology(fin).nonManifoldEdges, 0u);

    MeshData inside = test::makeBox(glm::vec3(1.0f));
    for (std::size_t t = 0; t < inside.indices.size(); t += 3) std::swap(inside.indices[t], inside.indices[t + 1]);
    EXPECT_LT(analyzeTopology(inside).signedVolume, 0.0);
}

} // namespace
} // namespace spineviz
