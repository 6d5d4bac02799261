#pragma once
// Samples a signed-distance field on a regular grid for iso-surface extraction (the extraction itself
// is the core's spineviz::extractIsoSurface: marching tetrahedra on the Kuhn split, closed manifold
// output). Only the grid points near a wanted iso level are evaluated exactly: blocks whose centre
// value proves them far from every level (by a Lipschitz bound) are filled with that value, which has
// the right sign, so the extraction sees no surface there.

#include "core/mesh/IsoSurface.h"

#include <glm/vec3.hpp>

#include <functional>
#include <vector>

namespace spine_model {

using Field = std::function<float(const glm::vec3&)>;

struct Box {
    glm::vec3 lo{0.0f}, hi{0.0f};
};

// Samples `field` over `box` (padded by two cells) with spacing `cell`, exactly near every level in
// `isoLevels`. Grid points on the padding's outer layer are forced outside so every surface closes.
spineviz::ScalarGrid sampleField(const Field& field, const Box& box, float cell, const std::vector<float>& isoLevels,
                                 float lipschitz = 2.0f);

} // namespace spine_model
