#include "core/sim/CementParts.h"

#include "core/sim/CementSurface.h"

#include <algorithm>
#include <cmath>

namespace spineviz {

CementField cementPart(const CementField& field, int part) {
    CementField out;
    out.injectionSeconds = field.injectionSeconds;
    out.flowMlPerSecond = 0.0f; // a part's volume is what its voxels hold, not the syringe's count
    out.injectionStartMinutes = field.injectionStartMinutes;
    out.rheology = field.rheology;
    out.stopReason = field.stopReason;
    const VoxelGrid& g = field.grid;
    int lo[3] = {g.nx, g.ny, g.nz}, hi[3] = {-1, -1, -1};
    for (int z = 0; z < g.nz; ++z)
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x) {
                const std::size_t i = g.index(x, y, z);
                if (!std::isfinite(field.fillTime[i]) || field.partOf(i) != part) continue;
                const int c[3] = {x, y, z};
                for (int a = 0; a < 3; ++a) {
                    lo[a] = std::min(lo[a], c[a]);
                    hi[a] = std::max(hi[a], c[a]);
                }
            }
    if (hi[0] < 0) return out;
    const int size[3] = {g.nx, g.ny, g.nz};
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max(0, lo[a] - 1);
        hi[a] = std::min(size[a] - 1, hi[a] + 1);
    }
    out.grid = g.sub(lo, hi);
    out.fillTime.assign(out.grid.count(), kNeverFilled);
    out.voxelMl.assign(out.grid.count(), 0.0f);
    for (int z = lo[2]; z <= hi[2]; ++z)
        for (int y = lo[1]; y <= hi[1]; ++y)
            for (int x = lo[0]; x <= hi[0]; ++x) {
                const std::size_t i = g.index(x, y, z);
                if (!std::isfinite(field.fillTime[i]) || field.partOf(i) != part) continue;
                const std::size_t o = out.grid.index(x - lo[0], y - lo[1], z - lo[2]);
                out.fillTime[o] = field.fillTime[i];
                out.voxelMl[o] = field.cementMlOf(i);
            }
    out.finish();
    return out;
}

MeshData retainedCementSurface(const CementField& field, float time) {
    if (field.part.empty()) return cementSurface(field, time);
    return cementSurface(cementPart(field, 0), time);
}

MeshData leakSurface(const CementField& field, int leak, float time) {
    if (leak < 0 || std::size_t(leak) >= field.leaks.size()) return {};
    return cementSurface(cementPart(field, leak + 1), time);
}

} // namespace spineviz
