#include "core/sim/CementSurface.h"

#include "core/mesh/IsoSurface.h"
#include "core/mesh/MeshNormals.h"

namespace spineviz {
namespace {

// One pass of a [1 2 1]/4 filter along an axis, in place.
void smoothAxis(ScalarGrid& g, int axis) {
    const std::vector<float> in = g.values;
    const int n[3] = {g.nx, g.ny, g.nz};
    for (int z = 0; z < g.nz; ++z)
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x) {
                int c[3] = {x, y, z};
                const int i = c[axis];
                if (i == 0 || i == n[axis] - 1) continue; // the border stays empty, which keeps the surface closed
                c[axis] = i - 1;
                const float before = in[g.index(c[0], c[1], c[2])];
                c[axis] = i + 1;
                const float after = in[g.index(c[0], c[1], c[2])];
                g.values[g.index(x, y, z)] = 0.25f * before + 0.5f * in[g.index(x, y, z)] + 0.25f * after;
            }
}

} // namespace

MeshData cementSurface(const CementField& field, float time) {
    if (field.empty() || time < 0.0f) return {};
    // Samples at voxel centres with one empty sample around, so every surface closes.
    const VoxelGrid& v = field.grid;
    ScalarGrid g;
    g.nx = v.nx + 2;
    g.ny = v.ny + 2;
    g.nz = v.nz + 2;
    g.spacing = v.cell;
    g.origin = v.centre(-1, -1, -1);
    g.values.assign(std::size_t(g.nx) * g.ny * g.nz, 0.0f);
    bool any = false;
    for (int z = 0; z < v.nz; ++z)
        for (int y = 0; y < v.ny; ++y)
            for (int x = 0; x < v.nx; ++x)
                if (field.filledAt(x, y, z, time)) {
                    g.values[g.index(x + 1, y + 1, z + 1)] = 1.0f;
                    any = true;
                }
    if (!any) return {};
    for (int axis = 0; axis < 3; ++axis) smoothAxis(g, axis);
    // Inside is where the smoothed occupancy is high: negate so "below iso" means inside. The
    // smoothed values are multiples of 1/64; an iso level between two of them never meets a sample.
    for (float& value : g.values) value = -value;
    MeshData mesh = extractIsoSurface(g, -0.5f + 1.0f / 128.0f);
    computeVertexNormals(mesh);
    return mesh;
}

} // namespace spineviz
