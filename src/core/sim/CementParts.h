#pragma once
// The parts of a cement field, apart: the cement retained in the vertebral body and each leak, so
// a renderer can draw and label leaks on their own (the whole field's surface is cementSurface()).

#include "core/mesh/MeshData.h"
#include "core/sim/CementField.h"

namespace spineviz {

// One part of the field (0: retained in the body; i + 1: leak i), cropped around it, with its own
// fill times, ready to query or mesh. Empty when the part has no cement.
CementField cementPart(const CementField& field, int part);

// Closed surfaces at injection time t (anatomical frame, healthy pose), as cementSurface() makes them.
MeshData retainedCementSurface(const CementField& field, float time);
MeshData leakSurface(const CementField& field, int leak, float time);

} // namespace spineviz
