#include "SurfaceMesher.h"

#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <cmath>
#include <cstdint>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace spine_model {
namespace {

constexpr int kRelaxIterations = 3;

glm::vec3 gradient(const Field& field, const glm::vec3& p) {
    const float e = 0.01f;
    return glm::vec3(field(p + glm::vec3(e, 0, 0)) - field(p - glm::vec3(e, 0, 0)),
                     field(p + glm::vec3(0, e, 0)) - field(p - glm::vec3(0, e, 0)),
                     field(p + glm::vec3(0, 0, e)) - field(p - glm::vec3(0, 0, e))) / (2.0f * e);
}

// Newton steps along the gradient onto {field == iso}, each step no longer than `maxStep`.
glm::vec3 projectOnto(const Field& field, float iso, glm::vec3 p, float maxStep) {
    for (int i = 0; i < 4; ++i) {
        const float value = field(p) - iso;
        const glm::vec3 g = gradient(field, p);
        const float g2 = glm::dot(g, g);
        if (g2 < 1e-12f) break;
        glm::vec3 step = value * g / g2;
        const float length = glm::length(step);
        if (length > maxStep) step *= maxStep / length;
        p -= step;
        if (std::abs(value) < 1e-5f) break;
    }
    return p;
}

glm::vec3 faceNormal(const spineviz::MeshData& mesh, std::size_t t) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
    return glm::cross(b - a, c - a);
}

// Undoes the moves of the vertices of any triangle that the moves turned over.
void revertFolds(spineviz::MeshData& mesh, const std::vector<glm::vec3>& before) {
    for (int round = 0; round < 4; ++round) {
        bool reverted = false;
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            const glm::vec3 a = before[mesh.indices[t]], b = before[mesh.indices[t + 1]], c = before[mesh.indices[t + 2]];
            const glm::vec3 n0 = glm::cross(b - a, c - a), n1 = faceNormal(mesh, t);
            if (glm::dot(n0, n1) > 0.2f * glm::length(n0) * glm::length(n1)) continue;
            for (int k = 0; k < 3; ++k) mesh.positions[mesh.indices[t + k]] = before[mesh.indices[t + k]];
            reverted = true;
        }
        if (!reverted) break;
    }
}

// Moves vertices onto the exact surface; a vertex whose move would fold a triangle stays put.
void projectVertices(spineviz::MeshData& mesh, const Field& field, float iso, float maxStep) {
    const std::vector<glm::vec3> before = mesh.positions;
    for (glm::vec3& p : mesh.positions) p = projectOnto(field, iso, p, maxStep);
    revertFolds(mesh, before);
}

std::vector<std::vector<std::uint32_t>> vertexNeighbours(const spineviz::MeshData& mesh) {
    std::vector<std::vector<std::uint32_t>> neighbours(mesh.positions.size());
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[t + k], b = mesh.indices[t + (k + 1) % 3];
            neighbours[a].push_back(b);
            neighbours[b].push_back(a);
        }
    for (auto& list : neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return neighbours;
}

// Evens out the triangles: each vertex moves part-way to its neighbours' centroid within the tangent
// plane, then back onto the surface. Moves that would fold a triangle are undone.
void relaxTangentially(spineviz::MeshData& mesh, const Field& field, float iso, int iterations, float maxStep) {
    const auto neighbours = vertexNeighbours(mesh);
    for (int it = 0; it < iterations; ++it) {
        const std::vector<glm::vec3> before = mesh.positions;
        for (std::size_t v = 0; v < before.size(); ++v) {
            if (neighbours[v].empty()) continue;
            glm::vec3 centroid(0.0f);
            for (std::uint32_t n : neighbours[v]) centroid += before[n];
            centroid /= static_cast<float>(neighbours[v].size());
            const glm::vec3 g = glm::normalize(gradient(field, before[v]));
            glm::vec3 move = centroid - before[v];
            move -= g * glm::dot(move, g);
            mesh.positions[v] = projectOnto(field, iso, before[v] + 0.5f * move, maxStep);
        }
        revertFolds(mesh, before);
    }
}

void gradientNormals(spineviz::MeshData& mesh, const Field& field) {
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 g = gradient(field, mesh.positions[i]);
        const float length = glm::length(g);
        mesh.normals[i] = length > 0.0f ? g / length : glm::vec3(0, 1, 0);
    }
}

void requireClosedManifold(const std::string& name, const spineviz::MeshData& mesh) {
    const spineviz::TopologyReport report = spineviz::analyzeTopology(mesh);
    if (!report.closedManifold() || report.signedVolume <= 0.0)
        throw std::runtime_error(name + ": not a closed, outward-wound manifold (boundary " + std::to_string(report.boundaryEdges) +
                                 ", non-manifold " + std::to_string(report.nonManifoldEdges) + ", misoriented " +
                                 std::to_string(report.misorientedEdges) + ", degenerate " + std::to_string(report.degenerateTriangles) +
                                 ", volume " + std::to_string(report.signedVolume) + ")");
}

} // namespace

MeshQuality measureQuality(const spineviz::MeshData& mesh, const Field& field, float iso) {
    MeshQuality q;
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        const glm::vec3 p[3] = {mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]]};
        float smallest = 180.0f;
        for (int k = 0; k < 3; ++k) {
            const glm::vec3 u = p[(k + 1) % 3] - p[k], v = p[(k + 2) % 3] - p[k];
            const float c = glm::dot(u, v) / (glm::length(u) * glm::length(v));
            smallest = std::min(smallest, glm::degrees(std::acos(std::clamp(c, -1.0f, 1.0f))));
        }
        q.minAngle = std::min(q.minAngle, smallest);
        q.below10 += smallest < 10.0f;
        q.below20 += smallest < 20.0f;
        q.maxDeviation = std::max(q.maxDeviation, std::abs(field((p[0] + p[1] + p[2]) / 3.0f) - iso));
    }
    const float n = static_cast<float>(std::max<std::size_t>(mesh.triangleCount(), 1));
    q.fractionBelow10 = static_cast<float>(q.below10) / n;
    q.fractionBelow20 = static_cast<float>(q.below20) / n;
    return q;
}

std::vector<spineviz::MeshData> meshField(const std::string& name, const Field& field, const Box& box,
                                          const std::vector<SurfaceRequest>& requests) {
    float cell = requests.front().options.cell;
    std::vector<float> levels;
    for (const SurfaceRequest& r : requests) {
        cell = std::min(cell, r.options.cell);
        levels.push_back(r.isoLevel);
    }
    const bool debug = std::getenv("SPINE_MODEL_DEBUG") != nullptr;
    auto clock = std::chrono::steady_clock::now();
    auto lap = [&clock]() {
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - clock).count();
        clock = now;
        return s;
    };
    const SampledGrid grid = sampleField(field, box, cell, levels);
    if (debug) std::fprintf(stderr, "  %s: grid %dx%dx%d sampled in %.2f s\n", name.c_str(), grid.nx, grid.ny, grid.nz, lap());
    std::vector<spineviz::MeshData> meshes;
    for (const SurfaceRequest& r : requests) {
        spineviz::MeshData mesh = marchingTetrahedra(grid, r.isoLevel);
        if (mesh.empty()) throw std::runtime_error(name + ": empty surface at level " + std::to_string(r.isoLevel));
        const std::size_t raw = mesh.triangleCount();
        const double tMesh = lap();
        SimplifyOptions simplify;
        simplify.maxError = r.options.maxError;
        simplify.targetTriangles = r.options.maxTriangles;
        simplifyMesh(mesh, simplify);
        const double tSimplify = lap();
        projectVertices(mesh, field, r.isoLevel, 0.5f * cell);
        relaxTangentially(mesh, field, r.isoLevel, kRelaxIterations, 0.5f * cell);
        SimplifyOptions flips = simplify;
        flips.surfaceDistance = [&field, iso = r.isoLevel](const glm::vec3& p) { return field(p) - iso; };
        flipForQuality(mesh, flips);
        projectVertices(mesh, field, r.isoLevel, 0.5f * cell);
        gradientNormals(mesh, field);
        requireClosedManifold(name, mesh);
        if (debug) {
            const MeshQuality q = measureQuality(mesh, field, r.isoLevel);
            std::fprintf(stderr, "  level %.2f: %zu -> %zu triangles (mesh %.2f s, simplify %.2f s, finish %.2f s) min angle %.1f, <10: %.3f%%, <20: %.2f%%, max dev %.3f mm\n",
                         static_cast<double>(r.isoLevel), raw, mesh.triangleCount(), tMesh, tSimplify, lap(), static_cast<double>(q.minAngle),
                         100.0 * static_cast<double>(q.fractionBelow10), 100.0 * static_cast<double>(q.fractionBelow20), static_cast<double>(q.maxDeviation));
        }
        meshes.push_back(std::move(mesh));
    }
    return meshes;
}

} // namespace spine_model
