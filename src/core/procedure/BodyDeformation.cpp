#include "core/procedure/BodyDeformation.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

float smoothstep(float lo, float hi, float x) {
    const float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

constexpr float kPosteriorBlend = 0.005f; // metres over which the body's motion fades into the pedicles

} // namespace

BodyFrame BodyFrame::fromLandmarks(const VertebraLandmarks& l) {
    const glm::mat4 toAnatomical = l.localToAnatomical();
    const auto anatomical = [&](const glm::vec3& p) { return glm::vec3(toAnatomical * glm::vec4(p, 1.0f)); };
    BodyFrame f;
    f.superiorY = anatomical(l.superiorEndplate.centre).y;
    f.inferiorY = anatomical(l.inferiorEndplate.centre).y;
    f.posteriorZ = anatomical(l.posteriorWall).z;
    f.anteriorZ = anatomical(l.anteriorWall).z;
    f.width = l.dimensions.endplateWidth;
    f.depth = l.dimensions.endplateDepth;
    return f;
}

BodyDeformation::BodyDeformation(const BodyFrame& frame, const WallHeights& rest, const WallHeights& current)
    : frame_(frame) {
    const float dropA = rest.anterior - current.anterior, dropP = rest.posterior - current.posterior;
    const float dropM = rest.middle - current.middle;
    const float span = std::max(frame.anteriorZ - frame.posteriorZ, 1e-3f);
    const float tilt = std::atan2(dropA - dropP, span); // front goes down: positive about +x (left)
    posteriorDrop_ = dropP;
    depression_ = std::max(0.0f, dropM - 0.5f * (dropA + dropP));
    const glm::vec3 hinge(0.0f, frame.superiorY, frame.posteriorZ);
    above_ = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -dropP, 0.0f)) * glm::translate(glm::mat4(1.0f), hinge) *
             glm::rotate(glm::mat4(1.0f), tilt, glm::vec3(1.0f, 0.0f, 0.0f)) * glm::translate(glm::mat4(1.0f), -hinge);
    identity_ = std::abs(dropA) < 1e-7f && std::abs(dropP) < 1e-7f && depression_ < 1e-7f;
}

float BodyDeformation::centralDepression(const glm::vec3& a) const {
    if (depression_ <= 0.0f) return 0.0f;
    const float centreZ = 0.5f * (frame_.anteriorZ + frame_.posteriorZ);
    const float rx = a.x / std::max(0.5f * frame_.width, 1e-3f);
    const float rz = (a.z - centreZ) / std::max(0.5f * frame_.depth, 1e-3f);
    const float falloff = std::max(0.0f, 1.0f - (rx * rx + rz * rz));
    return 0.5f * depression_ * falloff * falloff;
}

glm::vec3 BodyDeformation::treated(const glm::vec3& a) const {
    if (identity_) return a;
    const float height = std::max(frame_.superiorY - frame_.inferiorY, 1e-3f);
    const float s = std::clamp((a.y - frame_.inferiorY) / height, -0.25f, 1.25f);
    const float sink = centralDepression(a);
    const glm::vec3 lower = a + glm::vec3(0.0f, sink, 0.0f);
    const glm::vec3 upper = applyAbove(a) - glm::vec3(0.0f, sink, 0.0f);
    const glm::vec3 body = lower + (upper - lower) * s;
    // Posterior elements are not crushed: they only follow the posterior wall's drop, top more than bottom.
    const glm::vec3 posterior = a - glm::vec3(0.0f, posteriorDrop_ * std::clamp(s, 0.0f, 1.0f), 0.0f);
    const float inBody = smoothstep(frame_.posteriorZ - kPosteriorBlend, frame_.posteriorZ + 0.2f * kPosteriorBlend, a.z);
    return posterior + (body - posterior) * inBody;
}

glm::vec3 BodyDeformation::discAbove(const glm::vec3& a) const {
    if (identity_) return a;
    const float t = std::clamp((a.y - frame_.superiorY) / std::max(frame_.discAboveHeight, 1e-3f), 0.0f, 1.0f);
    return applyAbove(a) - glm::vec3(0.0f, centralDepression(a) * (1.0f - t), 0.0f);
}

glm::vec3 BodyDeformation::discBelow(const glm::vec3& a) const {
    if (identity_) return a;
    const float t = std::clamp((frame_.inferiorY - a.y) / std::max(frame_.discBelowHeight, 1e-3f), 0.0f, 1.0f);
    return a + glm::vec3(0.0f, centralDepression(a) * (1.0f - t), 0.0f);
}

glm::vec3 BodyDeformation::straddling(const glm::vec3& a) const {
    if (identity_) return a;
    const float w = smoothstep(frame_.inferiorY, frame_.superiorY + frame_.discAboveHeight, a.y);
    return a + (applyAbove(a) - a) * w;
}

} // namespace spineviz
