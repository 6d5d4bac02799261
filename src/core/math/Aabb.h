#pragma once
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include <limits>

namespace spineviz {

// Axis-aligned bounding box; starts empty and grows with extend().
struct Aabb {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x || min.y > max.y || min.z > max.z; }
    void extend(const glm::vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
    void extend(const Aabb& other) {
        if (!other.empty()) { extend(other.min); extend(other.max); }
    }
    glm::vec3 centre() const { return 0.5f * (min + max); }
    glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
    float radius() const { return 0.5f * glm::length(size()); }

    // The box around this box's eight corners after transform.
    Aabb transformed(const glm::mat4& m) const {
        Aabb out;
        if (empty()) return out;
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
            out.extend(glm::vec3(m * glm::vec4(corner, 1.0f)));
        }
        return out;
    }
};

} // namespace spineviz
