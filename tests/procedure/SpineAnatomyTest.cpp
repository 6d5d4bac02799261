// Finding the spine in a scene: landmarks parsed from extras (with clear errors), vertebrae and
// discs found by name, and every node given its place relative to the treated level.

#include "SyntheticVertebra.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/SpinePose.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

namespace spineviz {
namespace {

nlohmann::json vec(const glm::vec3& v) { return {v.x, v.y, v.z}; }

nlohmann::json extrasFor(const VertebraLandmarks& l) {
    const auto pedicle = [](const PedicleLandmarks& p) {
        return nlohmann::json{{"entry", vec(p.entry)}, {"axis", vec(p.axis)}, {"width", p.width}, {"height", p.height}};
    };
    const BodyDimensions& d = l.dimensions;
    return {{"spineviz",
             {{"format", 1}, {"kind", "vertebra"}, {"level", l.level},
              {"frame", {{"origin", vec(l.origin)}, {"anterior", vec(l.anterior)}, {"superior", vec(l.superior)}, {"left", vec(l.left)}}},
              {"superior_endplate", {{"centre", vec(l.superiorEndplate.centre)}, {"normal", vec(l.superiorEndplate.normal)}}},
              {"inferior_endplate", {{"centre", vec(l.inferiorEndplate.centre)}, {"normal", vec(l.inferiorEndplate.normal)}}},
              {"anterior_wall", vec(l.anteriorWall)}, {"posterior_wall", vec(l.posteriorWall)},
              {"pedicles", {{"left", pedicle(l.pedicles[0])}, {"right", pedicle(l.pedicles[1])}}},
              {"dimensions", {{"anterior_height", d.anteriorHeight}, {"middle_height", d.middleHeight},
                              {"posterior_height", d.posteriorHeight}, {"endplate_width", d.endplateWidth},
                              {"endplate_depth", d.endplateDepth}, {"cortical_thickness", d.corticalThickness},
                              {"canal_width", d.canalWidth}, {"canal_depth", d.canalDepth}}}}}};
}

// A box mesh spanning [lo, hi] so nodes have bounds.
Primitive boxPrimitive(const glm::vec3& lo, const glm::vec3& hi) {
    Primitive p;
    for (int i = 0; i < 8; ++i) p.mesh.positions.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
    p.mesh.indices = {0, 1, 2};
    for (const glm::vec3& v : p.mesh.positions) p.bounds.extend(v);
    return p;
}

int addNode(Scene& scene, const std::string& name, const glm::vec3& at, const Primitive& primitive, nlohmann::json extras = nullptr) {
    Node node;
    node.name = name;
    node.local = glm::translate(glm::mat4(1.0f), at);
    node.mesh = static_cast<int>(scene.meshes.size());
    node.extras = std::move(extras);
    scene.meshes.push_back({name, {primitive}});
    scene.nodes.push_back(node);
    scene.roots.push_back(static_cast<int>(scene.nodes.size()) - 1);
    return static_cast<int>(scene.nodes.size()) - 1;
}

// T12, L1 and L2 stacked 4 cm apart with discs between, a cord through all and a rib at T12.
Scene stackedSpine() {
    Scene scene;
    const Primitive body = boxPrimitive({-0.02f, -0.013f, -0.016f}, {0.02f, 0.013f, 0.016f});
    const char* levels[] = {"T12", "L1", "L2"};
    for (int i = 0; i < 3; ++i) {
        VertebraLandmarks l = test::syntheticL1();
        l.level = levels[i];
        addNode(scene, std::string("vertebrae_") + levels[i], {0.0f, 0.04f * float(1 - i), 0.0f}, body, extrasFor(l));
    }
    const Primitive disc = boxPrimitive({-0.02f, -0.006f, -0.016f}, {0.02f, 0.006f, 0.016f});
    addNode(scene, "disc_T12_L1", {0.0f, 0.02f, 0.0f}, disc);
    addNode(scene, "disc_L1_L2", {0.0f, -0.02f, 0.0f}, disc);
    addNode(scene, "spinal_cord", {0.0f, 0.0f, -0.03f}, boxPrimitive({-0.005f, -0.06f, -0.005f}, {0.005f, 0.06f, 0.005f}));
    addNode(scene, "rib_left_12", {0.05f, 0.04f, 0.0f}, boxPrimitive({-0.01f, -0.005f, -0.01f}, {0.01f, 0.005f, 0.01f}));
    return scene;
}

TEST(SpineAnatomyTest, LandmarksParseAndMalformedOnesSayWhatIsWrong) {
    const VertebraLandmarks l = test::syntheticL1();
    std::string error;
    const auto parsed = parseVertebraLandmarks(extrasFor(l), error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(parsed->level, "L1");
    EXPECT_FLOAT_EQ(parsed->dimensions.endplateWidth, l.dimensions.endplateWidth);
    EXPECT_NEAR(glm::length(parsed->pedicle(Side::Right).axis), 1.0f, 1e-6f);

    nlohmann::json missing = extrasFor(l);
    missing["spineviz"].erase("pedicles");
    EXPECT_FALSE(parseVertebraLandmarks(missing, error));
    EXPECT_NE(error.find("pedicles"), std::string::npos) << error;
    nlohmann::json bad = extrasFor(l);
    bad["spineviz"]["anterior_wall"] = {1.0, "two", 3.0};
    EXPECT_FALSE(parseVertebraLandmarks(bad, error));
    EXPECT_NE(error.find("anterior_wall"), std::string::npos) << error;
    EXPECT_FALSE(parseVertebraLandmarks(nullptr, error));
}

TEST(SpineAnatomyTest, FindsVertebraeAndDiscsByName) {
    const Scene scene = stackedSpine();
    const SpineAnatomy anatomy = SpineAnatomy::fromScene(scene);
    EXPECT_EQ(anatomy.vertebrae().size(), 3u);
    EXPECT_EQ(anatomy.treatableLevels(), (std::vector<std::string>{"T12", "L1", "L2"}));
    ASSERT_NE(anatomy.discAbove("L1"), nullptr);
    EXPECT_EQ(anatomy.discAbove("L1")->upper, "T12");
    EXPECT_EQ(anatomy.discBelow("L1")->lower, "L2");
    EXPECT_EQ(anatomy.problemWith("L1"), "");
    EXPECT_NE(anatomy.problemWith("T2").find("T5 to L5"), std::string::npos);
    EXPECT_NE(anatomy.problemWith("L4").find("no vertebra L4"), std::string::npos);
}

TEST(SpineAnatomyTest, EveryNodeKnowsWhereItStandsAgainstTheTreatedLevel) {
    const Scene scene = stackedSpine();
    const SpinePose pose(scene, SpineAnatomy::fromScene(scene), "L1");
    EXPECT_EQ(pose.region(scene.findNode("vertebrae_T12")), PoseRegion::Above);
    EXPECT_EQ(pose.region(scene.findNode("vertebrae_L1")), PoseRegion::Treated);
    EXPECT_EQ(pose.region(scene.findNode("vertebrae_L2")), PoseRegion::Below);
    EXPECT_EQ(pose.region(scene.findNode("disc_T12_L1")), PoseRegion::DiscAbove);
    EXPECT_EQ(pose.region(scene.findNode("disc_L1_L2")), PoseRegion::DiscBelow);
    EXPECT_EQ(pose.region(scene.findNode("spinal_cord")), PoseRegion::Straddling); // runs past the level: bends
    EXPECT_EQ(pose.region(scene.findNode("rib_left_12")), PoseRegion::Above);
    // The disc heights between the stacked bodies come out of the landmarks: 4 cm apart, 2.7 cm bodies.
    EXPECT_NEAR(pose.frame().discAboveHeight, 0.013f, 1e-4f);
}

} // namespace
} // namespace spineviz
