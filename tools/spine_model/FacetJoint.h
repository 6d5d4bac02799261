#pragma once
// A facet (zygapophyseal) joint, shared by two vertebrae: one surface that both articular processes
// are built on, a joint space apart. Because both bones are shaped by the same surface, the facets are
// congruent wherever the processes overlap, at any alignment.
//
// Thoracic joints are planar and nearly coronal (the superior facet faces back, up and out);
// lumbar ones are curved (a cylinder about a vertical axis), the superior facet concave and facing
// back and in, the inferior convex and facing forward and out.

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace spine_model {

struct FacetJoint {
    glm::vec3 centre{0.0f};
    glm::vec3 normal{0.0f, 0.0f, -1.0f}; // unit, from the superior process (lower bone) towards the inferior one
    glm::vec3 up{0.0f, 1.0f, 0.0f};      // unit, along the joint, perpendicular to normal
    float radius = 0.0f;                 // 0: planar; else the cylinder radius (axis along `up`, on the normal side)
    float gap = 1.5f;                    // joint space, mm
    glm::vec2 halfSize{8.0f, 10.0f};     // extent of the articular surfaces about the centre (tangent, up), mm

    // Signed distance to the joint surface, positive on the inferior-process side.
    float side(const glm::vec3& p) const;
    // Positive beyond the half of a curved joint's cylinder that carries the joint (where the
    // cylinder's far side would otherwise pass for joint surface too); very negative for planar joints.
    float farSide(const glm::vec3& p) const;
    // Unit, along the joint surface and perpendicular to `up`; points backwards (towards -Z). Cached
    // by update(), which must follow any change of normal or up.
    glm::vec3 tangent() const { return tangent_; }
    void update();
    // (along tangent(), along up) of p relative to the centre.
    glm::vec2 surfaceCoords(const glm::vec3& p) const;

private:
    glm::vec3 tangent_{1.0f, 0.0f, 0.0f};
};

// The joint expressed in another frame: `m` maps the joint's current frame to the new one.
FacetJoint transformJoint(const FacetJoint& joint, const glm::mat4& m);

} // namespace spine_model
