#include "core/mesh/IsoSurface.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

namespace spineviz {
namespace {

// The Kuhn split of a cube into six tetrahedra that share the main diagonal (corner 0 to 7);
// corners are numbered by their (x, y, z) bits.
constexpr int kTetrahedra[6][4] = {{0, 1, 3, 7}, {0, 3, 2, 7}, {0, 2, 6, 7}, {0, 6, 4, 7}, {0, 4, 5, 7}, {0, 5, 1, 7}};

class Extractor {
public:
    Extractor(const ScalarGrid& grid, float iso) : grid_(grid), iso_(iso) {}

    MeshData run() {
        for (int z = 0; z + 1 < grid_.nz; ++z)
            for (int y = 0; y + 1 < grid_.ny; ++y)
                for (int x = 0; x + 1 < grid_.nx; ++x) cube(x, y, z);
        return std::move(mesh_);
    }

private:
    // A sample exactly at the iso value counts as outside, so no vertex lands on a grid point.
    bool inside(std::size_t i) const { return grid_.values[i] < iso_; }

    void cube(int x, int y, int z) {
        std::size_t corner[8];
        int insideCount = 0;
        for (int c = 0; c < 8; ++c) {
            corner[c] = grid_.index(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1));
            insideCount += inside(corner[c]) ? 1 : 0;
        }
        if (insideCount == 0 || insideCount == 8) return;
        for (const auto& tet : kTetrahedra) tetrahedron({corner[tet[0]], corner[tet[1]], corner[tet[2]], corner[tet[3]]});
    }

    void tetrahedron(const std::array<std::size_t, 4>& v) {
        std::size_t in[4], out[4];
        int ni = 0, no = 0;
        for (std::size_t i : v) (inside(i) ? in[ni++] : out[no++]) = i;
        if (ni == 0 || no == 0) return;
        if (ni == 1) {
            triangle(edge(in[0], out[0]), edge(in[0], out[1]), edge(in[0], out[2]), in[0], out[0]);
        } else if (ni == 3) {
            triangle(edge(in[0], out[0]), edge(in[1], out[0]), edge(in[2], out[0]), in[0], out[0]);
        } else {
            const std::uint32_t a = edge(in[0], out[0]), b = edge(in[0], out[1]), c = edge(in[1], out[1]), d = edge(in[1], out[0]);
            triangle(a, b, c, in[0], out[0]);
            triangle(a, c, d, in[0], out[0]);
        }
    }

    // Adds a triangle facing from the inside sample toward the outside one.
    void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::size_t inSample, std::size_t outSample) {
        const glm::vec3 &pa = mesh_.positions[a], &pb = mesh_.positions[b], &pc = mesh_.positions[c];
        const glm::vec3 outward = samplePoint(outSample) - samplePoint(inSample);
        if (glm::dot(glm::cross(pb - pa, pc - pa), outward) < 0.0f) std::swap(b, c);
        mesh_.indices.insert(mesh_.indices.end(), {a, b, c});
    }

    glm::vec3 samplePoint(std::size_t i) const {
        const int x = static_cast<int>(i % std::size_t(grid_.nx));
        const int y = static_cast<int>((i / std::size_t(grid_.nx)) % std::size_t(grid_.ny));
        const int z = static_cast<int>(i / (std::size_t(grid_.nx) * std::size_t(grid_.ny)));
        return grid_.point(x, y, z);
    }

    // The vertex where the field crosses the iso value on the edge between two samples (shared by
    // every tetrahedron that uses the edge, which is what closes the surface).
    std::uint32_t edge(std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        const std::uint64_t key = std::uint64_t(a) * grid_.values.size() + b;
        const auto found = vertices_.find(key);
        if (found != vertices_.end()) return found->second;
        const float fa = grid_.values[a], fb = grid_.values[b];
        // Kept off the samples themselves, so vertices of neighbouring edges never coincide.
        const float t = fb != fa ? std::clamp((iso_ - fa) / (fb - fa), 1e-3f, 1.0f - 1e-3f) : 0.5f;
        mesh_.positions.push_back(samplePoint(a) + (samplePoint(b) - samplePoint(a)) * t);
        const auto index = static_cast<std::uint32_t>(mesh_.positions.size() - 1);
        vertices_.emplace(key, index);
        return index;
    }

    const ScalarGrid& grid_;
    float iso_;
    MeshData mesh_;
    std::unordered_map<std::uint64_t, std::uint32_t> vertices_;
};

} // namespace

MeshData extractIsoSurface(const ScalarGrid& grid, float iso) {
    if (grid.nx < 2 || grid.ny < 2 || grid.nz < 2) return {};
    return Extractor(grid, iso).run();
}

} // namespace spineviz
