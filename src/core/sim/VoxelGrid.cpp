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

} // namespace spineviz
