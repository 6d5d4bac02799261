#pragma once
// Shared by the cement flow simulation's files (CementFlowModel.cpp, CementInvasion.cpp; not a
// public header): voxel states, the neighbour walk, the heap order and the model constants.

#include "core/sim/BoneField.h"
#include "core/sim/VoxelGrid.h"

#include <cstddef>
#include <cstdint>

namespace spineviz::cement_detail {


// Calls visit(w) for each face neighbour w of cell v (grid coordinates c) that lies in the grid.
template <typename Visit>
inline void forEachFaceNeighbour(const VoxelGrid& g, std::uint32_t v, const int c[3], Visit visit) {
    const std::int64_t step[3] = {1, std::int64_t(g.nx), std::int64_t(g.nx) * g.ny};
    const int size[3] = {g.nx, g.ny, g.nz};
    for (int a = 0; a < 3; ++a)
        for (int d = -1; d <= 1; d += 2)
            if (c[a] + d >= 0 && c[a] + d < size[a]) visit(std::uint32_t(std::int64_t(v) + d * step[a]));
}

enum : std::uint8_t { kUntouched = 0, kBulkFront = 1, kLeakFront = 2, kFilled = 3, kBlocked = 4 };

inline constexpr double kPi = 3.14159265358979;
inline constexpr double kCavityOmegaPerMetre = 1e3; // an open cavity has next to no resistance: this only orders its filling (model)
inline constexpr std::size_t kPressureWindow = 64;  // invasions the tip pressure is taken over (the largest of them)
// Leaks beyond the cortex (model values, docs/cement.md): soft tissue and disc resist like a loose
// porous medium; a sheet of paravertebral cement stays this thick; the canal's epidural fat likewise.
inline constexpr double kSheetPermeability = 2e-8;  // m^2
inline constexpr double kSheetThickness = 0.002;    // m
inline constexpr double kDiscPermeability = 1e-7;   // m^2

struct Later {
    template <class E> bool operator()(const E& a, const E& b) const {
        return a.key > b.key || (a.key == b.key && a.voxel > b.voxel); // min-heap, ties by index: deterministic
    }
};

inline bool isVisibleMass(VoxelMaterial m) {
    return m == VoxelMaterial::Bone || m == VoxelMaterial::Cleft || m == VoxelMaterial::Rim || m == VoxelMaterial::Cavity;
}


} // namespace spineviz::cement_detail
