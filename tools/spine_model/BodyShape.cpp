#include "BodyShape.h"

#include "Sdf.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {

BodyShape::BodyShape(const BodyParams& params) : p_(params) {
    centreHeight_ = 0.5f * (p_.anteriorHeight + p_.posteriorHeight);
    slope_ = (p_.anteriorHeight - p_.posteriorHeight) / (p_.depth - 4.0f);
}

float BodyShape::outline(float x, float z) const {
    // An ellipse reaching from the anterior wall (z = depth/2) to behind the posterior wall, whose
    // midline is then pushed forward by the notch so the mid-sagittal depth is exactly `depth`.
    const float halfDepth = 0.5f * (p_.depth + p_.notch);
    const float z0 = -0.5f * p_.notch;
    const float zn = (z - z0) / halfDepth;
    const float taper = 1.0f + p_.heartTaper * sdf::smoothstep(0.0f, 1.0f, zn); // widest at mid-depth
    const float shell = sdf::ellipse(glm::vec2(x * taper, z - z0), glm::vec2(0.5f * p_.width, halfDepth)) / taper;
    const float notchRadius = 1.3f * 0.5f * p_.width;
    const float notch = glm::length(glm::vec2(x, z - (-0.5f * p_.depth - notchRadius))) - notchRadius;
    return sdf::smoothSubtract(shell, notch, 2.0f);
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
    const float relief = endplateRelief(p.x, p.z);
    const float dy = std::max(p.y - (topPlane(p.z) + relief), (bottomPlane(p.z) - relief) - p.y);
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
