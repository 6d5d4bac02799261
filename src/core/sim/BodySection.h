#pragma once
// The body's outer section as the cement grid sees it (shared by BoneField.cpp and the damage draw,
// BoneDamageDraw.cpp; not a public header): an ellipse in the xz plane, with distances and angles.

#include "core/procedure/BodyDeformation.h"

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz::bone_detail {

inline constexpr float kPi = 3.14159265f;
inline constexpr float kDeg = kPi / 180.0f;


// Outer ellipse of the body in the xz plane.
struct Section {
    float a = 0.02f, b = 0.016f, cz = 0.0f;
    float normalised(float x, float z) const {
        const float rx = x / a, rz = (z - cz) / b;
        return std::sqrt(rx * rx + rz * rz);
    }
    // Signed distance to the ellipse, first order (good to a few mm away).
    float distance(float x, float z) const {
        const float rx = x / a, rz = (z - cz) / b;
        const float f = rx * rx + rz * rz - 1.0f;
        const float gx = 2.0f * x / (a * a), gz = 2.0f * (z - cz) / (b * b);
        return f / std::max(std::sqrt(gx * gx + gz * gz), 1e-6f);
    }
    glm::vec3 point(float theta, float y) const { return {a * std::cos(theta), y, cz + b * std::sin(theta)}; }
    glm::vec3 normal(float theta) const {
        const glm::vec3 n(std::cos(theta) / a, 0.0f, std::sin(theta) / b);
        return n / glm::length(n);
    }
    float angle(float x, float z) const { return std::atan2((z - cz) / b, x / a); }
    float speed(float theta) const { // arc length per radian
        const float s = a * std::sin(theta), c = b * std::cos(theta);
        return std::sqrt(s * s + c * c);
    }
};

inline Section sectionOf(const BodyFrame& body) {
    return {0.5f * body.width, 0.5f * (body.anteriorZ - body.posteriorZ), 0.5f * (body.anteriorZ + body.posteriorZ)};
}

inline float wrapAngle(float a) {
    while (a > kPi) a -= 2.0f * kPi;
    while (a < -kPi) a += 2.0f * kPi;
    return a;
}

inline float segmentDistance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
    const glm::vec3 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (a + t * ab));
}


} // namespace spineviz::bone_detail
