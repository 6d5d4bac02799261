#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>
#include <vector>

namespace spineviz {
namespace {

// Maps each vertex to the first vertex with an identical position.
std::vector<std::uint32_t> weldByPosition(const MeshData& mesh) {
    auto less = [](const glm::vec3& a, const glm::vec3& b) { return std::tie(a.x, a.y, a.z) < std::tie(b.x, b.y, b.z); };
    std::map<glm::vec3, std::uint32_t, decltype(less)> first(less);
    std::vector<std::uint32_t> canonical(mesh.positions.size());
    for (std::uint32_t i = 0; i < mesh.positions.size(); ++i)
        canonical[i] = first.emplace(mesh.positions[i], i).first->second;
    return canonical;
}

struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b) { parent[find(a)] = find(b); }
};

} // namespace

TopologyReport analyzeTopology(const MeshData& mesh) {
    TopologyReport report;
    const std::vector<std::uint32_t> canonical = weldByPosition(mesh);
    const std::size_t triangleCount = mesh.indices.size() / 3;
    report.triangles = triangleCount;

    // Directed edges keyed by (min, max) vertex; count uses in each direction.
    struct EdgeUse { std::uint32_t forward = 0, backward = 0; };
    std::map<std::pair<std::uint32_t, std::uint32_t>, EdgeUse> edges;
    UnionFind pieces(triangleCount);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> firstTriangleOfEdge;

    for (std::size_t t = 0; t < triangleCount; ++t) {
        std::uint32_t v[3];
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t index = mesh.indices[3 * t + k];
            v[k] = index < canonical.size() ? canonical[index] : index;
        }
        if (v[0] >= canonical.size() || v[1] >= canonical.size() || v[2] >= canonical.size()) {
            ++report.degenerateTriangles;
            continue;
        }
        const glm::dvec3 a(mesh.positions[v[0]]), b(mesh.positions[v[1]]), c(mesh.positions[v[2]]);
        const glm::dvec3 cross = glm::cross(b - a, c - a);
        if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2] || glm::dot(cross, cross) == 0.0) ++report.degenerateTriangles;
        report.signedVolume += glm::dot(a, glm::cross(b, c)) / 6.0;

        for (int k = 0; k < 3; ++k) {
            const std::uint32_t from = v[k], to = v[(k + 1) % 3];
            if (from == to) continue;
            const auto key = std::minmax(from, to);
            EdgeUse& use = edges[key];
            (from < to ? use.forward : use.backward) += 1;
            auto [it, inserted] = firstTriangleOfEdge.emplace(key, static_cast<std::uint32_t>(t));
            if (!inserted) pieces.unite(it->second, static_cast<std::uint32_t>(t));
        }
    }

    report.edges = edges.size();
    for (const auto& [key, use] : edges) {
        const std::uint32_t total = use.forward + use.backward;
        if (total == 1) ++report.boundaryEdges;
        else if (total > 2) ++report.nonManifoldEdges;
        else if (use.forward != 1) ++report.misorientedEdges;
    }
    std::vector<bool> isRoot(triangleCount, false);
    for (std::size_t t = 0; t < triangleCount; ++t) isRoot[pieces.find(static_cast<std::uint32_t>(t))] = true;
    report.components = static_cast<std::size_t>(std::count(isRoot.begin(), isRoot.end(), true));
    return report;
}

} // namespace spineviz
