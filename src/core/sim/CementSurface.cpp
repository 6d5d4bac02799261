#include "core/sim/CementSurface.h"

#include "core/mesh/IsoSurface.h"
#include "core/mesh/MeshNormals.h"

#include <algorithm>

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

// Taubin's lambda|mu smoothing: a shrinking then an inflating umbrella step per pass, which takes
// out the grid's facets without melting the mass away (Taubin 1995).
void taubinSmooth(MeshData& mesh, int passes) {
    const std::size_t n = mesh.positions.size();
    std::vector<std::vector<std::uint32_t>> neighbours(n);
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[t + std::size_t(k)], b = mesh.indices[t + std::size_t((k + 1) % 3)];
            neighbours[a].push_back(b);
            neighbours[b].push_back(a);
        }
    for (auto& list : neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    std::vector<glm::vec3> next(n);
    for (int pass = 0; pass < 2 * passes; ++pass) {
        const float factor = pass % 2 == 0 ? 0.5f : -0.53f;
        for (std::size_t i = 0; i < n; ++i) {
            if (neighbours[i].empty()) {
                next[i] = mesh.positions[i];
                continue;
            }
            glm::vec3 mean(0.0f);
            for (std::uint32_t j : neighbours[i]) mean += mesh.positions[j];
            mean /= float(neighbours[i].size());
            next[i] = mesh.positions[i] + factor * (mean - mesh.positions[i]);
        }
        mesh.positions.swap(next);
    }
}

} // namespace

MeshData cementSurface(const CementField& field, float time) {
    if (field.empty() || time < 0.0f) return {};
    // Samples at voxel centres with two empty samples around, so every surface closes after the
    // wider blur.
    const VoxelGrid& v = field.grid;
    ScalarGrid g;
    g.nx = v.nx + 4;
    g.ny = v.ny + 4;
    g.nz = v.nz + 4;
    g.spacing = v.cell;
    g.origin = v.centre(-2, -2, -2);
    g.values.assign(std::size_t(g.nx) * g.ny * g.nz, 0.0f);
    bool any = false;
    for (int z = 0; z < v.nz; ++z)
        for (int y = 0; y < v.ny; ++y)
            for (int x = 0; x < v.nx; ++x)
                if (field.filledAt(x, y, z, time)) {
                    g.values[g.index(x + 2, y + 2, z + 2)] = 1.0f;
                    any = true;
                }
    if (!any) return {};
    // Two passes of the [1 2 1] filter make a [1 4 6 4 1] kernel: a dough-like, rounded mass that
    // still follows the voxels' fingers into the bone.
    for (int pass = 0; pass < 2; ++pass)
        for (int axis = 0; axis < 3; ++axis) smoothAxis(g, axis);
    // Inside is where the smoothed occupancy is high: negate so "below iso" means inside. The
    // smoothed values are multiples of 1/4096; an iso level between two of them never meets a sample.
    for (float& value : g.values) value = -value;
    MeshData mesh = extractIsoSurface(g, -0.5f + 1.0f / 8192.0f);
    taubinSmooth(mesh, 10); // the marching tetrahedra's facets
    computeVertexNormals(mesh);
    return mesh;
}

} // namespace spineviz
