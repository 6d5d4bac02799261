#pragma once
// Neural tissue in the canal, in world space (mm): the spinal cord (an elliptical tube along the
// canal's centre line, thickening at the lumbar enlargement and tapering to the conus medullaris
// around the L1-L2 disc) and, below it, the cauda equina (a bundle of roots that spreads and thins
// down to S2). Sizes are estimates from general anatomy (cord ~9 x 7 mm, not in the reference file).

#include "Layout.h"
#include "Polygonise.h"
#include "VertebraShape.h"

#include <vector>

namespace spine_model {

class NeuralShape {
public:
    explicit NeuralShape(const SpineLayout& layout);

    float cord(const glm::vec3& p) const { return unionOfLimbs(cord_, p, 1.0f); }
    float caudaEquina(const glm::vec3& p) const { return unionOfLimbs(cauda_, p, 0.7f); }
    Box cordBounds() const { return cordBounds_; }
    Box caudaBounds() const { return caudaBounds_; }

private:
    std::vector<glm::vec3> centreLine_;  // canal centre, top to bottom
    std::vector<BoundedLimb> cord_, cauda_;
    Box cordBounds_, caudaBounds_;
};

} // namespace spine_model
