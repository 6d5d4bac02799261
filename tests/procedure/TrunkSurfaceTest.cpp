// The see-through trunk around the bundled spine: a closed skin with the whole spine inside it,
// the pedicle entry points under the skin and the instruments' handles outside it.

#include "MeshQueries.h"
#include "core/anatomy/PartAnchors.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/TrunkSurface.h"
#include "core/mesh/MeshTopology.h"
#include "core/procedure/ProcedureSession.h"
#include "core/sim/SimpleCementModel.h"
#include "core/scene/GltfLoader.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace spineviz {
namespace {

class TrunkSurfaceTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        loaded_ = new LoadResult(loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb"));
        ASSERT_TRUE(*loaded_) << loaded_->error;
        anatomy_ = new SpineAnatomy(SpineAnatomy::fromScene(*loaded_->scene));
        trunk_ = new MeshData(trunkSurface(*loaded_->scene, *anatomy_));
    }
    static void TearDownTestSuite() {
        delete trunk_;
        delete anatomy_;
        delete loaded_;
    }
    static glm::vec3 world(const VertebraNode& v, const glm::vec3& local) {
        return glm::vec3(loaded_->scene->worldTransforms()[std::size_t(v.node)] * glm::vec4(local, 1.0f));
    }
    static LoadResult* loaded_;
    static SpineAnatomy* anatomy_;
    static MeshData* trunk_;
};

LoadResult* TrunkSurfaceTest::loaded_ = nullptr;
SpineAnatomy* TrunkSurfaceTest::anatomy_ = nullptr;
MeshData* TrunkSurfaceTest::trunk_ = nullptr;

TEST_F(TrunkSurfaceTest, IsOneClosedSkinFacingOutward) {
    const TopologyReport report = analyzeTopology(*trunk_);
    EXPECT_TRUE(report.closedManifold()) << report.boundaryEdges << " " << report.nonManifoldEdges;
    EXPECT_EQ(report.components, 1u);
    EXPECT_GT(report.signedVolume, 0.0); // wound outward, so its outer face is the one drawn
    EXPECT_EQ(trunk_->normals.size(), trunk_->positions.size());
}

TEST_F(TrunkSurfaceTest, EveryVertebraIsInsideWithItsProcesses) {
    ASSERT_GE(anatomy_->vertebrae().size(), 17u);
    for (const VertebraNode& v : anatomy_->vertebrae()) {
        EXPECT_TRUE(insideMesh(*trunk_, world(v, v.landmarks.origin))) << v.level;
        const MeshData& mesh = loaded_->scene->meshes.at(loaded_->scene->nodes[v.node].mesh).primitives.at(0).mesh;
        for (const PartAnchor& a : vertebraPartAnchors(mesh, v.landmarks))
            EXPECT_TRUE(insideMesh(*trunk_, world(v, a.point))) << v.level << " " << a.term;
    }
}

TEST_F(TrunkSurfaceTest, PedicleEntriesLieUnderTheSkinAndTheHandlesOutsideIt) {
    for (const VertebraNode& v : anatomy_->vertebrae())
        for (const PedicleLandmarks& p : v.landmarks.pedicles) {
            const glm::vec3 entry = world(v, p.entry);
            const glm::vec3 axis = glm::normalize(glm::vec3(loaded_->scene->worldTransforms()[std::size_t(v.node)] * glm::vec4(p.axis, 0.0f)));
            EXPECT_TRUE(insideMesh(*trunk_, entry)) << v.level;
            // A trocar's handle stands about 12 cm back from the bone (docs/instruments.md).
            EXPECT_FALSE(insideMesh(*trunk_, entry - 0.12f * axis)) << v.level;
        }
}

// The largest angle between the normals of two triangles sharing an edge, in degrees.
float sharpestFold(const MeshData& mesh) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, glm::vec3> firstFace;
    float sharpest = 0.0f;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t i[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        const glm::vec3 n = glm::normalize(glm::cross(mesh.positions[i[1]] - mesh.positions[i[0]], mesh.positions[i[2]] - mesh.positions[i[0]]));
        for (int k = 0; k < 3; ++k) {
            const auto edge = std::minmax(i[k], i[(k + 1) % 3]);
            const auto found = firstFace.find(edge);
            if (found == firstFace.end()) firstFace[edge] = n;
            else sharpest = std::max(sharpest, glm::degrees(std::acos(std::clamp(glm::dot(n, found->second), -1.0f, 1.0f))));
        }
    }
    return sharpest;
}

TEST_F(TrunkSurfaceTest, BendsWithTheStoopWithoutFolding) {
    ProcedureSession session(*loaded_->scene, std::make_shared<SimpleCementModel>());
    ProcedureOptions options;
    options.level = "L1";
    options.grade = 3;
    ASSERT_EQ(session.setOptions(options), "");
    session.player().seek(session.plan().timeline.timeOf(PhaseId::Fracture, 1.0));
    const ProcedureState& state = session.state();
    ASSERT_FALSE(state.deformation.isIdentity());

    const MeshData bent = posedTrunk(*trunk_, session.pose(), state.deformation);
    ASSERT_EQ(bent.positions.size(), trunk_->positions.size());
    // The shoulders come forward with the stoop; the hips stay where they were.
    EXPECT_GT(bent.positions.front().z, trunk_->positions.front().z + 0.005f);
    EXPECT_NEAR(glm::length(bent.positions.back() - trunk_->positions.back()), 0.0f, 1e-5f);
    const TopologyReport report = analyzeTopology(bent);
    EXPECT_TRUE(report.closedManifold());
    EXPECT_NEAR(report.signedVolume, analyzeTopology(*trunk_).signedVolume, 0.03 * analyzeTopology(*trunk_).signedVolume);
    // No crease at the fracture's height: the skin stays as smooth as the healthy one.
    EXPECT_LT(sharpestFold(bent), sharpestFold(*trunk_) + 5.0f) << sharpestFold(*trunk_);
}

TEST(TrunkSurfaceEmptyTest, AModelWithoutVertebraeHasNoTrunk) {
    const Scene empty;
    EXPECT_TRUE(trunkSurface(empty, SpineAnatomy::fromScene(empty)).positions.empty());
}

} // namespace
} // namespace spineviz
