#pragma once
// Where to pin a label on each part of a vertebra, found from its landmarks and its own surface
// (the tip of the spinous process is its most posterior point, the transverse process tip its most
// lateral, ...), so any model carrying the landmarks gets its parts named. Points are in the node's
// local space and lie on (or, for the canal, inside) the bone.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace spineviz {

struct PartAnchor {
    std::string term;  // a glossary term (core/content/Learn.h), e.g. "Pedicle"
    glm::vec3 point;   // node-local
};

// Anchors on the patient's left side for paired parts (pedicle, processes), which faces a left
// lateral or oblique view.
std::vector<PartAnchor> vertebraPartAnchors(const MeshData& outerSurface, const VertebraLandmarks& landmarks);

} // namespace spineviz
