#include "Polygonise.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace spine_model {
namespace {

constexpr int kBlock = 8; // coarse block edge, in cells

bool farFromAll(float value, const std::vector<float>& isoLevels, float margin) {
    for (float iso : isoLevels)
        if (std::abs(value - iso) <= margin) return false;
    return true;
}

// Evaluates every point of one block exactly.
void sampleBlock(const Field& field, SampledGrid& grid, int bx, int by, int bz) {
    const int x1 = std::min(bx + kBlock, grid.nx - 1), y1 = std::min(by + kBlock, grid.ny - 1), z1 = std::min(bz + kBlock, grid.nz - 1);
    for (int z = bz; z <= z1; ++z)
        for (int y = by; y <= y1; ++y)
            for (int x = bx; x <= x1; ++x) grid.values[grid.index(x, y, z)] = field(grid.point(x, y, z));
}

void fillBlock(SampledGrid& grid, int bx, int by, int bz, float value) {
    const int x1 = std::min(bx + kBlock, grid.nx - 1), y1 = std::min(by + kBlock, grid.ny - 1), z1 = std::min(bz + kBlock, grid.nz - 1);
    for (int z = bz; z <= z1; ++z)
        for (int y = by; y <= y1; ++y)
            for (int x = bx; x <= x1; ++x) grid.values[grid.index(x, y, z)] = value;
}

void forceOutsideBorder(SampledGrid& grid, float iso) {
    const float outside = std::max(iso, 0.0f) + grid.cell;
    for (int z = 0; z < grid.nz; ++z)
        for (int y = 0; y < grid.ny; ++y)
            for (int x = 0; x < grid.nx; ++x) {
                const bool border = x == 0 || y == 0 || z == 0 || x == grid.nx - 1 || y == grid.ny - 1 || z == grid.nz - 1;
                if (border) grid.values[grid.index(x, y, z)] = std::max(grid.values[grid.index(x, y, z)], outside);
            }
}

// The six tetrahedra of the Kuhn subdivision of a cube, as corner indices (bit 0: +x, 1: +y, 2: +z).
// Each walks from corner 0 to corner 7 along the axes in one order, so neighbouring cubes agree on
// every shared face diagonal.
struct Tet {
    std::array<int, 4> corner;
    bool positive; // orientation of (c1-c0, c2-c0, c3-c0)
};

std::array<Tet, 6> kuhnTets() {
    const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    std::array<Tet, 6> tets{};
    for (int t = 0; t < 6; ++t) {
        int c = 0;
        tets[t].corner[0] = 0;
        for (int k = 0; k < 3; ++k) {
            c |= 1 << orders[t][k];
            tets[t].corner[k + 1] = c;
        }
        glm::ivec3 p[4];
        for (int k = 0; k < 4; ++k) p[k] = glm::ivec3(tets[t].corner[k] & 1, (tets[t].corner[k] >> 1) & 1, (tets[t].corner[k] >> 2) & 1);
        const glm::vec3 a(p[1] - p[0]), b(p[2] - p[0]), d(p[3] - p[0]);
        tets[t].positive = glm::dot(a, glm::cross(b, d)) > 0.0f;
    }
    return tets;
}

bool isEvenPermutation(const std::array<int, 4>& order) {
    int inversions = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j) inversions += order[i] > order[j];
    return inversions % 2 == 0;
}

// The tet's local vertices with `lone` first, in an even permutation of (0,1,2,3): the triangle
// orientation rules below assume that.
std::array<int, 4> loneFirstEvenOrder(int lone) {
    std::array<int, 4> order{lone, -1, -1, -1};
    int k = 1;
    for (int v = 0; v < 4; ++v)
        if (v != lone) order[k++] = v;
    if (!isEvenPermutation(order)) std::swap(order[2], order[3]);
    return order;
}

class TetMesher {
public:
    TetMesher(const SampledGrid& grid, float iso) : grid_(grid), iso_(iso) { vertexOfEdge_.reserve(1 << 18); }

    spineviz::MeshData run() {
        const std::array<Tet, 6> tets = kuhnTets();
        for (int z = 0; z + 1 < grid_.nz; ++z)
            for (int y = 0; y + 1 < grid_.ny; ++y)
                for (int x = 0; x + 1 < grid_.nx; ++x) marchCube(tets, x, y, z);
        return std::move(mesh_);
    }

private:
    void marchCube(const std::array<Tet, 6>& tets, int x, int y, int z) {
        std::size_t id[8];
        float value[8];
        int inside = 0;
        for (int c = 0; c < 8; ++c) {
            id[c] = grid_.index(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1));
            value[c] = grid_.values[id[c]] - iso_;
            if (value[c] == 0.0f) value[c] = 1e-7f; // exact zeros would pinch the surface
            inside += value[c] < 0.0f;
        }
        if (inside == 0 || inside == 8) return;
        for (const Tet& tet : tets) marchTet(tet, id, value);
    }

    void marchTet(const Tet& tet, const std::size_t* id, const float* value) {
        std::array<std::size_t, 4> gid;
        std::array<float, 4> v;
        int insideCount = 0, lone = -1;
        for (int k = 0; k < 4; ++k) {
            gid[k] = id[tet.corner[k]];
            v[k] = value[tet.corner[k]];
            insideCount += v[k] < 0.0f;
        }
        if (insideCount == 0 || insideCount == 4) return;
        if (insideCount == 1 || insideCount == 3) {
            const bool wantInside = insideCount == 1;
            for (int k = 0; k < 4; ++k)
                if ((v[k] < 0.0f) == wantInside) lone = k;
            const std::array<int, 4> o = loneFirstEvenOrder(lone);
            std::uint32_t a = edgeVertex(gid, v, o[0], o[1]), b = edgeVertex(gid, v, o[0], o[2]), c = edgeVertex(gid, v, o[0], o[3]);
            // For a positive tet the triangle (a,b,c) faces away from the lone vertex.
            const bool flip = (!wantInside) != (!tet.positive);
            emit(a, flip ? c : b, flip ? b : c);
            return;
        }
        int in[2], out[2], ni = 0, no = 0;
        for (int k = 0; k < 4; ++k) (v[k] < 0.0f ? in[ni++] : out[no++]) = k;
        std::array<int, 4> o{in[0], in[1], out[0], out[1]};
        if (!isEvenPermutation(o)) std::swap(o[2], o[3]);
        // Quad (ik, il, jl, jk) faces from the inside pair to the outside pair for a positive tet.
        std::uint32_t q[4] = {edgeVertex(gid, v, o[0], o[2]), edgeVertex(gid, v, o[0], o[3]), edgeVertex(gid, v, o[1], o[3]),
                              edgeVertex(gid, v, o[1], o[2])};
        if (!tet.positive) std::swap(q[1], q[3]);
        // Split along the shorter diagonal for better triangles.
        const float d02 = glm::distance(mesh_.positions[q[0]], mesh_.positions[q[2]]);
        const float d13 = glm::distance(mesh_.positions[q[1]], mesh_.positions[q[3]]);
        if (d02 <= d13) {
            emit(q[0], q[1], q[2]);
            emit(q[0], q[2], q[3]);
        } else {
            emit(q[1], q[2], q[3]);
            emit(q[1], q[3], q[0]);
        }
    }

    std::uint32_t edgeVertex(const std::array<std::size_t, 4>& gid, const std::array<float, 4>& v, int i, int j) {
        std::size_t ga = gid[i], gb = gid[j];
        float va = v[i], vb = v[j];
        if (ga > gb) {
            std::swap(ga, gb);
            std::swap(va, vb);
        }
        const std::uint64_t key = static_cast<std::uint64_t>(ga) * 0x100000000ull + static_cast<std::uint64_t>(gb - ga);
        auto [it, inserted] = vertexOfEdge_.emplace(key, static_cast<std::uint32_t>(mesh_.positions.size()));
        if (inserted) {
            // Keep the vertex off the grid points so that no two vertices coincide.
            const float t = std::clamp(va / (va - vb), 0.02f, 0.98f);
            mesh_.positions.push_back(glm::mix(pointOf(ga), pointOf(gb), t));
        }
        return it->second;
    }

    glm::vec3 pointOf(std::size_t g) const {
        const int x = static_cast<int>(g % static_cast<std::size_t>(grid_.nx));
        const std::size_t rest = g / static_cast<std::size_t>(grid_.nx);
        const int y = static_cast<int>(rest % static_cast<std::size_t>(grid_.ny));
        const int z = static_cast<int>(rest / static_cast<std::size_t>(grid_.ny));
        return grid_.point(x, y, z);
    }

    void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        mesh_.indices.insert(mesh_.indices.end(), {a, b, c});
    }

    const SampledGrid& grid_;
    float iso_;
    spineviz::MeshData mesh_;
    std::unordered_map<std::uint64_t, std::uint32_t> vertexOfEdge_; // looked up only, never iterated
};

} // namespace

SampledGrid sampleField(const Field& field, const Box& box, float cell, const std::vector<float>& isoLevels, float lipschitz) {
    SampledGrid grid;
    grid.cell = cell;
    grid.origin = box.lo - glm::vec3(2.0f * cell);
    const glm::vec3 extent = box.hi - box.lo + glm::vec3(4.0f * cell);
    grid.nx = static_cast<int>(std::ceil(extent.x / cell)) + 1;
    grid.ny = static_cast<int>(std::ceil(extent.y / cell)) + 1;
    grid.nz = static_cast<int>(std::ceil(extent.z / cell)) + 1;
    grid.values.assign(static_cast<std::size_t>(grid.nx) * grid.ny * grid.nz, 0.0f);

    const float halfDiagonal = 0.5f * std::sqrt(3.0f) * kBlock * cell;
    std::vector<std::array<int, 3>> nearBlocks;
    for (int bz = 0; bz < grid.nz - 1; bz += kBlock)
        for (int by = 0; by < grid.ny - 1; by += kBlock)
            for (int bx = 0; bx < grid.nx - 1; bx += kBlock) {
                const glm::vec3 centre = grid.point(bx, by, bz) + glm::vec3(0.5f * kBlock * cell);
                const float value = field(centre);
                if (farFromAll(value, isoLevels, lipschitz * halfDiagonal)) fillBlock(grid, bx, by, bz, value);
                else nearBlocks.push_back({bx, by, bz});
            }
    // Near blocks are evaluated after every far fill so that shared faces keep exact values.
    for (const auto& b : nearBlocks) sampleBlock(field, grid, b[0], b[1], b[2]);
    float highest = 0.0f;
    for (float iso : isoLevels) highest = std::max(highest, iso);
    forceOutsideBorder(grid, highest);
    return grid;
}

spineviz::MeshData marchingTetrahedra(const SampledGrid& grid, float iso) { return TetMesher(grid, iso).run(); }

} // namespace spine_model
