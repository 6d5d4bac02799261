#pragma once
// A rounded solid of revolution about an axis: the shape of an inflated balloon and of the cavity it
// leaves. Its outline is a superellipse, |along / halfLength|^e + |across / radius|^e = 1: e = 2 is
// an ellipsoid, larger exponents give the fuller, round-ended sleeve of a balloon tamp.

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <cmath>

namespace spineviz {

struct Ellipsoid {
    glm::vec3 centre{0.0f};
    glm::vec3 axis{0.0f, 0.0f, 1.0f}; // unit
    float halfLength = 0.0f;          // along the axis, metres
    float radius = 0.0f;              // across it, metres
    float exponent = 2.0f;            // of the outline's superellipse (>= 2 here)

    // < 1 inside, 1 on the surface, > 1 outside; scales linearly with distance from the centre.
    float normalisedRadius(const glm::vec3& p) const {
        const glm::vec3 d = p - centre;
        const float along = glm::dot(d, axis);
        const glm::vec3 across = d - along * axis;
        if (halfLength <= 0.0f || radius <= 0.0f) return INFINITY;
        const float a = std::abs(along) / halfLength, r = std::sqrt(glm::dot(across, across)) / radius;
        if (exponent == 2.0f) return std::sqrt(a * a + r * r);
        return std::pow(std::pow(a, exponent) + std::pow(r, exponent), 1.0f / exponent);
    }
    bool contains(const glm::vec3& p) const { return normalisedRadius(p) <= 1.0f; }
    // pi r^2 L times the superellipse's shape factor 2 G(1+1/e) G(1+2/e) / G(1+3/e) (4/3 for e = 2), m^3.
    float volume() const {
        const float e = exponent;
        const float factor = 2.0f * std::tgamma(1.0f + 1.0f / e) * std::tgamma(1.0f + 2.0f / e) / std::tgamma(1.0f + 3.0f / e);
        return 3.14159265f * factor * halfLength * radius * radius;
    }
};

} // namespace spineviz
