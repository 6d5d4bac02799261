#include "FacetJoint.h"

#include <glm/geometric.hpp>

namespace spine_model {

void FacetJoint::update() {
    const glm::vec3 t = glm::normalize(glm::cross(up, normal));
    tangent_ = t.z > 0.0f ? -t : t;
}

glm::vec2 FacetJoint::surfaceCoords(const glm::vec3& p) const {
    const glm::vec3 d = p - centre;
    return {glm::dot(d, tangent()), glm::dot(d, up)};
}

float FacetJoint::side(const glm::vec3& p) const {
    const glm::vec3 d = p - centre;
    if (radius <= 0.0f) return glm::dot(d, normal);
    const glm::vec3 axisPoint = centre + normal * radius;
    glm::vec3 r = p - axisPoint;
    r -= up * glm::dot(r, up);
    return radius - glm::length(r);
}

float FacetJoint::farSide(const glm::vec3& p) const {
    if (radius <= 0.0f) return -1e9f;
    return glm::dot(p - centre, normal) - 0.8f * radius;
}

FacetJoint transformJoint(const FacetJoint& joint, const glm::mat4& m) {
    FacetJoint out = joint;
    out.centre = glm::vec3(m * glm::vec4(joint.centre, 1.0f));
    out.normal = glm::normalize(glm::vec3(m * glm::vec4(joint.normal, 0.0f)));
    out.up = glm::normalize(glm::vec3(m * glm::vec4(joint.up, 0.0f)));
    out.update();
    return out;
}

} // namespace spine_model
