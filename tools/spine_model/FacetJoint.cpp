#include "FacetJoint.h"

#include <glm/geometric.hpp>


namespace spine_model {

glm::vec3 FacetJoint::tangent() const { return glm::normalize(glm::cross(up, normal)); }

float FacetJoint::side(const glm::vec3& p) const {
    const glm::vec3 d = p - centre;
    if (radius <= 0.0f) return glm::dot(d, normal);
    const glm::vec3 axisPoint = centre + normal * radius;
    glm::vec3 r = p - axisPoint;
    r -= up * glm::dot(r, up);
    return radius - glm::length(r);
}

FacetJoint transformJoint(const FacetJoint& joint, const glm::mat4& m) {
    FacetJoint out = joint;
    out.centre = glm::vec3(m * glm::vec4(joint.centre, 1.0f));
    out.normal = glm::normalize(glm::vec3(m * glm::vec4(joint.normal, 0.0f)));
    out.up = glm::normalize(glm::vec3(m * glm::vec4(joint.up, 0.0f)));
    return out;
}

} // namespace spine_model
