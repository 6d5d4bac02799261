#pragma once
// A C-arm to draw in the 3D view, so students see where each X-ray image comes from: the tube
// housing with its collimator, the image intensifier, the C joining them and the beam from the
// focal spot to the detector's round field (as its central ray and rays to the field's rim).
// GL-free meshes in the arm frame of
// CArmView::armFrame (origin at the isocentre, +Z toward the source, +X the image's right), in
// metres at true size; the drawer scales them about the isocentre.

#include "core/mesh/MeshData.h"
#include "core/xray/CArm.h"

namespace spineviz::xray {

struct CArmMeshes {
    MeshData tube;     // X-ray tube housing and collimator
    MeshData detector; // image intensifier
    MeshData arc;      // the C
    MeshData centralRay; // the primary beam's central ray, focal spot to detector
    MeshData rimRays;    // rays from the focal spot to the rim of the detector's field
};

// Dimensions of the housings are estimates (a generic mobile C-arm); the beam's rays are exact.
CArmMeshes buildCArmMeshes(const CArmGeometry& geometry);

} // namespace spineviz::xray
