#include "SurfaceMesher.h"

#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <cmath>
#include <cstdint>

#include <algorithm>
#include <map>
#include <tuple>
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

// Undoes the moves of vertices that landed exactly on another vertex (a surface through grid points,
// where the field is exactly zero along a line, can draw neighbours onto one point), keeping the first.
void revertCoincident(spineviz::MeshData& mesh, const std::vector<glm::vec3>& before) {
    std::vector<std::uint32_t> order(mesh.positions.size());
    for (int round = 0; round < 4; ++round) {
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        auto key = [&mesh](std::uint32_t i) { return std::make_tuple(mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z, i); };
        std::sort(order.begin(), order.end(), [&key](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
        bool reverted = false;
        for (std::size_t k = 0; k < order.size();) {
            std::size_t end = k + 1;
            while (end < order.size() && mesh.positions[order[end]] == mesh.positions[order[k]]) ++end;
            // A group of coincident vertices: those that moved go back.
            for (std::size_t j = k; end - k > 1 && j < end; ++j)
                if (mesh.positions[order[j]] != before[order[j]]) mesh.positions[order[j]] = before[order[j]], reverted = true;
            k = end;
        }
        if (!reverted) break;
    }
}

// Undoes the moves of the vertices of any triangle that the moves turned over.
void revertFolds(spineviz::MeshData& mesh, const std::vector<glm::vec3>& before) {
    revertCoincident(mesh, before);
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

// Geometric distance of p from {field == iso}, estimated from the value and the gradient.
float surfaceGap(const Field& field, float iso, const glm::vec3& p) {
    const float g = glm::length(gradient(field, p));
    return std::abs(field(p) - iso) / std::max(g, 0.2f);
}

// Splits every edge whose midpoint lies farther than `tolerance` from the surface (a chord across a
// curve), the new vertex on the surface; triangles with split edges are subdivided (into 2, 3 or 4),
// which keeps the mesh closed, manifold and consistently wound. Returns how many edges were split.
std::size_t refineChords(spineviz::MeshData& mesh, const Field& field, float iso, float tolerance, float maxStep) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> midpoints; // edge -> new vertex
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[t + k], b = mesh.indices[t + (k + 1) % 3];
            const auto key = std::minmax(a, b);
            if (midpoints.count(key)) continue;
            const glm::vec3 mid = 0.5f * (mesh.positions[a] + mesh.positions[b]);
            if (surfaceGap(field, iso, mid) <= tolerance) continue;
            midpoints[key] = static_cast<std::uint32_t>(mesh.positions.size());
            mesh.positions.push_back(projectOnto(field, iso, mid, maxStep));
        }
    if (midpoints.empty()) return 0;
    std::vector<std::uint32_t> out;
    out.reserve(mesh.indices.size() * 2);
    auto emit = [&out](std::uint32_t a, std::uint32_t b, std::uint32_t c) { out.insert(out.end(), {a, b, c}); };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        std::uint32_t m[3];
        int split = 0;
        for (int k = 0; k < 3; ++k) {
            const auto it = midpoints.find(std::minmax(v[k], v[(k + 1) % 3]));
            m[k] = it == midpoints.end() ? UINT32_MAX : it->second;
            split += m[k] != UINT32_MAX;
        }
        if (split == 0) {
            emit(v[0], v[1], v[2]);
        } else if (split == 3) {
            emit(v[0], m[0], m[2]), emit(m[0], v[1], m[1]), emit(m[2], m[1], v[2]), emit(m[0], m[1], m[2]);
        } else {
            // Rotate so that edge 0 (v0-v1) is split; then edge 1 (v1-v2) may be too.
            int r = 0;
            while (m[r] == UINT32_MAX || (split == 2 && m[(r + 1) % 3] == UINT32_MAX)) ++r;
            const std::uint32_t a = v[r], b = v[(r + 1) % 3], c = v[(r + 2) % 3], mab = m[r], mbc = m[(r + 1) % 3];
            if (split == 1) {
                emit(a, mab, c), emit(mab, b, c);
            } else {
                emit(a, mab, c), emit(mab, b, mbc), emit(mab, mbc, c);
            }
        }
    }
    mesh.indices = std::move(out);
    return midpoints.size();
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

// Drops the connected pieces whose bounding-box diagonal is under kSpeckSize; returns how many.
std::size_t removeSpecks(spineviz::MeshData& mesh) {
    const std::size_t n = mesh.positions.size();
    std::vector<std::uint32_t> parent(n);
    for (std::uint32_t i = 0; i < n; ++i) parent[i] = i;
    auto find = [&parent](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 1; k < 3; ++k) parent[find(mesh.indices[t + k])] = find(mesh.indices[t]);
    std::vector<glm::vec3> lo(n, glm::vec3(1e30f)), hi(n, glm::vec3(-1e30f));
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t r = find(v);
        lo[r] = glm::min(lo[r], mesh.positions[v]);
        hi[r] = glm::max(hi[r], mesh.positions[v]);
    }
    std::size_t removed = 0;
    std::vector<bool> keep(n, false);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (find(v) != v) continue;
        if (glm::distance(lo[v], hi[v]) >= kSpeckSize) keep[v] = true;
        else if (hi[v].x >= lo[v].x) ++removed;
    }
    if (removed == 0) return 0;
    std::vector<std::uint32_t> remap(n, UINT32_MAX);
    spineviz::MeshData out;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        if (!keep[find(mesh.indices[t])]) continue;
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[t + k];
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<std::uint32_t>(out.positions.size());
                out.positions.push_back(mesh.positions[v]);
            }
            out.indices.push_back(remap[v]);
        }
    }
    mesh = std::move(out);
    return removed;
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
                                          const std::vector<SurfaceRequest>& requests, MeshingStats* stats) {
    float cell = requests.front().options.cell;
    std::vector<float> levels;
    for (const SurfaceRequest& r : requests) {
        cell = std::min(cell, r.options.cell);
        levels.push_back(r.isoLevel);
    }
    const spineviz::ScalarGrid grid = sampleField(field, box, cell, levels);
    std::vector<spineviz::MeshData> meshes;
    for (const SurfaceRequest& r : requests) {
        spineviz::MeshData mesh = spineviz::extractIsoSurface(grid, r.isoLevel);
        if (mesh.empty()) throw std::runtime_error(name + ": empty surface at level " + std::to_string(r.isoLevel));
        if (stats) stats->rawTriangles += mesh.triangleCount();
        const std::size_t specks = removeSpecks(mesh);
        if (stats) stats->specksRemoved += specks;
        SimplifyOptions simplify;
        simplify.maxError = r.options.maxError;
        simplify.targetTriangles = r.options.maxTriangles;
        simplifyMesh(mesh, simplify);
        projectVertices(mesh, field, r.isoLevel, 0.5f * cell);
        relaxTangentially(mesh, field, r.isoLevel, kRelaxIterations, 0.5f * cell);
        SimplifyOptions flips = simplify;
        flips.surfaceDistance = [&field, iso = r.isoLevel](const glm::vec3& p) { return field(p) - iso; };
        flipForQuality(mesh, flips);
        projectVertices(mesh, field, r.isoLevel, 0.5f * cell);
        // Chords that cut across curves by more than twice the error bound are split (twice at most),
        // and the new triangles evened out.
        for (int pass = 0; r.options.refineChords && pass < 2; ++pass)
            if (refineChords(mesh, field, r.isoLevel, 2.0f * r.options.maxError, 0.5f * cell) == 0) break;
        flipForQuality(mesh, flips);
        projectVertices(mesh, field, r.isoLevel, 0.5f * cell);
        gradientNormals(mesh, field);
        requireClosedManifold(name, mesh);
        meshes.push_back(std::move(mesh));
    }
    return meshes;
}

} // namespace spine_model
