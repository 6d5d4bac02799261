#include "core/procedure/PhaseView.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

constexpr float kDeg = 0.0174532925f;

} // namespace

PhaseView phaseView(PhaseId phase) {
    PhaseView v;
    switch (phase) {
    case PhaseId::Healthy: v.wholeSpine = true; v.yaw = 35 * kDeg; v.pitch = 7 * kDeg; break;
    case PhaseId::Fracture: v.yaw = 90 * kDeg; v.pitch = 4 * kDeg; v.span = 0.26f; break;        // the stoop, from the left
    case PhaseId::Preparation: v.yaw = 150 * kDeg; v.pitch = 28 * kDeg; v.span = 0.20f; v.trunk = true; break; // the back, as the team sees it
    case PhaseId::Access: v.yaw = 142 * kDeg; v.pitch = 16 * kDeg; v.span = 0.19f; v.targetZ = -0.02f; v.trunk = true; break; // needles entering the pedicles
    case PhaseId::Drilling:
    case PhaseId::BalloonInsertion:
        v.yaw = 90 * kDeg; v.pitch = 10 * kDeg; v.span = 0.11f; v.targetZ = -0.004f; v.inside = true; break; // lateral: the path in
    case PhaseId::Inflation:
    case PhaseId::Deflation:
    case PhaseId::Cement:
    case PhaseId::Hardening:
        v.yaw = 90 * kDeg; v.pitch = 10 * kDeg; v.span = 0.08f; v.targetZ = 0.0f; v.inside = true; break; // lateral, closer: the body's inside
    case PhaseId::Removal: v.yaw = 155 * kDeg; v.pitch = 25 * kDeg; v.span = 0.20f; v.trunk = true; break;
    case PhaseId::Outcome: v.yaw = 75 * kDeg; v.pitch = 6 * kDeg; v.span = 0.16f; v.inside = true; break;
    }
    return v;
}

CameraPose cameraPoseFor(const PhaseView& view, const glm::mat4& anatomicalToWorld, const Aabb& modelBounds, float aspect) {
    CameraPose pose;
    pose.yaw = view.yaw;
    pose.pitch = view.pitch;
    if (view.wholeSpine) {
        OrbitCamera framing;
        framing.setPose(pose);
        pose.target = modelBounds.centre();
        pose.distance = framing.fitDistance(modelBounds, aspect);
        return pose;
    }
    // Centre on the body, nudged back toward the canal so the needles' path stays in view.
    pose.target = glm::vec3(anatomicalToWorld * glm::vec4(0.0f, 0.0f, view.targetZ, 1.0f));
    const float halfFov = 0.5f * OrbitCamera::kFovY;
    const float fitHeight = 0.5f * view.span / std::tan(halfFov);
    const float fitWidth = 0.5f * view.span / (std::tan(halfFov) * std::max(aspect, 0.3f));
    pose.distance = std::max(fitHeight, fitWidth * 0.8f);
    return pose;
}

} // namespace spineviz
