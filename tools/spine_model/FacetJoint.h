#pragma once
// A facet (zygapophyseal) joint, shared by two vertebrae: one surface that both articular processes
// are cut to, a joint space apart. Because both bones are cut by the same surface, the facets are
// congruent wherever the processes overlap, at any alignment.
//
// Thoracic joints are planar and nearly coronal (the superior facet faces back, up and out);
// lumbar ones are curved (a cylinder), the superior facet concave and facing back and in.

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace spine_model {

struct FacetJoint {
    glm::vec3 centre{0.0f};
    glm::vec3 normal{0.0f, 0.0f, -1.0f}; // unit, from the superior process (lower bone) towards the inferior one
    glm::vec3 up{0.0f, 1.0f, 0.0f};      // unit, along the joint, perpendicular to normal
    float radius = 0.0f;                 // 0: planar; else the cylinder radius (axis along `up`, on the normal side)
    float gap = 1.5f;                    // joint space, mm

    // Signed distance to the joint surface, positive on the inferior-process side.
    float side(const glm::vec3& p) const;
    glm::vec3 tangent() const;
};

// The joint expressed in another frame: `m` maps the joint's current frame to the new one.
FacetJoint transformJoint(const FacetJoint& joint, const glm::mat4& m);

} // namespace spine_model
