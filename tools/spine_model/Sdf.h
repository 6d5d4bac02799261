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

// Exact distance to a simple polygon given by its vertices in order (either winding); Inigo
// Quilez's crossing-number form.
inline float polygon(const vec2& p, const vec2* v, int n) {
    float d = glm::dot(p - v[0], p - v[0]);
    float s = 1.0f;
    for (int i = 0, j = n - 1; i < n; j = i, ++i) {
        const vec2 e = v[j] - v[i], w = p - v[i];
        const vec2 b = w - e * clamp01(glm::dot(w, e) / glm::dot(e, e));
        d = std::min(d, glm::dot(b, b));
        const bool c1 = p.y >= v[i].y, c2 = p.y < v[j].y, c3 = e.x * w.y > e.y * w.x;
        if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
    }
    return s * std::sqrt(d);
}

// Cross-sections of a limb.
enum class Section : unsigned char {
    Ellipse,  // half-sizes (width, height); the ends are half-ellipsoids
    Box,      // rounded rectangle; flat ends with rounded rims
    Triangle, // isosceles, base (2 x width) at -height, apex at +height, rounded; flat ends
};

// A limb: a tapered bar from a to b whose cross-section has half-sizes interpolated from sizeA at a
// to sizeB at b. `widthDir` picks the direction of the first half-size (it is orthogonalised against
// the bar); the second is along cross(bar, widthDir). `rounding` is the corner radius of Box and
// Triangle sections as a fraction of the smaller half-size.
struct Limb {
    vec3 a{0.0f}, b{0.0f, 1.0f, 0.0f};
    vec2 sizeA{1.0f}, sizeB{1.0f};
    vec3 widthDir{1.0f, 0.0f, 0.0f};
    Section section = Section::Ellipse;
    float rounding = 0.5f;
    // Ellipse sections: the end caps reach the smaller half-size beyond the ends, or the larger one
    // when `longCaps` (for chains of limbs along a curve, where short caps leave grooves at the joints).
    bool longCaps = false;
};

inline float roundedTriangle(const vec2& p, const vec2& size, float r) {
    // Vertices, then shrunk about the incentre so that offsetting by r restores the outline.
    const vec2 v0(-size.x, -size.y), v1(size.x, -size.y), v2(0.0f, size.y);
    const float side = std::sqrt(size.x * size.x + 4.0f * size.y * size.y);
    const float base = 2.0f * size.x;
    const float inradius = (base * size.y) / (base + 2.0f * side); // area / semi-perimeter
    const vec2 incentre(0.0f, -size.y + inradius);
    r = std::min(r, 0.9f * inradius);
    const float k = 1.0f - r / inradius;
    const vec2 v[3] = {incentre + (v0 - incentre) * k, incentre + (v1 - incentre) * k, incentre + (v2 - incentre) * k};
    return polygon(p, v, 3) - r;
}

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
    const float cap = std::min(size.x, size.y);
    if (l.section != Section::Ellipse) {
        const float r = l.rounding * cap;
        const float side = l.section == Section::Box ? roundedRect(cross, size, r) : roundedTriangle(cross, size, r);
        const float slab = std::max(-along, along - length);
        return roundedExtrusion(side, slab, 0.5f * r);
    }
    // Elliptical bars end in half-ellipsoids.
    const float beyond = along < 0.0f ? along : (along > length ? along - length : 0.0f);
    return ellipsoid(vec3(cross, beyond), vec3(size, l.longCaps ? std::max(size.x, size.y) : cap));
}

// A plate: a polygonal outline in a plane (u, v; normal n), given a thickness (which may vary
// linearly across the plate) and rounded rims. The mid-surface may curl: it is offset along n by
// bend * (u coordinate)^2.
struct Plate {
    vec3 origin{0.0f}, u{1.0f, 0.0f, 0.0f}, v{0.0f, 1.0f, 0.0f}, n{0.0f, 0.0f, 1.0f};
    vec2 outline[8]{};
    int count = 0;
    float halfThickness = 1.0f;
    vec2 thicknessSlope{0.0f}; // change of the half thickness per mm along u and v
    float bend = 0.0f;
    float edge = 0.5f;         // rim rounding radius (at most the half thickness)
    float corner = 0.0f;       // in-plane rounding of the outline's corners (the outline is stored inset by it)
};

inline float plate(const vec3& p, const Plate& s) {
    const vec3 d = p - s.origin;
    const vec2 q(glm::dot(d, s.u), glm::dot(d, s.v));
    const float half = std::max(0.3f, s.halfThickness + glm::dot(s.thicknessSlope, q));
    const float off = glm::dot(d, s.n) - s.bend * q.x * q.x;
    const float d2 = polygon(q, s.outline, s.count) - s.corner;
    return roundedExtrusion(d2, std::abs(off) - half, std::min(s.edge, 0.95f * half));
}

// A plate through the corners (3 to 8, in order; a best-fit plane by Newell's method). The half
// thickness is `halfThickness` at the corners' centroid and changes by `gradient` (a 3D vector) per mm.
inline Plate makePlate(const vec3* corners, int count, float halfThickness, float edge, const vec3& gradient = vec3(0.0f)) {
    Plate s;
    vec3 centroid(0.0f), normal(0.0f);
    for (int i = 0; i < count; ++i) {
        const vec3& a = corners[i];
        const vec3& b = corners[(i + 1) % count];
        centroid += a;
        normal += vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
    }
    s.origin = centroid / static_cast<float>(count);
    s.n = glm::normalize(normal);
    vec3 u = corners[1] - corners[0];
    u -= s.n * glm::dot(u, s.n);
    s.u = glm::normalize(u);
    s.v = glm::cross(s.n, s.u);
    s.count = std::min(count, 8);
    for (int i = 0; i < s.count; ++i) s.outline[i] = vec2(glm::dot(corners[i] - s.origin, s.u), glm::dot(corners[i] - s.origin, s.v));
    s.halfThickness = halfThickness;
    s.thicknessSlope = vec2(glm::dot(gradient, s.u), glm::dot(gradient, s.v));
    s.edge = edge;
    return s;
}

// Rounds a (convex) plate's outline corners by radius r, keeping its edges where they are: the edge
// lines move inwards by r and meet in the new corners, and the distance is taken r further out.
inline Plate roundCorners(Plate s, float r) {
    if (r <= 0.0f || s.count < 3) return s;
    float area = 0.0f;
    for (int i = 0; i < s.count; ++i) {
        const vec2 a = s.outline[i], b = s.outline[(i + 1) % s.count];
        area += a.x * b.y - a.y * b.x;
    }
    const float inward = area > 0.0f ? 1.0f : -1.0f; // counter-clockwise: the inside is on the left
    vec2 moved[8];
    for (int i = 0; i < s.count; ++i) {
        const vec2 prev = s.outline[(i + s.count - 1) % s.count], here = s.outline[i], next = s.outline[(i + 1) % s.count];
        const vec2 e0 = glm::normalize(here - prev), e1 = glm::normalize(next - here);
        const vec2 n0 = inward * vec2(-e0.y, e0.x), n1 = inward * vec2(-e1.y, e1.x);
        // Where the two edges' lines, each moved r along its inward normal, meet.
        const vec2 bisector = n0 + n1;
        const float c = glm::dot(bisector, n0);
        moved[i] = here + bisector * (c > 1e-3f ? r / c : r);
    }
    for (int i = 0; i < s.count; ++i) s.outline[i] = moved[i];
    s.corner = r;
    return s;
}

// An ellipsoid with its own axes (unit, orthogonal) and radii along them.
struct Blob {
    vec3 centre{0.0f};
    vec3 axes[3] = {vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1)};
    vec3 radii{1.0f};
};

inline float blob(const vec3& p, const Blob& b) {
    const vec3 d = p - b.centre;
    return ellipsoid(vec3(glm::dot(d, b.axes[0]), glm::dot(d, b.axes[1]), glm::dot(d, b.axes[2])), b.radii);
}

// An ellipsoid whose first axis runs along `along` and second as close to `side` as orthogonality allows.
inline Blob makeBlob(const vec3& centre, const vec3& along, const vec3& side, const vec3& radii) {
    Blob b;
    b.centre = centre;
    b.axes[0] = glm::normalize(along);
    vec3 s = side - b.axes[0] * glm::dot(side, b.axes[0]);
    b.axes[1] = glm::normalize(s);
    b.axes[2] = glm::cross(b.axes[0], b.axes[1]);
    b.radii = radii;
    return b;
}

// A point on a quadratic Bezier curve (curved parts are chains of limbs along one).
inline vec3 bezier(const vec3& p0, const vec3& p1, const vec3& p2, float t) {
    const float s = 1.0f - t;
    return s * s * p0 + 2.0f * s * t * p1 + t * t * p2;
}

} // namespace spine_model::sdf
