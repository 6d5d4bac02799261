#pragma once
// An ellipsoid of revolution about an axis: the shape of an inflated balloon and of the cavity it
// leaves.

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <cmath>

namespace spineviz {

struct Ellipsoid {
    glm::vec3 centre{0.0f};
    glm::vec3 axis{0.0f, 0.0f, 1.0f}; // unit
    float halfLength = 0.0f;          // along the axis, metres
    float radius = 0.0f;              // across it, metres

    // < 1 inside, 1 on the surface, > 1 outside.
    float normalisedRadius(const glm::vec3& p) const {
        const glm::vec3 d = p - centre;
        const float along = glm::dot(d, axis);
        const glm::vec3 across = d - along * axis;
        if (halfLength <= 0.0f || radius <= 0.0f) return INFINITY;
        return std::sqrt(along * along / (halfLength * halfLength) + glm::dot(across, across) / (radius * radius));
    }
    bool contains(const glm::vec3& p) const { return normalisedRadius(p) <= 1.0f; }
    float volume() const { return 4.18879020f * halfLength * radius * radius; } // 4/3 pi a b^2, m^3
};

} // namespace spineviz
