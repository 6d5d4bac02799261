#pragma once
// Signed-distance primitives and blends used to model bones and soft tissue. All lengths are in
// millimetres; negative inside. Most primitives are distance *bounds* (exact on their axes, a little
// off elsewhere); the polygoniser only needs the zero set and a gradient, and the cortical offset
// only needs them to be close to true distance near the surface, which these are.

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model::sdf {

using glm::vec2;
using glm::vec3;

inline float clamp01(float x) { return std::clamp(x, 0.0f, 1.0f); }

inline float smoothstep(float e0, float e1, float x) {
    const float t = clamp01((x - e0) / (e1 - e0));
    return t * t * (3.0f - 2.0f * t);
}

inline float mix(float a, float b, float t) { return a + (b - a) * t; }

// Polynomial smooth minimum: a fillet of radius about k where two surfaces meet.
inline float smoothUnion(float a, float b, float k) {
    if (k <= 0.0f) return std::min(a, b);
    const float h = clamp01(0.5f + 0.5f * (b - a) / k);
    return mix(b, a, h) - k * h * (1.0f - h);
}

// Removes b from a with a rounded edge of about k.
inline float smoothSubtract(float a, float b, float k) { return -smoothUnion(-a, b, k); }

inline float smoothIntersect(float a, float b, float k) { return -smoothUnion(-a, -b, k); }

inline float sphere(const vec3& p, const vec3& centre, float radius) { return glm::length(p - centre) - radius; }

// Ellipse distance bound (Inigo Quilez's k0*(k0-1)/k1 form): exact on the axes, good near the curve.
inline float ellipse(const vec2& p, const vec2& radii) {
    const float k0 = glm::length(p / radii);
    const float k1 = glm::length(p / (radii * radii));
    if (k1 < 1e-12f) return -std::min(radii.x, radii.y);
    return k0 * (k0 - 1.0f) / k1;
}

inline float ellipsoid(const vec3& p, const vec3& radii) {
    const float k0 = glm::length(p / radii);
    const float k1 = glm::length(p / (radii * radii));
    if (k1 < 1e-12f) return -std::min(radii.x, std::min(radii.y, radii.z));
    return k0 * (k0 - 1.0f) / k1;
}

// Exact 2D rounded rectangle: half extents b, corner radius r (r <= min(b)).
inline float roundedRect(const vec2& p, const vec2& b, float r) {
    const vec2 q = glm::abs(p) - b + vec2(r);
    return glm::length(glm::max(q, vec2(0.0f))) + std::min(std::max(q.x, q.y), 0.0f) - r;
}

// Joins a 2D cross-section distance d2 with a vertical slab distance dy, rounding the rim with radius r.
inline float roundedExtrusion(float d2, float dy, float r) {
    const vec2 q(d2 + r, dy + r);
    return glm::length(glm::max(q, vec2(0.0f))) + std::min(std::max(q.x, q.y), 0.0f) - r;
}

// A limb: a tapered bar from a to b whose cross-section is an ellipse (or a rounded rectangle when
// boxiness > 0), with half-sizes interpolated from (wa, ha) at a to (wb, hb) at b. `widthDir` picks the
// direction of the first half-size (it is orthogonalised against the bar). Ends are rounded.
struct Limb {
    vec3 a{0.0f}, b{0.0f, 1.0f, 0.0f};
    vec2 sizeA{1.0f}, sizeB{1.0f};   // (half width, half height) at a and at b
    vec3 widthDir{1.0f, 0.0f, 0.0f};
    float boxiness = 0.0f;           // 0: ellipse; >0: rounded rectangle with this corner fraction
};

inline float limb(const vec3& p, const Limb& l) {
    const vec3 axis = l.b - l.a;
    const float length = glm::length(axis);
    const vec3 u = axis / length;
    vec3 w = l.widthDir - u * glm::dot(l.widthDir, u);
    w = glm::normalize(w);
    const vec3 h = glm::cross(u, w);
    const vec3 d = p - l.a;
    const float along = glm::dot(d, u);
    const float t = clamp01(along / length);
    const vec2 size = glm::mix(l.sizeA, l.sizeB, t);
    const vec2 cross(glm::dot(d, w), glm::dot(d, h));
    if (l.boxiness > 0.0f) {
        // Boxy bars end flat at a and b, with rims rounded like the long edges.
        const float cap = std::min(size.x, size.y);
        const float side = roundedRect(cross, size, l.boxiness * cap);
        const float slab = std::max(-along, along - length);
        return roundedExtrusion(side, slab, 0.5f * l.boxiness * cap);
    }
    // Elliptical bars end in half-ellipsoids reaching the smaller half-size beyond a and b.
    const float beyond = along < 0.0f ? along : (along > length ? along - length : 0.0f);
    const float cap = std::min(size.x, size.y);
    return ellipsoid(vec3(cross, beyond), vec3(size, cap));
}

// A point on a quadratic Bezier curve (curved parts are chains of limbs along one).
inline vec3 bezier(const vec3& p0, const vec3& p1, const vec3& p2, float t) {
    const float s = 1.0f - t;
    return s * s * p0 + 2.0f * s * t * p1 + t * t * p2;
}

} // namespace spine_model::sdf
