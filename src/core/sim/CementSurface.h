#pragma once
// The cement's surface at a moment of its injection, as a closed mesh in the field's frame (the
// treated vertebra's anatomical frame, healthy pose): the boundary of the voxels filled by then,
// smoothed so it reads as a poured, slightly glossy mass rather than as blocks.

#include "core/mesh/MeshData.h"
#include "core/sim/CementField.h"

namespace spineviz {

MeshData cementSurface(const CementField& field, float time);

} // namespace spineviz
