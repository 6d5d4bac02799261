#pragma once
// Turns a signed-distance field into a closed triangle mesh: samples the field on a regular grid
// (only near the surface) and extracts iso-surfaces by marching tetrahedra. Marching tetrahedra on a
// Kuhn (Freudenthal) subdivision is used, not marching cubes, because it is guaranteed to give a
// closed, consistently oriented 2-manifold: the simplifier then reduces the (many, some thin)
// triangles it makes.

#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <functional>
#include <vector>

namespace spine_model {

using Field = std::function<float(const glm::vec3&)>;

struct Box {
    glm::vec3 lo{0.0f}, hi{0.0f};
};

struct SampledGrid {
    glm::vec3 origin{0.0f};
    float cell = 1.0f;
    int nx = 0, ny = 0, nz = 0;      // grid points along each axis
    std::vector<float> values;       // x fastest, then y, then z

    float at(int x, int y, int z) const { return values[index(x, y, z)]; }
    std::size_t index(int x, int y, int z) const {
        return static_cast<std::size_t>(x) + static_cast<std::size_t>(nx) * (static_cast<std::size_t>(y) + static_cast<std::size_t>(ny) * static_cast<std::size_t>(z));
    }
    glm::vec3 point(int x, int y, int z) const { return origin + cell * glm::vec3(x, y, z); }
};

// Samples `field` over `box` (padded by two cells) with spacing `cell`. Points far from every level in
// `isoLevels` (judged from a coarse pass with Lipschitz bound `lipschitz`) keep their coarse value, which
// has the right sign; grid points on the padding are forced outside so every surface closes.
SampledGrid sampleField(const Field& field, const Box& box, float cell, const std::vector<float>& isoLevels,
                        float lipschitz = 2.0f);

// The iso-surface {value == iso} as a closed mesh, wound counter-clockwise seen from the side where
// the value is larger (outside). Positions interpolate the grid values linearly.
spineviz::MeshData marchingTetrahedra(const SampledGrid& grid, float iso);

} // namespace spine_model
