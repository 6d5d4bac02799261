#pragma once
// An orbit camera around a target point, with eased transitions between poses. GL-free: it only
// produces matrices, so its behaviour is unit-tested without a window.

#include "core/camera/ViewPreset.h"
#include "core/math/Aabb.h"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace spineviz {

struct CameraPose {
    glm::vec3 target{0.0f};
    float yaw = 0.0f;      // radians about +Y; 0 looks at the patient's front (eye on +Z)
    float pitch = 0.0f;    // radians; +pi/2 looks straight down
    float distance = 1.0f; // metres from eye to target
};

// Yaw and pitch that look at the body from a named direction.
CameraPose presetOrientation(ViewPreset preset);

class OrbitCamera {
public:
    static constexpr float kFovY = 0.6981317f; // 40 degrees: little perspective distortion of the spine

    const CameraPose& pose() const { return pose_; }
    void setPose(const CameraPose& pose);

    // Input, in radians or pixels; each cancels a running transition.
    void orbit(float yawDelta, float pitchDelta);
    void pan(glm::vec2 pixels, float viewportHeight);
    void zoom(float factor); // < 1 moves closer

    // Distance at which `bounds` fills the view from the current direction (with a margin).
    float fitDistance(const Aabb& bounds, float aspect) const;
    // Pose that shows all of `bounds` from a preset direction.
    CameraPose framedPose(const Aabb& bounds, ViewPreset preset, float aspect) const;
    // Keeps the direction, re-centres and fits.
    void frame(const Aabb& bounds, float aspect);

    // Eases to `goal` over `seconds` (smoothstep); update() advances it.
    void transitionTo(const CameraPose& goal, float seconds);
    void update(float dt);
    bool transitioning() const { return transitionLength_ > 0.0f; }

    glm::vec3 eye() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;

    // Limits that keep zoom sensible for the scene being shown.
    void setDistanceLimits(float nearest, float farthest);

    // Shifts the image (in normalised device coordinates) so the target sits at the centre of the
    // part of the screen that panels leave free, without turning the camera.
    void setLensShift(glm::vec2 ndc) { lensShift_ = ndc; }
    glm::vec2 lensShift() const { return lensShift_; }

private:
    void cancelTransition() { transitionLength_ = 0.0f; }

    CameraPose pose_;
    CameraPose from_, to_;
    float transitionLength_ = 0.0f;
    float transitionTime_ = 0.0f;
    glm::vec2 lensShift_{0.0f};
    float minDistance_ = 0.01f;
    float maxDistance_ = 100.0f;
};

} // namespace spineviz
