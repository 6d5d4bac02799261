#include "core/mesh/MeshNormals.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

float angleBetween(const glm::vec3& u, const glm::vec3& v) {
    const float lu = glm::length(u), lv = glm::length(v);
    if (lu == 0.0f || lv == 0.0f) return 0.0f;
    return std::acos(std::clamp(glm::dot(u, v) / (lu * lv), -1.0f, 1.0f));
}

} // namespace

void computeVertexNormals(MeshData& mesh) {
    mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
    const std::size_t n = mesh.positions.size();
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t i[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        if (i[0] >= n || i[1] >= n || i[2] >= n) continue;
        const glm::vec3 p[3] = {mesh.positions[i[0]], mesh.positions[i[1]], mesh.positions[i[2]]};
        const glm::vec3 face = glm::cross(p[1] - p[0], p[2] - p[0]);
        const float area2 = glm::length(face);
        if (area2 == 0.0f) continue;
        const glm::vec3 unit = face / area2;
        for (int k = 0; k < 3; ++k)
            mesh.normals[i[k]] += unit * angleBetween(p[(k + 1) % 3] - p[k], p[(k + 2) % 3] - p[k]);
    }
    for (glm::vec3& normal : mesh.normals) {
        const float length = glm::length(normal);
        normal = length > 0.0f ? normal / length : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

} // namespace spineviz
