#pragma once
// Neural tissue in the canal, in world space (mm): the spinal cord (an elliptical tube along the
// canal's centre line, thickening at the lumbar enlargement and tapering to the conus medullaris
// around the L1-L2 disc) and, below it, the cauda equina (a bundle of roots that spreads and thins
// down to S2). Sizes are estimates from general anatomy (cord ~9 x 7 mm, not in the reference file).

#include "Layout.h"
#include "FieldSampling.h"
#include "Parts.h"

#include <vector>

namespace spine_model {

class NeuralShape {
public:
    explicit NeuralShape(const SpineLayout& layout);

    float cord(const glm::vec3& p) const { return cordSet_.distance(p); }
    float caudaEquina(const glm::vec3& p) const { return caudaSet_.distance(p); }
    Box cordBounds() const { return cordBounds_; }
    Box caudaBounds() const { return caudaBounds_; }

private:
    std::vector<glm::vec3> centreLine_;  // canal centre, top to bottom
    std::vector<Part> cord_, cauda_;
    PartSet cordSet_, caudaSet_;
    Box cordBounds_, caudaBounds_;
};

// One spinal nerve root with its dorsal-root ganglion, in the frame of the vertebra it is named by
// (mm): from the cord's side (thoracic) or from the dural sac one level up (lumbar, descending in
// the lateral recess), under the pedicle of that vertebra through the intervertebral foramen below
// it, where the ganglion swells, and on outwards, forwards and down for a short stub.
class NerveRootShape {
public:
    NerveRootShape(const VertebraGeometry& g, int side);

    float distance(const glm::vec3& p) const { return set_.distance(p); }
    Box bounds() const { return bounds_; }

private:
    PartSet set_;
    Box bounds_;
};

} // namespace spine_model
