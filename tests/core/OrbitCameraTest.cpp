#include "core/camera/OrbitCamera.h"

#include <glm/gtc/constants.hpp>
#include <gtest/gtest.h>

namespace spineviz {
namespace {

glm::vec3 toClip(const OrbitCamera& camera, const glm::vec3& p, float aspect) {
    const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(p, 1.0f);
    return glm::vec3(clip) / clip.w;
}

Aabb unitBox() {
    Aabb box;
    box.extend(glm::vec3(-1.0f));
    box.extend(glm::vec3(1.0f));
    return box;
}

TEST(OrbitCameraTest, PresetsPutTheEyeOnTheNamedSide) {
    OrbitCamera camera;
    const struct { ViewPreset preset; glm::vec3 side; } cases[] = {
        {ViewPreset::Anterior, {0, 0, 1}}, {ViewPreset::Posterior, {0, 0, -1}}, {ViewPreset::LeftLateral, {1, 0, 0}},
        {ViewPreset::RightLateral, {-1, 0, 0}}, {ViewPreset::Superior, {0, 1, 0}}};
    for (const auto& c : cases) {
        camera.setPose(camera.framedPose(unitBox(), c.preset, 1.0f));
        const glm::vec3 direction = glm::normalize(camera.eye() - camera.pose().target);
        EXPECT_GT(glm::dot(direction, c.side), 0.999f) << viewPresetName(c.preset);
    }
}

TEST(OrbitCameraTest, SuperiorViewHasAnteriorAtTheTopAndLateralShowsFrontOnTheRight) {
    OrbitCamera camera;
    camera.setPose(camera.framedPose(unitBox(), ViewPreset::Superior, 1.0f));
    EXPECT_GT(toClip(camera, glm::vec3(0, 0, 0.5f), 1.0f).y, 0.1f); // anterior point above centre
    camera.setPose(camera.framedPose(unitBox(), ViewPreset::LeftLateral, 1.0f));
    EXPECT_LT(toClip(camera, glm::vec3(0, 0, 0.5f), 1.0f).x, -0.1f); // left side view: anterior to the viewer's left
}

TEST(OrbitCameraTest, FramingKeepsTheWholeBoxOnScreenAtAnyAspect) {
    OrbitCamera camera;
    for (float aspect : {0.5f, 1.0f, 2.5f}) {
        camera.setPose(camera.framedPose(unitBox(), ViewPreset::Anterior, aspect));
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner((i & 1) ? 1.f : -1.f, (i & 2) ? 1.f : -1.f, (i & 4) ? 1.f : -1.f);
            const glm::vec3 ndc = toClip(camera, corner, aspect);
            EXPECT_LE(std::abs(ndc.x), 1.0f) << aspect;
            EXPECT_LE(std::abs(ndc.y), 1.0f) << aspect;
            EXPECT_GT(ndc.z, -1.0f);
            EXPECT_LT(ndc.z, 1.0f);
        }
    }
}

TEST(OrbitCameraTest, OrbitPanAndZoomMoveTheViewAsExpected) {
    OrbitCamera camera;
    camera.setPose(camera.framedPose(unitBox(), ViewPreset::Anterior, 1.0f));
    const float distance = camera.pose().distance;
    camera.zoom(0.5f);
    EXPECT_NEAR(camera.pose().distance, distance * 0.5f, 1e-5f);
    camera.orbit(0.0f, 10.0f); // pitch clamps at straight down
    EXPECT_NEAR(camera.pose().pitch, glm::half_pi<float>(), 1e-5f);
    camera.setPose(camera.framedPose(unitBox(), ViewPreset::Anterior, 1.0f));
    camera.pan(glm::vec2(100.0f, 0.0f), 800.0f); // drag right: the scene follows the pointer
    EXPECT_GT(toClip(camera, glm::vec3(0.0f), 1.0f).x, 0.1f);
}

TEST(OrbitCameraTest, TransitionEasesAndArrivesExactly) {
    OrbitCamera camera;
    camera.setPose(camera.framedPose(unitBox(), ViewPreset::Anterior, 1.0f));
    const CameraPose goal = camera.framedPose(unitBox(), ViewPreset::LeftLateral, 1.0f);
    camera.transitionTo(goal, 1.0f);
    camera.update(0.5f);
    EXPECT_TRUE(camera.transitioning());
    EXPECT_NEAR(camera.pose().yaw, goal.yaw * 0.5f, 1e-4f); // smoothstep is symmetric about the middle
    camera.update(0.6f);
    EXPECT_FALSE(camera.transitioning());
    EXPECT_NEAR(camera.pose().yaw, goal.yaw, 1e-5f);
    camera.transitionTo(camera.framedPose(unitBox(), ViewPreset::Anterior, 1.0f), 1.0f);
    camera.orbit(0.1f, 0.0f); // user input takes over
    EXPECT_FALSE(camera.transitioning());
}

} // namespace
} // namespace spineviz

namespace spineviz {
namespace {

TEST(OrbitCameraTest, LensShiftMovesTheTargetOnScreenWithoutTurning) {
    OrbitCamera camera;
    Aabb box;
    box.extend(glm::vec3(-1.0f));
    box.extend(glm::vec3(1.0f));
    camera.setPose(camera.framedPose(box, ViewPreset::Anterior, 1.5f));
    const glm::vec3 eye = camera.eye();
    camera.setLensShift({0.3f, 0.1f});
    const glm::vec4 clip = camera.projection(1.5f) * camera.view() * glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
    EXPECT_NEAR(clip.x / clip.w, 0.3f, 1e-5f);
    EXPECT_NEAR(clip.y / clip.w, 0.1f, 1e-5f);
    EXPECT_EQ(camera.eye(), eye);
}

} // namespace
} // namespace spineviz
