#include "core/sim/VoxelGrid.h"

#include <algorithm>
#include <cmath>

namespace spineviz {

VoxelGrid VoxelGrid::covering(const glm::vec3& lo, const glm::vec3& hi, float cellSize) {
    VoxelGrid grid;
    grid.cell = cellSize;
    grid.origin = lo;
    const glm::vec3 extent = hi - lo;
    grid.nx = std::max(1, static_cast<int>(std::ceil(extent.x / cellSize)));
    grid.ny = std::max(1, static_cast<int>(std::ceil(extent.y / cellSize)));
    grid.nz = std::max(1, static_cast<int>(std::ceil(extent.z / cellSize)));
    return grid;
}

VoxelGrid VoxelGrid::sub(const int lo[3], const int hi[3]) const {
    VoxelGrid out;
    out.cell = cell;
    out.origin = origin + cell * glm::vec3(float(lo[0]), float(lo[1]), float(lo[2]));
    out.nx = hi[0] - lo[0] + 1;
    out.ny = hi[1] - lo[1] + 1;
    out.nz = hi[2] - lo[2] + 1;
    return out;
}

} // namespace spineviz
