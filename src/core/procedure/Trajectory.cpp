#include "core/procedure/Trajectory.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

// A unilateral needle enters laterally and crosses the pedicle medially to reach the midline: up
// to ~15 deg off the pedicle axis over a pedicle of ~15-20 mm moves ~4-5 mm, about its half-width.
constexpr float kMaxUnilateralDeviation = 0.26f; // radians
constexpr float kMinWallCrossing = 1e-3f;

glm::vec3 toAnatomical(const VertebraLandmarks& l, const glm::vec3& p, float w) {
    return glm::vec3(l.localToAnatomical() * glm::vec4(p, w));
}

// Distance along the line where it crosses the coronal plane z = planeZ.
float crossing(const glm::vec3& entry, const glm::vec3& axis, float planeZ) {
    return axis.z > kMinWallCrossing ? (planeZ - entry.z) / axis.z : 0.0f;
}

// Rotates `from` toward `to` by at most `maxAngle`.
glm::vec3 turnToward(const glm::vec3& from, const glm::vec3& to, float maxAngle) {
    const float angle = std::acos(std::clamp(glm::dot(from, to), -1.0f, 1.0f));
    if (angle <= maxAngle || angle < 1e-6f) return to;
    const float t = maxAngle / angle;
    return glm::normalize(from * std::sin((1.0f - t) * angle) / std::sin(angle) + to * std::sin(t * angle) / std::sin(angle));
}

} // namespace

Trajectory planTrajectory(const VertebraLandmarks& l, Side side, Access access) {
    Trajectory path;
    path.side = side;
    const PedicleLandmarks& pedicle = l.pedicle(side);
    path.entry = toAnatomical(l, pedicle.entry, 1.0f);
    path.axis = glm::normalize(toAnatomical(l, pedicle.axis, 0.0f));
    const float posteriorZ = toAnatomical(l, l.posteriorWall, 1.0f).z;
    const float anteriorZ = toAnatomical(l, l.anteriorWall, 1.0f).z;
    if (access == Access::Unilateral) {
        // Aim at the midline in the anterior third, as far as the pedicle allows.
        const float targetZ = posteriorZ + kAnteriorThird * (anteriorZ - posteriorZ);
        const glm::vec3 target(0.0f, path.entry.y + path.axis.y * crossing(path.entry, path.axis, targetZ), targetZ);
        path.axis = turnToward(path.axis, glm::normalize(target - path.entry), kMaxUnilateralDeviation);
    }
    path.posteriorWall = crossing(path.entry, path.axis, posteriorZ);
    path.anteriorWall = crossing(path.entry, path.axis, anteriorZ);
    return path;
}

} // namespace spineviz
