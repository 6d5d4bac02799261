// C-arm geometry and the presets: the source, detector and image axes; angles both ways; the
// orientation letters; true AP, true lateral and the owl's eye on the bundled spine's L1 and on a
// tilted synthetic vertebra.

#include "core/procedure/ProcedureSession.h"
#include "core/scene/GltfLoader.h"
#include "core/xray/CArm.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>

namespace spineviz::xray {
namespace {

constexpr float kPi = 3.14159265f;

void expectVec(const glm::vec3& a, const glm::vec3& b, float tolerance = 1e-5f) {
    EXPECT_NEAR(a.x, b.x, tolerance);
    EXPECT_NEAR(a.y, b.y, tolerance);
    EXPECT_NEAR(a.z, b.z, tolerance);
}

TEST(CArmTest, ViewGeometry) {
    CArmGeometry g;
    CArmPose pose;
    pose.isocentre = {0.01f, 0.02f, 0.03f};
    pose.orbital = 0.3f;
    pose.angular = -0.2f;
    const CArmView v = viewOf(pose, g);
    EXPECT_NEAR(glm::length(v.beam), 1.0f, 1e-6f);
    EXPECT_NEAR(glm::dot(v.beam, v.up), 0.0f, 1e-6f);
    EXPECT_NEAR(glm::dot(v.beam, v.right), 0.0f, 1e-6f);
    EXPECT_NEAR(glm::dot(v.up, v.right), 0.0f, 1e-6f);
    EXPECT_NEAR(glm::distance(v.source, pose.isocentre), g.sourceToIsocentre, 1e-5f);
    EXPECT_NEAR(glm::distance(v.source, v.detectorCentre), g.sourceToDetector, 1e-5f);
    const auto centre = v.project(pose.isocentre);
    ASSERT_TRUE(centre);
    EXPECT_NEAR(glm::length(*centre), 0.0f, 1e-6f);
    // 1 cm at the isocentre is magnified SID/SOD on the detector.
    const auto offset = v.project(pose.isocentre + v.right * 0.01f);
    ASSERT_TRUE(offset);
    EXPECT_NEAR(offset->x, 0.01f * g.magnification(), 1e-6f);
    EXPECT_NEAR(offset->y, 0.0f, 1e-6f);
    EXPECT_FALSE(v.project(v.source - v.beam * 0.1f));
    // The ray to the field's edge ends on the detector's rim; the GL matrices agree.
    const glm::vec3 edge = v.source + v.rayTo({1.0f, 0.0f}) * (g.sourceToDetector / glm::dot(v.rayTo({1.0f, 0.0f}), v.beam));
    EXPECT_NEAR(glm::distance(edge, v.detectorCentre), 0.5f * g.detectorDiameter, 1e-5f);
    const glm::vec4 clip = v.projection * v.view * glm::vec4(edge, 1.0f);
    EXPECT_NEAR(clip.x / clip.w, 1.0f, 1e-4f);
    EXPECT_NEAR(clip.y / clip.w, 0.0f, 1e-4f);
}

TEST(CArmTest, MobileCArmDimensions) {
    const CArmGeometry g;
    EXPECT_NEAR(g.sourceToDetector, 0.968f, 1e-6f); // ARCADIS Varic
    EXPECT_NEAR(g.detectorDiameter, 0.23f, 1e-6f);  // 9-inch intensifier
    EXPECT_GT(g.magnification(), 1.2f);
    EXPECT_LT(g.magnification(), 2.0f);
}

TEST(CArmTest, RotationsAndTheirAngles) {
    expectVec(beamDirection(0.0f, 0.0f), {0, 0, -1});            // AP: tube anterior, beam backwards
    expectVec(beamDirection(kPi / 2, 0.0f), {-1, 0, 0});          // lateral: tube on the left
    EXPECT_GT(beamDirection(0.0f, 0.3f).y, 0.0f);                 // angular +: toward the head
    for (float orbital : {-1.2f, -0.4f, 0.0f, 0.5f, 1.1f})
        for (float angular : {-0.6f, 0.0f, 0.25f, 0.7f}) {
            float o = 0, a = 0;
            anglesFor(beamDirection(orbital, angular), o, a);
            EXPECT_NEAR(o, orbital, 1e-5f);
            EXPECT_NEAR(a, angular, 1e-5f);
        }
}

TEST(CArmTest, ImagesAreShownTheWayRadiographsAreRead) {
    const CArmGeometry g;
    CArmPose ap;
    const ImageOrientation a = orientationOf(viewOf(ap, g));
    EXPECT_EQ(a.left, 'R'); // the patient's right on the viewer's left
    EXPECT_EQ(a.right, 'L');
    EXPECT_EQ(a.top, 'H');
    CArmPose lateral;
    lateral.orbital = kPi / 2;
    const ImageOrientation l = orientationOf(viewOf(lateral, g));
    EXPECT_EQ(l.left, 'A'); // anterior to the left
    EXPECT_EQ(l.right, 'P');
    EXPECT_EQ(l.top, 'H');
}

// A vertebra tipped forward 20 degrees in the spine's curve, pedicles aimed 10 degrees medially
// and 5 degrees down.
XrayAnatomy tiltedVertebra() {
    XrayAnatomy a;
    a.valid = true;
    a.anatomicalToWorld = glm::rotate(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.1f, 0.02f)), 0.35f, glm::vec3(1, 0, 0));
    for (int side = 0; side < 2; ++side) {
        const float x = side == 0 ? 0.022f : -0.022f;
        a.pedicleEntry[side] = {x, 0.004f, -0.035f};
        a.pedicleAxis[side] = glm::normalize(glm::vec3(side == 0 ? -0.176f : 0.176f, -0.087f, 1.0f));
    }
    return a;
}

TEST(CArmTest, TrueApFollowsTheVertebrasTilt) {
    const XrayAnatomy a = tiltedVertebra();
    const CArmView v = viewOf(presetPose(CArmPreset::TrueAp, a), CArmGeometry{});
    const glm::vec3 superior = glm::normalize(glm::vec3(a.anatomicalToWorld * glm::vec4(0, 1, 0, 0)));
    const glm::vec3 anterior = glm::normalize(glm::vec3(a.anatomicalToWorld * glm::vec4(0, 0, 1, 0)));
    EXPECT_NEAR(glm::dot(v.beam, superior), 0.0f, 1e-5f); // endplates edge-on
    EXPECT_NEAR(glm::dot(v.beam, anterior), -1.0f, 1e-5f);
    // The pedicles sit symmetrically about the midline (the spinous process midway between them).
    const auto left = v.project(glm::vec3(a.anatomicalToWorld * glm::vec4(a.pedicleEntry[0], 1.0f)));
    const auto right = v.project(glm::vec3(a.anatomicalToWorld * glm::vec4(a.pedicleEntry[1], 1.0f)));
    ASSERT_TRUE(left && right);
    EXPECT_NEAR(left->x + right->x, 0.0f, 1e-5f);
    EXPECT_NEAR(left->y, right->y, 1e-5f);
    EXPECT_GT(left->x, 0.0f); // the patient's left on the viewer's right
}

TEST(CArmTest, OwlsEyeLooksDownThePedicle) {
    const XrayAnatomy a = tiltedVertebra();
    for (CArmPreset preset : {CArmPreset::OwlsEyeLeft, CArmPreset::OwlsEyeRight}) {
        const int side = preset == CArmPreset::OwlsEyeLeft ? 0 : 1;
        const CArmView v = viewOf(presetPose(preset, a), CArmGeometry{});
        const glm::vec3 entry = glm::vec3(a.anatomicalToWorld * glm::vec4(a.pedicleEntry[side], 1.0f));
        const glm::vec3 deeper = glm::vec3(a.anatomicalToWorld * glm::vec4(a.pedicleEntry[side] + a.pedicleAxis[side] * 0.02f, 1.0f));
        const auto p0 = v.project(entry), p1 = v.project(deeper);
        ASSERT_TRUE(p0 && p1);
        EXPECT_NEAR(glm::distance(*p0, *p1), 0.0f, 1e-5f); // end-on: the axis is a point
        EXPECT_LT(glm::length(*p0), 1e-4f);                 // at the image centre
        // The tube is in front (anterior), the detector behind the back.
        EXPECT_GT(glm::dot(v.source - entry, glm::vec3(a.anatomicalToWorld * glm::vec4(0, 0, 1, 0))), 0.0f);
    }
}

struct BundledL1 {
    std::unique_ptr<Scene> scene;
    std::unique_ptr<ProcedureSession> session;
    XrayAnatomy anatomy;
};

const BundledL1& bundledL1() {
    static BundledL1 l1;
    if (l1.session) return l1;
    LoadResult loaded = loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb");
    if (!loaded) return l1;
    l1.scene = std::make_unique<Scene>(std::move(*loaded.scene));
    l1.session = std::make_unique<ProcedureSession>(*l1.scene);
    if (!l1.session->available() || !l1.session->setOptions(ProcedureOptions{}).empty()) return l1;
    l1.anatomy = xrayAnatomyFrom(l1.session->pose().anatomicalToWorld(), l1.session->plan().landmarks);
    return l1;
}

TEST(CArmTest, TrueLateralSuperimposesTheTwoPedicles) {
    const BundledL1& l1 = bundledL1();
    ASSERT_TRUE(l1.anatomy.valid);
    const VertebraLandmarks& lm = l1.session->plan().landmarks;
    const CArmView v = viewOf(presetPose(CArmPreset::TrueLateral, l1.anatomy), CArmGeometry{});
    // The pedicles' isthmi (1.5 cm down each axis): their projections lie well within one
    // pedicle height of each other (only the point source's magnification differs between them).
    glm::vec2 projected[2];
    for (int side = 0; side < 2; ++side) {
        const glm::vec3 isthmus = l1.anatomy.pedicleEntry[side] + l1.anatomy.pedicleAxis[side] * 0.015f;
        const auto p = v.project(glm::vec3(l1.anatomy.anatomicalToWorld * glm::vec4(isthmus, 1.0f)));
        ASSERT_TRUE(p);
        projected[side] = *p;
    }
    const float height = 0.5f * (lm.pedicles[0].height + lm.pedicles[1].height) * CArmGeometry{}.magnification();
    EXPECT_GT(height, 0.005f);
    EXPECT_LT(glm::distance(projected[0], projected[1]), 0.25f * height);
    // ...whereas on the true AP they lie apart, either side of the midline.
    const CArmView ap = viewOf(presetPose(CArmPreset::TrueAp, l1.anatomy), CArmGeometry{});
    const auto left = ap.project(glm::vec3(l1.anatomy.anatomicalToWorld * glm::vec4(l1.anatomy.pedicleEntry[0], 1.0f)));
    const auto right = ap.project(glm::vec3(l1.anatomy.anatomicalToWorld * glm::vec4(l1.anatomy.pedicleEntry[1], 1.0f)));
    ASSERT_TRUE(left && right);
    EXPECT_GT(left->x - right->x, 0.03f);
    EXPECT_NEAR(left->x + right->x, 0.0f, 0.002f);
}

TEST(CArmTest, PresetNamesRoundTrip) {
    for (CArmPreset p : {CArmPreset::TrueAp, CArmPreset::TrueLateral, CArmPreset::OwlsEyeLeft, CArmPreset::OwlsEyeRight, CArmPreset::Custom}) {
        const auto parsed = parseCArmPreset(carmPresetKey(p));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, p);
        EXPECT_STRNE(carmPresetName(p), "?");
    }
    EXPECT_FALSE(parseCArmPreset("pa"));
}

} // namespace
} // namespace spineviz::xray
