#include "BodyShape.h"

#include "Sdf.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

constexpr int kHalfOutlinePoints = 24;
// The polygon is traced this far inside the outline and its distance offset back out by as much:
// the corners become arcs, so the outline (and the shading of the body's wall) is smooth.
constexpr float kOutlineRounding = 3.0f;

float superPower(float c, float exponent) { return std::pow(std::abs(c), 2.0f / exponent); }

} // namespace

BodyShape::BodyShape(const BodyParams& params) : p_(params) {
    centreHeight_ = 0.5f * (p_.anteriorHeight + p_.posteriorHeight);
    slope_ = (p_.anteriorHeight - p_.posteriorHeight) / (p_.depth - 4.0f);
    const float a = 0.5f * p_.width;
    const float front = 0.5f * p_.depth, back = 0.5f * p_.depth + p_.notch;
    const float notchHalfWidth = 0.7f * a;
    for (int i = 0; i <= kHalfOutlinePoints; ++i) {
        // From the anterior midline (angle 90 deg) round the right side to the posterior midline (-90).
        const float angle = 1.5707963f - 3.1415927f * static_cast<float>(i) / static_cast<float>(kHalfOutlinePoints);
        const float c = std::cos(angle), s = std::sin(angle);
        glm::vec2 q;
        if (s >= 0.0f) {
            q = glm::vec2(a * superPower(c, 2.0f), front * superPower(s, 2.0f));
            q.x *= 1.0f - p_.heartTaper * std::pow(q.y / front, 1.3f);
        } else {
            q = glm::vec2(a * superPower(c, p_.squareness), -back * superPower(s, p_.squareness));
            const float u = q.x / notchHalfWidth;
            if (u < 1.0f) q.y += p_.notch * (1.0f - u * u) * (1.0f - u * u);
        }
        if (i == 0 || i == kHalfOutlinePoints) q.x = 0.0f;
        half_.push_back(q);
    }
    // Move each point inwards along the outline's normal (estimated from its neighbours).
    std::vector<glm::vec2> inset = half_;
    for (std::size_t i = 0; i < half_.size(); ++i) {
        const glm::vec2 prev = i == 0 ? glm::vec2(-half_[1].x, half_[1].y) : half_[i - 1];
        const glm::vec2 next = i + 1 == half_.size() ? glm::vec2(-half_[i - 1].x, half_[i - 1].y) : half_[i + 1];
        const glm::vec2 tangent = glm::normalize(next - prev);
        const glm::vec2 inward(tangent.y, -tangent.x); // the half runs clockwise in (x, z): inside is on its right
        inset[i] = half_[i] + inward * kOutlineRounding;
        if (i == 0 || i + 1 == half_.size()) inset[i].x = 0.0f;
    }
    half_ = inset;
    for (std::size_t i = 0; i + 1 < half_.size(); ++i) {
        const glm::vec2 e = half_[i + 1] - half_[i];
        segments_.push_back({half_[i], e, 1.0f / glm::dot(e, e)});
    }
}

float BodyShape::outline(float x, float z) const {
    // Mirror symmetric: the nearest outline point of a point with x >= 0 is on the right half. The
    // sign comes from a crossing test on the right half closed along the midline.
    const glm::vec2 p(std::abs(x), z);
    float d = 1e30f;
    bool inside = false;
    for (const Segment& sg : segments_) {
        const glm::vec2 w = p - sg.a;
        const glm::vec2 q = w - sg.e * sdf::clamp01(glm::dot(w, sg.e) * sg.inverseLength2);
        d = std::min(d, glm::dot(q, q));
        if ((sg.a.y > p.y) != (sg.a.y + sg.e.y > p.y) && p.x < sg.a.x + (p.y - sg.a.y) * sg.e.x / sg.e.y) inside = !inside;
    }
    // The closing segment lies on x = 0, left of every point with x >= 0 it could cross: it never
    // adds a crossing for a ray cast towards +x, so the count above is complete.
    const float dist = std::sqrt(d);
    return (inside ? -dist : dist) - kOutlineRounding;
}

float BodyShape::halfWidthAt(float z) const {
    // Bisection on the outline's distance along x.
    float lo = 0.0f, hi = p_.width;
    if (outline(0.0f, z) >= 0.0f) return 0.0f;
    for (int i = 0; i < 40; ++i) {
        const float mid = 0.5f * (lo + hi);
        (outline(mid, z) < 0.0f ? lo : hi) = mid;
    }
    return lo;
}

float BodyShape::topPlane(float z) const { return 0.5f * centreHeight_ + 0.5f * slope_ * z; }
float BodyShape::bottomPlane(float z) const { return -topPlane(z); }

float BodyShape::endplateRelief(float x, float z) const {
    const float inside = -outline(x, z);
    const float bowl = -p_.concavity * sdf::smoothstep(p_.rimWidth, p_.rimWidth + 6.0f, inside);
    const float ring = p_.rimLip * std::exp(-(inside - 1.0f) * (inside - 1.0f) / 0.36f);
    return bowl + ring;
}

float BodyShape::distance(const glm::vec3& p) const {
    const float t = std::clamp(p.y / (0.5f * centreHeight_), -1.0f, 1.0f);
    const float s = 1.0f - p_.waist * (1.0f - t * t);
    const float zs = p.z > 0.0f ? p.z / s : p.z; // the posterior wall stays straight
    const float d2 = outline(p.x / s, zs) * s;
    // The endplate relief only matters near the endplates (deeper inside it would change only values
    // below -2.5 mm, which no surface uses).
    const float top = topPlane(p.z);
    const float relief = std::abs(p.y) > top - 4.0f ? endplateRelief(p.x, p.z) : 0.0f;
    const float dy = std::max(p.y - (top + relief), (-top - relief) - p.y);
    return sdf::roundedExtrusion(d2, dy, p_.edgeRadius);
}

glm::mat4 BodyShape::superiorPlaneFrame() const {
    const glm::mat4 t = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f * centreHeight_, 0.0f));
    return glm::rotate(t, -std::atan(0.5f * slope_), glm::vec3(1, 0, 0));
}

glm::mat4 BodyShape::inferiorPlaneFrame() const {
    const glm::mat4 t = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.5f * centreHeight_, 0.0f));
    return glm::rotate(t, std::atan(0.5f * slope_), glm::vec3(1, 0, 0));
}

} // namespace spine_model
