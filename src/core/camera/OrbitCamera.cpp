#include "core/camera/OrbitCamera.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

constexpr float kPi = glm::pi<float>();
constexpr float kMaxPitch = 0.5f * kPi;
constexpr float kFrameMargin = 1.08f;

float wrapAngle(float a) {
    a = std::fmod(a + kPi, 2.0f * kPi);
    if (a < 0.0f) a += 2.0f * kPi;
    return a - kPi;
}

float smoothstep(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

} // namespace

CameraPose presetOrientation(ViewPreset preset) {
    CameraPose pose;
    switch (preset) {
    case ViewPreset::Anterior: pose.yaw = 0.0f; break;
    case ViewPreset::Posterior: pose.yaw = kPi; break;
    case ViewPreset::LeftLateral: pose.yaw = 0.5f * kPi; break;   // eye on the patient's left (+X)
    case ViewPreset::RightLateral: pose.yaw = -0.5f * kPi; break;
    case ViewPreset::Superior: // from above, anterior at the top of the screen
        pose.yaw = kPi;
        pose.pitch = kMaxPitch;
        break;
    }
    return pose;
}

void OrbitCamera::setPose(const CameraPose& pose) {
    pose_ = pose;
    pose_.yaw = wrapAngle(pose.yaw);
    pose_.pitch = std::clamp(pose.pitch, -kMaxPitch, kMaxPitch);
    pose_.distance = std::clamp(pose.distance, minDistance_, maxDistance_);
    cancelTransition();
}

void OrbitCamera::orbit(float yawDelta, float pitchDelta) {
    cancelTransition();
    pose_.yaw = wrapAngle(pose_.yaw + yawDelta);
    pose_.pitch = std::clamp(pose_.pitch + pitchDelta, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(glm::vec2 pixels, float viewportHeight) {
    cancelTransition();
    if (viewportHeight <= 0.0f) return;
    // One pixel at the target's depth spans this many metres.
    const float metresPerPixel = 2.0f * pose_.distance * std::tan(0.5f * kFovY) / viewportHeight;
    const glm::mat4 inverseView = glm::inverse(view());
    const glm::vec3 right(inverseView[0]), up(inverseView[1]);
    pose_.target += (-pixels.x * right + pixels.y * up) * metresPerPixel;
}

void OrbitCamera::zoom(float factor) {
    cancelTransition();
    if (!(factor > 0.0f)) return;
    pose_.distance = std::clamp(pose_.distance * factor, minDistance_, maxDistance_);
}

float OrbitCamera::fitDistance(const Aabb& bounds, float aspect) const {
    const float radius = std::max(bounds.radius(), 1e-4f);
    const float halfFovY = 0.5f * kFovY;
    const float halfFovX = std::atan(std::tan(halfFovY) * std::max(aspect, 1e-3f));
    return kFrameMargin * radius / std::sin(std::min(halfFovX, halfFovY));
}

CameraPose OrbitCamera::framedPose(const Aabb& bounds, ViewPreset preset, float aspect) const {
    CameraPose pose = presetOrientation(preset);
    pose.target = bounds.centre();
    pose.distance = fitDistance(bounds, aspect);
    return pose;
}

void OrbitCamera::frame(const Aabb& bounds, float aspect) {
    CameraPose pose = pose_;
    pose.target = bounds.centre();
    pose.distance = fitDistance(bounds, aspect);
    setPose(pose);
}

void OrbitCamera::transitionTo(const CameraPose& goal, float seconds) {
    if (seconds <= 0.0f) {
        setPose(goal);
        return;
    }
    from_ = pose_;
    to_ = goal;
    to_.yaw = from_.yaw + wrapAngle(goal.yaw - from_.yaw); // the short way round
    to_.pitch = std::clamp(goal.pitch, -kMaxPitch, kMaxPitch);
    to_.distance = std::clamp(goal.distance, minDistance_, maxDistance_);
    transitionLength_ = seconds;
    transitionTime_ = 0.0f;
}

void OrbitCamera::update(float dt) {
    if (!transitioning()) return;
    transitionTime_ += dt;
    const float s = smoothstep(transitionTime_ / transitionLength_);
    pose_.target = glm::mix(from_.target, to_.target, s);
    pose_.yaw = wrapAngle(glm::mix(from_.yaw, to_.yaw, s));
    pose_.pitch = glm::mix(from_.pitch, to_.pitch, s);
    // Zoom geometrically so near and far distances change at the same perceived rate.
    pose_.distance = std::exp(glm::mix(std::log(from_.distance), std::log(to_.distance), s));
    if (transitionTime_ >= transitionLength_) cancelTransition();
}

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 direction(std::cos(pose_.pitch) * std::sin(pose_.yaw), std::sin(pose_.pitch),
                              std::cos(pose_.pitch) * std::cos(pose_.yaw));
    return pose_.target + pose_.distance * direction;
}

glm::mat4 OrbitCamera::view() const {
    // Built from rotations rather than lookAt so looking straight down is well defined.
    glm::mat4 v = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, -pose_.distance));
    v = glm::rotate(v, pose_.pitch, glm::vec3(1.0f, 0.0f, 0.0f));
    v = glm::rotate(v, -pose_.yaw, glm::vec3(0.0f, 1.0f, 0.0f));
    return glm::translate(v, -pose_.target);
}

glm::mat4 OrbitCamera::projection(float aspect) const {
    const float nearPlane = std::max(pose_.distance * 0.02f, 1e-4f);
    const float farPlane = pose_.distance * 20.0f + 1.0f;
    const glm::mat4 shift = glm::translate(glm::mat4(1.0f), glm::vec3(lensShift_, 0.0f));
    return shift * glm::perspective(kFovY, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

void OrbitCamera::setDistanceLimits(float nearest, float farthest) {
    minDistance_ = std::max(nearest, 1e-4f);
    maxDistance_ = std::max(farthest, minDistance_);
    pose_.distance = std::clamp(pose_.distance, minDistance_, maxDistance_);
}

} // namespace spineviz
