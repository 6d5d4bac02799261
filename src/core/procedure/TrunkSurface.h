#pragma once
// The patient's trunk around the spine, as a closed surface for the 3D view: the skin a patient
// sees the small incisions in, drawn see-through while the team works from outside (getting ready,
// reaching the bone, taking the instruments out). The model holds only the spine, so the trunk is
// an estimate: the X-ray's elliptic trunk (core/xray/BodyOutline.h), following the spine's curve
// from above T1 to below L5, its ends rounded.

#include "core/anatomy/SpineAnatomy.h"
#include "core/mesh/MeshData.h"
#include "core/procedure/SpinePose.h"
#include "core/scene/Scene.h"

namespace spineviz {

// World space, healthy pose. Empty when the model has no vertebrae with landmarks.
MeshData trunkSurface(const Scene& scene, const SpineAnatomy& anatomy);

// The trunk bent with the spine: what is above the fractured vertebra tips with it, blended over
// a band around the fracture so the skin bends smoothly instead of folding at one height.
MeshData posedTrunk(const MeshData& trunk, const SpinePose& pose, const BodyDeformation& deformation);

} // namespace spineviz
