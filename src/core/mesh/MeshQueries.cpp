#include "core/mesh/MeshQueries.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {

std::vector<float> rayHits(const MeshData& mesh, const glm::vec3& origin, const glm::vec3& dir) {
    std::vector<float> hits;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(dir, e2);
        const float det = glm::dot(e1, p);
        if (std::abs(det) < 1e-14f) continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, p) / det;
        if (u < 0.0f || u > 1.0f) continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        if (v < 0.0f || u + v > 1.0f) continue;
        const float d = glm::dot(e2, q) / det;
        if (d > 0.0f) hits.push_back(d);
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

bool insideMesh(const MeshData& mesh, const glm::vec3& p) {
    // Parity along a slightly skewed direction (so rays do not graze shared edges), majority of three.
    const glm::vec3 dirs[3] = {glm::normalize(glm::vec3(0.123f, 0.981f, 0.071f)), glm::normalize(glm::vec3(0.97f, -0.11f, 0.21f)),
                               glm::normalize(glm::vec3(-0.05f, 0.2f, -0.98f))};
    int votes = 0;
    for (const glm::vec3& d : dirs) votes += rayHits(mesh, p, d).size() % 2 == 1;
    return votes >= 2;
}

float distanceToMesh(const MeshData& mesh, const glm::vec3& p) {
    float best = 1e30f;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        // Closest point on triangle (Ericson, Real-Time Collision Detection 5.1.5).
        const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
        const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
        glm::vec3 q;
        if (d1 <= 0 && d2 <= 0) q = a;
        else {
            const glm::vec3 bp = p - b;
            const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
            const glm::vec3 cp = p - c;
            const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
            const float vc = d1 * d4 - d3 * d2, vb = d5 * d2 - d1 * d6, va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) q = b;
            else if (d6 >= 0 && d5 <= d6) q = c;
            else if (vc <= 0 && d1 >= 0 && d3 <= 0) q = a + ab * (d1 / (d1 - d3));
            else if (vb <= 0 && d2 >= 0 && d6 <= 0) q = a + ac * (d2 / (d2 - d6));
            else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) q = b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
            else {
                const float denom = 1.0f / (va + vb + vc);
                q = a + ab * (vb * denom) + ac * (vc * denom);
            }
        }
        best = std::min(best, glm::distance(p, q));
    }
    return best;
}

} // namespace spineviz
