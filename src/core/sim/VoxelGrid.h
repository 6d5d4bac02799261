#pragma once
// A regular grid of cubic cells over a box: the frame of the cement simulations.

#include <glm/vec3.hpp>

#include <cstddef>

namespace spineviz {

struct VoxelGrid {
    glm::vec3 origin{0.0f}; // corner of cell (0,0,0)
    float cell = 0.001f;    // metres
    int nx = 0, ny = 0, nz = 0;

    std::size_t count() const { return std::size_t(nx) * std::size_t(ny) * std::size_t(nz); }
    std::size_t index(int x, int y, int z) const { return std::size_t(x) + std::size_t(nx) * (std::size_t(y) + std::size_t(ny) * std::size_t(z)); }
    glm::vec3 centre(int x, int y, int z) const { return origin + cell * (glm::vec3(float(x), float(y), float(z)) + 0.5f); }
    float cellVolumeMl() const { return cell * cell * cell * 1e6f; } // m^3 -> mL
    bool contains(int x, int y, int z) const { return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz; }

    // A grid covering [lo, hi] with cells of about `cell` metres.
    static VoxelGrid covering(const glm::vec3& lo, const glm::vec3& hi, float cell);
    // The cells lo..hi (inclusive, per axis) of this grid, as a grid of their own.
    VoxelGrid sub(const int lo[3], const int hi[3]) const;
};

} // namespace spineviz
