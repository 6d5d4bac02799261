#pragma once
// Iso-surfaces of a scalar field sampled on a regular grid, by marching tetrahedra on the Kuhn
// (Freudenthal) split of each cube: unlike marching cubes it has no ambiguous cases, so the result
// is always a closed, consistently wound 2-manifold where the field is "outside" on the grid's
// border.

#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <vector>

namespace spineviz {

struct ScalarGrid {
    glm::vec3 origin{0.0f}; // position of sample (0,0,0)
    float spacing = 1.0f;
    int nx = 0, ny = 0, nz = 0;
    std::vector<float> values; // x fastest, then y, then z

    std::size_t index(int x, int y, int z) const { return std::size_t(x) + std::size_t(nx) * (std::size_t(y) + std::size_t(ny) * std::size_t(z)); }
    float at(int x, int y, int z) const { return values[index(x, y, z)]; }
    glm::vec3 point(int x, int y, int z) const { return origin + spacing * glm::vec3(float(x), float(y), float(z)); }
};

// The surface where the field equals `iso`; "inside" is where it is below. Triangles wind
// counter-clockwise seen from outside. Normals are left empty.
MeshData extractIsoSurface(const ScalarGrid& grid, float iso);

} // namespace spineviz
