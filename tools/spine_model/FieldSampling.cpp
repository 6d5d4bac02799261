#include "FieldSampling.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace spine_model {
namespace {

constexpr int kCoarse = 16; // coarse block edge, in cells
constexpr int kFine = 4;    // fine block edge, in cells (divides kCoarse)

struct Sampler {
    const Field& field;
    spineviz::ScalarGrid& grid;
    const std::vector<float>& levels;
    float lipschitz;
    std::vector<std::array<int, 3>> exact; // fine blocks to evaluate point by point

    bool far(float value, int blockCells) const {
        const float margin = lipschitz * 0.5f * std::sqrt(3.0f) * static_cast<float>(blockCells) * grid.spacing;
        for (float iso : levels)
            if (std::abs(value - iso) <= margin) return false;
        return true;
    }

    float centreValue(int bx, int by, int bz, int blockCells) const {
        return field(grid.point(bx, by, bz) + glm::vec3(0.5f * static_cast<float>(blockCells) * grid.spacing));
    }

    void fill(int bx, int by, int bz, int blockCells, float value) {
        const int x1 = std::min(bx + blockCells, grid.nx - 1), y1 = std::min(by + blockCells, grid.ny - 1),
                  z1 = std::min(bz + blockCells, grid.nz - 1);
        for (int z = bz; z <= z1; ++z)
            for (int y = by; y <= y1; ++y)
                for (int x = bx; x <= x1; ++x) grid.values[grid.index(x, y, z)] = value;
    }

    void coarseBlock(int bx, int by, int bz) {
        const float value = centreValue(bx, by, bz, kCoarse);
        if (far(value, kCoarse)) {
            fill(bx, by, bz, kCoarse, value);
            return;
        }
        for (int fz = bz; fz < std::min(bz + kCoarse, grid.nz - 1); fz += kFine)
            for (int fy = by; fy < std::min(by + kCoarse, grid.ny - 1); fy += kFine)
                for (int fx = bx; fx < std::min(bx + kCoarse, grid.nx - 1); fx += kFine) {
                    const float v = centreValue(fx, fy, fz, kFine);
                    if (far(v, kFine)) fill(fx, fy, fz, kFine, v);
                    else exact.push_back({fx, fy, fz});
                }
    }

    // Exact values last, so points shared with a filled neighbour end up exact; each point once.
    void evaluateExact() {
        std::vector<std::uint8_t> done(grid.values.size(), 0);
        for (const auto& b : exact) {
            const int x1 = std::min(b[0] + kFine, grid.nx - 1), y1 = std::min(b[1] + kFine, grid.ny - 1), z1 = std::min(b[2] + kFine, grid.nz - 1);
            for (int z = b[2]; z <= z1; ++z)
                for (int y = b[1]; y <= y1; ++y)
                    for (int x = b[0]; x <= x1; ++x) {
                        const std::size_t i = grid.index(x, y, z);
                        if (done[i]) continue;
                        done[i] = 1;
                        grid.values[i] = field(grid.point(x, y, z));
                    }
        }
    }
};

void forceOutsideBorder(spineviz::ScalarGrid& grid, float iso) {
    const float outside = std::max(iso, 0.0f) + grid.spacing;
    auto raise = [&](int x, int y, int z) {
        float& v = grid.values[grid.index(x, y, z)];
        v = std::max(v, outside);
    };
    for (int z = 0; z < grid.nz; ++z)
        for (int y = 0; y < grid.ny; ++y) {
            const bool face = z == 0 || y == 0 || z == grid.nz - 1 || y == grid.ny - 1;
            if (face)
                for (int x = 0; x < grid.nx; ++x) raise(x, y, z);
            else {
                raise(0, y, z);
                raise(grid.nx - 1, y, z);
            }
        }
}

} // namespace

spineviz::ScalarGrid sampleField(const Field& field, const Box& box, float cell, const std::vector<float>& isoLevels, float lipschitz) {
    spineviz::ScalarGrid grid;
    grid.spacing = cell;
    // The grid is offset by an odd fraction of a cell, so that shapes laid out in round numbers do
    // not put their surfaces exactly through grid points (which makes degenerate slivers).
    grid.origin = box.lo - glm::vec3(2.3719f * cell);
    const glm::vec3 extent = box.hi - box.lo + glm::vec3(4.0f * cell);
    grid.nx = static_cast<int>(std::ceil(extent.x / cell)) + 1;
    grid.ny = static_cast<int>(std::ceil(extent.y / cell)) + 1;
    grid.nz = static_cast<int>(std::ceil(extent.z / cell)) + 1;
    grid.values.assign(static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny) * static_cast<std::size_t>(grid.nz), 0.0f);

    Sampler sampler{field, grid, isoLevels, lipschitz, {}};
    for (int bz = 0; bz < grid.nz - 1; bz += kCoarse)
        for (int by = 0; by < grid.ny - 1; by += kCoarse)
            for (int bx = 0; bx < grid.nx - 1; bx += kCoarse) sampler.coarseBlock(bx, by, bz);
    sampler.evaluateExact();
    float highest = 0.0f;
    for (float iso : isoLevels) highest = std::max(highest, iso);
    forceOutsideBorder(grid, highest);
    return grid;
}

} // namespace spine_model
