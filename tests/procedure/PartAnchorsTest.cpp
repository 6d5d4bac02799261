// Labels for the parts of a vertebra land on the right parts of the bundled spine's L1 and T8.

#include "core/anatomy/PartAnchors.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/content/Learn.h"
#include "core/scene/GltfLoader.h"

#include <gtest/gtest.h>

#include <map>

namespace spineviz {
namespace {

std::map<std::string, glm::vec3> anatomicalAnchors(const Scene& scene, const VertebraNode& v) {
    const MeshData& mesh = scene.meshes.at(scene.nodes[v.node].mesh).primitives.at(0).mesh;
    std::map<std::string, glm::vec3> out;
    for (const PartAnchor& a : vertebraPartAnchors(mesh, v.landmarks))
        out[a.term] = glm::vec3(v.landmarks.localToAnatomical() * glm::vec4(a.point, 1.0f));
    return out;
}

TEST(PartAnchorsTest, EachPartIsNamedWhereItIs) {
    const LoadResult loaded = loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb");
    ASSERT_TRUE(loaded) << loaded.error;
    const SpineAnatomy anatomy = SpineAnatomy::fromScene(*loaded.scene);
    for (const char* level : {"T8", "L1"}) {
        const VertebraNode* v = anatomy.vertebra(level);
        ASSERT_NE(v, nullptr) << level;
        const auto a = anatomicalAnchors(*loaded.scene, *v);
        const float back = glm::vec3(v->landmarks.localToAnatomical() * glm::vec4(v->landmarks.posteriorWall, 1.0f)).z;
        ASSERT_EQ(a.size(), 9u);
        for (const auto& [term, point] : a) EXPECT_NE(findGlossaryEntry(term), nullptr) << term; // every label explains itself
        EXPECT_GT(a.at("Vertebral body").z, back);                                   // in front of the canal
        EXPECT_LT(a.at("Spinous process").z, back - 0.03f);                           // far behind it
        EXPECT_LT(std::abs(a.at("Spinous process").x), 0.006f);                       // in the midline
        EXPECT_GT(a.at("Transverse process").x, 0.5f * v->landmarks.dimensions.endplateWidth); // out to the side
        EXPECT_GT(a.at("Superior articular process").y, a.at("Inferior articular process").y);
        EXPECT_LT(a.at("Lamina").z, back);
        EXPECT_GT(a.at("Pedicle").x, 0.0f);                                           // the left one
    }
}

} // namespace
} // namespace spineviz
